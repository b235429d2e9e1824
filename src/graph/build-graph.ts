import type { EdgeRecord, SiteRecord } from '../result.js';
import { ImportGraph } from './import-graph.js';
import { cmp } from './module-table.js';
import type { SiteInContext } from './private-imports.js';
import { SiteTable } from './site-table.js';
import { isStdlib } from './stdlib.js';

/** Which sites the graph keeps (`--no-type-checking`, `--no-lazy`, `--no-dynamic`). */
export interface SiteFilter {
  includeTypeChecking: boolean;
  includeLazy: boolean;
  includeDynamic: boolean;
}

/** Edge attributes of the internal import graph: every kept site of that importer and target. */
export interface EdgeAttributes {
  sites: SiteRecord[];
}

/** Whether a site survives the filters: an edge stays while one of its sites stays (SEMANTICS.md "Graph"). */
export function keepSite(site: SiteInContext, filter: SiteFilter): boolean {
  const s = site.site;
  return (filter.includeTypeChecking || !s.typeChecking) && (filter.includeLazy || !s.lazy) && (filter.includeDynamic || !s.dynamic);
}

/** The indices of the sites of `table` that survive the filters (`keepSite`), in order. */
export function keptSites(table: SiteTable, filter: SiteFilter): number[] {
  const kept: number[] = [];
  const { records } = table;
  for (let i = 0; i < records.length; i++) {
    const s = records[i];
    if ((filter.includeTypeChecking || !s.typeChecking) && (filter.includeLazy || !s.lazy) && (filter.includeDynamic || !s.dynamic)) kept.push(i);
  }
  return kept;
}

/**
 * The internal import graph: an `ImportGraph` whose nodes are the internal module names and
 * whose edges (one per importer and target, self-loops kept) carry every site. The graph is an
 * internal index of the analyses; the result holds plain records.
 *
 * @param modules every internal module name (nodes exist even without edges).
 * @param sites internal sites already filtered.
 */
export function buildGraph(modules: Iterable<string>, sites: readonly SiteInContext[]): ImportGraph<EdgeAttributes> {
  return takeSites(modules, SiteTable.of(sites)).graph;
}

/**
 * `buildGraph` and the external edges, from the sites of `table` at `kept` (all when absent), in
 * one pass over the records the table already holds: no site is copied.
 *
 * @returns the graph of the internal sites, and one edge record per importer and external
 * top-level package (`externalKind` stdlib or third-party), in the order first seen, every
 * edge's sites in `compareSites` order.
 */
export function takeSites(modules: Iterable<string>, table: SiteTable, kept?: readonly number[]): { graph: ImportGraph<EdgeAttributes>; external: EdgeRecord[] } {
  const graph = new ImportGraph<EdgeAttributes>();
  for (const m of modules) graph.mergeNode(m);
  // By importer, then by target: no key string per site.
  const externalOf = new Map<string, Map<string, EdgeRecord>>();
  const external: EdgeRecord[] = [];
  const { records, importers, heads } = table;
  const count = kept ? kept.length : records.length;
  for (let k = 0; k < count; k++) {
    const i = kept ? kept[k] : k;
    const record = records[i];
    const importer = importers[i];
    const to = heads[i];
    if (table.external[i]) {
      let row = externalOf.get(importer);
      if (!row) externalOf.set(importer, (row = new Map()));
      let edge = row.get(to);
      if (!edge) {
        edge = { from: importer, to, external: true, externalKind: isStdlib(to) ? 'stdlib' : 'third-party', sites: [] };
        row.set(to, edge);
        external.push(edge);
      }
      edge.sites.push(record);
      continue;
    }
    const attributes = graph.findEdgeAttributes(importer, to);
    if (attributes) attributes.sites.push(record);
    else graph.addDirectedEdge(importer, to, { sites: [record] });
  }
  graph.forEachEdge((_edge, attributes) => attributes.sites.sort(compareSites));
  for (const edge of external) edge.sites.sort(compareSites);
  return { graph, external };
}

/** Site order in every edge and report: file, line, column, then target. */
export function compareSites(a: SiteRecord, b: SiteRecord): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.target, b.target);
}
