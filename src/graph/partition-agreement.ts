/**
 * Agreement between two partitions of the same items (two label vectors of equal length),
 * computed as scikit-learn 1.2 does in `sklearn.metrics.cluster`, with its special cases:
 * - `normalizedMutualInfo`: `normalized_mutual_info_score` with its default
 *   `average_method='arithmetic'`: MI / ((H(U) + H(V)) / 2), natural logarithms. 1 when both
 *   vectors hold a single label (or none), 0 when the mutual information is 0.
 * - `adjustedRand`: `adjusted_rand_score` (Hubert and Arabie 1985): (index - expected) /
 *   (max - expected) over pair counts, 1 when the partitions are identical up to renaming
 *   (including the all-singletons and single-cluster cases).
 * Both throw an Error when the vectors differ in length.
 */

/** The contingency table: each non-empty cell's count with its row's and column's sums. */
function contingency(u: readonly string[], v: readonly string[]) {
  if (u.length !== v.length) throw new Error(`label vectors differ in length: ${u.length} and ${v.length}`);
  const cells = new Map<string, { count: number; row: string; col: string }>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < u.length; i++) {
    const key = `${u[i]}\u0000${v[i]}`; // labels are module and package names: no NUL inside
    const cell = cells.get(key) ?? cells.set(key, { count: 0, row: u[i], col: v[i] }).get(key)!;
    cell.count++;
    rows.set(u[i], (rows.get(u[i]) ?? 0) + 1);
    cols.set(v[i], (cols.get(v[i]) ?? 0) + 1);
  }
  return {
    n: u.length,
    cells: [...cells.values()].map((c) => ({ count: c.count, row: rows.get(c.row)!, col: cols.get(c.col)! })),
    rows: [...rows.values()],
    cols: [...cols.values()],
  };
}

function entropy(counts: readonly number[], n: number): number {
  let h = 0;
  for (const c of counts) h -= (c / n) * Math.log(c / n);
  return h;
}

/** NMI of two labelings, arithmetic-mean normalization (scikit-learn's default). */
export function normalizedMutualInfo(u: readonly string[], v: readonly string[]): number {
  const { n, cells, rows, cols } = contingency(u, v);
  if (rows.length === cols.length && rows.length <= 1) return 1;
  let mi = 0;
  for (const { count, row, col } of cells) mi += (count / n) * Math.log((count * n) / (row * col));
  if (mi <= 0) return 0;
  return Math.min(1, mi / ((entropy(rows, n) + entropy(cols, n)) / 2));
}

const pairs = (k: number) => (k * (k - 1)) / 2;

/** Adjusted Rand index of two labelings. */
export function adjustedRand(u: readonly string[], v: readonly string[]): number {
  const { n, cells, rows, cols } = contingency(u, v);
  const index = cells.reduce((s, c) => s + pairs(c.count), 0);
  const a = rows.reduce((s, c) => s + pairs(c), 0);
  const b = cols.reduce((s, c) => s + pairs(c), 0);
  const total = pairs(n);
  // Identical partitions (no pair split by one and joined by the other): scikit-learn returns 1.
  if (index === a && index === b) return 1;
  const expected = (a * b) / total;
  const max = (a + b) / 2;
  return (index - expected) / (max - expected);
}
