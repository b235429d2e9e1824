/**
 * The facts of many files from worker threads (node:worker_threads), one tree-sitter parser each
 * (facts-worker.ts). Jobs go out in batches, to whichever worker is free; answers come back as
 * plain data and are handed on in the jobs' order, so the result cannot depend on which thread was
 * faster. A worker that throws, crashes or exits early fails the run with a WorkerError naming it,
 * never a hang; the workers are stopped when the answers are all in, or the consumer stops early.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PyseamError } from '../errors.js';
import type { FactsAnswer, FactsJob } from './read-facts.js';
import type { WorkerSetup } from './facts-worker.js';

/** A worker thread failed: pyseam's own failure, so the CLI reports it in one line and exits 2. */
export class WorkerError extends PyseamError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** Per batch: enough batches per thread to even out slow files, few enough that messages cost nothing. */
export function batchSize(jobs: number, threads: number): number {
  return Math.max(1, Math.min(64, Math.ceil(jobs / (threads * 8))));
}

/**
 * The worker: facts-worker.js beside this file (dist/), or, run from TypeScript sources (vitest, tsx),
 * a small bootstrap that registers tsx's loader in the new thread, then imports facts-worker.ts.
 * (`execArgv: ['--import', 'tsx']` does not reach a worker's loader on Node 20: ".ts" stays unknown.)
 */
function newWorker(setup: WorkerSetup): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./facts-worker.js', self), { workerData: setup });
  // tsx's ESM API, as its package.json exports it for `import` (./esm/api -> dist/esm/api/index.mjs).
  const api = pathToFileURL(join(dirname(createRequire(self).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const worker = new URL('./facts-worker.ts', self).href;
  return new Worker(`import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`, { eval: true, workerData: setup });
}

/**
 * The answers for `jobs`, in order: one array per batch, yielded once that batch and every batch
 * before it are in. `threads` workers at most (fewer when there are fewer batches).
 *
 * @throws WorkerError when a worker cannot start, throws while extracting, or stops before answering.
 */
export async function* answersFromWorkers(jobs: FactsJob[], setup: WorkerSetup, threads: number): AsyncGenerator<FactsAnswer[], void, void> {
  const size = batchSize(jobs.length, threads);
  const batches: FactsJob[][] = [];
  for (let i = 0; i < jobs.length; i += size) batches.push(jobs.slice(i, i + size));
  const answers: (FactsAnswer[] | null)[] = batches.map(() => null);
  let failure: Error | null = null;
  let finished = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const fail = (error: Error) => {
    failure ??= error;
    notify();
  };

  let next = 0;
  const workers = Array.from({ length: Math.min(threads, batches.length) }, (_, n) => {
    const worker = newWorker(setup);
    const feed = () => {
      if (next < batches.length) {
        const batch = next++;
        worker.postMessage({ batch, jobs: batches[batch] });
      }
    };
    worker.on('message', (message: { batch: number; answers?: FactsAnswer[]; error?: string }) => {
      if (message.answers) {
        answers[message.batch] = message.answers;
        feed();
        notify();
      } else {
        fail(new WorkerError(`parsing worker ${n + 1} failed on a batch starting at ${batches[message.batch][0].path}: ${message.error}`));
      }
    });
    worker.on('error', (error) => fail(new WorkerError(`parsing worker ${n + 1} crashed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (!finished) fail(new WorkerError(`parsing worker ${n + 1} exited (code ${code}) before its files were parsed`));
    });
    feed();
    return worker;
  });

  try {
    for (let batch = 0; batch < batches.length; batch++) {
      while (answers[batch] === null) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const done = answers[batch]!;
      answers[batch] = null;
      yield done;
    }
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
