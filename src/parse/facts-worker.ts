/**
 * A worker thread of the facts pool (facts-pool.ts): holds its own tree-sitter parser (extract.ts's
 * parser is per thread), and for each batch it is sent reads, decodes, parses and extracts the files,
 * then posts back only their answers (plain facts, never syntax trees). Trees are released between
 * batches (tree-memory.ts).
 *
 * workerData: `{ root, extract, keyed }`. Messages in: `{ batch, jobs }`; out: `{ batch, answers }`,
 * or `{ batch, error }` when extraction threw (a bug: the pool fails the run with it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFacts, type FactsJob } from './read-facts.js';
import { nodeTree } from './source-tree.js';
import { collectIfDue } from './tree-memory.js';
import type { ExtractOptions } from './types.js';

export interface WorkerSetup {
  root: string;
  extract: ExtractOptions;
  keyed: boolean;
}

const { root, extract, keyed } = workerData as WorkerSetup;
const tree = nodeTree(root);

parentPort!.on('message', ({ batch, jobs }: { batch: number; jobs: FactsJob[] }) => {
  try {
    parentPort!.postMessage({ batch, answers: jobs.map((job) => readFacts(tree, job, extract, keyed)) });
    // The batch's trees are freed once this handler returns to the event loop (tree-memory.ts).
    collectIfDue();
  } catch (error) {
    parentPort!.postMessage({ batch, error: (error as Error).stack ?? String(error) });
  }
});
