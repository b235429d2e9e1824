// Hand-built graphs: a ring a -> b -> c -> a with a shortcut b -> a, a self-import, and an acyclic tail;
// and a ring of 100,000 modules m000000 -> m000001 -> ... -> m099999 -> m000000 (a recursive search overflows the stack).
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.js';
import { findCycles } from '../../src/graph/find-cycles.js';
import type { SiteInContext } from '../../src/graph/private-imports.js';

const EAGER = { typeChecking: false, lazy: false, conditional: false, dynamic: false };
const edge = (from: string, to: string, line: number, facts: { lazy?: boolean; typeChecking?: boolean } = {}): SiteInContext => ({
  importer: from, file: `${from}.py`,
  site: { to, external: false, target: to, statementModule: to, names: [], unresolved: false,
    kind: 'import', line, column: 1, typeChecking: false, conditional: false, lazy: false, dynamic: false, ...facts },
});

describe('findCycles', () => {
  it('finds strongly connected components of more than one module, with a shortest example', () => {
    const graph = buildGraph(['a', 'b', 'c', 'd', 's'], [edge('a', 'b', 1), edge('b', 'c', 2), edge('c', 'a', 3), edge('b', 'a', 9), edge('c', 'd', 4), edge('s', 's', 1)]);
    expect(findCycles(graph)).toEqual([{
      modules: ['a', 'b', 'c'],
      example: [
        { from: 'a', to: 'b', file: 'a.py', line: 1, column: 1, ...EAGER },
        { from: 'b', to: 'a', file: 'b.py', line: 9, column: 1, ...EAGER },
      ],
    }]);
  });
  it('orders cycles largest first', () => {
    const graph = buildGraph(['a', 'b', 'x', 'y', 'z'], [edge('a', 'b', 1), edge('b', 'a', 1), edge('x', 'y', 1), edge('y', 'z', 1), edge('z', 'x', 1)]);
    expect(findCycles(graph).map((c) => c.modules)).toEqual([['x', 'y', 'z'], ['a', 'b']]);
  });
  it('prefers an example made of eager edges, and an eager site on each hop', () => {
    // a -> b -> a is shortest but b -> a is lazy only; a -> b -> c -> a runs at import time.
    const graph = buildGraph(['a', 'b', 'c'], [
      edge('a', 'b', 1), edge('b', 'a', 2, { lazy: true }), edge('b', 'c', 3), edge('c', 'a', 4, { typeChecking: true }), edge('c', 'a', 7),
    ]);
    expect(findCycles(graph)[0].example.map((h) => `${h.from}->${h.to}:${h.line}`)).toEqual(['a->b:1', 'b->c:3', 'c->a:7']);
    const lazyOnly = buildGraph(['a', 'b'], [edge('a', 'b', 1), edge('b', 'a', 2, { lazy: true })]);
    expect(findCycles(lazyOnly)[0].example[1]).toMatchObject({ from: 'b', to: 'a', lazy: true });
  });

  it('finds a ring of 100,000 modules, with the whole ring as its example', () => {
    const n = 100_000;
    const name = (i: number) => `m${String(i).padStart(6, '0')}`;
    const ring = findCycles(buildGraph(Array.from({ length: n }, (_, i) => name(i)), Array.from({ length: n }, (_, i) => edge(name(i), name((i + 1) % n), 1))));
    expect(ring).toHaveLength(1);
    expect(ring[0].modules).toHaveLength(n);
    expect(ring[0].example).toHaveLength(n);
    expect(ring[0].example[n - 1]).toMatchObject({ from: name(n - 1), to: name(0) });
  });
});
