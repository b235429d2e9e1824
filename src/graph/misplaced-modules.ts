/**
 * The modules whose cluster disagrees with their package: candidates to move before an
 * extraction (the "misplaced" list of `pyseam clusters`).
 *
 * A module is misplaced when its cluster's majority package (the package with the most
 * modules in the cluster, ties to the smaller name) is not its own package, and its package
 * has another clustered module (a package of one has no package-mates to be tied to, so it
 * would be "misplaced" in every cluster but its own: `sklearn.base` at level 2). It is ranked by
 * its pull towards the cluster: its edge weight (import sites, both directions) to the other
 * modules of its cluster minus its weight to the other modules of its own package, wherever
 * they are. Sites, not shares, so that a module with one import does not outrank a module
 * with a hundred; the shares are given beside it. A module that imports and is imported
 * mostly by its cluster and hardly by its package comes first: moving it costs its package little.
 */
import type { ClusterRecord, MisplacedRecord } from '../clusters-result.js';

/** The undirected weighted graph as pairs (`ImportPairs` of import-pairs.ts): pair `k` joins nodes `a[k]` and `b[k]` (indices into `nodes`, which are in name order) with weight `weight[k]`. */
export interface WeightedPairs {
  nodes: readonly string[];
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
}

/**
 * One pass over the pairs sums each node's weights (all of them, to its cluster, to its
 * package), adding a node's pairs in pair order; then one record per misplaced module.
 * @param graph the undirected import graph, weights in import sites.
 * @param clusters the clusters, `id` 1-based as in `clusterOf`.
 * @param clusterOf each node's cluster id, by node index; `packages.of` each node's package, an index into `packages.names`.
 * @returns misplaced modules by pull (descending), then cluster share (descending), then name; shares unrounded.
 */
export function findMisplaced(
  graph: WeightedPairs,
  clusters: readonly ClusterRecord[],
  clusterOf: Int32Array,
  packages: { names: readonly string[]; of: Int32Array },
): MisplacedRecord[] {
  const { nodes, a, b } = graph;
  const n = nodes.length;
  const weight = new Float64Array(n);
  const clusterWeight = new Float64Array(n);
  const packageWeight = new Float64Array(n);
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    const w = graph.weight[k];
    weight[x] += w;
    weight[y] += w;
    if (clusterOf[x] === clusterOf[y]) {
      clusterWeight[x] += w;
      clusterWeight[y] += w;
    }
    if (packages.of[x] === packages.of[y]) {
      packageWeight[x] += w;
      packageWeight[y] += w;
    }
  }
  const packageSize = new Int32Array(packages.names.length);
  for (const p of packages.of) packageSize[p]++;
  // Sorted as indices over the typed arrays, then one record each: cheaper than sorting the
  // records. Nodes are in name order, so the smaller index is the smaller name.
  const misplaced: number[] = [];
  for (let i = 0; i < n; i++) {
    const own = packages.of[i];
    if (clusters[clusterOf[i] - 1].majorityPackage !== packages.names[own] && packageSize[own] >= 2) misplaced.push(i);
  }
  const pull = (i: number) => clusterWeight[i] - packageWeight[i];
  misplaced.sort((x, y) => pull(y) - pull(x) || clusterWeight[y] / weight[y] - clusterWeight[x] / weight[x] || x - y);
  return misplaced.map((i) => {
    const cluster = clusters[clusterOf[i] - 1];
    return {
      module: nodes[i], package: packages.names[packages.of[i]], cluster: cluster.id, clusterPackage: cluster.majorityPackage,
      weight: weight[i], clusterWeight: clusterWeight[i], packageWeight: packageWeight[i],
      clusterShare: clusterWeight[i] / weight[i], packageShare: packageWeight[i] / weight[i], pull: pull(i),
    };
  });
}
