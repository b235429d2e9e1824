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
