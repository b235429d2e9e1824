/**
 * Keeps the memory of syntax trees bounded. tree-sitter's node binding frees a tree's native memory
 * (about ten times its source's size) only in the finalizer of its JavaScript object, and tells V8
 * nothing of it: V8's own heap stays small, so a full collection rarely comes, and Node runs napi
 * finalizers from the event loop, so a thread that never yields never frees one. Measured on the
 * standard library: +260 MB of RSS per pass over its 682 files, flat with both remedies below.
 *
 * So a thread that parses counts the source it parses and, every `BUDGET_BYTES`, forces a full
 * collection (`collectIfDue`); the trees are then freed the next time it returns to the event loop
 * (a worker between two batches, the in-process path by awaiting `setImmediate`). The synchronous
 * `analyze`, which never yields, keeps its trees until it returns: fine for the small trees it serves.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A thread that parses returns to the event loop at least this often (milliseconds): the trees that
 * V8's young-generation collections found dead are freed only there. Measured on keras v2.6.0 (512
 * files, 8.7 MB), read and parse on one thread: 1.3 s when yielding every 30 ms (or after every
 * file, or every 100 ms: the same), 1.9 to 2.0 s when yielding only at `BUDGET_BYTES` (never, on a
 * tree that small: every tree is held to the end).
 */
export const SLICE_MS = 30;

/** Source bytes parsed between two forced collections: about 150 MB of trees per thread at most. */
export const BUDGET_BYTES = 16 * 1024 * 1024;

let parsedBytes = 0;
let gc: (() => void) | null = null;

/** Counts `bytes` of source parsed in this thread. */
export function noteParsed(bytes: number): void {
  parsedBytes += bytes;
}

/** Forces a full collection when `BUDGET_BYTES` were parsed since the last one; true when it did (the caller should then yield to the event loop). */
export function collectIfDue(): boolean {
  if (parsedBytes < BUDGET_BYTES) return false;
  parsedBytes = 0;
  collectNow();
  return true;
}

/**
 * A full collection now. Also for the end of a run's facts phase: V8 sizes its next heap from the
 * last collection, and left alone it lets the phase's garbage (every raw import, the cache's decoded
 * pack) pile up under the graph stage's; measured on the 100k-module synthetic repository, warm,
 * peak RSS 1.64 GB without this, 1.30 GB with it, and no slower.
 */
export function collectNow(): void {
  if (!gc) {
    // V8's collector without starting Node with --expose-gc: the flag set at run time adds `gc` to contexts made after it.
    setFlagsFromString('--expose-gc');
    gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as () => void);
  }
  gc();
}
