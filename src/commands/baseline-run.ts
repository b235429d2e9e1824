/**
 * The run of `pyseam baseline` (baseline.ts registers the command and loads this when it runs),
 * and the `--baseline FILE` gates of `analyze` and `check`: reading, checking and comparing a baseline.
 */
import { basename, dirname, join, resolve } from 'node:path';
import type { Baseline, BaselineComparison, BaselineEntry, BaselineRule, CurrentViolation } from '../baseline-result.js';
import { BASELINE_SCHEMA_VERSION } from '../baseline-result.js';
import type { PyseamConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { baselineOf, compareBaseline, currentViolations, ratchet } from '../graph/baseline.js';
import { checkContracts } from '../graph/contracts/check-contracts.js';
import { validateContracts } from '../graph/contracts/validate-contracts.js';
import { nodeTree } from '../parse/source-tree.js';
import { renderBaselineFile, renderJsonWithBaseline } from '../report/baseline-file.js';
import { renderBaselineComparison, summarizeBaseline } from '../report/baseline-text.js';
import type { CheckResult } from '../check-result.js';
import type { AnalysisResult } from '../result.js';
import { DEFAULT_BASELINE, type BaselineFlags } from './baseline.js';
import type { Io } from './options.js';
import { loadAnalysis, writeReport, type ReportText } from './shared.js';

/**
 * Records the current violations in `--output` (default PATH/pyseam-baseline.json), or ratchets
 * the file there under `--update`; `setStatus` gets 0.
 *
 * @throws UsageError (exit 2) for `--allow-growth` without `--update`, a missing or invalid baseline under `--update`, a bad contract, and as `loadAnalysis`.
 */
export async function runBaseline(path: string, flags: BaselineFlags, io: Io, setStatus: (status: number) => void): Promise<void> {
  if (flags.allowGrowth && !flags.update) throw new UsageError('--allow-growth: only with --update');
  const file = flags.output ?? join(path, DEFAULT_BASELINE);
  const previous = flags.update ? readBaseline(file, '--update') : null;
  const { result, config } = await loadAnalysis(path, flags, io);
  const current = allViolations(result, config);
  let baseline = baselineOf(current);
  if (previous) {
    const step = ratchet(previous, current, flags.allowGrowth ?? false);
    baseline = step.baseline;
    const { fixed } = step.comparison;
    const added = step.comparison.new.length;
    io.err(`pyseam: baseline --update: ${fixed.length} fixed (removed or lowered), ${added} new ${flags.allowGrowth ? 'added (--allow-growth)' : 'NOT added (the ratchet only removes; --allow-growth adds them)'}\n`);
  }
  writeReport(renderBaselineFile(baseline), file, io);
  io.out(`pyseam: baseline ${file}: ${summarizeBaseline(baseline)}\n`);
  setStatus(0);
}

/** The violations of the analysis and of the configured contracts (a config error in a contract: exit 2, as `check`). */
export function allViolations(result: AnalysisResult, config: PyseamConfig): CurrentViolation[] {
  const contracts = config.contract ?? [];
  const errors = validateContracts(contracts, result);
  if (errors.length) throw new UsageError(`invalid contracts in ${result.options.config ?? 'the config'}\n${errors.map((e) => `  ${e}`).join('\n')}`);
  return currentViolations(result, contracts.length ? checkContracts(result, contracts) : undefined);
}

/** `--baseline FILE` on analyze and check: compares on `rules`, prints the new and the fixed on standard error. */
export function applyBaseline(file: string, current: CurrentViolation[], rules: BaselineRule[], io: Io): BaselineComparison {
  const comparison = compareBaseline(readBaseline(file, '--baseline'), current, rules, file);
  io.err(renderBaselineComparison(comparison));
  return comparison;
}

const count = (c: BaselineComparison, rule: BaselineRule) => c.new.filter((v) => v.entry.rule === rule).length;
const plural = (n: number, word: string) => `${n} new ${word}${n === 1 ? '' : 's'}`;

/**
 * `analyze --baseline FILE`: the `--fail-on-*` gates count only what is new, and the JSON report
 * gets the comparison as `baseline`. Returns the report text and the exit status.
 */
export function gateOnBaseline(file: string, result: AnalysisResult, flags: { format: string; failOnPrivateImport?: boolean; failOnCycle?: boolean }, text: ReportText, io: Io): { text: ReportText; status: number } {
  const comparison = applyBaseline(file, currentViolations(result), ['private-import', 'cycle'], io);
  const failures: string[] = [];
  if (flags.failOnPrivateImport && count(comparison, 'private-import')) failures.push(`--fail-on-private-import: ${plural(count(comparison, 'private-import'), 'private import')} not in the baseline`);
  if (flags.failOnCycle && count(comparison, 'cycle')) failures.push(`--fail-on-cycle: ${plural(count(comparison, 'cycle'), 'import cycle')} not in the baseline`);
  for (const f of failures) io.err(`pyseam: ${f}\n`);
  return { text: flags.format === 'json' ? renderJsonWithBaseline(result, comparison) : text, status: failures.length ? 1 : 0 };
}

/** `check --baseline FILE`: broken only by what is new (private imports, contract violations); the JSON report gets `baseline`. */
export function checkOnBaseline(file: string, result: AnalysisResult, check: CheckResult, format: string, text: ReportText, io: Io): { text: ReportText; status: number } {
  const comparison = applyBaseline(file, currentViolations(result, check), ['private-import', 'contract'], io);
  const fresh = comparison.new.length;
  if (fresh) io.err(`pyseam: check: ${plural(fresh, 'violation')} not in the baseline\n`);
  return { text: format === 'json' ? renderJsonWithBaseline(check, comparison) : text, status: fresh ? 1 : 0 };
}

/** Reads and checks a baseline file. @throws UsageError (exit 2) naming the file when it is missing or not a valid baseline. */
export function readBaseline(file: string, flag: string): Baseline {
  let text: string;
  try {
    const abs = resolve(file);
    text = nodeTree(dirname(abs)).read(basename(abs)).toString('utf8');
  } catch (error) {
    throw new UsageError(`${flag} ${file}: cannot read the baseline: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${flag} ${file}: not a baseline (invalid JSON: ${(error as Error).message})`);
  }
  const problem = baselineProblem(json);
  if (problem) throw new UsageError(`${flag} ${file}: not a valid baseline: ${problem} (schema/baseline.schema.json)`);
  return json as Baseline;
}

const FIELDS: Record<string, Record<string, 'string' | 'strings'>> = {
  'private-import': { importer: 'string', target: 'string', names: 'strings' },
  cycle: { modules: 'strings' },
  'contract-pair': { contract: 'string', importer: 'string', imported: 'string' },
  'contract-cycle': { contract: 'string', components: 'strings' },
};

/** The first way `json` departs from schema/baseline.schema.json, or null. */
function baselineProblem(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'expected an object';
  const { schemaVersion, violations, ...rest } = json as Record<string, unknown>;
  if (Object.keys(rest).length) return `unknown key ${Object.keys(rest)[0]}`;
  if (schemaVersion !== BASELINE_SCHEMA_VERSION) return `schemaVersion: expected ${BASELINE_SCHEMA_VERSION}`;
  if (!Array.isArray(violations)) return 'violations: expected an array';
  for (const [i, v] of violations.entries()) {
    const entry = v as Partial<BaselineEntry> & Record<string, unknown>;
    if (typeof entry !== 'object' || entry === null) return `violations[${i}]: expected an object`;
    const kind = entry.rule === 'contract' ? ('components' in entry ? 'contract-cycle' : 'contract-pair') : String(entry.rule);
    const fields = FIELDS[kind];
    if (!fields) return `violations[${i}].rule: expected private-import, cycle or contract`;
    if (!Number.isInteger(entry.count) || (entry.count as number) < 1) return `violations[${i}].count: expected a positive integer`;
    for (const key of Object.keys(entry)) if (key !== 'rule' && key !== 'count' && !fields[key]) return `violations[${i}].${key}: not allowed for ${kind}`;
    for (const [key, type] of Object.entries(fields)) {
      const value = entry[key];
      const ok = type === 'string' ? typeof value === 'string' : Array.isArray(value) && value.every((s) => typeof s === 'string');
      if (!ok) return `violations[${i}].${key}: expected ${type === 'string' ? 'a string' : 'an array of strings'}`;
    }
  }
  return null;
}
