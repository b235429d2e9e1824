/**
 * `pyseam clusters`: which modules hang together, found by Louvain community detection
 * (Blondel et al. 2008, as implemented by graphology-communities-louvain) on the internal
 * import graph taken as undirected and weighted by import sites, and compared with the
 * package structure. Pure: a function of the AnalysisResult and the options.
 *
 * The graph: one node per internal module with an import edge to or from another module
 * (the rest are listed as `isolated`); one undirected edge per pair of modules, weighted by
 * the import sites in both directions; self-imports left out. Nodes are added in name order
 * and Louvain's random walk draws from mulberry32 seeded with `seed`, so the same input and
 * seed give the same clusters. Louvain reads that graph through `LouvainView` (import-pairs.ts),
 * typed arrays standing in for a graphology graph that would take longer to build than Louvain runs.
 */
import louvainModule from 'graphology-communities-louvain';
import { UndirectedGraph } from 'graphology';
import type { AnalysisResult, ModuleRecord } from '../result.js';
import { CLUSTERS_SCHEMA_VERSION, type ClusterRecord, type ClustersResult, type PartitionRecord } from '../clusters-result.js';
import { importPairs, LouvainView } from './import-pairs.js';
import { findMisplaced } from './misplaced-modules.js';
import { partitionAgreement } from './partition-agreement.js';

// The package is CommonJS (`module.exports = louvain`) with an ES-style `export default` in its typings.
const louvain = louvainModule as unknown as typeof louvainModule.default;

export interface ClusterOptions {
  /** Seed of the PRNG driving Louvain's random node order (default 1). */
  seed?: number;
  /** Louvain resolution: above 1 gives more, smaller clusters (default 1). */
  resolution?: number;
  /** Compare with the first `level` segments of module names; null or absent: with each module's owner. */
  level?: number | null;
}

/** mulberry32 (Tommy Ettinger's 32-bit PRNG): a function returning floats in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The undirected import graph of the result's internal modules as a graphology graph, edge attribute `weight` = sites both ways (`importPairs`). */
export function undirectedImportGraph(result: AnalysisResult): UndirectedGraph {
  const { nodes, a, b, weight } = importPairs(result);
  const graph = new UndirectedGraph();
  for (const node of nodes) graph.addNode(node);
  for (let k = 0; k < a.length; k++) graph.addEdge(nodes[a[k]], nodes[b[k]], { weight: weight[k] });
  return graph;
}

/** The package a module is compared under: its owner, or the first `level` segments of its name (of its path, for a script). */
export function packageOf(module: ModuleRecord, partition: PartitionRecord): string {
  if (partition.by === 'owner') return module.owner;
  const segments = module.kind === 'script' ? module.name.replace(/\.py$/, '').split('/') : module.name.split('.');
  return segments.slice(0, partition.level!).join('.');
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Clusters the internal modules of `result` and compares the clusters with the packages.
 * @throws Error when `level` is not a positive integer or `resolution` not positive (the CLI checks first).
 */
export function suggestClusters(result: AnalysisResult, options: ClusterOptions = {}): ClustersResult {
  const seed = options.seed ?? 1;
  const resolution = options.resolution ?? 1;
  const level = options.level ?? null;
  if (level !== null && !(Number.isInteger(level) && level > 0)) throw new Error(`level must be a positive integer, got ${level}`);
  if (!(resolution > 0)) throw new Error(`resolution must be positive, got ${resolution}`);
  const partition: PartitionRecord = level === null ? { by: 'owner', level: null } : { by: 'level', level };

  const pairs = importPairs(result);
  const { nodes } = pairs;
  const view = new LouvainView(pairs);
  const community = pairs.a.length > 0
    ? view.communitiesOf(louvain(view as unknown as UndirectedGraph, { getEdgeWeight: 'weight', resolution, rng: mulberry32(seed) }) as unknown as Record<number, number>)
    : new Int32Array(0); // no pairs, no nodes

  // Number the clusters by size (descending), then by their smallest module (nodes are in name order).
  const groupOf = new Int32Array(nodes.length).fill(-1); // by community number
  const members: number[][] = [];
  for (let i = 0; i < nodes.length; i++) {
    const g = groupOf[community[i]];
    if (g >= 0) members[g].push(i);
    else groupOf[community[i]] = members.push([i]) - 1;
  }
  const groups = members.sort((a, b) => b.length - a.length || a[0] - b[0]);
  const clusterOf = new Int32Array(nodes.length);
  groups.forEach((g, i) => g.forEach((m) => (clusterOf[m] = i + 1)));

  const moduleOf = new Array<ModuleRecord | undefined>(nodes.length);
  const isolated: string[] = [];
  for (const m of result.modules) {
    const i = pairs.index.get(m.name);
    if (i === undefined) isolated.push(m.name);
    else moduleOf[i] = m;
  }
  isolated.sort();
  const packageNames: string[] = [];
  const packageIds = new Map<string, number>();
  const packageOfNode = new Int32Array(nodes.length);
  nodes.forEach((n, i) => {
    const name = moduleOf[i] ? packageOf(moduleOf[i], partition) : n;
    let id = packageIds.get(name);
    if (id === undefined) packageIds.set(name, (id = packageNames.push(name) - 1));
    packageOfNode[i] = id;
  });

  const internal = new Array<number>(groups.length).fill(0);
  const degree = new Array<number>(groups.length).fill(0);
  const links = groups.map(() => new Map<number, number>());
  let total = 0;
  for (let k = 0; k < pairs.a.length; k++) {
    const w = pairs.weight[k];
    const ca = clusterOf[pairs.a[k]];
    const cb = clusterOf[pairs.b[k]];
    total += w;
    degree[ca - 1] += w;
    degree[cb - 1] += w;
    if (ca === cb) internal[ca - 1] += w;
    else {
      links[ca - 1].set(cb, (links[ca - 1].get(cb) ?? 0) + w);
      links[cb - 1].set(ca, (links[cb - 1].get(ca) ?? 0) + w);
    }
  }
  const modularity = total === 0 ? 0 : groups.reduce((q, _g, i) => q + internal[i] / total - (degree[i] / (2 * total)) ** 2, 0);

  const clusters: ClusterRecord[] = groups.map((group, i) => {
    const counts = new Map<number, number>();
    for (const m of group) counts.set(packageOfNode[m], (counts.get(packageOfNode[m]) ?? 0) + 1);
    const packages = [...counts].map(([id, n]) => ({ name: packageNames[id], modules: n })).sort((a, b) => b.modules - a.modules || (a.name < b.name ? -1 : 1));
    const linkList = [...links[i]].map(([cluster, weight]) => ({ cluster, weight })).sort((a, b) => b.weight - a.weight || a.cluster - b.cluster);
    return {
      id: i + 1, size: group.length, modules: group.map((m) => nodes[m]), packages, majorityPackage: packages[0].name,
      internalWeight: internal[i], externalWeight: linkList.reduce((s, l) => s + l.weight, 0), links: linkList,
    };
  });

  // Package and cluster ids stand for their names: same partitions, same scores.
  const agreement = partitionAgreement(packageOfNode, clusterOf);
  const nmi = round(agreement.nmi);
  const ari = round(agreement.ari);
  const misplaced = findMisplaced(pairs, clusters, clusterOf, { names: packageNames, of: packageOfNode });
  for (const m of misplaced) {
    m.clusterShare = round(m.clusterShare);
    m.packageShare = round(m.packageShare);
  }

  return {
    schemaVersion: CLUSTERS_SCHEMA_VERSION,
    tool: result.tool,
    options: { seed, resolution, partition },
    summary: {
      modules: nodes.length, isolated: isolated.length, edges: pairs.a.length, weight: total, clusters: clusters.length,
      modularity: round(modularity), nmi, ari, misplaced: misplaced.length,
    },
    agreement: { packages: packageNames.length, nmi, nmiNormalization: 'arithmetic', ari },
    clusters,
    misplaced,
    isolated,
  };
}
