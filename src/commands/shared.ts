/**
 * What the analyzing commands share when they run: PATH, the config and the flags turned into
 * `AnalyzeOptions`, the analysis itself, and the writing of its report. Loaded by each command's
 * `-run` module, never by the registrations (their shared flags and help are in options.ts).
 */
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import pc from 'picocolors';
import type { AnalysisMade, AnalyzeOptions, FactsRun, FactsStats, ProgressEvent } from '../analyze.js';
import { extractOptionsOf } from '../analysis-inputs.js';
import { loadConfig, type ComponentConfig, type PyseamConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { nodeTree } from '../parse/source-tree.js';
import { progressBar } from '../progress-bar.js';
import type { AnalysisResult } from '../result.js';
import { CACHE_DIR, checkDotted, DOTTED, type AnalysisFlags, type Io } from './options.js';
import { presetsOf } from './presets-run.js';
import { TreeRecord } from './tree-record.js';

/** What a command gets after the analysis: the result, the config it was read with, and the analyzed directory. */
export interface LoadedAnalysis {
  result: AnalysisResult;
  config: PyseamConfig;
  dir: string;
}

/**
 * Reads the config, checks the flags, and runs `analyzeAsync` on PATH (a progress bar on a terminal).
 * `extraComponents` are declared on top of the config's (`pyseam extract a.b` declares `a.b`).
 * `cacheOf`: analyze PATH with the cache of that directory, read-only (`--changed-since`'s base,
 * a temporary copy that should neither get a cache of its own nor replace the working tree's).
 *
 * With PYSEAM_STATS set, one line on standard error says how the files were answered (cache, parsed, threads).
 *
 * @throws UsageError (exit 2) for a PATH that is not a directory, a root that is not a
 * directory inside PATH, a prefix that is not a dotted module name, a bad --jobs, or a bad config.
 */
export async function loadAnalysis(path: string, flags: AnalysisFlags, io: Io, extraComponents: ComponentConfig[] = [], cacheOf?: string): Promise<LoadedAnalysis> {
  const { result, config, dir } = await loadOrReuse(path, flags, io, { extraComponents, cacheOf });
  return { result: result!, config, dir };
}

/** What `loadOrReuse` gives: `result` null when `reuse` said yes. */
export interface MaybeLoaded {
  result: AnalysisResult | null;
  config: PyseamConfig;
  dir: string;
  /** The analysis's inputs (analyze.ts `analyzeOrReuse`), or null. */
  inputs: string | null;
  /** The warnings written after the analysis (`analysisWarnings`), without the prefix. */
  warnings: string[];
  /** The facts phase's cache settings (null with `--no-cache`). */
  cache: FactsRun['cache'];
  /** Where a cache problem is reported. */
  warn: FactsRun['warn'];
}

/**
 * `loadAnalysis`, with `analyzeOrReuse`'s `reuse` (given the cache settings too): nothing is analyzed
 * when it says yes, and `result` is then null.
 *
 * @throws UsageError as `loadAnalysis`.
 */
export async function loadOrReuse(path: string, flags: AnalysisFlags, io: Io,
  more: { extraComponents?: ComponentConfig[]; cacheOf?: string; reuse?: (inputs: string, cache: NonNullable<FactsRun['cache']>) => boolean } = {}): Promise<MaybeLoaded> {
  const { options, config, dir, run } = analysisOptions(path, flags, io, more.extraComponents, more.cacheOf);
  const cache = run.cache;
  // The tree record (tree-record.ts): when every probe of the last analysis answers as it did, its
  // inputs are this run's, and the report may be replayed without discovering anything.
  const record = more.reuse && cache && !cache.readOnly && !options.apiSources?.length
    ? new TreeRecord(cache.dir, dir, options, run.warn) : null;
  if (record) {
    const known = record.recheck();
    // Only files' and directories' stats changed: discovery and the modules' facts may not have (tree-record.ts `patch`).
    const patching = known.changed + known.changedDirs > 0;
    const inputs = patching ? await record.patch(extractOptionsOf(options)) : known.inputs;
    if (inputs !== null && more.reuse!(inputs, cache!)) {
      if (patching) record.savePatched();
      if (process.env.PYSEAM_STATS) {
        const but = [known.changed && `${known.changed} changed module${known.changed === 1 ? '' : 's'}`, known.changedDirs && `${known.changedDirs} director${known.changedDirs === 1 ? 'y' : 'ies'} listed again`].filter(Boolean);
        io.err(`pyseam: stats: ${known.files} files: ${known.files - known.changed} from the cache unread, 0 read and unchanged, ${known.changed} parsed; 0 worker threads; `
          + `tree as recorded${but.length ? ` but for ${but.join(' and ')}` : ''}; report replayed\n`);
      }
      return { result: null, inputs, config, dir, warnings: [], cache, warn: run.warn };
    }
  }
  const progress = await progressBar();
  const seen: { facts?: FactsStats } = {};
  const onProgress = (event: ProgressEvent) => {
    if (event.stage === 'parse' && event.facts) seen.facts = event.facts;
    progress.onProgress(event);
  };
  const reuse = more.reuse && cache ? (inputs: string) => more.reuse!(inputs, cache) : undefined;
  let analysis: AnalysisMade;
  try {
    // Loaded here, not up front: a run replayed from the tree record needs none of the analysis.
    const { analyzeOrReuse } = await import('../analyze.js');
    analysis = await analyzeOrReuse(options, nodeTree(dir, record?.sink()), record?.read.size ? { ...run, read: record.read } : run, onProgress, reuse);
  } finally {
    progress.stop();
  }
  const { facts } = seen;
  if (record && analysis.inputs !== null && analysis.parts && facts && !facts.changedWhileRead) record.save(analysis.inputs, facts.files, analysis.parts);
  if (facts && process.env.PYSEAM_STATS) {
    io.err(`pyseam: stats: ${facts.files} files: ${facts.fromStat} from the cache unread, ${facts.verified} read and unchanged, ${facts.parsed} parsed; `
      + `${facts.workers} worker threads${facts.reused ? '; report replayed' : ''}\n`);
  }
  const warnings = analysis.result ? analysisWarnings(analysis.result) : [];
  for (const w of warnings) io.warn(`pyseam: warning: ${w}\n`);
  return { ...analysis, config, dir, warnings, cache, warn: run.warn };
}

/**
 * The first half of `loadAnalysis`: PATH, the config and the flags checked and turned into
 * `AnalyzeOptions`, and `run` (threads and cache) for `analyzeAsync`, for a command that runs the
 * analysis its own way (`tui`, with an ink progress bar).
 *
 * @throws UsageError as `loadAnalysis`.
 */
export function analysisOptions(path: string, flags: AnalysisFlags, io: Io, extraComponents: ComponentConfig[] = [], cacheOf?: string): { options: AnalyzeOptions; config: PyseamConfig; dir: string; run: FactsRun } {
  const dir = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`PATH: no such directory: ${path}`);
  }
  if (!isDir) throw new UsageError(`PATH: expected a directory, got a file: ${path}`);
  if (flags.quiet) {
    // The command writes its report through the same io after this: --quiet silences it here, once.
    io.out = () => {};
    io.warn = () => {};
  }
  const { config, file, warnings } = loadConfig(dir, flags.config);
  for (const w of warnings) io.warn(`pyseam: warning: ${w}\n`);
  if (existsSync(join(dir, '__init__.py')) && !flags.root?.length && !config.roots?.length) {
    // The analyzed directory is the first source root (SEMANTICS.md): a package analyzed from inside
    // loses its own name, as it would on sys.path itself. Said, not guessed around.
    const name = basename(dir);
    io.warn(`pyseam: warning: PATH is itself a package (it holds __init__.py): its modules are named from inside it `
      + `(\`x.y\`, not \`${name}.x.y\`) and its own absolute imports of ${name} look external; analyze the directory above it, `
      + `or a directory holding a symlink to it, for the names Python imports them by\n`);
  }
  // Extra components come first: on a tie of equal prefixes the first declared wins (owners.ts).
  const components = [...extraComponents, ...(config.component ?? [])];
  const options: AnalyzeOptions = {
    roots: (flags.root ?? []).map((r) => checkRoot(dir, r, '--root')),
    configRoots: (config.roots ?? []).map((r) => checkRoot(dir, r, `${file ? relative(dir, file) : 'config'} roots`)),
    private: [...(config.private ?? []), ...components.flatMap((c) => c.private ?? []), ...checkDotted(flags.private, '--private')],
    public: [...(config.public ?? []), ...components.flatMap((c) => c.public ?? []), ...checkDotted(flags.public, '--public')],
    exclude: [...(config.exclude ?? []), ...(flags.exclude ?? [])],
    importHelpers: [...(config['import-helpers'] ?? []), ...checkDotted(flags.importHelper, '--import-helper')],
    includeTypeChecking: flags.typeChecking && (config['type-checking'] ?? true),
    includeLazy: flags.lazy && (config.lazy ?? true),
    includeDynamic: flags.dynamic && (config.dynamic ?? true),
    checkStdlib: flags.checkStdlib ?? config['check-stdlib'] ?? false,
    components: components.map((c) => ({ name: c.name, modules: c.modules })),
    exportDecorators: config['export-decorators'] ?? [],
    apiSources: Object.entries(config['api-source'] ?? {}).map(([name, path]) => ({ name, tree: nodeTree(checkApiSource(dir, name, path)) })),
    presets: presetsOf(config),
    configFile: file ? relative(dir, file).split(sep).join('/') : null,
    implicit: flags.implicit ?? false,
    suppressionReason: config['suppression-reason'] ?? true,
  };
  const owner = cacheOf ?? dir;
  const run: FactsRun = {
    jobs: parseJobs(flags.jobs),
    cache: flags.cache === false ? null : {
      dir: flags.cacheDir !== undefined ? resolve(flags.cacheDir) : config['cache-dir'] !== undefined ? resolve(owner, config['cache-dir']) : join(owner, CACHE_DIR),
      owner,
      readOnly: cacheOf !== undefined,
    },
    warn: cacheWarner(io),
  };
  return { options, config, dir, run };
}

const warners = new WeakMap<Io, (message: string) => void>();

/**
 * Where the caches (facts, tree record, reports) report a problem through `io`: one line each, but
 * one line per cache directory that cannot be written, though each of the three finds it.
 */
export function cacheWarner(io: Io): (message: string) => void {
  let warner = warners.get(io);
  if (!warner) {
    const unwritable = new Set<string>();
    warner = (message) => {
      const dir = /^cache (.*): not writable \(/.exec(message)?.[1];
      if (dir !== undefined && unwritable.has(dir)) return;
      if (dir !== undefined) unwritable.add(dir);
      io.warn(`pyseam: warning: ${message}\n`);
    };
    warners.set(io, warner);
  }
  return warner;
}

/** `--jobs`: a positive whole number; absent, one thread per available core. @throws UsageError otherwise. */
function parseJobs(jobs: string | undefined): number {
  if (jobs === undefined) return availableParallelism();
  if (!/^[1-9][0-9]*$/.test(jobs)) throw new UsageError(`--jobs '${jobs}': expected a positive whole number of threads (1: parse in this thread, no workers)`);
  return Number(jobs);
}

/** A rendered report: one string, or pieces to write one after the other as they are made (a large JSON report: `jsonPieces`). */
export type ReportText = string | Iterable<string>;

/** Writes a rendered report to `--output` or standard output, piece by piece. @throws UsageError when the file cannot be written. */
export function writeReport(text: ReportText, output: string | undefined, io: Io): void {
  const pieces = typeof text === 'string' ? [text] : text;
  if (!output) {
    for (const piece of pieces) io.out(piece);
    return;
  }
  try {
    const fd = openSync(output, 'w');
    try {
      for (const piece of pieces) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new UsageError(`--output: cannot write ${output}: ${(error as Error).message}`);
  }
}

/** Colour only on a terminal writing to standard output, and never under NO_COLOR (picocolors checks it). */
export function useColor(output: string | undefined): boolean {
  return !output && pc.isColorSupported && process.stdout.isTTY === true;
}

/** A root relative to PATH (an absolute path inside PATH is made relative), which must be a directory. */
function checkRoot(dir: string, root: string, what: string): string {
  const abs = resolve(dir, root);
  const rel = relative(dir, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`${what} ${root}: expected a directory inside ${dir}`);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    throw new UsageError(`${what} ${root}: no such directory`);
  }
  if (!isDir) throw new UsageError(`${what} ${root}: expected a directory, got a file`);
  return rel === '' ? '.' : rel.split(sep).join('/');
}

/** The directory of an `api-source` entry (relative to PATH, or absolute). @throws UsageError when it is not a directory. */
function checkApiSource(dir: string, name: string, path: string): string {
  const abs = resolve(dir, path);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir || !DOTTED.test(name)) throw new UsageError(`api-source.${name}: expected a package name mapped to the directory of its source, got ${JSON.stringify(path)}`);
  return abs;
}

/** Whether a dotted prefix names a module or an import target of the result, or a package of one: a binary search in the sorted names. */
function prefixMatcher(result: AnalysisResult): (prefix: string) => boolean {
  const names = new Set(result.modules.map((m) => m.name));
  for (const e of result.edges) for (const s of e.sites) names.add(s.target);
  const sorted = [...names].sort();
  return (prefix) => {
    if (names.has(prefix)) return true;
    const below = `${prefix}.`;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < below) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo].startsWith(below);
  };
}

/** What the user most likely did not mean: nothing analyzed, or a declared prefix that names nothing. */
export function analysisWarnings(result: AnalysisResult): string[] {
  const warnings: string[] = [];
  if (result.summary.files === 0) warnings.push('no Python files found (check PATH, --exclude and .gitignore)');
  const prefixes = [...result.options.components.flatMap((c) => c.modules), ...result.options.private, ...result.options.public];
  if (prefixes.length === 0) return warnings;
  const matches = prefixMatcher(result);
  for (const c of result.options.components) {
    for (const p of c.modules) if (!matches(p)) warnings.push(`component ${c.name}: prefix ${p} matches no module`);
  }
  for (const [flag, list] of [['private', result.options.private], ['public', result.options.public]] as const) {
    for (const p of list) if (!matches(p)) warnings.push(`${flag} prefix ${p} matches no module and no import`);
  }
  return warnings;
}
