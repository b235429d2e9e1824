// The layout helpers of src/tui/format.ts on names of the kind keras has (the brief's examples:
// `keras.benchmarks.layer_benchmarks.layer_benchmarks_functional` cut to 45 columns keeps its
// head and its tail), and the column sharing the tables use.
import { describe, expect, it } from 'vitest';
import { fitAllMiddle, fitMiddle, packLines, shareWidths } from './format.js';

describe('fitMiddle', () => {
  const name = 'keras.benchmarks.layer_benchmarks.layer_benchmarks_functional';

  it('leaves a name that fits alone', () => {
    expect(fitMiddle('keras.layers', 12)).toBe('keras.layers');
    expect(fitMiddle(name, 200)).toBe(name);
  });

  it('drops whole middle segments, keeping the head and the distinctive tail', () => {
    expect(fitMiddle(name, 45)).toBe('keras.benchmarks.…layer_benchmarks_functional');
    expect(fitMiddle(name, 40)).toBe('keras.…layer_benchmarks_functional');
    // The tail is preferred to the head when only one more segment fits.
    expect(fitMiddle('a.b.c.d.e', 7)).toBe('a.…d.e');
  });

  it('tells apart names that differ only at the end', () => {
    const a = fitMiddle('keras.engine.base_preprocessing_layer', 34);
    const b = fitMiddle('keras.engine.base_preprocessing_layer_v1', 34);
    expect(a).toBe('keras.…base_preprocessing_layer');
    expect(b).toBe('keras.…base_preprocessing_layer_v1');
  });

  it('keeps the last segment alone when the first does not fit beside it', () => {
    expect(fitMiddle('keras.engine.base_preprocessing_layer', 25)).toBe('…base_preprocessing_layer');
  });

  it('cuts a path at its folders', () => {
    const path = 'keras/layers/preprocessing/image_preprocessing.py:21';
    expect(fitMiddle(path, 38)).toBe('keras/…/image_preprocessing.py:21');
    expect(fitMiddle(path, 40)).toBe('keras/layers/…/image_preprocessing.py:21');
    // The tail's next folder comes before the head's.
    expect(fitMiddle(path, 47)).toBe('keras/…/preprocessing/image_preprocessing.py:21');
  });

  it('cuts characters, a third from the head, when no segment fits', () => {
    expect(fitMiddle('abcdefghijklmnop', 10)).toBe('abc…klmnop');
    expect(fitMiddle('keras.layers_long_name_of_a_module', 12)).toBe('ker…a_module');
    for (let w = 1; w <= 70; w++) expect(fitMiddle(name, w).length).toBeLessThanOrEqual(w);
    for (let w = 1; w <= 20; w++) expect(fitMiddle(name, w)).toHaveLength(w);
  });
});

describe('shareWidths', () => {
  it('gives every column its widest text when they fit', () => {
    expect(shareWidths(60, [30, 10, 12])).toEqual([30, 10, 12]);
  });

  it('narrows the widest columns first, to an even cap, filling the room', () => {
    expect(shareWidths(50, [46, 10, 24])).toEqual([20, 10, 20]);
    expect(shareWidths(51, [46, 10, 24])).toEqual([21, 10, 20]);
  });

  it('keeps each column at its minimum at least', () => {
    expect(shareWidths(20, [46, 24], [16, 12])).toEqual([16, 12]);
    expect(shareWidths(30, [4, 40], [8, 8])).toEqual([4, 26]);
  });
});

describe('fitAllMiddle', () => {
  it('gives what one name leaves unused to the other', () => {
    // An even share (30 each) cuts both; `to` cut to 26 leaves `from` room to stay whole.
    const [from, to] = fitAllMiddle(['keras.preprocessing.image_dataset', 'keras.layers.preprocessing.image_preprocessing'], 60, [12, 12]);
    expect(from).toBe('keras.preprocessing.image_dataset');
    expect(to).toBe('keras.…image_preprocessing');
    expect(from.length + to.length).toBeLessThanOrEqual(60);
  });
});

describe('packLines', () => {
  const parts = ['1 cycle (largest 109 modules)', '332 private imports', '0 parse errors', '7 unresolved sites', '76 external packages'].map((text) => ({ text }));

  it('keeps every part whole, starting a new line for one that does not fit', () => {
    const lines = packLines(parts, 99, 2).map((l) => l.map((p) => p.text).join(', '));
    expect(lines).toEqual(['1 cycle (largest 109 modules), 332 private imports, 0 parse errors, 7 unresolved sites', '76 external packages']);
    expect(packLines(parts, 200, 2)).toHaveLength(1);
  });

  it('puts the rest on the last line allowed', () => {
    expect(packLines(parts, 30, 2)).toHaveLength(2);
    expect(packLines(parts, 30, 2)[1]).toHaveLength(4);
  });
});
