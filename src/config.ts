import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parseToml } from './parse/toml.js';
import schema from '../schema/config.schema.json' with { type: 'json' };
import type { ContractSpec } from './check-result.js';
import { UsageError } from './errors.js';

/** The `[tool.pyseam]` table (or `pyseam.toml`), validated against `schema/config.schema.json`. */
export interface PyseamConfig {
  roots?: string[];
  private?: string[];
  public?: string[];
  exclude?: string[];
  'import-helpers'?: string[];
  'type-checking'?: boolean;
  lazy?: boolean;
  dynamic?: boolean;
  'check-stdlib'?: boolean;
  /** The facts cache's directory, relative to the analyzed directory (default `.pyseam_cache`). */
  'cache-dir'?: string;
  /** A `# pyseam: ignore[...]` comment must give a reason to silence anything (default true). */
  'suppression-reason'?: boolean;
  component?: ComponentConfig[];
  'export-decorators'?: string[];
  copy?: string[];
  presets?: string[];
  preset?: Record<string, { private?: string[]; public?: string[] }>;
  'api-source'?: Record<string, string>;
  contract?: ContractConfig[];
  clusters?: { seed?: number; resolution?: number };
}

/** `[[tool.pyseam.component]]`: a named set of module prefixes with its public API. */
export interface ComponentConfig {
  name: string;
  modules: string[];
  public?: string[];
  private?: string[];
}

/** `[[tool.pyseam.contract]]`, as import-linter's contract types (the shape lives with the check result). */
export type ContractConfig = ContractSpec;

/** A loaded config, where it came from (`null` when none was found), and what the user should know. */
export interface LoadedConfig {
  config: PyseamConfig;
  file: string | null;
  warnings: string[];
}

let compiled: ValidateFunction<PyseamConfig> | null = null;
/**
 * The schema's validator, compiled on first use: a run without a config file never pays for it (ajv's
 * compile was a tenth of a warm run), nor for loading ajv (a fifth of `pyseam --help` when imported
 * with this module). The schema is ours and tested, so ajv does not check it against its
 * meta-schema, which was two thirds of the compile.
 */
function validator(): ValidateFunction<PyseamConfig> {
  if (!compiled) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    compiled = new Ajv({ allErrors: true, verbose: true, validateSchema: false }).compile<PyseamConfig>(schema);
  }
  return compiled;
}

/**
 * Finds and validates the configuration, as tach reads `[tool.tach]`: the `--config` file
 * if given (a `pyseam.toml`, or a `pyproject.toml` whose `[tool.pyseam]` is read), else
 * `pyseam.toml` in the analyzed directory, else its `pyproject.toml`'s `[tool.pyseam]`.
 * When both of the latter exist, `pyseam.toml` wins and a warning says so.
 *
 * @throws UsageError (exit 2) for a missing `--config` file, a TOML syntax error (with its
 * line and column), or keys that do not match the schema; every schema error is listed at
 * once, each naming the key and what was expected.
 */
export function loadConfig(analyzedDir: string, explicit?: string): LoadedConfig {
  if (explicit && !existsSync(explicit)) throw new UsageError(`--config: no such file: ${explicit}`);
  const candidates = explicit ? [explicit] : [join(analyzedDir, 'pyseam.toml'), join(analyzedDir, 'pyproject.toml')];
  const found = candidates.map((file) => ({ file, table: existsSync(file) ? readTable(file) : undefined })).filter((c) => c.table !== undefined);
  if (found.length === 0) return { config: {}, file: explicit ?? null, warnings: [] };
  const { file, table } = found[0];
  const warnings = found.length > 1 ? [`${shown(file)} is used; [tool.pyseam] in ${shown(found[1].file)} is ignored`] : [];
  const where = file.endsWith('pyproject.toml') ? `${shown(file)} [tool.pyseam]` : shown(file);
  const validate = validator();
  if (!validate(table)) {
    const problems = (validate.errors ?? []).map((e) => `  ${keyOf(e)}: ${expectation(e)}`);
    throw new UsageError(`${where}: invalid configuration\n${problems.join('\n')}`);
  }
  const clashes = componentClashes(table.component ?? []);
  if (clashes.length) throw new UsageError(`${where}: invalid configuration\n${clashes.map((c) => `  ${c}`).join('\n')}`);
  return { config: table, file, warnings };
}

/** A config path as the user would type it: relative to the working directory when inside it, else absolute. */
const shown = (file: string): string => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
};

/** The pyseam table of a file: the whole of a `pyseam.toml`, `[tool.pyseam]` of a `pyproject.toml` (undefined when absent). */
function readTable(file: string): unknown {
  let document: Record<string, unknown>;
  try {
    document = parseToml(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    const { line, column, message } = error as { line?: number; column?: number; message: string };
    const at = line ? ` at line ${line}, column ${column}` : '';
    throw new UsageError(`${shown(file)}: not valid TOML${at}: ${message.split('\n')[0].replace(/^Invalid TOML document: /, '')}`);
  }
  if (!file.endsWith('pyproject.toml')) return document;
  return (document.tool as Record<string, unknown> | undefined)?.pyseam;
}

/** `/contract/0/type` -> `contract[0].type`, with the offending property appended where ajv names one. */
function keyOf(e: ErrorObject): string {
  const parts = e.instancePath.split('/').slice(1);
  const params = e.params as { additionalProperty?: string; missingProperty?: string };
  const extra = params.additionalProperty ?? params.missingProperty;
  if (extra !== undefined) parts.push(extra);
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(table)';
}

const TYPE_NAMES: Record<string, string> = { array: 'a list', string: 'a string', boolean: 'true or false', object: 'a table', integer: 'a whole number', number: 'a number' };

function expectation(e: ErrorObject): string {
  const params = e.params as { type?: string; allowedValues?: unknown[]; limit?: number };
  switch (e.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const hint = e.instancePath === '' && (e.params as { additionalProperty: string }).additionalProperty === 'tool'
        ? ' (in pyseam.toml the keys stand at the top level: [[contract]], not [[tool.pyseam.contract]])' : '';
      return `unknown key; expected one of ${allowed.join(', ')}${hint}`;
    }
    case 'required': return 'missing: this key is required';
    case 'type': return `expected ${TYPE_NAMES[params.type ?? ''] ?? params.type}`;
    case 'enum': return `expected one of ${(params.allowedValues ?? []).join(', ')}`;
    case 'pattern': return 'expected a dotted module name such as tensorflow.python';
    case 'minLength': return 'expected a non-empty string';
    case 'minItems': return `expected at least ${params.limit} item${params.limit === 1 ? '' : 's'}`;
    default: return `expected ${e.message?.replace(/^must /, '') ?? 'something else'}`;
  }
}

/** Two components with one name, or one module prefix in two components, would make ownership a matter of order. */
function componentClashes(components: readonly ComponentConfig[]): string[] {
  const problems: string[] = [];
  const names = new Map<string, number>();
  const prefixes = new Map<string, string>();
  components.forEach((c, i) => {
    if (names.has(c.name)) problems.push(`component[${i}].name: '${c.name}' is already the name of component[${names.get(c.name)}]`);
    names.set(c.name, i);
    for (const p of c.modules) {
      const other = prefixes.get(p);
      if (other !== undefined && other !== c.name) problems.push(`component[${i}].modules: '${p}' is already a prefix of component '${other}'`);
      prefixes.set(p, c.name);
    }
  });
  return problems;
}
