/**
 * The text of `pyseam deps M` / `pyseam rdeps M`: a headline with the counts, then the reached
 * modules level by level (depth 1 = direct), each after depth 1 with the module it is reached
 * through, so any line can be followed back to M. External packages are marked.
 */
import type { ReachResult } from '../query-result.js';
import { filterNote } from './query-why-text.js';
import { makeContext, plural, type TextOptions } from './text-format.js';

export function renderReachText(result: ReachResult, options: TextOptions): string {
  const { paint } = makeContext(options);
  const subject = result.asPackage ? `${result.module} (as a package of ${plural(result.members.length, 'module')})` : result.module;
  const depth = result.maxDepth === null ? '' : ` within ${plural(result.maxDepth, 'import')}`;
  const externals = result.query === 'deps' && result.externalPackages > 0 ? ` and ${plural(result.externalPackages, 'external package')}` : '';
  const count = plural(result.modules, 'module');
  const headline = result.query === 'deps'
    ? `${subject} imports ${count}${externals}, directly or not${depth}${filterNote(result.filters)}`
    : `${count} import ${subject}, directly or not${depth}${filterNote(result.filters)}`;
  const lines = [paint.bold(headline + (result.levels.length ? ':' : '.'))];
  for (const level of result.levels) {
    lines.push(`depth ${level.depth} (${level.modules.length})`);
    for (const m of level.modules) {
      const via = level.depth > 1 || result.asPackage ? paint.dim(`  via ${m.via}`) : '';
      lines.push(`  ${m.name}${m.external ? paint.cyan(' (external)') : ''}${via}`);
    }
  }
  return lines.join('\n') + '\n';
}
