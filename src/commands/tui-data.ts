import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CutSite, ExtractionPlan } from '../extraction-result.js';
import { graphFromResult } from '../graph/graph-from-result.js';
import { shortestChain } from '../graph/queries/shortest-chain.js';
import { suggestClusters } from '../graph/suggest-clusters.js';
import { whatIf } from '../graph/what-if.js';
import { focusedExtractionPlan } from '../graph/what-if-plan.js';
import { decodeSource } from '../parse/decode.js';
import type { ClustersResult } from '../clusters-result.js';
import type { AnalysisResult } from '../result.js';
import type { TuiData } from '../tui/data.js';
import type { WhatIfOutcome } from '../what-if-result.js';

/** Where a result's files are read from for the source shown around a hop, and what to call it. */
export interface TuiDataOptions {
  /** Directory the result's paths are relative to; null: show no source. */
  dir: string | null;
  origin: string;
  component: string | null;
  /** Modules or names to copy rather than make public (config `copy`, `extract --copy`). */
  copy?: readonly string[];
}

/**
 * The `TuiData` of a finished result: the UI's functions over it, each from `src/graph`, with
 * the expensive ones memoized (clusters once, extraction plans per component, the last few
 * what-ifs and their graphs).
 */
export function tuiData(result: AnalysisResult, options: TuiDataOptions): TuiData {
  const copy = options.copy ?? [];
  let clusters: ClustersResult | null = null;
  const plans = new Map<string, ExtractionPlan>();
  const sources = new Map<string, string[] | null>();
  // A few recent what-ifs: the what-if screen (with the focus) and the path screen (without) ask in turn.
  const outcomes = new Map<string, WhatIfOutcome>();
  const graphs = new Map<string, ReturnType<typeof graphFromResult>>();
  const filters = { includeTypeChecking: result.options.includeTypeChecking, includeLazy: result.options.includeLazy, includeDynamic: result.options.includeDynamic, implicit: false };
  const data: TuiData = {
    result,
    origin: options.origin,
    initialComponent: options.component,
    sourceLines(file) {
      if (!sources.has(file)) sources.set(file, readLines(options.dir, file));
      return sources.get(file)!;
    },
    extraction(component) {
      // Equal to extractionPlan's answer (tested), computed on the edges it depends on.
      if (!plans.has(component)) plans.set(component, focusedExtractionPlan(result, component, copy));
      return plans.get(component)!;
    },
    clusters() {
      clusters ??= suggestClusters(result, { seed: 1 });
      return clusters;
    },
    why(from, to, cuts = []) {
      const key = JSON.stringify(cuts);
      let graph = graphs.get(key);
      if (!graph) {
        graph = graphFromResult(cuts.length ? data.whatIf(cuts, null).result : result);
        remember(graphs, key, graph);
      }
      return shortestChain(graph, from, to, { asPackage: false, filters });
    },
    whatIf(cuts: readonly CutSite[], component) {
      const key = JSON.stringify([component, cuts]);
      let outcome = outcomes.get(key);
      if (!outcome) {
        outcome = whatIf(result, cuts, component, copy);
        remember(outcomes, key, outcome);
      }
      return outcome;
    },
  };
  return data;
}

/** Keeps the last few entries of a memo (Map keeps insertion order). */
function remember<T>(memo: Map<string, T>, key: string, value: T, size = 4): void {
  memo.set(key, value);
  if (memo.size > size) memo.delete(memo.keys().next().value!);
}

function readLines(dir: string | null, file: string): string[] | null {
  if (dir === null) return null;
  try {
    const decoded = decodeSource(readFileSync(join(dir, file)));
    return 'text' in decoded ? decoded.text.split(/\r\n|\r|\n/) : null;
  } catch {
    return null;
  }
}
