import { Option, type Command } from 'commander';
import { FORMATS, type Format } from '../report/formats.js';
import { addAnalysisOptions, type AnalysisFlags, type Io } from './options.js';

/** Graph pictures (DOT, Mermaid): rendered from the collapsed graph by analyze-run.ts, outside the reporter registry. */
export const PICTURE_FORMATS = ['dot', 'mermaid'] as const;
export type PictureFormat = (typeof PICTURE_FORMATS)[number];

export interface AnalyzeFlags extends AnalysisFlags {
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

/**
 * `pyseam analyze [PATH]`: the import graph, cycles and private imports, as a report or as a graph picture (DOT, Mermaid).
 * The analysis, the reporters and the gates (analyze-run.ts) are loaded only when the command runs.
 */
export function registerAnalyze(program: Command, io: Io, setStatus: (status: number) => void): void {
  addAnalysisOptions(program.command('analyze')
    .description('Parse every Python file under PATH, build the module import graph, and report import cycles and private imports.'))
    .addOption(new Option('--format <format>', 'report format (dot and mermaid: graph pictures)').choices([...FORMATS, ...PICTURE_FORMATS]).default('text'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--fail-on-private-import', 'exit 1 when any private import is found')
    .option('--fail-on-cycle', 'exit 1 when any import cycle is found')
    .option('--baseline <file>', 'a baseline written by `pyseam baseline`: the --fail-on-* gates fail only on what is not in it; what was fixed since is reported')
    .option('--changed-since <ref>', 'pre-merge mode (git): the --fail-on-* gates fail only on what changed since the merge base of HEAD with REF (new private imports, new or grown cycles); the base is analyzed in full')
    .option('--depth <n>', 'dot/mermaid: collapse modules to their first N name segments (a.b.c.d at 2 is a.b)')
    .option('--by-component', 'dot/mermaid: one node per component (each module\'s owner)')
    .option('--external', 'dot/mermaid: draw external packages too')
    .action(async (path: string, flags: AnalyzeFlags) => {
      const { runAnalyze } = await import('./analyze-run.js');
      await runAnalyze(path, flags, io, setStatus);
    });
}
