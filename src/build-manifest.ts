/**
 * The manifest of a bundled build (scripts/bundle.mjs writes `dist/bundle/manifest.json`): the
 * fingerprints of the program and of its extractor, computed once when the bundle was made, so that
 * a run need not read every file of the program to name it (program-fingerprint.ts, facts-cache.ts).
 * Trusted only while each file of the bundle has the stat the build left it with (size, mtime, ctime,
 * inode: as git's index trusts a file's stat), so an edited bundle is named from its bytes again.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuildManifest {
  /** SHA-1 (base64) of every file of the bundle. */
  program: string;
  /** SHA-1 (base64) of the extractor's compiled files (dist/src/parse) and the bundler's version. */
  code: string;
  /** The packages the bundle loads from node_modules at run time (their versions are not in `program`). */
  external: string[];
  /** Each file's stat when the bundle was made: `[size, mtimeMs, ctimeMs, ino]`. */
  files: Record<string, [number, number, number, number]>;
}

const memo = new Map<string, BuildManifest | null>();

/**
 * The manifest beside the module at `url` (the bundle's chunks all sit in one directory), or null:
 * none there (run from `src` or from tsc's `dist/src`), unreadable, or a file of the bundle whose stat
 * is not the one recorded. Read once per process.
 */
export function buildManifest(url: string): BuildManifest | null {
  const dir = dirname(fileURLToPath(url));
  let manifest = memo.get(dir);
  if (manifest === undefined) {
    manifest = readManifest(dir);
    memo.set(dir, manifest);
  }
  return manifest;
}

function readManifest(dir: string): BuildManifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BuildManifest;
    for (const [name, [size, mtimeMs, ctimeMs, ino]] of Object.entries(manifest.files)) {
      const s = statSync(join(dir, name));
      if (s.size !== size || s.mtimeMs !== mtimeMs || s.ctimeMs !== ctimeMs || s.ino !== ino) return null;
    }
    return manifest;
  } catch {
    return null; // no manifest: not a bundle
  }
}
