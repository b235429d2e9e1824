import { execFileSync } from 'node:child_process';
// Discovery scenarios, each a small tree written to a fresh temporary directory (or held in
// memory where the file system cannot produce the case, e.g. unreadable files when running as root).
// Expected lists are written by hand from the tree each test builds.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discover } from '../../src/parse/discover.js';
import { memoryTree } from '../../src/parse/memory-tree.js';
import { nodeTree } from '../../src/parse/source-tree.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Write `files` (path -> content, or `{link}` for a symlink) under a new temporary directory; returns its path. */
function disk(files: Record<string, string | { link: string }>, name = 'repo'): string {
  const top = mkdtempSync(join(tmpdir(), 'pyseam-discover-'));
  made.push(top);
  const base = join(top, name);
  mkdirSync(base, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    if (typeof content === 'string') writeFileSync(join(base, path), content);
    else symlinkSync(content.link, join(base, path));
  }
  return base;
}
const paths = (dir: string, options = {}): string[] => discover(nodeTree(dir), options).files.map((f) => f.path);

describe('discover on disk', () => {
  it('finds sources, stubs and extensions, sorted, with their kinds', () => {
    const dir = disk({ 'b.py': '', 'a/__init__.py': '', 'a/m.pyi': '', 'a/_x.cpython-311-x86_64-linux-gnu.so': '', 'a/y.pyx': '', 'README.md': '', 'a/m.pyc': '', 'config/libpython3.11.so': '' });
    expect(discover(nodeTree(dir)).files).toEqual([
      { path: 'a/__init__.py', kind: 'source' },
      { path: 'a/_x.cpython-311-x86_64-linux-gnu.so', kind: 'extension' },
      { path: 'a/m.pyi', kind: 'stub' },
      { path: 'a/y.pyx', kind: 'extension' },
      { path: 'b.py', kind: 'source' },
    ]);
  });

  it('honours the top .gitignore and nested ones, deeper rules winning', () => {
    const dir = disk({
      '.gitignore': 'build/\n*_pb2.py\n',
      'build/gen.py': '',
      'pkg/a_pb2.py': '',
      'pkg/ok.py': '',
      'pkg/sub/.gitignore': '!keep_pb2.py\nlocal.py\n',
      'pkg/sub/keep_pb2.py': '',
      'pkg/sub/local.py': '',
      'local.py': '',
    });
    expect(paths(dir)).toEqual(['local.py', 'pkg/ok.py', 'pkg/sub/keep_pb2.py']);
  });

  it('honours .git/info/exclude', () => {
    const dir = disk({ '.git/info/exclude': 'secret.py\n', 'secret.py': '', 'a.py': '' });
    expect(paths(dir)).toEqual(['a.py']);
  });

  it('skips hidden directories, __pycache__, node_modules and virtual environments', () => {
    const dir = disk({
      '.tox/x.py': '', '__pycache__/m.py': '', 'node_modules/n.py': '',
      'venv/pyvenv.cfg': 'home = /usr/bin\n', 'venv/lib/site.py': '',
      'env2/pyvenv.cfg': '', 'env2/x.py': '', 'app/main.py': '',
    });
    expect(paths(dir)).toEqual(['app/main.py']);
  });

  it('skips site-packages and dist-packages, unless the analyzed directory is or lies in one', () => {
    const files = { 'lib/site-packages/dep.py': '', 'lib/dist-packages/dep2.py': '', 'own.py': '' };
    expect(paths(disk(files))).toEqual(['own.py']);
    expect(paths(disk(files), { isSitePackages: true })).toEqual(['lib/dist-packages/dep2.py', 'lib/site-packages/dep.py', 'own.py']);
    expect(paths(disk({ 'inner/site-packages/x.py': '', 'pkg/a.py': '' }, 'site-packages'))).toEqual(['inner/site-packages/x.py', 'pkg/a.py']);
  });

  it('applies --exclude globs: a name at any depth without "/", the whole path with it', () => {
    const dir = disk({ 'a/tests/t.py': '', 'tests/t.py': '', 'a/m.py': '', 'a/m_pb2.py': '', 'docs/src/conf.py': '', 'docs/x.py': '' });
    expect(paths(dir, { exclude: ['tests', '*_pb2.py'] })).toEqual(['a/m.py', 'docs/src/conf.py', 'docs/x.py']);
    expect(paths(dir, { exclude: ['docs/src/**', './a/tests/'] })).toEqual(['a/m.py', 'a/m_pb2.py', 'docs/x.py', 'tests/t.py']);
  });

  it('follows symlinks to files and directories, and reports broken links and loops', () => {
    const dir = disk({
      'real/x.py': '',
      'linked': { link: 'real' },
      'alias.py': { link: 'real/x.py' },
      'dangling.py': { link: 'nowhere.py' },
      'real/back': { link: '..' },
      'self': { link: 'self' },
    });
    const found = discover(nodeTree(dir));
    expect(found.files.map((f) => f.path)).toEqual(['alias.py', 'linked/x.py', 'real/x.py']);
    expect(found.skipped.map((s) => s.path)).toEqual(['dangling.py', 'linked/back', 'real/back', 'self']);
    expect(found.skipped[0].reason).toBe('broken symlink');
    expect(found.skipped[1].reason).toMatch(/^symlink loop/);
    expect(found.skipped[3].reason).toMatch(/^symlink loop/);
  });

  it.skipIf(process.getuid?.() === 0)('reports unreadable files and directories (chmod 000)', () => {
    const dir = disk({ 'locked.py': '', 'closed/a.py': '', 'ok.py': '' });
    chmodSync(join(dir, 'locked.py'), 0o000);
    chmodSync(join(dir, 'closed'), 0o000);
    const found = discover(nodeTree(dir));
    chmodSync(join(dir, 'closed'), 0o755);
    expect(found.files.map((f) => f.path)).toEqual(['ok.py']);
    expect(found.skipped).toEqual([
      { path: 'closed', reason: 'unreadable directory (EACCES)' },
      { path: 'locked.py', reason: 'unreadable file (EACCES)' },
    ]);
  });
});

describe('discover on a memory tree', () => {
  it('reports unreadable files and directories without stopping', () => {
    const tree = memoryTree({ 'locked.py': { unreadable: true }, closed: { dir: true, unreadable: true }, 'ok/a.py': '' });
    const found = discover(tree);
    expect(found.files.map((f) => f.path)).toEqual(['ok/a.py']);
    expect(found.skipped).toEqual([
      { path: 'closed', reason: 'unreadable directory (EACCES)' },
      { path: 'locked.py', reason: 'unreadable file (EACCES)' },
    ]);
  });

  it('detects symlink loops and broken links in memory as on disk', () => {
    const tree = memoryTree({ 'p/m.py': '', 'p/up': { symlink: '..' }, 'gone.py': { symlink: 'missing.py' }, 'a': { symlink: 'b' }, 'b': { symlink: 'a' } });
    const found = discover(tree);
    expect(found.files.map((f) => f.path)).toEqual(['p/m.py']);
    expect(found.skipped.map((s) => [s.path, s.reason.split(' (')[0].split(':')[0]])).toEqual([
      ['a', 'symlink loop'], ['b', 'symlink loop'], ['gone.py', 'broken symlink'], ['p/up', 'symlink loop'],
    ]);
  });
});

describe('discover: special files', () => {
  it('reports a FIFO named like a module instead of passing it over in silence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyseam-fifo-'));
    writeFileSync(join(dir, 'ok.py'), 'import os\n');
    execFileSync('mkfifo', [join(dir, 'x.py')]);
    const found = discover(nodeTree(dir));
    expect(found.files.map((f) => f.path)).toEqual(['ok.py']);
    expect(found.skipped).toEqual([{ path: 'x.py', reason: 'not a regular file (a FIFO, socket or device)' }]);
  });
});
