// A hand-written result (expectations worked out by hand from this list):
//   modules, owner app: app.core.model, app.core.store, app.ui.view, app.ui.widgets,
//                       app/scripts/run-it.py (a script: groups with app.scripts at depth 2)
//   modules, owner lib: lib.x, lib.y
//   edges (sites): app.ui.view -> app.core.model (2)      app.ui.widgets -> app.core.store (1)
//                  app.core.model -> app.ui.widgets (1)   app.ui.view -> app.ui.widgets (3: a self-loop of app.ui at depth 2)
//                  lib.x -> lib.x (1, a self-import)      lib.x -> lib.y (1)      lib.y -> app.core.model (1)
//                  app.core.store -> lib.y (2: `from lib.y import _helper`, private; `import helper`, not)
//                  app/scripts/run-it.py -> app.ui.view (1)      app.ui.view => numpy (4, external)
//   cycle at module level: app.core.model -> app.ui.widgets -> app.core.store -> lib.y -> app.core.model
import { describe, expect, it } from 'vitest';
import { collapseGraph } from '../../src/graph/collapse-graph.js';
import type { AnalysisResult, EdgeRecord, ModuleRecord, PrivateImportRecord, SiteRecord } from '../../src/result.js';

const site = (file: string, line: number, target: string, names: string[] = []): SiteRecord => ({
  file, line, column: 1, target, names, typeChecking: false, conditional: false, lazy: false, dynamic: false, unresolved: false,
});
const mod = (name: string, owner: string, path = `${name.replaceAll('.', '/')}.py`, kind: ModuleRecord['kind'] = 'module'): ModuleRecord =>
  ({ name, path, kind, root: '.', owner });
const edge = (from: string, to: string, n: number, external = false): EdgeRecord => ({
  from, to, external, sites: Array.from({ length: n }, (_, i) => site(`${from.replaceAll('.', '/')}.py`, i + 1, to)),
});

const modules = [
  mod('app.core.model', 'app'), mod('app.core.store', 'app'), mod('app.ui.view', 'app'), mod('app.ui.widgets', 'app'),
  mod('app/scripts/run-it.py', 'app', 'app/scripts/run-it.py', 'script'),
  mod('lib.x', 'lib'), mod('lib.y', 'lib'),
];
const edges: EdgeRecord[] = [
  edge('app.ui.view', 'app.core.model', 2), edge('app.ui.widgets', 'app.core.store', 1),
  edge('app.core.model', 'app.ui.widgets', 1), edge('app.ui.view', 'app.ui.widgets', 3),
  edge('lib.x', 'lib.x', 1), edge('lib.x', 'lib.y', 1), edge('lib.y', 'app.core.model', 1),
  { from: 'app.core.store', to: 'lib.y', external: false, sites: [site('app/core/store.py', 1, 'lib.y', ['_helper']), site('app/core/store.py', 2, 'lib.y', ['helper'])] },
  { from: 'app/scripts/run-it.py', to: 'app.ui.view', external: false, sites: [site('app/scripts/run-it.py', 1, 'app.ui.view')] },
  { ...edge('app.ui.view', 'numpy', 4, true), externalKind: 'third-party' },
];
const privateImports = [{
  importer: 'app.core.store', file: 'app/core/store.py', line: 1, column: 1, target: 'lib.y', names: ['_helper'],
  reason: "private name '_helper'", importerOwner: 'app', targetOwner: 'lib', typeChecking: false, lazy: false, dynamic: false,
}] as PrivateImportRecord[];
const result = { modules, edges, privateImports } as unknown as AnalysisResult;

const pairs = (p: ReturnType<typeof collapseGraph>) => p.edges.map((e) => `${e.from}>${e.to}:${e.sites}${e.privateSites ? `p${e.privateSites}` : ''}${e.inCycle ? 'c' : ''}`);

describe('collapseGraph', () => {
  it('module level: every module and edge, the self-import kept, externals left out', () => {
    const p = collapseGraph(result);
    expect(p.level).toBe('module');
    expect(p.nodes.map((n) => n.id)).toEqual(['app.core.model', 'app.core.store', 'app.ui.view', 'app.ui.widgets', 'app/scripts/run-it.py', 'lib.x', 'lib.y']);
    expect(pairs(p)).toEqual([
      'app.core.model>app.ui.widgets:1c', 'app.core.store>lib.y:2p1c', 'app.ui.view>app.core.model:2', 'app.ui.view>app.ui.widgets:3',
      'app.ui.widgets>app.core.store:1c', 'app/scripts/run-it.py>app.ui.view:1', 'lib.x>lib.x:1', 'lib.x>lib.y:1', 'lib.y>app.core.model:1c',
    ]);
    expect(p.cycles).toEqual([['app.core.model', 'app.core.store', 'app.ui.widgets', 'lib.y']]);
  });

  it('depth 2: merges to prefixes, sums the sites, drops the self-loops the merge makes, finds the cycles after collapsing', () => {
    const p = collapseGraph(result, { depth: 2 });
    expect(p.nodes.map((n) => [n.id, n.modules, n.cycle])).toEqual([
      ['app.core', 2, 0], ['app.scripts', 1, null], ['app.ui', 2, 0], ['lib.x', 1, null], ['lib.y', 1, 0],
    ]);
    // app.ui.view -> app.ui.widgets (3) is gone; app.ui -> app.core holds 2 + 0; app.core -> app.ui 1; lib.x -> lib.x stays.
    expect(pairs(p)).toEqual([
      'app.core>app.ui:1c', 'app.core>lib.y:2p1c', 'app.scripts>app.ui:1', 'app.ui>app.core:3c', 'lib.x>lib.x:1', 'lib.x>lib.y:1', 'lib.y>app.core:1c',
    ]);
    // lib.x is not in the cycle: its only way back is its own self-import.
    expect(p.cycles).toEqual([['app.core', 'app.ui', 'lib.y']]);
  });

  it('depth 1 and components: a cycle that no module-level cycle shows, the merged self-loops dropped', () => {
    const acyclic = { ...result, edges: edges.filter((e) => !(e.from === 'lib.y' && e.to === 'app.core.model')).concat(edge('lib.x', 'app.ui.view', 1)) };
    expect(collapseGraph(acyclic).cycles).toEqual([]);
    const p = collapseGraph(acyclic, { byComponent: true });
    expect(p.level).toBe('component');
    expect(p.nodes.map((n) => [n.id, n.modules])).toEqual([['app', 5], ['lib', 2]]);
    expect(pairs(p)).toEqual(['app>lib:2p1c', 'lib>app:1c', 'lib>lib:1']);
    expect(p.cycles).toEqual([['app', 'lib']]);
    expect(pairs(collapseGraph(acyclic, { depth: 1 }))).toEqual(pairs(p));
  });

  it('with external: external packages become nodes, merged like the rest', () => {
    const p = collapseGraph(result, { depth: 1, external: true });
    expect(p.nodes.find((n) => n.id === 'numpy')).toEqual({ id: 'numpy', kind: 'external', modules: 0, cycle: null });
    expect(pairs(p)).toContain('app>numpy:4');
  });

  it('rejects a bad depth, and depth with components', () => {
    expect(() => collapseGraph(result, { depth: 0 })).toThrow(/positive integer/);
    expect(() => collapseGraph(result, { depth: 2, byComponent: true })).toThrow(/exclude/);
  });
});
