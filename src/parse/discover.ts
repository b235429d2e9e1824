/**
 * Discovery: the Python files of the analyzed directory, its source roots and
 * distributions, and what could not be read. One walk (walk.ts), then the
 * root rules (source-roots.ts); everything sorted by path so two runs on the
 * same tree agree byte for byte.
 */
import { detectSourceRoots } from './source-roots.js';
import type { SourceTree } from './source-tree.js';
import type { Discovery } from './types.js';
import { walkTree } from './walk.js';

export { moduleFileStem, fileKind } from './module-file.js';
export { rootOf } from './source-roots.js';

export interface DiscoverOptions {
  /** `--root` directories (relative); when given, only these and `.` are roots. */
  roots?: string[];
  /** `roots` from the config, used when there is no `--root`. */
  rootsFromConfig?: string[];
  /** Globs of paths to leave out (see ignore-rules.ts for the matching rule). */
  exclude?: string[];
  /** The analyzed directory is or lies in `site-packages`/`dist-packages` (inferred from `tree.location` when absent). */
  isSitePackages?: boolean;
}

const byPath = <T extends { path: string }>(a: T, b: T): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Walk `tree` and detect its source roots. Never throws for problems in the
 * tree: unreadable directories and files, broken symlinks, symlink loops and
 * unparsable project files are listed in `skipped` with a reason.
 */
export function discover(tree: SourceTree, options: DiscoverOptions = {}): Discovery {
  const walk = walkTree(tree, { exclude: options.exclude, isSitePackages: options.isSitePackages });
  const { roots, distributions, problems } = detectSourceRoots(tree, walk, options);
  return {
    files: [...walk.files].sort(byPath),
    roots,
    distributions,
    skipped: [...walk.skipped, ...problems].sort(byPath),
  };
}
