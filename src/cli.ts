import { Command, CommanderError } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { registerAnalyze } from './commands/analyze.js';
import { registerBaseline } from './commands/baseline.js';
import { registerCheck } from './commands/check.js';
import { registerClusters } from './commands/clusters.js';
import { registerExtract } from './commands/extract.js';
import { registerPresets } from './commands/presets.js';
import { registerQueries } from './commands/queries.js';
import { registerTui } from './commands/tui.js';
import { EXIT_STATUSES, type Io } from './commands/options.js';
import { PyseamError } from './errors.js';

/** Every subcommand registers itself here (one file each under src/commands/). */
const COMMANDS: ((program: Command, io: Io, setStatus: (status: number) => void) => void)[] = [
  registerAnalyze, registerCheck, registerExtract, registerQueries, registerClusters, registerPresets, registerBaseline, registerTui,
];


/**
 * The `pyseam` command: parses `argv` (without `node` and the script), runs the
 * subcommand, and is the one place that catches pyseam's errors.
 *
 * @returns the exit status: 0 fine, 1 a `--fail-on-*` gate found something, 2 a usage or
 * config error (commander's own errors included: unknown flag, bad choice, no command).
 */
export async function main(argv: string[], io: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  warn: (s) => process.stderr.write(s),
}): Promise<number> {
  let status = 0;
  const program = new Command('pyseam')
    .description('Find the seams along which a Python codebase can be cut into separately installable packages.')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addHelpText('after', EXIT_STATUSES);

  const setStatus = (value: number) => {
    status = value;
  };
  for (const register of COMMANDS) register(program, io, setStatus);

  if (argv.length === 0) {
    io.err(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? 0 : 2;
    }
    if (error instanceof PyseamError) {
      io.err(`pyseam: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
