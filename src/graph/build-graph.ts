import { DirectedGraph } from 'graphology';
import type { SiteRecord } from '../result.js';
import { cmp } from './module-table.js';
import type { SiteInContext } from './private-imports.js';

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
  const raw = site.site.raw;
  return (filter.includeTypeChecking || !raw.typeChecking) && (filter.includeLazy || !raw.lazy) && (filter.includeDynamic || !raw.dynamic);
}

/** The plain site record of a resolved site. */
export function toSiteRecord({ file, site }: SiteInContext): SiteRecord {
  const { raw } = site;
  return {
    file, line: raw.line, column: raw.column, target: site.target, names: site.names,
    typeChecking: raw.typeChecking, conditional: raw.conditional, lazy: raw.lazy, dynamic: raw.dynamic, unresolved: site.unresolved,
  };
}

/**
 * The internal import graph: a graphology directed graph whose nodes are the internal
 * module names and whose edges (one per importer and target, self-loops kept) carry
 * every site. The graph is an internal index of the analyses; the result holds plain records.
 *
 * @param modules every internal module name (nodes exist even without edges).
 * @param sites internal sites already filtered.
 */
export function buildGraph(modules: Iterable<string>, sites: readonly SiteInContext[]): DirectedGraph<Record<string, never>, EdgeAttributes> {
  const graph = new DirectedGraph<Record<string, never>, EdgeAttributes>({ allowSelfLoops: true });
  for (const m of modules) graph.addNode(m);
  for (const s of sites) {
    const record = toSiteRecord(s);
    const edge = graph.edge(s.importer, s.site.to);
    if (edge === undefined) graph.addDirectedEdge(s.importer, s.site.to, { sites: [record] });
    else graph.getEdgeAttributes(edge).sites.push(record);
  }
  graph.forEachEdge((_edge, attributes) => attributes.sites.sort(compareSites));
  return graph;
}

/** Site order in every edge and report: file, line, column, then target. */
export function compareSites(a: SiteRecord, b: SiteRecord): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.target, b.target);
}
