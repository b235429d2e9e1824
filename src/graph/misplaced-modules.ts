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

/** The undirected weighted graph as compressed rows: node `i`'s neighbours are `targets[offsets[i]]` .. `targets[offsets[i + 1] - 1]`, with `weights` beside them. */
export interface WeightedRows {
  nodes: readonly string[];
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/**
 * @param graph the undirected import graph, weights in import sites.
 * @param clusters the clusters, `id` 1-based as in `clusterOf`.
 * @param clusterOf each node's cluster id, by node index; `packages.of` each node's package, an index into `packages.names`.
 * @returns misplaced modules by pull (descending), then cluster share (descending), then name; shares unrounded.
 */
export function findMisplaced(
  graph: WeightedRows,
  clusters: readonly ClusterRecord[],
  clusterOf: Int32Array,
  packages: { names: readonly string[]; of: Int32Array },
): MisplacedRecord[] {
  const found: MisplacedRecord[] = [];
  const packageSize = new Int32Array(packages.names.length);
  for (const p of packages.of) packageSize[p]++;
  const { nodes, offsets, targets, weights } = graph;
  nodes.forEach((node, i) => {
    const cluster = clusters[clusterOf[i] - 1];
    const own = packages.of[i];
    if (cluster.majorityPackage === packages.names[own] || packageSize[own] < 2) return;
    let weight = 0;
    let clusterWeight = 0;
    let packageWeight = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const other = targets[k];
      const w = weights[k];
      weight += w;
      if (clusterOf[other] === cluster.id) clusterWeight += w;
      if (packages.of[other] === own) packageWeight += w;
    }
    const clusterShare = clusterWeight / weight;
    const packageShare = packageWeight / weight;
    found.push({
      module: node, package: packages.names[own], cluster: cluster.id, clusterPackage: cluster.majorityPackage,
      weight, clusterWeight, packageWeight, clusterShare, packageShare, pull: clusterWeight - packageWeight,
    });
  });
  return found.sort((x, y) => y.pull - x.pull || y.clusterShare - x.clusterShare || (x.module < y.module ? -1 : 1));
}
