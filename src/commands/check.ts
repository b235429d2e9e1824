import { Option, type Command } from 'commander';
import { checkContracts } from '../graph/contracts/check-contracts.js';
import { validateContracts } from '../graph/contracts/validate-contracts.js';
import { UsageError } from '../errors.js';
import { renderCheckJson } from '../report/check-json.js';
import { renderCheckText } from '../report/check-text.js';
import { checkOnBaseline } from './baseline.js';
import { checkOnChangedSince, mergeBase } from './changed-since.js';
import { addAnalysisOptions, loadAnalysis, useColor, writeReport, type AnalysisFlags, type Io } from './shared.js';

interface CheckFlags extends AnalysisFlags {
  format: 'text' | 'json';
  output?: string;
  full?: boolean;
  baseline?: string;
  changedSince?: string;
}

/**
 * `pyseam check [PATH]`: runs the `[[tool.pyseam.contract]]` contracts (import-linter's
 * layers, forbidden, independence; acyclic components) and the private-import rule, prints
 * what is kept and what is broken, and exits 1 when anything is broken (a line on standard
 * error says what), else 0. A contract that names a module or component that does not exist,
 * or misses a key its type needs, is a config error: exit 2, every such error listed.
 */
export function registerCheck(program: Command, io: Io, setStatus: (status: number) => void): void {
  addAnalysisOptions(program.command('check')
    .description('Check the import contracts of the config ([[tool.pyseam.contract]]: layers, forbidden, independence, acyclic) and the private-import rule; exit 1 when one is broken.'))
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--full', 'list every broken pair and private import instead of cutting long lists (text)')
    .option('--baseline <file>', 'a baseline written by `pyseam baseline`: broken only by what is not in it; what was fixed since is reported')
    .option('--changed-since <ref>', 'pre-merge mode (git): broken only by what changed since the merge base of HEAD with REF (new private imports, contract pairs and component cycles); the base is analyzed in full')
    .action(async (path: string, flags: CheckFlags) => {
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
    });
}
