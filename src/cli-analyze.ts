import { statSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import pc from 'picocolors';
import { analyze, type AnalyzeOptions } from './analyze.js';
import { loadConfig } from './config.js';
import { UsageError } from './errors.js';
import { nodeTree } from './parse/source-tree.js';
import { progressBar } from './progress-bar.js';
import { render, type Format } from './report/index.js';
import type { AnalysisResult } from './result.js';

/** The flags of `pyseam analyze`, as commander parses them. */
export interface AnalyzeFlags {
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
  format: Format;
  output?: string;
  failOnPrivateImport?: boolean;
  failOnCycle?: boolean;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Runs `pyseam analyze PATH` and writes the report.
 *
 * @returns the exit status: 0, or 1 when a `--fail-on-*` gate finds something (a line on
 * standard error says which and how many).
 * @throws UsageError (exit 2) for a PATH that is not a directory, a root that is not a
 * directory inside PATH, a prefix that is not a dotted module name, a bad config, or an
 * output file that cannot be written.
 */
export function runAnalyze(path: string, flags: AnalyzeFlags, io: Io): number {
  const dir = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`PATH: no such directory: ${path}`);
  }
  if (!isDir) throw new UsageError(`PATH: expected a directory, got a file: ${path}`);
  const { config, file, warnings } = loadConfig(dir, flags.config);
  for (const w of warnings) io.err(`pyseam: warning: ${w}\n`);
  const options: AnalyzeOptions = {
    roots: (flags.root ?? []).map((r) => checkRoot(dir, r, '--root')),
    configRoots: (config.roots ?? []).map((r) => checkRoot(dir, r, `${file ? relative(dir, file) : 'config'} roots`)),
    private: [...(config.private ?? []), ...checkDotted(flags.private, '--private')],
    public: [...(config.public ?? []), ...checkDotted(flags.public, '--public')],
    exclude: [...(config.exclude ?? []), ...(flags.exclude ?? [])],
    importHelpers: [...(config['import-helpers'] ?? []), ...checkDotted(flags.importHelper, '--import-helper')],
    includeTypeChecking: flags.typeChecking && (config['type-checking'] ?? true),
    includeLazy: flags.lazy && (config.lazy ?? true),
    includeDynamic: flags.dynamic && (config.dynamic ?? true),
    checkStdlib: flags.checkStdlib ?? config['check-stdlib'] ?? false,
    configFile: file ? relative(dir, file).split(sep).join('/') : null,
  };
  const progress = progressBar();
  const result = analyze(options, nodeTree(dir), progress.onProgress);
  progress.stop();
  for (const w of analysisWarnings(result)) io.err(`pyseam: warning: ${w}\n`);

  const color = !flags.output && pc.isColorSupported && process.stdout.isTTY === true;
  const output = render(flags.format, result, { color });
  if (flags.output) {
    try {
      writeFileSync(flags.output, output);
    } catch (error) {
      throw new UsageError(`--output: cannot write ${flags.output}: ${(error as Error).message}`);
    }
  } else io.out(output);
  return gate(result, flags, io);
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

function checkDotted(values: string[] | undefined, flag: string): string[] {
  for (const v of values ?? []) {
    if (!DOTTED.test(v)) throw new UsageError(`${flag} '${v}': expected a dotted module name such as tensorflow.python`);
  }
  return values ?? [];
}

/** What the user most likely did not mean: nothing analyzed, or a declared prefix that names nothing. */
function analysisWarnings(result: AnalysisResult): string[] {
  const warnings: string[] = [];
  if (result.summary.files === 0) warnings.push('no Python files found (check PATH, --exclude and .gitignore)');
  const names = new Set(result.modules.map((m) => m.name));
  for (const e of result.edges) for (const s of e.sites) names.add(s.target);
  const named = [...names];
  for (const [flag, prefixes] of [['private', result.options.private], ['public', result.options.public]] as const) {
    for (const p of prefixes) {
      if (!named.some((n) => n === p || n.startsWith(`${p}.`))) warnings.push(`${flag} prefix ${p} matches no module and no import`);
    }
  }
  return warnings;
}

function gate(result: AnalysisResult, flags: AnalyzeFlags, io: Io): number {
  const failures: string[] = [];
  const { privateImports, cycles } = result.summary;
  if (flags.failOnPrivateImport && privateImports > 0) failures.push(`--fail-on-private-import: ${privateImports} private import${privateImports === 1 ? '' : 's'}`);
  if (flags.failOnCycle && cycles > 0) failures.push(`--fail-on-cycle: ${cycles} import cycle${cycles === 1 ? '' : 's'} (largest: ${result.summary.largestCycle} modules)`);
  for (const f of failures) io.err(`pyseam: ${f}\n`);
  return failures.length ? 1 : 0;
}
