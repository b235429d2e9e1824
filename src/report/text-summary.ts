/**
 * The head of the text report: one line naming the tool version and the
 * analyzed roots (each with the reason it is a root), then the summary block
 * of counts from `result.summary`.
 */
import type { AnalysisResult } from '../result.js';
import { countExternalKinds, countModuleKinds } from './selectors.js';
import { plural, type SectionContext } from './text-format.js';

/** `pyseam 0.1.0  roots: src (src-layout), . (analyzed-directory)`. */
export function renderHeader(result: AnalysisResult, { paint }: SectionContext): string[] {
  const roots = result.roots.length
    ? result.roots.map((r) => `${r.path} ${paint.dim(`(${r.reason})`)}`).join(', ')
    : 'none';
  const config = result.options.config ? `  config: ${result.options.config}` : '';
  return [`${paint.bold(`${result.tool.name} ${result.tool.version}`)}  roots: ${roots}${config}`];
}

/**
 * The summary block: one `label  value` row per count, values right-aligned.
 * Rows for findings (cycles, private imports, errors) are highlighted when
 * non-zero.
 */
export function renderSummary(result: AnalysisResult, { paint }: SectionContext): string[] {
  const s = result.summary;
  const kinds = countExternalKinds(result);
  const m = countModuleKinds(result);
  const privateFiles = new Set(result.privateImports.map((p) => p.file)).size;
  type Row = [string, number, string, 'ok' | 'bad' | 'warn'];
  const rows: Row[] = [
    ['files', s.files, '(Python sources, stubs and extension modules)', 'ok'],
    ['modules', s.modules, m.namespace || m.script ? `(incl. ${plural(m.namespace, 'namespace package')}, ${plural(m.script, 'script')})` : '', 'ok'],
    ['internal edges', s.edges, '(importer -> imported module pairs)', 'ok'],
    ['external packages', s.externalPackages, `(${kinds.stdlib} stdlib, ${kinds.thirdParty} third-party)`, 'ok'],
    ['import sites', s.sites, '(one per statement and target)', 'ok'],
    ['cycles', s.cycles, s.cycles ? `(strongly connected components; largest: ${s.largestCycle} modules)` : '', 'bad'],
    ['private imports', s.privateImports, s.privateImports ? `(sites, in ${plural(privateFiles, 'file')})` : '', 'bad'],
    // Shown only when there are inline suppressions, so reports of trees without any keep their shape.
    ...(s.suppressed ? [['suppressed', s.suppressed, '(private import sites silenced inline, not counted)', 'ok'] as Row] : []),
    ...(s.suppressionProblems ? [['suppression problems', s.suppressionProblems, '(stale, or without a reason)', 'warn'] as Row] : []),
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
