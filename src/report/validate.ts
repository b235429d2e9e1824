/**
 * Validates a parsed JSON report against `schema/report.schema.json`
 * (JSON Schema draft 2020-12, checked with ajv). The schema file is read from
 * the repository, found relative to this module so the same code works from
 * `src/report/` (vitest, tsx) and from `dist/src/report/` (after tsc).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

const CANDIDATES = ['../../schema/report.schema.json', '../../../schema/report.schema.json'];

let compiled: ValidateFunction | undefined;

/** The schema's absolute path. Throws when neither candidate location holds it. */
export function schemaPath(): string {
  for (const candidate of CANDIDATES) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error(`report schema not found (looked at ${CANDIDATES.join(', ')} from ${import.meta.url})`);
}

function validator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as object;
    compiled = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  }
  return compiled;
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
 * Every way `json` departs from the report schema, as `path: message`
 * (`summary.cycles: is required`, `edges[0].sites[0].line: must be integer`);
 * an empty array when it conforms. The `if` keyword's own summary error is
 * left out: the `then` error beside it says what is wrong.
 */
export function validateReport(json: unknown): string[] {
  const validate = validator();
  if (validate(json)) return [];
  return (validate.errors ?? []).filter((e) => e.keyword !== 'if').map(describe);
}
