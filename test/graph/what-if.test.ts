// What-if cuts on samples/monorepo (facts in test/samples/monorepo.expected.ts), checked two
// ways: figures derived by hand from the sample's import list, and a fresh analysis of a copy of
// the sample whose cut import lines are replaced by `pass` (line numbers kept).
//
// Hand facts used: 39 internal edges, 12 external, 55 sites, 9 external packages, 5 private
// imports, 1 unresolved site; cycles {callbacks, models, training} (3), {kerasish.backend,
// keras_api} (2), {ops, array_ops} (2): 7 modules in cycles. kerasish needs 5 private names at
// 5 sites and has 3 reverse dependencies (contrib.layers, keras_api, tools/gen-docs.py).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze-inline.js';
import { analysisOptions } from '../../src/commands/shared.js';
import type { CutSite } from '../../src/extraction-result.js';
import { extractionPlan } from '../../src/graph/extraction-plan.js';
import { findCycles } from '../../src/graph/find-cycles.js';
import { graphFromResult } from '../../src/graph/graph-from-result.js';
import { whatIf } from '../../src/graph/what-if.js';
import { nodeTree } from '../../src/parse/source-tree.js';
import type { AnalysisResult } from '../../src/result.js';
import { SAMPLE_DIR, sampleResult } from '../tui/sample-data.js';

const KS = 'kerasish/src/kerasish';
const TF = 'tensorflux/tensorflux';
const cut = (from: string, to: string, file: string, line: number, column = 1): CutSite => ({ from, to, file, line, column });
const CALLBACKS = cut('kerasish.callbacks', 'kerasish.models', `${KS}/callbacks.py`, 2);
const TRAINING_OPS = cut('kerasish.training', 'tensorflux.python.ops.array_ops', `${KS}/training.py`, 3);

const SILENT = { out: () => {}, err: () => {}, warn: () => {} };
function analyzeDir(dir: string, components: { name: string; modules: string[] }[] = []): AnalysisResult {
  const { options, dir: d } = analysisOptions(dir, { typeChecking: true, lazy: true, dynamic: true }, SILENT, components);
  return analyze(options, nodeTree(d));
}

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** A fresh analysis of a copy of the sample whose cut statements (one line each here) become `pass`. */
function analyzeWithout(cuts: readonly CutSite[], components: { name: string; modules: string[] }[] = []): AnalysisResult {
  const dir = mkdtempSync(join(tmpdir(), 'pyseam-what-if-'));
  temps.push(dir);
  cpSync(SAMPLE_DIR, dir, { recursive: true });
  for (const c of cuts) {
    const lines = readFileSync(join(dir, c.file), 'utf8').split('\n');
    lines[c.line - 1] = `${lines[c.line - 1].slice(0, c.column - 1)}pass`;
    writeFileSync(join(dir, c.file), lines.join('\n'));
  }
  return analyzeDir(dir, components);
}

/** Everything but the options (the config file's path differs between two directories). */
const comparable = (r: AnalysisResult) => ({ ...r, options: null });

describe('whatIf on samples/monorepo, figures by hand', () => {
  const result = sampleResult();

  it('cutting callbacks.py:2 breaks the 3-module ring and removes its edge', () => {
    const o = whatIf(result, [CALLBACKS], null);
    expect(o.applied).toEqual([CALLBACKS]);
    expect(o.unmatched).toEqual([]);
    expect(o.removedEdges).toEqual([{ from: 'kerasish.callbacks', to: 'kerasish.models', external: false }]);
    expect(o.before).toEqual({ edges: 39, sites: 55, cycles: 3, largestCycle: 3, modulesInCycles: 7, privateImports: 5, extraction: null });
    expect(o.after).toEqual({ edges: 38, sites: 54, cycles: 2, largestCycle: 2, modulesInCycles: 4, privateImports: 5, extraction: null });
    expect(o.result.cycles.map((c) => c.modules)).toEqual([['kerasish.backend', 'tensorflux.python.keras_api'], ['tensorflux.python.framework.ops', 'tensorflux.python.ops.array_ops']]);
  });

  it('cutting training.py:3 removes one private import and its edge, no cycle', () => {
    const o = whatIf(result, [TRAINING_OPS], null);
    expect([o.before.privateImports, o.after.privateImports]).toEqual([5, 4]);
    expect(o.result.privateImports.map((p) => `${p.file}:${p.line}`)).not.toContain(`${KS}/training.py:3`);
    expect([o.after.edges, o.after.sites, o.after.cycles]).toEqual([38, 54, 3]);
  });

  it('matches a private import named by its statement module when the site is its submodule (backend.py:4 ops)', () => {
    const o = whatIf(result, [cut('kerasish.backend', 'tensorflux.python.framework.ops', `${KS}/backend.py`, 4)], null);
    expect(o.after.privateImports).toBe(4);
    expect(o.result.privateImports.some((p) => p.file === `${KS}/backend.py` && p.line === 4)).toBe(false);
  });

  it('cuts one site of a two-site edge: the edge stays, only the private import of that site goes (core.py:3 vs :4)', () => {
    const plain = whatIf(result, [cut('kerasish.layers.core', 'tensorflux.api.nn', `${KS}/layers/core.py`, 3)], null);
    expect([plain.after.edges, plain.after.sites, plain.after.privateImports, plain.removedEdges.length]).toEqual([39, 54, 5, 0]);
    const clip = whatIf(result, [cut('kerasish.layers.core', 'tensorflux.api.nn', `${KS}/layers/core.py`, 4)], null);
    expect([clip.after.edges, clip.after.sites, clip.after.privateImports]).toEqual([39, 54, 4]);
  });

  it('keeps the ops cycle while its lazy site remains, with the example moved to ops.py:21, and breaks it with both', () => {
    const ops = (line: number, column = 5) => cut('tensorflux.python.framework.ops', 'tensorflux.python.ops.array_ops', `${TF}/python/framework/ops.py`, line, column);
    const before = result.cycles.find((c) => c.modules[0] === 'tensorflux.python.framework.ops')!;
    expect(before.example[0].line).toBe(8);
    const one = whatIf(result, [ops(8)], null);
    expect(one.after.cycles).toBe(3);
    expect(one.result.cycles.find((c) => c.modules[0] === 'tensorflux.python.framework.ops')!.example[0]).toMatchObject({ line: 21, lazy: true });
    const both = whatIf(result, [ops(21), ops(8)], null);
    expect(both.applied.map((c) => c.line)).toEqual([8, 21]);
    expect([both.after.cycles, both.after.largestCycle, both.after.modulesInCycles]).toEqual([2, 3, 5]);
  });

  it('cuts external sites: numpy keeps one importer, math disappears', () => {
    const o = whatIf(result, [cut('kerasish.models', 'numpy', `${KS}/models.py`, 6), cut('tensorflux._core.kernels', 'math', `${TF}/_core/kernels.py`, 2)], null);
    expect(o.result.summary.externalEdges).toBe(10);
    expect(o.result.summary.externalPackages).toBe(8);
    expect(o.result.externalPackages.find((p) => p.name === 'numpy')).toMatchObject({ sites: 1, importers: 1 });
    expect(o.result.externalPackages.some((p) => p.name === 'math')).toBe(false);
    expect([o.after.edges, o.after.sites]).toEqual([39, 53]);
  });

  it('lists cuts that match no site as unmatched and changes nothing', () => {
    const stale = [cut('kerasish.callbacks', 'kerasish.models', `${KS}/callbacks.py`, 3), cut('kerasish.models', 'kerasish.callbacks', `${KS}/callbacks.py`, 2)];
    const o = whatIf(result, stale, null);
    expect(o.unmatched).toEqual(stale);
    expect(o.applied).toEqual([]);
    expect(o.result).toEqual(result);
    expect(o.after).toEqual(o.before);
  });

  it('never mutates the input result', () => {
    const copy = structuredClone(result);
    whatIf(result, [CALLBACKS, TRAINING_OPS, cut('kerasish.models', 'numpy', `${KS}/models.py`, 6)], 'kerasish');
    expect(result).toEqual(copy);
  });

  it('recomputes the summary and cycles as a rebuilt graph gives them', () => {
    const o = whatIf(result, [CALLBACKS, TRAINING_OPS, cut('tensorflux.api.array', 'tensorflux.python.ops.array_ops', `${TF}/api/array.py`, 2)], null);
    expect(o.result.cycles).toEqual(findCycles(graphFromResult(o.result)));
    const internal = o.result.edges.filter((e) => !e.external);
    expect(o.result.summary).toMatchObject({ edges: internal.length, externalEdges: o.result.edges.length - internal.length, sites: o.result.edges.reduce((n, e) => n + e.sites.length, 0) });
  });

  it('gives the extraction figures of kerasish before and after its suggested cut (keras_api.py:2)', () => {
    const suggested = extractionPlan(result, 'kerasish').boundaryCycles.cut;
    expect(suggested).toEqual([cut('tensorflux.python.keras_api', 'kerasish.backend', `${TF}/python/keras_api.py`, 2)]);
    const o = whatIf(result, suggested, 'kerasish');
    expect(o.before.extraction).toMatchObject({ neededNames: 5, neededSites: 5, reverseDependencies: 3, boundaryCycles: 1, sitesToCut: 1 });
    expect(o.after.extraction).toMatchObject({ neededNames: 5, neededSites: 5, reverseDependencies: 2, boundaryCycles: 0, sitesToCut: 0 });
    expect([o.after.cycles, o.after.modulesInCycles]).toEqual([2, 5]);
    expect(o.extraction).toEqual(extractionPlan(o.result, 'kerasish'));
  });

  it('gives extractionPlan\'s plan for every component, with and without a cut', () => {
    for (const { name } of result.components) {
      expect(whatIf(result, [], name).extraction).toEqual(extractionPlan(result, name));
      const o = whatIf(result, [CALLBACKS, cut('tensorflux.python.keras_api', 'kerasish.backend', `${TF}/python/keras_api.py`, 2)], name, ['tensorflux.api.nn._clip']);
      expect(o.extraction).toEqual(extractionPlan(o.result, name, ['tensorflux.api.nn._clip']));
    }
  });

  it('gives the same plan as extractionPlan on the cut result when the cut leaves the boundary cycles alone', () => {
    const o = whatIf(result, [CALLBACKS, TRAINING_OPS], 'kerasish');
    expect(o.extraction).toEqual(extractionPlan(o.result, 'kerasish'));
    expect(o.extraction!.boundaryCycles.effect).toEqual({ boundaryCyclesBefore: 1, boundaryCyclesAfter: 0, cyclesBefore: 2, cyclesAfter: 1 });
    expect(o.after.extraction).toMatchObject({ neededSites: 4, boundaryCycles: 1, sitesToCut: 1 });
  });
});

describe('whatIf against a fresh analysis with the cut lines deleted', () => {
  it('the suggested cut of kerasish leaves no cycle across its boundary, as a fresh analysis shows', () => {
    const result = sampleResult();
    const suggested = extractionPlan(result, 'kerasish').boundaryCycles.cut;
    const o = whatIf(result, suggested, 'kerasish');
    const fresh = analyzeWithout(suggested);
    expect(comparable(o.result)).toEqual(comparable(fresh));
    expect(extractionPlan(fresh, 'kerasish').summary.boundaryCycles).toBe(0);
    expect(o.after.extraction!.boundaryCycles).toBe(0);
  });

  it('the same for the module prefix kerasish.models declared as a component, as `pyseam extract` does', () => {
    const components = [{ name: 'kerasish.models', modules: ['kerasish.models'] }];
    const result = analyzeDir(SAMPLE_DIR, components);
    const plan = extractionPlan(result, 'kerasish.models');
    expect(plan.boundaryCycles.cycles.map((c) => c.outside)).toEqual([['kerasish.callbacks', 'kerasish.training']]);
    const o = whatIf(result, plan.boundaryCycles.cut, 'kerasish.models');
    expect(o.after.extraction!.boundaryCycles).toBe(0);
    expect(comparable(o.result)).toEqual(comparable(analyzeWithout(plan.boundaryCycles.cut, components)));
  });

  it('hand-made cuts: both sites of training.py:2, callbacks.py:2, an external and a private import', () => {
    const cuts = [
      cut('kerasish.training', 'kerasish.backend', `${KS}/training.py`, 2), cut('kerasish.training', 'kerasish.callbacks', `${KS}/training.py`, 2),
      CALLBACKS, TRAINING_OPS, cut('kerasish.models', 'numpy', `${KS}/models.py`, 6),
    ];
    const o = whatIf(sampleResult(), cuts, null);
    expect(comparable(o.result)).toEqual(comparable(analyzeWithout(cuts)));
  });
});
