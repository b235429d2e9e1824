/**
 * An analysis's inputs (analyze.ts `analyzeOrReuse`): a name for everything its result depends on,
 * in two parts so that the tree record (commands/tree-record.ts) can name a run whose files' facts
 * changed without discovering again: the base (the program, the options, the analyzed directory and
 * what discovery found) and the facts digest (facts-key.ts `factsDigestOf`).
 */
import { hash } from 'node:crypto';
import type { AnalyzeOptions } from './analyze.js';
import type { Discovery, ExtractOptions } from './parse/types.js';
import { programFingerprint } from './program-fingerprint.js';

/** SHA-1 (hex) of the program (program-fingerprint.ts), the options (but the API sources), the analyzed directory (absolute) and `discovery`. */
export function inputsBase(options: AnalyzeOptions, root: string, discovery: Discovery): string {
  return hash('sha1', JSON.stringify([programFingerprint(), { ...options, apiSources: [] }, root, discovery]), 'hex');
}

/** SHA-1 (hex) of `base` and the facts `digest`: two runs with the same inputs give the same result, byte for byte. */
export function inputsOf(base: string, digest: string): string {
  return hash('sha1', `${base}\0${digest}`, 'hex');
}

/** What the extractor is told (parse/types.ts): the options' import helpers and export decorators. */
export function extractOptionsOf(options: AnalyzeOptions): ExtractOptions {
  return { importHelpers: options.importHelpers, exportDecorators: options.exportDecorators ?? [] };
}
