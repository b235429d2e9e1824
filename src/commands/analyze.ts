import { Option, type Command } from 'commander';
import { FORMATS, render, type Format } from '../report/index.js';
import type { AnalysisResult } from '../result.js';
import { addAnalysisOptions, loadAnalysis, useColor, writeReport, type AnalysisFlags, type Io } from './shared.js';

interface AnalyzeFlags extends AnalysisFlags {
  format: Format;
  output?: string;
  failOnPrivateImport?: boolean;
  failOnCycle?: boolean;
}

/** `pyseam analyze [PATH]`: the import graph, cycles and private imports, as text or JSON. */
export function registerAnalyze(program: Command, io: Io, setStatus: (status: number) => void): void {
  addAnalysisOptions(program.command('analyze')
    .description('Parse every Python file under PATH, build the module import graph, and report import cycles and private imports.'))
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('text'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--fail-on-private-import', 'exit 1 when any private import is found')
    .option('--fail-on-cycle', 'exit 1 when any import cycle is found')
    .action((path: string, flags: AnalyzeFlags) => {
      const { result } = loadAnalysis(path, flags, io);
      writeReport(render(flags.format, result, { color: useColor(flags.output) }), flags.output, io);
      setStatus(gate(result, flags, io));
    });
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
