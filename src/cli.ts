import { statSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import pc from 'picocolors';
import pkg from '../package.json' with { type: 'json' };
import { analyze } from './analyze.js';
import { loadConfig } from './config.js';
import { PyseamError, UsageError } from './errors.js';
import { nodeTree } from './parse/source-tree.js';
import { progressBar } from './progress-bar.js';
import { FORMATS, render } from './report/index.js';

interface AnalyzeFlags {
  root: string[];
  config?: string;
  private: string[];
  public: string[];
  exclude: string[];
  importHelper: string[];
  typeChecking: boolean;
  lazy: boolean;
  dynamic: boolean;
  checkStdlib?: boolean;
  format: string;
  output?: string;
  failOnPrivateImport?: boolean;
  failOnCycle?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Exit statuses: 0 fine, 1 a `--fail-on-*` gate found something, 2 a usage or config error. */
export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void } = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}): Promise<number> {
  let status = 0;
  const program = new Command('pyseam')
    .description('Find the seams along which a Python codebase can be cut into separately installable packages.')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('analyze')
    .description('Parse every Python file under PATH, build the module import graph, and report import cycles and private imports.')
    .argument('[path]', 'directory to analyze', '.')
    .option('--root <dir>', 'a source root (a directory on sys.path), relative to PATH; repeatable; replaces detection', collect, [])
    .option('--config <file>', 'config file: pyseam.toml, or a pyproject.toml with [tool.pyseam] (default: found in PATH)')
    .option('--private <prefix>', 'a private module prefix, e.g. tensorflow.python; repeatable', collect, [])
    .option('--public <prefix>', 'a public module prefix, public even under a private prefix; repeatable', collect, [])
    .option('--exclude <glob>', 'leave out paths matching a glob (gitignore-like); repeatable', collect, [])
    .option('--import-helper <name>', 'a function that imports its string argument, e.g. sympy.external.import_module; repeatable', collect, [])
    .option('--no-type-checking', 'leave out imports under `if TYPE_CHECKING:` and in stubs')
    .option('--no-lazy', 'leave out lazy imports (inside functions, PEP 810 `lazy import`)')
    .option('--no-dynamic', 'leave out importlib / __import__ imports')
    .option('--check-stdlib', 'report private imports of the standard library too')
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('text'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--fail-on-private-import', 'exit 1 when any private import is found')
    .option('--fail-on-cycle', 'exit 1 when any import cycle is found')
    .action((path: string, flags: AnalyzeFlags) => {
      status = runAnalyze(path, flags, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    if (error instanceof PyseamError) {
      io.err(`pyseam: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

function runAnalyze(path: string, flags: AnalyzeFlags, io: { out: (s: string) => void; err: (s: string) => void }): number {
  const dir = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`PATH: no such directory: ${path}`);
  }
  if (!isDir) throw new UsageError(`PATH: expected a directory, got a file: ${path}`);
  const { config, file } = loadConfig(dir, flags.config);
  const progress = progressBar();
  const result = analyze(
    {
      roots: flags.root,
      configRoots: config.roots ?? [],
      private: [...(config.private ?? []), ...flags.private],
      public: [...(config.public ?? []), ...flags.public],
      exclude: [...(config.exclude ?? []), ...flags.exclude],
      importHelpers: [...(config['import-helpers'] ?? []), ...flags.importHelper],
      includeTypeChecking: flags.typeChecking && (config['type-checking'] ?? true),
      includeLazy: flags.lazy && (config.lazy ?? true),
      includeDynamic: flags.dynamic && (config.dynamic ?? true),
      checkStdlib: flags.checkStdlib ?? config['check-stdlib'] ?? false,
      configFile: file ? relative(dir, file).split(sep).join('/') : null,
    },
    nodeTree(dir),
    progress.onProgress,
  );
  progress.stop();
  const color = !flags.output && pc.isColorSupported && process.stdout.isTTY === true;
  const output = render(flags.format as (typeof FORMATS)[number], result, { color });
  if (flags.output) writeFileSync(flags.output, output);
  else io.out(output);
  if (flags.failOnPrivateImport && result.summary.privateImports > 0) return 1;
  if (flags.failOnCycle && result.summary.cycles > 0) return 1;
  return 0;
}
