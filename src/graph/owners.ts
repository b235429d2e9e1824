import type { Distribution } from '../parse/types.js';
import type { ModuleEntry } from './module-table.js';
import { isUnder } from './privacy.js';

/** A component declared in config: a name and the module prefixes it holds. */
export interface DeclaredComponent {
  name: string;
  modules: readonly string[];
}

/** The owner of a module and why: a declared component, a distribution, or a top-level package. */
export interface Ownership {
  owner: string;
  source: 'config' | 'distribution' | 'top-level';
}

/** The declared component holding `dotted` by the longest matching prefix, or null. */
export function declaredComponent(dotted: string, components: readonly DeclaredComponent[]): string | null {
  let best: { name: string; length: number } | null = null;
  for (const c of components) {
    for (const prefix of c.modules) {
      if (isUnder(dotted, prefix) && (!best || prefix.length > best.length)) best = { name: c.name, length: prefix.length };
    }
  }
  return best?.name ?? null;
}

/**
 * The owner (component) of an internal module, as the private-import rule and the
 * extraction plan use it (SEMANTICS.md "Private and public"): the component the config
 * declares for it (longest prefix); else the distribution whose project file sits above
 * the module's source root (so a repository's own `tests/` and `setup.py` belong to it);
 * else the module's top-level package. A script belongs to the nearest importable
 * directory above it; a script with none is its own owner (its path).
 */
export function ownerOf(module: ModuleEntry, distributions: readonly Distribution[], components: readonly DeclaredComponent[] = []): Ownership {
  const dotted = module.kind === 'script' ? module.scriptPackage ?? '' : module.name;
  const declared = dotted ? declaredComponent(dotted, components) : null;
  if (declared) return { owner: declared, source: 'config' };
  let best: Distribution | undefined;
  for (const d of distributions) {
    const inside = d.path === '.' || module.root === d.path || module.root.startsWith(d.path + '/');
    if (inside && (!best || best.path === '.' || d.path.length > best.path.length)) best = d;
  }
  if (best) return { owner: best.name, source: 'distribution' };
  if (module.kind === 'script') return { owner: dotted ? dotted.split('.')[0] : module.name, source: 'top-level' };
  return { owner: module.name.split('.')[0], source: 'top-level' };
}

/** External modules belong to the declared component holding them, else to their top-level package. */
export function externalOwner(dotted: string, components: readonly DeclaredComponent[] = []): string {
  return declaredComponent(dotted, components) ?? dotted.split('.')[0];
}
