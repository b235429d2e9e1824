/**
 * `--changed-since REF` on `analyze` and `check` (pre-merge mode): the whole graph is analyzed
 * twice, at the merge base of HEAD with REF and in the working tree (cycles and indirect contracts
 * need the whole graph), and only what the change introduced counts: a private-import key with
 * more sites than at the base, a cycle that is new or grew, a contract pair or component cycle
 * that did not exist. The base's violation keys play the role of a baseline file
 * (src/graph/baseline.ts compares them), so moved lines change nothing, and a module whose file
 * git sees renamed keeps its old violations under its new name.
 *
 * The base tree is exported with `git read-tree` into a temporary index and
 * `git checkout-index -a --prefix=DIR/` (the export recipe of git-checkout-index(1): unlike
 * `git archive` it ignores `export-ignore`, and unlike `git worktree` it leaves the repository
 * untouched), then analyzed at the same sub-path as PATH with the same flags and the working
 * tree's config, and removed. The base reads the working tree's facts cache without writing to it:
 * a file whose bytes are the same at the base is not parsed again (facts-cache.ts).
 *
 * The comparison goes to standard error as `--baseline` prints it, and into the JSON report as
 * `changedSince` (schema/baseline.schema.json#/$defs/comparison; its `file` is `REF (merge base SHA)`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import type { BaselineComparison, BaselineRule, CurrentViolation } from '../baseline-result.js';
import type { CheckResult } from '../check-result.js';
import { UsageError } from '../errors.js';
import { baselineOf, compareBaseline, currentViolations, keyString } from '../graph/baseline.js';
import { checkContracts } from '../graph/contracts/check-contracts.js';
import { validateContracts } from '../graph/contracts/validate-contracts.js';
import { renderBaselineComparison } from '../report/baseline-text.js';
import { jsonPieces } from '../report/json.js';
import type { AnalysisResult } from '../result.js';
import type { AnalysisFlags, Io } from './options.js';
import { loadAnalysis, type ReportText } from './shared.js';

/** The merge base of HEAD with REF, and where PATH lies in the repository. */
export interface MergeBase {
  ref: string;
  sha: string;
  /** The repository's top-level directory. */
  top: string;
  /** PATH relative to `top`, with `/` ('' for the top itself). */
  sub: string;
}

const git = (cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync('git', ['-C', cwd, ...args], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });

/**
 * Finds the merge base before anything is analyzed.
 * @throws UsageError (exit 2) when PATH is not inside a git repository, REF is unknown, or HEAD and REF share no history.
 */
export function mergeBase(path: string, ref: string): MergeBase {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`PATH: expected a directory, got ${existsSync(dir) ? 'a file' : 'nothing'}: ${path}`);
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if (top.status !== 0) throw new UsageError(`--changed-since needs a git repository: ${path} is not inside one`);
  const root = top.stdout.trim();
  if (git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).status !== 0) throw new UsageError(`--changed-since ${ref}: unknown revision`);
  const base = git(root, ['merge-base', 'HEAD', ref]);
  if (base.status !== 0) throw new UsageError(`--changed-since ${ref}: no merge base with HEAD${base.stderr.trim() ? ` (${base.stderr.trim()})` : ''}`);
  return { ref, sha: base.stdout.trim(), top: root, sub: relative(realpathSync(root), realpathSync(dir)).split(sep).join('/') };
}

/** Runs `f`, naming the merge base in a usage error (a `--root` the base does not have yet). */
async function atBase<T>(base: MergeBase, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`--changed-since ${base.ref}: at the merge base ${base.sha.slice(0, 12)}: ${error.message}`);
    throw error;
  }
}

/** The base's violations: `check` adds the contracts that are valid at the base (one naming a module the change adds is left out). */
async function baseViolations(base: MergeBase, path: string, flags: AnalysisFlags, result: AnalysisResult, withContracts: boolean): Promise<CurrentViolation[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'pyseam-base-'));
  try {
    const env = { ...process.env, GIT_INDEX_FILE: join(tmp, 'index') };
    for (const args of [['read-tree', base.sha], ['checkout-index', '-a', `--prefix=${join(tmp, 'tree')}${sep}`]]) {
      const r = git(base.top, args, env);
      if (r.status !== 0) throw new UsageError(`--changed-since ${base.ref}: git ${args[0]} failed: ${r.stderr.trim()}`);
    }
    const dir = join(tmp, 'tree', base.sub);
    if (!existsSync(dir)) return [];
    const config = flags.config ?? (result.options.config === null ? undefined : join(resolve(path), result.options.config));
    const silent = { out: () => {}, err: () => {}, warn: () => {} } as Io;
    // The working tree's cache, read-only: files the change did not touch are not parsed again, and the temporary copy gets no cache of its own.
    const loaded = await atBase(base, () => loadAnalysis(dir, { ...flags, config }, silent, [], resolve(path)));
    const contracts = withContracts ? (loaded.config.contract ?? []).filter((c) => validateContracts([c], loaded.result).length === 0) : [];
    const found = currentViolations(loaded.result, contracts.length ? checkContracts(loaded.result, contracts) : undefined);
    return renameModules(found, renamedModules(base, loaded.result, result));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Modules whose file git sees renamed since the base (`git diff -M --name-status`, tracked files
 * of the working tree against the base commit), as base name -> current name: a moved module
 * keeps its violations.
 */
function renamedModules(base: MergeBase, before: AnalysisResult, now: AnalysisResult): Map<string, string> {
  const diff = git(base.top, ['diff', '-M', '--name-status', '-z', base.sha, '--', base.sub || '.']);
  const inPath = (file: string) => (base.sub ? file.slice(base.sub.length + 1) : file);
  const fields = diff.status === 0 ? diff.stdout.split('\0') : [];
  const moved = new Map<string, string>();
  for (let i = 0; i < fields.length; i += fields[i]?.startsWith('R') || fields[i]?.startsWith('C') ? 3 : 2) {
    if (fields[i]?.startsWith('R')) moved.set(inPath(fields[i + 1]), inPath(fields[i + 2]));
  }
  const nameAt = new Map(now.modules.map((m) => [m.path, m.name]));
  const renamed = new Map<string, string>();
  for (const m of before.modules) {
    const name = nameAt.get(moved.get(m.path) ?? '');
    if (name && name !== m.name) renamed.set(m.name, name);
  }
  return renamed;
}

/** The base's violations under the current module names, keys that now coincide merged. */
function renameModules(violations: CurrentViolation[], renamed: Map<string, string>): CurrentViolation[] {
  if (renamed.size === 0) return violations;
  const to = (name: string) => renamed.get(name) ?? name;
  const merged = new Map<string, CurrentViolation>();
  for (const v of violations) {
    const e = { ...v.entry };
    if ('importer' in e) e.importer = to(e.importer);
    if ('target' in e) e.target = to(e.target);
    if ('imported' in e) e.imported = to(e.imported);
    if ('modules' in e) e.modules = e.modules.map(to).sort();
    const seen = merged.get(keyString(e));
    if (seen) seen.entry.count += e.count;
    else merged.set(keyString(e), { entry: e, locations: v.locations });
  }
  return [...merged.values()];
}

/** Compares the working tree's violations with the base's on `rules` and prints the comparison on standard error. */
async function compareWithBase(base: MergeBase, path: string, flags: AnalysisFlags, result: AnalysisResult, current: CurrentViolation[], rules: BaselineRule[], io: Io): Promise<BaselineComparison> {
  const label = `${base.ref} (merge base ${base.sha.slice(0, 12)})`;
  const comparison = compareBaseline(baselineOf(await baseViolations(base, path, flags, result, rules.includes('contract'))), current, rules, label);
  io.err(renderBaselineComparison(comparison).replace(`pyseam: baseline ${label}:`, `pyseam: changed since ${label}:`));
  return comparison;
}

const withField = (report: object, comparison: BaselineComparison) => jsonPieces({ ...report, changedSince: comparison });
const count = (c: BaselineComparison, rule: BaselineRule) => c.new.filter((v) => v.entry.rule === rule).length;
const plural = (n: number, word: string) => `${n} new ${word}${n === 1 ? '' : 's'}`;

/** `analyze --changed-since REF`: the `--fail-on-*` gates count only what the change introduced. Returns the report text and the exit status. */
export async function gateOnChangedSince(base: MergeBase, path: string, flags: AnalysisFlags & { format: string; failOnPrivateImport?: boolean; failOnCycle?: boolean }, result: AnalysisResult, text: ReportText, io: Io): Promise<{ text: ReportText; status: number }> {
  const comparison = await compareWithBase(base, path, flags, result, currentViolations(result), ['private-import', 'cycle'], io);
  const failures: string[] = [];
  if (flags.failOnPrivateImport && count(comparison, 'private-import')) failures.push(`--fail-on-private-import: ${plural(count(comparison, 'private-import'), 'private import')} since ${base.ref}`);
  if (flags.failOnCycle && count(comparison, 'cycle')) failures.push(`--fail-on-cycle: ${plural(count(comparison, 'cycle'), 'import cycle')} since ${base.ref}`);
  for (const f of failures) io.err(`pyseam: ${f}\n`);
  return { text: flags.format === 'json' ? withField(result, comparison) : text, status: failures.length ? 1 : 0 };
}

/** `check --changed-since REF`: broken only by what the change introduced (private imports, contract pairs and component cycles). */
export async function checkOnChangedSince(base: MergeBase, path: string, flags: AnalysisFlags & { format: string }, result: AnalysisResult, check: CheckResult, text: ReportText, io: Io): Promise<{ text: ReportText; status: number }> {
  const comparison = await compareWithBase(base, path, flags, result, currentViolations(result, check), ['private-import', 'contract'], io);
  const fresh = comparison.new.length;
  if (fresh) io.err(`pyseam: check: ${plural(fresh, 'violation')} since ${base.ref}\n`);
  return { text: flags.format === 'json' ? withField(check, comparison) : text, status: fresh ? 1 : 0 };
}
