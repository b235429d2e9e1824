import { hash } from 'node:crypto';
import { collectFacts, factsInline, type CollectOptions, type FactsStats } from './parse/collect-facts.js';
import { discover } from './parse/discover.js';
import { collectNow } from './parse/tree-memory.js';
import type { FactsJob, FileOutcome } from './parse/read-facts.js';
import type { SourceTree } from './parse/source-tree.js';
import type { ExtractOptions } from './parse/types.js';
import { keptSites, takeSites, type SiteFilter } from './graph/build-graph.js';
import { findCycles } from './graph/find-cycles.js';
import { withImplicitEdges } from './graph/implicit-edges.js';
import { buildModuleTable } from './graph/module-table.js';
import { externalOwner, ownerOf, type DeclaredComponent } from './graph/owners.js';
import type { AppliedPreset } from './graph/presets.js';
import { findPrivateImports, type PrivateImportOptions } from './graph/private-imports.js';
import { Resolver } from './graph/resolve.js';
import { SiteTable } from './graph/site-table.js';
import { isStdlib } from './graph/stdlib.js';
import { applySuppressions, type FileSuppression } from './graph/suppressions.js';
import { readApiSource, type ApiSource } from './api-source.js';
import { assembleResult } from './assemble-result.js';
import { programFingerprint } from './program-fingerprint.js';
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

/** Progress events: one per stage, and per file parsed (`done` of `total`); the last `parse` event of `analyzeAsync` says how the files were answered. */
export type ProgressEvent =
  | { stage: 'discover' | 'graph' | 'analyze' }
  | { stage: 'parse'; done: number; total: number; facts?: FactsStats };

export type { FactsStats };

/** How `analyzeAsync` collects each file's facts: `jobs` threads (1: this one), and the cache (null: none; `warn` gets a cache problem's line). */
export type FactsRun = CollectOptions;

/**
 * `pyseam analyze`, the recipe: discover files and source roots, name the modules, read
 * and parse every module's file, resolve each import, build the graph, find the cycles
 * and the private imports, and assemble one plain, sorted result.
 *
 * A file that cannot be read or decoded is listed in `skippedFiles`; a syntax error is a
 * parse error whose file still gives what its tree holds: neither stops the analysis.
 *
 * Single-threaded and uncached; `analyzeAsync` gives the same result with worker threads and the cache.
 */
export function analyze(options: AnalyzeOptions, tree: SourceTree, onProgress?: (event: ProgressEvent) => void): AnalysisResult {
  const steps = analysisSteps(options, tree, onProgress);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `analyze` with the facts phase run as `run` says: files answered from the cache, the rest parsed
 * in `run.jobs` worker threads (collect-facts.ts). The same result as `analyze`, byte for byte.
 *
 * @throws WorkerError (a PyseamError, exit 2) when a worker thread fails.
 */
export async function analyzeAsync(options: AnalyzeOptions, tree: SourceTree, run: FactsRun, onProgress?: (event: ProgressEvent) => void): Promise<AnalysisResult> {
  const { result } = await analyzeOrReuse(options, tree, run, onProgress);
  return result!;
}

/**
 * `analyzeAsync`, which also says what the result is made of, and may be told it is not needed.
 *
 * `inputs` is a SHA-1 (hex) of everything the result depends on: the program (program-fingerprint.ts),
 * the options, the analyzed directory, what discovery found (files and their kinds, source roots,
 * distributions, skipped files) and every file's facts (`FactsStats.digest`); null without the cache,
 * or with `apiSources` (trees outside the analyzed directory, read whole each run). Two runs with the
 * same `inputs` give the same result, byte for byte.
 *
 * `reuse`, when given, is asked with `inputs` before the analysis proper, when the cache knows every
 * file and few changed (collect-facts.ts, `FEW_TO_READ`): when it says true, nothing is analyzed and
 * `result` is null. Else `result` is the analysis.
 *
 * @throws WorkerError as `analyzeAsync`.
 */
export async function analyzeOrReuse(options: AnalyzeOptions, tree: SourceTree, run: FactsRun, onProgress?: (event: ProgressEvent) => void,
  reuse?: (inputs: string) => boolean): Promise<{ result: AnalysisResult | null; inputs: string | null }> {
  const analysis = startAnalysis(options, tree, onProgress);
  const total = analysis.jobs.length;
  const facts: FactsStats = { files: total, fromStat: 0, verified: 0, parsed: 0, workers: 0 };
  let known: { digest: string; inputs: string } | null = null;
  const inputsOf = (digest: string | undefined): string | null => {
    if (digest === undefined || options.apiSources?.length || tree.root === undefined) return null;
    if (known?.digest !== digest) known = { digest, inputs: hash('sha1', JSON.stringify([programFingerprint(), { ...options, apiSources: [] }, tree.root, analysis.discovery, digest]), 'hex') };
    return known.inputs;
  };
  const ask = reuse && ((digest: string) => {
    const inputs = inputsOf(digest);
    return inputs !== null && reuse(inputs);
  });
  onProgress?.({ stage: 'parse', done: 0, total });
  let done = 0;
  for await (const outcomes of collectFacts(tree, analysis.jobs, analysis.extract, { ...run, reuse: ask || undefined }, facts)) {
    for (const outcome of outcomes) analysis.add(outcome);
    done += outcomes.length;
    if (done < total) onProgress?.({ stage: 'parse', done, total });
  }
  onProgress?.({ stage: 'parse', done: total, total, facts });
  if (facts.reused) return { result: null, inputs: inputsOf(facts.digest) };
  // After parsing much of the repository, a full collection before the graph stage (tree-memory.ts
  // says why). Cache hits are decoded as they are consumed and die young: a warm run, or one with a
  // few files changed, has no such pile, and the collection would cost it most (0.85 s at 65k modules).
  analysis.factsDone();
  if (facts.parsed * COLLECT_AFTER_PARSING > total) collectNow();
  return { result: analysis.finish(), inputs: inputsOf(facts.digest) };
}

/** A full collection follows the facts phase when more than one file in this many was parsed. */
const COLLECT_AFTER_PARSING = 16;

/** The recipe as a generator that yields before each file is parsed: the body of `analyze`. */
function* analysisSteps(options: AnalyzeOptions, tree: SourceTree, onProgress?: (event: ProgressEvent) => void): Generator<void, AnalysisResult, void> {
  const analysis = startAnalysis(options, tree, onProgress);
  const total = analysis.jobs.length;
  for (const [done, job] of analysis.jobs.entries()) {
    onProgress?.({ stage: 'parse', done, total });
    yield;
    analysis.add(factsInline(tree, job, analysis.extract));
  }
  onProgress?.({ stage: 'parse', done: total, total });
  return analysis.finish();
}

/**
 * The analysis around the facts phase: discovery and the module table first, then each file's
 * outcome `add`ed in the order of `jobs` (imports resolved on the way), then `finish`: the graph,
 * the analyses and the result. The facts may come from anywhere (this thread, workers, the cache).
 */
function startAnalysis(options: AnalyzeOptions, tree: SourceTree, onProgress?: (event: ProgressEvent) => void) {
  onProgress?.({ stage: 'discover' });
  const discovery = discover(tree, { roots: options.roots, rootsFromConfig: options.configRoots, exclude: options.exclude });
  const table = buildModuleTable(discovery.files, discovery.roots);
  const extract: ExtractOptions = { importHelpers: options.importHelpers, exportDecorators: options.exportDecorators ?? [] };
  const jobs: FactsJob[] = table.parsed.map(({ file }) => ({ path: file.path, stub: file.kind === 'stub' }));

  const skipped: SkippedRecord[] = discovery.skipped.map((s) => ({ file: s.path, reason: s.reason }));
  const parseErrors: ProblemRecord[] = [];
  const importErrors: ProblemRecord[] = [];
  const dynamicImports: DynamicImportRecord[] = [];
  let sites = new SiteTable();
  const allOf = new Map<string, string[] | null>();
  const exports: ExportRecord[] = [];
  const suppressions: FileSuppression[] = [];
  let added = 0;
  // Made with the first facts (a replayed run has none); what it remembers is let go of when the facts are all in (`factsDone`).
  let resolver: Resolver | null = null;

  const add = (facts: FileOutcome): void => {
    const { file, module } = table.parsed[added++];
    if ('skipped' in facts) return void skipped.push({ file: file.path, reason: facts.skipped });
    allOf.set(module.name, facts.all);
    for (const e of facts.exports) exports.push({ module: module.name, ...e, file: file.path });
    for (const e of facts.syntaxErrors) parseErrors.push({ file: file.path, ...e });
    for (const s of facts.suppressions) suppressions.push({ file: file.path, ...s });
    for (const d of facts.nonLiteralDynamic) dynamicImports.push({ importer: module.name, file: file.path, ...d });
    for (const raw of facts.imports) {
      const resolved = (resolver ??= new Resolver(table.modules)).resolve(raw, module);
      if ('message' in resolved) importErrors.push({ file: file.path, line: raw.line, column: raw.column, message: resolved.message });
      else for (const site of resolved) sites.add(module.name, file.path, site);
    }
  };

  /** Every file's facts are in: what only resolution needed is let go of (before a forced collection, if any). */
  const factsDone = (): void => {
    resolver = null;
  };

  const finish = (): AnalysisResult => {
    if (added !== jobs.length) throw new Error(`analysis finished with ${added} of ${jobs.length} files' facts`);
    factsDone();
    for (const source of options.apiSources ?? []) exports.push(...readApiSource(source, options.exportDecorators ?? []));

    onProgress?.({ stage: 'graph' });
    const kept = keptSites(sites, options);
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
    const found = findPrivateImports(sites, privacyRules, kept);
    // Staleness is judged before the --no-* filters: filtering a site out does not make its suppression stale.
    const all = suppressions.length > 0 && kept.length < sites.length ? findPrivateImports(sites, privacyRules) : found;
    const { privateImports, suppressed, problems: suppressionProblems } = applySuppressions(found, suppressions, { requireReason: options.suppressionReason ?? true, all });

    // From here the sites live only in the graph's edges: the table's other columns are let go of.
    const { graph: explicit, external: externalEdges } = takeSites(table.modules.keys(), sites, kept);
    sites = new SiteTable();
    const graph = options.implicit ? withImplicitEdges(explicit, table.modules) : explicit;

    onProgress?.({ stage: 'analyze' });
    const result = assembleResult({
      options, discovery, table, owners, ownership, graph, externalEdges, allOf, exports,
      cycles: findCycles(graph),
      privateImports, suppressed, suppressionProblems, parseErrors, importErrors, skipped, dynamicImports,
    });
    return result;
  };

  return { jobs, extract, discovery, add, factsDone, finish };
}
