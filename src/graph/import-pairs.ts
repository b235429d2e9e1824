import type { AnalysisResult } from '../result.js';

/**
 * The undirected, weighted import graph of a result's internal modules, as plain arrays: the
 * graph `pyseam clusters` runs Louvain on. Pair `k` joins `nodes[a[k]]` and `nodes[b[k]]`
 * (`a[k] < b[k]`: node indices follow name order) with `weight[k]` import sites in both
 * directions; self-imports and external edges are left out, and only modules with a pair are
 * nodes, and `index` gives each node's index. Pairs come in the order of their first edge in
 * `result.edges`, grouped by their first module in the order it first appears.
 */
export interface ImportPairs {
  nodes: string[];
  index: Map<string, number>;
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
}

/**
 * Time: one pass over `result.edges` with one Map lookup per kept edge (an importer once per run
 * of its edges), a sort of the module names, then linear passes over typed arrays (a counting
 * sort, no sort of the edges). Memory: about 30 bytes of typed arrays per internal edge, the
 * answer included. Why it is kept small: V8 marks the whole heap once typed arrays (external
 * memory) grow 64 MB past their size at the last full collection, and on the 500 MB heap of a
 * 100,000-module result that marking costs more than this function (0.6 to 0.9 s); Louvain's
 * own index takes about 25 bytes more per pair.
 */
export function importPairs(result: AnalysisResult): ImportPairs {
  // One pass over the edges: number the modules in order of appearance, and note each kept edge's
  // imported module and sites, its importer once per run of edges (`runs`: importer, first edge).
  // An importer is numbered before its edges are known to be kept, hence `used`.
  const index = new Map<string, number>();
  const seen: string[] = [];
  const idOf = (name: string): number => {
    let id = index.get(name);
    if (id === undefined) index.set(name, (id = seen.push(name) - 1));
    return id;
  };
  // Room for the internal edges (the summary's count), grown if a hand-made result has no summary or a wrong one.
  let capacity = Math.min(result.summary?.edges ?? Infinity, result.edges.length);
  let ends = new Int32Array(capacity); // imported module; from the renumbering on, the sum of both ends' node indices
  let sites = new Int32Array(capacity);
  const runs: number[] = [];
  let m = 0;
  let last: string | undefined;
  let source = -1;
  let runSource = -1;
  const edges = result.edges;
  for (let x = 0; x < edges.length; x++) {
    const e = edges[x];
    if (e.external) continue;
    const count = e.sites.length;
    if (count === 0) continue;
    if (e.from !== last) source = idOf((last = e.from)); // edges come sorted by importer: once per importer
    const target = idOf(e.to);
    if (target === source) continue; // a self-import (same name, same number)
    if (m === capacity) {
      capacity = Math.min(2 * capacity + 16, edges.length);
      const grown = new Int32Array(capacity);
      grown.set(ends);
      ends = grown;
      const grownSites = new Int32Array(capacity);
      grownSites.set(sites);
      sites = grownSites;
    }
    if (source !== runSource) runs.push((runSource = source), m);
    ends[m] = target;
    sites[m++] = count;
  }
  runs.push(-1, m); // the end of the last run
  const used = new Uint8Array(seen.length);
  for (let r = 0; r < runs.length - 2; r += 2) {
    used[runs[r]] = 1;
    for (let k = runs[r + 1]; k < runs[r + 3]; k++) used[ends[k]] = 1;
  }

  // Renumber in name order, keeping in `index` only the modules of a kept edge. An edge's `ends`
  // becomes the sum of its two node indices: with its importer's, it gives the other.
  const nodes: string[] = [];
  seen.forEach((name, id) => (used[id] === 1 ? nodes.push(name) : index.delete(name)));
  nodes.sort();
  const n = nodes.length;
  const rank = new Int32Array(seen.length);
  for (let i = 0; i < n; i++) {
    rank[index.get(nodes[i])!] = i;
    index.set(nodes[i], i);
  }
  for (let r = 0; r < runs.length - 2; r += 2) {
    runs[r] = rank[runs[r]];
    for (let k = runs[r + 1]; k < runs[r + 3]; k++) ends[k] = runs[r] + rank[ends[k]];
  }

  // Each edge's smaller end (its row), in edge order.
  const forEachRow = (visit: (k: number, row: number) => void) => {
    for (let r = 0; r < runs.length - 2; r += 2) {
      for (let k = runs[r + 1]; k < runs[r + 3]; k++) visit(k, Math.min(runs[r], ends[k] - runs[r]));
    }
  };
  // Group the edges by row, in edge order within a row (a stable counting sort).
  const start = new Int32Array(n + 1);
  forEachRow((_k, row) => start[row + 1]++);
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const grouped = new Int32Array(m);
  forEachRow((k, row) => (grouped[fill[row]++] = k));

  // Rows in the order of their first edge; in a row, a pair at its first edge, later edges adding
  // their sites to it (`pairOf[h]`, valid while `rowOf[h]` is the row's number plus one). Room for
  // one pair per edge; the answer's arrays are views of the first `p` (all but the reciprocal
  // imports, in practice).
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  const weight = new Float64Array(m);
  const rowOf = new Int32Array(n);
  const pairOf = new Int32Array(n);
  const rowDone = new Uint8Array(n);
  let p = 0;
  forEachRow((_k, i) => {
    if (rowDone[i] === 1) return;
    rowDone[i] = 1;
    for (let x = start[i]; x < start[i + 1]; x++) {
      const e = grouped[x];
      const h = ends[e] - i;
      if (rowOf[h] === i + 1) weight[pairOf[h]] += sites[e];
      else {
        rowOf[h] = i + 1;
        pairOf[h] = p;
        a[p] = i;
        b[p] = h;
        weight[p++] = sites[e];
      }
    }
  });
  return { nodes, index, a: a.subarray(0, p), b: b.subarray(0, p), weight: weight.subarray(0, p) };
}

/**
 * A read-only stand-in for a graphology `UndirectedGraph` of `pairs`, giving exactly what
 * graphology-communities-louvain 2.0 reads from a graph (its `isGraph` and `inferType` checks,
 * then `order`, `size`, `selfLoopCount`, `forEachNode`, `undirectedDegreeWithoutSelfLoops` and
 * `forEachEdge` in graphology-indices' `UndirectedLouvainIndex`), nodes and edges in the order a
 * graph built from the pairs would list them. The node keys are the node indices (0 to
 * `order - 1`), not the module names: Louvain only uses a key to number its node (in
 * `forEachNode` order) and to label its answer, so the communities are the same, and its
 * answer is an object keyed by index (`communitiesOf` reads it).
 * Why a view: building a graphology graph costs a Map entry, an edge object and two
 * adjacency-object entries keyed by module name per edge: 10 to 20 s of CPU for the 900,000
 * pairs of a synthetic 100,000-module repository, several times Louvain's own run. Why index
 * keys: with names, Louvain's own index keeps a name-keyed object, looks both ends of every edge
 * up in it, and answers with another name-keyed object; integer keys V8 stores as arrays. On that
 * repository, Louvain takes 1.1 to 1.3 s on index keys against 1.4 to 1.7 s on names.
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

  /** Every node index in order; the attributes object is shared (Louvain does not read it). */
  forEachNode(visit: (node: number, attributes: Record<string, never>) => void): void {
    const none = {};
    for (let i = 0; i < this.order; i++) visit(i, none);
  }

  undirectedDegreeWithoutSelfLoops(node: number): number {
    return this.degree[node];
  }

  /** Every pair as an undirected edge between node indices; the edge key is left empty (Louvain does not read it), and the attributes object is reused. */
  forEachEdge(visit: (edge: string, attributes: { weight: number }, source: number, target: number, sa: object, ta: object, undirected: boolean) => void): void {
    const { a, b, weight } = this.pairs;
    const attributes = { weight: 0 };
    const none = {};
    for (let k = 0; k < a.length; k++) {
      attributes.weight = weight[k];
      visit('', attributes, a[k], b[k], none, none, true);
    }
  }

  /**
   * Louvain's answer on this view (an object from node index to community number) as an array by node index.
   * @throws Error when a node has no community or one that is not an integer in [0, order): not an answer on this view.
   */
  communitiesOf(answer: Record<number, number>): Int32Array {
    const community = new Int32Array(this.order);
    for (let i = 0; i < this.order; i++) {
      const c = answer[i];
      if (!(Number.isInteger(c) && c >= 0 && c < this.order)) throw new Error(`LouvainView: node ${i} has community ${c}`);
      community[i] = c;
    }
    return community;
  }

  addUndirectedEdgeWithKey(): never {
    throw new Error('LouvainView is read-only');
  }

  dropNode(): never {
    throw new Error('LouvainView is read-only');
  }
}
