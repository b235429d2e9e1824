/**
 * The human-readable report: header, summary, cycles, private imports, then
 * the short problem lists, separated by blank lines. A pure function of the
 * result; colour only when `options.color`, so with `color: false` the output
 * holds no escape codes and is stable enough to snapshot.
 */
import type { AnalysisResult } from '../result.js';
import { renderCycles, renderPrivateImports } from './text-findings.js';
import { makeContext, type TextOptions } from './text-format.js';
import { renderProblems } from './text-problems.js';
import { renderHeader, renderSummary } from './text-summary.js';

export type { TextOptions } from './text-format.js';

/** Renders `result` as text ending in a newline. `options.full` lists every site instead of cutting at 20. */
export function renderText(result: AnalysisResult, options: TextOptions): string {
  const ctx = makeContext(options);
  const blocks = [
    renderHeader(result, ctx),
    renderSummary(result, ctx),
    renderCycles(result, ctx),
    renderPrivateImports(result, ctx),
    ...renderProblems(result, ctx),
  ].filter((block) => block.length > 0);
  if (result.cycles.length === 0 && result.privateImports.length === 0) {
    blocks.push([ctx.paint.green('No cycles and no private imports.')]);
  }
  return blocks.map((block) => block.join('\n')).join('\n\n') + '\n';
}
