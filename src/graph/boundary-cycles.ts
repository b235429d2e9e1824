import type { BoundaryCycles, CutSite } from '../extraction-result.js';
import type { AnalysisResult, EdgeRecord, HopRecord, SiteRecord } from '../result.js';
import { eadesLinSmyth, type WeightedEdge } from './feedback-arc-set.js';
import { cmp } from './module-table.js';
import { stronglyConnectedOfEdges, stronglyConnectedOfMap } from './strongly-connected.js';

const KEEP = 1e9;

type Adjacency = Map<string, Map<string, SiteRecord[]>>;

const bySizeThenName = (a: string[], b: string[]) => b.length - a.length || cmp(a[0], b[0]);

/** The cycles of the whole internal graph: strongly connected components of more than one module, each sorted, largest first. */
function allCycles(result: AnalysisResult): string[][] {
  const edges = result.edges.filter((e) => !e.external && e.from !== e.to && e.sites.length > 0);
  return stronglyConnectedOfEdges(result.modules.map((m) => m.name), edges, 2)
    .map((c) => c.sort(cmp))
    .sort(bySizeThenName);
}

/** The internal edges inside each of `components`, in the order of `result.edges` (none between two of them: no cycle can use one). */
function edgesInside(result: AnalysisResult, components: readonly string[][]): EdgeRecord[] {
  const componentOf = new Map<string, number>();
  components.forEach((c, i) => c.forEach((m) => componentOf.set(m, i)));
  return result.edges.filter((e) => {
    const c = componentOf.get(e.from);
    return !e.external && e.from !== e.to && c !== undefined && componentOf.get(e.to) === c;
  });
}

/** The adjacency of `edges` with their sites less those of `cut`; an edge left without a site is dropped. Successors in the order of `edges`. */
function adjacency(edges: readonly EdgeRecord[], cut: readonly CutSite[] = []): Adjacency {
  const removed = new Map<string, Set<string>>();
  for (const s of cut) {
    const key = `${s.from}\0${s.to}`;
    (removed.get(key) ?? removed.set(key, new Set()).get(key)!).add(siteKey(s));
  }
  const adj: Adjacency = new Map();
  for (const e of edges) {
    const gone = removed.get(`${e.from}\0${e.to}`);
    const sites = gone ? e.sites.filter((s) => !gone.has(siteKey(s))) : e.sites;
    if (!adj.has(e.from)) adj.set(e.from, new Map());
    if (!adj.has(e.to)) adj.set(e.to, new Map());
    if (sites.length) adj.get(e.from)!.set(e.to, sites);
  }
  return adj;
}

const siteKey = (s: { file: string; line: number; column: number }) => `${s.file}\0${s.line}\0${s.column}`;

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
        while (path[path.length - 1] !== start) path.push(parent.get(path[path.length - 1])!);
        return path.reverse();
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
  const all = allCycles(result);
  const across = all.filter(crossing(inside));
  const before = { boundaryCyclesBefore: across.length, cyclesBefore: all.length };
  if (across.length === 0) return { cycles: [], cut: [], strategy: 'none', effect: { ...before, boundaryCyclesAfter: 0, cyclesAfter: all.length } };
  const within = edgesInside(result, across);
  const adj = adjacency(within);
  const cycles = across.map((comp) => {
    const members = new Set(comp);
    const start = comp.find((m) => inside.has(m))!;
    const out = bfs(adj, start, (n) => !inside.has(n), members)!;
    const back = bfs(adj, out[out.length - 1], (n) => n === start, members)!;
    return { inside: comp.filter((m) => inside.has(m)), outside: comp.filter((m) => !inside.has(m)), example: hops(adj, [...out, ...back.slice(1)]) };
  });

  const elsCut: WeightedEdge[] = [];
  const crossingEdges: WeightedEdge[] = [];
  const crosses = (e: { from: string; to: string }) => inside.has(e.from) !== inside.has(e.to);
  for (const comp of across) {
    const edges: WeightedEdge[] = [];
    for (const from of comp) {
      for (const [to, sites] of adj.get(from)!) {
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

  // Removing sites only splits components: the cycles after a cut are the untouched ones plus the
  // components found again inside each component that crossed.
  const untouched = all.length - across.length;
  let best: (typeof candidates)[number] & { crossingAfter: number; cyclesAfter: number } | null = null;
  for (const c of candidates) {
    const after = stronglyConnectedOfMap(adjacency(within, c.cut), 2);
    const crossingAfter = after.filter(crossing(inside)).length;
    if (crossingAfter === 0 && (!best || c.cut.length < best.cut.length)) best = { ...c, crossingAfter, cyclesAfter: untouched + after.length };
  }
  const chosen = best!; // cutting every crossing edge of one direction always leaves no cycle across
  return {
    cycles,
    cut: chosen.cut,
    strategy: chosen.strategy,
    effect: { ...before, boundaryCyclesAfter: chosen.crossingAfter, cyclesAfter: chosen.cyclesAfter },
  };
}

function sitesOf(adj: Adjacency, edges: WeightedEdge[]): CutSite[] {
  const out: CutSite[] = [];
  for (const e of edges) for (const s of adj.get(e.from)!.get(e.to)!) out.push({ from: e.from, to: e.to, file: s.file, line: s.line, column: s.column });
  return out.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.to, b.to));
}
