import type { CutSite } from '../extraction-result.js';
import type { AnalysisResult } from '../result.js';
import type { WhatIfOutcome } from '../what-if-result.js';

/**
 * STUB (being written): the analysis with the given import sites removed, as if their
 * import statements were deleted, and the figures before and after.
 */
export function whatIf(result: AnalysisResult, cuts: readonly CutSite[], component: string | null, copy: readonly string[] = []): WhatIfOutcome {
  void copy;
  const figures = { edges: result.summary.edges, sites: result.summary.sites, cycles: result.summary.cycles, largestCycle: result.summary.largestCycle, modulesInCycles: 0, privateImports: result.summary.privateImports, extraction: null };
  return { component, applied: [], unmatched: [...cuts], removedEdges: [], before: figures, after: figures, result, extraction: null };
}
