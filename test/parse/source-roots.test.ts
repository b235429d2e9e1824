// Source-root rules of SEMANTICS.md "Source roots", one memory tree per rule; expected roots are hand-written.
import { describe, expect, it } from 'vitest';
import { discover, moduleFileStem, rootOf } from '../../src/parse/discover.js';
import { memoryTree, type MemoryEntry } from '../../src/parse/memory-tree.js';

const roots = (files: Record<string, MemoryEntry>, options = {}): string[] =>
  discover(memoryTree(files, 'repo'), options).roots.map((r) => `${r.path} ${r.reason}`);

describe('source roots', () => {
  it('always includes the analyzed directory', () => {
    expect(roots({ 'a/__init__.py': '' })).toEqual(['. analyzed-directory']);
  });

  it('takes src/ next to a project file, but not an unclaimed src/', () => {
    expect(roots({ 'pyproject.toml': '[project]\nname = "x"\n', 'src/x/__init__.py': '', 'doc/src/conf.py': '' })).toEqual(['. analyzed-directory', 'src src-layout']);
    expect(roots({ 'doc/src/conf.py': '', 'doc/Makefile': '' })).toEqual(['. analyzed-directory']);
  });

  it('does not take a src/ that is itself a package', () => {
    expect(roots({ 'setup.py': '', 'src/__init__.py': '', 'src/m.py': '' })).toEqual(['. analyzed-directory']);
  });

  it('reads [tool.setuptools.packages.find] where and package-dir', () => {
    const pyproject = '[tool.setuptools.packages.find]\nwhere = ["lib", "../../outside", "missing"]\n[tool.setuptools]\npackage-dir = {"" = "code", "b.c" = "vendor/b/c", "renamed" = "other"}\n';
    expect(roots({ 'p/pyproject.toml': pyproject, 'p/lib/a/__init__.py': '', 'p/code/m.py': '', 'p/vendor/b/c/__init__.py': '' })).toEqual([
      '. analyzed-directory', 'p/code setuptools-package-dir', 'p/lib setuptools-where', 'p/vendor setuptools-package-dir',
    ]);
  });

  it('reads setup.cfg package_dir (multi-line) and [options.packages.find] where', () => {
    const cfg = '[metadata]\nname = cfgdist\n\n[options]\npackage_dir =\n    =source\npackages = find:\n\n[options.packages.find]\nwhere = source\n';
    expect(roots({ 'setup.cfg': cfg, 'source/k/__init__.py': '' })).toEqual(['. analyzed-directory', 'source setuptools-where']);
    expect(roots({ 'setup.cfg': '[options]\npackage_dir = =lib\n', 'lib/k/__init__.py': '' })).toEqual(['. analyzed-directory', 'lib setuptools-package-dir']);
  });

  it('applies Pants root_patterns: anchored, suffix at any depth, and * as one segment', () => {
    const files = {
      'pants.toml': '[source]\nroot_patterns = ["/src/python", "tests", "proj/*"]\n',
      'src/python/a/__init__.py': '', 'lib/src/python/b.py': '',
      'x/tests/t.py': '', 'tests/u.py': '', 'proj/one/m.py': '', 'proj/two/deep/n.py': '', 'empty/tests/readme.txt': '',
    };
    expect(roots(files)).toEqual([
      '. analyzed-directory', 'proj/one pants', 'proj/two pants', 'src/python pants', 'tests pants', 'x/tests pants',
    ]);
  });

  it('uses Pants default root patterns when [source] is absent (unanchored `src` matches a/src too)', () => {
    expect(roots({ 'pants.toml': '[GLOBAL]\npants_version = "2.20.0"\n', 'a/src/python/p/m.py': '', 'src/q.py': '', 'b/lib/r.py': '' })).toEqual([
      '. analyzed-directory', 'a/src pants', 'a/src/python pants', 'src pants',
    ]);
  });

  it('takes each distribution whose packages sit directly in it (a monorepo)', () => {
    const files = {
      'libs/foo/pyproject.toml': '[project]\nname = "foo-dist"\n', 'libs/foo/foo/__init__.py': '',
      'libs/bar/setup.py': '', 'libs/bar/src/bar/__init__.py': '',
      'libs/baz/pyproject.toml': '[tool.poetry]\nname = "baz-poetry"\n', 'libs/baz/baz.py': '',
      'tools/setup.py': '', 'tools/docs/conf.py': '',
    };
    const found = discover(memoryTree(files, 'repo'));
    expect(found.roots.map((r) => `${r.path} ${r.reason}`)).toEqual([
      '. analyzed-directory', 'libs/bar/src src-layout', 'libs/baz distribution', 'libs/foo distribution',
    ]);
    expect(found.distributions).toEqual([
      { path: 'libs/bar', name: 'bar' }, { path: 'libs/baz', name: 'baz-poetry' }, { path: 'libs/foo', name: 'foo-dist' }, { path: 'tools', name: 'tools' },
    ]);
  });

  it('does not take a setup.py inside a package as a project file (CPython test/libregrtest/setup.py)', () => {
    const found = discover(memoryTree({ 'test/__init__.py': '', 'test/libregrtest/__init__.py': '', 'test/libregrtest/setup.py': '', 'test/libregrtest/main.py': '' }));
    expect(found.roots.map((r) => r.path)).toEqual(['.']);
    expect(found.distributions).toEqual([]);
  });

  it('does not make a project directory inside a regular package a root (keras/tools/pip_package/setup.py)', () => {
    const found = discover(memoryTree({ 'keras/__init__.py': '', 'keras/tools/pip_package/setup.py': '', 'keras/tools/pip_package/create_pip_helper.py': '' }));
    expect(found.roots.map((r) => r.path)).toEqual(['.']);
  });

  it('names the distribution at the top after the analyzed directory when nothing declares a name', () => {
    expect(discover(memoryTree({ 'setup.py': '', 'm.py': '' }, 'myrepo')).distributions).toEqual([{ path: '.', name: 'myrepo' }]);
  });

  it('lets --root win over config roots, and config roots over declared ones', () => {
    const files = { 'pyproject.toml': '', 'src/a/__init__.py': '', 'lib/b.py': '', 'other/c.py': '' };
    expect(roots(files, { roots: ['./lib/'], rootsFromConfig: ['other'] })).toEqual(['. analyzed-directory', 'lib user']);
    expect(roots(files, { rootsFromConfig: ['other'] })).toEqual(['. analyzed-directory', 'other config']);
  });

  it('reports an invalid pyproject.toml in skipped and keeps going', () => {
    const found = discover(memoryTree({ 'pyproject.toml': '[project\nname = 1', 'm.py': '' }, 'r'));
    expect(found.skipped).toHaveLength(1);
    expect(found.skipped[0].path).toBe('pyproject.toml');
    expect(found.skipped[0].reason).toMatch(/^invalid pyproject\.toml at line 1: /);
    expect(found.distributions).toEqual([{ path: '.', name: 'r' }]);
  });
});

describe('rootOf', () => {
  it('gives the deepest root containing a path', () => {
    const all = ['.', 'libs/foo', 'libs/foo/src', 'libs/foobar'];
    expect(rootOf('libs/foo/src/foo/x.py', all)).toBe('libs/foo/src');
    expect(rootOf('libs/foo/tests/t.py', all)).toBe('libs/foo');
    expect(rootOf('libs/foobar/y.py', all)).toBe('libs/foobar');
    expect(rootOf('setup.py', all)).toBe('.');
    expect(rootOf('x.py', ['lib'])).toBeNull();
  });
});

describe('moduleFileStem', () => {
  it('gives the importable stem of every module suffix CPython knows', () => {
    expect(moduleFileStem('foo.py')).toBe('foo');
    expect(moduleFileStem('foo.pyi')).toBe('foo');
    expect(moduleFileStem('foo.pyx')).toBe('foo');
    expect(moduleFileStem('foo.so')).toBe('foo');
    expect(moduleFileStem('foo.abi3.so')).toBe('foo');
    expect(moduleFileStem('_libsvm.cpython-311-x86_64-linux-gnu.so')).toBe('_libsvm');
    expect(moduleFileStem('_ssl.cpython-311d-darwin.so')).toBe('_ssl');
    expect(moduleFileStem('foo.cp311-win_amd64.pyd')).toBe('foo');
    expect(moduleFileStem('foo.pypy39-pp73-x86_64-linux-gnu.so')).toBe('foo');
    expect(moduleFileStem('setup-tools.py')).toBe('setup-tools');
    expect(moduleFileStem('libfoo.so.1')).toBeNull();
    expect(moduleFileStem('libpython3.11.so')).toBeNull();
    expect(moduleFileStem('foo.pyc')).toBeNull();
    expect(moduleFileStem('.py')).toBeNull();
  });
});

describe('project files that only configure tools', () => {
  it('a setup.cfg of [flake8] or a pyproject.toml of [tool.black] makes no distribution (keras 2.15)', () => {
    const found = discover(memoryTree({ 'setup.cfg': '[flake8]\nmax-line-length = 80\n', 'libs/x/pyproject.toml': '[tool.black]\nline-length = 88\n', 'libs/x/x/__init__.py': '', 'keras/__init__.py': '' }, 'checkout'));
    expect(found.distributions).toEqual([]);
    expect(found.roots.map((r) => r.path)).toEqual(['.']);
  });
  it('[build-system] or [metadata] is enough', () => {
    const found = discover(memoryTree({ 'setup.cfg': '[metadata]\nname = k\n', 'libs/x/pyproject.toml': '[build-system]\nrequires = []\n', 'libs/x/x/__init__.py': '' }, 'checkout'));
    expect(found.distributions).toEqual([{ path: '.', name: 'k' }, { path: 'libs/x', name: 'x' }]);
  });
});
