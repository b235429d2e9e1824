/**
 * The result of `pyseam clusters`: what `src/graph/suggest-clusters.ts` computes and the
 * clusters reporters render, described field by field by `schema/clusters.schema.json`.
 * It sits beside `result.ts` (not in graph/ or report/) because both layers use it and
 * neither may import the other. Plain arrays and objects, sorted deterministically, with
 * fractions rounded to 6 decimals, so that two runs serialize byte-identically.
 */

export const CLUSTERS_SCHEMA_VERSION = 1;

/** How modules are grouped into the packages the clusters are compared with. */
export interface PartitionRecord {
  /** `owner`: each module's component (ModuleRecord.owner); `level`: the first `level` dotted segments of its name. */
  by: 'owner' | 'level';
  /** The number of segments with `by: 'level'`, else null. */
  level: number | null;
}

export interface ClustersOptionsRecord {
  seed: number;
  resolution: number;
  partition: PartitionRecord;
}

/** How well the clusters agree with the package partition, on the clustered modules. */
export interface AgreementRecord {
  /** Number of packages among the clustered modules. */
  packages: number;
  /** Normalized mutual information, normalized by the arithmetic mean of the two entropies (scikit-learn's default), in [0, 1]. */
  nmi: number;
  nmiNormalization: 'arithmetic';
  /** Adjusted Rand index (Hubert and Arabie 1985), 1 for identical partitions, about 0 for chance. */
  ari: number;
}

/** A link between two clusters: the summed import sites between their modules, both directions. */
export interface ClusterLinkRecord {
  cluster: number;
  weight: number;
}

export interface ClusterRecord {
  /** 1-based, in the order of the list: by size (descending), then by the smallest module name. */
  id: number;
  size: number;
  /** Sorted by name. */
  modules: string[];
  /** Packages of its modules with their module counts, most modules first, then by name. */
  packages: { name: string; modules: number }[];
  /** The first of `packages`: the cluster's majority package (ties go to the smaller name). */
  majorityPackage: string;
  /** Import sites on edges between two of its modules. */
  internalWeight: number;
  /** Import sites on edges to other clusters, the sum of `links`. */
  externalWeight: number;
  /** Heaviest first, then by cluster id. */
  links: ClusterLinkRecord[];
}

/**
 * A module whose cluster's majority package is not its own package: a candidate to move
 * before an extraction. Weights are import sites on its edges (both directions, self-imports left out).
 */
export interface MisplacedRecord {
  module: string;
  package: string;
  cluster: number;
  clusterPackage: string;
  /** All its edge weight. */
  weight: number;
  /** Weight to the other modules of its cluster, and to the other modules of its own package. */
  clusterWeight: number;
  packageWeight: number;
  /** clusterWeight / weight and packageWeight / weight. */
  clusterShare: number;
  packageShare: number;
  /** clusterWeight - packageWeight, in sites: the list's order (descending, then clusterShare descending, then name). */
  pull: number;
}

export interface ClustersSummary {
  /** Modules with at least one internal import edge to or from another module: the ones clustered. */
  modules: number;
  /** Internal modules left out because no edge joins them to another module. */
  isolated: number;
  /** Undirected edges between clustered modules, and their total weight (import sites). */
  edges: number;
  weight: number;
  clusters: number;
  /** Newman-Girvan modularity (resolution 1) of the clusters found, on the undirected weighted graph. */
  modularity: number;
  nmi: number;
  ari: number;
  misplaced: number;
}

export interface ClustersResult {
  schemaVersion: number;
  tool: { name: string; version: string };
  options: ClustersOptionsRecord;
  summary: ClustersSummary;
  agreement: AgreementRecord;
  clusters: ClusterRecord[];
  misplaced: MisplacedRecord[];
  /** Sorted by name. */
  isolated: string[];
}
