// The extraction plan on samples/monorepo, against the hand-checked facts of
// test/samples/monorepo.expected.ts, and the boundary cut on hand-built graphs.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze-inline.js';
import { findBoundaryCycles } from '../../src/graph/boundary-cycles.js';
import { extractionPlan, isTestFile } from '../../src/graph/extraction-plan.js';
import { nodeTree } from '../../src/parse/source-tree.js';
import type { AnalysisResult, EdgeRecord } from '../../src/result.js';
import { expected } from '../samples/monorepo.expected.js';

const sample = fileURLToPath(new URL('../../samples/monorepo', import.meta.url));
const result = analyze({
  roots: [], configRoots: [], private: ['tensorflux.python'], public: ['tensorflux.python.keras_api'], exclude: [], importHelpers: [],
  includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
}, nodeTree(sample));

describe('extractionPlan on samples/monorepo', () => {
  const plan = extractionPlan(result, 'kerasish', ['tensorflux.api.nn._clip']);

  it('needs exactly the private imports kerasish makes, grouped by target, with actions', () => {
    const hand = expected.privateImports.filter((p) => p.importer.startsWith('kerasish'));
    expect(plan.summary.neededSites).toBe(hand.length);
    expect(plan.neededApi.map((t) => [t.target, t.names.map((n) => [n.name, n.action])]).sort()).toEqual(
      [...new Set(hand.map((p) => p.target))].sort().map((target) => [target, hand.filter((p) => p.target === target).flatMap((p) => (p.names.length ? p.names : [null])).map((n) => [n, n === '_clip' ? 'copy' : 'make-public'])]),
    );
    expect(plan.summary.actions.copy).toEqual({ names: 1, sites: 1 });
  });

  it('lists every edge from the rest into kerasish, and says the two distributions would depend on each other', () => {
    const hand = expected.internalEdges.filter(([from, to]) => String(to).startsWith('kerasish') && !String(from).startsWith('kerasish'));
    expect(plan.reverseDependencies.map((r) => [r.from, r.to]).sort()).toEqual(hand.map(([from, to]) => [from, to]).sort());
    expect(plan.mutualDependencies.map((m) => m.component)).toEqual(['tensorflux']);
  });

  it('finds the one cycle across the boundary and a one-site cut whose effect is computed', () => {
    expect(plan.boundaryCycles.cycles.map((c) => [c.inside, c.outside])).toEqual([[['kerasish.backend'], ['tensorflux.python.keras_api']]]);
    expect(plan.boundaryCycles.cut).toHaveLength(1);
    expect([['kerasish.backend', 'tensorflux.python.keras_api'], ['tensorflux.python.keras_api', 'kerasish.backend']]).toContainEqual([plan.boundaryCycles.cut[0].from, plan.boundaryCycles.cut[0].to]);
    expect(plan.boundaryCycles.effect).toEqual({ boundaryCyclesBefore: 1, boundaryCyclesAfter: 0, cyclesBefore: expected.cycles.length, cyclesAfter: expected.cycles.length - 1 });
  });
});

describe('findBoundaryCycles on hand-built graphs', () => {
  const edge = (from: string, to: string, sites: number): EdgeRecord => ({
    from, to, external: false,
    sites: Array.from({ length: sites }, (_, i) => ({ file: `${from}.py`, line: i + 1, column: 1, target: to, names: [], typeChecking: false, conditional: false, lazy: false, dynamic: false, unresolved: false })),
  });
  const graph = (edges: EdgeRecord[]) => ({ modules: [...new Set(edges.flatMap((e) => [e.from, e.to]))].map((name) => ({ name })), edges }) as unknown as AnalysisResult;

  it('cuts the light crossing edge of each cycle, fewer sites than cutting one whole direction', () => {
    // a1 <-> b1 (out 1 site, back 5), a2 <-> b2 (out 5, back 1): one direction costs 6 sites, the light edges 2.
    const r = findBoundaryCycles(graph([edge('a1', 'b1', 1), edge('b1', 'a1', 5), edge('a2', 'b2', 5), edge('b2', 'a2', 1)]), new Set(['a1', 'a2']));
    expect(r.strategy).toBe('eades-lin-smyth');
    expect(r.cut.map((c) => `${c.from}->${c.to}`)).toEqual(['a1->b1', 'b2->a2']);
    expect(r.effect).toEqual({ boundaryCyclesBefore: 2, boundaryCyclesAfter: 0, cyclesBefore: 2, cyclesAfter: 0 });
  });

  it('keeps cycles that stay on one side', () => {
    const r = findBoundaryCycles(graph([edge('a1', 'a2', 1), edge('a2', 'a1', 1), edge('a1', 'b1', 1), edge('b1', 'a2', 3)]), new Set(['a1', 'a2']));
    expect(r.cut.map((c) => `${c.from}->${c.to}`)).toEqual(['a1->b1']);
    expect(r.effect).toEqual({ boundaryCyclesBefore: 1, boundaryCyclesAfter: 0, cyclesBefore: 1, cyclesAfter: 1 });
  });
});

describe('isTestFile', () => {
  it('follows pytest naming and test directories', () => {
    expect(['keras/layers/core_test.py', 'tests/x.py', 'a/test_b.py', 'conftest.py', 'django/contrib/app/tests.py'].map(isTestFile)).toEqual([true, true, true, true, true]);
    expect(['keras/layers/core.py', 'contest.py', 'testing/util.py'].map(isTestFile)).toEqual([false, false, false]);
  });
});

describe('extractionPlan actions', () => {
  it('replace when an export decorator already gives the symbol a public name, else make public', async () => {
    const { memoryTree } = await import('../../src/parse/memory-tree.js');
    const files = {
      'lib/__init__.py': '',
      'lib/_impl.py': 'from tools import keras_export\n@keras_export("lib.Layer", "lib.v1.Layer")\nclass Layer: pass\nclass Hidden: pass\n',
      'app/__init__.py': '',
      'app/main.py': 'from lib._impl import Layer, Hidden\n',
      'app/main_test.py': 'from lib._impl import Layer\n',
    };
    const r = analyze({
      roots: [], configRoots: [], private: [], public: [], exclude: [], importHelpers: [], exportDecorators: ['keras_export'],
      includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
    }, memoryTree(files));
    const plan = extractionPlan(r, 'app');
    expect(plan.neededApi.map((t) => [t.target, t.sites, t.names.map((n) => [n.name, n.sites, n.action, n.replacement, n.uses.tests])])).toEqual([
      ['lib._impl', 2, [['Layer', 2, 'replace', 'lib.Layer', 1], ['Hidden', 1, 'make-public', undefined, 0]]],
    ]);
    expect(plan.summary.actions).toEqual({ replace: { names: 1, sites: 2 }, move: { names: 0, sites: 0 }, 'make-public': { names: 1, sites: 1 }, copy: { names: 0, sites: 0 } });
    // One statement imports both names: it counts once in neededSites, once under each action.
    expect(plan.summary.neededSites).toBe(2);
  });
});

describe('api-source: an external package read for its public API only', () => {
  it('its export decorators turn needed names into replace actions', async () => {
    const { memoryTree } = await import('../../src/parse/memory-tree.js');
    // ext (external, not in the repository): ext/_ops.py marks `relu` with @ext_export("ext.nn.relu").
    const ext = memoryTree({ '__init__.py': '', '_ops.py': 'from ext._util import ext_export\n@ext_export("ext.nn.relu")\ndef relu(): pass\ndef gelu(): pass\n' });
    const repo = memoryTree({ 'app/__init__.py': '', 'app/layers.py': 'from ext._ops import relu, gelu\n' });
    const r = analyze({
      roots: [], configRoots: [], private: [], public: [], exclude: [], importHelpers: [], exportDecorators: ['ext_export'],
      apiSources: [{ name: 'ext', tree: ext }],
      includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
    }, repo);
    expect(r.exports.map((e) => [e.module, e.symbol, e.names, e.file])).toEqual([['ext._ops', 'relu', ['ext.nn.relu'], 'ext:_ops.py']]);
    const plan = extractionPlan(r, 'app');
    expect(plan.neededApi[0].names.map((n) => [n.name, n.action, n.replacement])).toEqual([['gelu', 'make-public', undefined], ['relu', 'replace', 'ext.nn.relu']]);
  });
});

describe('extractionPlan: replacements', () => {
  it('uses the current API only (v1= names an older one), and says move when the public name is the component\'s own', async () => {
    const { memoryTree } = await import('../../src/parse/memory-tree.js');
    const files = {
      'lib/__init__.py': '',
      'lib/_impl.py': [
        'from tools import keras_export',
        '@keras_export(v1=["lib.Old"])', 'class Old: pass',
        '@keras_export("app.Widget")', 'class Widget: pass',
      ].join('\n'),
      'app/__init__.py': '',
      'app/main.py': 'from lib._impl import Old, Widget\n',
    };
    const r = analyze({
      roots: [], configRoots: [], private: [], public: [], exclude: [], importHelpers: [], exportDecorators: ['keras_export'],
      includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
    }, memoryTree(files));
    const plan = extractionPlan(r, 'app');
    expect(plan.neededApi[0].names.map((n) => [n.name, n.action, n.replacement])).toEqual([['Old', 'make-public', undefined], ['Widget', 'move', 'app.Widget']]);
    expect(plan.summary.actions.move).toEqual({ names: 1, sites: 1 });
  });
});
