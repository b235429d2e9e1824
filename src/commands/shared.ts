import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { analyzeAsync, type AnalyzeOptions, type FactsRun, type FactsStats, type ProgressEvent } from '../analyze.js';
import { loadConfig, type ComponentConfig, type PyseamConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { nodeTree } from '../parse/source-tree.js';
import { progressBar } from '../progress-bar.js';
import { presetsOf } from './presets.js';
import type { AnalysisResult } from '../result.js';

/** Standard output and error, passed in so tests can capture them. */
export interface Io {
  out: (s: string) => void;
  /** Errors: always printed. */
  err: (s: string) => void;
  /** Warnings: silenced by --quiet. */
  warn: (s: string) => void;
}

/** Flags every analyzing command shares (`analyze`, `check`, `extract`, `why`, ...). */
export interface AnalysisFlags {
  root?: string[];
  config?: string;
  private?: string[];
  public?: string[];
  exclude?: string[];
  importHelper?: string[];
  typeChecking: boolean;
  lazy: boolean;
  dynamic: boolean;
  checkStdlib?: boolean;
  implicit?: boolean;
  /** Print nothing but errors: no report on standard output, no warnings (a report still goes to --output). */
  quiet?: boolean;
  /** `--jobs N`, as typed: threads that parse (default: one per available core). */
  jobs?: string;
  /** `--cache-dir DIR`, relative to the working directory. */
  cacheDir?: string;
  /** False under `--no-cache`. */
  cache?: boolean;
}

/** What a command gets after the analysis: the result, the config it was read with, and the analyzed directory. */
export interface LoadedAnalysis {
  result: AnalysisResult;
  config: PyseamConfig;
  dir: string;
}

/** The exit statuses every command shares, for `--help`. */
export const EXIT_STATUSES = `
Exit status:
  0  done
  1  analyze: a --fail-on-* gate found something; check: a contract or the private-import
     rule is broken; why: no chain (standard error says which)
  2  a usage or config error (the message names the flag or key)`;

const collect = (value: string, previous: string[] = []) => [...previous, value];
/** A dotted module name, as config.schema.json's `dotted` pattern. */
export const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Adds PATH and the analysis flags to a command (same names and help in every command). */
export function addAnalysisOptions(command: Command): Command {
  return command
    .argument('[path]', 'directory to analyze', '.')
    .option('--root <dir>', 'a source root (a directory on sys.path), relative to PATH; repeatable; replaces detection and the config\'s roots', collect)
    .option('--config <file>', 'config file: pyseam.toml, or a pyproject.toml with [tool.pyseam] (default: found in PATH)')
    .option('--private <prefix>', 'a private module prefix, e.g. tensorflow.python; repeatable; added to the config\'s', collect)
    .option('--public <prefix>', 'a public module prefix, public even under a private prefix; repeatable; added to the config\'s', collect)
    .option('--exclude <glob>', 'leave out paths matching a glob (gitignore-like); repeatable; added to the config\'s', collect)
    .option('--import-helper <name>', 'a function that imports its string argument, e.g. sympy.external.import_module; repeatable', collect)
    .option('--no-type-checking', 'leave out imports under `if TYPE_CHECKING:` and in stubs')
    .option('--no-lazy', 'leave out lazy imports (inside functions, PEP 810 `lazy import`)')
    .option('--no-dynamic', 'leave out importlib / __import__ imports')
    .option('--check-stdlib', 'report private imports of the standard library too')
    .option('--quiet', 'print nothing but errors (a report still goes to --output)')
    .option('--implicit', 'add the edges Python creates: `import a.b.c` first runs a/__init__.py and a/b/__init__.py (marked implicit; runtime view)')
    .option('--jobs <n>', 'threads that parse files (default: one per available core; 1: no worker threads)')
    .option('--cache-dir <dir>', `where each file's extracted imports are cached between runs (default: the config's cache-dir, else PATH/${CACHE_DIR})`)
    .option('--no-cache', 'read and parse every file; neither read nor write the cache')
    .addHelpText('after', EXIT_STATUSES);
}

/** The default cache directory, inside the analyzed directory (hidden: discovery does not enter it). */
export const CACHE_DIR = '.pyseam_cache';

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
  const { options, config, dir, run } = analysisOptions(path, flags, io, extraComponents, cacheOf);
  const progress = progressBar();
  const seen: { facts?: FactsStats } = {};
  const onProgress = (event: ProgressEvent) => {
    if (event.stage === 'parse' && event.facts) seen.facts = event.facts;
    progress.onProgress(event);
  };
  let result: AnalysisResult;
  try {
    result = await analyzeAsync(options, nodeTree(dir), run, onProgress);
  } finally {
    progress.stop();
  }
  const { facts } = seen;
  if (facts && process.env.PYSEAM_STATS) {
    io.err(`pyseam: stats: ${facts.files} files: ${facts.fromStat} from the cache unread, ${facts.verified} read and unchanged, ${facts.parsed} parsed; ${facts.workers} worker threads\n`);
  }
  for (const w of analysisWarnings(result)) io.warn(`pyseam: warning: ${w}\n`);
  return { result, config, dir };
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
    warn: (message) => io.warn(`pyseam: warning: ${message}\n`),
  };
  return { options, config, dir, run };
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

/** @throws UsageError unless every value is a dotted module name. */
export function checkDotted(values: string[] | undefined, flag: string): string[] {
  for (const v of values ?? []) {
    if (!DOTTED.test(v)) throw new UsageError(`${flag} '${v}': expected a dotted module name such as tensorflow.python`);
  }
  return values ?? [];
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
