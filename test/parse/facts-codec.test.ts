// The cache's compact form of facts (src/parse/facts-codec.ts) gives back the extractor's own
// objects: equal, and with their keys in the same order (JSON.stringify compares both), on every
// file of the sample, on a slice of the standard library, and on hand-made outcomes that use every
// field (anchors, exports, suppressions, a null statementLine, a non-literal __all__, a skip).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/parse/decode.js';
import { discover } from '../../src/parse/discover.js';
import { parseModule } from '../../src/parse/extract.js';
import { encodeOutcomes, OutcomeDecoder, OutcomeEncoder } from '../../src/parse/facts-codec.js';
import type { FileOutcome } from '../../src/parse/read-facts.js';
import { nodeTree } from '../../src/parse/source-tree.js';
import type { ModuleFacts } from '../../src/parse/types.js';

const roundTrip = (outcomes: FileOutcome[]): FileOutcome[] => {
  const decoder = new OutcomeDecoder(encodeOutcomes(outcomes));
  return outcomes.map((_, i) => decoder.decode(i));
};
const outcomesOf = (dir: string, limit = Infinity): FileOutcome[] => {
  const tree = nodeTree(dir);
  return discover(tree).files.filter((f) => f.kind !== 'extension').slice(0, limit).map((f) => {
    const decoded = decodeSource(tree.read(f.path));
    return 'error' in decoded ? { skipped: decoded.error } : parseModule(decoded.text, { stub: f.kind === 'stub', exportDecorators: ['keras_export', 'tf_export'] });
  });
};

const EVERY_FIELD: ModuleFacts = {
  imports: [
    { kind: 'from', module: 'a.b', level: 2, names: ['c', '*'], line: 3, column: 1, typeChecking: true, conditional: false, lazy: true, dynamic: false },
    { kind: 'dynamic', module: 'x', level: 1, names: [], line: 300_000, column: 129, anchor: { literal: 'pkg.sub' }, typeChecking: false, conditional: true, lazy: false, dynamic: true },
    { kind: 'dynamic', module: 'y', level: 1, names: [], line: 5, column: 2, anchor: { importerPackage: true }, typeChecking: false, conditional: false, lazy: false, dynamic: true },
    { kind: 'dynamic', module: 'z', level: 1, names: [], line: 6, column: 2, anchor: { importerModule: true }, typeChecking: false, conditional: false, lazy: false, dynamic: true },
  ],
  nonLiteralDynamic: [{ line: 9, column: 5, call: 'importlib.import_module(name) # ü, 中文' }],
  syntaxErrors: [{ line: 10, column: 1, message: 'invalid syntax' }],
  all: null,
  exports: [{ symbol: 'Dense', names: ['keras.layers.Dense', 'keras.Dense'], current: ['keras.layers.Dense'], decorator: 'keras_export', line: 12 }],
  suppressions: [
    { line: 3, statementLine: 3, rules: ['private-import'], reason: 'vendored' },
    { line: 40, statementLine: null, rules: ['private-import', 'cycle'], reason: '' },
  ],
};

describe('the facts codec', () => {
  it('gives back every field, key order included', () => {
    const outcomes: FileOutcome[] = [EVERY_FIELD, { skipped: 'not valid UTF-8 at byte 7 (line 1) and no PEP 263 coding line' }, { ...EVERY_FIELD, all: ['a', 'b'], imports: [] }];
    expect(JSON.stringify(roundTrip(outcomes))).toBe(JSON.stringify(outcomes));
    expect(roundTrip(outcomes)).toEqual(outcomes);
  });

  it('keeps a field it does not know (the outcome as JSON) and any key order (each object\'s shape)', () => {
    const grown = { ...EVERY_FIELD, imports: [{ ...EVERY_FIELD.imports[0], since: '3.12' }] } as unknown as FileOutcome;
    const reordered = { all: ['x'], imports: [], nonLiteralDynamic: [], syntaxErrors: [], exports: [], suppressions: [] } as FileOutcome;
    const outcomes = [grown, reordered, EVERY_FIELD];
    expect(JSON.stringify(roundTrip(outcomes))).toBe(JSON.stringify(outcomes));
  });

  it('gives back what the extractor made for every file of the sample and of 300 standard-library files', () => {
    const sample = outcomesOf(fileURLToPath(new URL('../../samples/monorepo', import.meta.url)));
    expect(sample.length).toBe(26);
    expect(JSON.stringify(roundTrip(sample))).toBe(JSON.stringify(sample));
    const stdlib = readdirSync('/usr/lib').filter((d) => /^python3\.\d+$/.test(d)).sort().pop();
    if (!stdlib) return;
    const outcomes = outcomesOf(`/usr/lib/${stdlib}`, 300);
    expect(JSON.stringify(roundTrip(outcomes))).toBe(JSON.stringify(outcomes));
  });

  it('carries old entries over byte for byte next to new ones, from the old tables (the next run\'s pack)', () => {
    const sample = outcomesOf(fileURLToPath(new URL('../../samples/monorepo', import.meta.url)));
    const old = encodeOutcomes(sample.slice(0, 20));
    const next = new OutcomeEncoder(old);
    next.copy(old, 3);
    next.add(EVERY_FIELD);
    next.copy(old, 0);
    next.add(sample[25]);
    const decoder = new OutcomeDecoder(next.finish());
    expect(JSON.stringify([0, 1, 2, 3].map((i) => decoder.decode(i)))).toBe(JSON.stringify([sample[3], EVERY_FIELD, sample[0], sample[25]]));
  });

  it('refuses damaged bytes with an error, not with wrong facts', () => {
    const encoded = encodeOutcomes([EVERY_FIELD]);
    const cut = { ...encoded, bytes: encoded.bytes.slice(0, encoded.bytes.length - 3), ends: Float64Array.of(encoded.bytes.length - 3) };
    expect(() => new OutcomeDecoder(cut).decode(0)).toThrow(/^entry 0: /);
    const noStrings = { ...encoded, strings: [] };
    expect(() => new OutcomeDecoder(noStrings).decode(0)).toThrow(/^entry 0: names no string/);
  });
});
