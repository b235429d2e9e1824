import type { SyntaxNode } from 'tree-sitter';
import { IMPORT_NODE_TYPES, type StatementTarget } from './import-statements.js';

/**
 * What can be saved from the import statements that tree-sitter's error
 * recovery broke up: PEP 810's `lazy` prefix (unknown to tree-sitter-python
 * 0.25), statements swallowed by an ERROR node, and a `from x` split off
 * from its `import y`. Works on the tokens inside ERROR nodes, never on text.
 */

const QUOTE_LIMIT = 80;

/** Keywords that error recovery may leave as `identifier` leaves (they can never be names in Python 3). */
const KEYWORDS = new Set(['import', 'from', 'as']);

const isDots = (t: Token): boolean => t.type === '.' || t.type === '...' || t.type === 'ellipsis';

interface Token {
  type: string;
  text: string;
  row: number;
  node: SyntaxNode;
}

/** The leaves of an ERROR subtree in order, leaving out well-formed import statements (the walk reads those). */
function looseTokens(node: SyntaxNode, out: Token[] = []): Token[] {
  for (const child of node.children) {
    if (IMPORT_NODE_TYPES.has(child.type) || child.type === 'comment') continue;
    if (child.childCount === 0) {
      const text = child.text;
      const type = child.type === 'identifier' && KEYWORDS.has(text) ? text : child.type;
      out.push({ type, text, row: child.startPosition.row, node: child });
    }
    else looseTokens(child, out);
  }
  return out;
}

/**
 * PEP 810 `lazy import x` / `lazy from a import b`: tree-sitter-python 0.25 gives
 * `(ERROR (identifier "lazy"))` right before the import, on the same line (when the
 * import opens a block, the ERROR sits before the block). Returns that import node.
 */
export function lazyMarkerTarget(error: SyntaxNode): SyntaxNode | null {
  if (error.childCount !== 1) return null;
  const only = error.child(0);
  if (!only || only.type !== 'identifier' || only.text !== 'lazy') return null;
  let next = error.nextSibling;
  if (next?.type === 'block') next = next.firstNamedChild;
  if (!next || !IMPORT_NODE_TYPES.has(next.type)) return null;
  return next.startPosition.row === error.endPosition.row ? next : null;
}

/** An import statement read back from the loose tokens of an ERROR node, with where it starts. */
export interface RecoveredImport {
  start: SyntaxNode;
  targets: StatementTarget[];
  quote: string;
}

/**
 * Names after `import` on the same line (or inside its parentheses): `a.b as c, d`.
 * A name cut short by a token that cannot follow it on its own line (`z =`) is dropped.
 */
function namesAfter(tokens: Token[], at: number): string[] {
  const names: string[] = [];
  let current = '';
  let currentRow = -1;
  let parens = false;
  for (let i = at + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.row !== tokens[at].row && !parens) break;
    if (t.type === '(' && names.length === 0 && current === '') parens = true;
    else if (t.type === ')') break;
    else if (t.type === 'identifier' && (current === '' || current.endsWith('.'))) {
      if (current === '') currentRow = t.row;
      current += t.text;
    } else if (t.type === '.' && current !== '' && !current.endsWith('.')) current += '.';
    else if (t.type === 'as' && current !== '') i += 1;
    else if (t.type === ',' && current !== '') {
      names.push(current);
      current = '';
    } else if (t.type === '*' && current === '') current = '*';
    else {
      if (t.row === currentRow) current = '';
      break;
    }
  }
  if (current !== '' && !current.endsWith('.')) names.push(current);
  return names;
}

function quoteFrom(source: string, start: SyntaxNode): string {
  const end = source.indexOf('\n', start.startIndex);
  const text = source.slice(start.startIndex, end === -1 ? source.length : end).trim();
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}...` : text;
}

/**
 * The import statements an ERROR node swallowed: one per loose `import` keyword.
 * `targets` is empty when the module name cannot be read back (or when the
 * statement around the ERROR is itself an import node, which the walk records).
 */
export function swallowedImports(error: SyntaxNode, source: string): RecoveredImport[] {
  const tokens = looseTokens(error);
  const found: RecoveredImport[] = [];
  const parentIsImport = error.parent !== null && IMPORT_NODE_TYPES.has(error.parent.type);
  tokens.forEach((token, i) => {
    if (token.type !== 'import') return;
    if (parentIsImport) {
      found.push({ start: error.parent as SyntaxNode, targets: [], quote: quoteFrom(source, error.parent as SyntaxNode) });
      return;
    }
    let j = i - 1;
    while (j >= 0 && tokens[j].row === token.row && (isDots(tokens[j]) || tokens[j].type === 'identifier')) j -= 1;
    const names = namesAfter(tokens, i);
    if (j >= 0 && tokens[j].type === 'from' && tokens[j].row === token.row) {
      const between = tokens.slice(j + 1, i);
      let level = 0;
      let first = 0;
      for (; first < between.length && isDots(between[first]); first++) level += between[first].text.length;
      const module = between.slice(first).map((t) => t.text).join('');
      const ok = names.length > 0 && (module !== '' || level > 0) && !module.startsWith('.') && !module.endsWith('.');
      const targets: StatementTarget[] = ok ? [{ kind: 'from', module, level, names }] : [];
      found.push({ start: tokens[j].node, targets, quote: quoteFrom(source, tokens[j].node) });
    } else {
      const targets = names.filter((n) => n !== '*').map((module): StatementTarget => ({ kind: 'import', module, level: 0, names: [] }));
      found.push({ start: token.node, targets, quote: quoteFrom(source, token.node) });
    }
  });
  return found;
}

/** `from ..a` left in an ERROR node, its `import ...` parsed as a separate import statement right after it. */
export interface FromPrefix {
  importNode: SyntaxNode;
  start: SyntaxNode;
  module: string;
  level: number;
  quote: string;
}

/**
 * Error recovery sometimes splits `from ... import a` into `(ERROR ... from ...)`
 * and `(import_statement import a)`. When the ERROR ends with `from`, dots and
 * names on the row where the next import statement starts, return the pieces.
 */
export function fromPrefix(error: SyntaxNode, source: string): FromPrefix | null {
  const next = error.nextSibling;
  if (!next || next.type !== 'import_statement') return null;
  const tokens = looseTokens(error);
  let j = tokens.length - 1;
  while (j >= 0 && tokens[j].row === next.startPosition.row && (isDots(tokens[j]) || tokens[j].type === 'identifier')) j -= 1;
  if (j < 0 || tokens[j].type !== 'from' || tokens[j].row !== next.startPosition.row) return null;
  const between = tokens.slice(j + 1);
  let level = 0;
  let first = 0;
  for (; first < between.length && isDots(between[first]); first++) level += between[first].text.length;
  const module = between.slice(first).map((t) => t.text).join('');
  if ((module === '' && level === 0) || module.startsWith('.') || module.endsWith('.')) return null;
  return { importNode: next, start: tokens[j].node, module, level, quote: quoteFrom(source, tokens[j].node) };
}
