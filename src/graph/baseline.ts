/**
 * Baselines (src/baseline-result.ts): the violation keys of an analysis and a contract check,
 * the comparison of the current violations with a baseline, and the ratchet of `--update`.
 *
 * Keys leave out files, lines and columns, so moving lines or renaming a file does not make an
 * old violation look new. Private imports are counted per key (one per site); a cycle matches a
 * baselined cycle holding all its modules (a cycle that grew beyond it is new); a contract pair
 * or component cycle matches its exact key.
 */
import type {
  Baseline, BaselineComparison, BaselineEntry, BaselineKey, BaselineRule, CurrentViolation, FixedViolation, Location, NewViolation,
} from '../baseline-result.js';
import { BASELINE_SCHEMA_VERSION } from '../baseline-result.js';
import type { CheckResult } from '../check-result.js';
import type { HopRecord, AnalysisResult } from '../result.js';

const RULES: BaselineRule[] = ['private-import', 'cycle', 'contract'];
const at = (h: HopRecord | Location): Location => ({ file: h.file, line: h.line, column: h.column });

/** A key's canonical JSON (keys sorted, no count): equal keys give equal strings. */
export function keyString(key: BaselineKey | BaselineEntry): string {
  const { count: _count, ...rest } = key as BaselineEntry;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

/** The module or component set of a cycle key, else null. */
const setOf = (key: BaselineKey): string[] | null => ('modules' in key ? key.modules : 'components' in key ? key.components : null);
/** Set keys are compared within a group: the cycles, or one acyclic contract's component cycles. */
const groupOf = (key: BaselineKey): string => `${key.rule}:${'contract' in key ? key.contract : ''}`;
const order = (a: BaselineKey, b: BaselineKey) => RULES.indexOf(a.rule) - RULES.indexOf(b.rule) || (keyString(a) < keyString(b) ? -1 : keyString(a) > keyString(b) ? 1 : 0);

/**
 * Every violation of `result` (private imports, cycles) and of `check` (broken contracts; its
 * private imports are the result's), one per key with the sites counted, sorted.
 */
export function currentViolations(result: AnalysisResult, check?: CheckResult): CurrentViolation[] {
  const byKey = new Map<string, CurrentViolation>();
  const add = (key: BaselineKey, locations: Location[]) => {
    const k = keyString(key);
    const seen = byKey.get(k);
    if (seen) {
      seen.entry.count += 1;
      seen.locations.push(...locations);
    } else byKey.set(k, { entry: { ...key, count: 1 }, locations });
  };
  for (const p of result.privateImports) add({ rule: 'private-import', importer: p.importer, target: p.target, names: [...p.names].sort() }, [at(p)]);
  for (const c of result.cycles) add({ rule: 'cycle', modules: [...c.modules].sort() }, c.example.map(at));
  for (const o of check?.contracts ?? []) {
    for (const v of o.violations) add({ rule: 'contract', contract: o.name, importer: v.importer, imported: v.imported }, v.chain.map(at));
    for (const c of o.cycles) add({ rule: 'contract', contract: o.name, components: [...c.components].sort() }, c.example.map((d) => at(d.hop)));
  }
  return [...byKey.values()].sort((a, b) => order(a.entry, b.entry));
}

/** The baseline recording `violations`. */
export function baselineOf(violations: readonly CurrentViolation[]): Baseline {
  return { schemaVersion: BASELINE_SCHEMA_VERSION, violations: violations.map((v) => ({ ...v.entry })).sort(order) };
}

const subset = (a: string[], b: string[]) => a.every((m) => b.includes(m));
/** One set lies within the other: the baselined cycle is still there, shrunk or grown. */
const overlaps = (a: string[] | null, b: string[]) => a !== null && (subset(a, b) || subset(b, a));

/**
 * Compares the current violations with `baseline` on `rules` (the rules the command checks;
 * entries of other rules are neither new nor fixed).
 */
export function compareBaseline(baseline: Baseline, current: readonly CurrentViolation[], rules: readonly BaselineRule[], file: string): BaselineComparison {
  const recorded = baseline.violations.filter((e) => rules.includes(e.rule));
  const counts = new Map(recorded.filter((e) => !setOf(e)).map((e) => [keyString(e), e.count]));
  const sets = recorded.filter((e) => setOf(e));
  const now = current.filter((v) => rules.includes(v.entry.rule));
  const fresh: NewViolation[] = [];
  let known = 0;
  for (const v of now) {
    const set = setOf(v.entry);
    if (set) {
      const same = sets.filter((e) => groupOf(e) === groupOf(v.entry));
      if (same.some((e) => subset(set, setOf(e)!))) known += v.entry.count;
      else {
        const grewFrom = same.map((e) => setOf(e)!).filter((s) => s.some((m) => set.includes(m)));
        fresh.push({ ...v, baselined: 0, ...(grewFrom.length ? { grewFrom } : {}) });
      }
    } else {
      const allowed = counts.get(keyString(v.entry)) ?? 0;
      known += Math.min(allowed, v.entry.count);
      if (v.entry.count > allowed) fresh.push({ ...v, baselined: allowed });
    }
  }
  return { file, rules: [...rules], new: fresh, fixed: fixedSince(recorded, now), known };
}

/** Baseline entries with fewer sites now: a set key is gone when no current cycle lies within it or contains it. */
function fixedSince(recorded: readonly BaselineEntry[], now: readonly CurrentViolation[]): FixedViolation[] {
  const counts = new Map(now.map((v) => [keyString(v.entry), v.entry.count]));
  const fixed: FixedViolation[] = [];
  for (const e of recorded) {
    const set = setOf(e);
    const remaining = set
      ? (now.some((v) => groupOf(v.entry) === groupOf(e) && overlaps(setOf(v.entry), set)) ? e.count : 0)
      : Math.min(counts.get(keyString(e)) ?? 0, e.count);
    if (remaining < e.count) fixed.push({ entry: e, remaining });
  }
  return fixed;
}

/**
 * `pyseam baseline --update`: the baseline without what was fixed (entries gone, counts
 * lowered); new violations are added only with `allowGrowth` (then it is the current baseline).
 */
export function ratchet(baseline: Baseline, current: readonly CurrentViolation[], allowGrowth: boolean): { baseline: Baseline; comparison: BaselineComparison } {
  const comparison = compareBaseline(baseline, current, RULES, '');
  if (allowGrowth) return { baseline: baselineOf(current), comparison };
  const lowered = new Map(comparison.fixed.map((f) => [keyString(f.entry), f.remaining]));
  const violations = baseline.violations
    .map((e) => ({ ...e, count: lowered.get(keyString(e)) ?? e.count }))
    .filter((e) => e.count > 0);
  return { baseline: { schemaVersion: BASELINE_SCHEMA_VERSION, violations: violations.sort(order) }, comparison };
}
