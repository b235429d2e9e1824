import type { DirectedGraph } from 'graphology';
import type { SiteRecord } from '../../result.js';
import { cmp } from '../module-table.js';

/** The graph the queries walk: internal modules, edges carrying their sites (`graphFromResult`). */
export type QueryGraph = DirectedGraph<Record<string, never>, { sites: SiteRecord[] }>;

/** `out`: follow imports (importer -> imported); `in`: follow them backwards. */
export type Direction = 'out' | 'in';

export interface SearchOptions {
  direction: Direction;
  /** Stop expanding at this distance (unlimited when undefined). */
  maxDepth?: number;
  /** Keep only edges whose sites pass (every edge when undefined). */
  edgeFilter?: (sites: SiteRecord[]) => boolean;
  /** Stop as soon as an edge reaches a node in this set; that node is reported even when it is a source. */
  targets?: ReadonlySet<string>;
}

export interface SearchResult {
  /** Distance and predecessor of every node reached, sources excluded (unless a target). */
  reached: Map<string, { distance: number; via: string }>;
  /** The target found first, when `targets` was given. */
  hit?: string;
}

/**
 * Breadth-first search from a set of sources, neighbours taken in name order so that equal
 * graphs give equal answers (the first predecessor by that order is the one kept). Unlike
 * graphology-shortest-path's `bidirectional`/`singleSourceLength`, it takes several sources,
 * walks either direction, filters edges and stops at a depth, which `why --as-package`,
 * `rdeps` and `deps --depth` need.
 */
export function breadthFirst(graph: QueryGraph, sources: readonly string[], options: SearchOptions): SearchResult {
  const { direction, maxDepth, edgeFilter, targets } = options;
  const reached = new Map<string, { distance: number; via: string }>();
  const seen = new Set(sources);
  let frontier = [...sources].sort(cmp);
  for (let distance = 1; frontier.length > 0 && (maxDepth === undefined || distance <= maxDepth); distance++) {
    const next: string[] = [];
    for (const node of frontier) {
      const neighbours = direction === 'out' ? graph.outNeighbors(node) : graph.inNeighbors(node);
      for (const other of neighbours.sort(cmp)) {
        if (edgeFilter) {
          const sites = direction === 'out' ? graph.getEdgeAttributes(node, other).sites : graph.getEdgeAttributes(other, node).sites;
          if (!edgeFilter(sites)) continue;
        }
        if (targets?.has(other)) {
          reached.set(other, { distance, via: node });
          return { reached, hit: other };
        }
        if (seen.has(other)) continue;
        seen.add(other);
        reached.set(other, { distance, via: node });
        next.push(other);
      }
    }
    frontier = next;
  }
  return { reached };
}

/** Whether a site runs when its importer is loaded: neither lazy nor type-checking. */
export const isEager = (site: SiteRecord): boolean => !site.lazy && !site.typeChecking;

/** The modules that `name` stands for: itself, plus with `asPackage` every module under it. */
export function membersOf(graph: QueryGraph, name: string, asPackage: boolean): string[] {
  if (!asPackage) return [name];
  return graph.filterNodes((node) => node === name || node.startsWith(`${name}.`)).sort(cmp);
}
