// Hand-worked cases for the weighted Eades-Lin-Smyth heuristic, and the heap-based implementation
// against the algorithm as the paper states it (a plain quadratic transcription below) on random graphs.
import { describe, expect, it } from 'vitest';
import { eadesLinSmyth, type WeightedEdge } from '../../src/graph/feedback-arc-set.js';
import { mulberry32 } from '../../src/graph/suggest-clusters.js';

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

/** Eades-Lin-Smyth step by step: sweep the vertices left in name order for sinks (to the back) and sources (to the front) until a sweep finds none, then move the first vertex of largest weighted out - in degree to the front. */
function plainEadesLinSmyth(nodes: string[], edges: WeightedEdge[]): WeightedEdge[] {
  const live = edges.filter((x) => x.from !== x.to);
  const remaining = [...new Set(nodes)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const gone = new Set<string>();
  const degree = (n: string, side: 'from' | 'to') => live.filter((x) => x[side] === n && !gone.has(x.from) && !gone.has(x.to)).reduce((sum, x) => sum + x.weight, 0);
  const count = (n: string, side: 'from' | 'to') => live.filter((x) => x[side] === n && !gone.has(x.from) && !gone.has(x.to)).length;
  const front: string[] = [];
  const back: string[] = [];
  while (gone.size < remaining.length) {
    for (let moved = true; moved;) {
      moved = false;
      for (const n of remaining.filter((m) => !gone.has(m))) {
        if (count(n, 'from') === 0) back.unshift(n);
        else if (count(n, 'to') === 0) front.push(n);
        else continue;
        gone.add(n);
        moved = true;
      }
    }
    const left = remaining.filter((m) => !gone.has(m));
    if (left.length === 0) break;
    const best = left.reduce((b, n) => (degree(n, 'from') - degree(n, 'to') > degree(b, 'from') - degree(b, 'to') ? n : b));
    front.push(best);
    gone.add(best);
  }
  const position = new Map([...front, ...back].map((n, i) => [n, i]));
  return live.filter((x) => position.get(x.from)! > position.get(x.to)!);
}

describe('eadesLinSmyth', () => {
  it('gives the cut of the plain algorithm on 300 random graphs, ties included', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rng = mulberry32(seed);
      const nodes = Array.from({ length: 3 + Math.floor(rng() * 30) }, (_, i) => `n${Math.floor(rng() * 100)}_${i}`);
      const edges = Array.from({ length: Math.floor(nodes.length * (1 + rng() * 3)) }, () => e(nodes[Math.floor(rng() * nodes.length)], nodes[Math.floor(rng() * nodes.length)], seed % 2 ? 1 : 1 + Math.floor(rng() * 4)));
      expect(eadesLinSmyth(nodes, edges)).toEqual(plainEadesLinSmyth(nodes, edges));
    }
  });

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
