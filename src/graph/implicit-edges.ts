import type { ModuleKind, SiteRecord } from '../result.js';
import { compareSites, type EdgeAttributes } from './build-graph.js';
import { ImportGraph } from './import-graph.js';

/**
 * The runtime view of the import graph (SEMANTICS.md "Graph", `--implicit`): a copy of `graph`
 * with the edges Python's import system adds on its own. `import a.b.c` imports `a`, then `a.b`,
 * then `a.b.c` (Python's import system, "5.3 Searching": each parent package is imported first),
 * so each explicit site importer -> `a.b.c` also gives the importer a site on an edge to `a`
 * and one to `a.b`, with the file, line, column and facts (lazy, type-checking, conditional,
 * dynamic) of the statement that causes it, `target` the ancestor, no names, and `implicit: true`.
 *
 * Decided where SEMANTICS.md is silent:
 * - Only ancestors whose code runs: regular packages and stubs, not namespace packages (PEP 420:
 *   no `__init__.py`, nothing to run, and no edge out of them could close a cycle).
 * - Not the importer itself nor its own ancestors: Python imports a module's parent packages
 *   before the module, so when `a.b.m` runs `import a.x.y`, `a` is already in `sys.modules`
 *   and the statement does not run it again; `a.x` it does run.
 * - Implicit sites follow the explicit ones through the `--no-*` filters (they inherit the
 *   facts), and several statements on one line give one implicit site per place.
 *
 * @param modules every internal module with its kind (`result.modules`, or the module table).
 * @returns a new graph (the input is not changed); edges already present keep their sites and
 * gain the implicit ones, sorted with `compareSites`.
 */
export function withImplicitEdges(graph: ImportGraph<EdgeAttributes>, modules: ReadonlyMap<string, { kind: ModuleKind }>): ImportGraph<EdgeAttributes> {
  const out = new ImportGraph<EdgeAttributes>();
  graph.forEachNode((node) => out.mergeNode(node));
  graph.forEachEdge((_e, { sites }, from, to) => out.addDirectedEdge(from, to, { sites: [...sites] }));
  const added = new Set<string>();
  graph.forEachEdge((_e, { sites }, from, to) => {
    for (const ancestor of implicitTargets(from, to, modules)) {
      for (const site of sites) {
        if (site.implicit) continue;
        const key = JSON.stringify([from, ancestor, site.file, site.line, site.column]);
        if (added.has(key)) continue;
        added.add(key);
        const record: SiteRecord = { ...site, target: ancestor, names: [], unresolved: false, implicit: true };
        const attributes = out.findEdgeAttributes(from, ancestor);
        if (attributes) attributes.sites.push(record);
        else out.addDirectedEdge(from, ancestor, { sites: [record] });
      }
    }
  });
  out.forEachEdge((_e, { sites }) => sites.sort(compareSites));
  return out;
}

/** The strict ancestors of `to` that run on import and that `from` has not already run (outermost first). */
export function implicitTargets(from: string, to: string, modules: ReadonlyMap<string, { kind: ModuleKind }>): string[] {
  const parts = to.split('.');
  const targets: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    const ancestor = parts.slice(0, i).join('.');
    if (from === ancestor || from.startsWith(`${ancestor}.`)) continue;
    const kind = modules.get(ancestor)?.kind;
    if (kind !== undefined && kind !== 'namespace') targets.push(ancestor);
  }
  return targets;
}
