/**
 * Validates a parsed JSON report against `schema/report.schema.json`, and a
 * `pyseam check` report against `schema/check.schema.json` (which refers to the
 * report schema's records), with JSON Schema draft 2020-12 checked by ajv. The
 * schema files are read from the repository, found relative to this module so
 * the same code works from `src/report/` (vitest, tsx) and from
 * `dist/src/report/` (after tsc).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

/** The schemas under `schema/`: `report` (pyseam analyze) and `check` (pyseam check). */
export type SchemaName = 'report' | 'check' | 'baseline';

const DIRS = ['../../schema/', '../../../schema/'];

const compiled = new Map<SchemaName, ValidateFunction>();

/** The absolute path of `schema/<name>.schema.json`. Throws when neither candidate location holds it. */
export function schemaPath(name: SchemaName = 'report'): string {
  const candidates = DIRS.map((dir) => `${dir}${name}.schema.json`);
  for (const candidate of candidates) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error(`${name} schema not found (looked at ${candidates.join(', ')} from ${import.meta.url})`);
}

const readSchema = (name: SchemaName): object => JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object;

/** The validator of one schema, compiled on first use; ajv is loaded then too (a command that validates nothing never loads it). */
function validator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    // report and check refer to the baseline comparison; check also refers to report's definitions.
    for (const other of ['report', 'baseline'] as const) if (other !== name) ajv.addSchema(readSchema(other));
    validate = ajv.compile(readSchema(name));
    compiled.set(name, validate);
  }
  return validate;
}

/** `/edges/0/sites/1` -> `edges[0].sites[1]`; the root is `(root)`. */
function dotted(pointer: string, extra?: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  const path = parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return path || '(root)';
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    return `${dotted(error.instancePath, String(params.missingProperty))}: is required`;
  }
  if (error.keyword === 'additionalProperties') {
    return `${dotted(error.instancePath, String(params.additionalProperty))}: is not allowed (not in the schema)`;
  }
  return `${dotted(error.instancePath)}: ${error.message ?? error.keyword}`;
}

/**
 * Every way `json` departs from the report schema (or the `check` schema), as `path: message`
 * (`summary.cycles: is required`, `edges[0].sites[0].line: must be integer`);
 * an empty array when it conforms. The `if` keyword's own summary error is
 * left out: the `then` error beside it says what is wrong.
 */
export function validateReport(json: unknown, name: SchemaName = 'report'): string[] {
  const validate = validator(name);
  if (validate(json)) return [];
  return (validate.errors ?? []).filter((e) => e.keyword !== 'if').map(describe);
}
