/**
 * The ink half of `pyseam tui` (tui.ts checks the flags and the terminal, then loads this):
 * the analysis under an ink progress view, then the UI on the result.
 */
import { render } from 'ink';
import { analyzeAsync, type ProgressEvent } from '../analyze.js';
import { UsageError } from '../errors.js';
import { nodeTree } from '../parse/source-tree.js';
import type { AnalysisResult } from '../result.js';
import { App } from '../tui/App.js';
import { Progress, type ProgressSnapshot } from '../tui/Progress.js';
import { colourFromEnv } from '../tui/theme.js';
import type { Io } from './options.js';
import { analysisOptions, analysisWarnings } from './shared.js';
import type { TuiFlags } from './tui.js';
import { tuiData } from './tui-data.js';

/** Thrown from the progress callback when the user quits while the analysis runs. */
class Quit extends Error {}

/** What tui.ts hands over: PATH as given and resolved, the flags, the components `--component` declares, `--copy` with the config's, and the `--report` read (null: analyze). */
export interface TuiRun {
  path: string;
  dir: string;
  flags: TuiFlags;
  io: Io;
  declared: { name: string; modules: string[] }[];
  copy: string[];
  saved: AnalysisResult | null;
}

/**
 * Analyzes (or takes the saved report), checks `--component` against the result, and runs the
 * UI until the user quits, on the terminal's alternate screen.
 *
 * @throws UsageError (exit 2) for a `--component` that names no component or module prefix.
 */
export async function runTui(run: TuiRun): Promise<void> {
  const { flags, io, saved } = run;
  const origin = flags.report ?? run.path;
  // Warnings would garble the full-screen UI: they are printed once it is closed.
  const warnings: string[] = [];
  const quietIo = { ...io, warn: (s: string) => void warnings.push(s) };
  const screen = fullScreen();
  try {
    const result = saved ?? (await analyzeWithProgress(run, quietIo, origin));
    if (!result) return;
    if (flags.component && saved && !result.components.some((c) => c.name === flags.component)) {
      throw new UsageError(`--component ${flags.component}: with --report, name a component of the report (${result.components.map((c) => c.name).slice(0, 20).join(', ')}); to focus on a module prefix, analyze again: pyseam tui PATH --component ${flags.component}`);
    }
    if (flags.component && !result.components.some((c) => c.name === flags.component)) {
      throw new UsageError(`--component ${flags.component}: no such component or module prefix; components: ${result.components.map((c) => c.name).slice(0, 20).join(', ')}`);
    }
    const data = tuiData(result, { dir: run.dir, origin, component: flags.component ?? null, copy: run.copy });
    const app = render(<App data={data} colour={colourFromEnv()} />, { exitOnCtrlC: false });
    await app.waitUntilExit();
  } finally {
    screen.restore();
    for (const w of warnings) io.warn(w);
  }
}

/** The terminal's alternate screen, so quitting gives the shell back as it was. */
function fullScreen(): { restore: () => void } {
  process.stdout.write('\x1b[?1049h\x1b[H');
  return { restore: () => void process.stdout.write('\x1b[?1049l') };
}

/**
 * Runs the analysis (worker threads and the cache, as `pyseam analyze`) under an ink progress
 * view; null when the user quit (q or ctrl-c) before it finished.
 */
async function analyzeWithProgress(run: TuiRun, io: Io, origin: string): Promise<AnalysisResult | null> {
  const { options, dir, run: facts } = analysisOptions(run.path, run.flags, io, run.declared);
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
    const result = await analyzeAsync(options, nodeTree(dir), facts, onProgress);
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
