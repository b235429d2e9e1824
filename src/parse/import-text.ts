import type { Bindings } from './bindings.js';
import type { StatementTarget } from './import-statements.js';

/**
 * Reading the common one-line import statements from their text, so that the
 * walker builds no syntax node for them: `import a.b as c, d`,
 * `from ..a import b as c, d`, `from a import *`. Gives what `readImportStatement`
 * gives for the same statement of a tree without errors, and binds the same names.
 */

/** The text of an import statement on one line without parentheses, comments or non-ASCII characters. */
const SIMPLE_TEXT = /^[A-Za-z0-9_ \t.,*]*$/;
const TOKEN = /[A-Za-z_][A-Za-z0-9_]*|\.|,|\*|\S/g;

/** `a.b.c` from tokens[at...]: a name, then `.` name pairs. Returns the name and the index after it, or null. */
function dottedTokens(tokens: string[], at: number): { name: string; next: number } | null {
  if (!/^[A-Za-z_]/.test(tokens[at] ?? '')) return null;
  let name = tokens[at];
  let i = at + 1;
  while (tokens[i] === '.' && /^[A-Za-z_]/.test(tokens[i + 1] ?? '')) {
    name += `.${tokens[i + 1]}`;
    i += 2;
  }
  return { name, next: i };
}

/** `a.b as c, d` from tokens[at...] to the end; null unless they are exactly that. */
function namesAndAliases(tokens: string[], at: number): Array<{ name: string; alias: string | null }> | null {
  const out: Array<{ name: string; alias: string | null }> = [];
  let i = at;
  for (;;) {
    const dotted = dottedTokens(tokens, i);
    if (!dotted || dotted.name === 'as') return null;
    i = dotted.next;
    let alias: string | null = null;
    if (tokens[i] === 'as') {
      alias = tokens[i + 1] ?? null;
      if (alias === null || !/^[A-Za-z_]/.test(alias)) return null;
      i += 2;
    }
    out.push({ name: dotted.name, alias });
    if (i === tokens.length) return out;
    if (tokens[i] !== ',' || i + 1 === tokens.length) return null;
    i += 1;
  }
}

/**
 * The targets of an import statement's text (from a tree without errors), binding its
 * names. Returns null, binding nothing, for any text but the one-line forms (parentheses,
 * comments, continuation lines, non-ASCII names): the caller reads those from the tree.
 */
export function readSimpleImport(text: string, bindings: Bindings): StatementTarget[] | null {
  if (!SIMPLE_TEXT.test(text)) return null;
  const tokens = text.match(TOKEN) ?? [];
  if (tokens[0] === 'import') {
    const entries = namesAndAliases(tokens, 1);
    if (!entries) return null;
    for (const { name, alias } of entries) bindings.bindImport(name, alias);
    return entries.map(({ name }) => ({ kind: 'import', module: name, level: 0, names: [] }));
  }
  if (tokens[0] !== 'from') return null;
  let i = 1;
  let level = 0;
  while (tokens[i] === '.') {
    level += 1;
    i += 1;
  }
  let module = '';
  if (tokens[i] !== 'import') {
    const dotted = dottedTokens(tokens, i);
    if (!dotted) return null;
    module = dotted.name;
    i = dotted.next;
  }
  if (tokens[i] !== 'import' || (module === '' && level === 0)) return null;
  if (tokens[i + 1] === '*' && tokens.length === i + 2) return [{ kind: 'from', module, level, names: ['*'] }];
  const entries = namesAndAliases(tokens, i + 1);
  if (!entries) return null;
  if (level === 0) for (const { name, alias } of entries) bindings.bindFrom(module, name, alias);
  return [{ kind: 'from', module, level, names: entries.map((e) => e.name) }];
}
