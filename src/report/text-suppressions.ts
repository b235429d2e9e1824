/**
 * The text report's lines for inline suppressions (issue 4, item 3):
 *
 *   Suppressed private imports (1)
 *     keras/src/e.py:5:1  tensorflow.python.eager (context)  reason: TF has no public API for it yet
 *   Suppression problems (2)
 *     keras/src/e.py:9  stale: stale suppression: ignore[private-import] is on no import statement
 *
 * Suppressed imports are listed so reviewers see them, but are not counted as
 * private imports. Each block is omitted when empty and cut to `LIST_LIMIT`
 * entries unless `full`.
 */
import type { AnalysisResult } from '../result.js';
import { cut, location, LIST_LIMIT, moreLines, title, type SectionContext } from './text-format.js';

function block<T>(heading: string, items: readonly T[], line: (item: T) => string, ctx: SectionContext): string[] {
  if (items.length === 0) return [];
  const { shown, more } = cut(items, LIST_LIMIT, ctx.full);
  return [title(ctx.paint, heading, items.length), ...shown.map((item) => `  ${line(item)}`), ...moreLines('  ', more, ctx.paint)];
}

/** The suppressed private imports, then the suppression problems: up to two blocks of lines. */
export function renderSuppressions(result: AnalysisResult, ctx: SectionContext): string[][] {
  const { paint } = ctx;
  return [
    block('Suppressed private imports', result.suppressed, (s) => {
      const names = s.names.length > 0 ? ` (${s.names.join(', ')})` : '';
      const reason = s.suppressionReason === '' ? 'no reason given' : `reason: ${s.suppressionReason}`;
      return `${location(s)}  ${s.target}${names}  ${paint.dim(reason)}`;
    }, ctx),
    block('Suppression problems', result.suppressionProblems, (p) => `${p.file}:${p.line}  ${paint.yellow(p.kind)}: ${p.message}`, ctx),
  ].filter((lines) => lines.length > 0);
}
