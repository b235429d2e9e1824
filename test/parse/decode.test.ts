// Decoding is checked against CPython itself: each sample goes through /usr/bin/python3's
// `compile()` (the real tokenizer) and `tokenize.detect_encoding`, and must succeed or fail
// the same way, with the same text.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { codingDeclaration, decodeSource, firstInvalidUtf8 } from '../../src/parse/decode.js';

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
const SAMPLES: Record<string, Buffer> = {
  plain: Buffer.from('import os\nx = "héllo"\n'),
  bom: Buffer.from('\ufeffimport os\n'),
  bomWithUtf8Cookie: Buffer.from('\ufeff# -*- coding: utf-8 -*-\nx = 1\n'),
  bomWithUtf8NoDash: Buffer.from('\ufeff# coding: utf8\nx = 1\n'),
  bomWithLatin1: Buffer.concat([Buffer.from('\ufeff'), latin1('# coding: latin-1\nx = "\xe9"\n')]),
  latin1Line1: latin1('# -*- coding: latin-1 -*-\nx = "caf\xe9"\n'),
  latin1Line2: latin1('#!/usr/bin/env python\n# -*- coding: iso-8859-15 -*-\nx = "\xa4"\n'),
  latin1AfterCode: latin1('x = 1\n# coding: latin-1\ny = "\xe9"\n'),
  vim: latin1('# vim: set fileencoding=latin-1 :\nx = "\xe9\x80"\n'),
  emacsUnix: latin1('# coding: iso-latin-1-unix\nx = "\xe9"\n'),
  cp1252: latin1('# coding: cp1252\nx = "\x80\x9f"\n'),
  cp1252Undefined: latin1('# coding: cp1252\nx = "\x81"\n'),
  iso885915: latin1('# coding: iso-8859-15\nx = "\x80\xa4"\n'),
  eucJp: Buffer.concat([Buffer.from('# coding: euc_jp\nx = "'), Buffer.from([0xa4, 0xa2]), Buffer.from('"\n')]),
  shiftJis: Buffer.concat([Buffer.from('# coding: shift_jis\nx = "'), Buffer.from([0x82, 0xa0]), Buffer.from('"\n')]),
  invalidUtf8: latin1('x = 1\ny = "\xff"\n'),
  truncatedUtf8: Buffer.from([0x78, 0x3d, 0x22, 0xe2, 0x82, 0x22, 0x0a]),
  unknown: Buffer.from('# coding: uft-8\nx = 1\n'),
  declaredUtf8Invalid: latin1('# coding: utf-8\nx = "\xe9"\n'),
  asciiInvalid: latin1('# coding: ascii\nx = "\xe9"\n'),
};

const PY = `
import sys, json, base64, io, tokenize
out = {}
for name, b64 in json.load(sys.stdin).items():
    src = base64.b64decode(b64)
    try:
        compile(src, name, 'exec')
        enc, _ = tokenize.detect_encoding(io.BytesIO(src).readline)
        text = src.decode(enc)
        out[name] = text[1:] if text.startswith('\\ufeff') else text
    except SyntaxError:
        out[name] = None
print(json.dumps(out))
`;

function python(): Record<string, string | null> {
  const input = JSON.stringify(Object.fromEntries(Object.entries(SAMPLES).map(([k, v]) => [k, v.toString('base64')])));
  const run = spawnSync('/usr/bin/python3', ['-c', PY], { input, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('decodeSource', () => {
  const expected = python();
  for (const name of Object.keys(SAMPLES)) {
    it(`agrees with CPython on ${name}`, () => {
      const got = decodeSource(SAMPLES[name]);
      if (expected[name] === null) expect(got).toHaveProperty('error');
      else expect(got).toEqual({ text: expected[name] });
    });
  }

  it('names the offending byte and line when UTF-8 is invalid', () => {
    // 'x = 1\n' is 6 bytes, 'y = "' 5 more: the 0xFF is byte 11, on line 2.
    expect(decodeSource(SAMPLES.invalidUtf8)).toEqual({ error: 'not valid UTF-8 at byte 11 (line 2) and no PEP 263 coding line' });
  });

  it('names an unknown encoding', () => {
    expect(decodeSource(SAMPLES.unknown)).toEqual({ error: "unknown encoding 'uft-8' declared on line 1" });
  });

  it('rejects a non-UTF-8 declaration after a BOM', () => {
    expect(decodeSource(SAMPLES.bomWithLatin1)).toEqual({ error: "encoding problem: 'latin-1' declared with a UTF-8 BOM" });
  });

  it('reads a Latin-1 byte 0x80 as U+0080, not the euro sign of windows-1252', () => {
    expect(decodeSource(SAMPLES.vim)).toEqual({ text: '# vim: set fileencoding=latin-1 :\nx = "é\u0080"\n' });
  });
});

describe('codingDeclaration', () => {
  it('reads line 1 or line 2 only', () => {
    expect(codingDeclaration(Buffer.from('# -*- coding: latin-1 -*-\n'))).toEqual({ name: 'latin-1', line: 1 });
    expect(codingDeclaration(Buffer.from('#!/bin/python\n# vim: set fileencoding=utf-8 :\n'))).toEqual({ name: 'utf-8', line: 2 });
    expect(codingDeclaration(Buffer.from('\n\n# coding: latin-1\n'))).toBeNull();
    expect(codingDeclaration(Buffer.from('import x\n# coding: latin-1\n'))).toBeNull();
  });
});

describe('firstInvalidUtf8', () => {
  it('finds overlongs, surrogates and truncations', () => {
    expect(firstInvalidUtf8(Buffer.from('aé€😀'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong NUL
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2); // surrogate U+D800
    expect(firstInvalidUtf8(Buffer.from([0xf0, 0x9f, 0x98]))).toBe(0); // truncated
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
  });
});
