import type { CycleRecord, HopRecord, SiteRecord } from '../result.js';
import type { EdgeAttributes } from './build-graph.js';
import { cmp } from './module-table.js';
import { stronglyConnectedOfGraph } from './strongly-connected.js';

/** What `findCycles` reads of a graph: an `ImportGraph` (build-graph.ts), or a graphology `DirectedGraph` with these edge attributes. */
export interface CycleGraph {
  nodes(): string[];
  forEachOutNeighbor(node: string, visit: (neighbor: string) => void): void;
  outNeighbors(node: string): string[];
  getEdgeAttributes(from: string, to: string): EdgeAttributes;
}

/**
 * The import cycles of the internal graph: its strongly connected components of more
 * than one module (a self-import never forms a cycle; found by the iterative Tarjan of
 * strongly-connected.ts), largest first, then by first module.
 * Each carries one shortest example cycle through its smallest module (by name): a
 * breadth-first search over the component's edges, neighbours taken in name order so the
 * answer is deterministic. The search first uses only eager edges (an edge with a site that
 * runs at import time: neither lazy nor type-checking), so the example shows a cycle that
 * really runs when one exists; every hop gives its edge's first eager site, else its first site.
 */
export function findCycles(graph: CycleGraph): CycleRecord[] {
  const cycles: CycleRecord[] = [];
  for (const component of stronglyConnectedOfGraph(graph, 2)) {
    const modules = component.sort(cmp);
    const members = new Set(modules);
    const example = shortestCycle(graph, modules[0], members, true) ?? shortestCycle(graph, modules[0], members, false);
    if (!example) throw new Error(`no cycle through ${modules[0]}: not a strongly connected component`);
    cycles.push({ modules, example });
  }
  return cycles.sort((a, b) => b.modules.length - a.modules.length || cmp(a.modules[0], b.modules[0]));
}

const isEager = (site: SiteRecord): boolean => !site.lazy && !site.typeChecking;

function shortestCycle(graph: CycleGraph, start: string, members: Set<string>, eagerOnly: boolean): HopRecord[] | null {
  const parent = new Map<string, string>();
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const next of graph.outNeighbors(node).sort(cmp)) {
      if (!members.has(next) || next === node) continue;
      if (eagerOnly && !graph.getEdgeAttributes(node, next).sites.some(isEager)) continue;
      if (next === start) return path(graph, parent, start, node);
      if (parent.has(next)) continue;
      parent.set(next, node);
      queue.push(next);
    }
  }
  return null;
}

function path(graph: CycleGraph, parent: Map<string, string>, start: string, last: string): HopRecord[] {
  const chain = [last];
  while (chain[chain.length - 1] !== start) chain.push(parent.get(chain[chain.length - 1])!);
  chain.reverse().push(start);
  const hops: HopRecord[] = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const { sites } = graph.getEdgeAttributes(chain[i], chain[i + 1]);
    const site = sites.find(isEager) ?? sites[0];
    hops.push({
      from: chain[i], to: chain[i + 1], file: site.file, line: site.line, column: site.column,
      typeChecking: site.typeChecking, lazy: site.lazy, conditional: site.conditional, dynamic: site.dynamic,
    });
  }
  return hops;
}
