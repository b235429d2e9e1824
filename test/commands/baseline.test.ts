// `pyseam baseline` and `--baseline FILE` through the real bin/pyseam on copies of samples/monorepo.
// The sample's violations (hand-checked in test/samples/monorepo.expected.ts): 5 private imports
// (kerasish.backend x2, kerasish.layers.core x2, kerasish.training) and 3 cycles. The copy then gets
//   kerasish/models.py      + from tensorflux.python.ops import math_ops   (a new private import)
//   kerasish/layers/core.py + from kerasish import models                  (models -> layers.core -> models: the ring grows)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { expected } from '../samples/monorepo.expected.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const KS = 'kerasish/src/kerasish';
const pyseam = (...args: string[]) => {
  const r = spawnSync('node', ['bin/pyseam', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const copy = () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'pyseam-baseline-')), 'monorepo');
  cpSync(join(repo, 'samples/monorepo'), dir, { recursive: true });
  return dir;
};
const schema = JSON.parse(readFileSync(join(repo, 'schema/baseline.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validFile = ajv.compile(schema);
const validComparison = ajv.compile({ $ref: `${schema.$id}#/$defs/comparison` });
const addNewViolations = (dir: string) => {
  appendFileSync(join(dir, KS, 'models.py'), 'from tensorflux.python.ops import math_ops\n');
  appendFileSync(join(dir, KS, 'layers/core.py'), 'from kerasish import models\n');
};
/** `rule key` of each new violation of a JSON report with `baseline`. */
const news = (stdout: string): string[] => JSON.parse(stdout).baseline.new.map((v: { entry: Record<string, unknown> }) => `${v.entry.rule} ${v.entry.modules ?? `${v.entry.importer}>${v.entry.target} ${v.entry.names}`}`);

describe('pyseam baseline on samples/monorepo', () => {
  const dir = copy();
  const file = join(dir, 'pyseam-baseline.json');
  const written = pyseam('baseline', dir);
  const text = readFileSync(file, 'utf8');

  it('records the hand-checked private imports and cycles, one entry per line, valid against the schema', () => {
    expect(written.status).toBe(0);
    expect(written.stdout).toBe(`pyseam: baseline ${file}: 5 private import keys (5 sites), 3 cycles, 0 contract violations\n`);
    const json = JSON.parse(text);
    expect(validFile(json)).toBe(true);
    expect(json.violations.filter((e: { rule: string }) => e.rule === 'private-import').map((e: { importer: string; target: string; names: string[] }) => `${e.importer}>${e.target} ${e.names}`).sort())
      .toEqual(expected.privateImports.map((p) => `${p.importer}>${p.target} ${p.names}`).sort());
    expect(json.violations.filter((e: { rule: string }) => e.rule === 'cycle').map((e: { modules: string[] }) => e.modules).sort())
      .toEqual([...expected.cycles].sort());
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['{', '  "schemaVersion": 1, ', '  "violations": ['].map((l) => l.trimEnd()));
    expect(lines.slice(3, 11).map((l) => Object.keys(JSON.parse(l.trim().replace(/,$/, ''))))).toContainEqual(['count', 'importer', 'names', 'rule', 'target']);
    expect(text).not.toMatch(/"line"|"file"/);
    expect(pyseam('baseline', dir, '--output', join(dir, 'again.json')).status).toBe(0);
    expect(readFileSync(join(dir, 'again.json'), 'utf8')).toBe(text);
  });

  it('passes the gate on the unchanged tree, and after moving lines and renaming an unrelated file', () => {
    expect(pyseam('analyze', dir, '--baseline', file, '--fail-on-private-import', '--fail-on-cycle').status).toBe(0);
    const moved = copy();
    for (const f of ['backend.py', 'training.py', 'layers/core.py']) writeFileSync(join(moved, KS, f), `# moved\n\n\n${readFileSync(join(moved, KS, f), 'utf8')}`);
    renameSync(join(moved, 'tools/gen-docs.py'), join(moved, 'tools/make-docs.py'));
    const r = pyseam('analyze', moved, '--baseline', file, '--fail-on-private-import', '--fail-on-cycle', '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).baseline).toMatchObject({ new: [], fixed: [], known: 8 });
    expect(r.stderr).toContain(`pyseam: baseline ${file}: no new violations, none fixed (8 known)\n`);
  });

  it('fails with exactly the new private import and the grown cycle, and passes once they are removed', () => {
    const changed = copy();
    addNewViolations(changed);
    const r = pyseam('analyze', changed, '--baseline', file, '--fail-on-private-import', '--fail-on-cycle', '--format', 'json');
    expect(r.status).toBe(1);
    expect(news(r.stdout)).toEqual([
      'private-import kerasish.models>tensorflux.python.ops math_ops',
      'cycle kerasish.callbacks,kerasish.layers.core,kerasish.models,kerasish.training',
    ]);
    expect(validComparison(JSON.parse(r.stdout).baseline)).toBe(true);
    expect(r.stderr).toContain('pyseam: --fail-on-private-import: 1 new private import not in the baseline\npyseam: --fail-on-cycle: 1 new import cycle not in the baseline\n');
    const check = pyseam('check', changed, '--baseline', file, '--format', 'json');
    expect(check.status).toBe(1);
    expect(news(check.stdout)).toEqual(['private-import kerasish.models>tensorflux.python.ops math_ops']);
    for (const f of ['models.py', 'layers/core.py']) writeFileSync(join(changed, KS, f), readFileSync(join(repo, 'samples/monorepo', KS, f)));
    expect(pyseam('analyze', changed, '--baseline', file, '--fail-on-private-import', '--fail-on-cycle').status).toBe(0);
    expect(pyseam('check', changed, '--baseline', file).status).toBe(0);
  });

  it('--update ratchets: a fixed entry goes, a new one is not added unless --allow-growth', () => {
    const ratchet = copy();
    cpSync(file, join(ratchet, 'pyseam-baseline.json'));
    const training = join(ratchet, KS, 'training.py');
    writeFileSync(training, readFileSync(training, 'utf8').replace('from tensorflux.python.ops import array_ops', 'from tensorflux.api import array'));
    addNewViolations(ratchet);
    const fixedSince = pyseam('analyze', ratchet, '--baseline', join(ratchet, 'pyseam-baseline.json'));
    expect(fixedSince.stderr).toContain('  fixed  private import kerasish.training -> tensorflux.python.ops [array_ops]\n');
    const r = pyseam('baseline', ratchet, '--update');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('1 fixed (removed or lowered), 2 new NOT added');
    const after = readFileSync(join(ratchet, 'pyseam-baseline.json'), 'utf8');
    expect(text.split('\n').filter((l) => !after.split('\n').includes(l)).map((l) => l.trim())).toEqual([
      '{"count":1,"importer":"kerasish.training","names":["array_ops"],"rule":"private-import","target":"tensorflux.python.ops"},',
    ]);
    expect(pyseam('baseline', ratchet, '--update', '--allow-growth').stderr).toContain('2 new added (--allow-growth)');
    expect(readFileSync(join(ratchet, 'pyseam-baseline.json'), 'utf8')).toContain('"importer":"kerasish.models","names":["math_ops"]');
  });

  it('exits 2 naming the file when the baseline is missing or not valid', () => {
    const missing = join(dir, 'nope.json');
    expect(pyseam('analyze', dir, '--baseline', missing)).toMatchObject({ status: 2, stderr: expect.stringContaining(`--baseline ${missing}: cannot read the baseline`) });
    expect(pyseam('baseline', dir, '--update', '--output', missing)).toMatchObject({ status: 2, stderr: expect.stringContaining(`--update ${missing}`) });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, violations: [{ rule: 'cycle', modules: ['a', 'b'] }] }));
    expect(pyseam('check', dir, '--baseline', bad)).toMatchObject({ status: 2, stderr: expect.stringContaining(`--baseline ${bad}: not a valid baseline: violations[0].count: expected a positive integer`) });
    expect(validFile(JSON.parse(readFileSync(bad, 'utf8')))).toBe(false);
    writeFileSync(bad, '{"schemaVersion": 1, "violations": [');
    expect(pyseam('analyze', dir, '--baseline', bad)).toMatchObject({ status: 2, stderr: expect.stringContaining(`--baseline ${bad}: not a baseline (invalid JSON`) });
  });
});
