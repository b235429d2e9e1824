// The bundle's manifest (src/build-manifest.ts) stands for the bundle only while every file of it
// has the stat the build left: any edit (even one that keeps the size and the mtime, which ctime
// then tells) makes a run name the program from its bytes again.
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildManifest } from '../src/build-manifest.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A directory holding a bundle of two files and the manifest of them, as scripts/bundle.mjs writes it. */
function bundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pyseam-manifest-'));
  made.push(dir);
  writeFileSync(join(dir, 'cli.js'), 'export const a = 1;\n');
  writeFileSync(join(dir, 'chunk-A.js'), 'export const b = 2;\n');
  const files = Object.fromEntries(['chunk-A.js', 'cli.js'].map((name) => {
    const { size, mtimeMs, ctimeMs, ino } = statSync(join(dir, name));
    return [name, [size, mtimeMs, ctimeMs, ino]];
  }));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ program: 'P', code: 'C', external: ['tree-sitter'], files }));
  return dir;
}
const at = (dir: string) => pathToFileURL(join(dir, 'cli.js')).href;

describe('buildManifest', () => {
  it('reads the manifest beside the module while the files are as the build left them', () => {
    expect(buildManifest(at(bundle()))).toMatchObject({ program: 'P', code: 'C', external: ['tree-sitter'] });
  });

  it('is null beside modules without one (run from src/ or tsc\'s dist/src)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyseam-manifest-'));
    made.push(dir);
    expect(buildManifest(at(dir))).toBeNull();
  });

  it('is null once a file of the bundle was rewritten, though its size and mtime were put back', async () => {
    const dir = bundle();
    await new Promise((resolve) => setTimeout(resolve, 50)); // past the kernel's timestamp tick (a jiffy): the ctime must move
    const { atime, mtime } = statSync(join(dir, 'chunk-A.js'));
    writeFileSync(join(dir, 'chunk-A.js'), 'export const b = 3;\n');
    utimesSync(join(dir, 'chunk-A.js'), atime, mtime);
    expect(buildManifest(at(dir))).toBeNull();
  });

  it('is null when a file it lists is gone', () => {
    const dir = bundle();
    rmSync(join(dir, 'chunk-A.js'));
    expect(buildManifest(at(dir))).toBeNull();
  });
});
