import type { CutSite, ExtractionPlan } from '../extraction-result.js';
import type { AnalysisResult, PrivateImportRecord, SiteRecord } from '../result.js';
import type { WhatIfFigures, WhatIfOutcome } from '../what-if-result.js';
import { cmp } from './module-table.js';
import { applyCuts, at, countPackages, recomputeCycles } from './what-if-cut.js';
import { focusedExtractionPlan, touchesBoundaryCycles } from './what-if-plan.js';

/** The extraction plans of a result before any cut, by component and copy list. */
const plans = new WeakMap<AnalysisResult, Map<string, ExtractionPlan>>();

/**
 * "What if these import statements were deleted?", answered on a finished analysis without
 * parsing again. A cut removes every site of the edge `from -> to` (internal or external) at
 * its file, line and column; an edge left without sites disappears. The cycles are found again
 * (`findCycles`) where a cut edge lay inside one, the private and suppressed imports made at a
 * cut site go, and the summary and external packages are counted again: the result a fresh
 * analysis of the tree with those statements deleted gives (options aside). Cuts that match no
 * site are listed as `unmatched` and change nothing.
 *
 * The input is never mutated; the outcome's result shares the records no cut touched with it,
 * so treat both as read-only. An edge index and the plans before any cut are kept per result,
 * so a what-if costs about the cut edges, the cycles they lie in, and the extraction plan after.
 *
 * @param component the component whose extraction figures to compare (`extract COMPONENT`), or null.
 * @param copy modules or names to copy rather than make public (config `copy`), passed to `extractionPlan`.
 */
export function whatIf(result: AnalysisResult, cuts: readonly CutSite[], component: string | null, copy: readonly string[] = []): WhatIfOutcome {
  const cut = applyCuts(result, cuts);
  const cycles = recomputeCycles(result, cut);
  const gone = new Map<string, SiteRecord[]>();
  for (const { edge, site } of cut.removed) {
    const key = `${edge.from}\0${at(site)}`;
    gone.set(key, [...(gone.get(key) ?? []), site]);
  }
  const kept = <T extends PrivateImportRecord>(records: T[]): T[] => (gone.size ? records.filter((r) => !(gone.get(`${r.importer}\0${at(r)}`) ?? []).some((s) => isSiteOf(r, s))) : records);
  const privateImports = kept(result.privateImports);
  const suppressed = kept(result.suppressed);
  const externalPackages = countPackages(result.externalPackages, cut);
  const lostExternal = cut.removedEdges.filter((e) => e.external).length;
  const after: AnalysisResult = {
    ...result,
    summary: {
      ...result.summary,
      edges: result.summary.edges - (cut.removedEdges.length - lostExternal),
      externalEdges: result.summary.externalEdges - lostExternal,
      sites: result.summary.sites - cut.removed.length,
      externalPackages: externalPackages.length,
      cycles: cycles.length,
      largestCycle: cycles[0]?.modules.length ?? 0,
      privateImports: privateImports.length,
      suppressed: suppressed.length,
      unresolvedSites: result.summary.unresolvedSites - cut.removed.filter((r) => r.site.unresolved).length,
    },
    edges: cut.edges,
    externalPackages,
    cycles,
    privateImports,
    suppressed,
  };
  let planBefore: ExtractionPlan | null = null;
  let planAfter: ExtractionPlan | null = null;
  if (component !== null) {
    planBefore = planOf(result, component, copy);
    const touched = [...cut.changed.keys()].map((i) => result.edges[i]);
    const reuse = touchesBoundaryCycles(result, component, touched) ? undefined : { plan: planBefore, cycles: result.cycles.length };
    planAfter = cut.removed.length === 0 ? planBefore : focusedExtractionPlan(after, component, copy, reuse);
  }
  return {
    component,
    applied: cut.applied,
    unmatched: cut.unmatched,
    removedEdges: cut.removedEdges.map((e) => ({ from: e.from, to: e.to, external: e.external })).sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to)),
    before: figures(result, planBefore),
    after: figures(after, planAfter),
    result: after,
    extraction: planAfter,
  };
}

/** Whether private-import record `r` was made from site `s` at its place: the record names the statement's module, the site that module or a submodule of it, and the record's names are among the site's. */
const isSiteOf = (r: PrivateImportRecord, s: SiteRecord): boolean =>
  (s.target === r.target || s.target.startsWith(`${r.target}.`)) && r.names.every((n) => s.names.includes(n));

function planOf(result: AnalysisResult, component: string, copy: readonly string[]): ExtractionPlan {
  const memo = plans.get(result) ?? plans.set(result, new Map()).get(result)!;
  const key = JSON.stringify([component, copy]);
  if (!memo.has(key)) memo.set(key, focusedExtractionPlan(result, component, copy));
  return memo.get(key)!;
}

function figures(result: AnalysisResult, plan: ExtractionPlan | null): WhatIfFigures {
  const s = result.summary;
  const modulesInCycles = result.cycles.reduce((n, c) => n + c.modules.length, 0);
  return { edges: s.edges, sites: s.sites, cycles: s.cycles, largestCycle: s.largestCycle, modulesInCycles, privateImports: s.privateImports, extraction: plan?.summary ?? null };
}
