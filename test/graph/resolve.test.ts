// Hand-checked resolution of every row of SEMANTICS.md's table, against this tree:
//   p/__init__.py  p/q/__init__.py  p/q/m.py  p/q/c.py  p/c.py  p/q/x/__init__.py  p/q/x/y.py  a/__init__.py  a/b.py
import { describe, expect, it } from 'vitest';
import { buildModuleTable } from '../../src/graph/module-table.js';
import { Resolver, resolveImport } from '../../src/graph/resolve.js';
import type { RawImport } from '../../src/parse/types.js';

const files = ['p/__init__.py', 'p/q/__init__.py', 'p/q/m.py', 'p/q/c.py', 'p/c.py', 'p/q/x/__init__.py', 'p/q/x/y.py', 'a/__init__.py', 'a/b.py', 'top.py'];
const { modules } = buildModuleTable(files.map((path) => ({ path, kind: 'source' })), [{ path: '.', reason: 'analyzed-directory' }]);
const raw = (r: Partial<RawImport>): RawImport => ({ kind: 'import', module: '', level: 0, names: [], line: 1, column: 1, typeChecking: false, conditional: false, lazy: false, dynamic: false, ...r });
const resolve = (importer: string, r: Partial<RawImport>) => {
  const out = resolveImport(raw(r), modules.get(importer)!, modules);
  return 'message' in out ? out.message : out.map((s) => [s.to, s.target, s.names, s.external, s.unresolved]);
};

describe('resolveImport', () => {
  it('import a.b.c / import a.b.c as d', () => {
    expect(resolve('top', { module: 'a.b' })).toEqual([['a.b', 'a.b', [], false, false]]);
  });
  it('from a.b import c: the submodule when it is one, else the module with the name', () => {
    expect(resolve('top', { kind: 'from', module: 'p.q', names: ['m', 'helper'] })).toEqual([
      ['p.q', 'p.q', ['helper'], false, false],
      ['p.q.m', 'p.q.m', ['m'], false, false],
    ]);
    expect(resolve('top', { kind: 'from', module: 'a', names: ['*'] })).toEqual([['a', 'a', ['*'], false, false]]);
  });
  it('from . import c and from .. import c in module p.q.m', () => {
    expect(resolve('p.q.m', { kind: 'from', level: 1, names: ['c'] })).toEqual([['p.q.c', 'p.q.c', ['c'], false, false]]);
    expect(resolve('p.q.m', { kind: 'from', level: 2, names: ['c'] })).toEqual([['p.c', 'p.c', ['c'], false, false]]);
    expect(resolve('p.q.m', { kind: 'from', level: 2, names: ['nothing'] })).toEqual([['p', 'p', ['nothing'], false, false]]);
  });
  it('from .x import y in the package p.q: an __init__ is its own package', () => {
    expect(resolve('p.q', { kind: 'from', level: 1, module: 'x', names: ['y'] })).toEqual([['p.q.x.y', 'p.q.x.y', ['y'], false, false]]);
  });
  it('a relative import climbing above the top-level package is an error', () => {
    expect(resolve('p.q.m', { kind: 'from', level: 4, names: ['c'] })).toMatch(/climbs above the top-level package p/);
    expect(resolve('top', { kind: 'from', level: 1, names: ['c'] })).toMatch(/not in a package/);
  });
  it('dynamic imports: absolute, relative to a literal package, to __package__, to __name__', () => {
    expect(resolve('top', { kind: 'dynamic', dynamic: true, module: 'a.b' })).toEqual([['a.b', 'a.b', [], false, false]]);
    expect(resolve('top', { kind: 'dynamic', level: 1, module: 'c', anchor: { literal: 'p.q' } })).toEqual([['p.q.c', 'p.q.c', [], false, false]]);
    expect(resolve('p.q.m', { kind: 'dynamic', level: 1, module: 'c', anchor: { importerPackage: true } })).toEqual([['p.q.c', 'p.q.c', [], false, false]]);
    expect(resolve('p.q', { kind: 'dynamic', level: 1, module: 'm', anchor: { importerModule: true } })).toEqual([['p.q.m', 'p.q.m', [], false, false]]);
  });
  it('an internal target no file defines is unresolved and points at its nearest ancestor', () => {
    expect(resolve('top', { kind: 'from', module: 'p.q.protos', names: ['graph_pb2'] })).toEqual([['p.q', 'p.q.protos.graph_pb2', ['graph_pb2'], false, true]]);
  });
  it('anything else is external, grouped under its top-level name', () => {
    expect(resolve('top', { module: 'tensorflow.python.ops' })).toEqual([['tensorflow', 'tensorflow.python.ops', [], true, false]]);
  });
});

describe('Resolver: one for a whole analysis', () => {
  // Every statement above, from several importers: what one Resolver remembers from earlier
  // statements (anchors by importer and level, joined names, heads) must not change any answer.
  const cases: [string, Partial<RawImport>][] = [
    ['top', { module: 'a.b' }],
    ['top', { kind: 'from', module: 'p.q', names: ['m', 'helper'] }],
    ['top', { kind: 'from', module: 'a', names: ['*'] }],
    ['p.q.m', { kind: 'from', level: 1, names: ['c'] }],
    ['p.q.c', { kind: 'from', level: 1, names: ['c'] }],
    ['p.q.m', { kind: 'from', level: 2, names: ['c'] }],
    ['p.q.m', { kind: 'from', level: 2, names: ['nothing'] }],
    ['p.q', { kind: 'from', level: 1, module: 'x', names: ['y'] }],
    ['p.q.x.y', { kind: 'from', level: 2, module: 'x', names: ['y'] }],
    ['p.q.m', { kind: 'from', level: 4, names: ['c'] }],
    ['top', { kind: 'from', level: 1, names: ['c'] }],
    ['top', { kind: 'dynamic', dynamic: true, module: 'a.b' }],
    ['top', { kind: 'dynamic', level: 1, module: 'c', anchor: { literal: 'p.q' } }],
    ['p.q.m', { kind: 'dynamic', level: 1, module: 'c', anchor: { importerPackage: true } }],
    ['p.q', { kind: 'dynamic', level: 1, module: 'm', anchor: { importerModule: true } }],
    ['p.q.m', { kind: 'dynamic', level: 1, module: 'c', anchor: { importerModule: true } }],
    ['top', { kind: 'from', module: 'p.q.protos', names: ['graph_pb2'] }],
    ['p.q.m', { kind: 'from', level: 1, module: 'protos', names: ['graph_pb2', 'other_pb2'] }],
    ['top', { module: 'tensorflow.python.ops' }],
    ['a.b', { kind: 'from', module: 'tensorflow.python', names: ['ops', 'keras'] }],
  ];
  const answer = (out: ReturnType<Resolver['resolve']>) => ('message' in out ? out.message : out.map((s) => ({ ...s })));
  it('answers each statement as a fresh resolution does, whatever came before', () => {
    const expected = cases.map(([importer, r]) => answer(resolveImport(raw(r), modules.get(importer)!, modules)));
    const resolver = new Resolver(modules);
    for (const order of [cases.keys(), [...cases.keys()].reverse().values(), cases.keys()]) {
      for (const i of order) expect(answer(resolver.resolve(raw(cases[i][1]), modules.get(cases[i][0])!))).toEqual(expected[i]);
    }
  });
  it('from ..x import y in the module p.q.x.y is p.q.x.y (hand-checked)', () => {
    const resolver = new Resolver(modules);
    const out = resolver.resolve(raw({ kind: 'from', level: 2, module: 'x', names: ['y'] }), modules.get('p.q.x.y')!);
    expect('message' in out ? out.message : out.map((s) => [s.to, s.target, s.statementModule])).toEqual([['p.q.x.y', 'p.q.x.y', 'p.q.x']]);
  });
});
