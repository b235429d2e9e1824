import type { DiscoveredFile, Distribution, SourceRoot } from '../parse/types.js';
import type { DuplicateRecord, ModuleKind } from '../result.js';

/** One module the repository defines, before owners are attached. */
export interface ModuleEntry {
  name: string;
  /** Defining file, or the directory of a namespace package. */
  path: string;
  kind: ModuleKind;
  root: string;
  /** True for regular, stub and namespace packages: relative imports inside an `__init__` start from the module itself. */
  isPackage: boolean;
  /** For a script: the dotted name of the nearest importable directory above it (`''` when none). */
  scriptPackage?: string;
}

/** The modules of a tree and which file defines which. */
export interface ModuleTable {
  /** Every module by name, the winning definition only. */
  modules: Map<string, ModuleEntry>;
  /** Files to parse for imports (sources, and stubs with no `.py` beside them), each with its module. */
  parsed: { file: DiscoveredFile; module: ModuleEntry }[];
  duplicates: DuplicateRecord[];
}

const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

/** Whether a path segment can be imported by an `import` statement (Python's `str.isidentifier`, PEP 3131). */
export function isIdentifier(segment: string): boolean {
  return IDENTIFIER.test(segment);
}

/** The deepest root that contains `path` (a file or directory path relative to the analyzed directory). */
export function deepestRoot(path: string, roots: readonly SourceRoot[]): string {
  let best = '.';
  for (const root of roots) {
    const inside = root.path === '.' || path === root.path || path.startsWith(root.path + '/');
    if (inside && depth(root.path) > depth(best)) best = root.path;
  }
  return best;
}

function depth(path: string): number {
  return path === '.' ? 0 : path.split('/').length;
}

function relativeTo(root: string, path: string): string {
  return root === '.' ? path : path.slice(root.length + 1);
}

/** `foo.cpython-311-x86_64-linux-gnu.so` -> `foo`; `bar.py` -> `bar`. */
function stemOf(fileName: string, kind: DiscoveredFile['kind']): string {
  if (kind === 'extension') return fileName.slice(0, fileName.indexOf('.'));
  return fileName.replace(/\.pyi?$/, '');
}

/**
 * Names every file under its deepest source root (SEMANTICS.md "Modules and packages"):
 * `R/a/b/c.py` is `a.b.c`, `R/a/b/__init__.py` the package `a.b`, a directory without
 * `__init__.py` whose subtree holds Python files a namespace package (PEP 420), an
 * extension module (`.so`, `.pyd`, `.pyx`) a module. A `.pyi` counts only with no `.py`
 * beside it. A file or directory whose name is not an identifier makes a script named by
 * its path. When two definitions give one name, the earlier root wins (roots in the order
 * given, the analyzed directory last); within one directory a package beats a module of
 * the same name and a source beats an extension, as Python's `FileFinder` would find
 * the package first (the extension case is ours: the source is what we can read).
 *
 * @param files sorted discovery output; @param roots source roots, earliest first.
 */
export function buildModuleTable(files: readonly DiscoveredFile[], roots: readonly SourceRoot[]): ModuleTable {
  const paths = new Set(files.map((f) => f.path));
  const rootOrder = new Map(roots.map((r, i) => [r.path, r.path === '.' ? roots.length : i]));
  // Every name's first definition; the names defined more than once have all their definitions in `contested`.
  const modules = new Map<string, ModuleEntry>();
  const contested = new Map<string, ModuleEntry[]>();
  const parsed: ModuleTable['parsed'] = [];
  const add = (entry: ModuleEntry) => {
    const first = modules.get(entry.name);
    if (first === undefined) modules.set(entry.name, entry);
    else {
      const list = contested.get(entry.name);
      if (list) list.push(entry);
      else contested.set(entry.name, [first, entry]);
    }
  };

  // Directories (`root\0dir`) whose namespace candidates are made: each once, however many files it holds.
  const dirsDone = new Set<string>();
  const identifier = new Map<string, boolean>();
  const isName = (segment: string): boolean => {
    let known = identifier.get(segment);
    if (known === undefined) identifier.set(segment, (known = isIdentifier(segment)));
    return known;
  };
  for (const file of files) {
    if (file.kind === 'stub' && paths.has(file.path.slice(0, -1))) continue;
    const root = deepestRoot(file.path, roots);
    const parts = relativeTo(root, file.path).split('/');
    const fileName = parts.pop()!;
    const stem = stemOf(fileName, file.kind);
    const importableDirs = prefixWhile(parts, isName);
    if (importableDirs.length < parts.length || !isName(stem)) {
      const entry: ModuleEntry = { name: file.path, path: file.path, kind: 'script', root, isPackage: false, scriptPackage: importableDirs.join('.') };
      add(entry);
      if (file.kind !== 'extension') parsed.push({ file, module: entry });
      continue;
    }
    const isInit = stem === '__init__' && file.kind !== 'extension';
    const nameParts = isInit ? parts : [...parts, stem];
    if (nameParts.length === 0) continue; // an __init__.py directly in a root names no module
    const kind: ModuleKind = file.kind === 'extension' ? 'extension' : file.kind === 'stub' ? 'stub' : isInit ? 'package' : 'module';
    const entry: ModuleEntry = { name: nameParts.join('.'), path: file.path, kind, root, isPackage: isInit };
    add(entry);
    if (file.kind !== 'extension') parsed.push({ file, module: entry });
    // Every directory above the file is a package: a namespace one without an `__init__`. Done for
    // the file's directory, done for all above it (they were made on the way down to it).
    const parent = `${root}\0${parts.join('/')}`;
    if (dirsDone.has(parent)) continue;
    for (let i = 1; i <= parts.length; i++) {
      const dir = parts.slice(0, i);
      const dirPath = root === '.' ? dir.join('/') : `${root}/${dir.join('/')}`;
      if (dirsDone.has(`${root}\0${dir.join('/')}`)) continue;
      dirsDone.add(`${root}\0${dir.join('/')}`);
      if (paths.has(`${dirPath}/__init__.py`) || paths.has(`${dirPath}/__init__.pyi`)) continue;
      add({ name: dir.join('.'), path: dirPath, kind: 'namespace', root, isPackage: true });
    }
  }

  const duplicates: DuplicateRecord[] = [];
  for (const [name, list] of contested) {
    const unique = dedupeByPath(list);
    unique.sort((a, b) => rank(a, rootOrder) - rank(b, rootOrder) || cmp(a.path, b.path));
    const winner = unique[0];
    modules.set(name, winner);
    const real = unique.filter((e) => e.kind !== 'namespace');
    if (real.length > 1 && !isStubOfExtension(real)) duplicates.push({ module: name, paths: real.map((e) => e.path) });
  }
  duplicates.sort((a, b) => cmp(a.module, b.module));
  return { modules, parsed: contested.size ? parsed.filter((p) => modules.get(p.module.name) === p.module) : parsed, duplicates };
}

/**
 * A stub package describing an extension module of the same name (torch's `_C/__init__.pyi`
 * beside `_C.cpython-311-x86_64-linux-gnu.so`, PEP 561) is one module seen twice, not a
 * duplicate: the stub is read, the extension is what runs.
 */
function isStubOfExtension(defs: ModuleEntry[]): boolean {
  return defs.length === 2 && defs[0].kind === 'stub' && defs[1].kind === 'extension' && defs[0].root === defs[1].root;
}

function prefixWhile(parts: string[], ok: (s: string) => boolean): string[] {
  const out: string[] = [];
  for (const p of parts) {
    if (!ok(p)) break;
    out.push(p);
  }
  return out;
}

function dedupeByPath(list: ModuleEntry[]): ModuleEntry[] {
  const seen = new Map<string, ModuleEntry>();
  for (const e of list) if (!seen.has(e.path)) seen.set(e.path, e);
  return [...seen.values()];
}

const KIND_RANK: Record<ModuleKind, number> = { package: 0, stub: 1, module: 2, script: 2, extension: 3, namespace: 4 };

/** A namespace portion loses to any regular definition on any root, as in Python's `PathFinder` (PEP 420). */
function rank(e: ModuleEntry, rootOrder: Map<string, number>): number {
  if (e.kind === 'namespace') return Number.MAX_SAFE_INTEGER;
  return (rootOrder.get(e.root) ?? 0) * 10 + KIND_RANK[e.kind];
}

/** Plain code-unit comparison, the order the JSON report is sorted in (locale-independent). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
