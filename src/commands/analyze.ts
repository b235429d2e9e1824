import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { collapseGraph, type CollapseOptions } from '../graph/collapse-graph.js';
import type { PictureResult } from '../picture-result.js';
import { renderDot } from '../report/dot.js';
import { jsonPieces } from '../report/json.js';
import { FORMATS, render, type Format } from '../report/index.js';
import { renderMermaid } from '../report/mermaid.js';
import type { AnalysisResult } from '../result.js';
import { gateOnBaseline } from './baseline.js';
import { gateOnChangedSince, mergeBase } from './changed-since.js';
import { addAnalysisOptions, loadAnalysis, useColor, writeReport, type AnalysisFlags, type Io, type ReportText } from './shared.js';

/** Graph pictures: rendered from the collapsed graph, not from the result, so they live outside the reporter registry. */
const PICTURES = { dot: renderDot, mermaid: renderMermaid } satisfies Record<string, (picture: PictureResult) => string>;
type PictureFormat = keyof typeof PICTURES;
const isPicture = (format: string): format is PictureFormat => Object.hasOwn(PICTURES, format);

interface AnalyzeFlags extends AnalysisFlags {
  format: Format | PictureFormat;
  output?: string;
  failOnPrivateImport?: boolean;
  failOnCycle?: boolean;
  baseline?: string;
  changedSince?: string;
  depth?: string;
  byComponent?: boolean;
  external?: boolean;
}

/** `pyseam analyze [PATH]`: the import graph, cycles and private imports, as a report or as a graph picture (DOT, Mermaid). */
export function registerAnalyze(program: Command, io: Io, setStatus: (status: number) => void): void {
  addAnalysisOptions(program.command('analyze')
    .description('Parse every Python file under PATH, build the module import graph, and report import cycles and private imports.'))
    .addOption(new Option('--format <format>', 'report format (dot and mermaid: graph pictures)').choices([...FORMATS, ...Object.keys(PICTURES)]).default('text'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--fail-on-private-import', 'exit 1 when any private import is found')
    .option('--fail-on-cycle', 'exit 1 when any import cycle is found')
    .option('--baseline <file>', 'a baseline written by `pyseam baseline`: the --fail-on-* gates fail only on what is not in it; what was fixed since is reported')
    .option('--changed-since <ref>', 'pre-merge mode (git): the --fail-on-* gates fail only on what changed since the merge base of HEAD with REF (new private imports, new or grown cycles); the base is analyzed in full')
    .option('--depth <n>', 'dot/mermaid: collapse modules to their first N name segments (a.b.c.d at 2 is a.b)')
    .option('--by-component', 'dot/mermaid: one node per component (each module\'s owner)')
    .option('--external', 'dot/mermaid: draw external packages too')
    .action(async (path: string, flags: AnalyzeFlags) => {
      const picture = pictureOptions(flags);
      if (flags.baseline && flags.changedSince) throw new UsageError('--baseline and --changed-since: choose one');
      const base = flags.changedSince ? mergeBase(path, flags.changedSince) : undefined;
      const { result } = await loadAnalysis(path, flags, io);
      const text: ReportText = isPicture(flags.format) ? PICTURES[flags.format](collapseGraph(result, picture))
        : flags.format === 'json' ? jsonPieces(result) : render(flags.format, result, { color: useColor(flags.output) });
      const gated = flags.baseline ? gateOnBaseline(flags.baseline, result, flags, text, io) : base ? await gateOnChangedSince(base, path, flags, result, text, io) : undefined;
      writeReport(gated?.text ?? text, flags.output, io);
      setStatus(gated?.status ?? gate(result, flags, io));
    });
}

/** The collapse asked for. @throws UsageError for a depth that is not a positive integer, `--depth` with `--by-component`, or a picture flag with a format that is not a picture. */
function pictureOptions(flags: AnalyzeFlags): CollapseOptions {
  const given = [flags.depth !== undefined && '--depth', flags.byComponent && '--by-component', flags.external && '--external'].filter(Boolean);
  if (given.length && !isPicture(flags.format)) throw new UsageError(`${given[0]}: only for --format ${Object.keys(PICTURES).join(' or ')}, got --format ${flags.format}`);
  if (flags.depth !== undefined && !/^[1-9][0-9]*$/.test(flags.depth)) throw new UsageError(`--depth '${flags.depth}': expected a positive integer`);
  if (flags.depth !== undefined && flags.byComponent) throw new UsageError('--depth and --by-component: choose one');
  return { depth: flags.depth === undefined ? undefined : Number(flags.depth), byComponent: flags.byComponent ?? false, external: flags.external ?? false };
}

/** Exit 1 with a line on standard error for each `--fail-on-*` gate that finds something. */
function gate(result: AnalysisResult, flags: AnalyzeFlags, io: Io): number {
  const failures: string[] = [];
  const { privateImports, cycles } = result.summary;
  if (flags.failOnPrivateImport && privateImports > 0) failures.push(`--fail-on-private-import: ${privateImports} private import${privateImports === 1 ? '' : 's'}`);
  if (flags.failOnCycle && cycles > 0) failures.push(`--fail-on-cycle: ${cycles} import cycle${cycles === 1 ? '' : 's'} (largest: ${result.summary.largestCycle} modules)`);
  for (const f of failures) io.err(`pyseam: ${f}\n`);
  return failures.length ? 1 : 0;
}
