/**
 * The runs of `pyseam why`, `deps` and `rdeps` (queries.ts registers them and loads this when
 * one runs): the analysis, its graph as graphology holds it, and the answer.
 */
import { UsageError } from '../errors.js';
import { graphFromResult } from '../graph/graph-from-result.js';
import { reach } from '../graph/queries/reach.js';
import { shortestChain } from '../graph/queries/shortest-chain.js';
import { suggestModules } from '../graph/queries/suggest-modules.js';
import type { QueryFilters } from '../query-result.js';
import { renderQuery } from '../report/query-report.js';
import type { AnalysisResult } from '../result.js';
import type { Io } from './options.js';
import type { QueryFlags } from './queries.js';
import { loadAnalysis, useColor, writeReport } from './shared.js';

/**
 * `why A B`: writes a shortest chain from A to B; `setStatus` gets 0 when there is one, 1 when there is none.
 *
 * @throws UsageError (exit 2) when A or B is not an internal module, for a bad `--as-package`, and as `loadAnalysis`.
 */
export async function runWhy(a: string, b: string, path: string, flags: QueryFlags, io: Io, setStatus: (status: number) => void): Promise<void> {
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
}

/**
 * `deps M` or `rdeps M`: writes the modules M reaches, or that reach M, by distance.
 *
 * @throws UsageError (exit 2) for a bad `--depth`, when M is not an internal module, and as `loadAnalysis`.
 */
export async function runReach(query: 'deps' | 'rdeps', m: string, path: string, flags: QueryFlags, io: Io): Promise<void> {
  const maxDepth = parseDepth(flags.depth);
  const { result } = await loadAnalysis(path, flags, io);
  checkModule(result, m, 'M');
  const externalImports = flags.external ? externalImportsOf(result) : undefined;
  const found = reach(graphFromResult(result), m, { query, asPackage: flags.asPackage ?? false, maxDepth, externalImports, filters: filtersOf(result, flags) });
  writeReport(renderQuery(flags.format, found, { color: useColor(flags.output) }), flags.output, io);
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
