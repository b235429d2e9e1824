// Parsing in worker threads (src/parse/facts-pool.ts, run here from the TypeScript sources through
// tsx): the same answers, in the same order, as the single-threaded path; a worker that dies fails
// the run with an error instead of hanging it. The tree: 40 modules `pkg/m<i>.py`, each importing
// the next (`import pkg.m<i+1>`) and the last importing the first, so the graph is one ring of 40;
// plus a file that cannot be decoded and one with a syntax error, in the middle of the order.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze-inline.js';
import { analyzeAsync, type AnalyzeOptions, type FactsStats } from '../../src/analyze.js';
import { answersFromWorkers, WorkerError } from '../../src/parse/facts-pool.js';
import { nodeTree } from '../../src/parse/source-tree.js';

const OPTIONS: AnalyzeOptions = {
  roots: [], configRoots: [], private: [], public: [], exclude: [], importHelpers: [],
  includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
};
const N = 40;
const dir = mkdtempSync(join(tmpdir(), 'pyseam-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'pkg'));
writeFileSync(join(dir, 'pkg/__init__.py'), '');
for (let i = 0; i < N; i++) writeFileSync(join(dir, `pkg/m${i}.py`), `"""Module ${i}."""\nimport pkg.m${(i + 1) % N}\n`);
writeFileSync(join(dir, 'pkg/m2_undecodable.py'), Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]));
writeFileSync(join(dir, 'pkg/m3_broken.py'), 'import pkg.m4\ndef f(:\n    pass\nfrom pkg import m5\n');

describe('parsing in worker threads', () => {
  it('gives the single-threaded result byte for byte', async () => {
    let facts: FactsStats | undefined;
    const result = await analyzeAsync(OPTIONS, nodeTree(dir), { jobs: 3, cache: null, warn: () => {} }, (e) => {
      if (e.stage === 'parse' && e.facts) facts = e.facts;
    });
    expect(facts).toMatchObject({ files: N + 3, parsed: N + 3 });
    expect(facts!.workers).toBeGreaterThan(1);
    expect(JSON.stringify(result)).toBe(JSON.stringify(analyze(OPTIONS, nodeTree(dir))));
    expect(result.cycles).toHaveLength(1);
    expect(result.cycles[0].modules).toHaveLength(N);
    expect(result.skippedFiles.map((s) => s.file)).toEqual(['pkg/m2_undecodable.py']);
    expect(result.parseErrors.map((p) => p.file)).toContain('pkg/m3_broken.py');
  });

  it('reports progress in order, up to every file', async () => {
    const done: number[] = [];
    await analyzeAsync(OPTIONS, nodeTree(dir), { jobs: 2, cache: null, warn: () => {} }, (e) => {
      if (e.stage === 'parse') done.push(e.done);
    });
    expect(done[0]).toBe(0);
    expect(done.at(-1)).toBe(N + 3);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('a worker that crashes fails the run with an error naming it, without hanging', async () => {
    // A root that is not a path makes the worker throw as it starts.
    const answers = answersFromWorkers([{ path: 'pkg/m0.py', stub: false }], { root: 42 as unknown as string, extract: {}, keyed: false }, 2);
    const failure = await (async () => {
      for await (const _ of answers) { /* none expected */ }
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkerError);
    expect((failure as WorkerError).message).toMatch(/^parsing worker 1 crashed: /);
    expect((failure as WorkerError).exitCode).toBe(2);
  });
});
