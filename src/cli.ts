import { Command, CommanderError, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { runAnalyze, type AnalyzeFlags, type Io } from './cli-analyze.js';
import { PyseamError } from './errors.js';
import { FORMATS } from './report/index.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const EXIT_STATUSES = `
Exit status:
  0  done (findings do not change it unless a --fail-on-* flag is given)
  1  a --fail-on-* gate found something (standard error says which)
  2  a usage or config error (the message names the flag or key)`;

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
}): Promise<number> {
  let status = 0;
  const program = new Command('pyseam')
    .description('Find the seams along which a Python codebase can be cut into separately installable packages.')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addHelpText('after', EXIT_STATUSES);

  program
    .command('analyze')
    .description('Parse every Python file under PATH, build the module import graph, and report import cycles and private imports.')
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
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('text'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--fail-on-private-import', 'exit 1 when any private import is found')
    .option('--fail-on-cycle', 'exit 1 when any import cycle is found')
    .addHelpText('after', EXIT_STATUSES)
    .action((path: string, flags: AnalyzeFlags) => {
      status = runAnalyze(path, flags, io);
    });

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
