/**
 * The plain results of the graph queries `pyseam why`, `pyseam deps` and `pyseam rdeps`:
 * what `src/graph/queries/` computes and `src/report/query-*.ts` renders (JSON is the object
 * as it is). Like `AnalysisResult`, plain arrays and objects only, sorted deterministically.
 */
import type { SiteRecord } from './result.js';

/** The site filters and the `--implicit` option the graph was built with, so a result explains itself. */
export interface QueryFilters {
  includeTypeChecking: boolean;
  includeLazy: boolean;
  includeDynamic: boolean;
  implicit: boolean;
}

/** One hop of an import chain: `from` imports `to`, shown at one of the edge's sites. */
export interface ChainHop {
  from: string;
  to: string;
  /** The edge's first eager explicit site (neither lazy nor type-checking nor implicit), else its first eager site, else its first site. */
  site: SiteRecord;
  /** Number of sites on the edge. */
  sites: number;
}

/** `pyseam why A B`. */
export interface WhyResult {
  query: 'why';
  from: string;
  to: string;
  /** Whether A and B stand for themselves and every module under them (`--as-package`). */
  asPackage: boolean;
  filters: QueryFilters;
  /** A shortest chain over every kept edge, hops from A to B; null when B is not reachable from A. */
  chain: ChainHop[] | null;
  /** A shortest chain over eager edges only (edges with a site that runs at import time); null when none. Equal to `chain` when that is eager already. */
  eagerChain: ChainHop[] | null;
}

/** A module reached by `deps` / `rdeps`, with how. */
export interface ReachedModule {
  name: string;
  /** The module one step closer to the start that imports it (`deps`) or that it imports (`rdeps`). */
  via: string;
  /** An external package (`--external`), not an internal module. */
  external: boolean;
}

/** `pyseam deps M` (direction `upstream`: what M imports, directly or not) and `pyseam rdeps M` (`downstream`: what imports M). Terms as grimp's `find_upstream_modules` / `find_downstream_modules`. */
export interface ReachResult {
  query: 'deps' | 'rdeps';
  module: string;
  asPackage: boolean;
  /** The start set: `module`, plus every module under it with `--as-package`. Never listed as reached. */
  members: string[];
  /** The `--depth` limit, null for unlimited. */
  maxDepth: number | null;
  filters: QueryFilters;
  /** Reached modules grouped by distance (1 = direct), each level sorted by name. */
  levels: { depth: number; modules: ReachedModule[] }[];
  /** Internal modules reached. */
  modules: number;
  /** External packages reached (0 without `--external`). */
  externalPackages: number;
}
