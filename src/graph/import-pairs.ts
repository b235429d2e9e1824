import type { AnalysisResult } from '../result.js';

/**
 * The undirected, weighted import graph of a result's internal modules, as plain arrays: the
 * graph `pyseam clusters` runs Louvain on. Pair `k` joins `nodes[a[k]]` and `nodes[b[k]]`
 * (`a[k] < b[k]`: node indices follow name order) with `weight[k]` import sites in both
 * directions; self-imports and external edges are left out, and only modules with a pair are
 * nodes. Pairs come in the order of their first edge in `result.edges`, grouped by their first
 * module in the order it first appears.
 */
export interface ImportPairs {
  nodes: string[];
  index: Map<string, number>;
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
}

export function importPairs(result: AnalysisResult): ImportPairs {
  const kept = (e: AnalysisResult['edges'][number]) => !e.external && e.from !== e.to && e.sites.length > 0;
  const names = new Set<string>();
  let m = 0;
  let last: string | undefined;
  for (const e of result.edges) {
    if (!kept(e)) continue;
    if (e.from !== last) names.add((last = e.from));
    names.add(e.to);
    m++;
  }
  const nodes = [...names].sort();
  const index = new Map(nodes.map((n, i) => [n, i]));
  const n = nodes.length;

  // One entry per directed edge k, in edge order: its pair (lo, hi) and sites.
  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  const sites = new Float64Array(m);
  let k = 0;
  let source = -1;
  last = undefined;
  for (const e of result.edges) {
    if (!kept(e)) continue;
    // Edges come sorted by importer: look each one up once.
    if (e.from !== last) source = index.get((last = e.from))!;
    const target = index.get(e.to)!;
    lo[k] = Math.min(source, target);
    hi[k] = Math.max(source, target);
    sites[k++] = e.sites.length;
  }

  // Group the edges by lo; in each group, order by (hi, k) to meet the edges of a pair (both directions), keep the first.
  const start = new Int32Array(n + 1);
  for (k = 0; k < m; k++) start[lo[k] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const keys = new Float64Array(m);
  for (k = 0; k < m; k++) keys[fill[lo[k]]++] = hi[k] * m + k;
  const rowFirst = new Float64Array(n).fill(Infinity);
  const pairFirst = new Float64Array(m); // per group, the first edge of each pair, then sorted
  const total = new Float64Array(m); // sites of the pair whose first edge is k
  let pairs = 0;
  const groupEnd = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const group = keys.subarray(start[i], start[i + 1]).sort();
    const from = pairs;
    for (let x = 0; x < group.length; x++) {
      const first = group[x] % m;
      total[first] = sites[first];
      while (x + 1 < group.length && hi[group[x + 1] % m] === hi[first]) total[first] += sites[group[++x] % m];
      pairFirst[pairs++] = first;
      if (first < rowFirst[i]) rowFirst[i] = first;
    }
    pairFirst.subarray(from, pairs).sort();
    groupEnd[i] = pairs;
  }

  // Rows in the order of their first edge, each row's pairs in the order of theirs.
  const rows = Array.from({ length: n }, (_, i) => i).filter((i) => rowFirst[i] !== Infinity).sort((x, y) => rowFirst[x] - rowFirst[y]);
  const a = new Int32Array(pairs);
  const b = new Int32Array(pairs);
  const weight = new Float64Array(pairs);
  let p = 0;
  for (const i of rows) {
    for (let x = i === 0 ? 0 : groupEnd[i - 1]; x < groupEnd[i]; x++) {
      const first = pairFirst[x];
      a[p] = i;
      b[p] = hi[first];
      weight[p++] = total[first];
    }
  }
  return { nodes, index, a, b, weight };
}

/** Each node's neighbours and the pair weights, both directions (compressed rows over `pairs.nodes`). */
export function neighbourRows(pairs: ImportPairs): { offsets: Int32Array; targets: Int32Array; weights: Float64Array } {
  const n = pairs.nodes.length;
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < pairs.a.length; k++) {
    offsets[pairs.a[k] + 1]++;
    offsets[pairs.b[k] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(2 * pairs.a.length);
  const weights = new Float64Array(2 * pairs.a.length);
  for (let k = 0; k < pairs.a.length; k++) {
    const x = fill[pairs.a[k]]++;
    targets[x] = pairs.b[k];
    weights[x] = pairs.weight[k];
    const y = fill[pairs.b[k]]++;
    targets[y] = pairs.a[k];
    weights[y] = pairs.weight[k];
  }
  return { offsets, targets, weights };
}

/**
 * A read-only stand-in for the graphology `UndirectedGraph` of `pairs`, giving exactly what
 * graphology-communities-louvain 2.0 reads from a graph (its `isGraph` and `inferType` checks,
 * then `order`, `size`, `selfLoopCount`, `forEachNode`, `undirectedDegreeWithoutSelfLoops` and
 * `forEachEdge` in graphology-indices' `UndirectedLouvainIndex`), nodes and edges in the order a
 * graph built from the pairs would list them. Why: building a graphology graph costs a Map entry,
 * an edge object and two adjacency-object entries keyed by module name per edge: 10 to 20 s of CPU
 * for the 900,000 pairs of a synthetic 100,000-module repository, several times Louvain's own run.
 * Louvain gives the same communities on the view as on the graph (test/graph/import-pairs.test.ts);
 * the two methods that would change a graph throw.
 */
export class LouvainView {
  readonly type = 'undirected';
  readonly multi = false;
  readonly selfLoopCount = 0;
  readonly order: number;
  readonly size: number;
  private readonly degree: Int32Array;

  constructor(private readonly pairs: ImportPairs) {
    this.order = pairs.nodes.length;
    this.size = pairs.a.length;
    this.degree = new Int32Array(this.order);
    for (let k = 0; k < pairs.a.length; k++) {
      this.degree[pairs.a[k]]++;
      this.degree[pairs.b[k]]++;
    }
  }

  forEachNode(visit: (node: string, attributes: Record<string, never>) => void): void {
    for (const node of this.pairs.nodes) visit(node, {});
  }

  undirectedDegreeWithoutSelfLoops(node: string): number {
    return this.degree[this.pairs.index.get(node)!];
  }

  /** Every pair as an undirected edge; the edge key is left empty (Louvain does not read it), and the attributes object is reused. */
  forEachEdge(visit: (edge: string, attributes: { weight: number }, source: string, target: string, sa: object, ta: object, undirected: boolean) => void): void {
    const { nodes, a, b, weight } = this.pairs;
    const attributes = { weight: 0 };
    const none = {};
    for (let k = 0; k < a.length; k++) {
      attributes.weight = weight[k];
      visit('', attributes, nodes[a[k]], nodes[b[k]], none, none, true);
    }
  }

  addUndirectedEdgeWithKey(): never {
    throw new Error('LouvainView is read-only');
  }

  dropNode(): never {
    throw new Error('LouvainView is read-only');
  }
}
