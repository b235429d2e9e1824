/**
 * The SARIF reporter, against the official SARIF 2.1.0 schema (OASIS errata 01, stored as
 * schema/sarif-2.1.0.schema.json) and hand-written expectations from the mocks:
 * cycles-and-private has 29 private-import sites, 3 cycles (12, 3, 2 modules), 1 parse error
 * and 1 import error; everything-fine has none.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { renderSarif } from '../../src/report/sarif.js';
import type { AnalysisResult } from '../../src/result.js';
import { cyclesAndPrivate } from './mocks/cycles-and-private.js';
import { everythingFine } from './mocks/everything-fine.js';

const schemaFile = fileURLToPath(new URL('../../schema/sarif-2.1.0.schema.json', import.meta.url));
const official = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;

/**
 * The official schema is draft-04 (`$schema`, and `id` for its identifier), which ajv 8 does not
 * ship. Its keywords mean the same in draft-07 except `id` (renamed `$id` in draft-06) and the
 * boolean `exclusiveMinimum`/`exclusiveMaximum` (numbers since draft-06), which it does not use
 * (asserted below), so draft-07 ajv validates it faithfully once `$schema` and `id` are adapted.
 * Formats (`uri`, `date-time`) are not checked: ajv-formats is not installed.
 */
function compile() {
  const { $schema: _draft, id, ...rest } = official;
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  return ajv.compile({ ...rest, $id: String(id) });
}
const validate = compile();

interface Log { runs: { tool: { driver: { rules: { id: string }[] } }; results: SarifResult[] }[] }
interface SarifResult {
  ruleId: string; ruleIndex: number; level: string; message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[];
  relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
}
const parse = (r: AnalysisResult): Log => JSON.parse(renderSarif(r)) as Log;

describe('the stored SARIF schema', () => {
  it('is the official 2.1.0 errata 01 schema, draft-04, without the keywords draft-07 reads differently', () => {
    expect(official.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(official.id).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    const text = readFileSync(schemaFile, 'utf8');
    expect(text).not.toMatch(/"exclusive(Minimum|Maximum)"/);
    expect(createHash('sha256').update(readFileSync(schemaFile)).digest('hex')).toBe('c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e');
  });

  it('rejects logs that break it (so the validation below can fail)', () => {
    const log = parse(cyclesAndPrivate) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
  });
});

describe('sarif report', () => {
  for (const [name, result] of [['everything fine', everythingFine], ['cycles and private', cyclesAndPrivate]] as const) {
    it(`validates against the official schema: ${name}`, () => {
      const log = parse(result);
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      expect(log.runs).toHaveLength(1);
      expect(log.runs[0].tool.driver.rules.map((r) => r.id)).toEqual(['private-import', 'import-cycle', 'parse-error', 'import-error']);
    });
  }

  it('has no results for a clean project', () => {
    expect(parse(everythingFine).runs[0].results).toEqual([]);
  });

  it('gives one result per violation, with the rule, level and ruleIndex', () => {
    const results = parse(cyclesAndPrivate).runs[0].results;
    const count = (rule: string) => results.filter((r) => r.ruleId === rule).length;
    expect([count('private-import'), count('import-cycle'), count('parse-error'), count('import-error')]).toEqual([29, 3, 1, 1]);
    expect(new Set(results.filter((r) => r.level === 'error').map((r) => r.ruleId))).toEqual(new Set(['private-import', 'import-cycle']));
    expect(new Set(results.filter((r) => r.level === 'warning').map((r) => r.ruleId))).toEqual(new Set(['parse-error', 'import-error']));
    for (const r of results) expect(['private-import', 'import-cycle', 'parse-error', 'import-error'][r.ruleIndex]).toBe(r.ruleId);
  });

  it('locates a private import at its statement, relative to %SRCROOT%', () => {
    const lazy = parse(cyclesAndPrivate).runs[0].results.find((r) => r.message.text.startsWith('keras.src.c '));
    expect(lazy?.locations).toEqual([{ physicalLocation: {
      artifactLocation: { uri: 'keras/src/c.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 30, startColumn: 9 },
    } }]);
    expect(lazy?.message.text).toContain('tensorflow.python.ops (array_ops) [lazy]: declared private prefix tensorflow.python');
  });

  it('gives a cycle one result at its first hop, the chain in the message, the other hops related', () => {
    const cycles = parse(cyclesAndPrivate).runs[0].results.filter((r) => r.ruleId === 'import-cycle');
    expect(cycles.map((c) => c.message.text.match(/of (\d+) modules/)?.[1])).toEqual(['12', '3', '2']);
    const abc = cycles[1];
    expect(abc.message.text).toContain('app.a -> app.b -> app.c -> app.a');
    expect(abc.locations[0].physicalLocation.artifactLocation.uri).toBe('src/app/a.py');
    expect(abc.locations[0].physicalLocation.region.startLine).toBe(12);
    expect(abc.relatedLocations?.map((l) => `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}`))
      .toEqual(['src/app/b.py:1', 'src/app/c.py:4']);
    expect(cycles[2].message.text).toContain('lib.x -> lib.y -> lib.x [lazy]');
  });

  it('fingerprints by importer, target, names and rule: moved lines keep them, other names change them', () => {
    const before = parse(cyclesAndPrivate).runs[0].results;
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(before[0].partialFingerprints).toEqual({ 'pyseam/v1': sha('private-import keras.src.a tensorflow.python.ops array_ops,math_ops') });
    const moved: AnalysisResult = {
      ...cyclesAndPrivate,
      privateImports: cyclesAndPrivate.privateImports.map((p) => ({ ...p, line: p.line + 7, column: p.column + 4 })),
      cycles: cyclesAndPrivate.cycles.map((c) => ({ ...c, example: c.example.map((h) => ({ ...h, line: h.line + 3 })) })),
    };
    expect(parse(moved).runs[0].results.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
    const prints = before.map((r) => r.partialFingerprints['pyseam/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    const renamed: AnalysisResult = { ...cyclesAndPrivate, privateImports: [{ ...cyclesAndPrivate.privateImports[0], names: ['math_ops'] }] };
    expect(parse(renamed).runs[0].results[0].partialFingerprints).not.toEqual(before[0].partialFingerprints);
  });

  it('percent-encodes paths into URI references', () => {
    const odd: AnalysisResult = { ...everythingFine, parseErrors: [{ file: 'my dir/a#b.py', line: 1, column: 1, message: 'x' }] };
    expect(parse(odd).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20dir/a%23b.py');
    expect(validate(parse(odd))).toBe(true);
  });

  it('is registered as --format sarif', () => {
    expect(render('sarif', cyclesAndPrivate, { color: true })).toBe(renderSarif(cyclesAndPrivate));
  });
});
