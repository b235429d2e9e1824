// The undirected import graph as typed arrays (src/graph/import-pairs.ts) against a graphology
// graph built the plain way (pairs weighted by sites both ways, nodes in name order, edges in the
// order their first import appears), on seeded random results: same nodes and edges in the same
// order, also when the summary's count of internal edges is missing or wrong (the arrays then
// grow), and graphology-communities-louvain gives the same communities on the view (nodes keyed
// by index) as on the graph (keyed by name).
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { importPairs, LouvainView } from '../../src/graph/import-pairs.js';
import { mulberry32, undirectedImportGraph } from '../../src/graph/suggest-clusters.js';
import type { AnalysisResult, EdgeRecord } from '../../src/result.js';

const louvain = louvainModule as unknown as typeof louvainModule.default;

function randomResult(seed: number, modules: number, edges: number): AnalysisResult {
  const rng = mulberry32(seed);
  const names = Array.from({ length: modules }, (_, i) => `p${i % 5}.m${(i * 7919) % modules}`);
  const pick = () => names[Math.floor(rng() * modules)];
  const list: EdgeRecord[] = [];
  for (let k = 0; k < edges; k++) {
    // Mostly near neighbours in a package, so that Louvain has communities to find.
    const from = pick();
    const to = rng() < 0.8 ? names[(names.indexOf(from) + 5 * (1 + Math.floor(rng() * 3))) % modules] : pick();
    const sites = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => ({}));
    list.push({ from, to, external: rng() < 0.05, sites } as EdgeRecord);
  }
  return { modules: names.map((name) => ({ name })), edges: list } as unknown as AnalysisResult;
}

/** The graph as suggest-clusters built it before the typed arrays. */
function reference(result: AnalysisResult): UndirectedGraph {
  const weights = new Map<string, Map<string, number>>();
  for (const e of result.edges) {
    if (e.external || e.from === e.to || e.sites.length === 0) continue;
    const [a, b] = e.from < e.to ? [e.from, e.to] : [e.to, e.from];
    const row = weights.get(a) ?? weights.set(a, new Map()).get(a)!;
    row.set(b, (row.get(b) ?? 0) + e.sites.length);
  }
  const graph = new UndirectedGraph();
  const nodes = new Set<string>();
  for (const [a, row] of weights) for (const b of [a, ...row.keys()]) nodes.add(b);
  for (const node of [...nodes].sort()) graph.addNode(node);
  for (const [a, row] of weights) for (const [b, weight] of row) graph.addEdge(a, b, { weight });
  return graph;
}

const edgeList = (g: UndirectedGraph) => g.mapEdges((_e, attr, a, b) => [a, b, attr.weight]);

describe('importPairs and LouvainView', () => {
  it('hold the nodes and weighted pairs of the plain graph, in its order', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const result = randomResult(seed, 60 + seed * 20, 300 + seed * 50);
      const plain = reference(result);
      const pairs = importPairs(result);
      expect(pairs.nodes).toEqual(plain.nodes());
      expect(Array.from(pairs.a, (a, k) => [pairs.nodes[a], pairs.nodes[pairs.b[k]], pairs.weight[k]])).toEqual(edgeList(plain));
      expect(edgeList(undirectedImportGraph(result))).toEqual(edgeList(plain));
    }
  });

  it('give the same pairs whatever room the summary\'s edge count makes for them', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const result = randomResult(seed, 80, 400);
      const expected = importPairs(result);
      const internal = result.edges.filter((e) => !e.external).length;
      for (const edges of [internal, 0, 7, internal - 1, result.edges.length]) {
        const pairs = importPairs({ ...result, summary: { edges } } as AnalysisResult);
        expect([pairs.nodes, [...pairs.index], [...pairs.a], [...pairs.b], [...pairs.weight]])
          .toEqual([expected.nodes, [...expected.index], [...expected.a], [...expected.b], [...expected.weight]]);
      }
    }
  });

  it('gives Louvain the same communities as the graphology graph', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const result = randomResult(seed, 80 + seed * 25, 400 + seed * 60);
      const options = { getEdgeWeight: 'weight', resolution: seed % 3 === 0 ? 1.5 : 1 };
      const pairs = importPairs(result);
      const view = new LouvainView(pairs);
      const byIndex = view.communitiesOf(louvain(view as unknown as UndirectedGraph, { ...options, rng: mulberry32(seed) }));
      const onView = Object.fromEntries(pairs.nodes.map((node, i) => [node, byIndex[i]]));
      const onGraph = louvain(reference(result), { ...options, rng: mulberry32(seed) });
      expect(onView).toEqual(onGraph);
      expect(new Set(Object.values(onGraph)).size).toBeGreaterThan(1);
    }
  });

  it('refuses to be changed', () => {
    const view = new LouvainView(importPairs(randomResult(1, 20, 30)));
    expect(() => view.addUndirectedEdgeWithKey()).toThrow(/read-only/);
    expect(() => view.dropNode()).toThrow(/read-only/);
  });
});
