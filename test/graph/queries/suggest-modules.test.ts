// Levenshtein distances worked out by hand; module names from keras.
import { describe, expect, it } from 'vitest';
import { editDistance, suggestModules } from '../../../src/graph/queries/suggest-modules.js';

const MODULES = ['keras', 'keras.layers', 'keras.layers.core', 'keras.layers.convolutional', 'keras.engine', 'keras.engine.base_layer', 'keras.engine.training', 'keras.legacy_tf_layers.base'];

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('same', 'same')).toBe(0);
  });
  it('gives limit + 1 once the distance must exceed the limit', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('suggestModules', () => {
  it('suggests a full name for a last segment, names under a prefix, and names a few edits away', () => {
    expect(suggestModules('base_layer', MODULES)).toEqual(['keras.engine.base_layer']);
    expect(suggestModules('keras.layer', MODULES)).toEqual(['keras.layers', 'keras.layers.core', 'keras.layers.convolutional']);
    expect(suggestModules('keras.engine.trainin', MODULES)).toEqual(['keras.engine.training']);
    expect(suggestModules('keras.engin.training', MODULES)).toEqual(['keras.engine.training']);
  });
  it('suggests nothing far away, and at most five names', () => {
    expect(suggestModules('numpy', MODULES)).toEqual([]);
    expect(suggestModules('keras', MODULES)).toHaveLength(5);
  });
});
