import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { graphFromResult } from '../graph/graph-from-result.js';
import { reach } from '../graph/queries/reach.js';
import { shortestChain } from '../graph/queries/shortest-chain.js';
import { suggestModules } from '../graph/queries/suggest-modules.js';
import type { QueryFilters } from '../query-result.js';
import { QUERY_FORMATS, renderQuery, type QueryFormat } from '../report/query-report.js';
import type { AnalysisResult } from '../result.js';
import { addAnalysisOptions, loadAnalysis, useColor, writeReport, type AnalysisFlags, type Io } from './shared.js';

interface QueryFlags extends AnalysisFlags {
  format: QueryFormat;
  output?: string;
  asPackage?: boolean;
  depth?: string;
  external?: boolean;
}

const WHY_STATUS = `
For why, the exit status tells whether a chain exists, as grep does: 0 a chain was found,
1 no chain leads from A to B (a script can test it), 2 a usage error (A or B not a module).`;

/** `pyseam why A B`, `pyseam deps M`, `pyseam rdeps M`: questions asked of the internal import graph. */
export function registerQueries(program: Command, io: Io, setStatus: (status: number) => void): void {
  withQueryOptions(program.command('why')
    .description('Show a shortest import chain from module A to module B, with the file, line and column of every import.')
    .argument('<a>', 'the importing module').argument('<b>', 'the imported module'))
    .addHelpText('after', WHY_STATUS)
    .action(async (a: string, b: string, path: string, flags: QueryFlags) => {
      const { result } = await loadAnalysis(path, flags, io);
      const graph = graphFromResult(result);
      for (const [arg, name] of [['A', a], ['B', b]]) checkModule(result, name, arg);
      let why;
      try {
        why = shortestChain(graph, a, b, { asPackage: flags.asPackage ?? false, filters: filtersOf(result, flags) });
      } catch (error) {
        throw new UsageError(`--as-package: ${(error as Error).message}`);
      }
      writeReport(renderQuery(flags.format, why, { color: useColor(flags.output) }), flags.output, io);
      setStatus(why.chain === null ? 1 : 0);
    });

  for (const query of ['deps', 'rdeps'] as const) {
    const command = withQueryOptions(program.command(query)
      .description(query === 'deps'
        ? 'List the modules M imports, directly or through others (grimp\'s upstream modules), by distance.'
        : 'List the modules that import M, directly or through others (grimp\'s downstream modules), by distance.')
      .argument('<m>', 'the module'))
      .option('--depth <n>', 'only modules at most N imports away (default: unlimited)');
    if (query === 'deps') command.option('--external', 'also list the external packages reached (each one step after its importer)');
    command.action(async (m: string, path: string, flags: QueryFlags) => {
      const maxDepth = parseDepth(flags.depth);
      const { result } = await loadAnalysis(path, flags, io);
      checkModule(result, m, 'M');
      const externalImports = flags.external ? externalImportsOf(result) : undefined;
      const found = reach(graphFromResult(result), m, { query, asPackage: flags.asPackage ?? false, maxDepth, externalImports, filters: filtersOf(result, flags) });
      writeReport(renderQuery(flags.format, found, { color: useColor(flags.output) }), flags.output, io);
    });
  }
}

function withQueryOptions(command: Command): Command {
  return addAnalysisOptions(command)
    .addOption(new Option('--format <format>', 'output format').choices(QUERY_FORMATS).default('text'))
    .option('--output <file>', 'write the answer to a file instead of standard output')
    .option('--as-package', 'a module stands for itself and every module under it (grimp\'s as_package)');
}

/** @throws UsageError (exit 2) naming close module names when `name` is not an internal module. */
function checkModule(result: AnalysisResult, name: string, arg: string): void {
  if (result.modules.some((m) => m.name === name)) return;
  const external = result.externalPackages.some((p) => p.name === name) ? ` (${name} is an external package; queries follow internal modules)` : '';
  const close = suggestModules(name, result.modules.map((m) => m.name));
  const hint = close.length ? `; did you mean ${close.join(', ')}?` : '';
  throw new UsageError(`${arg}: no module ${name} in the analyzed tree${external}${hint}`);
}

/** @throws UsageError unless `--depth` is a positive integer. */
function parseDepth(depth: string | undefined): number | undefined {
  if (depth === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(depth)) throw new UsageError(`--depth '${depth}': expected a positive whole number`);
  return Number(depth);
}

function filtersOf(result: AnalysisResult, flags: QueryFlags): QueryFilters {
  const { includeTypeChecking, includeLazy, includeDynamic } = result.options;
  return { includeTypeChecking, includeLazy, includeDynamic, implicit: flags.implicit ?? false };
}

function externalImportsOf(result: AnalysisResult): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of result.edges) if (e.external) map.set(e.from, [...(map.get(e.from) ?? []), e.to]);
  return map;
}
