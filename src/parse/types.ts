/**
 * The facts the parse stage hands to the graph stage. Plain data only: no
 * syntax trees, no Maps, so a file's facts can cross a worker thread or sit
 * in a cache as JSON.
 */

/**
 * One import statement (or one target of a multi-target `import a, b`), as
 * written in the source, before resolution.
 *
 * - `kind: 'import'`: `import a.b.c` / `import a.b.c as d`; `module` is `a.b.c`, `level` 0, `names` [].
 * - `kind: 'from'`: `from ..a.b import c, d as e`; `module` is `a.b` (`''` for `from . import c`),
 *   `level` is the number of leading dots (PEP 328), `names` are the imported names as written
 *   before `as` (`['c', 'd']`), or `['*']`.
 * - `kind: 'dynamic'`: `importlib.import_module("x.y")`, `__import__("x.y")`, or a configured import
 *   helper called with a string literal. `module` is the literal without its leading dots, `level`
 *   the number of leading dots; `anchor` says what the relative name is resolved against:
 *   a literal package name (`import_module(".x", "p")` gives `anchor: {literal: 'p'}`),
 *   the importer's own package (`__package__`, or `__name__` inside an `__init__`) as `{ importerPackage: true }`,
 *   or the importer's module name (`__name__` in a plain module, as `importlib.util.resolve_name` does) as `{ importerModule: true }`.
 *
 * `line` and `column` are 1-based: the line as Python's `ast` gives it and the column one more than
 * `ast`'s `col_offset`, which counts UTF-8 bytes, so the two agree on any source. For a call, the
 * place where the call starts.
 */
export interface RawImport {
  kind: 'import' | 'from' | 'dynamic';
  module: string;
  level: number;
  names: string[];
  line: number;
  column: number;
  anchor?: { literal: string } | { importerPackage: true } | { importerModule: true };
  /** Inside the body of `if TYPE_CHECKING:` (or alias), the `else` of `if not TYPE_CHECKING:`, or any import in a `.pyi` stub. */
  typeChecking: boolean;
  /** May not run or may fail softly: inside any `if`, a `try` that catches ImportError-like exceptions, or `with suppress(ImportError)`. */
  conditional: boolean;
  /** Does not run when the module is loaded: in a function/lambda body, PEP 810 `lazy import`, or listed in `__lazy_modules__`. */
  lazy: boolean;
  /** Made through importlib, `__import__` or a configured helper. */
  dynamic: boolean;
}

/** A dynamic import whose argument is not a string literal: it gives no edge, but is counted and listed. */
export interface NonLiteralDynamicImport {
  line: number;
  column: number;
  /** The call's source text, cut to 120 characters. */
  call: string;
}

/** A syntax error in a file, 1-based. An import swallowed by an ERROR node says so in `message`. */
export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

/** Everything extracted from one Python source file. */
export interface ModuleFacts {
  imports: RawImport[];
  nonLiteralDynamic: NonLiteralDynamicImport[];
  syntaxErrors: SyntaxProblem[];
  /** Names in a literal `__all__` list or tuple, or null when there is none or it is not literal. */
  all: string[] | null;
  /** Symbols marked by a configured export decorator, in source order (`[]` when none is configured). */
  exports: RawExport[];
  /** Inline `# pyseam: ignore[...]` comments, in source order. */
  suppressions: RawSuppression[];
}

/**
 * A `# pyseam: ignore[rule, ...] reason` comment (src/parse/suppression-comments.ts).
 * `statementLine` is the line of the first token of the import statement (or import call)
 * whose lines hold the comment, which is the `line` of that statement's RawImports; null
 * when the comment is on no import's line (a stale suppression).
 */
export interface RawSuppression {
  /** 1-based line of the comment itself. */
  line: number;
  statementLine: number | null;
  /** Rule names as written, e.g. `['private-import']`. */
  rules: string[];
  /** The text after the bracket, trimmed; `''` when none was given. */
  reason: string;
}

/**
 * A module-level symbol marked public by an export decorator (`@keras_export("keras.layers.Dense")`
 * on a class or function, or the call form `tf_export("x")(symbol)`): one record per decorator.
 */
export interface RawExport {
  /** The name the module binds: the class or function, the call form's argument (or assignment target). */
  symbol: string;
  /** The string literals among the positional arguments, then those inside list/tuple keyword arguments (`v1=["a"]`). */
  names: string[];
  /** The positional names alone: the current API (keyword lists such as `v1=[...]` name an older one). */
  current: string[];
  /** The called name as written (`keras_export`, `tf_export.tf_export`). */
  decorator: string;
  /** 1-based line of the decorator's call. */
  line: number;
}

/** Options that change what extraction produces (part of the cache key later). */
export interface ExtractOptions {
  /** The file is a `.pyi` stub: every import is `typeChecking`. */
  stub?: boolean;
  /** Dotted names of functions that import their string argument like `importlib.import_module` (config `import-helpers`). */
  importHelpers?: string[];
  /** Export decorators (config `export-decorators`): a call matches when its called name's last segment is one of these names' last segments. */
  exportDecorators?: string[];
}

/** What kind of file defines a module. */
export type FileKind = 'source' | 'stub' | 'extension';

/** A file found by discovery, path relative to the analyzed directory with `/` separators. */
export interface DiscoveredFile {
  path: string;
  kind: FileKind;
}

/** Why a directory is a source root. */
export type RootReason =
  | 'user'
  | 'config'
  | 'src-layout'
  | 'setuptools-where'
  | 'setuptools-package-dir'
  | 'pants'
  | 'distribution'
  | 'analyzed-directory';

/** A directory that would be on `sys.path`, relative to the analyzed directory (`.` for itself). */
export interface SourceRoot {
  path: string;
  reason: RootReason;
}

/** A directory holding a project file (`pyproject.toml`, `setup.py`, `setup.cfg`): a distribution that owns the modules of the roots under it. */
export interface Distribution {
  /** Directory, relative, `.` for the analyzed directory. */
  path: string;
  /** `[project] name`, setup.cfg `[metadata] name`, or the directory's name. */
  name: string;
}

/** A file that was found but could not be analyzed: unreadable, a broken symlink, a symlink loop, not decodable. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** The result of walking the analyzed directory. */
export interface Discovery {
  /** Python sources, stubs and extension modules, sorted by path. */
  files: DiscoveredFile[];
  /** Sorted by path. */
  roots: SourceRoot[];
  /** Sorted by path. */
  distributions: Distribution[];
  skipped: SkippedFile[];
}
