/**
 * Bytes of a Python source file to text, as CPython's tokenizer reads them
 * (PEP 3120, PEP 263, `tokenize.detect_encoding`):
 * - UTF-8 by default; a UTF-8 BOM is dropped, and with a BOM a coding line
 *   may only declare a name that normalizes to exactly `utf-8` (CPython
 *   rejects `utf8` there: "encoding problem: utf8 with BOM");
 * - a coding declaration matching `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on
 *   line 1, or on line 2 when line 1 is blank or a comment only;
 * - the declared name goes through Python's own normalization (`latin-1`,
 *   `iso-latin-1`, `iso-8859-1` and their `-suffixed` forms are Latin-1;
 *   `utf-8-*` is UTF-8) and alias table (encoding-names.ts), then a
 *   TextDecoder with `fatal: true`.
 * The result is an error message, never an exception, for invalid bytes or an
 * unknown encoding.
 */
import { decoderFor, isNormalUtf8 } from './encoding-names.js';

export type DecodeResult = { text: string } | { error: string };

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(?:[#\r\n]|$)/;
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The declared encoding name and its 1-based line, or null. */
export function codingDeclaration(bytes: Uint8Array): { name: string; line: number } | null {
  const firstEnd = bytes.indexOf(0x0a);
  const line1 = Buffer.from(bytes.subarray(0, firstEnd < 0 ? bytes.length : firstEnd + 1)).toString('latin1');
  const m1 = COOKIE.exec(line1);
  if (m1) return { name: m1[1], line: 1 };
  if (firstEnd < 0 || !BLANK_OR_COMMENT.test(line1)) return null;
  const secondEnd = bytes.indexOf(0x0a, firstEnd + 1);
  const line2 = Buffer.from(bytes.subarray(firstEnd + 1, secondEnd < 0 ? bytes.length : secondEnd + 1)).toString('latin1');
  const m2 = COOKIE.exec(line2);
  return m2 ? { name: m2[1], line: 2 } : null;
}

/** The 0-based offset of the first byte that is not valid UTF-8 (RFC 3629: no overlongs, surrogates or values above U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number, lo = 0x80, hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

const lineAt = (bytes: Uint8Array, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/** Decode a Python source file's bytes; see the file comment for the rules. */
export function decodeSource(bytes: Uint8Array): DecodeResult {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const declared = codingDeclaration(body);
  const decoder = declared ? decoderFor(declared.name) : { kind: 'utf-8' as const };
  if (declared && decoder === null) return { error: `unknown encoding '${declared.name}' declared on line ${declared.line}` };
  if (bom && declared && !isNormalUtf8(declared.name)) return { error: `encoding problem: '${declared.name}' declared with a UTF-8 BOM` };
  try {
    return { text: decoder!.decode ? decoder!.decode(body) : UTF8.decode(body) };
  } catch {
    if (decoder!.kind === 'utf-8') {
      const at = firstInvalidUtf8(body) + (bom ? 3 : 0);
      const why = declared ? `(declared on line ${declared.line})` : 'and no PEP 263 coding line';
      return { error: `not valid UTF-8 at byte ${at} (line ${lineAt(bytes, at)}) ${why}` };
    }
    return { error: `not valid ${declared!.name} (declared on line ${declared!.line})` };
  }
}
