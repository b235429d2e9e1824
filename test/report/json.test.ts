/** The JSON reporter and the registry: output round-trips and conforms to the schema. */
import { describe, expect, it } from 'vitest';
import { FORMATS, isFormat, render } from '../../src/report/index.js';
import { jsonPieces, renderJson } from '../../src/report/json.js';
import { validateReport } from '../../src/report/validate.js';
import { cyclesAndPrivate } from './mocks/cycles-and-private.js';
import { everythingFine } from './mocks/everything-fine.js';

describe('json report', () => {
  for (const [name, result] of [['everything fine', everythingFine], ['cycles and private', cyclesAndPrivate]] as const) {
    it(`round-trips and validates: ${name}`, () => {
      const out = renderJson(result);
      expect(out.endsWith('}\n')).toBe(true);
      expect(out).toContain('\n  "schemaVersion": 1,\n');
      const parsed: unknown = JSON.parse(out);
      expect(parsed).toEqual(result);
      expect(validateReport(parsed)).toEqual([]);
    });
  }

  it('writes in pieces exactly what JSON.stringify(value, null, 2) writes', () => {
    const odd = { empty: {}, none: [], skipped: undefined, text: 'two\nlines "quoted"', nested: [[], [1, [2, { a: [] }]], null, undefined, { deep: { er: [true] } }] };
    for (const value of [everythingFine, cyclesAndPrivate, odd, {}, { a: [] }]) {
      expect([...jsonPieces(value)].join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
    }
  });

  it('cuts a large report into pieces of about a megabyte', () => {
    const edges = Array.from({ length: 30_000 }, (_, i) => ({ ...cyclesAndPrivate.edges[0], from: `m${i}` }));
    const large = { ...cyclesAndPrivate, edges };
    const pieces = [...jsonPieces(large)];
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan((1 << 20) + 2000);
    expect(pieces.join('')).toBe(`${JSON.stringify(large, null, 2)}\n`);
  });

  it('ignores the color option', () => {
    expect(render('json', cyclesAndPrivate, { color: true })).toBe(renderJson(cyclesAndPrivate));
  });
});

describe('report registry', () => {
  it('knows text and json', () => {
    expect(FORMATS).toEqual(['text', 'json', 'sarif', 'github', 'junit', 'markdown']);
    expect(isFormat('text')).toBe(true);
    expect(isFormat('toString')).toBe(false);
  });

  it('renders text through the registry', () => {
    expect(render('text', everythingFine, { color: false })).toMatch(/^pyseam 0\.1\.0 {2}roots: /);
  });

  it('rejects an unknown format, naming the known ones', () => {
    expect(() => render('xml', everythingFine, { color: false })).toThrow("unknown report format 'xml' (known: text, json, sarif, github, junit, markdown)");
  });
});
