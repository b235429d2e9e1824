/**
 * Source roots and distributions, by the "Source roots" section of
 * SEMANTICS.md: the user's roots (`--root`) win, else the config's, else what
 * the repository declares; the analyzed directory `.` is always a root.
 *
 * Declared roots, per directory `D` holding `pyproject.toml`, `setup.py` or `setup.cfg`
 * that declares a project (a file of tool settings alone does not: `ProjectDeclarations`)
 * (a `setup.py` beside an `__init__.py` is a module of that package, not a project
 * file: CPython's `test/libregrtest/setup.py`):
 * - `src-layout`: `D/src`, when it holds Python files and is not itself a package;
 * - `setuptools-where` / `setuptools-package-dir`: `D/<where>`, `D/<package-dir>`;
 * - `distribution`: `D` itself when a regular package (a subdirectory with
 *   `__init__.py`) or a module other than `setup.py` sits directly in it. Namespace
 *   directories do not count: a `docs/conf.py` would make every project a root.
 *   Nor does a directory inside a regular package: keras's `keras/tools/pip_package/setup.py`
 *   builds the wheel from a staging copy, and its helper scripts are modules of `keras`.
 * And per `pants.toml` (its directory is the build root `B`):
 * - `pants`: directories under `B` matching `[source] root_patterns` (Pants'
 *   semantics: `/x` is anchored at `B`, `x` matches a path suffix at any depth,
 *   `*` is one segment, `/` is `B`) and directories holding a `marker_filenames`
 *   file; only directories with Python files below them (Pants lists only those).
 * A path reached by several rules keeps the first reason in the order above;
 * declared roots must be directories the walk entered (not missing, ignored or
 * excluded), and roots outside the analyzed directory are dropped. User and
 * config roots are kept as given (normalized): checking they exist is the CLI's job.
 */
import { posix } from 'node:path';
import picomatch from 'picomatch';
import { readPantsToml, readPyproject, readSetupCfg, type ProjectDeclarations } from './project-config.js';
import { type SourceTree, errorCode, joinPath } from './source-tree.js';
import type { Distribution, RootReason, SkippedFile, SourceRoot } from './types.js';
import type { WalkResult } from './walk.js';

export interface RootOptions {
  /** `--root` values, relative to the analyzed directory. */
  roots?: string[];
  /** `roots` from the config file. */
  rootsFromConfig?: string[];
}

export interface RootDetection {
  roots: SourceRoot[];
  distributions: Distribution[];
  /** Project files that could not be read or parsed. */
  problems: SkippedFile[];
}

/** Normalize a relative directory: `./a/b/` -> `a/b`, `''` -> `.`; null when it leaves the analyzed directory. */
export function normalizeDir(path: string): string | null {
  const norm = posix.normalize(path.replace(/\\/g, '/')).replace(/\/+$/, '');
  if (norm === '' || norm === '.') return '.';
  return norm === '..' || norm.startsWith('../') || norm.startsWith('/') ? null : norm;
}

/** The deepest of `roots` containing `path` (a file or directory, relative), or null. `.` contains every path. */
export function rootOf(path: string, roots: readonly string[]): string | null {
  let best: string | null = null;
  for (const root of roots) {
    const inside = root === '.' || path === root || path.startsWith(`${root}/`);
    if (inside && (best === null || best === '.' || root.length > best.length)) best = root;
  }
  return best;
}

const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.');
const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Detect the roots and distributions of a walked tree (see the file comment for the rules). */
export function detectSourceRoots(tree: SourceTree, walk: WalkResult, options: RootOptions = {}): RootDetection {
  const problems: SkippedFile[] = [];
  const found = new Map<string, RootReason>();
  const walked = new Set(walk.directories);
  const add = (path: string | null, reason: RootReason): void => {
    const declared = reason !== 'user' && reason !== 'config';
    if (path !== null && path !== '.' && !found.has(path) && (!declared || walked.has(path))) found.set(path, reason);
  };
  const read = <T>(path: string, parse: (text: string) => T): T | null => {
    try {
      return parse(tree.read(path).toString('utf8'));
    } catch (error) {
      const code = errorCode(error);
      const where = (error as { line?: number }).line ? ` at line ${(error as { line: number }).line}` : '';
      problems.push({ path, reason: code === 'UNKNOWN' ? `invalid ${baseOf(path)}${where}: ${(error as Error).message.split('\n')[0]}` : `unreadable file (${code})` });
      return null;
    }
  };

  const withFiles = new Set<string>(['.']);
  const packageParents = new Set<string>();
  const moduleParents = new Set<string>();
  for (const { path } of walk.files) {
    for (let d = dirOf(path); d !== '.'; d = dirOf(d)) withFiles.add(d);
    if (/^__init__\.pyi?$/.test(baseOf(path))) packageParents.add(dirOf(dirOf(path)));
    else if (baseOf(path) !== 'setup.py') moduleParents.add(dirOf(path));
  }
  const filePaths = new Set(walk.files.map((f) => f.path));
  const isPackage = (dir: string): boolean => filePaths.has(`${dir}/__init__.py`);

  const decls = new Map<string, ProjectDeclarations[]>();
  for (const file of walk.projectFiles) {
    const dir = dirOf(file);
    if (baseOf(file) === 'pants.toml' || (baseOf(file) === 'setup.py' && isPackage(dir))) continue;
    const reader = baseOf(file) === 'pyproject.toml' ? readPyproject : baseOf(file) === 'setup.cfg' ? readSetupCfg : null;
    const declared = reader && read(file, reader);
    // setup.py always declares a project; a file we cannot read is taken to declare one.
    if (!reader || !declared || declared.declaresProject) {
      const list = decls.get(dir) ?? [];
      if (declared) list.push(declared);
      decls.set(dir, list);
    }
  }
  const distributions: Distribution[] = [...decls].map(([path, ds]) => ({
    path,
    name: ds.find((d) => d.name !== null)?.name ?? (path === '.' ? tree.name : baseOf(path)),
  }));

  const given = options.roots?.length ? { roots: options.roots, reason: 'user' as const } : options.rootsFromConfig?.length ? { roots: options.rootsFromConfig, reason: 'config' as const } : null;
  if (given) {
    for (const root of given.roots) add(normalizeDir(root), given.reason);
  } else {
    for (const [dir] of decls) {
      const src = joinPath(dir, 'src');
      if (withFiles.has(src) && !isPackage(src)) add(src, 'src-layout');
    }
    for (const [dir, ds] of decls) for (const d of ds) for (const w of d.where) add(normalizeDir(joinPath(dir, w)), 'setuptools-where');
    for (const [dir, ds] of decls) for (const d of ds) for (const p of d.packageDirs) add(normalizeDir(joinPath(dir, p)), 'setuptools-package-dir');
    for (const file of walk.projectFiles.filter((f) => baseOf(f) === 'pants.toml')) {
      const pants = read(file, readPantsToml);
      if (pants) for (const root of pantsRoots(dirOf(file), pants, walk.directories, withFiles, tree)) add(root, 'pants');
    }
    const insidePackage = (dir: string): boolean => {
      for (let d = dirOf(dir); d !== '.'; d = dirOf(d)) if (isPackage(d)) return true;
      return false;
    };
    for (const [dir] of decls) if ((packageParents.has(dir) || moduleParents.has(dir)) && !insidePackage(dir)) add(dir, 'distribution');
  }
  const explicitTop = given?.roots.some((r) => normalizeDir(r) === '.');
  const roots: SourceRoot[] = [{ path: '.', reason: explicitTop ? given!.reason : 'analyzed-directory' }];
  for (const [path, reason] of found) roots.push({ path, reason });
  const byPath = <T extends { path: string }>(a: T, b: T): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { roots: roots.sort(byPath), distributions: distributions.sort(byPath), problems };
}

/** Directories under build root `base` that Pants would take as source roots. */
function pantsRoots(base: string, pants: { patterns: string[]; markers: string[] }, dirs: string[], withFiles: Set<string>, tree: SourceTree): string[] {
  const out: string[] = [];
  const under = dirs.filter((d) => base === '.' || d === base || d.startsWith(`${base}/`));
  const segmentsOf = (d: string): string[] => (d === base ? [] : (base === '.' ? d : d.slice(base.length + 1)).split('/'));
  for (const raw of pants.patterns) {
    const anchored = raw.startsWith('/');
    const pattern = raw.split('/').filter(Boolean);
    if (pattern.length === 0) {
      if (anchored) out.push(base);
      continue;
    }
    const segs = pattern.map((p) => picomatch(p, { dot: true }));
    for (const d of under) {
      const parts = segmentsOf(d);
      if (parts.length < segs.length || (anchored && parts.length !== segs.length) || !withFiles.has(d)) continue;
      const tail = parts.slice(parts.length - segs.length);
      if (segs.every((match, i) => match(tail[i]))) out.push(d);
    }
  }
  for (const marker of pants.markers) {
    for (const d of under) {
      try {
        if (tree.stat(joinPath(d, marker)) === 'file') out.push(d);
      } catch {
        // no marker here
      }
    }
  }
  return out;
}
