/**
 * One file's facts from its bytes: read, decode (PEP 263), parse and extract. The one body the
 * in-process path and the worker threads run, so both give the same answer for the same file.
 */
import { hash } from 'node:crypto';
import { decodeSource } from './decode.js';
import { parseModule } from './extract.js';
import { factsKeyOf } from './facts-key.js';
import type { FileStat, SourceTree } from './source-tree.js';
import { noteParsed } from './tree-memory.js';
import type { ExtractOptions, ModuleFacts } from './types.js';

/** What a file gives: its facts, or why it was skipped (the `reason` of its `skippedFiles` record). */
export type FileOutcome = ModuleFacts | { skipped: string };

/** One file to read: its path in the tree, whether it is a stub, and the content key the cache holds for it (if any). */
export interface FactsJob {
  path: string;
  stub: boolean;
  /** The cache's content key for this path: a file whose bytes still have it is not parsed again (`unchanged`). */
  expect?: string;
}

/**
 * The answer for one job. `key` is the content key and `facts` the facts key (facts-key.ts), both
 * absent when the file could not be read or when no key was asked for; `stat` is the stat of the
 * bytes read (SourceTree.readStat), when keyed; `outcome` is absent exactly when `unchanged` is true.
 */
export type FactsAnswer =
  | { unchanged: true; key: string; stat?: FileStat }
  | { unchanged?: false; key?: string; facts?: string; stat?: FileStat; outcome: FileOutcome };

/** The content key of a file: a hash of its bytes, marked for stubs (a `.pyi` gives other facts than the same bytes in a `.py`). */
export function contentKey(bytes: Uint8Array, stub: boolean): string {
  return `${stub ? 'pyi:' : ''}${hash('sha1', bytes, 'base64')}`;
}

/**
 * Reads and extracts one file. With `keyed`, the content key is computed, and a file whose key is
 * `job.expect` is answered `unchanged` without being parsed; the facts key of any other is computed too. An unreadable file is skipped as
 * `unreadable: <message>`, an undecodable one with decodeSource's message.
 */
export function readFacts(tree: SourceTree, job: FactsJob, extract: ExtractOptions, keyed: boolean): FactsAnswer {
  let bytes: Buffer;
  let stat: FileStat | undefined;
  try {
    if (keyed && tree.readStat) ({ bytes, stat } = tree.readStat(job.path));
    else bytes = tree.read(job.path);
  } catch (error) {
    return { outcome: { skipped: `unreadable: ${(error as Error).message}` } };
  }
  const key = keyed ? contentKey(bytes, job.stub) : undefined;
  if (key !== undefined && key === job.expect) return { unchanged: true, key, stat };
  const decoded = decodeSource(bytes);
  const outcome: FileOutcome = 'error' in decoded ? { skipped: decoded.error } : (noteParsed(bytes.length), parseModule(decoded.text, { ...extract, stub: job.stub }));
  return key === undefined ? { outcome } : { key, facts: factsKeyOf(outcome), stat, outcome };
}

/** One file's outcome in this thread, uncached (the synchronous `analyze`, analyze-inline.ts). */
export function factsInline(tree: SourceTree, job: FactsJob, extract: ExtractOptions): FileOutcome {
  const answer = readFacts(tree, job, extract, false);
  if (answer.unchanged) throw new Error('an unchanged answer without a cache');
  return answer.outcome;
}
