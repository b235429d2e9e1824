// `pyseam extract` through the real bin/pyseam on samples/monorepo (hand-checked facts in
// test/samples/monorepo.expected.ts): exit statuses, JSON against schema/extract.schema.json.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const pyseam = (...args: string[]) => spawnSync('node', ['bin/pyseam', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(`${repo}/schema/extract.schema.json`, 'utf8')));

describe('pyseam extract', () => {
  it('writes a plan that validates against its schema, for a component or a module prefix', () => {
    const r = pyseam('extract', 'kerasish', 'samples/monorepo', '--format', 'json');
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.summary).toMatchObject({ neededSites: 5, reverseDependencies: 3, mutualDependencies: 1, boundaryCycles: 1, sitesToCut: 1 });
    // kerasish.layers as a component of its own: core.py's three private imports leave with it.
    const layers = JSON.parse(pyseam('extract', 'kerasish.layers', 'samples/monorepo', '--format', 'json').stdout);
    expect(layers.modules).toBe(2);
    expect(layers.neededApi.map((t: { target: string }) => t.target).sort()).toEqual(['tensorflux._core', 'tensorflux.api.nn']);
  });

  it('prints the summary, the needed API, the reverse dependencies and the cut as text', () => {
    const out = pyseam('extract', 'kerasish', 'samples/monorepo', '--copy', 'tensorflux.api.nn._clip').stdout;
    expect(out).toContain('extraction plan for kerasish (8 modules)');
    expect(out).toMatch(/_clip {2}1 site {2}\[1 runtime\] {2}-> copy/);
    expect(out).toContain('kerasish and tensorflux would depend on each other');
    expect(out).toContain('effect (computed): cycles across the boundary 1 -> 0; strongly connected components in the whole graph 3 -> 2');
  });

  it('exits 2 for an unknown component, naming the known ones', () => {
    const r = pyseam('extract', 'no-such-thing', 'samples/monorepo');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/COMPONENT no-such-thing: no such component or module prefix; components: .*kerasish/);
  });
});

describe('pyseam extract: the suggested cut, verified by deleting those imports and running again', () => {
  it('leaves no cycle across the boundary once the suggested import lines are gone', async () => {
    const { cpSync, mkdtempSync, readFileSync: read, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const copy = join(mkdtempSync(join(tmpdir(), 'pyseam-cut-')), 'monorepo');
    cpSync(`${repo}/samples/monorepo`, copy, { recursive: true });
    const before = JSON.parse(pyseam('extract', 'kerasish', copy, '--format', 'json').stdout);
    expect(before.summary.boundaryCycles).toBe(1);
    for (const site of before.boundaryCycles.cut as { file: string; line: number }[]) {
      const lines = read(join(copy, site.file), 'utf8').split('\n');
      lines[site.line - 1] = `${/^\s*/.exec(lines[site.line - 1])![0]}pass  # import removed by the test`;
      writeFileSync(join(copy, site.file), lines.join('\n'));
    }
    const after = JSON.parse(pyseam('extract', 'kerasish', copy, '--format', 'json').stdout);
    expect(after.summary.boundaryCycles).toBe(0);
    expect(after.boundaryCycles.effect.cyclesBefore).toBe(before.boundaryCycles.effect.cyclesAfter);
  });
});
