import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { validateReport } from '../report/validate.js';
import { SCHEMA_VERSION, type AnalysisResult } from '../result.js';
import { addAnalysisOptions, checkDotted, DOTTED, type AnalysisFlags, type Io } from './options.js';

export interface TuiFlags extends AnalysisFlags {
  report?: string;
  component?: string;
  copy?: string[];
}

/**
 * `pyseam tui [PATH]`: analyzes PATH with a progress bar, then opens the interactive UI on
 * the result; or, with `--report FILE`, opens a saved JSON report without analyzing (source
 * lines are read from PATH). Needs a terminal on standard input and output (exit 2 otherwise).
 *
 * The UI (ink and React, tui-run.tsx) is loaded only when this command runs: the other
 * commands, a warm `pyseam check` above all, do not pay for loading it.
 */
export function registerTui(program: Command, io: Io, _setStatus: (status: number) => void): void {
  const command = program.command('tui')
    .description('Explore the import graph in an interactive terminal UI: cycles hop by hop down to the import line, private imports, modules, paths, clusters, and what-if cuts.');
  addAnalysisOptions(command)
    .option('--report <file>', 'open a saved report (pyseam analyze --format json) instead of analyzing; PATH is where its files are read from')
    .option('--component <name>', 'focus the extraction figures and what-if cuts on a component or a module prefix (as pyseam extract)')
    .addOption(new Option('--copy <name>', 'a module or module.name to copy rather than make public; repeatable').argParser((v: string, p: string[] = []) => [...p, v]))
    .action(async (path: string, flags: TuiFlags) => {
      const dir = resolve(path);
      const configured = loadConfig(dir, flags.config).config;
      const declared = flags.component && DOTTED.test(flags.component) && !(configured.component ?? []).some((c) => c.name === flags.component)
        ? [{ name: flags.component, modules: [flags.component] }] : [];
      const copy = [...(configured.copy ?? []), ...checkDotted(flags.copy, '--copy')];
      const saved = flags.report === undefined ? null : readSavedReport(flags.report);
      requireTerminal();
      forgetCi(process.env);
      const { runTui } = await import('./tui-run.js');
      await runTui({ path, dir, flags, io, declared, copy, saved });
    });
}

/** @throws UsageError (exit 2) unless standard input and output are both terminals. */
function requireTerminal(): void {
  for (const [name, stream] of [['output', process.stdout], ['input', process.stdin]] as const) {
    if (!stream.isTTY) {
      throw new UsageError(`tui: standard ${name} is not a terminal; the UI needs one (for a report use \`pyseam analyze --format json\`)`);
    }
  }
}

/**
 * Drops the variables that tell a program it runs under CI (`CI` and `CONTINUOUS_INTEGRATION`,
 * the two the is-in-ci package reads). ink reads them once, when it is loaded, and
 * under CI draws only the last frame at exit: a UI that stays blank. `pyseam tui` has just
 * checked that it talks to a terminal, so whatever the variables say, someone is watching.
 */
export function forgetCi(env: NodeJS.ProcessEnv): void {
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
}

/**
 * A saved `pyseam analyze --format json` report, checked against this version's schema.
 * @throws UsageError (exit 2) for an unreadable file, bad JSON, another schema version, or a report the schema rejects.
 */
export function readSavedReport(file: string): AnalysisResult {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--report ${file}: cannot read a JSON report: ${(error as Error).message}`);
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== SCHEMA_VERSION) {
    throw new UsageError(`--report ${file}: written with report schema version ${JSON.stringify(version ?? null)}; this pyseam reads version ${SCHEMA_VERSION}: run \`pyseam analyze --format json\` again`);
  }
  const problems = validateReport(json);
  if (problems.length > 0) throw new UsageError(`--report ${file}: not a pyseam report: ${problems.slice(0, 3).join('; ')}`);
  return json as AnalysisResult;
}
