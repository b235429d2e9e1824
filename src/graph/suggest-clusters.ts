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
 * seed give the same clusters.
 */
import louvainModule from 'graphology-communities-louvain';
import { UndirectedGraph } from 'graphology';
import type { AnalysisResult, ModuleRecord } from '../result.js';
import { CLUSTERS_SCHEMA_VERSION, type ClusterRecord, type ClustersResult, type PartitionRecord } from '../clusters-result.js';
import { findMisplaced } from './misplaced-modules.js';
import { adjustedRand, normalizedMutualInfo } from './partition-agreement.js';

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

/** The undirected import graph of the result's internal modules, edge attribute `weight` = sites both ways. */
export function undirectedImportGraph(result: AnalysisResult): UndirectedGraph {
  const weights = new Map<string, Map<string, number>>();
  for (const e of result.edges) {
    if (e.external || e.from === e.to || e.sites.length === 0) continue;
    const [a, b] = e.from < e.to ? [e.from, e.to] : [e.to, e.from];
    const row = weights.get(a) ?? weights.set(a, new Map()).get(a)!;
    row.set(b, (row.get(b) ?? 0) + e.sites.length);
  }
  const graph = new UndirectedGraph();
  const nodes = new Set<string>();
  for (const [a, row] of weights) for (const b of [a, ...row.keys()]) nodes.add(b);
  for (const node of [...nodes].sort()) graph.addNode(node);
  for (const [a, row] of weights) for (const [b, weight] of row) graph.addEdge(a, b, { weight });
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

  const graph = undirectedImportGraph(result);
  const nodes = graph.nodes();
  const communities = graph.size > 0 ? louvain(graph, { getEdgeWeight: 'weight', resolution, rng: mulberry32(seed) }) : {};

  // Number the clusters by size (descending), then by their smallest module (nodes are in name order).
  const members = new Map<number, string[]>();
  for (const node of nodes) (members.get(communities[node]) ?? members.set(communities[node], []).get(communities[node])!).push(node);
  const groups = [...members.values()].sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  const clusterOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((m) => clusterOf.set(m, i + 1)));

  const byName = new Map(result.modules.map((m) => [m.name, m]));
  const packageOfNode = new Map(nodes.map((n) => [n, byName.has(n) ? packageOf(byName.get(n)!, partition) : n]));

  const internal = new Array<number>(groups.length).fill(0);
  const degree = new Array<number>(groups.length).fill(0);
  const links = groups.map(() => new Map<number, number>());
  let total = 0;
  graph.forEachEdge((_e, attr, a, b) => {
    const w = attr.weight as number;
    const ca = clusterOf.get(a)!;
    const cb = clusterOf.get(b)!;
    total += w;
    degree[ca - 1] += w;
    degree[cb - 1] += w;
    if (ca === cb) internal[ca - 1] += w;
    else {
      links[ca - 1].set(cb, (links[ca - 1].get(cb) ?? 0) + w);
      links[cb - 1].set(ca, (links[cb - 1].get(ca) ?? 0) + w);
    }
  });
  const modularity = total === 0 ? 0 : groups.reduce((q, _g, i) => q + internal[i] / total - (degree[i] / (2 * total)) ** 2, 0);

  const clusters: ClusterRecord[] = groups.map((modules, i) => {
    const counts = new Map<string, number>();
    for (const m of modules) counts.set(packageOfNode.get(m)!, (counts.get(packageOfNode.get(m)!) ?? 0) + 1);
    const packages = [...counts].map(([name, n]) => ({ name, modules: n })).sort((a, b) => b.modules - a.modules || (a.name < b.name ? -1 : 1));
    const linkList = [...links[i]].map(([cluster, weight]) => ({ cluster, weight })).sort((a, b) => b.weight - a.weight || a.cluster - b.cluster);
    return {
      id: i + 1, size: modules.length, modules, packages, majorityPackage: packages[0].name,
      internalWeight: internal[i], externalWeight: linkList.reduce((s, l) => s + l.weight, 0), links: linkList,
    };
  });

  const packageLabels = nodes.map((n) => packageOfNode.get(n)!);
  const clusterLabels = nodes.map((n) => String(clusterOf.get(n)));
  const nmi = round(normalizedMutualInfo(packageLabels, clusterLabels));
  const ari = round(adjustedRand(packageLabels, clusterLabels));
  const misplaced = findMisplaced(graph, clusters, clusterOf, packageOfNode).map((m) => ({
    ...m, clusterShare: round(m.clusterShare), packageShare: round(m.packageShare),
  }));
  const isolated = result.modules.map((m) => m.name).filter((n) => !graph.hasNode(n)).sort();

  return {
    schemaVersion: CLUSTERS_SCHEMA_VERSION,
    tool: result.tool,
    options: { seed, resolution, partition },
    summary: {
      modules: nodes.length, isolated: isolated.length, edges: graph.size, weight: total, clusters: clusters.length,
      modularity: round(modularity), nmi, ari, misplaced: misplaced.length,
    },
    agreement: { packages: new Set(packageLabels).size, nmi, nmiNormalization: 'arithmetic', ari },
    clusters,
    misplaced,
    isolated,
  };
}
