import type { QueryFilters, ReachedModule, ReachResult } from '../../query-result.js';
import { cmp } from '../module-table.js';
import { breadthFirst, membersOf, type QueryGraph } from './search.js';

export interface ReachOptions {
  /** `deps`: what the module imports, directly or through others (grimp's upstream); `rdeps`: what imports it (downstream). */
  query: 'deps' | 'rdeps';
  /** The module stands for itself and every module under it, none of which is listed as reached (grimp's `as_package=True`). */
  asPackage: boolean;
  /** Only modules at most this many imports away (`--depth`); unlimited when undefined. */
  maxDepth?: number;
  /** `deps --external`: the external packages (top-level names) each internal module imports; each is reached one step after its importer. */
  externalImports?: ReadonlyMap<string, readonly string[]>;
  /** Recorded in the result only. */
  filters: QueryFilters;
}

/**
 * `pyseam deps M` / `pyseam rdeps M`: every module reachable from M along imports (or against
 * them), with its distance, the length of a shortest chain (1 = a direct import), grouped by
 * distance, as grimp's `find_upstream_modules` / `find_downstream_modules` (which give the set;
 * the distances are ours). External packages are leaves: nothing internal is reached through one.
 *
 * @throws Error when M is not a node (the command checks first and suggests names).
 */
export function reach(graph: QueryGraph, module: string, options: ReachOptions): ReachResult {
  if (!graph.hasNode(module)) throw new Error(`not a module: ${module}`);
  const members = membersOf(graph, module, options.asPackage);
  const direction = options.query === 'deps' ? 'out' : 'in';
  const { reached } = breadthFirst(graph, members, { direction, maxDepth: options.maxDepth });
  const entries: (ReachedModule & { distance: number })[] = [...reached].map(([name, r]) => ({ name, ...r, external: false }));

  let externalPackages = 0;
  if (options.query === 'deps' && options.externalImports) {
    const importers = [...members.map((name) => ({ name, distance: 0 })), ...entries]
      .sort((a, b) => a.distance - b.distance || cmp(a.name, b.name));
    const seen = new Set<string>();
    for (const { name, distance } of importers) {
      if (options.maxDepth !== undefined && distance + 1 > options.maxDepth) continue;
      for (const pkg of options.externalImports.get(name) ?? []) {
        if (seen.has(pkg)) continue;
        seen.add(pkg);
        entries.push({ name: pkg, distance: distance + 1, via: name, external: true });
      }
    }
    externalPackages = seen.size;
  }

  const levels = new Map<number, ReachedModule[]>();
  for (const { distance, ...entry } of entries) {
    if (!levels.has(distance)) levels.set(distance, []);
    levels.get(distance)!.push(entry);
  }
  return {
    query: options.query, module, asPackage: options.asPackage, members, maxDepth: options.maxDepth ?? null, filters: options.filters,
    levels: [...levels].sort(([a], [b]) => a - b).map(([depth, modules]) => ({ depth, modules: modules.sort((a, b) => Number(a.external) - Number(b.external) || cmp(a.name, b.name)) })),
    modules: reached.size,
    externalPackages,
  };
}
