/**
 * Agreement between two partitions of the same items (two label vectors of equal length),
 * computed as scikit-learn 1.2 does in `sklearn.metrics.cluster`, with its special cases:
 * - `normalizedMutualInfo`: `normalized_mutual_info_score` with its default
 *   `average_method='arithmetic'`: MI / ((H(U) + H(V)) / 2), natural logarithms. 1 when both
 *   vectors hold a single label (or none), 0 when the mutual information is 0.
 * - `adjustedRand`: `adjusted_rand_score` (Hubert and Arabie 1985): (index - expected) /
 *   (max - expected) over pair counts, 1 when the partitions are identical up to renaming
 *   (including the all-singletons and single-cluster cases).
 * - `partitionAgreement`: both, from one contingency table.
 * Labels are strings or numbers, two items sharing a label when their labels are equal.
 * All three throw an Error when the vectors differ in length.
 */

/** A label vector: strings (names) or numbers (ids); labels are compared with SameValueZero, as Map keys are. */
export type Labels = ArrayLike<string | number>;

/**
 * The contingency table: each non-empty cell's count with its row's and column's sums, cells,
 * rows and columns in the order they first appear (which fixes the order of the floating-point
 * sums below). Labels are numbered first, so a cell is a number (row * columns + column), not a
 * string made per item.
 */
function contingency(u: Labels, v: Labels) {
  if (u.length !== v.length) throw new Error(`label vectors differ in length: ${u.length} and ${v.length}`);
  const n = u.length;
  const numbered = (labels: Labels) => {
    const ids = new Map<string | number, number>();
    const of = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let id = ids.get(labels[i]);
      if (id === undefined) ids.set(labels[i], (id = ids.size));
      of[i] = id;
    }
    const sums = new Array<number>(ids.size).fill(0);
    for (let i = 0; i < n; i++) sums[of[i]]++;
    return { of, sums };
  };
  const row = numbered(u);
  const col = numbered(v);
  const cellIds = new Map<number, number>();
  const cells: { count: number; row: number; col: number }[] = [];
  for (let i = 0; i < n; i++) {
    const key = row.of[i] * col.sums.length + col.of[i];
    const id = cellIds.get(key);
    if (id !== undefined) cells[id].count++;
    else {
      cellIds.set(key, cells.length);
      cells.push({ count: 1, row: row.sums[row.of[i]], col: col.sums[col.of[i]] });
    }
  }
  return { n, cells, rows: row.sums, cols: col.sums };
}

function entropy(counts: readonly number[], n: number): number {
  let h = 0;
  for (const c of counts) h -= (c / n) * Math.log(c / n);
  return h;
}

/** NMI of two labelings, arithmetic-mean normalization (scikit-learn's default). */
export function normalizedMutualInfo(u: Labels, v: Labels): number {
  return nmiOf(contingency(u, v));
}

/** Adjusted Rand index of two labelings. */
export function adjustedRand(u: Labels, v: Labels): number {
  return ariOf(contingency(u, v));
}

/** Both scores from one contingency table: the same values as the two functions above. */
export function partitionAgreement(u: Labels, v: Labels): { nmi: number; ari: number } {
  const table = contingency(u, v);
  return { nmi: nmiOf(table), ari: ariOf(table) };
}

function nmiOf({ n, cells, rows, cols }: ReturnType<typeof contingency>): number {
  if (rows.length === cols.length && rows.length <= 1) return 1;
  let mi = 0;
  for (const { count, row, col } of cells) mi += (count / n) * Math.log((count * n) / (row * col));
  if (mi <= 0) return 0;
  return Math.min(1, mi / ((entropy(rows, n) + entropy(cols, n)) / 2));
}

const pairs = (k: number) => (k * (k - 1)) / 2;

function ariOf({ n, cells, rows, cols }: ReturnType<typeof contingency>): number {
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
