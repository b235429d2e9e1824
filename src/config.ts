import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseToml } from 'smol-toml';
import schema from '../schema/config.schema.json' with { type: 'json' };
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
}

/** A loaded config and where it came from (`null` when none was found). */
export interface LoadedConfig {
  config: PyseamConfig;
  file: string | null;
}

const validate = new Ajv({ allErrors: true }).compile<PyseamConfig>(schema);

/**
 * Finds and validates the configuration, as tach reads `[tool.tach]`: the `--config` file
 * if given (a `pyseam.toml`, or a `pyproject.toml` whose `[tool.pyseam]` is read), else
 * `pyseam.toml` in the analyzed directory, else its `pyproject.toml`'s `[tool.pyseam]`.
 *
 * @throws UsageError (exit 2) for a missing `--config` file, a TOML syntax error, or keys
 * that do not match the schema; every schema error is listed at once, each naming the key
 * and what was expected.
 */
export function loadConfig(analyzedDir: string, explicit?: string): LoadedConfig {
  const candidates = explicit ? [explicit] : [join(analyzedDir, 'pyseam.toml'), join(analyzedDir, 'pyproject.toml')];
  if (explicit && !existsSync(explicit)) throw new UsageError(`--config: no such file: ${explicit}`);
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    const shown = relative(process.cwd(), file) || file;
    let document: Record<string, unknown>;
    try {
      document = parseToml(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`${shown}: not valid TOML: ${(error as Error).message.split('\n')[0]}`);
    }
    const isPyproject = file.endsWith('pyproject.toml');
    const table = isPyproject ? (document.tool as Record<string, unknown> | undefined)?.pyseam : document;
    if (table === undefined) {
      if (explicit) return { config: {}, file };
      continue;
    }
    const where = isPyproject ? `${shown} [tool.pyseam]` : shown;
    if (!validate(table)) {
      const problems = (validate.errors ?? []).map((e) => {
        const key = e.instancePath.replace(/^\//, '').replace(/\//g, '.') || (e.params as { additionalProperty?: string }).additionalProperty || '(table)';
        const what = e.keyword === 'additionalProperties' ? `unknown key; expected one of ${Object.keys(schema.properties).join(', ')}` : `expected ${e.message?.replace(/^must /, '')}`;
        return `  ${key}: ${what}`;
      });
      throw new UsageError(`${where}: invalid configuration\n${problems.join('\n')}`);
    }
    return { config: table, file };
  }
  return { config: {}, file: null };
}
