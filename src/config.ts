import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parse as parseToml } from 'smol-toml';
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

const validate = new Ajv({ allErrors: true }).compile<PyseamConfig>(schema);

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
  if (!validate(table)) {
    const problems = (validate.errors ?? []).map((e) => `  ${keyOf(e)}: ${expectation(e)}`);
    throw new UsageError(`${where}: invalid configuration\n${problems.join('\n')}`);
  }
  return { config: table, file, warnings };
}

const shown = (file: string): string => relative(process.cwd(), file) || file;

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

function keyOf(e: ErrorObject): string {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'additionalProperties') return (e.params as { additionalProperty: string }).additionalProperty;
  return path || '(table)';
}

const TYPE_NAMES: Record<string, string> = { array: 'a list', string: 'a string', boolean: 'true or false', object: 'a table' };

function expectation(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties': return `unknown key; expected one of ${Object.keys(schema.properties).join(', ')}`;
    case 'type': return `expected ${TYPE_NAMES[(e.params as { type: string }).type] ?? (e.params as { type: string }).type}`;
    case 'pattern': return 'expected a dotted module name such as tensorflow.python';
    case 'minLength': return 'expected a non-empty string';
    default: return `expected ${e.message?.replace(/^must /, '') ?? 'something else'}`;
  }
}
