import { extractOptionsOf, inputsBase, inputsOf } from './analysis-inputs.js';
import { collectFacts, type CollectOptions, type FactsStats } from './parse/collect-facts.js';
import { discover } from './parse/discover.js';
import { collectNow } from './parse/tree-memory.js';
import type { FactsJob } from './parse/read-facts.js';
import type { SourceTree } from './parse/source-tree.js';
import type { ExtractOptions } from './parse/types.js';
import type { SiteFilter } from './graph/build-graph.js';
import { buildModuleTable } from './graph/module-table.js';
import type { DeclaredComponent } from './graph/owners.js';
import type { AppliedPreset } from './graph/presets.js';
import type { ApiSource } from './api-source.js';
import type { AnalysisStart } from './analysis-graph.js';
import type { AnalysisResult } from './result.js';

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
 * `pyseam analyze`, the recipe: discover files and source roots, name the modules, read and parse
 * every module's file (in `run.jobs` worker threads, or from the cache: collect-facts.ts), resolve
 * each import, build the graph, find the cycles and the private imports, and assemble one plain,
 * sorted result. The same result as the single-threaded, uncached `analyze` (analyze-inline.ts),
 * byte for byte.
 *
 * A file that cannot be read or decoded is listed in `skippedFiles`; a syntax error is a
 * parse error whose file still gives what its tree holds: neither stops the analysis.
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
 * `inputs` is a SHA-1 (hex) of everything the result depends on (analysis-inputs.ts): the program
 * (program-fingerprint.ts), the options, the analyzed directory, what discovery found (files and their
 * kinds, source roots, distributions, skipped files) and every file's facts (`FactsStats.digest`);
 * null without the cache, or with `apiSources` (trees outside the analyzed directory, read whole each
 * run). Two runs with the same `inputs` give the same result, byte for byte. `parts` are what it is
 * made of, for the tree record (commands/tree-record.ts).
 *
 * `reuse`, when given, is asked with `inputs` before the analysis proper, when the cache knows every
 * file and few changed (collect-facts.ts, `FEW_TO_READ`): when it says true, nothing is analyzed and
 * `result` is null. Else `result` is the analysis.
 *
 * @throws WorkerError as `analyzeAsync`.
 */
export async function analyzeOrReuse(options: AnalyzeOptions, tree: SourceTree, run: FactsRun, onProgress?: (event: ProgressEvent) => void,
  reuse?: (inputs: string) => boolean): Promise<AnalysisMade> {
  const analysis = startAnalysis(options, tree, onProgress);
  const total = analysis.jobs.length;
  const facts: FactsStats = { files: total, fromStat: 0, verified: 0, parsed: 0, workers: 0 };
  const base = options.apiSources?.length || tree.root === undefined ? null : inputsBase(options, tree.root, analysis.discovery);
  const named = (digest: string | undefined): string | null => (digest === undefined || base === null ? null : inputsOf(base, digest));
  const ask = reuse && ((digest: string) => {
    const inputs = named(digest);
    return inputs !== null && reuse(inputs);
  });
  const made = (result: AnalysisResult | null): AnalysisMade => {
    const inputs = named(facts.digest);
    return { result, inputs, parts: inputs === null ? undefined : { base: base!, jobs: analysis.jobs, keys: facts.keys! } };
  };
  onProgress?.({ stage: 'parse', done: 0, total });
  let done = 0;
  // The graph stage is loaded with the first facts: a replayed run has none.
  let stage: ReturnType<typeof import('./analysis-graph.js').graphStage> | null = null;
  for await (const outcomes of collectFacts(tree, analysis.jobs, analysis.extract, { ...run, reuse: ask || undefined }, facts)) {
    stage ??= (await import('./analysis-graph.js')).graphStage(options, analysis, onProgress);
    for (const outcome of outcomes) stage.add(outcome);
    done += outcomes.length;
    if (done < total) onProgress?.({ stage: 'parse', done, total });
  }
  onProgress?.({ stage: 'parse', done: total, total, facts });
  if (facts.reused) return made(null);
  // After parsing much of the repository, a full collection before the graph stage (tree-memory.ts
  // says why). Cache hits are decoded as they are consumed and die young: a warm run, or one with a
  // few files changed, has no such pile, and the collection would cost it most (0.85 s at 65k modules).
  stage ??= (await import('./analysis-graph.js')).graphStage(options, analysis, onProgress);
  stage.factsDone();
  if (facts.parsed * COLLECT_AFTER_PARSING > total) collectNow();
  return made(stage.finish());
}

/** What `analyzeOrReuse` gives: the result (null when `reuse` said yes), its inputs, and what they are made of (absent when `inputs` is null). */
export interface AnalysisMade {
  result: AnalysisResult | null;
  inputs: string | null;
  parts?: InputsParts;
}

/** What an analysis's inputs are made of: `inputsOf(base, factsDigestOf(jobs' paths, keys))`. */
export interface InputsParts {
  base: string;
  jobs: FactsJob[];
  /** Each job's facts key (`FactsStats.keys`). */
  keys: string[];
}

/** A full collection follows the facts phase when more than one file in this many was parsed. */
const COLLECT_AFTER_PARSING = 16;

/**
 * The analysis before the facts phase: discovery, the module table, and a job per file to parse
 * (`table.parsed`'s order); the graph stage (analysis-graph.ts) takes it from there. The facts may
 * come from anywhere (this thread, workers, the cache).
 */
export function startAnalysis(options: AnalyzeOptions, tree: SourceTree, onProgress?: (event: ProgressEvent) => void): AnalysisStart & { extract: ExtractOptions } {
  onProgress?.({ stage: 'discover' });
  const discovery = discover(tree, { roots: options.roots, rootsFromConfig: options.configRoots, exclude: options.exclude });
  const table = buildModuleTable(discovery.files, discovery.roots);
  const extract = extractOptionsOf(options);
  const jobs: FactsJob[] = table.parsed.map(({ file }) => ({ path: file.path, stub: file.kind === 'stub' }));

  return { discovery, table, jobs, extract };
}
