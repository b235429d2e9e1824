// The real `bin/pyseam` on samples/monorepo: exit statuses, both formats, schema validation,
// determinism, and usage errors (exit 2, the message naming the flag or key).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../src/report/validate.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const pyseam = (...args: string[]) => {
  const r = spawnSync('node', ['bin/pyseam', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const SAMPLE = 'samples/monorepo';

describe('pyseam analyze (CLI)', () => {
  it('exits 0 and prints the text report without colour under NO_COLOR', () => {
    const r = pyseam('analyze', SAMPLE);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^pyseam \d+\.\d+\.\d+ {2}roots: \. \(analyzed-directory\), kerasish\/src \(src-layout\), tensorflux \(distribution\)/);
    expect(r.stdout).toContain('kerasish/src/kerasish/training.py:3:1');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('writes JSON that validates against schema/report.schema.json, byte-identical across runs', () => {
    const a = pyseam('analyze', SAMPLE, '--format', 'json');
    const b = pyseam('analyze', SAMPLE, '--format', 'json');
    expect(a.status).toBe(0);
    expect(validateReport(JSON.parse(a.stdout))).toEqual([]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toContain(repo);
  });

  it('warns when PATH is itself a package (its modules lose its name), not when a --root says where names start', () => {
    const top = mkdtempSync(join(tmpdir(), 'pyseam-cli-pkg-'));
    const pkg = join(top, 'mypkg');
    mkdirSync(join(pkg, 'sub'), { recursive: true });
    writeFileSync(join(pkg, '__init__.py'), '');
    writeFileSync(join(pkg, 'sub', '__init__.py'), 'from mypkg import helpers\n');
    writeFileSync(join(pkg, 'helpers.py'), '');
    const inside = pyseam('analyze', pkg, '--no-cache', '--format', 'json');
    expect(inside.status).toBe(0);
    expect(inside.stderr).toBe('pyseam: warning: PATH is itself a package (it holds __init__.py): its modules are named from inside it '
      + '(`x.y`, not `mypkg.x.y`) and its own absolute imports of mypkg look external; analyze the directory above it, '
      + 'or a directory holding a symlink to it, for the names Python imports them by\n');
    // What the warning says, as Python would have it: from inside, `sub` imports an external `mypkg`.
    expect(JSON.parse(inside.stdout).edges.map((e: { from: string; to: string; external: boolean }) => [e.from, e.to, e.external])).toEqual([['sub', 'mypkg', true]]);
    const above = pyseam('analyze', top, '--no-cache', '--format', 'json');
    expect(above.stderr).toBe('');
    expect(JSON.parse(above.stdout).edges.map((e: { from: string; to: string; external: boolean }) => [e.from, e.to, e.external])).toEqual([['mypkg.sub', 'mypkg.helpers', false]]);
    expect(pyseam('analyze', pkg, '--no-cache', '--root', '.').stderr).toBe('');
  });

  it('--output writes the file and nothing to stdout', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pyseam-cli-')), 'report.json');
    const r = pyseam('analyze', SAMPLE, '--format', 'json', '--output', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.privateImports).toBe(5);
  });

  it('--fail-on-private-import and --fail-on-cycle exit 1 when they find something', () => {
    expect(pyseam('analyze', SAMPLE, '--fail-on-private-import').status).toBe(1);
    expect(pyseam('analyze', SAMPLE, '--fail-on-cycle').status).toBe(1);
    expect(pyseam('analyze', 'samples/monorepo/tools', '--fail-on-private-import', '--fail-on-cycle').status).toBe(0);
  });

  it('--private and --public add to the config', () => {
    const r = JSON.parse(pyseam('analyze', SAMPLE, '--format', 'json', '--public', 'tensorflux.python.ops').stdout);
    expect(r.options.public).toEqual(['tensorflux.python.keras_api', 'tensorflux.python.ops']);
    expect(r.privateImports.map((p: { target: string }) => p.target)).not.toContain('tensorflux.python.ops');
  });

  it('explains every flag in --help', () => {
    const r = pyseam('analyze', '--help');
    expect(r.status).toBe(0);
    for (const flag of ['--root', '--config', '--private', '--public', '--exclude', '--no-type-checking', '--no-lazy', '--no-dynamic', '--format', '--output', '--fail-on-private-import', '--fail-on-cycle']) {
      expect(r.stdout).toContain(flag);
    }
    expect(pyseam('--help').stdout).toContain('analyze');
  });

  it('exits 2 for a bad flag, a bad format, a missing path, a bad config', () => {
    const unknown = pyseam('analyze', SAMPLE, '--frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("--frobnicate");
    const format = pyseam('analyze', SAMPLE, '--format', 'xml');
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/--format.*xml/s);
    const missing = pyseam('analyze', 'no/such/dir');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such directory: no/such/dir');

    const dir = mkdtempSync(join(tmpdir(), 'pyseam-config-'));
    writeFileSync(join(dir, 'pyproject.toml'), '[tool.pyseam]\nprivate = "tensorflow.python"\nroot = ["src"]\n');
    const bad = pyseam('analyze', dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('  private: expected a list');
    expect(bad.stderr).toMatch(/root: unknown key/);
    writeFileSync(join(dir, 'pyproject.toml'), '[tool.pyseam\n');
    expect(pyseam('analyze', dir).stderr).toMatch(/pyproject.toml: not valid TOML at line 1, column \d+/);
    expect(pyseam('analyze', dir, '--config', join(dir, 'nope.toml')).stderr).toContain('--config: no such file');
  });

  it('exits 2 for roots outside PATH or missing, prefixes that are not dotted names, an unwritable --output', () => {
    expect(pyseam('analyze', SAMPLE, '--root', '/tmp').stderr).toContain('--root /tmp: expected a directory inside');
    const missing = pyseam('analyze', SAMPLE, '--root', 'nope');
    expect([missing.status, missing.stderr]).toEqual([2, 'pyseam: --root nope: no such directory\n']);
    expect(pyseam('analyze', SAMPLE, '--root', 'pyseam.toml').stderr).toContain('expected a directory, got a file');
    const prefix = pyseam('analyze', SAMPLE, '--private', 'tensorflow.*');
    expect([prefix.status, prefix.stderr]).toEqual([2, "pyseam: --private 'tensorflow.*': expected a dotted module name such as tensorflow.python\n"]);
    const output = pyseam('analyze', SAMPLE, '--output', '/nonexistent/dir/x.json');
    expect(output.status).toBe(2);
    expect(output.stderr).toMatch(/^pyseam: --output: cannot write \/nonexistent\/dir\/x.json/);
    const none = pyseam();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Usage: pyseam');
  });

  it('takes an absolute --root inside PATH as relative to it', () => {
    const r = JSON.parse(pyseam('analyze', SAMPLE, '--format', 'json', '--root', join(repo, SAMPLE, 'kerasish/src'), '--root', 'tensorflux').stdout);
    expect(r.roots).toEqual([{ path: '.', reason: 'analyzed-directory' }, { path: 'kerasish/src', reason: 'user' }, { path: 'tensorflux', reason: 'user' }]);
    expect(r.summary.cycles).toBe(3);
  });

  it('says on standard error why a gate failed, and warns of a prefix that names nothing', () => {
    const r = pyseam('analyze', SAMPLE, '--fail-on-private-import', '--fail-on-cycle', '--private', 'tensorflux.pyhton', '--format', 'json');
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      'pyseam: warning: private prefix tensorflux.pyhton matches no module and no import',
      'pyseam: --fail-on-private-import: 5 private imports',
      'pyseam: --fail-on-cycle: 3 import cycles (largest: 3 modules)',
      '',
    ]);
  });

  it('a file that does not parse is not an exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyseam-broken-'));
    writeFileSync(join(dir, 'a.py'), 'import os\ndef broken(:\n');
    writeFileSync(join(dir, 'b.py'), Buffer.from([0x69, 0x6d, 0x70, 0x6f, 0x72, 0x74, 0x20, 0x78, 0x0a, 0xff, 0xfe, 0x0a]));
    const r = JSON.parse(pyseam('analyze', dir, '--format', 'json').stdout);
    expect(r.parseErrors.map((e: { file: string; line: number }) => [e.file, e.line])).toEqual([['a.py', 2]]);
    expect(r.skippedFiles.map((s: { file: string }) => s.file)).toEqual(['b.py']);
    expect(r.edges.map((e: { from: string; to: string }) => [e.from, e.to])).toEqual([['a', 'os']]);
  });
});

describe('config errors name the nested key and what was expected', () => {
  it('lists every problem of contract and component tables, and hints at the pyseam.toml layout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyseam-nested-'));
    writeFileSync(join(dir, 'pyseam.toml'), '[[contract]]\nname = "x"\ntype = "layer"\nsources = ["a"]\n[[component]]\nname = "c"\nmodules = []\n');
    const r = pyseam('analyze', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('  contract[0].sources: unknown key; expected one of name, type, layers, source, forbidden, indirect, modules, components');
    expect(r.stderr).toContain('  contract[0].type: expected one of layers, forbidden, independence, acyclic');
    expect(r.stderr).toContain('  component[0].modules: expected at least 1 item');
    writeFileSync(join(dir, 'pyseam.toml'), '[[tool.pyseam.contract]]\nname = "x"\ntype = "layers"\n');
    expect(pyseam('analyze', dir).stderr).toContain('in pyseam.toml the keys stand at the top level');
    writeFileSync(join(dir, 'pyseam.toml'), '[[component]]\nname = "c"\nmodules = ["a"]\n[[component]]\nname = "d"\nmodules = ["a"]\n');
    expect(pyseam('analyze', dir).stderr).toContain("component[1].modules: 'a' is already a prefix of component 'c'");
  });
});

describe('analyze --baseline --format json', () => {
  it('validates against the report schema with its baseline comparison', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyseam-baseline-json-'));
    const file = join(dir, 'baseline.json');
    expect(pyseam('baseline', SAMPLE, '--output', file).status).toBe(0);
    const r = pyseam('analyze', SAMPLE, '--format', 'json', '--baseline', file);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.baseline).toBeDefined();
    expect(validateReport(json)).toEqual([]);
  });
});

describe('--quiet', () => {
  it('prints nothing but the gate failure', () => {
    const r = pyseam('analyze', SAMPLE, '--quiet', '--fail-on-cycle', '--private', 'tensorflux.pyhton');
    expect([r.status, r.stdout, r.stderr]).toEqual([1, '', 'pyseam: --fail-on-cycle: 3 import cycles (largest: 3 modules)\n']);
  });
});
