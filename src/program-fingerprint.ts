/**
 * A fingerprint of the program that makes a report: what a cached report (commands/report-cache.ts)
 * must have been made by to be replayed. A narrower one, of the extractor alone, keys the facts
 * cache (parse/facts-cache.ts).
 */
import { hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../package.json' with { type: 'json' };
import { buildManifest } from './build-manifest.js';

let memo: string | null = null;

/**
 * A SHA-1 (base64) of pyseam's version, Node's version and architecture, the installed version of each of its dependencies (read from
 * `node_modules/NAME/package.json` beside or above pyseam; `?` when not found), and the bytes of every
 * module and data file of the program: `dist/src` and `dist/data` when built, `src` and `data` when run
 * from source. Computed once per process (about 150 small files read). Run from the bundle, its
 * manifest (build-manifest.ts) names its files, and only the packages it loads from node_modules are read.
 */
export function programFingerprint(): string {
  if (memo) return memo;
  const here = fileURLToPath(import.meta.url);
  const src = dirname(here);
  const parts: string[] = [pkg.version, process.version, process.arch];
  const manifest = buildManifest(import.meta.url);
  if (manifest) {
    for (const name of manifest.external) parts.push(name, dependencyVersion(src, name));
    memo = hash('sha1', [...parts, manifest.program].join('\0'), 'base64');
    return memo;
  }
  for (const name of Object.keys(pkg.dependencies).sort()) parts.push(name, dependencyVersion(src, name));
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|ts|tsx|json)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(path);
    }
  };
  walk(src);
  walk(join(src, '..', 'data'));
  for (const file of files.sort()) parts.push(file.slice(src.length), hash('sha1', readFileSync(file), 'base64'));
  memo = hash('sha1', parts.join('\0'), 'base64');
  return memo;
}

/** The `version` of dependency `name` in the nearest `node_modules` above `dir`, or `?`. */
function dependencyVersion(dir: string, name: string): string {
  for (let at = dir; ; at = dirname(at)) {
    try {
      return (JSON.parse(readFileSync(join(at, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      if (dirname(at) === at) return '?';
    }
  }
}
