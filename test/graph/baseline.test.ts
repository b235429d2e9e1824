// Baseline keys, comparison and ratchet on hand-written results (test/report/mocks/everything-fine.ts
// with the findings set here). The expected keys and verdicts are worked out by hand from the rules in
// src/graph/baseline.ts: no line in a key, a count per key, a cycle within a baselined one is old.
import { describe, expect, it } from 'vitest';
import type { BaselineRule } from '../../src/baseline-result.js';
import type { CheckResult } from '../../src/check-result.js';
import { baselineOf, compareBaseline, currentViolations, ratchet } from '../../src/graph/baseline.js';
import type { AnalysisResult, CycleRecord, PrivateImportRecord } from '../../src/result.js';
import { everythingFine } from '../report/mocks/everything-fine.js';

const priv = (importer: string, line: number, target: string, names: string[]): PrivateImportRecord => ({
  importer, file: `${importer.replaceAll('.', '/')}.py`, line, column: 1, target, names, reason: 'declared private prefix tf.python',
  importerOwner: 'keras', targetOwner: 'tf', typeChecking: false, lazy: false, dynamic: false,
});
const cycle = (...modules: string[]): CycleRecord => ({
  modules,
  example: modules.map((m, i) => ({ from: m, to: modules[(i + 1) % modules.length], file: `${m}.py`, line: 1, column: 1, typeChecking: false, lazy: false, conditional: false, dynamic: false })),
});
const result = (privateImports: PrivateImportRecord[], cycles: CycleRecord[]): AnalysisResult => ({ ...everythingFine, privateImports, cycles });

const BEFORE = result(
  [priv('keras.a', 3, 'tf.python.ops', ['math_ops', 'array_ops']), priv('keras.a', 9, 'tf.python.ops', ['array_ops', 'math_ops']), priv('keras.b', 2, 'tf.python', [])],
  [cycle('keras.x', 'keras.y', 'keras.z'), cycle('keras.p', 'keras.q')],
);
const baseline = baselineOf(currentViolations(BEFORE));
/** Each new violation as `key +sites`, each fixed one as `key -sites`. */
const verdict = (after: AnalysisResult, rules: BaselineRule[] = ['private-import', 'cycle']) => {
  const c = compareBaseline(baseline, currentViolations(after), rules, 'b.json');
  return {
    new: c.new.map((v) => `${v.entry.rule} ${'modules' in v.entry ? v.entry.modules.join(',') : `${'importer' in v.entry ? v.entry.importer : ''}>${'target' in v.entry ? v.entry.target : ''}`} +${v.entry.count - v.baselined}`),
    fixed: c.fixed.map((f) => `${f.entry.rule} ${'modules' in f.entry ? f.entry.modules.join(',') : 'importer' in f.entry ? f.entry.importer : ''} -${f.entry.count - f.remaining}`),
    known: c.known,
  };
};

describe('baseline keys', () => {
  it('counts sites per key, sorts names and modules, and records no file or line', () => {
    expect(baseline.violations).toEqual([
      { rule: 'private-import', importer: 'keras.a', target: 'tf.python.ops', names: ['array_ops', 'math_ops'], count: 2 },
      { rule: 'private-import', importer: 'keras.b', target: 'tf.python', names: [], count: 1 },
      { rule: 'cycle', modules: ['keras.p', 'keras.q'], count: 1 },
      { rule: 'cycle', modules: ['keras.x', 'keras.y', 'keras.z'], count: 1 },
    ]);
  });

  it('keys broken contract pairs and component cycles by contract name', () => {
    const check = { contracts: [
      { name: 'layers', type: 'layers', violations: [{ importer: 'a.low', imported: 'a.high', chain: cycle('a.low', 'a.high').example.slice(0, 1) }], cycles: [] },
      { name: 'acyclic', type: 'acyclic', violations: [], cycles: [{ components: ['b', 'a'], example: [{ hop: cycle('a.m', 'b.m').example[0] }] }] },
    ] } as unknown as CheckResult;
    expect(currentViolations(result([], []), check).map((v) => v.entry)).toEqual([
      { rule: 'contract', contract: 'acyclic', components: ['a', 'b'], count: 1 },
      { rule: 'contract', contract: 'layers', importer: 'a.low', imported: 'a.high', count: 1 },
    ]);
  });
});

describe('comparing with a baseline', () => {
  it('finds nothing new when only lines moved', () => {
    const moved = result([priv('keras.b', 40, 'tf.python', []), priv('keras.a', 1, 'tf.python.ops', ['math_ops', 'array_ops']), priv('keras.a', 30, 'tf.python.ops', ['array_ops', 'math_ops'])], BEFORE.cycles);
    expect(verdict(moved)).toEqual({ new: [], fixed: [], known: 5 });
  });

  it('counts a new key, a key with more sites, and a cycle that grew as new', () => {
    const after = result(
      [...BEFORE.privateImports, priv('keras.a', 20, 'tf.python.ops', ['array_ops', 'math_ops']), priv('keras.c', 1, 'tf.python', [])],
      [cycle('keras.w', 'keras.x', 'keras.y', 'keras.z'), cycle('keras.p', 'keras.q')],
    );
    expect(verdict(after)).toEqual({ new: ['private-import keras.a>tf.python.ops +1', 'private-import keras.c>tf.python +1', 'cycle keras.w,keras.x,keras.y,keras.z +1'], fixed: [], known: 4 });
    const grew = compareBaseline(baseline, currentViolations(after), ['cycle'], 'b.json').new[0];
    expect(grew.grewFrom).toEqual([['keras.x', 'keras.y', 'keras.z']]);
  });

  it('reports what was fixed: a key gone, fewer sites, a cycle gone; a shrunk cycle is neither new nor fixed', () => {
    const after = result([priv('keras.a', 3, 'tf.python.ops', ['math_ops', 'array_ops'])], [cycle('keras.x', 'keras.y')]);
    expect(verdict(after)).toEqual({ new: [], fixed: ['private-import keras.a -1', 'private-import keras.b -1', 'cycle keras.p,keras.q -1'], known: 2 });
  });

  it('leaves the rules it does not compare alone', () => {
    expect(verdict(result([], []), ['cycle'])).toEqual({ new: [], fixed: ['cycle keras.p,keras.q -1', 'cycle keras.x,keras.y,keras.z -1'], known: 0 });
  });
});

describe('the ratchet', () => {
  const after = result([priv('keras.a', 3, 'tf.python.ops', ['array_ops', 'math_ops']), priv('keras.new', 1, 'tf.python', [])], [cycle('keras.x', 'keras.y', 'keras.z'), cycle('keras.m', 'keras.n')]);

  it('removes what was fixed and lowers counts, but adds nothing new', () => {
    const { baseline: next, comparison } = ratchet(baseline, currentViolations(after), false);
    expect(next.violations).toEqual([
      { rule: 'private-import', importer: 'keras.a', target: 'tf.python.ops', names: ['array_ops', 'math_ops'], count: 1 },
      { rule: 'cycle', modules: ['keras.x', 'keras.y', 'keras.z'], count: 1 },
    ]);
    expect(comparison.new).toHaveLength(2);
  });

  it('adds the new ones with allowGrowth', () => {
    expect(ratchet(baseline, currentViolations(after), true).baseline).toEqual(baselineOf(currentViolations(after)));
  });
});
