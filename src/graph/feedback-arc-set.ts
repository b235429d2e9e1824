import { cmp } from './module-table.js';

/** A weighted directed edge: `weight` is the cost of removing it (for imports: its number of sites). */
export interface WeightedEdge {
  from: string;
  to: string;
  weight: number;
}

/**
 * A feedback arc set by the Eades-Lin-Smyth heuristic ("A fast and effective heuristic for
 * the feedback arc set problem", Information Processing Letters 47, 1993), weighted: build a
 * vertex sequence by repeatedly moving sinks to the back and sources to the front, and
 * otherwise the vertex with the largest (weighted out-degree - weighted in-degree) to the
 * front; the edges that point backwards in that sequence form the set. Removing them leaves
 * the graph acyclic. Ties are broken by name, so the answer is deterministic.
 *
 * Runs in O((V + E) * V) in the worst case here (the max-delta pick scans the vertices left),
 * which is fine for the strongly connected components it is given.
 *
 * @param nodes the vertices; @param edges weighted edges among them (self-loops are ignored).
 * @returns the backward edges, in the order of `edges`.
 */
export function eadesLinSmyth(nodes: readonly string[], edges: readonly WeightedEdge[]): WeightedEdge[] {
  const out = new Map<string, Map<string, number>>();
  const inn = new Map<string, Map<string, number>>();
  for (const n of nodes) {
    out.set(n, new Map());
    inn.set(n, new Map());
  }
  for (const e of edges) {
    if (e.from === e.to || !out.has(e.from) || !out.has(e.to)) continue;
    out.get(e.from)!.set(e.to, (out.get(e.from)!.get(e.to) ?? 0) + e.weight);
    inn.get(e.to)!.set(e.from, (inn.get(e.to)!.get(e.from) ?? 0) + e.weight);
  }
  const remaining = new Set([...nodes].sort(cmp));
  const front: string[] = [];
  const back: string[] = [];
  const remove = (n: string) => {
    remaining.delete(n);
    for (const m of out.get(n)!.keys()) inn.get(m)!.delete(n);
    for (const m of inn.get(n)!.keys()) out.get(m)!.delete(n);
  };
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  while (remaining.size > 0) {
    let moved = true;
    while (moved) {
      moved = false;
      for (const n of [...remaining]) {
        if (out.get(n)!.size === 0) {
          back.unshift(n);
          remove(n);
          moved = true;
        } else if (inn.get(n)!.size === 0) {
          front.push(n);
          remove(n);
          moved = true;
        }
      }
    }
    if (remaining.size === 0) break;
    let best: string | null = null;
    let bestDelta = -Infinity;
    for (const n of remaining) {
      const delta = sum(out.get(n)!) - sum(inn.get(n)!);
      if (delta > bestDelta) {
        best = n;
        bestDelta = delta;
      }
    }
    front.push(best!);
    remove(best!);
  }
  const position = new Map([...front, ...back].map((n, i) => [n, i]));
  return edges.filter((e) => e.from !== e.to && position.has(e.from) && position.has(e.to) && position.get(e.from)! > position.get(e.to)!);
}
