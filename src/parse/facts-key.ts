/**
 * A file's facts key (facts-cache.ts): a name for its facts, whatever its bytes, so that two runs
 * whose files gave the same facts can be told so without the facts themselves.
 */
import { hash } from 'node:crypto';
import type { FileOutcome } from './read-facts.js';

/**
 * SHA-1 (base64) of the outcome's JSON, as the extractor made it: its fields come in the order the
 * extractor writes them, the same in a worker thread and in this one, so equal facts give equal
 * keys (an outcome decoded from the cache, whose fields may come in another order, is never keyed).
 */
export function factsKeyOf(outcome: FileOutcome): string {
  return hash('sha1', JSON.stringify(outcome), 'base64');
}

/**
 * `FactsStats.digest` (collect-facts.ts): a SHA-1 (hex) of each job's path and facts key, in the
 * jobs' order (`keys[i]` is `paths[i]`'s). Two runs with the same digest had the same facts, file for
 * file. The tree record (commands/tree-record.ts) computes it again with a changed file's new key.
 */
export function factsDigestOf(paths: readonly string[], keys: readonly string[]): string {
  const lines: string[] = new Array(paths.length);
  for (let i = 0; i < paths.length; i++) lines[i] = `${paths[i]}\0${keys[i]}\n`;
  return hash('sha1', lines.join(''), 'hex');
}
