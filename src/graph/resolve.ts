import type { RawImport } from '../parse/types.js';
import type { ModuleEntry } from './module-table.js';

/**
 * One import site after resolution: where the edge goes, what the statement named, and the
 * statement's position and marks copied from its `RawImport` (the raw facts are not kept: at
 * 100,000 modules a reference per site held a million and a half of them until the report).
 */
export interface ResolvedSite {
  /** The edge's head: an internal module, or an external top-level package. */
  to: string;
  external: boolean;
  /** The full dotted module this site reaches (`a.b.c` for a submodule of `from a.b import c`, else `a.b`). */
  target: string;
  /** The absolute dotted module the statement names (`a.b` in `from a.b import c`). */
  statementModule: string;
  /** Names recorded on this site: the submodule's name, or the statement's non-module names. */
  names: string[];
  /** The target is inside an internal top-level package, but no file defines it; `to` is its nearest existing ancestor. */
  unresolved: boolean;
  /** The statement's form, position (1-based line, 0-based column) and marks, as in `RawImport`. */
  kind: RawImport['kind'];
  line: number;
  column: number;
  typeChecking: boolean;
  conditional: boolean;
  lazy: boolean;
  dynamic: boolean;
}

/** A statement Python itself would reject: a relative import above the top-level package. */
export interface ResolveError {
  raw: RawImport;
  message: string;
}

/**
 * Gives one instance of each distinct string (`interner()`). The facts of each file come with their
 * own copies of `typing` or `numpy.typing`, from a worker thread or the cache; a site keeps the
 * interned ones, so a large repository holds each module name once, not once per import of it.
 */
export type Intern = (s: string) => string;

/** A fresh `Intern`, for one analysis. */
export function interner(): Intern {
  const seen = new Map<string, string>();
  return (s) => {
    const found = seen.get(s);
    if (found !== undefined) return found;
    seen.set(s, s);
    return s;
  };
}

/**
 * Resolves one import statement of `importer` against the repository's modules
 * (SEMANTICS.md "Import statements"; PEP 328 for relative imports).
 *
 * - The package a relative import starts from is the importer itself when it is a package
 *   (`__init__`), else its parent; each further dot climbs one package. Python's
 *   `importlib._bootstrap._resolve_name` does the same and raises when it climbs above
 *   the top level: that becomes a `ResolveError`.
 * - A script (a file with a non-importable name) resolves relative imports from the nearest
 *   importable directory above it, as when a framework imports it by path (Django migrations).
 * - `from M import a, b`: one site per name that is a module `M.a`, and one site on `M`
 *   for the other names.
 * - A target whose top-level package is internal but which no file defines is `unresolved`
 *   and points at its nearest existing ancestor; any other non-internal target is external
 *   and points at its top-level name. When `M` of `from M import n` is itself missing, the
 *   target is `M.n`: only a submodule could be imported from it (keras's `keras.protobuf` holds
 *   no Python file; Python sees a namespace package whose generated `*_pb2` modules are absent).
 *
 * @param intern applied to every string a site keeps (`interner()`); the identity by default.
 * @returns the sites (possibly several for one statement), or an error.
 */
export function resolveImport(raw: RawImport, importer: ModuleEntry, modules: ReadonlyMap<string, ModuleEntry>, intern: Intern = (s) => s): ResolvedSite[] | ResolveError {
  const found = absoluteModule(raw, importer);
  if (typeof found !== 'string') return found;
  const base = intern(found);
  const site = (target: string, names: string[]) => siteOf(intern(target), base, names.map(intern), raw, modules, intern);
  if (raw.kind !== 'from') return [site(base, raw.names)];
  const sites: ResolvedSite[] = [];
  const rest: string[] = [];
  // When M itself is missing inside the repository (`from pkg.protos import graph_pb2` with no
  // such files), the names can only be submodules: each is its own unresolved target.
  const baseMissing = !modules.has(base) && modules.has(topLevel(base));
  for (const name of raw.names) {
    const sub = base ? `${base}.${name}` : name;
    if (name !== '*' && (modules.has(sub) || baseMissing)) sites.push(site(sub, [name]));
    else rest.push(name);
  }
  if (rest.length > 0 || sites.length === 0) sites.unshift(site(base, rest));
  return sites;
}

function absoluteModule(raw: RawImport, importer: ModuleEntry): string | ResolveError {
  if (raw.level === 0) return raw.module;
  let pkg: string;
  if (raw.kind === 'dynamic' && raw.anchor && 'literal' in raw.anchor) pkg = raw.anchor.literal;
  else if (raw.kind === 'dynamic' && raw.anchor && 'importerModule' in raw.anchor) pkg = moduleName(importer);
  else pkg = packageOf(importer);
  if (!pkg) return { raw, message: `relative import ${'.'.repeat(raw.level)}${raw.module} in a module that is not in a package` };
  const bits = pkg.split('.');
  if (bits.length < raw.level) {
    return { raw, message: `relative import ${'.'.repeat(raw.level)}${raw.module} climbs above the top-level package ${bits[0]}` };
  }
  const anchor = bits.slice(0, bits.length - (raw.level - 1)).join('.');
  return raw.module ? `${anchor}.${raw.module}` : anchor;
}

/** `__name__` of the importer: its dotted name, or for a script the package it sits in. */
function moduleName(importer: ModuleEntry): string {
  return importer.kind === 'script' ? importer.scriptPackage ?? '' : importer.name;
}

/** `__package__` of the importer (Python's import system sets it to the name for a package, the parent otherwise). */
function packageOf(importer: ModuleEntry): string {
  if (importer.kind === 'script') return importer.scriptPackage ?? '';
  if (importer.isPackage) return importer.name;
  const dot = importer.name.lastIndexOf('.');
  return dot < 0 ? '' : importer.name.slice(0, dot);
}

function siteOf(target: string, statementModule: string, names: string[], raw: RawImport, modules: ReadonlyMap<string, ModuleEntry>, intern: Intern): ResolvedSite {
  let to = target;
  let external = false;
  let unresolved = false;
  if (!modules.has(target)) {
    const top = topLevel(target);
    if (!modules.has(top)) {
      to = top;
      external = true;
    } else {
      while (!modules.has(to)) to = to.slice(0, to.lastIndexOf('.'));
      unresolved = true;
    }
  }
  return {
    target, statementModule, names, to: intern(to), external, unresolved,
    kind: raw.kind, line: raw.line, column: raw.column,
    typeChecking: raw.typeChecking, conditional: raw.conditional, lazy: raw.lazy, dynamic: raw.dynamic,
  };
}

const topLevel = (dotted: string) => {
  const dot = dotted.indexOf('.');
  return dot < 0 ? dotted : dotted.slice(0, dot);
};
