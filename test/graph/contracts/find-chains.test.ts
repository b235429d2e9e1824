// The hop a chain shows: `a.m -> b.n` has a lazy site at line 2 and an eager one at line 5;
// `b.n -> c.o` has only a lazy site (line 3). Self-imports and external edges are no hops.
import { describe, expect, it } from 'vitest';
import { chainIndex, findChains, hopOf } from '../../../src/graph/contracts/find-chains.js';
import type { AnalysisResult } from '../../../src/result.js';
import { fakeResult } from './fake-result.js';

const result = fakeResult([['a.m', 'b.n', 2, [[5, false]]], ['b.n', 'c.o', 3], ['a.m', 'a.m', 9]]);
result.edges[0].sites[0].lazy = true;
result.edges[1].sites[0].lazy = true;
const withExternal = { ...result, edges: [...result.edges, { from: 'c.o', to: 'numpy', external: true, externalKind: 'third-party', sites: [] }] } as AnalysisResult;
const index = chainIndex(withExternal);

describe('chainIndex and hopOf', () => {
  it('keeps internal edges between different modules only', () => {
    expect(Object.fromEntries(index.out)).toEqual({ 'a.m': ['b.n'], 'b.n': ['c.o'] });
  });

  it('shows the first eager site of an edge, else its first site', () => {
    expect(hopOf(index, 'a.m', 'b.n')).toMatchObject({ file: 'a/m.py', line: 5, lazy: false });
    expect(hopOf(index, 'b.n', 'c.o')).toMatchObject({ file: 'b/n.py', line: 3, lazy: true });
  });
});

describe('findChains', () => {
  const query = { starts: ['a.m'], sourceOf: () => 'a', targetOf: (_: string, m: string) => (m === 'c.o' ? 'c' : undefined), blocked: () => false };

  it('follows chains only when indirect', () => {
    expect(findChains(index, { ...query, indirect: false })).toEqual([]);
    const [v] = findChains(index, { ...query, indirect: true });
    expect(v.chain.map((h) => [h.from, h.to, h.line, h.lazy])).toEqual([['a.m', 'b.n', 5, false], ['b.n', 'c.o', 3, true]]);
  });

  it('prefers a chain that runs at import time to a shorter one with a lazy hop', () => {
    // s.a -> t.b is lazy (line 1); s.a -> u.c (line 2) -> v.d (line 3) -> t.b (line 4) are eager;
    // w.e reaches t.b only lazily (line 5): its chain keeps the lazy hop.
    const graph = fakeResult([['s.a', 't.b', 1], ['s.a', 'u.c', 2], ['u.c', 'v.d', 3], ['v.d', 't.b', 4], ['w.e', 't.b', 5]]);
    graph.edges.filter((e) => e.sites[0].line === 1 || e.sites[0].line === 5).forEach((e) => { e.sites[0].lazy = true; });
    const found = findChains(chainIndex(graph), { starts: ['s.a', 'w.e'], sourceOf: () => 's', targetOf: (_: string, m: string) => (m === 't.b' ? 't' : undefined), blocked: () => false, indirect: true });
    expect(found.map((v) => v.chain.map((h) => `${h.from}>${h.to}:${h.line}${h.lazy ? ' lazy' : ''}`))).toEqual([
      ['s.a>u.c:2', 'u.c>v.d:3', 'v.d>t.b:4'],
      ['w.e>t.b:5 lazy'],
    ]);
  });

  it('never passes through a blocked module', () => {
    expect(findChains(index, { ...query, indirect: true, blocked: (m: string) => m === 'b.n' })).toEqual([]);
  });
});
