// Hand-worked cases for the weighted Eades-Lin-Smyth heuristic.
import { describe, expect, it } from 'vitest';
import { eadesLinSmyth, type WeightedEdge } from '../../src/graph/feedback-arc-set.js';

const e = (from: string, to: string, weight = 1): WeightedEdge => ({ from, to, weight });

/** Whether the edges left after removing `cut` form a cycle (depth-first search). */
function hasCycle(nodes: string[], edges: WeightedEdge[], cut: WeightedEdge[]): boolean {
  const left = edges.filter((x) => !cut.includes(x) && x.from !== x.to);
  const state = new Map<string, number>();
  const visit = (n: string): boolean => {
    state.set(n, 1);
    for (const x of left.filter((y) => y.from === n)) {
      if (state.get(x.to) === 1 || (!state.has(x.to) && visit(x.to))) return true;
    }
    state.set(n, 2);
    return false;
  };
  return nodes.some((n) => !state.has(n) && visit(n));
}

describe('eadesLinSmyth', () => {
  it('cuts the light edge of a heavy ring', () => {
    const edges = [e('a', 'b', 5), e('b', 'c', 5), e('c', 'a', 1)];
    expect(eadesLinSmyth(['a', 'b', 'c'], edges)).toEqual([e('c', 'a', 1)]);
  });

  it('removes nothing from an acyclic graph and ignores self-loops', () => {
    expect(eadesLinSmyth(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c'), e('a', 'c'), e('b', 'b')])).toEqual([]);
  });

  it('leaves an acyclic graph on two interlocked cycles, choosing the shared back edge', () => {
    // a -> b -> c -> a and c -> d -> a: cutting the edges into a breaks both; c -> a (weight 1) and d -> a (weight 1).
    const nodes = ['a', 'b', 'c', 'd'];
    const edges = [e('a', 'b', 3), e('b', 'c', 3), e('c', 'a'), e('c', 'd', 3), e('d', 'a')];
    const cut = eadesLinSmyth(nodes, edges);
    expect(hasCycle(nodes, edges, [])).toBe(true);
    expect(hasCycle(nodes, edges, cut)).toBe(false);
    expect(cut).toEqual([e('c', 'a'), e('d', 'a')]);
  });
});
