import { DirectedGraph } from 'graphology';
import type { AnalysisResult, SiteRecord } from '../result.js';

/**
 * The internal import graph of a finished analysis, rebuilt from its plain records: one node
 * per internal module (`result.modules`, including modules without edges), one directed edge
 * per internal `EdgeRecord` (importer -> target, self-loops kept) whose `sites` attribute is a
 * copy of the record's sites, so analyses may sort or filter it without touching the result.
 * External edges are left out (SEMANTICS.md "Graph": cycles and queries use internal edges).
 *
 * The result's edges are already filtered by `--no-type-checking`, `--no-lazy`, `--no-dynamic`,
 * and hold the implicit edges when the analysis ran with `--implicit`.
 *
 * @throws Error when an internal edge names a module the result does not list (a corrupt result).
 */
export function graphFromResult(result: AnalysisResult): DirectedGraph<Record<string, never>, { sites: SiteRecord[] }> {
  const graph = new DirectedGraph<Record<string, never>, { sites: SiteRecord[] }>({ allowSelfLoops: true });
  for (const m of result.modules) graph.mergeNode(m.name);
  for (const e of result.edges) {
    if (e.external) continue;
    if (!graph.hasNode(e.from) || !graph.hasNode(e.to)) throw new Error(`edge ${e.from} -> ${e.to} names a module the result does not list`);
    graph.addDirectedEdge(e.from, e.to, { sites: [...e.sites] });
  }
  return graph;
}
