/** Small text helpers shared by the screens. */

/** 12345 -> "12,345". */
export const count = (n: number): string => n.toLocaleString('en-US');

/** "1 cycle", "2 cycles". */
export const plural = (n: number, word: string, many = `${word}s`): string => `${count(n)} ${n === 1 ? word : many}`;

/** `file:line:column`, the place of an import site as editors and compilers print it. */
export const place = (s: { file: string; line: number; column: number }): string => `${s.file}:${s.line}:${s.column}`;

/** Cuts a string to `width` columns with an ellipsis. */
export const fit = (s: string, width: number): string => (s.length <= width ? s : width <= 1 ? s.slice(0, width) : `${s.slice(0, width - 1)}…`);

/** Facts of an import site as short marks: `[lazy]`, `[type-checking]`, `[conditional]`, `[dynamic]`. */
export function marks(s: { lazy: boolean; typeChecking: boolean; conditional: boolean; dynamic: boolean; unresolved?: boolean }): string {
  const out: string[] = [];
  if (s.lazy) out.push('[lazy]');
  if (s.typeChecking) out.push('[type-checking]');
  if (s.conditional) out.push('[conditional]');
  if (s.dynamic) out.push('[dynamic]');
  if (s.unresolved) out.push('[unresolved]');
  return out.join(' ');
}

/**
 * Cuts a module name or a path to `width` columns in the middle, keeping its head and its
 * distinctive tail. A dotted name or a path drops whole middle segments first
 * (`keras.benchmarks.…layer_benchmarks_functional`, `keras/…/base_layer.py:31`), keeping the
 * last segment and the first, then as many more as fit (the tail's first); when the first
 * and last do not fit together, the last alone (`…base_preprocessing_layer`); when even that
 * does not fit, it cuts characters, a third from the head and the rest from the tail.
 */
export function fitMiddle(s: string, width: number): string {
  if (s.length <= width) return s;
  if (width <= 1) return '…'.slice(0, Math.max(0, width));
  const sep = s.includes('/') ? '/' : s.includes('.') ? '.' : null;
  if (sep) {
    const parts = s.split(sep);
    const n = parts.length;
    const tail = (t: number): string => `${sep === '/' ? '/' : ''}${parts.slice(n - t).join(sep)}`;
    const text = (h: number, t: number): string => (h === 0 ? `…${tail(t)}` : `${parts.slice(0, h).join(sep)}${sep}…${tail(t)}`);
    // The first and last segments with the ellipsis between, else the last alone after it.
    let [h, t] = n >= 3 && text(1, 1).length <= width ? [1, 1] : [0, 1];
    if (text(h, t).length <= width) {
      for (;;) {
        if (h + t + 1 < n && text(h, t + 1).length <= width) t++;
        else if (h > 0 && h + t + 1 < n && text(h + 1, t).length <= width) h++;
        else break;
      }
      return text(h, t);
    }
  }
  const head = Math.floor((width - 1) / 3);
  return `${s.slice(0, head)}…${s.slice(s.length - (width - 1 - head))}`;
}

/**
 * The widths of a row's flexible columns (names, free text) in `room` columns: each gets its
 * widest text (`wants`) when they all fit; otherwise the widest are narrowed first, to an
 * even cap, none below its `min` (default 8, or its want when smaller). The fixed columns
 * (numbers, marks, gaps) are left out of `room` by the caller, so they are never dropped.
 */
export function shareWidths(room: number, wants: readonly number[], mins: readonly number[] = []): number[] {
  const floor = wants.map((w, i) => Math.min(w, mins[i] ?? 8));
  const total = (cap: number) => wants.reduce((sum, w, i) => sum + Math.max(floor[i], Math.min(w, cap)), 0);
  if (total(Infinity) <= room) return [...wants];
  // The largest cap whose total fits, then the columns it narrows share what is left, one by one.
  let [lo, hi] = [0, Math.max(0, ...wants)];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (total(mid) <= room) lo = mid;
    else hi = mid - 1;
  }
  const widths = wants.map((w, i) => Math.max(floor[i], Math.min(w, lo)));
  let left = room - total(lo);
  for (let i = 0; i < widths.length && left > 0; i++) {
    if (widths[i] < wants[i]) {
      widths[i]++;
      left--;
    }
  }
  return widths;
}

/**
 * Several names on one line in `room` columns (the separators left out by the caller): shared
 * as `shareWidths` does, each cut with `fitMiddle`, then what a name's cut left unused (it
 * drops whole segments, so it is often shorter than its share) given to the others in turn.
 */
export function fitAllMiddle(texts: readonly string[], room: number, mins: readonly number[] = []): string[] {
  const widths = shareWidths(room, texts.map((t) => t.length), mins);
  const out = texts.map((t, i) => fitMiddle(t, widths[i]));
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < texts.length; i++) {
      const others = out.reduce((n, t, j) => (j === i ? n : n + t.length), 0);
      if (room - others > out[i].length) out[i] = fitMiddle(texts[i], room - others);
    }
  }
  return out;
}

/** The longest of `texts` (0 for none). A loop, not `Math.max(...list)`, which overflows the stack on 100k rows. */
export function longest(texts: Iterable<string>): number {
  let width = 0;
  for (const t of texts) if (t.length > width) width = t.length;
  return width;
}

/**
 * Packs `parts` into lines of at most `width` columns, joined by `sep` (`, `), a part that
 * does not fit starting the next line; at most `max` lines (the last one holds the rest and
 * is cut by the caller). Returns the parts of each line.
 */
export function packLines<T extends { text: string }>(parts: readonly T[], width: number, max: number, sep = ', '): T[][] {
  const lines: T[][] = [];
  let length = 0;
  for (const part of parts) {
    const line = lines[lines.length - 1];
    if (line && (length + sep.length + part.text.length <= width || lines.length >= max)) {
      line.push(part);
      length += sep.length + part.text.length;
    } else {
      lines.push([part]);
      length = part.text.length;
    }
  }
  return lines;
}
