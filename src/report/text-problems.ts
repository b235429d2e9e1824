/**
 * The short lists at the end of the text report: suppressed private imports
 * and suppression problems (text-suppressions.ts), parse errors, import
 * errors, skipped files, duplicates, unresolved sites (grouped by the module
 * they name) and non-literal dynamic imports. Each list is omitted when empty
 * and cut to `LIST_LIMIT` entries unless `full`.
 */
import type { AnalysisResult } from '../result.js';
import { groupUnresolvedSites } from './selectors.js';
import { renderSuppressions } from './text-suppressions.js';
import { cut, location, LIST_LIMIT, moreLines, plural, type SectionContext } from './text-format.js';

/** A call's source text on one line: a call spread over several lines would break the list. */
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ');

/** `heading`, then one line per item, cut unless `full`; nothing when there are no items. */
function list<T>(heading: string, items: readonly T[], line: (item: T) => string, ctx: SectionContext): string[] {
  if (items.length === 0) return [];
  const { shown, more } = cut(items, LIST_LIMIT, ctx.full);
  return [ctx.paint.bold(heading), ...shown.map((item) => `  ${line(item)}`), ...moreLines('  ', more, ctx.paint)];
}

/** One block of lines per non-empty problem list, in report order. */
export function renderProblems(result: AnalysisResult, ctx: SectionContext): string[][] {
  const { paint } = ctx;
  const unresolved = groupUnresolvedSites(result);
  const sites = unresolved.reduce((n, g) => n + g.sites.length, 0);
  return [
    ...renderSuppressions(result, ctx),
    list(`Parse errors (${result.parseErrors.length})`, result.parseErrors, (p) => `${location(p)}  ${p.message}`, ctx),
    list(`Import errors (${result.importErrors.length})`, result.importErrors, (p) => `${location(p)}  ${p.message}`, ctx),
    list(`Skipped files (${result.skippedFiles.length})`, result.skippedFiles, (s) => `${s.file}  ${paint.dim(s.reason)}`, ctx),
    list(
      `Duplicate modules (${result.duplicates.length})`,
      result.duplicates,
      (d) => `${d.module}: ${d.paths[0]} ${paint.dim('(used)')}${d.paths.slice(1).map((p) => `, ${p}`).join('')}`,
      ctx,
    ),
    list(
      `Unresolved imports (${plural(sites, 'site')} into ${plural(unresolved.length, 'module')})`,
      unresolved,
      (g) => `${g.target}  ${plural(g.sites.length, 'site')}  ${paint.dim(`first at ${location(g.sites[0])}`)}`,
      ctx,
    ),
    list(
      `Non-literal dynamic imports (${result.nonLiteralDynamicImports.length})`,
      result.nonLiteralDynamicImports,
      (d) => `${location(d)}  ${oneLine(d.call)}`,
      ctx,
    ),
  ].filter((block) => block.length > 0);
}
