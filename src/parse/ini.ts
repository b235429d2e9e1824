/**
 * A tiny reader for `setup.cfg`, following Python's `configparser` defaults
 * (the parser setuptools uses): `[section]` headers; `key = value` or
 * `key: value` (split at the first `=` or `:`); keys lower-cased and trimmed;
 * lines starting with `#` or `;` are comments; an indented line continues the
 * previous value (joined with `\n`, as configparser does, so
 * `package_dir =\n    =src` gives `'\n=src'` trimmed to `'=src'`).
 * No interpolation. Malformed lines are ignored rather than fatal: a broken
 * setup.cfg should not stop an analysis.
 */

/** Sections to keys to values: `{options: {package_dir: '=src'}}`. */
export type Ini = Record<string, Record<string, string>>;

export function parseIni(text: string): Ini {
  const out: Ini = {};
  let section: Record<string, string> | null = null;
  let lastKey: string | null = null;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (/^[ \t]/.test(line) && section && lastKey !== null) {
      section[lastKey] = `${section[lastKey]}\n${trimmed}`.trim();
      continue;
    }
    const header = /^\[([^\]]+)\]/.exec(trimmed);
    if (header) {
      section = out[header[1].trim()] ??= {};
      lastKey = null;
      continue;
    }
    const sep = trimmed.search(/[=:]/);
    if (!section || sep <= 0) continue;
    lastKey = trimmed.slice(0, sep).trim().toLowerCase();
    section[lastKey] = trimmed.slice(sep + 1).trim();
  }
  return out;
}

/** A multi-valued option (`where = src`, or one value a line, or comma-separated) as a list of trimmed, non-empty values. */
export function iniList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value.split(/[\n,]/).map((v) => v.trim()).filter((v) => v !== '');
}
