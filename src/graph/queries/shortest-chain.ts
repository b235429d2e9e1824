import type { ChainHop, QueryFilters, WhyResult } from '../../query-result.js';
import type { SiteRecord } from '../../result.js';
import { breadthFirst, isEager, membersOf, type QueryGraph } from './search.js';

export interface WhyOptions {
  /** A and B stand for themselves and every module under them (grimp's `as_packages=True`). */
  asPackage: boolean;
  /** Recorded in the result only. */
  filters: QueryFilters;
}

/**
 * `pyseam why A B`: a shortest import chain from A to B in the internal graph, as grimp's
 * `find_shortest_chain(importer, imported)` (`find_shortest_chains` with `as_packages`): hops
 * from A to B, or null when B is not reachable. Also a shortest chain made of eager edges only
 * (an edge with a site that runs at import time), so a user can tell an import that runs when A
 * is loaded from one that needs a call or a type checker. `why A A` gives a shortest cycle
 * through A (a self-import is a one-hop chain; not with `asPackage`). Ties go to names in order (`breadthFirst`).
 *
 * @throws Error when A or B is not a node (the command checks first and suggests names), or
 * with `asPackage` when one contains the other (grimp raises too: the chain would be inside).
 */
export function shortestChain(graph: QueryGraph, from: string, to: string, options: WhyOptions): WhyResult {
  for (const name of [from, to]) if (!graph.hasNode(name)) throw new Error(`not a module: ${name}`);
  const sources = membersOf(graph, from, options.asPackage);
  const targets = membersOf(graph, to, options.asPackage);
  if (options.asPackage && sources.some((s) => targets.includes(s))) {
    throw new Error(`${from} and ${to} overlap: with --as-package neither may contain the other`);
  }
  const chain = search(graph, sources, targets);
  const eager = chain === null || chain.every((hop) => isEager(hop.site)) ? chain : search(graph, sources, targets, (sites) => sites.some(isEager));
  return { query: 'why', from, to, asPackage: options.asPackage, filters: options.filters, chain, eagerChain: eager };
}

function search(graph: QueryGraph, sources: string[], targets: string[], edgeFilter?: (sites: SiteRecord[]) => boolean): ChainHop[] | null {
  const { reached, hit } = breadthFirst(graph, sources, { direction: 'out', targets: new Set(targets), edgeFilter });
  if (hit === undefined) return null;
  const isSource = new Set(sources);
  const nodes = [hit];
  let current = reached.get(hit)!.via;
  while (!isSource.has(current)) {
    nodes.unshift(current);
    current = reached.get(current)!.via;
  }
  nodes.unshift(current);
  const hops: ChainHop[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const { sites } = graph.getEdgeAttributes(nodes[i], nodes[i + 1]);
    hops.push({ from: nodes[i], to: nodes[i + 1], site: shownSite(sites), sites: sites.length });
  }
  return hops;
}

/** The site a hop shows: eager and explicit first, then eager, then explicit, then the first. */
export function shownSite(sites: readonly SiteRecord[]): SiteRecord {
  return sites.find((s) => isEager(s) && !s.implicit) ?? sites.find(isEager) ?? sites.find((s) => !s.implicit) ?? sites[0];
}
