import { decodeSource } from './parse/decode.js';
import { discover } from './parse/discover.js';
import { parseModule } from './parse/extract.js';
import type { SourceTree } from './parse/source-tree.js';
import type { ExtractOptions, ModuleFacts } from './parse/types.js';
import { buildGraph, keepSite, type SiteFilter } from './graph/build-graph.js';
import { findCycles } from './graph/find-cycles.js';
import { withImplicitEdges } from './graph/implicit-edges.js';
import { buildModuleTable } from './graph/module-table.js';
import { externalOwner, ownerOf, type DeclaredComponent } from './graph/owners.js';
import type { AppliedPreset } from './graph/presets.js';
import { findPrivateImports, type PrivateImportOptions, type SiteInContext } from './graph/private-imports.js';
import { resolveImport } from './graph/resolve.js';
import { isStdlib } from './graph/stdlib.js';
import { applySuppressions, type FileSuppression } from './graph/suppressions.js';
import { readApiSource, type ApiSource } from './api-source.js';
import { assembleResult } from './assemble-result.js';
import type { AnalysisResult, DynamicImportRecord, ExportRecord, ProblemRecord, SkippedRecord } from './result.js';

/** What to analyze and how; every field has the meaning of the CLI flag or config key of the same name. */
export interface AnalyzeOptions extends SiteFilter {
  /** Source roots named by the user (`--root`), replacing detection; `[]` to detect. */
  roots: string[];
  /** Roots from the config file, used when `roots` is empty. */
  configRoots: string[];
  private: string[];
  public: string[];
  exclude: string[];
  importHelpers: string[];
  checkStdlib: boolean;
  /** Declared components (`[[tool.pyseam.component]]`); their public/private prefixes are added to `public`/`private` by the caller. */
  components?: DeclaredComponent[];
  /** Export decorators (config `export-decorators`, e.g. `keras_export`): the symbols they mark are public. */
  exportDecorators?: string[];
  /** External packages' source trees, read for the symbols their export decorators mark public (`api-source`). */
  apiSources?: ApiSource[];
  /** Presets of external packages' prefixes, applied to external targets only (src/graph/presets.ts); absent: none. */
  presets?: AppliedPreset[];
  /** The config file used, for the record (`null` when none). */
  configFile: string | null;
  /** Add the edges Python's import system creates (`import a.b.c` runs `a` and `a.b`), marked `implicit` (`--implicit`). */
  implicit?: boolean;
  /** Config `suppression-reason`: a `# pyseam: ignore[...]` without a reason silences nothing (default true). */
  suppressionReason?: boolean;
}

/** Progress events: one per stage, and one per parsed file (`done` of `total`). */
export type ProgressEvent =
  | { stage: 'discover' | 'graph' | 'analyze' }
  | { stage: 'parse'; done: number; total: number };

/**
 * `pyseam analyze`, the recipe: discover files and source roots, name the modules, read
 * and parse every module's file, resolve each import, build the graph, find the cycles
 * and the private imports, and assemble one plain, sorted result.
 *
 * A file that cannot be read or decoded is listed in `skippedFiles`; a syntax error is a
 * parse error whose file still gives what its tree holds: neither stops the analysis.
 */
export function analyze(options: AnalyzeOptions, tree: SourceTree, onProgress?: (event: ProgressEvent) => void): AnalysisResult {
  const steps = analysisSteps(options, tree, onProgress);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `analyze`, handing the event loop back every `sliceMs` milliseconds (between two files), so
 * a terminal UI can draw its progress bar while the analysis runs on the same thread.
 * Same result as `analyze`.
 */
export async function analyzeInSlices(options: AnalyzeOptions, tree: SourceTree, onProgress?: (event: ProgressEvent) => void, sliceMs = 30): Promise<AnalysisResult> {
  const steps = analysisSteps(options, tree, onProgress);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** The recipe as a generator that yields after each parsed file: the one body both drivers run. */
function* analysisSteps(options: AnalyzeOptions, tree: SourceTree, onProgress?: (event: ProgressEvent) => void): Generator<void, AnalysisResult, void> {
  onProgress?.({ stage: 'discover' });
  const discovery = discover(tree, { roots: options.roots, rootsFromConfig: options.configRoots, exclude: options.exclude });
  const table = buildModuleTable(discovery.files, discovery.roots);

  const skipped: SkippedRecord[] = discovery.skipped.map((s) => ({ file: s.path, reason: s.reason }));
  const parseErrors: ProblemRecord[] = [];
  const importErrors: ProblemRecord[] = [];
  const dynamicImports: DynamicImportRecord[] = [];
  const sites: SiteInContext[] = [];
  const allOf = new Map<string, string[] | null>();
  const exports: ExportRecord[] = [];
  const suppressions: FileSuppression[] = [];
  const extract = { stub: false, importHelpers: options.importHelpers, exportDecorators: options.exportDecorators ?? [] };
  const total = table.parsed.length;
  for (const [index, { file, module }] of table.parsed.entries()) {
    onProgress?.({ stage: 'parse', done: index, total });
    yield;
    const facts = readFacts(tree, file.path, { ...extract, stub: file.kind === 'stub' }, skipped);
    if (!facts) continue;
    allOf.set(module.name, facts.all);
    for (const e of facts.exports) exports.push({ module: module.name, ...e, file: file.path });
    for (const e of facts.syntaxErrors) parseErrors.push({ file: file.path, ...e });
    for (const s of facts.suppressions) suppressions.push({ file: file.path, ...s });
    for (const d of facts.nonLiteralDynamic) dynamicImports.push({ importer: module.name, file: file.path, ...d });
    for (const raw of facts.imports) {
      const resolved = resolveImport(raw, module, table.modules);
      if ('message' in resolved) importErrors.push({ file: file.path, line: raw.line, column: raw.column, message: resolved.message });
      else for (const site of resolved) sites.push({ importer: module.name, file: file.path, site });
    }
  }
  onProgress?.({ stage: 'parse', done: total, total });

  for (const source of options.apiSources ?? []) exports.push(...readApiSource(source, options.exportDecorators ?? []));

  onProgress?.({ stage: 'graph' });
  const kept = sites.filter((s) => keepSite(s, options));
  const explicit = buildGraph(table.modules.keys(), kept.filter((s) => !s.site.external));
  const graph = options.implicit ? withImplicitEdges(explicit, table.modules) : explicit;

  onProgress?.({ stage: 'analyze' });
  const components = options.components ?? [];
  const ownership = new Map([...table.modules.values()].map((m) => [m.name, ownerOf(m, discovery.distributions, components)]));
  const owners = new Map([...ownership].map(([name, o]) => [name, o.owner]));
  const presets = options.presets ?? [];
  const privacyRules: PrivateImportOptions = {
    private: options.private,
    public: options.public,
    external: { private: presets.flatMap((p) => p.private), public: presets.flatMap((p) => p.public) },
    allOf: (module) => allOf.get(module),
    checkStdlib: options.checkStdlib,
    isStdlib,
    ownerOfImporter: (importer) => owners.get(importer)!,
    ownerOfTarget: (site) => (site.external ? externalOwner(site.target, components) : owners.get(site.to)!),
  };
  const found = findPrivateImports(kept, privacyRules);
  // Staleness is judged before the --no-* filters: filtering a site out does not make its suppression stale.
  const all = suppressions.length > 0 && kept.length < sites.length ? findPrivateImports(sites, privacyRules) : found;
  const { privateImports, suppressed, problems: suppressionProblems } = applySuppressions(found, suppressions, { requireReason: options.suppressionReason ?? true, all });

  return assembleResult({
    options, discovery, table, owners, ownership, graph, kept, allOf, exports,
    cycles: findCycles(graph),
    privateImports, suppressed, suppressionProblems, parseErrors, importErrors, skipped, dynamicImports,
  });
}

function readFacts(tree: SourceTree, path: string, extract: ExtractOptions, skipped: SkippedRecord[]): ModuleFacts | null {
  let bytes: Buffer;
  try {
    bytes = tree.read(path);
  } catch (error) {
    skipped.push({ file: path, reason: `unreadable: ${(error as Error).message}` });
    return null;
  }
  const decoded = decodeSource(bytes);
  if ('error' in decoded) {
    skipped.push({ file: path, reason: decoded.error });
    return null;
  }
  return parseModule(decoded.text, extract);
}
