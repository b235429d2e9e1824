// `node scripts/bench-floor-threads.mjs DIR [THREADS]`: the floor of `npm run bench` on THREADS
// worker threads (default 2): each reads and tree-sitter-parses every THREADS-th of the files pyseam
// would parse under DIR, nothing else, returning to the event loop every 30 ms as pyseam's threads
// do. Prints `{"files", "threads", "seconds", "parseSeconds": [per thread]}` as JSON, `seconds`
// being the wall time from starting the threads to the last one done (their start included). What
// two threads that only parse reach on this machine: the bound under any cold run of pyseam's.
// Needs `npm run build` (discovery comes from dist/src). Plain JavaScript, so no loader is timed.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const dist = new URL('../dist/src/', import.meta.url);

if (isMainThread) {
  const [dir, threads = '2'] = process.argv.slice(2);
  const { discover } = await import(new URL('parse/discover.js', dist).href);
  const { nodeTree } = await import(new URL('parse/source-tree.js', dist).href);
  const files = discover(nodeTree(dir), {}).files.filter((f) => f.kind !== 'extension').map((f) => join(dir, f.path));
  const n = Number(threads);
  const t0 = performance.now();
  const parseSeconds = await Promise.all(Array.from({ length: n }, (_, k) => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: files.filter((_, i) => i % n === k) });
    worker.on('message', resolve);
    worker.on('error', reject);
  })));
  console.log(JSON.stringify({ files: files.length, threads: n, seconds: (performance.now() - t0) / 1000, parseSeconds }));
} else {
  const { readFileSync } = await import('node:fs');
  const Parser = require('tree-sitter');
  const parser = new Parser();
  parser.setLanguage(require('tree-sitter-python'));
  const t0 = performance.now();
  let slice = t0;
  for (const file of workerData) {
    parser.parse(readFileSync(file).toString('utf8'));
    if (performance.now() - slice >= 30) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  parentPort.postMessage((performance.now() - t0) / 1000);
}
