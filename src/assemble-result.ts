import pkg from '../package.json' with { type: 'json' };
import type { AnalyzeOptions } from './analyze.js';
import type { EdgeAttributes } from './graph/build-graph.js';
import type { ImportGraph } from './graph/import-graph.js';
import { cmp, type ModuleTable } from './graph/module-table.js';
import type { Ownership } from './graph/owners.js';
import type { Discovery } from './parse/types.js';
import {
  SCHEMA_VERSION, type AnalysisResult, type ComponentRecord, type CycleRecord, type DynamicImportRecord, type EdgeRecord,
  type ExportRecord, type ExternalPackageRecord, type PrivateImportRecord, type ProblemRecord, type SkippedRecord,
  type SuppressedImportRecord, type SuppressionProblemRecord,
} from './result.js';

/** Everything the analysis computed, before it is turned into plain sorted records. */
export interface AnalysisParts {
  options: AnalyzeOptions;
  discovery: Discovery;
  table: ModuleTable;
  owners: Map<string, string>;
  ownership: Map<string, Ownership>;
  graph: ImportGraph<EdgeAttributes>;
  /** One edge per importer and external top-level package, with the sites kept by the filters (`takeSites`). */
  externalEdges: EdgeRecord[];
  /** Each parsed module's literal `__all__` (null when none). */
  allOf: Map<string, string[] | null>;
  /** Symbols marked by export decorators, unsorted. */
  exports: ExportRecord[];
  cycles: CycleRecord[];
  privateImports: PrivateImportRecord[];
  suppressed: SuppressedImportRecord[];
  suppressionProblems: SuppressionProblemRecord[];
  parseErrors: ProblemRecord[];
  importErrors: ProblemRecord[];
  skipped: SkippedRecord[];
  dynamicImports: DynamicImportRecord[];
}

const byLocation = <T extends { file: string; line: number; column: number }>(a: T, b: T) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column;

/** The `AnalysisResult` of the parts: every list sorted, so two runs serialize byte-identically. */
export function assembleResult(parts: AnalysisParts): AnalysisResult {
  const { options, discovery, table, owners, graph } = parts;
  const modules = [...table.modules.values()]
    .map((m) => ({ name: m.name, path: m.path, kind: m.kind, root: m.root, owner: owners.get(m.name)!, ...(parts.allOf.has(m.name) ? { all: parts.allOf.get(m.name)! } : {}) }))
    .sort((a, b) => cmp(a.name, b.name));
  const internalEdges: EdgeRecord[] = graph.mapEdges((_e, attributes, from, to) => ({ from, to, external: false, sites: attributes.sites }));
  const packages = externalPackages(parts.externalEdges);
  const edges = [...internalEdges, ...parts.externalEdges].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to));
  const sites = edges.reduce((n, e) => n + e.sites.length, 0);

  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'pyseam', version: pkg.version },
    options: {
      roots: options.roots.length ? options.roots : options.configRoots,
      private: [...options.private].sort(cmp),
      public: [...options.public].sort(cmp),
      exclude: options.exclude,
      importHelpers: options.importHelpers,
      includeTypeChecking: options.includeTypeChecking,
      includeLazy: options.includeLazy,
      includeDynamic: options.includeDynamic,
      checkStdlib: options.checkStdlib,
      components: (options.components ?? []).map((c) => ({ name: c.name, modules: [...c.modules] })),
      exportDecorators: [...(options.exportDecorators ?? [])],
      presets: (options.presets ?? []).map((p) => ({ name: p.name, private: [...p.private], public: [...p.public] })),
      config: options.configFile,
    },
    roots: discovery.roots.map((r) => ({ path: r.path, reason: r.reason })),
    summary: {
      files: discovery.files.length,
      modules: modules.length,
      edges: internalEdges.length,
      externalEdges: parts.externalEdges.length,
      sites,
      externalPackages: packages.length,
      cycles: parts.cycles.length,
      largestCycle: parts.cycles[0]?.modules.length ?? 0,
      privateImports: parts.privateImports.length,
      suppressed: parts.suppressed.length,
      suppressionProblems: parts.suppressionProblems.length,
      parseErrors: parts.parseErrors.length,
      importErrors: parts.importErrors.length,
      skippedFiles: parts.skipped.length,
      unresolvedSites: edges.reduce((n, e) => n + e.sites.filter((s) => s.unresolved).length, 0),
      nonLiteralDynamicImports: parts.dynamicImports.length,
      duplicates: table.duplicates.length,
    },
    modules,
    components: componentRecords(parts.ownership, options.components ?? []),
    edges,
    externalPackages: packages,
    cycles: parts.cycles,
    privateImports: [...parts.privateImports].sort((a, b) => byLocation(a, b) || cmp(a.target, b.target)),
    suppressed: [...parts.suppressed].sort((a, b) => byLocation(a, b) || cmp(a.target, b.target)),
    suppressionProblems: [...parts.suppressionProblems].sort((a, b) => cmp(a.file, b.file) || a.line - b.line),
    exports: [...parts.exports].sort((a, b) => cmp(a.module, b.module) || cmp(a.symbol, b.symbol) || a.line - b.line || cmp(a.decorator, b.decorator)),
    duplicates: table.duplicates,
    parseErrors: [...parts.parseErrors].sort(byLocation),
    importErrors: [...parts.importErrors].sort(byLocation),
    skippedFiles: [...parts.skipped].sort((a, b) => cmp(a.file, b.file)),
    nonLiteralDynamicImports: [...parts.dynamicImports].sort(byLocation),
  };
}

/** One record per external top-level package: how many sites and importers reach it. */
function externalPackages(edges: readonly EdgeRecord[]): ExternalPackageRecord[] {
  const packages = new Map<string, ExternalPackageRecord>();
  for (const edge of edges) {
    const record = packages.get(edge.to) ?? { name: edge.to, kind: edge.externalKind!, sites: 0, importers: 0 };
    record.sites += edge.sites.length;
    record.importers += 1;
    packages.set(edge.to, record);
  }
  return [...packages.values()].sort((a, b) => cmp(a.name, b.name));
}

/** One record per owner of internal modules: its name, why it is one, its declared prefixes and its module count. */
function componentRecords(ownership: Map<string, Ownership>, declared: readonly { name: string; modules: readonly string[] }[]): ComponentRecord[] {
  const byName = new Map<string, ComponentRecord>();
  for (const { owner, source } of ownership.values()) {
    const record = byName.get(owner) ?? { name: owner, source, prefixes: [...(declared.find((d) => d.name === owner)?.modules ?? [])].sort(cmp), modules: 0 };
    record.modules += 1;
    byName.set(owner, record);
  }
  return [...byName.values()].sort((a, b) => cmp(a.name, b.name));
}
