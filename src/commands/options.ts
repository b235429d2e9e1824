/**
 * What every command's registration needs, and nothing heavier: the flags the analyzing commands
 * share, their help, and the checks of dotted names. `pyseam --help` and each command's `--help`
 * load this, commander and the command files only (cli.ts); the analysis and its dependencies are
 * loaded by the action that runs (shared.ts, through each command's `-run` module).
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

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

/** @throws UsageError unless every value is a dotted module name. */
export function checkDotted(values: string[] | undefined, flag: string): string[] {
  for (const v of values ?? []) {
    if (!DOTTED.test(v)) throw new UsageError(`${flag} '${v}': expected a dotted module name such as tensorflow.python`);
  }
  return values ?? [];
}
