import { Option, type Command } from 'commander';
import { render } from 'ink';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeInSlices, type ProgressEvent } from '../analyze.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { nodeTree } from '../parse/source-tree.js';
import { validateReport } from '../report/validate.js';
import { SCHEMA_VERSION, type AnalysisResult } from '../result.js';
import { App } from '../tui/App.js';
import { Progress, type ProgressSnapshot } from '../tui/Progress.js';
import { colourFromEnv } from '../tui/theme.js';
import { addAnalysisOptions, analysisOptions, analysisWarnings, checkDotted, DOTTED, type AnalysisFlags, type Io } from './shared.js';
import { tuiData } from './tui-data.js';

interface TuiFlags extends AnalysisFlags {
  report?: string;
  component?: string;
  copy?: string[];
}

/** Thrown from the progress callback when the user quits while the analysis runs. */
class Quit extends Error {}

/**
 * `pyseam tui [PATH]`: analyzes PATH with a progress bar, then opens the interactive UI on
 * the result; or, with `--report FILE`, opens a saved JSON report without analyzing (source
 * lines are read from PATH). Needs a terminal on standard input and output (exit 2 otherwise).
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
      const origin = flags.report ?? path;
      // Warnings would garble the full-screen UI: they are printed once it is closed.
      const warnings: string[] = [];
      const quietIo = { ...io, warn: (s: string) => void warnings.push(s) };
      const screen = fullScreen();
      try {
        const result = saved ?? (await analyzeWithProgress(path, flags, quietIo, declared, origin));
        if (!result) return;
        if (flags.component && saved && !result.components.some((c) => c.name === flags.component)) {
          throw new UsageError(`--component ${flags.component}: with --report, name a component of the report (${result.components.map((c) => c.name).slice(0, 20).join(', ')}); to focus on a module prefix, analyze again: pyseam tui PATH --component ${flags.component}`);
        }
        if (flags.component && !result.components.some((c) => c.name === flags.component)) {
          throw new UsageError(`--component ${flags.component}: no such component or module prefix; components: ${result.components.map((c) => c.name).slice(0, 20).join(', ')}`);
        }
        const data = tuiData(result, { dir, origin, component: flags.component ?? null, copy });
        const app = render(<App data={data} colour={colourFromEnv()} />, { exitOnCtrlC: false });
        await app.waitUntilExit();
      } finally {
        screen.restore();
        for (const w of warnings) io.warn(w);
      }
    });
}

/** The terminal's alternate screen, so quitting gives the shell back as it was. */
function fullScreen(): { restore: () => void } {
  process.stdout.write('\x1b[?1049h\x1b[H');
  return { restore: () => void process.stdout.write('\x1b[?1049l') };
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

/** Runs the analysis in slices under an ink progress view; null when the user quit (q or ctrl-c) before it finished. */
async function analyzeWithProgress(path: string, flags: TuiFlags, io: Io, declared: { name: string; modules: string[] }[], origin: string): Promise<AnalysisResult | null> {
  const { options, dir } = analysisOptions(path, flags, io, declared);
  const started = performance.now();
  let snapshot: ProgressSnapshot = { stage: 'discover', done: 0, total: 0, startedMs: started, nowMs: started };
  const width = process.stdout.columns || 80;
  const view = render(<Progress origin={origin} progress={snapshot} width={width} />, { exitOnCtrlC: true });
  let quit = false;
  void view.waitUntilExit().then(() => (quit = true));
  let drawn = 0;
  const onProgress = (event: ProgressEvent) => {
    if (quit) throw new Quit();
    const now = performance.now();
    if (event.stage === 'parse' && event.done !== event.total && now - drawn < 100) return;
    drawn = now;
    snapshot = event.stage === 'parse'
      ? { ...snapshot, stage: 'parse', done: event.done, total: event.total, nowMs: now }
      : { ...snapshot, stage: event.stage, nowMs: now };
    view.rerender(<Progress origin={origin} progress={snapshot} width={width} />);
  };
  try {
    const result = await analyzeInSlices(options, nodeTree(dir), onProgress);
    for (const w of analysisWarnings(result)) io.warn(`pyseam: warning: ${w}\n`);
    return result;
  } catch (error) {
    if (error instanceof Quit) return null;
    throw error;
  } finally {
    view.clear();
    view.unmount();
  }
}
