/**
 * The `markdown` report: a summary short enough for a pull-request comment
 * (GitHub-flavored Markdown: pipe tables, code spans).
 *
 *   ## pyseam: 29 private imports, 3 import cycles
 *   | finding | count |  ...counts table (violations, then size of the graph)
 *   ### Top private-import targets        up to TARGET_LIMIT rows, most sites first
 *   | target | sites | names | imported by |
 *   ### Import cycles (largest first)     up to CYCLE_LIMIT items, chains cut at HOP_LIMIT hops
 *   1. **12 modules**: `big.m01` -> `big.m02` -> `big.m01` (`big/m01.py:1`)
 *   _... and N more cycles; the full report: `pyseam analyze --format text` ..._
 *
 * Every list that is cut says by how much and where the rest is. Table cells
 * escape `|`; code spans are widened when the text holds a backtick
 * (CommonMark §6.1), so file names cannot break the layout.
 */
import type { AnalysisResult } from '../result.js';
import { groupPrivateImports, sortCycles } from './selectors.js';
import { flags } from './violations.js';

export const TARGET_LIMIT = 10;
export const CYCLE_LIMIT = 10;
export const HOP_LIMIT = 8;
const NAME_LIMIT = 4;

const FULL = 'the full report: `pyseam analyze --format text` (or `--format sarif` for code scanning)';

/** A code span that survives any content: a longer backtick fence than any run inside, padded when needed. */
export function code(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const more = (n: number, what: string): string[] => (n > 0 ? ['', `_... and ${n} more ${what}${n === 1 ? '' : 's'}; ${FULL}._`] : []);

function counts(result: AnalysisResult): string[] {
  const s = result.summary;
  const files = new Set(result.privateImports.map((p) => p.file)).size;
  const rows: [string, string][] = [
    ['private imports', s.privateImports ? `${s.privateImports} (in ${plural(files, 'file')})` : '0'],
    ['import cycles', s.cycles ? `${s.cycles} (largest: ${s.largestCycle} modules)` : '0'],
    ['parse errors', String(s.parseErrors)],
    ['import errors', String(s.importErrors)],
    ['files / modules / internal edges', `${s.files} / ${s.modules} / ${s.edges}`],
  ];
  return ['| finding | count |', '|---|---:|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
}

function targets(result: AnalysisResult): string[] {
  const groups = groupPrivateImports(result);
  if (groups.length === 0) return [];
  const rows = groups.slice(0, TARGET_LIMIT).map((g) => {
    const names = g.names.slice(0, NAME_LIMIT).map((n) => `${code(n.name)} ×${n.count}`).join(', ');
    const tail = g.names.length > NAME_LIMIT ? `, +${g.names.length - NAME_LIMIT}` : '';
    return `| ${cell(code(g.target))} | ${g.sites.length} | ${cell(names + tail) || '-'} | ${cell(g.importerOwners.join(', '))} |`;
  });
  return ['', '### Top private-import targets', '', '| target | sites | names | imported by |', '|---|---:|---|---|',
    ...rows, ...more(groups.length - TARGET_LIMIT, 'target')];
}

function cycles(result: AnalysisResult): string[] {
  const sorted = sortCycles(result);
  if (sorted.length === 0) return [];
  const items = sorted.slice(0, CYCLE_LIMIT).map((c, i) => {
    const hops = c.example.slice(0, HOP_LIMIT);
    const path = hops.length ? [code(hops[0].from), ...hops.map((h) => `${code(h.to)}${flags(h)}`)].join(' -> ') : c.modules.map(code).join(', ');
    const cut = c.example.length > HOP_LIMIT ? ` -> ... (${c.example.length - HOP_LIMIT} more hops)` : '';
    const at = hops.length ? ` (${code(`${hops[0].file}:${hops[0].line}`)})` : '';
    return `${i + 1}. **${c.modules.length} modules**: ${path}${cut}${at}`;
  });
  return ['', '### Import cycles (largest first)', '', ...items, ...more(sorted.length - CYCLE_LIMIT, 'cycle')];
}

export function renderMarkdown(result: AnalysisResult): string {
  const s = result.summary;
  const found = [
    s.privateImports && plural(s.privateImports, 'private import'), s.cycles && plural(s.cycles, 'import cycle'),
    s.parseErrors && plural(s.parseErrors, 'parse error'), s.importErrors && plural(s.importErrors, 'import error'),
  ].filter((x): x is string => typeof x === 'string');
  const heading = `## ${result.tool.name}: ${found.length ? found.join(', ') : 'no violations'}`;
  return [heading, '', ...counts(result), ...targets(result), ...cycles(result)].join('\n') + '\n';
}
