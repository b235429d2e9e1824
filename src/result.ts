/**
 * The one serializable result of `pyseam analyze`: what the text and JSON
 * reporters render and what `schema/report.schema.json` describes field by
 * field. Plain arrays and objects only, sorted deterministically, so that two
 * runs on the same tree serialize byte-identically.
 *
 * All paths are relative to the analyzed directory, with `/` separators.
 */

export const SCHEMA_VERSION = 1;

/** How a module is defined. `namespace`: a directory without `__init__.py` (PEP 420). `script`: a file whose name cannot be imported. */
export type ModuleKind = 'module' | 'package' | 'namespace' | 'extension' | 'stub' | 'script';

/**
 * A component: a named set of modules that could become one installable package. Declared in
 * config (`source: 'config'`), else each distribution, else each top-level package. It is the
 * `owner` of its modules for the private-import rule.
 */
export interface ComponentRecord {
  name: string;
  source: 'config' | 'distribution' | 'top-level';
  /** Declared module prefixes (config only; `[]` otherwise). */
  prefixes: string[];
  /** Number of internal modules it holds. */
  modules: number;
}

export interface ModuleRecord {
  /** Dotted name (`a.b.c`); for a script, its path-based name (`tools/setup-tools.py`). */
  name: string;
  /** The defining file (`a/b/__init__.py` for a package), or the directory for a namespace package. */
  path: string;
  kind: ModuleKind;
  /** The source root the module was named under. */
  root: string;
  /** The module's component (the owner the private-import rule uses): a declared component, a distribution's name, or the top-level package. */
  owner: string;
  /** The module's literal `__all__`, or null when it has none (or not a literal list/tuple); absent for namespace packages and extensions. */
  all?: string[] | null;
}

/** One import site on an edge. Line and column are 1-based as in SEMANTICS.md. */
export interface SiteRecord {
  /** The importing file. */
  file: string;
  line: number;
  column: number;
  /** The full dotted module the statement names or resolves to (`tensorflow.python.ops.array_ops`), before grouping an external target under its top-level package or an unresolved one under its nearest existing ancestor. */
  target: string;
  /** Imported names (`from m import a, b` gives `['a', 'b']`; `['*']`; `[]` for `import m`). */
  names: string[];
  typeChecking: boolean;
  conditional: boolean;
  lazy: boolean;
  dynamic: boolean;
  unresolved: boolean;
  /** An edge Python adds on its own (`import a.b.c` first runs `a/__init__.py`), present only with `--implicit`. */
  implicit?: boolean;
}

export interface EdgeRecord {
  /** Importing module. */
  from: string;
  /** Imported internal module, or an external top-level package when `external`. */
  to: string;
  external: boolean;
  /** For an external edge: standard library or third-party. */
  externalKind?: 'stdlib' | 'third-party';
  /** Sorted by file, line, column, target. */
  sites: SiteRecord[];
}

export interface ExternalPackageRecord {
  name: string;
  kind: 'stdlib' | 'third-party';
  /** Number of import sites that reach it. */
  sites: number;
  /** Number of internal modules that import it. */
  importers: number;
}

export interface HopRecord {
  from: string;
  to: string;
  /** Where `from` imports `to`: the edge's first eager site (neither lazy nor type-checking), else its first kept site. */
  file: string;
  line: number;
  column: number;
  /** The facts of that site: a hop that is lazy or type-checking only does not run at import time. */
  typeChecking: boolean;
  lazy: boolean;
  conditional: boolean;
  dynamic: boolean;
}

/** A strongly connected component of the internal graph with more than one module. */
export interface CycleRecord {
  /** Sorted. */
  modules: string[];
  /** A shortest cycle through the component's smallest module, hops from it back to it; made of eager edges when the component has such a cycle. */
  example: HopRecord[];
}

export interface PrivateImportRecord {
  importer: string;
  file: string;
  line: number;
  column: number;
  /** The full dotted module named in the statement (`tensorflow.python.ops` for `from tensorflow.python.ops import array_ops`). */
  target: string;
  names: string[];
  /** Why it is private: the private segment or declared prefix (`private segment '_src' in jax._src.core`, `declared private prefix tensorflow.python`). */
  reason: string;
  /** Owner of the importer and of the target. */
  importerOwner: string;
  targetOwner: string;
  typeChecking: boolean;
  lazy: boolean;
  dynamic: boolean;
}

/** A private import silenced by a `# pyseam: ignore[private-import] reason` comment on its statement: listed, never counted. */
export interface SuppressedImportRecord extends PrivateImportRecord {
  /** 1-based line of the suppression comment. */
  suppressionLine: number;
  /** The reason written after the bracket (`''` only when config `suppression-reason = false`). */
  suppressionReason: string;
}

/** A suppression comment that is itself a problem: it matches no private import (`stale`), or gives no reason when one is required (`no-reason`, and then silences nothing). */
export interface SuppressionProblemRecord {
  file: string;
  /** 1-based line of the comment. */
  line: number;
  kind: 'stale' | 'no-reason';
  message: string;
}

/**
 * A symbol marked public by an export decorator (`@keras_export("keras.layers.Dense")`, or the
 * call form `tf_export("x")(symbol)`): the public names it is exported under.
 */
export interface ExportRecord {
  /** The module defining the symbol. */
  module: string;
  /** The symbol's name in that module. */
  symbol: string;
  /** Public names given to the decorator, as written (`keras.layers.Dense`). */
  names: string[];
  /** The positional names alone, the current API (`v1=[...]` names an older one): what `extract` may propose to replace with. */
  current: string[];
  /** The decorator's called name as written (`keras_export`, `tf_export.tf_export`). */
  decorator: string;
  file: string;
  line: number;
}

export interface DuplicateRecord {
  module: string;
  /** The file that wins (earlier root) first, then the others. */
  paths: string[];
}

export interface ProblemRecord {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface SkippedRecord {
  file: string;
  reason: string;
}

export interface DynamicImportRecord {
  importer: string;
  file: string;
  line: number;
  column: number;
  call: string;
}

export interface RootRecord {
  path: string;
  reason: string;
}

/** The options that produced the result, so a saved report can be rendered again and its figures understood. */
export interface OptionsRecord {
  roots: string[];
  private: string[];
  public: string[];
  exclude: string[];
  importHelpers: string[];
  includeTypeChecking: boolean;
  includeLazy: boolean;
  includeDynamic: boolean;
  /** Whether private imports of the standard library are reported (`--check-stdlib`). */
  checkStdlib: boolean;
  /** Declared components, as configured. */
  components: { name: string; modules: string[] }[];
  /** Export decorators (config `export-decorators`): the symbols they mark are public where they are defined. */
  exportDecorators: string[];
  /** Presets applied to external targets (config `presets`, `[tool.pyseam.preset.NAME]`), sorted by name. */
  presets: { name: string; private: string[]; public: string[] }[];
  config: string | null;
}

export interface Summary {
  files: number;
  modules: number;
  /** Edges between internal modules. */
  edges: number;
  /** Edges into external packages. */
  externalEdges: number;
  /** Import sites on all kept edges, internal and external. */
  sites: number;
  externalPackages: number;
  cycles: number;
  /** Modules in the largest strongly connected component (0 when there is none). */
  largestCycle: number;
  /** Private imports not suppressed: what `--fail-on-private-import` and `check` count. */
  privateImports: number;
  /** Private imports silenced by inline suppressions. */
  suppressed: number;
  suppressionProblems: number;
  parseErrors: number;
  importErrors: number;
  skippedFiles: number;
  unresolvedSites: number;
  nonLiteralDynamicImports: number;
  duplicates: number;
}

export interface AnalysisResult {
  schemaVersion: number;
  tool: { name: string; version: string };
  options: OptionsRecord;
  roots: RootRecord[];
  summary: Summary;
  modules: ModuleRecord[];
  /** Sorted by name. */
  components: ComponentRecord[];
  edges: EdgeRecord[];
  externalPackages: ExternalPackageRecord[];
  cycles: CycleRecord[];
  /** Private imports no inline suppression silences, sorted by place. */
  privateImports: PrivateImportRecord[];
  /** Private imports silenced by `# pyseam: ignore[private-import] reason`, sorted by place. */
  suppressed: SuppressedImportRecord[];
  /** Stale suppressions and suppressions without a required reason, sorted by place. */
  suppressionProblems: SuppressionProblemRecord[];
  /** Symbols marked by the configured export decorators, in the analyzed tree and in the `api-source` trees (file `NAME:path`), sorted by module and symbol. */
  exports: ExportRecord[];
  duplicates: DuplicateRecord[];
  parseErrors: ProblemRecord[];
  /** Import statements that Python would reject: a relative import above the top-level package. */
  importErrors: ProblemRecord[];
  skippedFiles: SkippedRecord[];
  nonLiteralDynamicImports: DynamicImportRecord[];
}
