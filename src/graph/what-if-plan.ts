import type { ExtractionPlan } from '../extraction-result.js';
import type { AnalysisResult, EdgeRecord } from '../result.js';
import { extractionPlan } from './extraction-plan.js';

/** The modules `component` owns, and which of the result's cycles hold modules on both sides of its boundary (their indexes, by module). */
function boundary(result: AnalysisResult, component: string): { inside: Set<string>; crossingOf: Map<string, number> } {
  const inside = new Set(result.modules.filter((m) => m.owner === component).map((m) => m.name));
  const crossingOf = new Map<string, number>();
  result.cycles.forEach((c, i) => {
    if (c.modules.some((m) => inside.has(m)) && c.modules.some((m) => !inside.has(m))) for (const m of c.modules) crossingOf.set(m, i);
  });
  return { inside, crossingOf };
}

/**
 * `extractionPlan(result, component, copy)`, computed on the part of the result it reads: the
 * component's private imports, the internal edges crossing its boundary and the edges inside
 * the cycles that cross it (`result.cycles`, which must be the strongly connected components
 * of `result.edges`), and the modules those edges join. The other edges cannot change the plan, and leaving them out keeps the
 * boundary-cycle search of a large repository to the cycles that matter. The one figure they
 * do change, the total number of cycles in `boundaryCycles.effect`, is put back.
 *
 * @param reuse the plan of a result whose cycles across the boundary, and the edges inside them,
 * are the same (a what-if whose cuts touch none of them): its boundary cycles and cut are kept
 * instead of being searched again, `cycles` being that result's number of cycles.
 */
export function focusedExtractionPlan(result: AnalysisResult, component: string, copy: readonly string[], reuse?: { plan: ExtractionPlan; cycles: number }): ExtractionPlan {
  const { inside, crossingOf } = boundary(result, component);
  const edges = result.edges.filter((e) => {
    if (e.external) return false;
    if (inside.has(e.from) !== inside.has(e.to)) return true;
    const i = crossingOf.get(e.from);
    return !reuse && i !== undefined && crossingOf.get(e.to) === i;
  });
  const privateImports = result.privateImports.filter((p) => p.importerOwner === component);
  const ends = new Set(edges.flatMap((e) => [e.from, e.to]));
  const modules = result.modules.filter((m) => inside.has(m.name) || ends.has(m.name));
  const plan = extractionPlan({ ...result, modules, edges, privateImports }, component, copy);
  const cycles = result.cycles.length;
  if (reuse) {
    const kept = reuse.plan.boundaryCycles;
    const effect = { ...kept.effect, cyclesBefore: cycles, cyclesAfter: kept.effect.cyclesAfter + cycles - reuse.cycles };
    return { ...plan, boundaryCycles: { ...kept, effect }, summary: { ...plan.summary, boundaryCycles: kept.cycles.length, sitesToCut: kept.cut.length } };
  }
  const crossing = new Set(crossingOf.values()).size;
  const effect = { ...plan.boundaryCycles.effect, cyclesBefore: cycles, cyclesAfter: plan.boundaryCycles.effect.cyclesAfter + cycles - crossing };
  return { ...plan, boundaryCycles: { ...plan.boundaryCycles, effect } };
}

/** Whether a cut edge lay inside a cycle across the boundary of `component` in `result`: then its boundary cycles must be searched again. */
export function touchesBoundaryCycles(result: AnalysisResult, component: string, touched: readonly EdgeRecord[]): boolean {
  const { crossingOf } = boundary(result, component);
  return touched.some((e) => !e.external && crossingOf.has(e.from) && crossingOf.get(e.from) === crossingOf.get(e.to));
}
