/**
 * Pure selectors over an `AnalysisResult` that group and order findings for
 * display. Shared by the text reporter and the terminal UI so both list the
 * same things in the same order. They never analyze: they only regroup what
 * the result already holds.
 */
import type { AnalysisResult, CycleRecord, ModuleKind, PrivateImportRecord } from '../result.js';

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
