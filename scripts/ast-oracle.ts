/**
 * Python's own `ast` as the independent reference for import extraction:
 * runs scripts/ast_imports.py under /usr/bin/python3 and compares its
 * statements with what `parseModule` gives. Used by test/parse/ast-oracle.test.ts
 * and scripts/compare-stdlib.ts.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RawImport } from '../src/parse/types.js';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./ast_imports.py', import.meta.url));

/** One statement target as ast reports it (see ast_imports.py). */
export interface AstImport {
  kind: 'import' | 'from';
  module: string;
  level: number;
  names: string[];
  line: number;
  column: number;
}

export type AstResult = { imports: AstImport[]; encoding?: string; source?: string } | { error: string; encoding?: string };

function runPython(mode: '--snippets' | '--files', input: string): AstResult[] {
  const out = execFileSync(PYTHON, [SCRIPT, mode], { input, maxBuffer: 1 << 30 });
  return JSON.parse(out.toString('utf8')) as AstResult[];
}

/** ast's view of each source string. */
export function astOfSnippets(sources: string[]): AstResult[] {
  return runPython('--snippets', JSON.stringify(sources));
}

/** ast's view of each file (decoded by Python's own rules; `source` is set when the file is not UTF-8). */
export function astOfFiles(paths: string[]): AstResult[] {
  return runPython('--files', paths.join('\n'));
}

const key = (i: AstImport): string => JSON.stringify([i.line, i.column, i.kind, i.module, i.level, i.names]);

/** The static (non-dynamic) imports of parseModule's output in ast's shape and order. */
export function staticImports(imports: RawImport[]): AstImport[] {
  return imports
    .filter((i) => i.kind !== 'dynamic')
    .map(({ kind, module, level, names, line, column }) => ({ kind: kind as 'import' | 'from', module, level, names, line, column }))
    .sort((a, b) => a.line - b.line || a.column - b.column || (a.module < b.module ? -1 : a.module > b.module ? 1 : 0));
}

/** Entries only in ast's list (`missing`) and only in ours (`extra`), compared on every field. */
export function diffImports(expected: AstImport[], actual: AstImport[]): { missing: AstImport[]; extra: AstImport[] } {
  const counts = new Map<string, number>();
  for (const i of actual) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
  const missing: AstImport[] = [];
  for (const i of expected) {
    const n = counts.get(key(i)) ?? 0;
    if (n > 0) counts.set(key(i), n - 1);
    else missing.push(i);
  }
  const extra: AstImport[] = [];
  for (const i of actual) {
    const n = counts.get(key(i)) ?? 0;
    if (n > 0) {
      extra.push(i);
      counts.set(key(i), n - 1);
    }
  }
  return { missing, extra };
}
