/**
 * What the terminal UI is given: a finished analysis and a few functions over it, built by
 * `src/commands/tui-data.ts` from `src/graph`. The UI never analyzes: it only calls these,
 * and they are pure over the result (memoized by the provider, so repeated calls are cheap).
 */
import type { ClustersResult } from '../clusters-result.js';
import type { CutSite, ExtractionPlan } from '../extraction-result.js';
import type { WhyResult } from '../query-result.js';
import type { AnalysisResult } from '../result.js';
import type { WhatIfOutcome } from '../what-if-result.js';

export interface TuiData {
  result: AnalysisResult;
  /** Where the result came from, for the header: the analyzed directory or the saved report's path. */
  origin: string;
  /**
   * The source lines of a file of the result (`lines[n - 1]` is line n), or null when the
   * file cannot be read (a saved report opened elsewhere). Decoded as Python decodes it (PEP 263).
   */
  sourceLines(file: string): string[] | null;
  /** The component chosen with `--component`, or null: the extraction figures are about it. */
  initialComponent: string | null;
  /** `pyseam extract COMPONENT` on the unchanged result. @throws Error for an unknown component. */
  extraction(component: string): ExtractionPlan;
  /** The Louvain clusters of `pyseam clusters` (defaults: seed 1, partition by owner). Computed on first call. */
  clusters(): ClustersResult;
  /**
   * `pyseam why FROM TO` on the internal graph; with `cuts`, on the graph with those import
   * sites cut (what-if), so a cut shows the next chain. @throws Error when a name is not a module.
   */
  why(from: string, to: string, cuts?: readonly CutSite[]): WhyResult;
  /** The analysis with the given import sites cut, figures before and after, for `component` (or none). */
  whatIf(cuts: readonly CutSite[], component: string | null): WhatIfOutcome;
}
