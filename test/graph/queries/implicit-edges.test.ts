// A hand-written tree for --implicit (Python's import system imports each parent package first):
//
//   app/__init__.py       1 from app import core          -> app.core   (ancestor app is the importer: no implicit edge)
//   app/core.py           1 import lib.db.models          -> lib.db.models; implicit -> lib, lib.db
//                         2 import ns.pkg.mod             -> ns.pkg.mod; implicit -> ns.pkg (ns is a namespace package: none)
//                         4   from lib.util import h      -> lib.util [lazy]; implicit -> lib [lazy]
//   app/sub/__init__.py     (empty)
//   app/sub/view.py       1 from app.core import f        -> app.core (app is its own ancestor: no implicit edge)
//   app/sub/other.py        (empty)
//   lib/__init__.py       1 from app.sub import view, other -> app.sub.view, app.sub.other (one place);
//                                                            implicit -> app, app.sub: one site each, not two
//   lib/db/__init__.py, lib/db/models.py, lib/util.py, ns/pkg/__init__.py, ns/pkg/mod.py (empty)
//
// Without implicit edges there is no cycle. With them: app -> app.core -> lib -> app, and
// lib -> app.sub.view -> app.core -> lib: one cycle {app, app.core, app.sub.view, lib}.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze-inline.js';
import { type AnalyzeOptions } from '../../../src/analyze.js';
import { implicitTargets } from '../../../src/graph/implicit-edges.js';
import { memoryTree } from '../../../src/parse/memory-tree.js';
import type { AnalysisResult, ModuleKind } from '../../../src/result.js';

const TREE = {
  'app/__init__.py': 'from app import core\n',
  'app/core.py': 'import lib.db.models\nimport ns.pkg.mod\ndef f():\n    from lib.util import h\n',
  'app/sub/__init__.py': '',
  'app/sub/view.py': 'from app.core import f\n',
  'app/sub/other.py': '',
  'lib/__init__.py': 'from app.sub import view, other\n',
  'lib/db/__init__.py': '', 'lib/db/models.py': '', 'lib/util.py': 'h = 1\n',
  'ns/pkg/__init__.py': '', 'ns/pkg/mod.py': '',
};
const defaults: AnalyzeOptions = {
  roots: [], configRoots: [], private: [], public: [], exclude: [], importHelpers: [],
  includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
};
const run = (options: Partial<AnalyzeOptions>): AnalysisResult => analyze({ ...defaults, ...options }, memoryTree(TREE));

/** `from -> to file:line [lazy]` for every implicit site. */
const implicitSites = (r: AnalysisResult) => r.edges.flatMap((e) => e.sites.filter((s) => s.implicit)
  .map((s) => `${e.from} -> ${e.to} ${s.file}:${s.line}${s.lazy ? ' lazy' : ''}`));

describe('implicit edges', () => {
  it('are off by default: no implicit site, no cycle', () => {
    const r = run({});
    expect(implicitSites(r)).toEqual([]);
    expect(r.cycles).toEqual([]);
  });

  it('add an edge to each ancestor package of a target, not the importer\'s own nor a namespace package', () => {
    const r = run({ implicit: true });
    expect(implicitSites(r)).toEqual([
      'app.core -> lib app/core.py:1',
      'app.core -> lib app/core.py:4 lazy',
      'app.core -> lib.db app/core.py:1',
      'app.core -> ns.pkg app/core.py:2',
      'lib -> app lib/__init__.py:1',
      'lib -> app.sub lib/__init__.py:1',
    ]);
    const site = r.edges.find((e) => e.from === 'lib' && e.to === 'app')!.sites[0];
    expect(site).toMatchObject({ target: 'app', names: [], implicit: true, column: 1, lazy: false });
  });

  it('make the cycles of the runtime view', () => {
    expect(run({ implicit: true }).cycles.map((c) => c.modules)).toEqual([['app', 'app.core', 'app.sub.view', 'lib']]);
  });

  it('follow the site filters: with --no-lazy the lazy implicit site goes too', () => {
    expect(implicitSites(run({ implicit: true, includeLazy: false }))).not.toContain('app.core -> lib app/core.py:4 lazy');
    expect(implicitSites(run({ implicit: true, includeLazy: false }))).toContain('app.core -> lib app/core.py:1');
  });
});

describe('implicitTargets', () => {
  const kinds = new Map<string, { kind: ModuleKind }>(
    (['a package', 'a.b package', 'a.b.c module', 'n namespace', 'n.p package', 'n.p.m module'])
      .map((s) => s.split(' ')).map(([name, kind]) => [name, { kind: kind as ModuleKind }]),
  );
  it('lists the outer ancestors first, leaving out the importer and its ancestors', () => {
    expect(implicitTargets('x', 'a.b.c', kinds)).toEqual(['a', 'a.b']);
    expect(implicitTargets('a.z', 'a.b.c', kinds)).toEqual(['a.b']);
    expect(implicitTargets('a.b', 'a.b.c', kinds)).toEqual([]);
    expect(implicitTargets('x', 'n.p.m', kinds)).toEqual(['n.p']);
    expect(implicitTargets('x', 'a', kinds)).toEqual([]);
  });
});
