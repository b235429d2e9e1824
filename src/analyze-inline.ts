/**
 * The synchronous, single-threaded and uncached analysis: the recipe of `analyzeAsync` (analyze.ts)
 * with every file read and parsed in this thread, for tests and for trees that are not on disk.
 */
import type { SourceTree } from './parse/source-tree.js';
import { factsInline } from './parse/read-facts.js';
import { graphStage } from './analysis-graph.js';
import { startAnalysis, type AnalyzeOptions, type ProgressEvent } from './analyze.js';
import type { AnalysisResult } from './result.js';

/**
 * `pyseam analyze` in this thread, the recipe: discover files and source roots, name the modules, read
 * and parse every module's file, resolve each import, build the graph, find the cycles
 * and the private imports, and assemble one plain, sorted result.
 *
 * A file that cannot be read or decoded is listed in `skippedFiles`; a syntax error is a
 * parse error whose file still gives what its tree holds: neither stops the analysis.
 *
 * Single-threaded and uncached; `analyzeAsync` gives the same result with worker threads and the cache.
 */
export function analyze(options: AnalyzeOptions, tree: SourceTree, onProgress?: (event: ProgressEvent) => void): AnalysisResult {
  const steps = analysisSteps(options, tree, onProgress);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The recipe as a generator that yields before each file is parsed: the body of `analyze`. */
function* analysisSteps(options: AnalyzeOptions, tree: SourceTree, onProgress?: (event: ProgressEvent) => void): Generator<void, AnalysisResult, void> {
  const start = startAnalysis(options, tree, onProgress);
  const stage = graphStage(options, start, onProgress);
  const total = start.jobs.length;
  for (const [done, job] of start.jobs.entries()) {
    onProgress?.({ stage: 'parse', done, total });
    yield;
    stage.add(factsInline(tree, job, start.extract));
  }
  onProgress?.({ stage: 'parse', done: total, total });
  return stage.finish();
}

