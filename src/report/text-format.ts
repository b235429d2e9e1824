/**
 * Small formatting helpers shared by the text reporter's sections: colour
 * (picocolors, switched off entirely when `color` is false so no escape code
 * is ever written), list cutting, locations and pluralization.
 */
import pc from 'picocolors';

/** The picocolors functions, as identity functions when colour is off. */
export type Paint = ReturnType<typeof pc.createColors>;

export interface TextOptions {
  /** Write ANSI colours (the CLI decides: a TTY and no NO_COLOR). */
  color: boolean;
  /** List every site and module instead of cutting long lists. */
  full?: boolean;
}

/** Context handed to each section renderer. */
export interface SectionContext {
  paint: Paint;
  full: boolean;
}

/** How many sites of one private-import group are shown unless `full`. */
export const SITE_LIMIT = 20;
/** How many modules of one cycle are listed unless `full`. */
export const MODULE_LIMIT = 10;
/** How many entries of a problem list are shown unless `full`. */
export const LIST_LIMIT = 20;

export function makeContext(options: TextOptions): SectionContext {
  return { paint: pc.createColors(options.color), full: options.full === true };
}

/** The first `limit` items (all of them when `full`), and how many were left out. */
export function cut<T>(items: readonly T[], limit: number, full: boolean): { shown: T[]; more: number } {
  if (full || items.length <= limit) return { shown: [...items], more: 0 };
  return { shown: items.slice(0, limit), more: items.length - limit };
}

/** `... and N more`, indented, or nothing. */
export function moreLines(indent: string, more: number, paint: Paint): string[] {
  return more > 0 ? [indent + paint.dim(`... and ${more} more`)] : [];
}

/** `file:line:column`. */
export function location(r: { file: string; line: number; column: number }): string {
  return `${r.file}:${r.line}:${r.column}`;
}

/** `1 site`, `3 sites`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A section title: `Cycles (2)`, bold. */
export function title(paint: Paint, text: string, count: number): string {
  return paint.bold(`${text} (${count})`);
}
