// The iterative Tarjan of src/graph/strongly-connected.ts against graphology-components'
// own `stronglyConnectedComponents` on seeded random graphs (sparse and dense, with self-loops
// and repeated edges), read from graphology's graph and from an ImportGraph, and on chains long
// enough to overflow a recursive search.
import { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { describe, expect, it } from 'vitest';
import { compressedRows, stronglyConnected, stronglyConnectedIndices, stronglyConnectedOfEdges, stronglyConnectedOfGraph, stronglyConnectedOfMap } from '../../src/graph/strongly-connected.js';
import { ImportGraph } from '../../src/graph/import-graph.js';
import { mulberry32 } from '../../src/graph/suggest-clusters.js';

const canonical = (components: string[][]) => components.map((c) => [...c].sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));

function randomGraph(seed: number, nodes: number, edges: number): DirectedGraph {
  const rng = mulberry32(seed);
  const graph = new DirectedGraph({ allowSelfLoops: true });
  for (let i = 0; i < nodes; i++) graph.addNode(`m${i}`);
  for (let k = 0; k < edges; k++) graph.mergeDirectedEdge(`m${Math.floor(rng() * nodes)}`, `m${Math.floor(rng() * nodes)}`);
  return graph;
}

describe('stronglyConnected', () => {
  it('gives the components graphology-components gives, on 60 random graphs', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const nodes = 5 + (seed % 7) * 40;
      const graph = randomGraph(seed, nodes, Math.floor(nodes * (0.5 + (seed % 5) * 0.4)));
      expect(canonical(stronglyConnectedOfGraph(graph))).toEqual(canonical(stronglyConnectedComponents(graph)));
      const mine = new ImportGraph<object>();
      graph.forEachNode((node) => mine.mergeNode(node));
      graph.forEachEdge((_e, _a, from, to) => mine.addDirectedEdge(from, to, {}));
      expect(canonical(stronglyConnectedOfGraph(mine))).toEqual(canonical(stronglyConnectedComponents(graph)));
      const edges = graph.mapEdges((_e, _a, from, to) => ({ from, to }));
      expect(canonical(stronglyConnectedOfEdges(graph.nodes(), edges))).toEqual(canonical(stronglyConnectedComponents(graph)));
    }
  });

  it('lists a component before every component that reaches it', () => {
    const graph = randomGraph(7, 300, 360);
    const components = stronglyConnectedOfGraph(graph);
    const position = new Map(components.flatMap((c, i) => c.map((m) => [m, i] as const)));
    graph.forEachEdge((_e, _a, from, to) => expect(position.get(to)!).toBeLessThanOrEqual(position.get(from)!));
  });

  it('keeps only components of at least minSize, from a map with unknown successors skipped', () => {
    const adjacency = new Map<string, string[]>([['a', ['b', 'os']], ['b', ['a', 'b']], ['c', ['c']], ['d', ['a']]]);
    expect(canonical(stronglyConnectedOfMap(adjacency, 2))).toEqual([['a', 'b']]);
    expect(canonical(stronglyConnectedOfMap(adjacency))).toEqual([['a', 'b'], ['c'], ['d']]);
    const sites = new Map([['x', new Map([['y', 1]])], ['y', new Map([['x', 2]])]]);
    expect(canonical(stronglyConnectedOfMap(sites, 2))).toEqual([['x', 'y']]);
  });

  it('does not overflow the stack on a chain of 200,000 modules, open or closed', () => {
    const n = 200_000;
    const nodes = Array.from({ length: n }, (_, i) => `m${i}`);
    const index = new Map(nodes.map((m, i) => [m, i]));
    const chain = (closed: boolean) => (node: string, visit: (to: string) => void) => {
      const i = index.get(node)!;
      if (i + 1 < n) visit(nodes[i + 1]);
      else if (closed) visit(nodes[0]);
    };
    expect(stronglyConnected(nodes, chain(false), 2)).toEqual([]);
    const [only, ...rest] = stronglyConnected(nodes, chain(true), 2);
    expect(rest).toEqual([]);
    expect(only).toHaveLength(n);
    const { offsets, targets } = compressedRows(nodes, chain(false));
    expect(stronglyConnectedIndices(offsets, targets)).toHaveLength(n);
  });
});
