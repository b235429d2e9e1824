/**
 * WordOffsets: where the watched words start in a source. Offsets worked out by hand
 * (UTF-16 indices, as tree-sitter's `startIndex`).
 */
import { describe, expect, it } from 'vitest';
import { WordOffsets } from '../../src/parse/word-offsets.js';

const all = (words: WordOffsets): number[] => {
  const out: number[] = [];
  for (let at = words.next(0); at !== Infinity; at = words.next(at + 1)) out.push(at);
  return out;
};

describe('WordOffsets', () => {
  it('a name matches only where no letter, digit or _ touches it', () => {
    //           0         1         2         3
    //           0123456789012345678901234567890123456
    const src = 'import os; important(x.import_module)';
    expect(all(new WordOffsets(src, ['import']))).toEqual([0]);
    expect(all(new WordOffsets(src, ['import', 'import_module']))).toEqual([0, 23]);
  });

  it('a word that is no name matches anywhere, and a shorter word at the same place is tried', () => {
    expect(all(new WordOffsets('x  #pyseam: ignore[a]', ['pyseam:']))).toEqual([4]);
    expect(all(new WordOffsets('__all__x = __all__', ['__all__', '__all__x=']))).toEqual([11]);
  });

  it('next gives the first offset at or after an index; add watches one more word', () => {
    // `importlib` (13) and `import_module` (30) hold no `import` keyword.
    const words = new WordOffsets('im("a")\nfrom importlib import import_module as im\nim("b")\n', ['import']);
    expect([words.next(0), words.next(23), words.next(24)]).toEqual([23, 23, Infinity]);
    words.add('im');
    expect(all(words)).toEqual([0, 23, 47, 50]);
  });

  it('an empty word occurs everywhere', () => {
    expect(new WordOffsets('x = 1', ['import', '']).everywhere).toBe(true);
    expect(new WordOffsets('x = 1', ['import']).everywhere).toBe(false);
  });
});
