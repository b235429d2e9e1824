import type { Distribution } from '../parse/types.js';
import type { ModuleEntry } from './module-table.js';

/**
 * The owner of an internal module, as the private-import rule uses it (SEMANTICS.md
 * "Private and public"): the distribution whose project file sits above the module's
 * source root (so a repository's own `tests/` and `setup.py` belong to it), else the
 * module's top-level package. A script belongs to the nearest importable directory
 * above it; a script with none is its own owner (its path).
 *
 * @param distributions directories holding a project file, relative paths (`.` for the analyzed directory).
 */
export function ownerOf(module: ModuleEntry, distributions: readonly Distribution[]): string {
  let best: Distribution | undefined;
  for (const d of distributions) {
    const inside = d.path === '.' || module.root === d.path || module.root.startsWith(d.path + '/');
    if (inside && (!best || d.path.length > best.path.length || best.path === '.')) best = d;
  }
  if (best) return best.name;
  if (module.kind === 'script') return module.scriptPackage ? module.scriptPackage.split('.')[0] : module.name;
  return module.name.split('.')[0];
}

/** External modules belong to their top-level package. */
export function externalOwner(dotted: string): string {
  return dotted.split('.')[0];
}
