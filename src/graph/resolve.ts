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
 * One call builds a `Resolver` over `modules`; an analysis resolving many statements makes one
 * `Resolver` and calls its `resolve`.
 *
 * @param intern applied to every string a site keeps (`interner()`); the identity by default.
 * @returns the sites (possibly several for one statement), or an error.
 */
export function resolveImport(raw: RawImport, importer: ModuleEntry, modules: ReadonlyMap<string, ModuleEntry>, intern: Intern = (s) => s): ResolvedSite[] | ResolveError {
  return new Resolver(modules, intern).resolve(raw, importer);
}

/** Where a dotted target lands: the edge's head, and whether it is external or an unresolved internal name. */
interface Head {
  to: string;
  external: boolean;
  unresolved: boolean;
}

/**
 * `resolveImport` for one analysis: the same answers, with what many statements share worked out
 * once. A repository imports the same modules from many files, and the files of one package share
 * the anchor of their relative imports, so the resolver remembers (per run, never on disk) each
 * importer's anchors by level, each joined `anchor.module`, each module's submodules by name and
 * each target's head. Every string a site keeps is the interned one, and no dotted name is built
 * twice (at 100,000 modules, about a million and a half sites).
 */
export class Resolver {
  /** A module's submodules by their last segment (`''` holds the top-level modules): `M.n` is a module iff `children.get(M)?.get(n)`. */
  private readonly children = new Map<string, Map<string, string>>();
  private readonly anchors = new Map<ModuleEntry, (string | null)[]>();
  private readonly joined = new Map<string, Map<string, string>>();
  private readonly heads = new Map<string, Head>();

  constructor(private readonly modules: ReadonlyMap<string, ModuleEntry>, private readonly intern: Intern = interner()) {
    for (const name of modules.keys()) {
      const dot = name.lastIndexOf('.');
      const parent = dot < 0 ? '' : name.slice(0, dot);
      let row = this.children.get(parent);
      if (!row) this.children.set(parent, (row = new Map()));
      row.set(dot < 0 ? name : name.slice(dot + 1), this.intern(name));
    }
  }

  /** The sites of one statement of `importer`, or the error Python would raise (see `resolveImport`). */
  resolve(raw: RawImport, importer: ModuleEntry): ResolvedSite[] | ResolveError {
    const base = this.absoluteModule(raw, importer);
    if (typeof base !== 'string') return base;
    if (raw.kind !== 'from') return [this.site(base, base, raw.names.map(this.intern), raw)];
    const sites: ResolvedSite[] = [];
    const rest: string[] = [];
    // When M itself is missing inside the repository (`from pkg.protos import graph_pb2` with no
    // such files), the names can only be submodules: each is its own unresolved target.
    const baseMissing = !this.modules.has(base) && this.modules.has(topLevel(base));
    const below = this.children.get(base);
    for (const name of raw.names) {
      const sub = name === '*' ? undefined : below?.get(name) ?? (baseMissing ? this.join(base, name) : undefined);
      if (sub !== undefined) sites.push(this.site(sub, base, [this.intern(name)], raw));
      else rest.push(this.intern(name));
    }
    if (rest.length > 0 || sites.length === 0) sites.unshift(this.site(base, base, rest, raw));
    return sites;
  }

  /** The interned absolute name the statement names, or the error for a relative import Python rejects. */
  private absoluteModule(raw: RawImport, importer: ModuleEntry): string | ResolveError {
    if (raw.level === 0) return this.intern(raw.module);
    let anchor: string | null;
    const given = raw.kind === 'dynamic' ? raw.anchor : undefined;
    if (given && ('literal' in given || 'importerModule' in given)) {
      const pkg = 'literal' in given ? given.literal : moduleName(importer);
      anchor = climb(pkg, raw.level);
      if (anchor === null) return climbError(raw, pkg);
    } else {
      let row = this.anchors.get(importer);
      if (!row) this.anchors.set(importer, (row = []));
      anchor = row[raw.level];
      if (anchor === undefined) row[raw.level] = anchor = climb(packageOf(importer), raw.level);
      if (anchor === null) return climbError(raw, packageOf(importer));
    }
    return raw.module ? this.join(anchor, raw.module) : this.intern(anchor);
  }

  /** The interned `${left}.${right}`, built once per pair. */
  private join(left: string, right: string): string {
    let row = this.joined.get(left);
    if (!row) this.joined.set(left, (row = new Map()));
    let both = row.get(right);
    if (both === undefined) row.set(right, (both = this.intern(left ? `${left}.${right}` : right)));
    return both;
  }

  private site(target: string, statementModule: string, names: string[], raw: RawImport): ResolvedSite {
    let head = this.heads.get(target);
    if (!head) this.heads.set(target, (head = this.headOf(target)));
    return {
      target, statementModule, names, to: head.to, external: head.external, unresolved: head.unresolved,
      kind: raw.kind, line: raw.line, column: raw.column,
      typeChecking: raw.typeChecking, conditional: raw.conditional, lazy: raw.lazy, dynamic: raw.dynamic,
    };
  }

  private headOf(target: string): Head {
    if (this.modules.has(target)) return { to: target, external: false, unresolved: false };
    const top = topLevel(target);
    if (!this.modules.has(top)) return { to: this.intern(top), external: true, unresolved: false };
    let to = target;
    while (!this.modules.has(to)) to = to.slice(0, to.lastIndexOf('.'));
    return { to: this.intern(to), external: false, unresolved: true };
  }
}

/** The package `level` dots name from `pkg` (`__package__`): `pkg` itself at one dot, its parent at two; null above the top level or outside any package. */
function climb(pkg: string, level: number): string | null {
  if (!pkg) return null;
  let end = pkg.length;
  for (let up = 1; up < level; up++) {
    end = pkg.lastIndexOf('.', end - 1);
    if (end < 0) return null;
  }
  return pkg.slice(0, end);
}

function climbError(raw: RawImport, pkg: string): ResolveError {
  const statement = `${'.'.repeat(raw.level)}${raw.module}`;
  if (!pkg) return { raw, message: `relative import ${statement} in a module that is not in a package` };
  return { raw, message: `relative import ${statement} climbs above the top-level package ${pkg.split('.')[0]}` };
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

const topLevel = (dotted: string) => {
  const dot = dotted.indexOf('.');
  return dot < 0 ? dotted : dotted.slice(0, dot);
};
