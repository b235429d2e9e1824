// A hand-written result: modules a, b, c (c has no edges); edges a -> b (two sites), b -> b (self), a => numpy (external).
import { describe, expect, it } from 'vitest';
import { graphFromResult } from '../../src/graph/graph-from-result.js';
import type { AnalysisResult, EdgeRecord } from '../../src/result.js';
import { site } from './queries/graph.js';

const edges: EdgeRecord[] = [
  { from: 'a', to: 'b', external: false, sites: [site('a', 'b', 1), site('a', 'b', 2)] },
  { from: 'a', to: 'numpy', external: true, externalKind: 'third-party', sites: [site('a', 'numpy', 3)] },
  { from: 'b', to: 'b', external: false, sites: [site('b', 'b', 1)] },
];
const result = { modules: ['a', 'b', 'c'].map((name) => ({ name })), edges } as unknown as AnalysisResult;

describe('graphFromResult', () => {
  it('has every internal module and internal edge, self-loops kept, externals left out', () => {
    const g = graphFromResult(result);
    expect(g.nodes()).toEqual(['a', 'b', 'c']);
    expect(g.mapEdges((_e, attrs, from, to) => `${from}>${to}:${attrs.sites.map((s) => s.line).join(',')}`)).toEqual(['a>b:1,2', 'b>b:1']);
  });
  it('copies the sites, so the result is not changed through the graph', () => {
    graphFromResult(result).getEdgeAttributes('a', 'b').sites.pop();
    expect(edges[0].sites).toHaveLength(2);
  });
  it('throws on an edge to a module the result does not list', () => {
    expect(() => graphFromResult({ ...result, edges: [{ from: 'a', to: 'z', external: false, sites: [] }] })).toThrow(/a -> z/);
  });
});
