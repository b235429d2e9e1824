import { DirectedGraph } from 'graphology';
import type { CutSite } from '../extraction-result.js';
import type { AnalysisResult, CycleRecord, EdgeRecord, ExternalPackageRecord, SiteRecord } from '../result.js';
import { findCycles } from './find-cycles.js';
import { cmp } from './module-table.js';

/** `file\0line\0column`: the place of a site or a cut. */
export const at = (s: { file: string; line: number; column: number }): string => `${s.file}\0${s.line}\0${s.column}`;

/** A result's edges by importer and target (their index in `result.edges`), and the cycle (index in `result.cycles`) each module lies in. */
interface EdgeIndex {
  edge: Map<string, Map<string, number>>;
  cycleOf: Map<string, number>;
}
const indexes = new WeakMap<AnalysisResult, EdgeIndex>();

/** The index of a result, built on first use and kept while the result lives (results are never mutated). */
function indexOf(result: AnalysisResult): EdgeIndex {
  let index = indexes.get(result);
  if (!index) {
    const edge = new Map<string, Map<string, number>>();
    result.edges.forEach((e, i) => (edge.get(e.from) ?? edge.set(e.from, new Map()).get(e.from)!).set(e.to, i));
    index = { edge, cycleOf: new Map(result.cycles.flatMap((c, i) => c.modules.map((m) => [m, i] as const))) };
    indexes.set(result, index);
  }
  return index;
}

/** The cuts applied to a result's edges: which matched, which edges changed, the sites removed. */
export interface Applied {
  applied: CutSite[];
  unmatched: CutSite[];
  /** The edges after the cuts, in the result's order; the result's own array when nothing was cut. */
  edges: EdgeRecord[];
  /** Index in `result.edges` -> the edge with fewer sites, or null when it has none left. */
  changed: Map<number, EdgeRecord | null>;
  /** Edges left without a site (the original records). */
  removedEdges: EdgeRecord[];
  /** Every site removed, with its original edge. */
  removed: { edge: EdgeRecord; site: SiteRecord }[];
}

/** Removes every site of edge `from -> to` at each cut's place; duplicate cuts count once, cuts matching nothing are `unmatched`. */
export function applyCuts(result: AnalysisResult, cuts: readonly CutSite[]): Applied {
  const { edge } = indexOf(result);
  const wanted = new Map<number, Map<string, CutSite>>();
  const out: Applied = { applied: [], unmatched: [], edges: result.edges, changed: new Map(), removedEdges: [], removed: [] };
  for (const c of cuts) {
    const i = edge.get(c.from)?.get(c.to);
    const byPlace = i === undefined ? undefined : (wanted.get(i) ?? wanted.set(i, new Map()).get(i)!);
    if (byPlace?.has(at(c)) || out.unmatched.some((u) => u.from === c.from && u.to === c.to && at(u) === at(c))) continue;
    if (!byPlace || !result.edges[i!].sites.some((s) => at(s) === at(c))) out.unmatched.push(c);
    else byPlace.set(at(c), c);
  }
  for (const [i, byPlace] of wanted) {
    const e = result.edges[i];
    const sites = e.sites.filter((s) => !byPlace.has(at(s)));
    if (byPlace.size === 0) continue;
    for (const site of e.sites) if (byPlace.has(at(site))) out.removed.push({ edge: e, site });
    out.applied.push(...byPlace.values());
    out.changed.set(i, sites.length ? { ...e, sites } : null);
    if (!sites.length) out.removedEdges.push(e);
  }
  if (out.changed.size) {
    const edges: (EdgeRecord | null)[] = result.edges.slice();
    for (const [i, e] of out.changed) edges[i] = e;
    out.edges = out.removedEdges.length ? (edges.filter((e) => e !== null) as EdgeRecord[]) : (edges as EdgeRecord[]);
  }
  out.applied.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.to, b.to) || cmp(a.from, b.from));
  return out;
}

/**
 * The cycles after the cuts. Deleting edges only splits strongly connected components, so the
 * cycles no changed edge lies inside stay as they are, and `findCycles` runs again on the
 * modules of the others with their edges after the cuts: the same records a search of the
 * whole rebuilt graph gives.
 */
export function recomputeCycles(result: AnalysisResult, cut: Applied): CycleRecord[] {
  const { edge, cycleOf } = indexOf(result);
  const dirty = new Set<number>();
  for (const i of cut.changed.keys()) {
    const c = cycleOf.get(result.edges[i].from);
    if (c !== undefined && cycleOf.get(result.edges[i].to) === c) dirty.add(c);
  }
  if (dirty.size === 0) return result.cycles;
  const graph = new DirectedGraph<Record<string, never>, { sites: SiteRecord[] }>({ allowSelfLoops: true });
  for (const c of dirty) for (const m of result.cycles[c].modules) graph.addNode(m);
  for (const c of dirty) {
    for (const m of result.cycles[c].modules) {
      for (const [to, i] of edge.get(m) ?? []) {
        const e = cut.changed.has(i) ? cut.changed.get(i) : result.edges[i];
        if (e && cycleOf.get(to) === c) graph.addDirectedEdge(m, to, { sites: e.sites });
      }
    }
  }
  const kept = result.cycles.filter((_, c) => !dirty.has(c));
  return [...kept, ...findCycles(graph)].sort((a, b) => b.modules.length - a.modules.length || cmp(a.modules[0], b.modules[0]));
}

/** The external packages after the cuts: fewer sites, one importer fewer per removed edge, none left without a site. */
export function countPackages(packages: ExternalPackageRecord[], cut: Applied): ExternalPackageRecord[] {
  const lost = new Map<string, { sites: number; importers: number }>();
  const entry = (name: string) => lost.get(name) ?? lost.set(name, { sites: 0, importers: 0 }).get(name)!;
  for (const { edge } of cut.removed) if (edge.external) entry(edge.to).sites += 1;
  for (const edge of cut.removedEdges) if (edge.external) entry(edge.to).importers += 1;
  if (lost.size === 0) return packages;
  return packages
    .map((p) => (lost.has(p.name) ? { ...p, sites: p.sites - lost.get(p.name)!.sites, importers: p.importers - lost.get(p.name)!.importers } : p))
    .filter((p) => p.sites > 0);
}
