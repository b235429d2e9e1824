// Issue 4's end-to-end gate in a temporary git repository: the sample (5 private imports and 3
// cycles, hand-checked in test/samples/monorepo.expected.ts) is committed with its baseline; a
// branch adds one private import and one cycle:
//   kerasish/models.py       + from tensorflux.python.ops import math_ops   (a new private import)
//   tensorflux/api/nn.py     + from tensorflux.api import array            (with the next line:
//   tensorflux/api/array.py  + from tensorflux.api import nn                a new two-module cycle)
// The gate must fail with exactly those two, and pass once they are reverted; a renamed script
// and moved lines must not make old violations look new.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const run = (cmd: string, args: string[], cwd: string) => spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const pyseam = (cwd: string, ...args: string[]) => run('node', [join(repo, 'bin/pyseam'), ...args], cwd);
const git = (cwd: string, ...args: string[]) => {
  const r = run('git', args, cwd);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
};

describe('the CI gate in a git repository', () => {
  it('fails with exactly the new private import and the new cycle, and passes once they are gone', () => {
    const top = join(mkdtempSync(join(tmpdir(), 'pyseam-gate-')), 'monorepo');
    cpSync(join(repo, 'samples/monorepo'), top, { recursive: true });
    git(top, 'init', '-q', '-b', 'main');
    git(top, 'config', 'user.name', 'pyseam test');
    git(top, 'config', 'user.email', 'test@pyseam.invalid');
    expect(pyseam(top, 'baseline', '.').status).toBe(0);
    git(top, 'add', '-A');
    git(top, 'commit', '-q', '-m', 'the sample and its baseline');
    const gate = () => pyseam(top, 'analyze', '.', '--baseline', 'pyseam-baseline.json', '--fail-on-private-import', '--fail-on-cycle', '--quiet');
    expect(gate().status).toBe(0);

    git(top, 'checkout', '-q', '-b', 'feature');
    appendFileSync(join(top, 'kerasish/src/kerasish/models.py'), '\nfrom tensorflux.python.ops import math_ops\n');
    appendFileSync(join(top, 'tensorflux/tensorflux/api/nn.py'), '\nfrom tensorflux.api import array\n');
    appendFileSync(join(top, 'tensorflux/tensorflux/api/array.py'), '\nfrom tensorflux.api import nn\n');
    git(top, 'commit', '-q', '-am', 'two new violations');
    const failed = gate();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('--fail-on-private-import: 1 new private import not in the baseline');
    expect(failed.stderr).toMatch(/--fail-on-cycle: 1 new import cycle/);
    const json = JSON.parse(pyseam(top, 'analyze', '.', '--baseline', 'pyseam-baseline.json', '--format', 'json').stdout);
    expect(json.baseline.new.map((v: { entry: { rule: string } }) => v.entry.rule).sort()).toEqual(['cycle', 'private-import']);

    git(top, 'revert', '--no-edit', 'HEAD');
    // Unrelated edits: a renamed script and lines moved down in a violating file.
    git(top, 'mv', 'tools/gen-docs.py', 'tools/make-docs.py');
    const backend = join(top, 'kerasish/src/kerasish/backend.py');
    writeFileSync(backend, `"""Moved down."""\n\n\n${readFileSync(backend, 'utf8')}`);
    git(top, 'commit', '-q', '-am', 'rename and move');
    expect(gate().status).toBe(0);
  });
});
