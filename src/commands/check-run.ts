/**
 * The run of `pyseam check` (check.ts registers the command and loads this when it runs).
 */
import { checkContracts } from '../graph/contracts/check-contracts.js';
import { validateContracts } from '../graph/contracts/validate-contracts.js';
import { UsageError } from '../errors.js';
import { renderCheckJson } from '../report/check-json.js';
import { renderCheckText } from '../report/check-text.js';
import { checkOnBaseline } from './baseline-run.js';
import { checkOnChangedSince, mergeBase } from './changed-since.js';
import type { CheckFlags } from './check.js';
import type { Io } from './options.js';
import { loadAnalysis, useColor, writeReport } from './shared.js';

/**
 * Checks the contracts and the private-import rule on the analysis of PATH and writes the report;
 * `setStatus` gets 1 when one is broken (new only, under `--baseline` or `--changed-since`), else 0.
 *
 * @throws UsageError (exit 2) for `--baseline` with `--changed-since`, a contract that names what does not exist, and as `loadAnalysis`.
 */
export async function runCheck(path: string, flags: CheckFlags, io: Io, setStatus: (status: number) => void): Promise<void> {
  if (flags.baseline && flags.changedSince) throw new UsageError('--baseline and --changed-since: choose one');
  const base = flags.changedSince ? mergeBase(path, flags.changedSince) : undefined;
  const { result, config } = await loadAnalysis(path, flags, io);
  const contracts = config.contract ?? [];
  if (contracts.length === 0) io.warn('pyseam: warning: no contracts configured ([[contract]] in pyseam.toml, [[tool.pyseam.contract]] in pyproject.toml): checking the private-import rule only\n');
  const errors = validateContracts(contracts, result);
  if (errors.length) throw new UsageError(`invalid contracts in ${result.options.config ?? 'the config'}\n${errors.map((e) => `  ${e}`).join('\n')}`);
  const check = checkContracts(result, contracts);
  const text = flags.format === 'json' ? renderCheckJson(check) : renderCheckText(check, { color: useColor(flags.output), full: flags.full });
  if (flags.baseline || base) {
    const gated = base ? await checkOnChangedSince(base, path, flags, result, check, text, io) : checkOnBaseline(flags.baseline!, result, check, flags.format, text, io);
    writeReport(gated.text, flags.output, io);
    return setStatus(gated.status);
  }
  writeReport(text, flags.output, io);
  const { summary } = check;
  if (summary.ok) return setStatus(0);
  const parts = [summary.broken && `${summary.broken} of ${summary.contracts} contracts broken`, summary.privateImports && `${summary.privateImports} private import${summary.privateImports === 1 ? '' : 's'}`];
  io.err(`pyseam: check: ${parts.filter(Boolean).join(', ')}\n`);
  setStatus(1);
}
