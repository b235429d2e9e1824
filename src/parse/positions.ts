/**
 * Turning tree-sitter positions into the 1-based line and column that Python's
 * `ast` reports (`lineno`, `col_offset + 1`).
 *
 * node-tree-sitter parses a JS string as UTF-16, so its `column` counts UTF-16
 * code units from the start of the line, while `ast`'s `col_offset` counts the
 * UTF-8 bytes of the decoded line (CPython's tokenizer works on UTF-8). The two
 * differ as soon as a non-ASCII character precedes the node on its line
 * (`x = "é"; import os`: tree-sitter column 9, `col_offset` 10).
 */

/** A 1-based line and a 1-based column counted in UTF-8 bytes, as `ast` gives them. */
export interface AstPosition {
  line: number;
  column: number;
}

/**
 * Convert a tree-sitter start position into `ast` terms.
 *
 * `source` must be the exact string given to the parser; `startIndex` and
 * `column` are the node's UTF-16 offsets in the string and in its line.
 */
export function astPosition(source: string, row: number, column: number, startIndex: number): AstPosition {
  const lineStart = startIndex - column;
  let ascii = true;
  for (let i = lineStart; i < startIndex; i++) {
    if (source.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  const bytes = ascii ? column : Buffer.byteLength(source.slice(lineStart, startIndex), 'utf8');
  return { line: row + 1, column: bytes + 1 };
}

/**
 * Prepare a source string the way CPython's tokenizer sees it, without moving any
 * offset that matters: a leading byte-order mark is dropped (Python strips it, so
 * the first line's columns start after it), and a lone `\r` becomes `\n` (Python
 * ends a line at `\r`, `\n` or `\r\n`; tree-sitter counts rows only at `\n`).
 */
export function normalizeSource(source: string): string {
  let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.indexOf('\r') === -1) return text;
  const chars: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10) {
      chars.push(text.slice(from, i), '\n');
      from = i + 1;
    }
  }
  if (from === 0) return text;
  chars.push(text.slice(from));
  text = chars.join('');
  return text;
}
