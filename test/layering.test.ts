// The data flows one way (STYLE.md, after dependency-cruiser's own rules): parse -> graph ->
// analyze -> report / tui, and only the edges touch the file system. Imports are read with
// TypeScript's own `preProcessFile`, not with regular expressions.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));
const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(src, file), 'utf8'), true, true);
  return info.importedFiles.map((i) => {
    const spec = i.fileName;
    return spec.startsWith('.') ? relative(src, join(src, file, '..', spec)).replace(/\\/g, '/') : spec;
  });
}

/** Folders (or files) each layer must not import, by their path under src/. */
const FORBIDDEN: Record<string, RegExp> = {
  'parse/': /^(graph|report|tui)\/|^(analyze|assemble-result|cli|config)\.js$/,
  'graph/': /^(parse\/(?!types\.js)|report|tui)\/?|^(analyze|assemble-result|cli|config)\.js$/,
  'report/': /^(parse|graph|tui)\/|^(analyze|assemble-result|cli|config)\.js$/,
  'tui/': /^(parse|graph)\/|^(analyze|assemble-result|config)\.js$/,
};
// The caches (facts, reports) and what reads their files, the program's own files for their key, the tree, the config.
const MAY_TOUCH_FS = new Set(['commands/changed-since.ts', 'commands/report-cache.ts', 'commands/shared.ts', 'commands/tree-record.ts', 'commands/tui.ts', 'commands/tui-data.ts', 'config.ts',
  'parse/facts-cache.ts', 'parse/probes.ts', 'parse/source-tree.ts', 'program-fingerprint.ts', 'build-manifest.ts', 'cache-files.ts', 'report/validate.ts']);

describe('layering', () => {
  it('finds the source files and their imports', () => {
    expect(files).toContain('parse/extract.ts');
    expect(importsOf('analyze.ts')).toContain('parse/discover.js');
  });

  for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
    it(`${layer} imports nothing downstream of it`, () => {
      const broken = files.filter((f) => f.startsWith(layer)).flatMap((f) => importsOf(f).filter((i) => forbidden.test(i)).map((i) => `${f} -> ${i}`));
      expect(broken).toEqual([]);
    });
  }

  it('only the edges touch the file system', () => {
    const touching = files.filter((f) => importsOf(f).some((i) => i === 'node:fs' || i === 'fs' || i === 'node:fs/promises'));
    expect(touching.filter((f) => !MAY_TOUCH_FS.has(f.replace(/\\/g, '/')))).toEqual([]);
  });
});
