/**
 * The result of a what-if cut (`src/graph/what-if.ts`): the analysis with some import sites
 * removed, and the figures before and after. It sits beside `result.ts` because the graph
 * layer computes it and the terminal UI shows it, and neither may import the other.
 */
import type { AnalysisResult } from './result.js';
import type { CutSite, ExtractionPlan } from './extraction-result.js';

/** The figures a cut changes, for one side of the comparison. */
export interface WhatIfFigures {
  /** Internal edges and the import sites on all kept edges (internal and external). */
  edges: number;
  sites: number;
  /** Strongly connected components of more than one module, and the modules of the largest. */
  cycles: number;
  largestCycle: number;
  /** Modules that lie in some cycle. */
  modulesInCycles: number;
  privateImports: number;
  /** The extraction summary of the chosen component (`extract COMPONENT`), null when none is chosen. */
  extraction: ExtractionPlan['summary'] | null;
}

/** Cutting import sites: what the repository would look like with those import statements deleted. */
export interface WhatIfOutcome {
  /** The component the extraction figures are about, or null. */
  component: string | null;
  /** The cuts that matched a site, sorted by file, line, column, then target module. */
  applied: CutSite[];
  /** Cuts that match no site of the result (a stale selection): listed, never applied. */
  unmatched: CutSite[];
  /** Edges left without any site, which therefore disappear, sorted by importer then target; `external` as in `EdgeRecord` (`to` is then a top-level package). */
  removedEdges: { from: string; to: string; external: boolean }[];
  before: WhatIfFigures;
  after: WhatIfFigures;
  /** The analysis with the cuts applied: edges, sites, cycles, private imports and summary recomputed. */
  result: AnalysisResult;
  /** The chosen component's extraction plan after the cuts, or null. */
  extraction: ExtractionPlan | null;
}
