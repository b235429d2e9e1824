/**
 * The report schema: broken results fail with messages naming the path, and
 * the schema's required keys match the keys of a complete hand-written result
 * (so a field added to src/result.ts without the schema is caught).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaPath, validateReport } from '../../src/report/validate.js';
import { cyclesAndPrivate } from './mocks/cycles-and-private.js';
import { everythingFine } from './mocks/everything-fine.js';

const copy = (): any => structuredClone(cyclesAndPrivate);

describe('validateReport', () => {
  it('names a missing summary key', () => {
    const broken = copy();
    delete broken.summary.cycles;
    expect(validateReport(broken)).toEqual(['summary.cycles: is required']);
  });

  it('names a value of the wrong type, inside arrays too', () => {
    const broken = copy();
    broken.summary.files = '40';
    broken.edges[0].sites[1].line = 0;
    broken.cycles[2].example[0].to = 7;
    expect(validateReport(broken)).toEqual([
      'summary.files: must be integer',
      'edges[0].sites[1].line: must be >= 1',
      'cycles[2].example[0].to: must be string',
    ]);
  });

  it('rejects unknown keys, a wrong schema version and an external edge without its kind', () => {
    const broken = copy();
    broken.summary.clusters = 2;
    broken.schemaVersion = 2;
    broken.edges.push({ from: 'app.a', to: 'numpy', external: true, sites: broken.edges[1].sites });
    expect(validateReport(broken)).toEqual([
      'schemaVersion: must be equal to constant',
      'summary.clusters: is not allowed (not in the schema)',
      'edges[3].externalKind: is required',
    ]);
  });

  it('rejects a non-object', () => {
    expect(validateReport([])).toEqual(['(root): must be object']);
  });
});

describe('report.schema.json', () => {
  const schema = JSON.parse(readFileSync(schemaPath(), 'utf8'));
  const defs = schema.$defs;
  const pairs: [string, object, { required: string[] }][] = [
    ['(root)', everythingFine, schema],
    ['options', everythingFine.options, defs.options],
    ['summary', everythingFine.summary, defs.summary],
    ['module', everythingFine.modules[0], defs.module],
    ['site', everythingFine.edges[0].sites[0], defs.site],
    ['edge', everythingFine.edges[0], defs.edge],
    ['externalPackage', everythingFine.externalPackages[0], defs.externalPackage],
    ['cycle', cyclesAndPrivate.cycles[0], defs.cycle],
    ['hop', cyclesAndPrivate.cycles[0].example[0], defs.hop],
    ['privateImport', cyclesAndPrivate.privateImports[0], defs.privateImport],
    ['suppressedImport', cyclesAndPrivate.suppressed[0], defs.suppressedImport],
    ['suppressionProblem', cyclesAndPrivate.suppressionProblems[0], defs.suppressionProblem],
    ['duplicate', cyclesAndPrivate.duplicates[0], defs.duplicate],
    ['problem', cyclesAndPrivate.parseErrors[0], defs.problem],
    ['skipped', cyclesAndPrivate.skippedFiles[0], defs.skipped],
    ['dynamicImport', cyclesAndPrivate.nonLiteralDynamicImports[0], defs.dynamicImport],
  ];
  for (const [name, record, def] of pairs) {
    it(`requires every key of a ${name} record`, () => {
      expect([...def.required].sort()).toEqual(Object.keys(record).sort());
    });
  }

  it('describes every property', () => {
    const undescribed: string[] = [];
    for (const [name, def] of [['(root)', schema], ...Object.entries(defs)] as [string, any][]) {
      for (const [key, prop] of Object.entries(def.properties ?? {}) as [string, any][]) {
        const target = prop.$ref ? defs[prop.$ref.split('/').pop()] : prop;
        if (!prop.description && !target.description) undescribed.push(`${name}.${key}`);
      }
    }
    expect(undescribed).toEqual([]);
  });
});
