// The synthetic monorepo of scripts/gen-monorepo.ts, 300 modules, against what the generator
// planted (its manifest): module count, every import site with its flags, the internal edges, the
// cycles (exactly the planted blocks) and the private imports (exactly the planted sites). The
// manifest's statement counts are checked first against Python's own `ast`, so the generator is
// not its own only witness. And the same seed gives the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze-inline.js';
import { nodeTree } from '../../src/parse/source-tree.js';
import type { AnalysisResult } from '../../src/result.js';
import { PYTHON } from '../../scripts/ast-oracle.js';
import { generateMonorepo, renderMonorepo, type Manifest } from '../../scripts/gen-monorepo.js';

const AST_IMPORTS = fileURLToPath(new URL('../../scripts/ast_imports.py', import.meta.url));
const OPTIONS = {
  roots: [], configRoots: [], private: [], public: [], exclude: [], importHelpers: [],
  includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
};

const pythonFiles = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.py')).sort();

describe('gen-monorepo, 300 modules', () => {
  let dir: string;
  let manifest: Manifest;
  let result: AnalysisResult;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pyseam-gen-'));
    manifest = generateMonorepo(dir, { modules: 300, seed: 7 });
    result = analyze(OPTIONS, nodeTree(dir));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes valid Python whose import statements Python counts as the manifest does', () => {
    const files = pythonFiles(dir);
    expect(files).toHaveLength(manifest.modules);
    const out = execFileSync(PYTHON, [AST_IMPORTS, '--files'], { input: files.map((f) => join(dir, f)).join('\n'), maxBuffer: 1 << 28 });
    const parsed = JSON.parse(out.toString('utf8')) as ({ imports: { kind: string; level: number }[] } | { error: string })[];
    expect(parsed.filter((p) => 'error' in p)).toEqual([]);
    const imports = parsed.flatMap((p) => ('imports' in p ? p.imports : []));
    const { form } = manifest.statements;
    expect(imports.filter((i) => i.kind === 'import')).toHaveLength(form.import);
    expect(imports.filter((i) => i.kind === 'from' && i.level === 0)).toHaveLength(form.from);
    expect(imports.filter((i) => i.level > 0)).toHaveLength(form.relative);
    expect(manifest.statements.total).toBe(form.import + form.from + form.relative + form.dynamic);
    expect(manifest.cycles.length).toBeGreaterThanOrEqual(3);
    expect(manifest.privateImports.length).toBeGreaterThanOrEqual(4);
  });

  it('finds every module, site and edge, with the flags of each site', () => {
    expect(result.summary.modules).toBe(manifest.modules);
    expect(result.components.map((c) => [c.name, c.modules])).toEqual(manifest.packages.map((p) => [p.name, p.modules]));
    expect([result.summary.parseErrors, result.summary.importErrors, result.summary.unresolvedSites]).toEqual([0, 0, 0]);
    const sites = result.edges.flatMap((e) => e.sites.map((s) => ({ ...s, kind: e.externalKind ?? 'internal' })));
    const { statements } = manifest;
    expect(sites).toHaveLength(statements.total);
    expect(sites.filter((s) => s.kind === 'internal')).toHaveLength(statements.target.internal);
    expect(sites.filter((s) => s.kind === 'stdlib')).toHaveLength(statements.target.stdlib);
    expect(sites.filter((s) => s.kind === 'third-party')).toHaveLength(statements.target.thirdParty);
    expect(sites.filter((s) => s.lazy)).toHaveLength(statements.lazy);
    expect(sites.filter((s) => s.typeChecking)).toHaveLength(statements.typeChecking);
    expect(sites.filter((s) => s.dynamic)).toHaveLength(statements.dynamic);
    expect(result.summary.edges).toBe(manifest.internalEdges);
  });

  it('finds exactly the planted cycles', () => {
    expect(result.cycles.map((c) => c.modules)).toEqual(manifest.cycles);
  });

  it('finds exactly the planted private imports, and none of the same-package decoys', () => {
    const found = result.privateImports.map(({ importer, file, line, column, target, names }) => ({ importer, file, line, column, target, names }));
    expect(found).toEqual(manifest.privateImports);
  });
});

describe('gen-monorepo determinism', () => {
  const render = (seed: number) => {
    const files = new Map<string, string>();
    const manifest = renderMonorepo({ modules: 120, seed }, (path, text) => files.set(path, text));
    return { files, manifest: JSON.stringify(manifest) };
  };

  it('gives the same bytes for the same seed, on disk and in memory, and others for another seed', () => {
    const a = render(3);
    const b = render(3);
    expect([...b.files]).toEqual([...a.files]);
    expect(b.manifest).toBe(a.manifest);
    const dir = mkdtempSync(join(tmpdir(), 'pyseam-gen-'));
    try {
      generateMonorepo(dir, { modules: 120, seed: 3 });
      for (const [path, text] of a.files) expect(readFileSync(join(dir, path), 'utf8')).toBe(text);
      expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(JSON.stringify(JSON.parse(a.manifest), null, 1) + '\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(render(4).files).not.toEqual(a.files);
  });
});
