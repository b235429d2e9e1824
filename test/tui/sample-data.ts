// The sample monorepo's analysis as the terminal UI gets it, for the screen tests: the real
// analysis of samples/monorepo with its pyseam.toml, as `pyseam tui samples/monorepo` runs it
// (hand-checked in test/samples/monorepo.expected.ts).
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';
import { analysisOptions } from '../../src/commands/shared.js';
import { tuiData } from '../../src/commands/tui-data.js';
import { nodeTree } from '../../src/parse/source-tree.js';
import type { AnalysisResult } from '../../src/result.js';
import type { TuiData } from '../../src/tui/data.js';

export const SAMPLE_DIR = fileURLToPath(new URL('../../samples/monorepo', import.meta.url));

const FLAGS = { typeChecking: true, lazy: true, dynamic: true };
const SILENT = { out: () => {}, err: () => {}, warn: () => {} };
let cached: AnalysisResult | null = null;

/** The sample's result, analyzed once per test file. */
export function sampleResult(): AnalysisResult {
  if (!cached) {
    const { options, dir } = analysisOptions(SAMPLE_DIR, FLAGS, SILENT);
    cached = analyze(options, nodeTree(dir));
  }
  return cached;
}

/** A fresh TuiData over the sample (new memo caches each call), optionally focused on a component. */
export function sampleData(component: string | null = null): TuiData {
  return tuiData(sampleResult(), { dir: SAMPLE_DIR, origin: 'samples/monorepo', component });
}

/** Lets ink and React flush after `stdin.write` (input is handled on the next tick). */
export const settle = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
