import { cmp } from '../module-table.js';

/** How many names a suggestion lists at most. */
export const SUGGESTION_LIMIT = 5;

/**
 * Module names close to `name`, for the message of a query given a name that is not a module
 * (`why keras.layer.core ...`: "did you mean keras.layers.core?"). In this order: names that end
 * with `.name` (a short name given for a full one: `base_layer`), names under `name` or that
 * start with it, then names whose Levenshtein distance to `name` is at most a third of its
 * length (at least 2), nearest first. Ties by name; at most `SUGGESTION_LIMIT` in all.
 */
export function suggestModules(name: string, modules: Iterable<string>): string[] {
  const all = [...modules].sort(cmp);
  const picked: string[] = [];
  const add = (candidates: string[]) => {
    for (const c of candidates) if (!picked.includes(c) && picked.length < SUGGESTION_LIMIT) picked.push(c);
  };
  add(all.filter((m) => m.endsWith(`.${name}`)).sort((a, b) => a.length - b.length || cmp(a, b)));
  add(all.filter((m) => m !== name && m.startsWith(name)).sort((a, b) => a.length - b.length || cmp(a, b)));
  const limit = Math.max(2, Math.floor(name.length / 3));
  const near = all.map((m) => ({ m, d: editDistance(name, m, limit) })).filter((x) => x.d <= limit);
  add(near.sort((a, b) => a.d - b.d || cmp(a.m, b.m)).map((x) => x.m));
  return picked;
}

/** Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}
