// ImportGraph (src/graph/import-graph.ts), hand-built: a -> b, a -> c, b -> a, c -> c (self-loop), d alone.
import { describe, expect, it } from 'vitest';
import { ImportGraph } from '../../src/graph/import-graph.js';

function sample(): ImportGraph<{ n: number }> {
  const g = new ImportGraph<{ n: number }>();
  for (const m of ['a', 'b', 'c', 'd']) g.mergeNode(m);
  g.addDirectedEdge('a', 'b', { n: 1 });
  g.addDirectedEdge('b', 'a', { n: 2 });
  g.addDirectedEdge('a', 'c', { n: 3 });
  g.addDirectedEdge('c', 'c', { n: 4 });
  return g;
}

describe('ImportGraph', () => {
  it('counts and lists nodes and edges, edges by source in node order', () => {
    const g = sample();
    expect([g.order, g.size]).toEqual([4, 4]);
    expect(g.nodes()).toEqual(['a', 'b', 'c', 'd']);
    expect(g.mapEdges((key, { n }, from, to) => `${key}:${from}->${to}:${n}`)).toEqual(['0:a->b:1', '2:a->c:3', '1:b->a:2', '3:c->c:4']);
    expect(g.outNeighbors('a')).toEqual(['b', 'c']);
    expect(g.outNeighbors('d')).toEqual([]);
    const seen: string[] = [];
    g.forEachOutNeighbor('c', (to) => seen.push(to));
    expect(seen).toEqual(['c']);
  });

  it('finds edges by their ends, and refuses a second edge or a missing node', () => {
    const g = sample();
    expect(g.hasEdge('a', 'b')).toBe(true);
    expect(g.hasEdge('b', 'c')).toBe(false);
    expect(g.getEdgeAttributes('b', 'a')).toEqual({ n: 2 });
    expect(g.findEdgeAttributes('d', 'a')).toBeUndefined();
    expect(() => g.getEdgeAttributes('d', 'a')).toThrow(/no edge d -> a/);
    expect(() => g.addDirectedEdge('a', 'b', { n: 5 })).toThrow(/exists/);
    expect(() => g.addDirectedEdge('a', 'x', { n: 5 })).toThrow(/no node x/);
    g.mergeNode('a');
    expect(g.outNeighbors('a')).toEqual(['b', 'c']);
  });
});
