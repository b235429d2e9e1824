/**
 * The two findings sections of the text report: cycles (largest first, each
 * with its modules and its example chain hop by hop) and private imports
 * (grouped by target module, most sites first, every site as
 * `file:line:column`). Long lists are cut unless `full`.
 */
import type { AnalysisResult, PrivateImportRecord } from '../result.js';
import { groupPrivateImports, sortCycles, type PrivateImportGroup } from './selectors.js';
import {
  cut, location, moreLines, MODULE_LIMIT, plural, SITE_LIMIT, title, type SectionContext,
} from './text-format.js';

/** `Cycles (n)`, then per cycle its size, modules, and hops as `a.b -> c.d  (a/b.py:12)`. */
export function renderCycles(result: AnalysisResult, ctx: SectionContext): string[] {
  const { paint, full } = ctx;
  const cycles = sortCycles(result);
  if (cycles.length === 0) return [];
  const lines = [title(paint, 'Cycles', cycles.length)];
  cycles.forEach((cycle, i) => {
    const { shown, more } = cut(cycle.modules, MODULE_LIMIT, full);
    const tail = more > 0 ? `, ... and ${more} more` : '';
    lines.push(`  ${i + 1}. ${paint.red(plural(cycle.modules.length, 'module'))}: ${shown.join(', ')}${tail}`);
    for (const hop of cycle.example) {
      lines.push(`     ${paint.cyan(hop.from)} -> ${paint.cyan(hop.to)}  ${paint.dim(`(${hop.file}:${hop.line})`)}${siteFlags(hop)}`);
    }
  });
  return lines;
}

/** The flags worth showing on a site or hop: `[type-checking, lazy]` (such a site does not run at import time). */
function siteFlags(site: Pick<PrivateImportRecord, 'typeChecking' | 'lazy' | 'dynamic'>): string {
  const flags = [site.typeChecking && 'type-checking', site.lazy && 'lazy', site.dynamic && 'dynamic'];
  const set = flags.filter((f): f is string => typeof f === 'string');
  return set.length ? `  [${set.join(', ')}]` : '';
}

function renderGroup(group: PrivateImportGroup, ctx: SectionContext): string[] {
  const { paint, full } = ctx;
  const lines = [
    `  ${paint.yellow(paint.bold(group.target))}  ${plural(group.sites.length, 'site')}  ${paint.dim(`owned by ${group.targetOwner}`)}`,
    `    reason: ${group.reasons.join('; ')}`,
  ];
  if (group.names.length) {
    const counted = group.sites.length > 1;
    lines.push(`    names: ${group.names.map((n) => (counted ? `${n.name} (${n.count})` : n.name)).join(', ')}`);
  }
  lines.push(`    imported by: ${group.importerOwners.join(', ')}`);
  const { shown, more } = cut(group.sites, SITE_LIMIT, full);
  for (const site of shown) lines.push(`    ${location(site)}${paint.dim(siteFlags(site))}`);
  return [...lines, ...moreLines('    ', more, paint)];
}

/** `Private imports (n sites into m modules)`, then one block per target module. */
export function renderPrivateImports(result: AnalysisResult, ctx: SectionContext): string[] {
  const groups = groupPrivateImports(result);
  if (groups.length === 0) return [];
  const heading = `Private imports (${plural(result.privateImports.length, 'site')} into ${plural(groups.length, 'module')})`;
  const lines = [ctx.paint.bold(heading)];
  groups.forEach((group, i) => {
    if (i > 0) lines.push('');
    lines.push(...renderGroup(group, ctx));
  });
  return lines;
}
