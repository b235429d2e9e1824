/**
 * Is a top-level module name part of CPython's standard library?
 *
 * The names come from `data/stdlib-modules.json`, produced by
 * `scripts/gen-stdlib.py` from the `stdlib-list` project's lists for
 * Python 3.8 to 3.14 (cut to top-level names, test-only modules kept although
 * `sys.stdlib_module_names` drops them). A name counts when any of those
 * versions has it (CPython's test-only modules such as `_testcapi` included), so code written for 3.8 (`asyncore`, `distutils`) and for
 * 3.14 (`annotationlib`) is classified alike. `__future__` and `__main__` are
 * included. Used to tell an external package apart as standard library or
 * third-party (SEMANTICS.md, "Modules and packages").
 */
import data from '../../data/stdlib-modules.json' with { type: 'json' };

/** The Python versions the data covers, oldest first (`'3.8'` .. `'3.14'`). */
export const STDLIB_VERSIONS: readonly string[] = Object.keys(data.versions);

const UNION: ReadonlySet<string> = new Set(data.all);
const PER_VERSION: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(data.versions as Record<string, string[]>).map(([v, names]) => [v, new Set(names)]),
);

/**
 * True when `topLevel` (a first segment such as `os`, never a dotted name) is a
 * standard-library module of some Python version from 3.8 to 3.14.
 */
export function isStdlib(topLevel: string): boolean {
  return UNION.has(topLevel);
}

/**
 * The versions (`'3.8'`, ...) whose standard library has `topLevel`, oldest
 * first; empty for a name no version has.
 */
export function stdlibVersionsOf(topLevel: string): string[] {
  return STDLIB_VERSIONS.filter((v) => PER_VERSION.get(v)?.has(topLevel));
}
