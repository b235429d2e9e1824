/**
 * The graph stage of an analysis (analyze.ts): each file's outcome `add`ed in the order of the jobs
 * (imports resolved on the way), then `finish`: the graph, the analyses and the result. Loaded only
 * when there are facts to add: a run whose report is replayed needs none of it.
 */
import { keptSites, takeSites } from './graph/build-graph.js';
import { findCycles } from './graph/find-cycles.js';
import { withImplicitEdges } from './graph/implicit-edges.js';
import type { ModuleTable } from './graph/module-table.js';
import { externalOwner, ownerOf } from './graph/owners.js';
import { findPrivateImports, type PrivateImportOptions } from './graph/private-imports.js';
import { Resolver } from './graph/resolve.js';
import { SiteTable } from './graph/site-table.js';
import { isStdlib } from './graph/stdlib.js';
import { applySuppressions, type FileSuppression } from './graph/suppressions.js';
import type { FactsJob, FileOutcome } from './parse/read-facts.js';
import { collectNow } from './parse/tree-memory.js';
import type { Discovery } from './parse/types.js';
import { readApiSource } from './api-source.js';
import type { AnalyzeOptions, ProgressEvent } from './analyze.js';
import { assembleResult } from './assemble-result.js';
import type { AnalysisResult, DynamicImportRecord, ExportRecord, ProblemRecord, SkippedRecord } from './result.js';

/** What the graph stage works on: discovery's output, the module table, and the jobs (one per parsed file, in `table.parsed`'s order). */
export interface AnalysisStart {
  discovery: Discovery;
  table: ModuleTable;
  jobs: FactsJob[];
}

/**
 * The graph stage over `start`: `add` each job's outcome in order, `factsDone` when all are in
 * (what only resolution needed is let go of, before a forced collection if any), then `finish`.
 *
 * @throws Error from `finish` when fewer outcomes than jobs were added (a bug).
 */
export function graphStage(options: AnalyzeOptions, { discovery, table, jobs }: AnalysisStart, onProgress?: (event: ProgressEvent) => void): {
  add: (facts: FileOutcome) => void; factsDone: () => void; finish: () => AnalysisResult;
} {
  const skipped: SkippedRecord[] = discovery.skipped.map((s) => ({ file: s.path, reason: s.reason }));
  const parseErrors: ProblemRecord[] = [];
  const importErrors: ProblemRecord[] = [];
  const dynamicImports: DynamicImportRecord[] = [];
  let sites = new SiteTable();
  const allOf = new Map<string, string[] | null>();
  const exports: ExportRecord[] = [];
  const suppressions: FileSuppression[] = [];
  let added = 0;
  // Made with the first facts (a replayed run has none); what it remembers is let go of when the facts are all in (`factsDone`).
  let resolver: Resolver | null = null;

  const add = (facts: FileOutcome): void => {
    const { file, module } = table.parsed[added++];
    if ('skipped' in facts) return void skipped.push({ file: file.path, reason: facts.skipped });
    allOf.set(module.name, facts.all);
    for (const e of facts.exports) exports.push({ module: module.name, ...e, file: file.path });
    for (const e of facts.syntaxErrors) parseErrors.push({ file: file.path, ...e });
    for (const s of facts.suppressions) suppressions.push({ file: file.path, ...s });
    for (const d of facts.nonLiteralDynamic) dynamicImports.push({ importer: module.name, file: file.path, ...d });
    for (const raw of facts.imports) {
      const resolved = (resolver ??= new Resolver(table.modules)).resolve(raw, module);
      if ('message' in resolved) importErrors.push({ file: file.path, line: raw.line, column: raw.column, message: resolved.message });
      else for (const site of resolved) sites.add(module.name, file.path, site);
    }
  };

  /** Every file's facts are in: what only resolution needed is let go of (before a forced collection, if any). */
  const factsDone = (): void => {
    resolver = null;
  };

  const finish = (): AnalysisResult => {
    if (added !== jobs.length) throw new Error(`analysis finished with ${added} of ${jobs.length} files' facts`);
    factsDone();
    for (const source of options.apiSources ?? []) exports.push(...readApiSource(source, options.exportDecorators ?? []));

    onProgress?.({ stage: 'graph' });
    const kept = keptSites(sites, options);
    const components = options.components ?? [];
    const ownership = new Map([...table.modules.values()].map((m) => [m.name, ownerOf(m, discovery.distributions, components)]));
    const owners = new Map([...ownership].map(([name, o]) => [name, o.owner]));
    const presets = options.presets ?? [];
    const privacyRules: PrivateImportOptions = {
      private: options.private,
      public: options.public,
      external: { private: presets.flatMap((p) => p.private), public: presets.flatMap((p) => p.public) },
      allOf: (module) => allOf.get(module),
      checkStdlib: options.checkStdlib,
      isStdlib,
      ownerOfImporter: (importer) => owners.get(importer)!,
      ownerOfTarget: (site) => (site.external ? externalOwner(site.target, components) : owners.get(site.to)!),
    };
    const found = findPrivateImports(sites, privacyRules, kept);
    // Staleness is judged before the --no-* filters: filtering a site out does not make its suppression stale.
    const all = suppressions.length > 0 && kept.length < sites.length ? findPrivateImports(sites, privacyRules) : found;
    const { privateImports, suppressed, problems: suppressionProblems } = applySuppressions(found, suppressions, { requireReason: options.suppressionReason ?? true, all });

    // From here the sites live only in the graph's edges: the table's other columns are let go of.
    const { graph: explicit, external: externalEdges } = takeSites(table.modules.keys(), sites, kept);
    const siteCount = sites.length;
    sites = new SiteTable();
    // The table is garbage now, and the result is about to be built beside the graph: on a large
    // repository a full collection first lets the result reuse the table's memory rather than add
    // to it (100k synthetic modules, 1.47M sites: peak RSS 1,475 MiB without, 1,314 MiB with, for 0.5 s).
    if (siteCount >= COLLECT_AT_SITES) collectNow();
    const graph = options.implicit ? withImplicitEdges(explicit, table.modules) : explicit;

    onProgress?.({ stage: 'analyze' });
    const result = assembleResult({
      options, discovery, table, owners, ownership, graph, externalEdges, allOf, exports,
      cycles: findCycles(graph),
      privateImports, suppressed, suppressionProblems, parseErrors, importErrors, skipped, dynamicImports,
    });
    return result;
  };

  return { add, factsDone, finish };
}

/** Sites from which the graph stage collects garbage before it assembles the result: about a fifth of the 100k-module monorepo's. */
const COLLECT_AT_SITES = 300_000;
