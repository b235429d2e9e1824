// Builds query graphs by hand: `edges('a>b:1', 'b>c:2:lazy')` is a -> b at line 1, b -> c at line 2 (lazy).
import { DirectedGraph } from 'graphology';
import type { SiteRecord } from '../../../src/result.js';

export function site(from: string, to: string, line: number, facts: Partial<SiteRecord> = {}): SiteRecord {
  return { file: `${from}.py`, line, column: 1, target: to, names: [], typeChecking: false, conditional: false, lazy: false, dynamic: false, unresolved: false, ...facts };
}

/** `from>to:line[:lazy|:tc|:implicit]`, several sites of one edge allowed; `nodes` adds modules without edges. */
export function graphOf(specs: string[], nodes: string[] = []): DirectedGraph<Record<string, never>, { sites: SiteRecord[] }> {
  const graph = new DirectedGraph<Record<string, never>, { sites: SiteRecord[] }>({ allowSelfLoops: true });
  for (const n of nodes) graph.mergeNode(n);
  for (const spec of specs) {
    const [pair, line, ...flags] = spec.split(':');
    const [from, to] = pair.split('>');
    const s = site(from, to, Number(line), { lazy: flags.includes('lazy'), typeChecking: flags.includes('tc'), ...(flags.includes('implicit') ? { implicit: true } : {}) });
    graph.mergeNode(from);
    graph.mergeNode(to);
    if (graph.hasEdge(from, to)) graph.getEdgeAttributes(from, to).sites.push(s);
    else graph.addDirectedEdge(from, to, { sites: [s] });
  }
  return graph;
}

export const FILTERS = { includeTypeChecking: true, includeLazy: true, includeDynamic: true, implicit: false };
