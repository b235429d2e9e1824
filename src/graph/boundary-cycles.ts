import type { BoundaryCycles, CutSite } from '../extraction-result.js';
import type { AnalysisResult, HopRecord, SiteRecord } from '../result.js';
import { eadesLinSmyth, type WeightedEdge } from './feedback-arc-set.js';
import { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { cmp } from './module-table.js';

const KEEP = 1e9;

type Adjacency = Map<string, Map<string, SiteRecord[]>>;

function adjacency(result: AnalysisResult, without: ReadonlySet<string> = new Set()): Adjacency {
  const adj: Adjacency = new Map(result.modules.map((m) => [m.name, new Map()]));
  for (const e of result.edges) {
    if (e.external || e.from === e.to) continue;
    const sites = e.sites.filter((s) => !without.has(siteKey(e.from, e.to, s)));
    if (sites.length) adj.get(e.from)?.set(e.to, sites);
  }
  return adj;
}

const siteKey = (from: string, to: string, s: { file: string; line: number; column: number }) => `${from}\0${to}\0${s.file}\0${s.line}\0${s.column}`;

/** Strongly connected components of more than one module (graphology-components), largest first. */
function sccs(adj: Adjacency): string[][] {
  const graph = new DirectedGraph();
  for (const node of adj.keys()) graph.addNode(node);
  for (const [from, targets] of adj) for (const to of targets.keys()) graph.addDirectedEdge(from, to);
  return stronglyConnectedComponents(graph)
    .filter((c) => c.length > 1)
    .map((c) => c.sort(cmp))
    .sort((a, b) => b.length - a.length || cmp(a[0], b[0]));
}

/** Shortest path by BFS from `start` to the first node satisfying `goal`, within `members`. */
function bfs(adj: Adjacency, start: string, goal: (n: string) => boolean, members: Set<string>): string[] | null {
  const parent = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const next of [...adj.get(queue[head])!.keys()].sort(cmp)) {
      if (!members.has(next) || parent.has(next)) continue;
      parent.set(next, queue[head]);
      if (goal(next)) {
        const path = [next];
        while (path[0] !== start) path.unshift(parent.get(path[0])!);
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}

function hops(adj: Adjacency, chain: string[]): HopRecord[] {
  return chain.slice(0, -1).map((from, i) => {
    const s = adj.get(from)!.get(chain[i + 1])![0];
    return { from, to: chain[i + 1], file: s.file, line: s.line, column: s.column, typeChecking: s.typeChecking, lazy: s.lazy, conditional: s.conditional, dynamic: s.dynamic };
  });
}

const crossing = (inside: ReadonlySet<string>) => (comp: string[]) => comp.some((m) => inside.has(m)) && comp.some((m) => !inside.has(m));

/**
 * The strongly connected components that hold modules on both sides of a boundary, each with
 * a shortest cycle out of the component and back, and a small set of import sites whose
 * removal breaks every such cycle: the Eades-Lin-Smyth feedback arc set of the crossing
 * edges (weighted by sites; same-side edges are kept, they do not need to go), or, when
 * that is larger or leaves a cycle, every crossing edge of one direction. The effect is
 * computed by removing the suggested sites and finding the components again, not estimated.
 *
 * @param inside the modules of the component being extracted.
 */
export function findBoundaryCycles(result: AnalysisResult, inside: ReadonlySet<string>): BoundaryCycles {
  const adj = adjacency(result);
  const all = sccs(adj);
  const across = all.filter(crossing(inside));
  const cycles = across.map((comp) => {
    const members = new Set(comp);
    const start = comp.find((m) => inside.has(m))!;
    const out = bfs(adj, start, (n) => !inside.has(n), members)!;
    const back = bfs(adj, out[out.length - 1], (n) => n === start, members)!;
    return { inside: comp.filter((m) => inside.has(m)), outside: comp.filter((m) => !inside.has(m)), example: hops(adj, [...out, ...back.slice(1)]) };
  });
  const before = { boundaryCyclesBefore: across.length, cyclesBefore: all.length };
  if (across.length === 0) return { cycles, cut: [], strategy: 'none', effect: { ...before, boundaryCyclesAfter: 0, cyclesAfter: all.length } };

  const elsCut: WeightedEdge[] = [];
  const crossingEdges: WeightedEdge[] = [];
  const crosses = (e: { from: string; to: string }) => inside.has(e.from) !== inside.has(e.to);
  for (const comp of across) {
    const members = new Set(comp);
    const edges: WeightedEdge[] = [];
    for (const from of comp) {
      for (const [to, sites] of adj.get(from)!) {
        if (!members.has(to)) continue;
        // Same-side edges need not go: weigh them out of the heuristic's choice.
        edges.push({ from, to, weight: crosses({ from, to }) ? sites.length : KEEP });
        if (crosses({ from, to })) crossingEdges.push({ from, to, weight: sites.length });
      }
    }
    elsCut.push(...eadesLinSmyth(comp, edges).filter(crosses));
  }
  const candidates: { strategy: BoundaryCycles['strategy']; cut: CutSite[] }[] = [
    { strategy: 'eades-lin-smyth', cut: sitesOf(adj, elsCut) },
    { strategy: 'all-inbound', cut: sitesOf(adj, crossingEdges.filter((e) => inside.has(e.to))) },
    { strategy: 'all-outbound', cut: sitesOf(adj, crossingEdges.filter((e) => inside.has(e.from))) },
  ];

  let best: (typeof candidates)[number] & { after: string[][] } | null = null;
  for (const c of candidates) {
    const after = sccs(adjacency(result, new Set(c.cut.map((s) => siteKey(s.from, s.to, s)))));
    const valid = !after.some(crossing(inside));
    if (valid && (!best || c.cut.length < best.cut.length)) best = { ...c, after };
  }
  const chosen = best!; // cutting every crossing edge of one direction always leaves no cycle across
  return {
    cycles,
    cut: chosen.cut,
    strategy: chosen.strategy,
    effect: { ...before, boundaryCyclesAfter: chosen.after.filter(crossing(inside)).length, cyclesAfter: chosen.after.length },
  };
}

function sitesOf(adj: Adjacency, edges: WeightedEdge[]): CutSite[] {
  const out: CutSite[] = [];
  for (const e of edges) for (const s of adj.get(e.from)!.get(e.to)!) out.push({ from: e.from, to: e.to, file: s.file, line: s.line, column: s.column });
  return out.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.to, b.to));
}
