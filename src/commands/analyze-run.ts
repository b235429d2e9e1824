/**
 * The run of `pyseam analyze` (analyze.ts registers the command and loads this when it runs):
 * the analysis, the report or graph picture, and the `--fail-on-*` gates.
 */
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { CollapseOptions } from '../graph/collapse-graph.js';
import type { AnalysisResult } from '../result.js';
import type { AnalyzeFlags, PictureFormat } from './analyze.js';
import type { Io } from './options.js';
import { bodyPieces, ReportCache, type ReportMessage } from './report-cache.js';
import { cacheWarner, loadOrReuse, useColor, writeReport, type ReportText } from './shared.js';

const PICTURES: Record<PictureFormat, true> = { dot: true, mermaid: true };
const isPicture = (format: string): format is PictureFormat => Object.hasOwn(PICTURES, format);

/** The report of `result` as `--format` asks: the renderers are loaded here, after the analysis (a replayed run needs none). */
async function reportOf(result: AnalysisResult, flags: AnalyzeFlags, picture: CollapseOptions, color: boolean): Promise<ReportText> {
  const format = flags.format;
  if (isPicture(format)) {
    const { collapseGraph } = await import('../graph/collapse-graph.js');
    const collapsed = collapseGraph(result, picture);
    return format === 'dot' ? (await import('../report/dot.js')).renderDot(collapsed) : (await import('../report/mermaid.js')).renderMermaid(collapsed);
  }
  return format === 'json' ? (await import('../report/json.js')).jsonPieces(result) : (await import('../report/index.js')).render(format, result, { color });
}

/**
 * Analyzes PATH and writes the report (or picture) to `--output` or standard output; `setStatus`
 * gets 0, or 1 when a `--fail-on-*` gate finds something (new only, under `--baseline` or `--changed-since`).
 *
 * With the cache, and neither `--baseline` nor `--changed-since` (their gates read what lies outside
 * the analysis: a baseline file, a git history), the report is kept, and a run on the same inputs
 * with the same flags replays it (report-cache.ts).
 *
 * @throws UsageError (exit 2) for conflicting or misplaced flags, and as `loadAnalysis`.
 */
export async function runAnalyze(path: string, flags: AnalyzeFlags, io: Io, setStatus: (status: number) => void): Promise<void> {
  const picture = pictureOptions(flags);
  if (flags.baseline && flags.changedSince) throw new UsageError('--baseline and --changed-since: choose one');
  // The gates' modules (and the contracts' graphology under them) are loaded only when asked for.
  const changedSince = flags.changedSince ? await import('./changed-since.js') : null;
  const base = changedSince?.mergeBase(path, flags.changedSince!);
  const color = useColor(flags.output);
  // What decides the report besides the inputs: not the threads (the report is the same byte for byte),
  // nor where it goes (but for the colour), nor --quiet (the messages are kept, and silenced when replayed).
  const { jobs: _jobs, output: _output, quiet: _quiet, ...deciding } = flags;
  const reportsIn = (dir: string): ReportCache => new ReportCache(dir, { command: 'analyze', path: resolve(path), flags: deciding, color }, cacheWarner(io));
  const replay = (inputs: string, cache: { dir: string }): boolean => {
    const kept = reportsIn(cache.dir).find(inputs);
    if (!kept) return false;
    // In the order a run writes them: its warnings, the report, then its gates' lines.
    for (const m of kept.messages) if (m.stream === 'warn') io.warn(m.text);
    writeReport(bodyPieces(kept.body), flags.output, io);
    for (const m of kept.messages) if (m.stream === 'err') io.err(m.text);
    setStatus(kept.status);
    return true;
  };
  const gated = flags.baseline !== undefined || base !== undefined;
  const { result, inputs, warnings, cache } = await loadOrReuse(path, flags, io, { reuse: gated ? undefined : replay });
  if (!result) return;
  const text = await reportOf(result, flags, picture, color);
  if (gated) {
    const { text: gatedText, status } = flags.baseline ? (await import('./baseline-run.js')).gateOnBaseline(flags.baseline, result, flags, text, io)
      : await changedSince!.gateOnChangedSince(base!, path, flags, result, text, io);
    writeReport(gatedText, flags.output, io);
    return setStatus(status);
  }
  const keeping = inputs !== null && cache && !cache.readOnly ? reportsIn(cache.dir).keep(inputs, text) : undefined;
  try {
    writeReport(keeping?.text ?? text, flags.output, io);
  } catch (error) {
    keeping?.drop();
    throw error;
  }
  const failures = gateFailures(result, flags);
  for (const f of failures) io.err(f);
  const messages: ReportMessage[] = [...warnings.map((w) => ({ stream: 'warn' as const, text: `pyseam: warning: ${w}\n` })), ...failures.map((text) => ({ stream: 'err' as const, text }))];
  keeping?.done(failures.length ? 1 : 0, messages);
  setStatus(failures.length ? 1 : 0);
}

/** The collapse asked for. @throws UsageError for a depth that is not a positive integer, `--depth` with `--by-component`, or a picture flag with a format that is not a picture. */
function pictureOptions(flags: AnalyzeFlags): CollapseOptions {
  const given = [flags.depth !== undefined && '--depth', flags.byComponent && '--by-component', flags.external && '--external'].filter(Boolean);
  if (given.length && !isPicture(flags.format)) throw new UsageError(`${given[0]}: only for --format ${Object.keys(PICTURES).join(' or ')}, got --format ${flags.format}`);
  if (flags.depth !== undefined && !/^[1-9][0-9]*$/.test(flags.depth)) throw new UsageError(`--depth '${flags.depth}': expected a positive integer`);
  if (flags.depth !== undefined && flags.byComponent) throw new UsageError('--depth and --by-component: choose one');
  return { depth: flags.depth === undefined ? undefined : Number(flags.depth), byComponent: flags.byComponent ?? false, external: flags.external ?? false };
}

/** A line for standard error for each `--fail-on-*` gate that finds something (exit 1 when any does). */
function gateFailures(result: AnalysisResult, flags: AnalyzeFlags): string[] {
  const failures: string[] = [];
  const { privateImports, cycles } = result.summary;
  if (flags.failOnPrivateImport && privateImports > 0) failures.push(`--fail-on-private-import: ${privateImports} private import${privateImports === 1 ? '' : 's'}`);
  if (flags.failOnCycle && cycles > 0) failures.push(`--fail-on-cycle: ${cycles} import cycle${cycles === 1 ? '' : 's'} (largest: ${result.summary.largestCycle} modules)`);
  return failures.map((f) => `pyseam: ${f}\n`);
}
