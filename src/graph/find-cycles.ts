import type { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import type { CycleRecord, HopRecord } from '../result.js';
import type { EdgeAttributes } from './build-graph.js';
import { cmp } from './module-table.js';

/**
 * The import cycles of the internal graph: its strongly connected components of more
 * than one module (a self-import never forms a cycle), largest first, then by first module.
 * Each carries one shortest example cycle through its smallest module (by name): a
 * breadth-first search over the component's edges, neighbours taken in name order so the
 * answer is deterministic; every hop gives the first kept site of its edge.
 */
export function findCycles(graph: DirectedGraph<Record<string, never>, EdgeAttributes>): CycleRecord[] {
  const cycles: CycleRecord[] = [];
  for (const component of stronglyConnectedComponents(graph)) {
    if (component.length < 2) continue;
    const modules = [...component].sort(cmp);
    cycles.push({ modules, example: shortestCycle(graph, modules[0], new Set(modules)) });
  }
  return cycles.sort((a, b) => b.modules.length - a.modules.length || cmp(a.modules[0], b.modules[0]));
}

function shortestCycle(graph: DirectedGraph<Record<string, never>, EdgeAttributes>, start: string, members: Set<string>): HopRecord[] {
  const parent = new Map<string, string>();
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const next of graph.outNeighbors(node).sort(cmp)) {
      if (!members.has(next) || next === node) continue;
      if (next === start) return path(graph, parent, start, node);
      if (parent.has(next)) continue;
      parent.set(next, node);
      queue.push(next);
    }
  }
  throw new Error(`no cycle through ${start}: not a strongly connected component`);
}

function path(graph: DirectedGraph<Record<string, never>, EdgeAttributes>, parent: Map<string, string>, start: string, last: string): HopRecord[] {
  const chain = [last];
  while (chain[0] !== start) chain.unshift(parent.get(chain[0])!);
  chain.push(start);
  const hops: HopRecord[] = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const site = graph.getEdgeAttributes(chain[i], chain[i + 1]).sites[0];
    hops.push({ from: chain[i], to: chain[i + 1], file: site.file, line: site.line, column: site.column });
  }
  return hops;
}
