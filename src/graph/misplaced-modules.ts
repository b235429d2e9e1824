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
import type { UndirectedGraph } from 'graphology';
import type { ClusterRecord, MisplacedRecord } from '../clusters-result.js';

/**
 * @param graph the undirected import graph, edge attribute `weight`.
 * @param clusters the clusters, `id` 1-based as in `clusterOf`.
 * @param clusterOf each node's cluster id; `packageOf` each node's package.
 * @returns misplaced modules by pull (descending), then cluster share (descending), then name; shares unrounded.
 */
export function findMisplaced(
  graph: UndirectedGraph,
  clusters: readonly ClusterRecord[],
  clusterOf: ReadonlyMap<string, number>,
  packageOf: ReadonlyMap<string, string>,
): MisplacedRecord[] {
  const found: MisplacedRecord[] = [];
  const packageSize = new Map<string, number>();
  for (const p of packageOf.values()) packageSize.set(p, (packageSize.get(p) ?? 0) + 1);
  graph.forEachNode((node) => {
    const cluster = clusters[clusterOf.get(node)! - 1];
    const own = packageOf.get(node)!;
    if (cluster.majorityPackage === own || packageSize.get(own)! < 2) return;
    let weight = 0;
    let clusterWeight = 0;
    let packageWeight = 0;
    graph.forEachEdge(node, (_e, attr, a, b) => {
      const other = a === node ? b : a;
      const w = attr.weight as number;
      weight += w;
      if (clusterOf.get(other) === cluster.id) clusterWeight += w;
      if (packageOf.get(other) === own) packageWeight += w;
    });
    const clusterShare = clusterWeight / weight;
    const packageShare = packageWeight / weight;
    found.push({
      module: node, package: own, cluster: cluster.id, clusterPackage: cluster.majorityPackage,
      weight, clusterWeight, packageWeight, clusterShare, packageShare, pull: clusterWeight - packageWeight,
    });
  });
  return found.sort((x, y) => y.pull - x.pull || y.clusterShare - x.clusterShare || (x.module < y.module ? -1 : 1));
}
