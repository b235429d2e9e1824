/**
 * What the modules screen lists, regrouped from the result (no analysis): modules by name,
 * each module's edges both ways, its cycle and its cluster, the fuzzy search, and the cuts of
 * an edge. Indexes are built once per result (WeakMap), so a key press costs no scan of 100k edges.
 */
import fuzzysort from 'fuzzysort';
import type { ReactNode } from 'react';
import type { ClustersResult } from '../../clusters-result.js';
import type { CutSite } from '../../extraction-result.js';
import type { AnalysisResult, CycleRecord, EdgeRecord, ModuleRecord } from '../../result.js';
import { windowStart } from '../components/ScrollList.js';
import { sameCut, type ScreenContext } from '../screen.js';

/**
 * The modules screen's state. `stack` holds the module details opened, the shown one last,
 * each with its selected neighbour row; empty: the list is shown. `typing` while `/` search
 * takes the keys; `query` filters the list (kept after enter).
 */
export interface ModulesState {
  selected: number;
  query: string;
  typing: boolean;
  stack: { module: string; selected: number }[];
  /** Opened at a module by another screen: `esc` at that module goes back there, not to the list. */
  opened?: boolean;
}

interface ModuleIndex {
  byName: Map<string, ModuleRecord>;
  out: Map<string, EdgeRecord[]>;
  into: Map<string, EdgeRecord[]>;
  cycleOf: Map<string, CycleRecord>;
  sorted: ModuleRecord[];
  /** The names of `sorted`, what the search matches. */
  names: string[];
  /** The names prepared for fuzzysort, on the first search. */
  prepared?: ReturnType<typeof fuzzysort.prepare>[];
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const indexes = new WeakMap<AnalysisResult, ModuleIndex>();

/** The result's modules indexed by name, their out- and in-edges, and their cycle. */
export function moduleIndex(result: AnalysisResult): ModuleIndex {
  let index = indexes.get(result);
  if (index) return index;
  const push = (map: Map<string, EdgeRecord[]>, key: string, edge: EdgeRecord) => {
    const list = map.get(key);
    if (list) list.push(edge);
    else map.set(key, [edge]);
  };
  const out = new Map<string, EdgeRecord[]>();
  const into = new Map<string, EdgeRecord[]>();
  for (const edge of result.edges) {
    push(out, edge.from, edge);
    if (!edge.external) push(into, edge.to, edge);
  }
  const cycleOf = new Map(result.cycles.flatMap((c) => c.modules.map((m) => [m, c] as const)));
  const sorted = [...result.modules].sort((a, b) => byName(a.name, b.name));
  index = { byName: new Map(sorted.map((m) => [m.name, m])), out, into, cycleOf, sorted, names: sorted.map((m) => m.name) };
  indexes.set(result, index);
  return index;
}

/** Most matches the search lists (fuzzysort is fast; the list need not be longer). */
export const SEARCH_LIMIT = 1000;
let lastSearch: { result: AnalysisResult; query: string; list: ModuleRecord[] } | null = null;

/** The modules whose name matches `query` fuzzily, best match first; all modules by name when it is empty. */
export function filterModules(result: AnalysisResult, query: string): ModuleRecord[] {
  const index = moduleIndex(result);
  if (query === '') return index.sorted;
  if (lastSearch?.result === result && lastSearch.query === query) return lastSearch.list;
  index.prepared ??= index.names.map((n) => fuzzysort.prepare(n));
  const found = fuzzysort.go(query, index.prepared, { limit: SEARCH_LIMIT });
  const list = found.map((r) => index.byName.get(r.target)!);
  lastSearch = { result, query, list };
  return list;
}

/** One row of a module's detail: an edge out of it (`imports`) or into it (`importer`), with the module at its other end. */
export interface NeighbourRow {
  dir: 'imports' | 'importer';
  edge: EdgeRecord;
  neighbour: string;
}

/** A module's edges: internal imports, external imports, then importers, each by name. */
export function neighbours(result: AnalysisResult, module: string): NeighbourRow[] {
  const index = moduleIndex(result);
  const out = [...(index.out.get(module) ?? [])].sort((a, b) => Number(a.external) - Number(b.external) || byName(a.to, b.to));
  const into = [...(index.into.get(module) ?? [])].sort((a, b) => byName(a.from, b.from));
  return [
    ...out.map((edge) => ({ dir: 'imports' as const, edge, neighbour: edge.to })),
    ...into.map((edge) => ({ dir: 'importer' as const, edge, neighbour: edge.from })),
  ];
}

const clusterIndexes = new WeakMap<ClustersResult, Map<string, number>>();

/** The id of the module's cluster, or null when it is isolated (no internal edge). */
export function clusterOf(clusters: ClustersResult, module: string): number | null {
  let index = clusterIndexes.get(clusters);
  if (!index) {
    index = new Map(clusters.clusters.flatMap((c) => c.modules.map((m) => [m, c.id] as const)));
    clusterIndexes.set(clusters, index);
  }
  return index.get(module) ?? null;
}

/** The cuts of every site of an edge. */
export const edgeCuts = (edge: EdgeRecord): CutSite[] =>
  edge.sites.map((s) => ({ from: edge.from, to: edge.to, file: s.file, line: s.line, column: s.column }));

/** How many of the edge's sites are cut. */
export const cutSitesOf = (ctx: ScreenContext, edge: EdgeRecord): number =>
  ctx.cuts.length === 0 ? 0 : edgeCuts(edge).filter((c) => ctx.cuts.some((k) => sameCut(k, c))).length;

/** Rows left for the list and for a detail's neighbours (the rest holds the header lines). */
export const listHeight = (ctx: ScreenContext): number => Math.max(3, ctx.height - 2);
export const detailHeight = (ctx: ScreenContext): number => Math.max(3, ctx.height - 5);

/** A column's width: the longest of `texts`, kept within [min, max]. A loop, not `Math.max(...list)`, which overflows the stack on 100k rows. */
export function columnWidth(texts: Iterable<string>, min: number, max: number): number {
  let width = min;
  for (const t of texts) if (t.length > width) width = t.length;
  return Math.min(max, width);
}

/**
 * The rows of a ScrollList of `count` rows where only the ones it shows are built (the others
 * are ''), so a list of 100k modules costs a screenful per key press. Uses ScrollList's own
 * window (`windowStart`, one row less for the `n/N` line when the list does not fit).
 */
export function windowRows(count: number, selected: number, height: number, row: (i: number) => ReactNode): ReactNode[] {
  const shown = Math.max(1, count <= height ? height : height - 1);
  const start = windowStart(selected, count, shown);
  const rows = new Array<ReactNode>(count).fill('');
  for (let i = start; i < Math.min(count, start + shown); i++) rows[i] = row(i);
  return rows;
}

const nameWidths = new WeakMap<readonly ModuleRecord[], number>();

/** The longest module name of a list (6 at least), computed once per list: the name column's width when the terminal is wide enough. */
export function nameWidth(list: readonly ModuleRecord[]): number {
  let width = nameWidths.get(list);
  if (width === undefined) nameWidths.set(list, (width = columnWidth(list.map((m) => m.name), 6, Infinity)));
  return width;
}
