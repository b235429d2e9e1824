/**
 * What a project file declares about names and package locations, read
 * without running anything (`setup.py` is never executed: only its presence
 * counts).
 *
 * - `pyproject.toml`: `[project] name` (PEP 621), else `[tool.poetry] name`;
 *   `[tool.setuptools.packages.find] where` (default `["."]` when the table is
 *   present); `[tool.setuptools] package-dir`.
 * - `setup.cfg`: `[metadata] name`; `[options.packages.find] where`;
 *   `[options] package_dir` (`=src`, or `pkg = lib/pkg` lines).
 * - `pants.toml`: `[source] root_patterns` (Pants' default list when absent)
 *   and `marker_filenames`.
 *
 * Directories are returned relative to the project file's directory. Throws
 * on TOML syntax errors (smol-toml's message names line and column).
 */
import { iniList, parseIni } from './ini.js';
import { parseToml } from './toml.js';

export interface ProjectDeclarations {
  /**
   * Whether the file declares a project at all. A `pyproject.toml` holding only tool settings
   * (`[tool.black]`) or a `setup.cfg` holding only `[flake8]`/`[isort]` (keras 2.15's) configures
   * tools and makes no distribution: it needs `[project]`, `[build-system]` or a build backend's
   * table (`[tool.poetry]`, `[tool.setuptools]`, `[tool.flit]`, `[tool.hatch]`, `[tool.pdm]`), resp.
   * `[metadata]` or `[options]`.
   */
  declaresProject: boolean;
  name: string | null;
  /** Package-finding directories (`where`). */
  where: string[];
  /** Directories implied by `package-dir` / `package_dir`. */
  packageDirs: string[];
}

/** Pants' built-in `[source] root_patterns` (pantsbuild.org reference, `source` subsystem). */
export const PANTS_DEFAULT_ROOT_PATTERNS = [
  '/', 'src', 'src/python', 'src/py', 'src/thrift', 'src/protobuf', 'src/protos', 'src/scala', 'src/java',
];

type Table = Record<string, unknown>;
const table = (v: unknown): Table => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Table) : {});
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The directories a setuptools `package_dir` mapping puts on the path: `{"" = "lib"}` gives `lib`;
 * `{"foo.bar" = "lib/foo/bar"}` gives `lib` (the mapped directory minus the package's own path).
 * A mapping that renames a package (`{"foo" = "source"}`) cannot be expressed as a root and is dropped.
 */
export function packageDirRoots(mapping: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [pkg, rawDir] of Object.entries(mapping)) {
    const dir = rawDir.trim().replace(/\/+$/, '') || '.';
    if (pkg === '') out.push(dir);
    else {
      const suffix = pkg.split('.').join('/');
      if (dir === suffix) out.push('.');
      else if (dir.endsWith(`/${suffix}`)) out.push(dir.slice(0, -suffix.length - 1));
    }
  }
  return out;
}

export function readPyproject(text: string): ProjectDeclarations {
  const doc = parseToml(text) as Table;
  const tool = table(doc.tool);
  const setuptools = table(tool.setuptools);
  const packages = setuptools.packages;
  const find = table(table(packages).find);
  const hasFind = 'find' in table(packages);
  const packageDir = table(setuptools['package-dir']);
  const backends = ['poetry', 'setuptools', 'flit', 'hatch', 'pdm'];
  return {
    declaresProject: 'project' in doc || 'build-system' in doc || backends.some((b) => b in tool),
    name: str(table(doc.project).name) ?? str(table(tool.poetry).name),
    where: hasFind ? (find.where === undefined ? ['.'] : strings(find.where)) : [],
    packageDirs: packageDirRoots(Object.fromEntries(Object.entries(packageDir).filter(([, v]) => typeof v === 'string')) as Record<string, string>),
  };
}

export function readSetupCfg(text: string): ProjectDeclarations {
  const ini = parseIni(text);
  const find = ini['options.packages.find'];
  const mapping: Record<string, string> = {};
  for (const entry of iniList(ini.options?.package_dir)) {
    const eq = entry.indexOf('=');
    if (eq >= 0) mapping[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  }
  return {
    declaresProject: 'metadata' in ini || 'options' in ini,
    name: str(ini.metadata?.name),
    where: find ? (find.where === undefined ? ['.'] : iniList(find.where)) : [],
    packageDirs: packageDirRoots(mapping),
  };
}

/** Pants source-root settings. `root_patterns` may be a list, or `{add = [...], remove = [...]}` applied to the defaults. */
export function readPantsToml(text: string): { patterns: string[]; markers: string[] } {
  const source = table((parseToml(text) as Table).source);
  const raw = source.root_patterns;
  let patterns = PANTS_DEFAULT_ROOT_PATTERNS;
  if (Array.isArray(raw)) patterns = strings(raw);
  else if (raw !== undefined) {
    const edit = table(raw);
    const removed = new Set(strings(edit.remove));
    patterns = [...PANTS_DEFAULT_ROOT_PATTERNS.filter((p) => !removed.has(p)), ...strings(edit.add)];
  }
  return { patterns, markers: strings(source.marker_filenames) };
}
