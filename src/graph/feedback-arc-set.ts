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
 * The sinks and sources are taken in sweeps over the vertices left in name order, again until a
 * sweep finds none; a vertex that becomes a sink or a source after the sweep passed its name waits
 * for the next sweep. Only the vertices that became sinks or sources are visited (a heap per sweep),
 * and the largest difference is kept in a heap, so the whole runs in O((V + E) log V).
 *
 * @param nodes the vertices; @param edges weighted edges among them (self-loops are ignored).
 * @returns the backward edges, in the order of `edges`.
 */
export function eadesLinSmyth(nodes: readonly string[], edges: readonly WeightedEdge[]): WeightedEdge[] {
  const names = [...new Set(nodes)].sort(cmp);
  const rank = new Map(names.map((n, i) => [n, i]));
  const out = names.map(() => new Map<number, number>());
  const inn = names.map(() => new Map<number, number>());
  for (const e of edges) {
    const i = rank.get(e.from);
    const j = rank.get(e.to);
    if (i === undefined || j === undefined || i === j) continue;
    out[i].set(j, (out[i].get(j) ?? 0) + e.weight);
    inn[j].set(i, (inn[j].get(i) ?? 0) + e.weight);
  }
  // Weighted degrees of the vertices left (integer weights: the sums are exact).
  const outSum = out.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
  const inSum = inn.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
  const delta = (i: number) => outSum[i] - inSum[i];
  const removed = new Uint8Array(names.length);
  const queued = new Uint8Array(names.length);
  const front: number[] = [];
  const back: number[] = [];
  // Largest difference first, then the first name; an entry is stale once its vertex's difference changed.
  const largest = new Heap<[number, number]>((x, y) => y[0] - x[0] || x[1] - y[1]);
  names.forEach((_, i) => largest.push([delta(i), i]));
  let sweep = new Heap<number>((x, y) => x - y);
  let nextSweep: number[] = [];
  const isEnd = (i: number) => out[i].size === 0 || inn[i].size === 0;
  /** A neighbour of the vertex removed at `at` may have become a sink or source: this sweep takes it if it lies further on. */
  const touch = (m: number, at: number) => {
    largest.push([delta(m), m]);
    if (queued[m] || !isEnd(m)) return;
    queued[m] = 1;
    if (m > at) sweep.push(m);
    else nextSweep.push(m);
  };
  const remove = (i: number, at: number) => {
    removed[i] = 1;
    for (const [m, w] of out[i]) {
      inn[m].delete(i);
      inSum[m] -= w;
      touch(m, at);
    }
    for (const [m, w] of inn[i]) {
      out[m].delete(i);
      outSum[m] -= w;
      touch(m, at);
    }
  };
  names.forEach((_, i) => {
    if (isEnd(i)) sweep.push(i), (queued[i] = 1);
  });
  for (let left = names.length; left > 0;) {
    while (sweep.size > 0) {
      while (sweep.size > 0) {
        const i = sweep.pop()!;
        (out[i].size === 0 ? back : front).push(i);
        remove(i, i);
        left--;
      }
      sweep = new Heap<number>((x, y) => x - y, nextSweep);
      nextSweep = [];
    }
    if (left === 0) break;
    let best = largest.pop()!;
    while (removed[best[1]] || best[0] !== delta(best[1])) best = largest.pop()!;
    front.push(best[1]);
    remove(best[1], -1); // a new round of sweeps starts from the first name
    left--;
  }
  const position = new Map([...front, ...back.reverse()].map((i, p) => [names[i], p]));
  return edges.filter((e) => e.from !== e.to && position.has(e.from) && position.has(e.to) && position.get(e.from)! > position.get(e.to)!);
}

/** A binary heap: `pop` gives the item that `compare` puts first. */
class Heap<T> {
  private readonly items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number, items: readonly T[] = []) {
    for (const item of items) this.push(item);
  }

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (this.compare(a[i], a[parent]) >= 0) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.compare(a[l], a[m]) < 0) m = l;
        if (r < a.length && this.compare(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}
