/**
 * TOML documents (smol-toml), the library loaded on the first document: a run over a tree with
 * no pyproject.toml, pants.toml or pyseam.toml never loads it, and `pyseam --help` never does.
 */
import { createRequire } from 'node:module';

type SmolToml = typeof import('smol-toml');

let toml: SmolToml | null = null;

/**
 * Parses a TOML document into plain objects and arrays (dates as smol-toml's `TomlDate`).
 *
 * @throws smol-toml's `TomlError` on a syntax error: its `message` names the place, and `line`
 * and `column` (1-based) give it.
 */
export function parseToml(text: string): Record<string, unknown> {
  toml ??= createRequire(import.meta.url)('smol-toml') as SmolToml;
  return toml.parse(text);
}
