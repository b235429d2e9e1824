import { Option, type Command } from 'commander';
import { addAnalysisOptions, type AnalysisFlags, type Io } from './options.js';

export interface CheckFlags extends AnalysisFlags {
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
 * The run (check-run.ts) is loaded only when the command runs.
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
      const { runCheck } = await import('./check-run.js');
      await runCheck(path, flags, io, setStatus);
    });
}
