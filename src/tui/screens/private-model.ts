/**
 * What the private-imports screen lists, derived from the result through the shared
 * selectors: the groups by target module, the names of a group, the sites of a name, and
 * the cut each site stands for. Memoized per result (the result never changes).
 */
import type { CutSite, NeededName } from '../../extraction-result.js';
import { edgeOfSite, groupPrivateImports, type PrivateImportGroup } from '../../report/selectors.js';
import type { AnalysisResult, PrivateImportRecord } from '../../result.js';
import type { ScreenContext } from '../screen.js';

/**
 * The private-imports screen's state: the level shown (1 targets, 2 names of a target,
 * 3 sites of a name) and the selection kept at each level, so going back lands where one was.
 */
export interface PrivateState {
  level: 1 | 2 | 3;
  group: number;
  name: number;
  site: number;
}

/** Rows of each level's list: what the View lays out, so that paging moves by a screenful. */
export const privateListHeight = (ctx: ScreenContext, level: PrivateState['level']): number =>
  Math.max(3, level === 3 ? ctx.height - 9 : ctx.height - 3);

/** One imported name of a target and the sites naming it; `name: null` for `import M` (the private module itself). */
export interface NameRow {
  name: string | null;
  sites: PrivateImportRecord[];
}

const groups = new WeakMap<AnalysisResult, PrivateImportGroup[]>();

/** The private imports grouped by target, most sites first (`groupPrivateImports`), computed once per result. */
export function privateGroups(result: AnalysisResult): PrivateImportGroup[] {
  let list = groups.get(result);
  if (!list) groups.set(result, (list = groupPrivateImports(result)));
  return list;
}

/** The names imported from a group's target, most sites first, then by name (the module itself first). */
export function namesOf(group: PrivateImportGroup): NameRow[] {
  const byName = new Map<string | null, PrivateImportRecord[]>();
  for (const site of group.sites) {
    for (const name of site.names.length ? site.names : [null]) {
      const list = byName.get(name) ?? [];
      list.push(site);
      byName.set(name, list);
    }
  }
  return [...byName.entries()]
    .map(([name, sites]) => ({ name, sites }))
    .sort((a, b) => b.sites.length - a.sites.length || ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0));
}

/** The cut that removes a private-import site: its importer and the `to` of the edge holding it; null when no edge does. */
export function cutOf(result: AnalysisResult, record: PrivateImportRecord): CutSite | null {
  const found = edgeOfSite(result, record);
  return found ? { from: record.importer, to: found.edge.to, file: record.file, line: record.line, column: record.column } : null;
}

const cutKey = (c: CutSite): string => `${c.from}\0${c.to}\0${c.file}\0${c.line}\0${c.column}`;
const cutSets = new WeakMap<readonly CutSite[], Set<string>>();

/** Whether the site is among the cuts (the cuts indexed once per cuts array, as `sameCut` compares them). */
export function isCut(ctx: ScreenContext, record: PrivateImportRecord): boolean {
  if (ctx.cuts.length === 0) return false;
  const cut = cutOf(ctx.data.result, record);
  let keys = cutSets.get(ctx.cuts);
  if (!keys) cutSets.set(ctx.cuts, (keys = new Set(ctx.cuts.map(cutKey))));
  return cut !== null && keys.has(cutKey(cut));
}

/** How many of the sites are cut. */
export const cutCount = (ctx: ScreenContext, sites: readonly PrivateImportRecord[]): number =>
  ctx.cuts.length === 0 ? 0 : sites.filter((s) => isCut(ctx, s)).length;

/** The extraction's action for a name of a target, when a focus component is set (`replace -> keras.Input`). */
export function actionOf(ctx: ScreenContext, target: string, name: string | null): NeededName | null {
  if (!ctx.component) return null;
  const needed = ctx.data.extraction(ctx.component).neededApi.find((t) => t.target === target);
  return needed?.names.find((n) => n.name === name) ?? null;
}

/** `replace -> tf.nn.relu`, `make-public`, ... */
export const actionText = (n: NeededName): string => (n.replacement ? `${n.action} -> ${n.replacement}` : n.action);

/**
 * A privacy reason in a few words, for the targets list (the names level shows it whole):
 * `declared private prefix tensorflow.python` -> `prefix tensorflow.python`, `private segment
 * '_core' in tensorflux._core` -> `segment _core`, `name 'x' is not in m.__all__` -> `x not in
 * __all__`, `private name '_x' of m` -> `name _x`. Other reasons are kept as they are.
 */
export function shortReason(reason: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^declared private prefix (.+)$/, (m) => `prefix ${m[1]}`],
    [/^private segment '([^']+)' in .+$/, (m) => `segment ${m[1]}`],
    [/^name '([^']+)' is not in .+\.__all__$/, (m) => `${m[1]} not in __all__`],
    [/^private name '([^']+)' of .+$/, (m) => `name ${m[1]}`],
  ];
  for (const [pattern, short] of rules) {
    const m = pattern.exec(reason);
    if (m) return short(m);
  }
  return reason;
}
