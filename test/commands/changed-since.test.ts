// `--changed-since REF` through the real bin/pyseam in a temporary git repository: samples/monorepo
// committed on `main` as the sub-directory `monorepo/` of the repository (so the base is analyzed at
// the same sub-path), then changed on a branch. The sample's violations (hand-checked in
// test/samples/monorepo.expected.ts): 5 private imports and 3 cycles. The branch adds
//   kerasish/models.py      + from tensorflux.python.ops import math_ops   (a new private import)
//   kerasish/layers/core.py + from kerasish import models                  (models -> layers.core -> models: a ring grows)
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const KS = 'monorepo/kerasish/src/kerasish';
const pyseam = (...args: string[]) => {
  const r = spawnSync('node', ['bin/pyseam', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const git = (dir: string, ...args: string[]) => {
  const r = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
/** A repository with the sample committed on `main` and a branch `feature` checked out. */
const gitRepo = () => {
  const top = mkdtempSync(join(tmpdir(), 'pyseam-changed-'));
  made.push(top);
  cpSync(join(repo, 'samples/monorepo'), join(top, 'monorepo'), { recursive: true });
  git(top, 'init', '-q', '-b', 'main');
  git(top, 'config', 'user.name', 'pyseam test');
  git(top, 'config', 'user.email', 'test@pyseam.invalid');
  git(top, 'add', '-A');
  git(top, 'commit', '-q', '-m', 'the sample');
  git(top, 'checkout', '-q', '-b', 'feature');
  return top;
};
const addNewViolations = (top: string) => {
  appendFileSync(join(top, KS, 'models.py'), 'from tensorflux.python.ops import math_ops\n');
  appendFileSync(join(top, KS, 'layers/core.py'), 'from kerasish import models\n');
};
const ajv = new Ajv2020({ allErrors: true, strict: false });
for (const name of ['baseline', 'report', 'check']) ajv.addSchema(JSON.parse(readFileSync(join(repo, `schema/${name}.schema.json`), 'utf8')), name);
const validReport = ajv.getSchema('report')!;
const validCheck = ajv.getSchema('check')!;
/** `rule key` of each new violation of a JSON report with `changedSince`. */
const news = (json: { changedSince: { new: { entry: Record<string, unknown> }[] } }): string[] =>
  json.changedSince.new.map((v) => `${v.entry.rule} ${v.entry.modules ?? `${v.entry.importer}>${v.entry.target} ${v.entry.names}`}`);
const gate = (top: string, ...more: string[]) => pyseam('analyze', join(top, 'monorepo'), '--changed-since', 'main', '--fail-on-private-import', '--fail-on-cycle', '--format', 'json', ...more);

describe('pyseam analyze --changed-since', () => {
  it('passes on a branch that changes nothing, with every violation of the base known', () => {
    const top = gitRepo();
    const r = gate(top);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).changedSince).toMatchObject({ new: [], fixed: [], known: 8, rules: ['private-import', 'cycle'] });
    const sha = git(top, 'rev-parse', 'main').trim().slice(0, 12);
    expect(r.stderr).toContain(`pyseam: changed since main (merge base ${sha}): no new violations, none fixed (8 known)\n`);
  });

  it('fails with exactly the new private import and the grown cycle, committed on the branch, and passes once they are removed', () => {
    const top = gitRepo();
    addNewViolations(top);
    git(top, 'commit', '-q', '-am', 'two new violations');
    // main moves on after the branch point: the base is the merge base, not main's tip.
    git(top, 'checkout', '-q', 'main');
    appendFileSync(join(top, KS, 'callbacks.py'), 'from tensorflux._core import kernels\n');
    git(top, 'commit', '-q', '-am', 'main moves on');
    git(top, 'checkout', '-q', 'feature');
    const r = gate(top);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(validReport(json)).toBe(true);
    expect(news(json)).toEqual([
      'private-import kerasish.models>tensorflux.python.ops math_ops',
      'cycle kerasish.callbacks,kerasish.layers.core,kerasish.models,kerasish.training',
    ]);
    expect(json.changedSince.new[1].grewFrom).toEqual([['kerasish.callbacks', 'kerasish.models', 'kerasish.training']]);
    expect(r.stderr).toContain('pyseam: --fail-on-private-import: 1 new private import since main\n');
    expect(r.stderr).toContain('pyseam: --fail-on-cycle: 1 new import cycle since main\n');
    expect(json.changedSince.fixed).toEqual([]);
    const line = readFileSync(join(top, KS, 'models.py'), 'utf8').split('\n').length - 1;
    expect(r.stderr).toContain(`  new    private import kerasish.models -> tensorflux.python.ops [math_ops]  kerasish/src/kerasish/models.py:${line}:1\n`);
    // The working tree's report is the normal one: all 6 private imports, not only the new one.
    expect(json.summary.privateImports).toBe(6);
    git(top, 'revert', '--no-edit', 'HEAD');
    expect(gate(top).status).toBe(0);
  });

  it('sees uncommitted changes too, and only the gates asked for fail', () => {
    const top = gitRepo();
    addNewViolations(top);
    expect(gate(top).status).toBe(1);
    const cyclesOnly = pyseam('analyze', join(top, 'monorepo'), '--changed-since', 'main', '--fail-on-cycle');
    expect(cyclesOnly.status).toBe(1);
    expect(cyclesOnly.stderr).not.toContain('--fail-on-private-import');
    expect(pyseam('analyze', join(top, 'monorepo'), '--changed-since', 'main').status).toBe(0);
  });

  it('does not take old violations for new after moving lines and renaming a file', () => {
    const top = gitRepo();
    for (const f of ['backend.py', 'training.py', 'layers/core.py']) writeFileSync(join(top, KS, f), `# moved\n\n\n${readFileSync(join(top, KS, f), 'utf8')}`);
    git(top, 'mv', 'monorepo/tools/gen-docs.py', 'monorepo/tools/make-docs.py');
    git(top, 'commit', '-q', '-am', 'moved lines, renamed a script');
    const r = gate(top);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).changedSince).toMatchObject({ new: [], fixed: [], known: 8 });
  });

  it('keeps the violations of a module whose file git sees renamed (training.py -> trainer.py, its importer updated)', () => {
    const top = gitRepo();
    git(top, 'mv', `${KS}/training.py`, `${KS}/trainer.py`);
    const models = join(top, KS, 'models.py');
    writeFileSync(models, readFileSync(models, 'utf8').replace('from kerasish import training', 'from kerasish import trainer as training'));
    const r = gate(top);
    expect(r.stderr).toBe(`pyseam: changed since main (merge base ${git(top, 'rev-parse', 'main').trim().slice(0, 12)}): no new violations, none fixed (8 known)\n`);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.privateImports.map((p: { importer: string }) => p.importer)).toContain('kerasish.trainer');
    expect(json.cycles.map((c: { modules: string[] }) => c.modules)).toContainEqual(['kerasish.callbacks', 'kerasish.models', 'kerasish.trainer']);
  });

  it('reports what the branch fixed without failing', () => {
    const top = gitRepo();
    const training = join(top, KS, 'training.py');
    writeFileSync(training, readFileSync(training, 'utf8').replace(/^from tensorflux\.python\.ops import array_ops.*$/m, 'array_ops = None'));
    const r = gate(top);
    expect(r.status).toBe(0);
    const fixed = JSON.parse(r.stdout).changedSince.fixed;
    expect(fixed).toEqual([{ entry: { rule: 'private-import', importer: 'kerasish.training', target: 'tensorflux.python.ops', names: ['array_ops'], count: 1 }, remaining: 0 }]);
  });

  it('exits 2 for an unknown REF, a PATH outside git, and with --baseline', () => {
    const top = gitRepo();
    const unknown = pyseam('analyze', join(top, 'monorepo'), '--changed-since', 'no-such-branch');
    expect(unknown).toMatchObject({ status: 2, stdout: '' });
    expect(unknown.stderr).toContain('--changed-since no-such-branch: unknown revision');
    const outside = mkdtempSync(join(tmpdir(), 'pyseam-not-git-'));
    made.push(outside);
    cpSync(join(repo, 'samples/monorepo'), outside, { recursive: true });
    const notGit = pyseam('check', outside, '--changed-since', 'main');
    expect(notGit.status).toBe(2);
    expect(notGit.stderr).toContain(`--changed-since needs a git repository: ${outside} is not inside one`);
    expect(pyseam('analyze', join(top, 'monorepo'), '--changed-since', 'main', '--baseline', 'x.json').status).toBe(2);
  });
});

describe('pyseam check --changed-since', () => {
  it('is broken only by the new private import, and reports it in the JSON as changedSince', () => {
    const top = gitRepo();
    expect(pyseam('check', join(top, 'monorepo'), '--changed-since', 'main').status).toBe(0);
    addNewViolations(top);
    const r = pyseam('check', join(top, 'monorepo'), '--changed-since', 'main', '--format', 'json');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(validCheck(json)).toBe(true);
    expect(json.changedSince.rules).toEqual(['private-import', 'contract']);
    expect(news(json)).toEqual(['private-import kerasish.models>tensorflux.python.ops math_ops']);
    expect(r.stderr).toContain('pyseam: check: 1 new violation since main\n');
  });
});
