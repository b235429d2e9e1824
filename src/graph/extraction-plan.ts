import { EXTRACT_SCHEMA_VERSION, type Action, type ExtractionPlan, type NeededName, type NeededTarget, type ReverseDependency, type Uses } from '../extraction-result.js';
import type { AnalysisResult, PrivateImportRecord } from '../result.js';
import { findBoundaryCycles } from './boundary-cycles.js';
import { cmp } from './module-table.js';
import { isUnder } from './privacy.js';

/** A test file by the conventions pytest collects (`test_*.py`, `*_test.py`, `conftest.py`), Django's `tests.py`, or a `tests`/`test` directory. */
export function isTestFile(path: string): boolean {
  const parts = path.split('/');
  const name = parts[parts.length - 1];
  return /^test_.*\.py$|_test\.py$|^tests?\.py$|^conftest\.py$/.test(name) || parts.slice(0, -1).some((p) => p === 'tests' || p === 'test');
}

/**
 * The extraction plan of `component` (a component name of `result.components`), built from
 * the analysis: its needed API (the private imports whose importer it owns, grouped by
 * target module then name, with the action for each: *copy* when configured, *replace* when
 * an export decorator already gives the symbol a public name in the current API (its positional
 * names; `v1=[...]` names an older API), *move* when that public name lies in the component's
 * own API (the symbol has to move into it), else *make public*), the reverse
 * dependencies (edges from other components into it), the components on both sides of a
 * dependency, and the cycles across the boundary with a cut (see `findBoundaryCycles`).
 *
 * @param copy dotted modules or `module.name` symbols to copy rather than make public (config `copy`).
 */
export function extractionPlan(result: AnalysisResult, component: string, copy: readonly string[] = []): ExtractionPlan {
  const ownerOf = new Map(result.modules.map((m) => [m.name, m.owner]));
  const inside = new Set(result.modules.filter((m) => m.owner === component).map((m) => m.name));
  const mine = result.privateImports.filter((p) => p.importerOwner === component);
  const neededApi = neededTargets(mine, result, copy, inside);

  const reverseDependencies: ReverseDependency[] = [];
  const mutual = new Map<string, { sitesOut: number; sitesIn: number }>();
  for (const e of result.edges) {
    if (e.external) continue; // an external package cannot depend back on the component
    const fromInside = inside.has(e.from);
    if (fromInside === inside.has(e.to)) continue;
    const other = ownerOf.get(fromInside ? e.to : e.from)!;
    const entry = mutual.get(other) ?? { sitesOut: 0, sitesIn: 0 };
    if (fromInside) entry.sitesOut += e.sites.length;
    else {
      entry.sitesIn += e.sites.length;
      reverseDependencies.push({ from: e.from, fromOwner: other, to: e.to, sites: e.sites.length, file: e.sites[0].file, line: e.sites[0].line });
    }
    mutual.set(other, entry);
  }
  const mutualDependencies = [...mutual].filter(([, v]) => v.sitesOut > 0 && v.sitesIn > 0).map(([c, v]) => ({ component: c, ...v })).sort((a, b) => cmp(a.component, b.component));
  const boundaryCycles = findBoundaryCycles(result, inside);

  const names = neededApi.flatMap((t) => t.names);
  const actions = { replace: { names: 0, sites: 0 }, move: { names: 0, sites: 0 }, 'make-public': { names: 0, sites: 0 }, copy: { names: 0, sites: 0 } };
  for (const n of names) actions[n.action].names += 1;
  // Sites per action count import statements, not name uses: `from m import a, b` is one site.
  const actionOf = new Map(neededApi.flatMap((t) => t.names.map((n) => [`${t.target}\0${n.name ?? ''}`, n.action] as const)));
  for (const action of Object.keys(actions) as Action[]) {
    actions[action].sites = mine.filter((r) => (r.names.length ? r.names : ['']).some((n) => actionOf.get(`${r.target}\0${n}`) === action)).length;
  }
  return {
    schemaVersion: EXTRACT_SCHEMA_VERSION,
    tool: result.tool,
    component,
    modules: inside.size,
    neededApi,
    reverseDependencies: reverseDependencies.sort((a, b) => cmp(a.to, b.to) || cmp(a.from, b.from)),
    mutualDependencies,
    boundaryCycles,
    summary: {
      neededTargets: neededApi.length,
      neededNames: names.length,
      neededSites: neededApi.reduce((n, t) => n + t.sites, 0),
      actions,
      reverseDependencies: reverseDependencies.length,
      reverseSites: reverseDependencies.reduce((n, r) => n + r.sites, 0),
      mutualDependencies: mutualDependencies.length,
      boundaryCycles: boundaryCycles.cycles.length,
      sitesToCut: boundaryCycles.cut.length,
    },
  };
}

function neededTargets(records: PrivateImportRecord[], result: AnalysisResult, copy: readonly string[], inside: ReadonlySet<string>): NeededTarget[] {
  const exported = new Map(result.exports.filter((e) => e.current.length > 0).map((e) => [`${e.module}.${e.symbol}`, e.current[0]]));
  const ownApi = (name: string) => name.split('.').some((_, i, parts) => inside.has(parts.slice(0, i + 1).join('.')));
  const byTarget = new Map<string, { record: PrivateImportRecord; names: Map<string | null, PrivateImportRecord[]> }>();
  for (const r of records) {
    const entry = byTarget.get(r.target) ?? { record: r, names: new Map() };
    for (const name of r.names.length ? r.names : [null]) (entry.names.get(name) ?? entry.names.set(name, []).get(name)!).push(r);
    byTarget.set(r.target, entry);
  }
  const targets = [...byTarget].map(([target, { record, names }]) => {
    const list: NeededName[] = [...names].map(([name, sites]) => {
      const full = name === null ? target : `${target}.${name}`;
      const replacement = exported.get(full);
      const action: Action = copy.some((c) => isUnder(full, c)) ? 'copy' : replacement ? (ownApi(replacement) ? 'move' : 'replace') : 'make-public';
      const uses: Uses = { runtime: 0, typeOnly: 0, lazy: 0, tests: 0 };
      for (const s of sites) {
        if (s.typeChecking) uses.typeOnly += 1;
        else if (s.lazy) uses.lazy += 1;
        else uses.runtime += 1;
        if (isTestFile(s.file)) uses.tests += 1;
      }
      const locations = sites.map((s) => ({ file: s.file, line: s.line, column: s.column }))
        .sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column);
      return { name, sites: sites.length, files: [...new Set(sites.map((s) => s.file))].sort(cmp), locations, uses, action, ...(replacement && action !== 'copy' ? { replacement } : {}) };
    });
    list.sort((a, b) => b.sites - a.sites || cmp(a.name ?? '', b.name ?? ''));
    const sites = new Set([...names.values()].flat()).size; // one record per import site
    return { target, owner: record.targetOwner, reason: record.reason, sites, names: list };
  });
  return targets.sort((a, b) => b.sites - a.sites || cmp(a.target, b.target));
}
