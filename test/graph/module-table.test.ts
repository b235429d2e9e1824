// Hand-checked module naming (SEMANTICS.md "Modules and packages").
import { describe, expect, it } from 'vitest';
import { buildModuleTable } from '../../src/graph/module-table.js';
import type { DiscoveredFile, SourceRoot } from '../../src/parse/types.js';

const src = (path: string): DiscoveredFile => ({ path, kind: path.endsWith('.pyi') ? 'stub' : /\.(so|pyd|pyx)$/.test(path) ? 'extension' : 'source' });
const roots = (...paths: string[]): SourceRoot[] => [...paths.map((path) => ({ path, reason: 'user' as const })), { path: '.', reason: 'analyzed-directory' }];
const kinds = (files: string[], r = roots()) => Object.fromEntries([...buildModuleTable(files.map(src), r).modules.values()].map((m) => [m.name, m.kind]));

describe('buildModuleTable', () => {
  it('names modules, packages and namespace packages, also inside a regular package', () => {
    expect(kinds(['a/__init__.py', 'a/b/c.py', 'a/d.py', 'ns/x.py'])).toEqual({
      a: 'package', 'a.b': 'namespace', 'a.b.c': 'module', 'a.d': 'module', ns: 'namespace', 'ns.x': 'module',
    });
  });

  it('names files under the deepest root', () => {
    const table = buildModuleTable(['libs/k/src/k/__init__.py', 'libs/k/src/k/m.py'].map(src), roots('libs/k/src'));
    expect([...table.modules.keys()].sort()).toEqual(['k', 'k.m']);
    expect(table.modules.get('k.m')!.root).toBe('libs/k/src');
  });

  it('reads a stub only when no .py is beside it, and counts extension modules', () => {
    expect(kinds(['p/__init__.py', 'p/a.py', 'p/a.pyi', 'p/b.pyi', 'p/_lib.cpython-311-x86_64-linux-gnu.so', 'p/fast.pyx'])).toEqual({
      p: 'package', 'p.a': 'module', 'p.b': 'stub', 'p._lib': 'extension', 'p.fast': 'extension',
    });
    const parsed = buildModuleTable(['p/__init__.py', 'p/a.py', 'p/a.pyi', 'p/fast.pyx'].map(src), roots()).parsed.map((p) => p.file.path);
    expect(parsed).toEqual(['p/__init__.py', 'p/a.py']);
  });

  it('makes scripts of non-importable names, parsed but named by path', () => {
    const table = buildModuleTable(['tools/gen-docs.py', 'app/__init__.py', 'app/migrations/0001_initial.py', 'my-pkg/x.py'].map(src), roots());
    const scripts = [...table.modules.values()].filter((m) => m.kind === 'script');
    expect(scripts.map((m) => [m.name, m.scriptPackage])).toEqual([
      ['tools/gen-docs.py', 'tools'],
      ['app/migrations/0001_initial.py', 'app.migrations'],
      ['my-pkg/x.py', ''],
    ]);
    expect(table.parsed.map((p) => p.file.path)).toContain('tools/gen-docs.py');
  });

  it('reports duplicates and lets the earlier root win; a package beats a module in one directory', () => {
    const table = buildModuleTable(['a/tests/__init__.py', 'b/tests/__init__.py', 'x.py', 'x/__init__.py'].map(src), roots('a', 'b'));
    expect(table.modules.get('tests')!.path).toBe('a/tests/__init__.py');
    expect(table.modules.get('x')!.path).toBe('x/__init__.py');
    expect(table.duplicates).toEqual([
      { module: 'tests', paths: ['a/tests/__init__.py', 'b/tests/__init__.py'] },
      { module: 'x', paths: ['x/__init__.py', 'x.py'] },
    ]);
  });
});

describe('buildModuleTable: stubs of extension modules', () => {
  it('a stub package beside its extension module (torch._C) is one module, read from the stub, not a duplicate', () => {
    const table = buildModuleTable(['torch/__init__.py', 'torch/_C/__init__.pyi', 'torch/_C.cpython-311-x86_64-linux-gnu.so'].map(src), roots());
    expect(table.modules.get('torch._C')).toMatchObject({ kind: 'stub', path: 'torch/_C/__init__.pyi' });
    expect(table.duplicates).toEqual([]);
  });
});
