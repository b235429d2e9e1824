/**
 * The head of the text report: one line naming the tool version and the
 * analyzed roots (each with the reason it is a root), then the summary block
 * of counts from `result.summary`.
 */
import type { AnalysisResult } from '../result.js';
import { countExternalKinds } from './selectors.js';
import type { SectionContext } from './text-format.js';

/** `pyseam 0.1.0  roots: src (src-layout), . (analyzed-directory)`. */
export function renderHeader(result: AnalysisResult, { paint }: SectionContext): string[] {
  const roots = result.roots.length
    ? result.roots.map((r) => `${r.path} ${paint.dim(`(${r.reason})`)}`).join(', ')
    : 'none';
  return [`${paint.bold(`${result.tool.name} ${result.tool.version}`)}  roots: ${roots}`];
}

/**
 * The summary block: one `label  value` row per count, values right-aligned.
 * Rows for findings (cycles, private imports, errors) are highlighted when
 * non-zero.
 */
export function renderSummary(result: AnalysisResult, { paint }: SectionContext): string[] {
  const s = result.summary;
  const kinds = countExternalKinds(result);
  const rows: [string, number, string, 'ok' | 'bad' | 'warn'][] = [
    ['files', s.files, '', 'ok'],
    ['modules', s.modules, '', 'ok'],
    ['internal edges', s.edges, '', 'ok'],
    ['external packages', s.externalPackages, `(${kinds.stdlib} stdlib, ${kinds.thirdParty} third-party)`, 'ok'],
    ['import sites', s.sites, '', 'ok'],
    ['cycles', s.cycles, s.cycles ? `(largest: ${s.largestCycle} modules)` : '', 'bad'],
    ['private imports', s.privateImports, '', 'bad'],
    ['parse errors', s.parseErrors, '', 'warn'],
    ['import errors', s.importErrors, '', 'warn'],
    ['skipped files', s.skippedFiles, '', 'warn'],
    ['unresolved sites', s.unresolvedSites, '', 'warn'],
    ['non-literal dynamic imports', s.nonLiteralDynamicImports, '', 'warn'],
    ['duplicates', s.duplicates, '', 'warn'],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => String(value).length));
  const lines = [paint.bold('Summary')];
  for (const [label, value, note, level] of rows) {
    let shown = String(value).padStart(valueWidth);
    if (value > 0 && level === 'bad') shown = paint.red(shown);
    if (value > 0 && level === 'warn') shown = paint.yellow(shown);
    lines.push(`  ${label.padEnd(labelWidth)}  ${shown}${note ? ` ${note}` : ''}`);
  }
  return lines;
}
