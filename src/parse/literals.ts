import type { SyntaxNode } from 'tree-sitter';

/**
 * Reading the few Python literals that extraction needs from syntax nodes:
 * plain string literals, lists/tuples/sets of them, and dotted names.
 */

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '',
};

/** Decode the backslash escapes of a non-raw Python `str` body (`\x2e`, `\u002e`, `\n`, `\<newline>`, octal). */
function decodeEscapes(body: string): string {
  if (body.indexOf('\\') === -1) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\' || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[i + 1];
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i += 1;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const width = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 2 + width), 16));
      i += 1 + width;
    } else if (next >= '0' && next <= '7') {
      let digits = next;
      while (digits.length < 3 && body[i + 1 + digits.length] >= '0' && body[i + 1 + digits.length] <= '7') {
        digits += body[i + 1 + digits.length];
      }
      out += String.fromCharCode(parseInt(digits, 8));
      i += digits.length;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The letters before the opening quote of a `string_start` token (`rb"` gives `rb`), lower-cased. */
function stringPrefix(start: string): string {
  let end = start.length;
  while (end > 0 && (start[end - 1] === '"' || start[end - 1] === "'")) end -= 1;
  return start.slice(0, end).toLowerCase();
}

/**
 * The value of a plain string literal node (`"a.b"`, `'x'`, `r"..."`, `u"..."`,
 * triple-quoted), or null for anything else: f-strings, t-strings, bytes,
 * implicit concatenation (`"a" "b"` is a `concatenated_string` node), names,
 * expressions, and strings containing a syntax error.
 */
export function stringLiteral(node: SyntaxNode | null): string | null {
  if (!node || node.type !== 'string' || node.hasError) return null;
  let prefix = '';
  let body = '';
  for (const child of node.children) {
    if (child.type === 'string_start') prefix = stringPrefix(child.text);
    else if (child.type === 'string_content') body += child.text;
    else if (child.type === 'interpolation') return null;
  }
  if (prefix.includes('f') || prefix.includes('b') || prefix.includes('t')) return null;
  return prefix.includes('r') ? body : decodeEscapes(body);
}

/** Strings of a literal list, tuple or set of plain string literals (`["a", "b"]`, `("a",)`, a bare `"a", "b"`), or null. */
export function stringSequence(node: SyntaxNode | null): string[] | null {
  if (!node) return null;
  if (node.type === 'parenthesized_expression') {
    const inner = node.namedChildren.filter((c) => c.type !== 'comment');
    return inner.length === 1 ? stringSequence(inner[0]) : null;
  }
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '+') {
    const left = stringSequence(node.childForFieldName('left'));
    const right = stringSequence(node.childForFieldName('right'));
    return left && right ? [...left, ...right] : null;
  }
  if (node.type !== 'list' && node.type !== 'tuple' && node.type !== 'set' && node.type !== 'expression_list') return null;
  const values: string[] = [];
  for (const child of node.namedChildren) {
    if (child.type === 'comment') continue;
    const value = stringLiteral(child);
    if (value === null) return null;
    values.push(value);
  }
  return values;
}

/** `a.b.c` for an `identifier` or a chain of `attribute` nodes over identifiers; null otherwise. */
export function dottedName(node: SyntaxNode | null): string | null {
  if (!node) return null;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'parenthesized_expression' && node.namedChildCount === 1) return dottedName(node.namedChild(0));
  if (node.type !== 'attribute') return null;
  const object = dottedName(node.childForFieldName('object'));
  const attribute = node.childForFieldName('attribute');
  return object !== null && attribute ? `${object}.${attribute.text}` : null;
}

/** Drop `(...)` around an expression, as Python's `ast` does. */
export function unparenthesize(node: SyntaxNode | null): SyntaxNode | null {
  let current = node;
  while (current && current.type === 'parenthesized_expression') {
    const inner = current.namedChildren.filter((c) => c.type !== 'comment');
    if (inner.length !== 1) return current;
    current = inner[0];
  }
  return current;
}
