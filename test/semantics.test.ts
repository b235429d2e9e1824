// Every row of ../shared/SEMANTICS.md as a tiny on-disk tree, run through `analyze`
// over the real file system. Expected values are worked out by hand from Python's
// import system (PEP 328 for relative imports, importlib's resolve_name for dynamic ones).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze-inline.js';
import { type AnalyzeOptions } from '../src/analyze.js';
import { nodeTree } from '../src/parse/source-tree.js';
import type { AnalysisResult } from '../src/result.js';

const defaults: AnalyzeOptions = {
  roots: [], configRoots: [], private: [], public: [], exclude: [], importHelpers: [],
  includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
};

function run(files: Record<string, string>, options: Partial<AnalyzeOptions> = {}): AnalysisResult {
  const dir = mkdtempSync(join(tmpdir(), 'pyseam-semantics-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return analyze({ ...defaults, ...options }, nodeTree(dir));
}

/** `from -> to target [names] flags` for every site of every edge out of `from`. */
function sitesOf(result: AnalysisResult, from: string): string[] {
  return result.edges.filter((e) => e.from === from).flatMap((e) => e.sites.map((s) => {
    const flags = (['typeChecking', 'conditional', 'lazy', 'dynamic', 'unresolved'] as const).filter((f) => s[f]);
    return `${e.to}${e.external ? ' (external)' : ''} ${s.target} [${s.names.join(',')}] ${flags.join(',')}`.trim();
  }));
}

const PKG = { 'a/__init__.py': '', 'a/b/__init__.py': '', 'a/b/c.py': '', 'p/__init__.py': '', 'p/c.py': '', 'p/q/__init__.py': '', 'p/q/c.py': '', 'p/q/x/__init__.py': '', 'p/q/x/y.py': '' };

describe('SEMANTICS.md: import statements', () => {
  it('import a.b.c and import a.b.c as d point at a.b.c', () => {
    const r = run({ ...PKG, 'm.py': 'import a.b.c\nimport a.b.c as d\n' });
    expect(sitesOf(r, 'm')).toEqual(['a.b.c a.b.c []', 'a.b.c a.b.c []']);
  });

  it('from a.b import c: the submodule if it is one, else a.b with the name; from a.b import *', () => {
    const r = run({ ...PKG, 'm.py': 'from a.b import c\nfrom a.b import helper\nfrom a.b import *\n' });
    expect(sitesOf(r, 'm')).toEqual(['a.b a.b [helper]', 'a.b a.b [*]', 'a.b.c a.b.c [c]']);
  });

  it('from . import c and from .. import c in module p.q.m', () => {
    const r = run({ ...PKG, 'p/q/m.py': 'from . import c\nfrom . import nothing\nfrom .. import c\nfrom .. import other\n' });
    expect(sitesOf(r, 'p.q.m')).toEqual(['p p [other]', 'p.c p.c [c]', 'p.q p.q [nothing]', 'p.q.c p.q.c [c]']);
  });

  it('from .x import y in package p.q: an __init__ is its own package', () => {
    const r = run({ ...PKG, 'p/q/__init__.py': 'from .x import y\nfrom .x import z\n' });
    expect(sitesOf(r, 'p.q')).toEqual(['p.q.x p.q.x [z]', 'p.q.x.y p.q.x.y [y]']);
  });

  it('from . import a, b with two submodules gives one site per target at the same place', () => {
    const r = run({ ...PKG, 'p/q/m.py': 'from . import c, x\n' });
    const sites = r.edges.filter((e) => e.from === 'p.q.m').map((e) => [e.to, e.sites[0].line, e.sites[0].column]);
    expect(sites).toEqual([['p.q.c', 1, 1], ['p.q.x', 1, 1]]);
  });

  it('importlib.import_module and __import__ with a literal are dynamic edges', () => {
    const r = run({ ...PKG, 'm.py': 'import importlib\nimportlib.import_module("a.b")\n__import__("a.b.c")\n' });
    expect(sitesOf(r, 'm')).toEqual(['a.b a.b [] dynamic', 'a.b.c a.b.c [] dynamic', 'importlib (external) importlib []']);
  });

  it('import_module(".x", "p"), with __package__, with __name__ inside an __init__ resolve as relative', () => {
    const r = run({
      ...PKG,
      'm.py': 'from importlib import import_module\nimport_module(".c", "p")\n',
      'p/q/m.py': 'import importlib\nimportlib.import_module(".c", __package__)\n',
      'p/q/x/__init__.py': 'import importlib\nimportlib.import_module(".y", __name__)\n',
    });
    expect(sitesOf(r, 'm').filter((s) => !s.includes('external'))).toEqual(['p.c p.c [] dynamic']);
    expect(sitesOf(r, 'p.q.m').filter((s) => !s.includes('external'))).toEqual(['p.q.c p.q.c [] dynamic']);
    expect(sitesOf(r, 'p.q.x').filter((s) => !s.includes('external'))).toEqual(['p.q.x.y p.q.x.y [] dynamic']);
  });

  it('a configured import helper with a literal is like import_module', () => {
    const r = run({ ...PKG, 'm.py': 'from sympy.external import import_module\nimport_module("a.b")\n' }, { importHelpers: ['sympy.external.import_module'] });
    expect(sitesOf(r, 'm')).toEqual(['a.b a.b [] dynamic', 'sympy (external) sympy.external [import_module]']);
  });

  it('a dynamic import of a non-literal gives no edge, and is counted and listed', () => {
    const r = run({ ...PKG, 'm.py': 'import importlib\nname = "b"\nimportlib.import_module("." + name, __name__)\n' });
    expect(sitesOf(r, 'm')).toEqual(['importlib (external) importlib []']);
    expect(r.nonLiteralDynamicImports.map((d) => [d.file, d.line, d.column])).toEqual([['m.py', 3, 1]]);
    expect(r.summary.nonLiteralDynamicImports).toBe(1);
  });

  it('a relative import that climbs above its top-level package is an error with its location; analysis goes on', () => {
    const r = run({ ...PKG, 'p/q/m.py': 'import os\nfrom .... import c\n' });
    expect(r.importErrors.map((e) => [e.file, e.line, e.column])).toEqual([['p/q/m.py', 2, 1]]);
    expect(sitesOf(r, 'p.q.m')).toEqual(['os (external) os []']);
  });
});

describe('SEMANTICS.md: facts on each site', () => {
  it('type_checking: if TYPE_CHECKING, typing.TYPE_CHECKING, an alias, the else of if not; a combined test can run', () => {
    const r = run({
      ...PKG,
      'm.py': [
        'import typing as t', 'from typing import TYPE_CHECKING',
        'if TYPE_CHECKING:', '    import a', 'if t.TYPE_CHECKING:', '    import a.b',
        'if not TYPE_CHECKING:', '    import p', 'else:', '    import p.c',
        'if TYPE_CHECKING or True:', '    import p.q', '',
      ].join('\n'),
    });
    expect(sitesOf(r, 'm').filter((s) => !s.includes('external'))).toEqual([
      'a a [] typeChecking,conditional', 'a.b a.b [] typeChecking,conditional', 'p p [] conditional', 'p.c p.c [] typeChecking,conditional', 'p.q p.q [] conditional',
    ]);
  });

  it('conditional: any if, a try catching ImportError (or Exception, or everything), suppress(ImportError); not loops or finally', () => {
    const r = run({
      ...PKG,
      'm.py': [
        'import contextlib', 'try:', '    import a', 'except ImportError:', '    import a.b', 'finally:', '    import p',
        'try:', '    import p.c', 'except ValueError:', '    pass',
        'with contextlib.suppress(ModuleNotFoundError):', '    import p.q',
        'for i in range(1):', '    import p.q.c', '',
      ].join('\n'),
    });
    expect(sitesOf(r, 'm').filter((s) => !s.includes('external'))).toEqual([
      'a a [] conditional', 'a.b a.b [] conditional', 'p p []', 'p.c p.c []', 'p.q p.q [] conditional', 'p.q.c p.q.c []',
    ]);
  });

  it('lazy: function and lambda bodies, PEP 810 lazy import, __lazy_modules__; not class bodies, decorators or defaults', () => {
    const r = run({
      ...PKG,
      'm.py': [
        '__lazy_modules__ = ["p.q.c"]', 'lazy import a', 'lazy from p import c', 'import p.q.c',
        'def f():', '    import a.b', 'g = lambda: __import__("p.q")',
        'class K:', '    import p.q.x', 'lazy = 1', '',
      ].join('\n'),
    });
    expect(sitesOf(r, 'm')).toEqual([
      'a a [] lazy', 'a.b a.b [] lazy', 'p.c p.c [c] lazy', 'p.q p.q [] lazy,dynamic', 'p.q.c p.q.c [] lazy', 'p.q.x p.q.x []',
    ]);
    expect(r.parseErrors).toEqual([]);
  });

  it('a stub alone defines its module and its imports are type_checking; beside a .py it is not read', () => {
    const r = run({ ...PKG, 's.pyi': 'import a\n', 't.py': 'import p\n', 't.pyi': 'import a.b\n' });
    expect(r.modules.filter((m) => ['s', 't'].includes(m.name)).map((m) => [m.name, m.kind, m.path])).toEqual([['s', 'stub', 's.pyi'], ['t', 'module', 't.py']]);
    expect(sitesOf(r, 's')).toEqual(['a a [] typeChecking']);
    expect(sitesOf(r, 't')).toEqual(['p p []']);
  });

  it('unresolved: a target in the repository that no file defines points at its nearest ancestor', () => {
    const r = run({ ...PKG, 'm.py': 'from p.q.protos import graph_pb2\nimport a.b.gen_pb2\n' });
    expect(sitesOf(r, 'm')).toEqual(['a.b a.b.gen_pb2 [] unresolved', 'p.q p.q.protos.graph_pb2 [graph_pb2] unresolved']);
  });

  it('an extension module is a module: from pkg.svm import _libsvm points at it', () => {
    const r = run({ 'pkg/__init__.py': '', 'pkg/svm/__init__.py': 'from pkg.svm import _libsvm\n', 'pkg/svm/_libsvm.cpython-311-x86_64-linux-gnu.so': '' });
    expect(sitesOf(r, 'pkg.svm')).toEqual(['pkg.svm._libsvm pkg.svm._libsvm [_libsvm]']);
    expect(r.modules.find((m) => m.name === 'pkg.svm._libsvm')?.kind).toBe('extension');
  });

  it('a namespace package (PEP 420) is a module, also inside a regular package', () => {
    const r = run({ 'ns/sub/mod.py': 'import ns.sub\n', 'reg/__init__.py': '', 'reg/inner/leaf.py': 'from reg import inner\n' });
    expect(r.modules.map((m) => [m.name, m.kind])).toEqual([['ns', 'namespace'], ['ns.sub', 'namespace'], ['ns.sub.mod', 'module'], ['reg', 'package'], ['reg.inner', 'namespace'], ['reg.inner.leaf', 'module']]);
    expect(sitesOf(r, 'reg.inner.leaf')).toEqual(['reg.inner reg.inner [inner]']);
  });

  it('a script with a non-importable name imports, and nothing imports it', () => {
    const r = run({ ...PKG, 'tools/__init__.py': '', 'tools/gen-docs.py': 'import a\nfrom . import c\n', 'app/migrations/__init__.py': '', 'app/migrations/0001_initial.py': 'from . import helpers\n' });
    expect(r.modules.filter((m) => m.kind === 'script').map((m) => m.name)).toEqual(['app/migrations/0001_initial.py', 'tools/gen-docs.py']);
    expect(sitesOf(r, 'tools/gen-docs.py')).toEqual(['a a []', 'tools tools [c]']);
  });

  it('a module imported several times gives one edge with every site; a self-import is an edge but never a cycle', () => {
    const r = run({ 'x/__init__.py': 'from x import y\nfrom . import y\nimport x\n', 'x/y.py': 'import os\n' });
    expect(r.edges.filter((e) => e.from === 'x').map((e) => [e.to, e.sites.length])).toEqual([['x', 1], ['x.y', 2]]);
    expect(r.cycles).toEqual([]);
  });

  it('--no-type-checking, --no-lazy and --no-dynamic leave sites out; an edge stays while one of its sites stays', () => {
    const files = { 'a.py': 'import b\n', 'b.py': 'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import a\ndef f():\n    import a\n' };
    expect(run(files).cycles.map((c) => c.modules)).toEqual([['a', 'b']]);
    expect(run(files, { includeTypeChecking: false }).cycles.map((c) => c.modules)).toEqual([['a', 'b']]);
    expect(run(files, { includeTypeChecking: false, includeLazy: false }).cycles).toEqual([]);
  });
});

describe('SEMANTICS.md: ownership', () => {
  // app/core/_impl.py, app/core/api.py, app/ui/view.py (imports app.core._impl and app.core.api), app/ui/_w.py
  const files = { 'app/__init__.py': '', 'app/core/__init__.py': '', 'app/core/_impl.py': '', 'app/core/api.py': 'from app.ui import _w\n', 'app/ui/__init__.py': '', 'app/ui/_w.py': '', 'app/ui/view.py': 'from app.core import _impl\nimport app.core.api\n' };

  it('within one owner a private import is never a finding', () => {
    expect(run(files).privateImports).toEqual([]);
  });

  it('a module belongs to the component the config declares for it (longest prefix), else its top-level package', () => {
    const r = run(files, { components: [{ name: 'core', modules: ['app.core'] }, { name: 'ui', modules: ['app.ui'] }] });
    expect(r.privateImports.map((p) => [p.importer, p.target, p.names, p.importerOwner, p.targetOwner])).toEqual([
      ['app.core.api', 'app.ui', ['_w'], 'core', 'ui'],
      ['app.ui.view', 'app.core', ['_impl'], 'ui', 'core'],
    ]);
    expect(r.components).toEqual([
      { name: 'app', source: 'top-level', prefixes: [], modules: 1 },
      { name: 'core', source: 'config', prefixes: ['app.core'], modules: 3 },
      { name: 'ui', source: 'config', prefixes: ['app.ui'], modules: 3 },
    ]);
  });
});
