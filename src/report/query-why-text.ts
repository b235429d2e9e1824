/**
 * The text of `pyseam why A B`: the shortest chain, one line per hop with the place of the
 * import and its facts, then, when that chain has a hop that does not run at import time
 * (lazy or type-checking), the shortest chain that does, or a statement that none exists.
 */
import type { ChainHop, QueryFilters, WhyResult } from '../query-result.js';
import type { SiteRecord } from '../result.js';
import { location, makeContext, plural, type Paint, type TextOptions } from './text-format.js';

export function renderWhyText(result: WhyResult, options: TextOptions): string {
  const { paint } = makeContext(options);
  const { from, to, chain, eagerChain } = result;
  const what = result.asPackage ? ' (as packages: each with every module under it)' : '';
  const lines: string[] = [];
  if (chain === null) {
    lines.push(`No chain of imports leads from ${from} to ${to}${what}${filterNote(result.filters)}.`);
    return lines.join('\n') + '\n';
  }
  const goal = from === to && !result.asPackage ? `back to itself` : `to ${to}`;
  lines.push(paint.bold(`${from} leads ${goal} in ${plural(chain.length, 'import')}${what}${filterNote(result.filters)}:`));
  lines.push(...hopLines(chain, paint));
  if (eagerChain !== chain && JSON.stringify(eagerChain) !== JSON.stringify(chain)) {
    if (eagerChain === null) {
      lines.push('', 'No chain runs at import time: every chain has a lazy or type-checking import.');
    } else {
      lines.push('', paint.bold(`This chain does not all run at import time; the shortest that does, in ${plural(eagerChain.length, 'import')}:`));
      lines.push(...hopLines(eagerChain, paint));
    }
  }
  return lines.join('\n') + '\n';
}

function hopLines(chain: ChainHop[], paint: Paint): string[] {
  const width = Math.max(...chain.map((h) => `${h.from} -> ${h.to}`.length));
  return chain.map((h) => {
    const more = h.sites > 1 ? paint.dim(` (+${h.sites - 1} more ${h.sites === 2 ? 'site' : 'sites'})`) : '';
    return `  ${`${h.from} -> ${h.to}`.padEnd(width)}  ${paint.dim(location(h.site))}${siteNote(h.site, paint)}${more}`;
  });
}

/** `  from x import a, b  [lazy, implicit]`: what the statement names and the facts that matter. */
export function siteNote(site: SiteRecord, paint: Paint): string {
  const names = site.names.length ? `  ${site.target}: ${site.names.join(', ')}` : `  ${site.target}`;
  const facts = [
    site.implicit && 'implicit', site.typeChecking && 'type-checking', site.lazy && 'lazy',
    site.conditional && 'conditional', site.dynamic && 'dynamic', site.unresolved && 'unresolved',
  ].filter(Boolean);
  return names + (facts.length ? ' ' + paint.yellow(`[${facts.join(', ')}]`) : '');
}

/** ` (type-checking imports left out; implicit edges added)`, or nothing with the defaults. */
export function filterNote(filters: QueryFilters): string {
  const out = [
    !filters.includeTypeChecking && 'type-checking', !filters.includeLazy && 'lazy', !filters.includeDynamic && 'dynamic',
  ].filter(Boolean) as string[];
  const notes = [out.length ? `${out.join(', ')} imports left out` : '', filters.implicit ? 'implicit edges added' : ''].filter(Boolean);
  return notes.length ? ` (${notes.join('; ')})` : '';
}
