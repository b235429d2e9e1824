import type { PictureEdge, PictureNode, PictureResult } from '../picture-result.js';
import type { AnalysisResult, ModuleRecord, PrivateImportRecord, SiteRecord } from '../result.js';
import { cmp } from './module-table.js';
import { stronglyConnectedOfEdges } from './strongly-connected.js';

export interface CollapseOptions {
  /** Merge modules to their first `depth` name segments (`a.b.c.d` at 2 is `a.b`); a positive integer. */
  depth?: number;
  /** Merge modules to their `owner` (component). Not together with `depth`. */
  byComponent?: boolean;
  /** Draw external packages (top-level names) and the edges into them. */
  external?: boolean;
}

/**
 * The picture of a finished analysis (SEMANTICS.md "Graph"): every internal module becomes its
 * group (itself, its prefix at `depth`, or its owner), edges between groups keep the count of
 * every merged site, and the self-loops the merge makes are dropped (a module's own
 * self-import stays, as in the result). A script (path-based name `tools/x-y.py`) groups with
 * the dotted name of its directory under its root when that is at least `depth` deep, else
 * stays itself. Cycles are the strongly connected components of the drawn internal graph,
 * computed after collapsing (two packages can form a cycle their modules do not).
 *
 * A site counts as private when a `privateImports` record has its importer and place and
 * names it: the record's names meet the site's, or the site's target is the record's target plus
 * one of its names, or (a record without names: `import a._b`) the site's target is under the record's.
 *
 * @throws Error on a depth that is not a positive integer, or depth with byComponent.
 */
export function collapseGraph(result: AnalysisResult, options: CollapseOptions = {}): PictureResult {
  const { depth, byComponent = false, external = false } = options;
  if (depth !== undefined && !(Number.isInteger(depth) && depth > 0)) throw new Error(`depth must be a positive integer, got ${depth}`);
  if (depth !== undefined && byComponent) throw new Error('depth and byComponent exclude each other');
  const groupOf = new Map<string, string>();
  const nodes = new Map<string, PictureNode>();
  for (const m of result.modules) {
    const id = byComponent ? m.owner : depth ? prefixOf(m, depth) : m.name;
    groupOf.set(m.name, id);
    const node = nodes.get(id) ?? { id, kind: 'internal', modules: 0, cycle: null };
    node.modules++;
    nodes.set(id, node);
  }
  const externalId = (name: string) => (nodes.get(name)?.kind === 'internal' ? `${name} (external)` : name);
  const isPrivate = privateSiteTest(result.privateImports);
  const edges = new Map<string, PictureEdge>();
  for (const e of result.edges) {
    if (e.external && !external) continue;
    const from = groupOf.get(e.from) ?? e.from;
    const to = e.external ? externalId(e.to) : (groupOf.get(e.to) ?? e.to);
    if (from === to && e.from !== e.to) continue;
    if (e.external && !nodes.has(to)) nodes.set(to, { id: to, kind: 'external', modules: 0, cycle: null });
    const key = `${from}\u0000${to}`;
    const edge = edges.get(key) ?? { from, to, sites: 0, privateSites: 0, inCycle: false };
    edge.sites += e.sites.length;
    edge.privateSites += e.sites.filter((s) => isPrivate(e.from, s)).length;
    edges.set(key, edge);
  }
  const cycles = findCycles([...nodes.values()], [...edges.values()]);
  cycles.forEach((members, i) => members.forEach((id) => (nodes.get(id)!.cycle = i)));
  for (const edge of edges.values()) {
    const c = nodes.get(edge.from)!.cycle;
    edge.inCycle = c !== null && edge.from !== edge.to && c === nodes.get(edge.to)!.cycle;
  }
  return {
    level: byComponent ? 'component' : depth ? 'depth' : 'module',
    depth: depth ?? null,
    external,
    nodes: [...nodes.values()].sort((a, b) => cmp(a.id, b.id)),
    edges: [...edges.values()].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to)),
    cycles,
  };
}

/** `a.b.c.d` at depth 2 is `a.b`; a script groups with its directory's dotted name when it is deep enough. */
function prefixOf(m: ModuleRecord, depth: number): string {
  if (m.kind !== 'script') return m.name.split('.').slice(0, depth).join('.');
  const underRoot = m.root === '.' ? m.path : m.path.slice(m.root.length + 1);
  const dirs = underRoot.split('/').slice(0, -1);
  return dirs.length >= depth ? dirs.slice(0, depth).join('.') : m.name;
}

function privateSiteTest(records: readonly PrivateImportRecord[]): (importer: string, site: SiteRecord) => boolean {
  const byPlace = new Map<string, PrivateImportRecord[]>();
  for (const r of records) {
    const key = `${r.importer}\u0000${r.file}:${r.line}:${r.column}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), r]);
  }
  return (importer, site) => (byPlace.get(`${importer}\u0000${site.file}:${site.line}:${site.column}`) ?? []).some((r) =>
    r.names.length === 0
      ? site.target === r.target || site.target.startsWith(`${r.target}.`)
      : site.names.some((n) => r.names.includes(n)) || r.names.some((n) => site.target === `${r.target}.${n}`));
}

function findCycles(nodes: PictureNode[], edges: PictureEdge[]): string[][] {
  const internal = nodes.filter((n) => n.kind === 'internal').map((n) => n.id);
  return stronglyConnectedOfEdges(internal, edges.filter((e) => e.from !== e.to), 2)
    .map((c) => c.sort(cmp))
    .sort((a, b) => b.length - a.length || cmp(a[0], b[0]));
}
