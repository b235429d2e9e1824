/**
 * Pure selectors over an `AnalysisResult` that group and order findings for
 * display. Shared by the text reporter and the terminal UI so both list the
 * same things in the same order. They never analyze: they only regroup what
 * the result already holds.
 */
import type { PartitionRecord } from '../clusters-result.js';
import type { AnalysisResult, CycleRecord, EdgeRecord, ModuleKind, ModuleRecord, PrivateImportRecord, SiteRecord } from '../result.js';

/** Private imports that name the same target module. */
export interface PrivateImportGroup {
  /** The full dotted module named in the statements. */
  target: string;
  targetOwner: string;
  /** Distinct reasons, sorted. */
  reasons: string[];
  /** Imported names with the number of sites using each; most used first, then by name. */
  names: { name: string; count: number }[];
  /** Distinct importer owners, sorted. */
  importerOwners: string[];
  /** Sorted by file, line, column. */
  sites: PrivateImportRecord[];
}

/** Unresolved import sites that name the same missing module. */
export interface UnresolvedGroup {
  target: string;
  /** Sorted by file, line, column. */
  sites: { file: string; line: number; column: number; importer: string }[];
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byLocation = (
  a: { file: string; line: number; column: number },
  b: { file: string; line: number; column: number },
): number => byName(a.file, b.file) || a.line - b.line || a.column - b.column;

/** Cycles largest first; ties by their smallest (first) module. */
export function sortCycles(result: AnalysisResult): CycleRecord[] {
  return [...result.cycles].sort(
    (a, b) => b.modules.length - a.modules.length || byName(a.modules[0] ?? '', b.modules[0] ?? ''),
  );
}

/** Private imports grouped by target module, most sites first, ties by target name. */
export function groupPrivateImports(result: AnalysisResult): PrivateImportGroup[] {
  const groups = new Map<string, PrivateImportRecord[]>();
  for (const record of result.privateImports) {
    const list = groups.get(record.target) ?? [];
    list.push(record);
    groups.set(record.target, list);
  }
  return [...groups.entries()]
    .map(([target, records]) => {
      const names = new Map<string, number>();
      for (const r of records) for (const n of r.names) names.set(n, (names.get(n) ?? 0) + 1);
      return {
        target,
        targetOwner: records[0].targetOwner,
        reasons: [...new Set(records.map((r) => r.reason))].sort(byName),
        names: [...names.entries()]
          .map(([name, count]) => ({ name, count }))
          .sort((a, b) => b.count - a.count || byName(a.name, b.name)),
        importerOwners: [...new Set(records.map((r) => r.importerOwner))].sort(byName),
        sites: [...records].sort(byLocation),
      };
    })
    .sort((a, b) => b.sites.length - a.sites.length || byName(a.target, b.target));
}

/** Unresolved sites across all edges, grouped by the module they name, most sites first. */
export function groupUnresolvedSites(result: AnalysisResult): UnresolvedGroup[] {
  const groups = new Map<string, UnresolvedGroup['sites']>();
  for (const edge of result.edges) {
    for (const s of edge.sites) {
      if (!s.unresolved) continue;
      const list = groups.get(s.target) ?? [];
      list.push({ file: s.file, line: s.line, column: s.column, importer: edge.from });
      groups.set(s.target, list);
    }
  }
  return [...groups.entries()]
    .map(([target, sites]) => ({ target, sites: sites.sort(byLocation) }))
    .sort((a, b) => b.sites.length - a.sites.length || byName(a.target, b.target));
}

/** External packages counted by kind, from the `externalPackages` list. */
export function countExternalKinds(result: AnalysisResult): { stdlib: number; thirdParty: number } {
  const stdlib = result.externalPackages.filter((p) => p.kind === 'stdlib').length;
  return { stdlib, thirdParty: result.externalPackages.length - stdlib };
}

/** How many modules of each kind the result holds (`namespace`, `script`, `extension`, ...). */
export function countModuleKinds(result: AnalysisResult): Record<ModuleKind, number> {
  const counts: Record<ModuleKind, number> = { module: 0, package: 0, namespace: 0, extension: 0, stub: 0, script: 0 };
  for (const m of result.modules) counts[m.kind] += 1;
  return counts;
}

/** A component with its module count and the internal edges (and their sites) that cross its boundary. */
export interface ComponentTraffic {
  name: string;
  modules: number;
  /** Edges from its modules to other components' modules, and their sites. */
  edgesOut: number;
  sitesOut: number;
  /** Edges from other components' modules to its modules, and their sites. */
  edgesIn: number;
  sitesIn: number;
}

/** Every component with the internal edges crossing its boundary each way, in `result.components` order (by name). */
export function componentTraffic(result: AnalysisResult): ComponentTraffic[] {
  const ownerOf = new Map(result.modules.map((m) => [m.name, m.owner]));
  const traffic = new Map(result.components.map((c) => [c.name, { name: c.name, modules: c.modules, edgesOut: 0, sitesOut: 0, edgesIn: 0, sitesIn: 0 }]));
  for (const e of result.edges) {
    if (e.external) continue;
    const from = ownerOf.get(e.from);
    const to = ownerOf.get(e.to);
    if (from === undefined || to === undefined || from === to) continue;
    const out = traffic.get(from);
    const into = traffic.get(to);
    if (out) { out.edgesOut += 1; out.sitesOut += e.sites.length; }
    if (into) { into.edgesIn += 1; into.sitesIn += e.sites.length; }
  }
  return [...traffic.values()];
}


/** An import site as a private-import record (or any site-like record) gives it. */
export interface SiteRef {
  importer: string;
  file: string;
  line: number;
  column: number;
  /** The module the statement names (a private-import record's `target`) or the site's own target. */
  target: string;
  names: readonly string[];
}

const siteIndexes = new WeakMap<AnalysisResult, Map<string, { edge: EdgeRecord; site: SiteRecord }[]>>();
const placeKey = (from: string, file: string, line: number, column: number): string => `${from}\0${file}\0${line}\0${column}`;

/**
 * The edge of `result.edges` that holds an import site, with the site itself: what a cut of
 * that site names (`CutSite.to` is the edge's `to`: the internal module, or an external
 * edge's top-level package). A private-import record's `target` is the module the statement
 * names (`tensorflux._core` in `from tensorflux._core import kernels`) while the edge's site
 * has the module it resolves to (`tensorflux._core.kernels`), so a site at the same importer,
 * file, line and column matches when its target is the record's or lies under it; among
 * several (`from . import a, b` gives one site per submodule at one place) the one holding
 * the record's names wins, then the one with the same target. Sites are indexed by importer
 * and place once per result (kept in a WeakMap, the result being immutable): O(sites) once,
 * then O(sites at that place) per lookup.
 * @returns null when no edge holds the site (a site left out by the options).
 */
export function edgeOfSite(result: AnalysisResult, ref: SiteRef): { edge: EdgeRecord; site: SiteRecord } | null {
  let index = siteIndexes.get(result);
  if (!index) {
    index = new Map();
    for (const edge of result.edges) {
      for (const site of edge.sites) {
        const key = placeKey(edge.from, site.file, site.line, site.column);
        const list = index.get(key) ?? [];
        list.push({ edge, site });
        index.set(key, list);
      }
    }
    siteIndexes.set(result, index);
  }
  const here = index.get(placeKey(ref.importer, ref.file, ref.line, ref.column)) ?? [];
  const related = here.filter(({ site }) => site.target === ref.target || site.target.startsWith(`${ref.target}.`));
  const score = ({ site }: { site: SiteRecord }): number =>
    (ref.names.every((n) => site.names.includes(n)) ? 2 : 0) + (site.target === ref.target ? 1 : 0);
  const best = related.reduce<{ edge: EdgeRecord; site: SiteRecord } | null>((a, b) => (a === null || score(b) > score(a) ? b : a), null);
  return best ?? (here.length === 1 ? here[0] : null);
}

/**
 * The package a module is compared under in `ClustersResult` (its `options.partition`): its
 * owner, or the first `level` segments of its name (of its path without `.py`, for a script).
 * The same rule as `packageOf` in src/graph/suggest-clusters.ts, which the UI may not import.
 */
export function clusterPackageOf(module: ModuleRecord, partition: PartitionRecord): string {
  if (partition.by === 'owner') return module.owner;
  const segments = module.kind === 'script' ? module.name.replace(/\.py$/, '').split('/') : module.name.split('.');
  return segments.slice(0, partition.level ?? 1).join('.');
}

const ownerMaps = new WeakMap<AnalysisResult, Map<string, string>>();

/**
 * How many of `modules` each owner (component) holds, most first, ties by owner name: for a
 * cycle, `kerasish 1 + tensorflux 1` says it crosses components, which blocks an extraction.
 * A name that is not a module of the result counts under owner `?`.
 */
export function ownerCounts(result: AnalysisResult, modules: readonly string[]): { owner: string; modules: number }[] {
  let owners = ownerMaps.get(result);
  if (!owners) {
    owners = new Map(result.modules.map((m) => [m.name, m.owner]));
    ownerMaps.set(result, owners);
  }
  const counts = new Map<string, number>();
  for (const m of modules) {
    const owner = owners.get(m) ?? '?';
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([owner, n]) => ({ owner, modules: n }))
    .sort((a, b) => b.modules - a.modules || byName(a.owner, b.owner));
}
