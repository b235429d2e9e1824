/**
 * Python codec names (as in a PEP 263 coding line) to decoders.
 *
 * Python first applies `tokenize._get_normal_name` (`utf-8-*` is UTF-8;
 * `latin-1`, `iso-8859-1`, `iso-latin-1` and their `-*` forms are Latin-1),
 * then `encodings.normalize_encoding` (lower case, runs of other characters
 * than letters, digits and `.` become `_`) and its alias table
 * (`encodings/aliases.py`). The common aliases are mapped here to WHATWG
 * labels for TextDecoder; any other name is tried as a WHATWG label with `_`
 * turned into `-`.
 *
 * Three are decoded by hand: WHATWG's `latin1`/`ascii` mean windows-1252,
 * while Python's Latin-1 maps every byte to the same code point and ASCII
 * rejects bytes above 0x7F; and Node 20's TextDecoder reads windows-1252 as
 * Latin-1, so cp1252 has its own table (Python's, undefined bytes rejected).
 * Known approximation: WHATWG's other `windows-125x` accept the few bytes
 * Python's `cp125x` leave undefined.
 */

export type Decoder = { kind: 'utf-8'; decode?: undefined } | { kind: 'other'; decode: (bytes: Uint8Array) => string };

const ALIASES: Record<string, string> = {};
const alias = (label: string, ...names: string[]): void => names.forEach((n) => (ALIASES[n] = label));
alias('utf-8', 'utf_8', 'utf8', 'u8', 'utf', 'cp65001', 'utf8_ucs2', 'utf8_ucs4', 'utf_8_sig');
alias('latin-1', 'latin_1', 'latin1', 'latin', 'l1', 'iso8859_1', 'iso_8859_1', 'iso8859', '8859', 'cp819', 'ibm819', 'iso_ir_100', 'csisolatin1', 'iso_8859_1_1987');
alias('ascii', 'ascii', 'us_ascii', '646', 'us', 'ansi_x3.4_1968', 'iso646_us', 'cp367', 'ibm367');
alias('shift_jis', 'shift_jis', 'sjis', 's_jis', 'shiftjis', 'cp932', 'ms932', 'mskanji', 'ms_kanji');
alias('euc-jp', 'euc_jp', 'eucjp', 'ujis', 'u_jis');
alias('iso-2022-jp', 'iso2022_jp', 'iso_2022_jp', 'csiso2022jp');
alias('gbk', 'gbk', 'gb2312', 'cp936', 'ms936', 'euc_cn', 'euccn', 'eucgb2312_cn', 'gb2312_1980', 'gb2312_80');
alias('gb18030', 'gb18030', 'gb18030_2000');
alias('big5', 'big5', 'big5_tw', 'csbig5', 'cp950', 'ms950', 'big5hkscs', 'big5_hkscs', 'hkscs');
alias('euc-kr', 'euc_kr', 'euckr', 'cp949', 'ms949', 'uhc', 'ks_c_5601', 'ks_c_5601_1987', 'ksc5601', 'korean');
alias('koi8-r', 'koi8_r'); alias('koi8-u', 'koi8_u');
alias('macintosh', 'mac_roman', 'macroman', 'macintosh');
alias('ibm866', 'cp866', 'ibm866', '866');
alias('windows-874', 'cp874', 'windows_874');
for (let n = 1250; n <= 1258; n++) alias(`windows-${n}`, `cp${n}`, `windows_${n}`);
for (const n of [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16]) alias(`iso-8859-${n}`, `iso8859_${n}`, `iso_8859_${n}`);
alias('iso-8859-2', 'latin2', 'l2'); alias('iso-8859-3', 'latin3', 'l3'); alias('iso-8859-4', 'latin4', 'l4');
alias('iso-8859-10', 'latin6', 'l6'); alias('iso-8859-13', 'latin7', 'l7'); alias('iso-8859-14', 'latin8', 'l8');
alias('iso-8859-15', 'latin9', 'l9'); alias('iso-8859-16', 'latin10', 'l10');
const NOT_ASCII_COMPATIBLE = /^(utf_?16|utf_?32|u16|u32|utf_7|u7)/;

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
/** cp1252's 0x80-0x9F (Python's `encodings/cp1252.py`; 0 = undefined, an error). Node's TextDecoder reads windows-1252 as Latin-1. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];
const cp1252 = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const code = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
    if (code === 0) throw new RangeError(`byte ${i} is undefined in cp1252`);
    out += String.fromCharCode(code);
  }
  return out;
};
const ascii = (bytes: Uint8Array): string => {
  const bad = bytes.findIndex((b) => b > 0x7f);
  if (bad >= 0) throw new RangeError(`byte ${bad} is not ASCII`);
  return Buffer.from(bytes).toString('latin1');
};

/** Whether Python's `_get_normal_name` makes `declared` exactly `utf-8` (`UTF_8`, `utf-8-unix`; not `utf8`): the only names allowed after a BOM. */
export function isNormalUtf8(declared: string): boolean {
  const short = declared.slice(0, 12).toLowerCase().replace(/_/g, '-');
  return short === 'utf-8' || short.startsWith('utf-8-');
}

/** A decoder for a declared encoding name, or null when it is unknown or cannot encode Python source (UTF-16/32: the coding line itself would not be ASCII). */
export function decoderFor(declared: string): Decoder | null {
  const short = declared.slice(0, 12).toLowerCase().replace(/_/g, '-');
  if (isNormalUtf8(declared)) return { kind: 'utf-8' };
  if (['latin-1', 'iso-8859-1', 'iso-latin-1'].some((n) => short === n || short.startsWith(`${n}-`))) return { kind: 'other', decode: latin1 };
  const key = declared.toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
  if (NOT_ASCII_COMPATIBLE.test(key)) return null;
  const label = ALIASES[key] ?? key.replace(/_/g, '-');
  if (label === 'utf-8') return { kind: 'utf-8' };
  if (label === 'latin-1') return { kind: 'other', decode: latin1 };
  if (label === 'ascii') return { kind: 'other', decode: ascii };
  if (label === 'windows-1252') return { kind: 'other', decode: cp1252 };
  try {
    const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
    // WHATWG reads many Latin-1/ASCII spellings as windows-1252; Python knows those it knows (ALIASES) and rejects the rest.
    if (decoder.encoding === 'windows-1252') return null;
    return { kind: 'other', decode: (bytes) => decoder.decode(bytes) };
  } catch {
    return null;
  }
}
