import { DirectedGraph } from 'graphology';
import type { ComponentCycle, ComponentDependency } from '../../check-result.js';
import type { AnalysisResult } from '../../result.js';
import { cmp } from '../module-table.js';
import { stronglyConnectedOfGraph } from '../strongly-connected.js';
import { hopOf, type ChainIndex } from './find-chains.js';

/**
 * An acyclic contract, after import-linter's `acyclic_siblings` and tach's cycle check, on
 * components (each module's `owner` in the result): the component graph (an edge A -> B
 * when a module of A imports a module of B) must have no cycle through two of the listed
 * components. Cycles are its strongly connected components (strongly-connected.ts); one
 * that holds two or more listed components is broken, also when the cycle passes through
 * components the contract does not list. Each comes with an example cycle, made of the
 * shortest path from its first listed component to its second and back (breadth-first, names
 * in order), and every dependency inside it with its first module edge, file and line.
 *
 * @param components the listed components (validateContracts checks that they exist).
 */
export function checkAcyclic(result: AnalysisResult, index: ChainIndex, components: readonly string[]): ComponentCycle[] {
  const owner = new Map(result.modules.map((m) => [m.name, m.owner]));
  const graph = new DirectedGraph<Record<string, never>, { pairs: [string, string][] }>();
  for (const c of result.components) graph.mergeNode(c.name);
  for (const [from, targets] of index.out) {
    for (const to of targets) {
      const a = owner.get(from)!;
      const b = owner.get(to)!;
      if (a === b) continue;
      graph.mergeNode(a);
      graph.mergeNode(b);
      if (!graph.hasEdge(a, b)) graph.addDirectedEdge(a, b, { pairs: [] });
      graph.getEdgeAttributes(a, b).pairs.push([from, to]);
    }
  }
  const listed = new Set(components);
  const dependency = (from: string, to: string): ComponentDependency => {
    const pairs = [...graph.getEdgeAttributes(from, to).pairs].sort((x, y) => cmp(x[0], y[0]) || cmp(x[1], y[1]));
    const sites = pairs.reduce((n, [f, t]) => n + (index.sites.get(`${f}\u0000${t}`)?.length ?? 0), 0);
    return { from, to, edges: pairs.length, sites, hop: hopOf(index, pairs[0][0], pairs[0][1]) };
  };
  const cycles: ComponentCycle[] = [];
  for (const scc of stronglyConnectedOfGraph(graph)) {
    const members = scc.sort(cmp);
    const inside = members.filter((c) => listed.has(c));
    if (inside.length < 2) continue;
    const within = new Set(members);
    const path = [...shortestPath(graph, inside[0], inside[1], within), ...shortestPath(graph, inside[1], inside[0], within).slice(1)];
    const dependencies = members.flatMap((a) => graph.outNeighbors(a).filter((b) => within.has(b)).sort(cmp).map((b) => dependency(a, b)));
    cycles.push({ components: members, listed: inside, example: path.slice(1).map((c, i) => dependency(path[i], c)), dependencies });
  }
  return cycles.sort((x, y) => cmp(x.components[0], y.components[0]));
}

/** Shortest path from `a` to `b` inside `within`, neighbours in name order: [a, ..., b]. */
function shortestPath(graph: DirectedGraph, a: string, b: string, within: Set<string>): string[] {
  const parent = new Map<string, string>([[a, a]]);
  const queue = [a];
  for (let head = 0; head < queue.length && !parent.has(b); head++) {
    for (const next of graph.outNeighbors(queue[head]).sort(cmp)) {
      if (!within.has(next) || parent.has(next)) continue;
      parent.set(next, queue[head]);
      queue.push(next);
    }
  }
  const path = [b];
  while (path[0] !== a) path.unshift(parent.get(path[0])!);
  return path;
}
