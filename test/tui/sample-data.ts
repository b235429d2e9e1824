// The sample monorepo's analysis as the terminal UI gets it, for the screen tests: the real
// analysis of samples/monorepo with its pyseam.toml, as `pyseam tui samples/monorepo` runs it
// (hand-checked in test/samples/monorepo.expected.ts).
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze-inline.js';
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

/**
 * Lets ink and React flush after `stdin.write`: keeps yielding to the check phase (where React's
 * scheduler and ink's input handling run) for at least `ms`, so a render delayed by a busy
 * machine still lands before the test reads the frame (a bare timer can fire first under load).
 */
export async function settle(ms = 60): Promise<void> {
  const end = performance.now() + ms;
  do await new Promise((resolve) => setImmediate(resolve));
  while (performance.now() < end);
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** The smallest terminal the UI is laid out for, which the screen tests render at. */
export const SIZE = { columns: 80, rows: 24 };

/** Types the keys one at a time, letting the frame settle after each. */
export async function keys(stdin: { write(s: string): void }, ...list: string[]): Promise<void> {
  for (const k of list) {
    stdin.write(k);
    await settle();
  }
}
