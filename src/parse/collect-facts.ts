/**
 * The per-file facts phase of a run, from whichever source fits: the cache for files whose stat
 * (or content) is unchanged, then worker threads or this thread for the rest. Outcomes come out
 * in the jobs' order whatever the source, so the analysis built on them does not depend on it.
 *
 * Workers and the cache read files by path, so they serve only trees on disk (`tree.root`); any
 * other tree (in memory, in tests) is read and parsed in this thread, uncached.
 */
import { answersFromWorkers, batchSize } from './facts-pool.js';
import { FactsCache, type CacheSettings } from './facts-cache.js';
import { factsDigestOf, factsKeyOf } from './facts-key.js';
import type { FactsAnswer, FactsJob, FileOutcome } from './read-facts.js';
import type { FileStat, SourceTree } from './source-tree.js';
import { collectIfDue, SLICE_MS } from './tree-memory.js';
import type { ExtractOptions } from './types.js';

/** How the facts are collected: threads to parse with (1: this thread), the cache (null: none), and where a cache problem is reported. */
export interface CollectOptions {
  jobs: number;
  cache: CacheSettings | null;
  warn: (message: string) => void;
  /**
   * Asked with `FactsStats.digest` before any outcome is handed on, when the cache knows every file
   * and few are to be read (at most one in `FEW_TO_READ`, read first): true when the caller can do
   * without the outcomes (it has what they would give: report-cache.ts), and then none is.
   */
  reuse?: (digest: string) => boolean;
  /**
   * Files this run already read and parsed, by path (the tree record's patch: commands/tree-record.ts),
   * with the cache's content and facts keys and the stat of what was read: taken for those files
   * rather than reading them again. Used only with the cache.
   */
  read?: ReadonlyMap<string, FactsAnswer>;
}

/** How a run's files were answered (`files` = the other four's sum). */
export interface FactsStats {
  files: number;
  /** From the cache by stat alone: not read. */
  fromStat: number;
  /** Read and hashed, content unchanged since the cache: not parsed. */
  verified: number;
  /** Read and parsed (or found undecodable or unreadable). */
  parsed: number;
  /** Worker threads started (0: parsed in this thread). */
  workers: number;
  /**
   * With the cache: a SHA-1 (hex) of every file's path and facts key (facts-cache.ts) in the jobs'
   * order (facts-key.ts `factsDigestOf`). Two runs with the same digest had the same facts, file for file.
   */
  digest?: string;
  /** With `digest`: each job's facts key, in the jobs' order (what `digest` hashes with their paths). */
  keys?: string[];
  /** `CollectOptions.reuse` said yes: no outcome was handed on. */
  reused?: boolean;
  /** Files whose stat when read was not their stat when discovered (replaced, or a symlink retargeted, in between): the tree changed under the run. */
  changedWhileRead?: number;
}

/** `reuse` is asked first when at most one file in this many is to be read (their outcomes are held until it answers). */
export const FEW_TO_READ = 16;

/** Below this many files to parse, starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 16;

function outcomeOf(answer: FactsAnswer): FileOutcome {
  if (answer.unchanged) throw new Error('an unchanged answer without a cache');
  return answer.outcome;
}

/** The reader and extractor (read-facts.ts and the parser under it), loaded when a file is first read in this thread: a run answered by the cache alone needs neither. */
let reader: typeof import('./read-facts.js') | null = null;
const readerNow = async (): Promise<typeof import('./read-facts.js')> => (reader ??= await import('./read-facts.js'));

/**
 * The jobs' outcomes, in order, in chunks as they become ready; `stats` is filled in on the way.
 * The cache, if any, is saved once the last chunk is out (not when the consumer stops early).
 * A chunk is the consumer's until it asks for the next one: it is emptied then, so that the
 * outcomes (every raw import of the repository) are garbage once the consumer has taken them.
 *
 * @throws WorkerError when a worker fails (facts-pool.ts).
 */
export async function* collectFacts(tree: SourceTree, jobs: FactsJob[], extract: ExtractOptions, options: CollectOptions, stats: FactsStats): AsyncGenerator<FileOutcome[], void, void> {
  const onDisk = tree.root !== undefined && tree.fileStat !== undefined;
  // `let`s set to null at the end: the caller's frame keeps this generator, and so its locals, alive
  // until the whole analysis returns; the outcomes (every raw import of the repository) must not be.
  let cache = onDisk && options.cache ? FactsCache.open(options.cache, extract, options.warn) : null;
  stats.files = jobs.length;
  // A cache hit's entry, decoded when its turn comes (-1: none).
  let hits = new Int32Array(jobs.length).fill(-1);
  const statOf: (FileStat | null)[] = cache ? new Array(jobs.length) : [];
  const misses: FactsJob[] = [];
  const missAt: number[] = [];
  jobs.forEach((job, i) => {
    if (cache) {
      try {
        statOf[i] = tree.fileStat!(job.path);
      } catch {
        statOf[i] = null;
      }
      const found = cache.lookup(i, job.path, statOf[i]);
      if ('hit' in found) return void (hits[i] = found.hit);
      misses.push(found.expect === undefined ? job : { ...job, expect: found.expect });
    } else {
      misses.push(job);
    }
    missAt.push(i);
  });

  const keyed = cache !== null;
  const known = cache && options.read?.size ? options.read : null;
  const toRead = known ? misses.filter((m) => !known.has(m.path)) : misses;
  const threads = onDisk && options.jobs > 1 && toRead.length >= MIN_FILES_FOR_WORKERS ? options.jobs : 1;
  const read = threads > 1 ? answersFromWorkers(toRead, { root: tree.root!, extract, keyed }, threads) : inline(tree, toRead, extract, keyed);
  const answers = known ? withKnown(misses, known, read) : read;
  stats.workers = threads > 1 ? Math.min(threads, Math.ceil(toRead.length / batchSize(toRead.length, threads))) : 0;

  // The facts key of a file the cache could not record (no stat, or not read): one of its outcome.
  const unrecorded = new Map<number, string>();
  // The cache keeps the stat of the bytes it holds facts of, which is the discovery's unless the file changed in between.
  const statRead = (answer: FactsAnswer, at: number): FileStat | null => {
    const read = answer.stat;
    if (!read) return statOf[at];
    const seen = statOf[at];
    if (!seen || seen.size !== read.size || seen.mtimeMs !== read.mtimeMs || seen.ctimeMs !== read.ctimeMs || seen.ino !== read.ino) stats.changedWhileRead = (stats.changedWhileRead ?? 0) + 1;
    return read;
  };
  const record = (answer: FactsAnswer, at: number): FileOutcome => {
    if (!cache) return outcomeOf(answer);
    const outcome = cache.record(at, jobs[at].path, statRead(answer, at), answer);
    if (cache.factsKey(at) === undefined) unrecorded.set(at, (!answer.unchanged && answer.facts) || factsKeyOf(outcome));
    return outcome;
  };
  // A hit's outcome; should its entry not decode (cache.outcome says why), the file is read here instead.
  const taken = (i: number): FileOutcome | null => cache!.outcome(hits[i], verified?.[i] ? 'verified' : 'fromStat');
  const reread = async (i: number): Promise<FileOutcome> => record((await readerNow()).readFacts(tree, jobs[i], extract, true), i);
  // Files read and found unchanged before `reuse` was asked: taken as hits are (-1 elsewhere).
  let verified: Uint8Array | null = null;
  let next = 0;
  if (cache && options.reuse && misses.filter((m) => m.expect === undefined).length * FEW_TO_READ <= jobs.length) {
    // Every file is read (or answered by its stat) before `reuse` is asked: an unchanged file becomes
    // a hit, decoded when its turn comes; only the outcomes of the files parsed are held meanwhile.
    verified = new Uint8Array(jobs.length);
    let held: (FileOutcome | undefined)[] = new Array(jobs.length);
    let k = 0;
    for await (const batch of answers) {
      for (const answer of batch) {
        const at = missAt[k++];
        if (answer.unchanged) {
          hits[at] = cache.recordUnchanged(at, jobs[at].path, statRead(answer, at), answer.key);
          verified[at] = 1;
          if (cache.factsKey(at) === undefined) unrecorded.set(at, `content:${answer.key}`);
        } else {
          held[at] = record(answer, at);
        }
      }
    }
    digestInto(stats, jobs, cache, unrecorded);
    if (stats.digest !== undefined && options.reuse(stats.digest)) {
      Object.assign(stats, { fromStat: cache.counts.fromStat, verified: cache.counts.verified, parsed: cache.counts.extracted, reused: true });
      cache.save();
      return;
    }
    while (next < jobs.length) {
      const out: FileOutcome[] = [];
      while (next < jobs.length && out.length < HITS_PER_CHUNK) {
        out.push(hits[next] >= 0 ? taken(next) ?? await reread(next) : held[next]!);
        held[next++] = undefined;
      }
      yield out;
      out.length = 0;
    }
    held = [];
  }

  let miss = 0;
  for await (const batch of answers) {
    const out: FileOutcome[] = [];
    for (const answer of batch) {
      const at = missAt[miss++];
      while (next < at) {
        out.push(taken(next) ?? await reread(next));
        next++;
        if (out.length < HITS_PER_CHUNK) continue;
        yield out;
        out.length = 0;
      }
      out.push(record(answer, at));
      next++;
    }
    yield out;
    out.length = 0; // the consumer is done with the chunk once it asks for the next: nothing keeps the outcomes
  }
  // The hits after the last file parsed, in chunks: decoded as they are taken, garbage once consumed.
  while (next < jobs.length) {
    const rest: FileOutcome[] = [];
    while (next < jobs.length && rest.length < HITS_PER_CHUNK) {
      rest.push(taken(next) ?? await reread(next));
      next++;
    }
    yield rest;
    rest.length = 0;
  }
  if (cache) {
    Object.assign(stats, { fromStat: cache.counts.fromStat, verified: cache.counts.verified, parsed: cache.counts.extracted });
    digestInto(stats, jobs, cache, unrecorded);
    cache.save();
  } else {
    Object.assign(stats, { fromStat: 0, verified: 0, parsed: jobs.length });
  }
  cache = null;
  hits = new Int32Array(0);
}

/** `FactsStats.digest` and `keys` from every job's facts key; neither when a file has none (not yet read). */
function digestInto(stats: FactsStats, jobs: FactsJob[], cache: FactsCache, unrecorded: Map<number, string>): void {
  const keys: string[] = new Array(jobs.length);
  for (let i = 0; i < jobs.length; i++) {
    const key = cache.factsKey(i) ?? unrecorded.get(i);
    if (key === undefined) return;
    keys[i] = key;
  }
  stats.keys = keys;
  stats.digest = factsDigestOf(jobs.map((job) => job.path), keys);
}

/** The answers for `misses`, in their order: `known`'s for the files it holds, `read`'s (the others', in order) for the rest. */
async function* withKnown(misses: FactsJob[], known: ReadonlyMap<string, FactsAnswer>, read: AsyncIterable<FactsAnswer[]>): AsyncGenerator<FactsAnswer[], void, void> {
  const source = read[Symbol.asyncIterator]();
  let batch: FactsAnswer[] = [];
  let at = 0;
  let out: FactsAnswer[] = [];
  for (const miss of misses) {
    const answer = known.get(miss.path);
    if (answer) {
      out.push(answer);
      continue;
    }
    while (at >= batch.length) {
      if (out.length) yield out;
      out = [];
      const next = await source.next();
      if (next.done) throw new Error('the readers answered fewer files than asked');
      batch = next.value;
      at = 0;
    }
    out.push(batch[at++]);
  }
  if (out.length) yield out;
}

/** Cache hits handed on at once after the last parsed file: small enough that their outcomes die young. */
const HITS_PER_CHUNK = 256;

/**
 * The in-process source for `collectFacts`: one file per chunk, so a consumer can report progress
 * between files, handing the event loop back every `SLICE_MS` (a progress view can draw, and the
 * dead trees are freed: tree-memory.ts) and after a forced collection.
 */
async function* inline(tree: SourceTree, jobs: FactsJob[], extract: ExtractOptions, keyed: boolean): AsyncGenerator<FactsAnswer[], void, void> {
  if (jobs.length === 0) return;
  const { readFacts } = await readerNow();
  let sliceStart = performance.now();
  for (const job of jobs) {
    yield [readFacts(tree, job, extract, keyed)];
    if (collectIfDue() || performance.now() - sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
