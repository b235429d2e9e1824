/**
 * Where in a source the words occur that can make a node matter to extraction:
 * `import` (every import statement holds the keyword), `__import__`, a helper's
 * name, a name bound to an import function, `__all__`, an export decorator's
 * name, `pyseam:`. Any node that yields a fact holds such a word in its range,
 * and so does each of its ancestors: the walker enters only nodes that do.
 * A word found in a string or a comment only makes the walker look closer.
 *
 * A word that is a name matches only where no ASCII letter, digit or `_` touches
 * it (`import` in `important` is no keyword, and a name's neighbours in Python
 * source are never such characters); anything else matches anywhere.
 */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** One regular expression for all the words (one pass over the source), longest first; the last one built is kept. */
let lastScanner: { key: string; regex: RegExp } | null = null;

function scanner(words: string[]): RegExp {
  const key = words.join('\n');
  if (lastScanner?.key !== key) {
    const alternatives = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    lastScanner = { key, regex: new RegExp(alternatives.join('|'), 'g') };
  }
  return lastScanner.regex;
}

export class WordOffsets {
  /** Sorted start offsets (UTF-16 indices, as tree-sitter's `startIndex`) of the words found. */
  private offsets: number[] = [];
  private readonly words: Set<string>;
  private all = false;

  constructor(private readonly source: string, words: readonly string[]) {
    this.words = new Set(words);
    if (this.words.has('')) this.all = true;
    else this.offsets = this.find(scanner([...this.words]));
  }

  /** True when a word is empty: it occurs everywhere, so every node must be entered. */
  get everywhere(): boolean {
    return this.all;
  }

  /** Watch one more word, wherever it occurs in the source. */
  add(word: string): void {
    if (this.words.has(word)) return;
    this.words.add(word);
    if (word === '') this.all = true;
    else {
      const found = this.find(new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'));
      if (found.length > 0) this.offsets = [...this.offsets, ...found].sort((a, b) => a - b);
    }
  }

  /** The first offset of a watched word at or after `index`, or Infinity. */
  next(index: number): number {
    const { offsets } = this;
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (offsets[mid] < index) lo = mid + 1;
      else hi = mid;
    }
    return lo < offsets.length ? offsets[lo] : Infinity;
  }

  /** Offsets where one of the words matches; `regex` finds candidates, tried at every position. */
  private find(regex: RegExp): number[] {
    const { source } = this;
    const found: number[] = [];
    regex.lastIndex = 0;
    for (let match = regex.exec(source); match !== null; match = regex.exec(source)) {
      const at = match.index;
      regex.lastIndex = at + 1;
      if (this.matchesAt(at, match[0]) || this.someOtherMatchesAt(at, match[0])) found.push(at);
    }
    return found;
  }

  /** Where the longest word found there failed its test, a shorter one may still match. */
  private someOtherMatchesAt(at: number, failed: string): boolean {
    for (const word of this.words) {
      if (word !== failed && this.source.startsWith(word, at) && this.matchesAt(at, word)) return true;
    }
    return false;
  }

  private matchesAt(at: number, word: string): boolean {
    const { source } = this;
    return !NAME.test(word) || (!isNameChar(source.charCodeAt(at - 1)) && !isNameChar(source.charCodeAt(at + word.length)));
  }
}
