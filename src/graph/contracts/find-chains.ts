import type { ChainViolation } from '../../check-result.js';
import type { AnalysisResult, HopRecord, SiteRecord } from '../../result.js';
import { cmp } from '../module-table.js';
import { isUnder } from '../privacy.js';

/**
 * The internal import graph of an AnalysisResult as the contracts search it: out-neighbours
 * in name order (so every answer is deterministic) and the kept sites of each edge. The
 * result's edges already obey `--no-type-checking`, `--no-lazy` and `--no-dynamic`.
 */
export interface ChainIndex {
  /** Internal module names (scripts included), sorted. */
  modules: string[];
  out: Map<string, string[]>;
  sites: Map<string, SiteRecord[]>;
}

const key = (from: string, to: string): string => `${from}\u0000${to}`;

export function chainIndex(result: AnalysisResult): ChainIndex {
  const out = new Map<string, string[]>();
  const sites = new Map<string, SiteRecord[]>();
  for (const e of result.edges) {
    if (e.external || e.from === e.to) continue;
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    sites.set(key(e.from, e.to), e.sites);
  }
  for (const list of out.values()) list.sort(cmp);
  return { modules: result.modules.map((m) => m.name).sort(cmp), out, sites };
}

/** The modules equal to or below a prefix (import-linter: a package's sub-modules belong to it). */
export function membersOf(index: ChainIndex, prefix: string): string[] {
  return index.modules.filter((m) => isUnder(m, prefix));
}

/** The prefix among `prefixes` that `module` lies under (they do not overlap: checked by validateContracts), or undefined. */
export function prefixOf(module: string, prefixes: readonly string[]): string | undefined {
  return prefixes.find((p) => isUnder(module, p));
}

/** A hop of a chain: the edge's first eager site (neither lazy nor type-checking), else its first site, as findCycles does. */
export function hopOf(index: ChainIndex, from: string, to: string): HopRecord {
  const sites = index.sites.get(key(from, to));
  if (!sites?.length) throw new Error(`no edge ${from} -> ${to}`);
  const site = sites.find(isEager) ?? sites[0];
  return {
    from, to, file: site.file, line: site.line, column: site.column,
    typeChecking: site.typeChecking, lazy: site.lazy, conditional: site.conditional, dynamic: site.dynamic,
  };
}

/** What one search looks for: where chains start, what ends them, and which modules they may not pass through. */
export interface ChainQuery {
  starts: readonly string[];
  /** The prefix a module breaks the contract under when reached from `start`, or undefined when it is not a target for it. */
  targetOf: (start: string, module: string) => string | undefined;
  /** The declared prefix a start lies under (the violation's `source`). */
  sourceOf: (start: string) => string;
  /** Modules a chain may not pass through (it may end on them when they are targets). */
  blocked: (module: string) => boolean;
  /** Follow chains of internal imports; false: direct imports only. */
  indirect: boolean;
}

/**
 * One shortest chain per broken (importer, imported) pair, as grimp's `find_shortest_chains`
 * with `as_packages` (which import-linter's contracts use): a breadth-first search from each
 * start that stops at targets and never passes through blocked modules, so a chain through
 * another source or target module is left out (that module's own pair reports it). As
 * findCycles does, a pair's chain is first sought over eager edges only (an edge with a site
 * that runs at import time), so the chain shown runs on import whenever such a chain exists;
 * else it is the shortest over every kept edge. Sorted by importer, then imported.
 */
export function findChains(index: ChainIndex, query: ChainQuery): ChainViolation[] {
  const violations: ChainViolation[] = [];
  for (const start of [...query.starts].sort(cmp)) {
    const found = search(index, query, start, true);
    for (const [imported, chain] of search(index, query, start, false)) if (!found.has(imported)) found.set(imported, chain);
    for (const [imported, { target, chain }] of found) {
      violations.push({ source: query.sourceOf(start), target, importer: start, imported, direct: chain.length === 1, chain });
    }
  }
  return violations.sort((a, b) => cmp(a.importer, b.importer) || cmp(a.imported, b.imported));
}

const isEager = (s: SiteRecord): boolean => !s.lazy && !s.typeChecking;

/** Breadth-first from `start`, neighbours in name order: each target reached, with its prefix and chain. */
function search(index: ChainIndex, query: ChainQuery, start: string, eagerOnly: boolean): Map<string, { target: string; chain: HopRecord[] }> {
  const found = new Map<string, { target: string; chain: HopRecord[] }>();
  const parent = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const next of index.out.get(node) ?? []) {
      if (parent.has(next) || (eagerOnly && !index.sites.get(key(node, next))!.some(isEager))) continue;
      parent.set(next, node);
      const target = query.targetOf(start, next);
      if (target !== undefined) found.set(next, { target, chain: pathTo(index, parent, next) });
      else if (query.indirect && !query.blocked(next)) queue.push(next);
    }
  }
  return found;
}

function pathTo(index: ChainIndex, parent: Map<string, string>, last: string): HopRecord[] {
  const nodes = [last];
  while (parent.get(nodes[0]) !== nodes[0]) nodes.unshift(parent.get(nodes[0])!);
  return nodes.slice(1).map((to, i) => hopOf(index, nodes[i], to));
}
