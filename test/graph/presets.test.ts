// Presets (issue 3): declared prefixes of well-known external packages, applied to external
// targets only, the longest prefix deciding. Expected values worked out by hand from the lists.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze-inline.js';
import { type AnalyzeOptions } from '../../src/analyze.js';
import { memoryTree } from '../../src/parse/memory-tree.js';
import { PRESETS, selectPresets } from '../../src/graph/presets.js';

describe('selectPresets', () => {
  it('applies every built-in by default, none with [], and names the unknown', () => {
    expect(selectPresets(undefined).presets.map((p) => p.name)).toEqual(['jax', 'keras', 'numpy', 'tensorflow', 'torch']);
    expect(selectPresets([]).presets).toEqual([]);
    expect(selectPresets(['numpy', 'nope']).unknown).toEqual(['nope']);
    expect(selectPresets(['numpy', 'nope']).presets.map((p) => p.name)).toEqual(['numpy']);
  });

  it('every built-in states its source', () => {
    for (const p of PRESETS) expect(p.source).toMatch(/^https:\/\//);
  });

  it('the config extends a preset, overrides a prefix, and adds a new preset', () => {
    const { presets } = selectPresets(undefined, {
      tensorflow: { public: ['tensorflow.python.keras'], private: ['tensorflow.experimental'] },
      numpy: { public: ['numpy.core'] },
      mylib: { private: ['mylib.internal'] },
    });
    const byName = Object.fromEntries(presets.map((p) => [p.name, p]));
    expect(byName.tensorflow.public).toEqual(['tensorflow', 'tensorflow.compat', 'tensorflow.python.keras']);
    expect(byName.tensorflow.private).toContain('tensorflow.experimental');
    expect(byName.numpy).toEqual({ name: 'numpy', private: ['numpy._core'], public: ['numpy', 'numpy.core'] });
    expect(byName.mylib).toEqual({ name: 'mylib', private: ['mylib.internal'], public: [] });
  });
});

const base: AnalyzeOptions = {
  roots: [], configRoots: [], private: [], public: [], exclude: [], importHelpers: [],
  includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
};

describe('presets in the analysis', () => {
  //   app/m.py  1 import tensorflow                         public (declared public tensorflow)
  //             2 from tensorflow.python.ops import array_ops   private: tensorflow.python beats tensorflow
  //             3 from tensorflow import python              private: tensorflow.python is named
  //             4 from tensorflow.compat import v1           public
  //             5 from numpy.core.numeric import ComplexWarning  private (numpy.core)
  //             6 import torch._C                            private (torch._C)
  //             7 from jax.interpreters import ad            private (jax.interpreters)
  //             8 from keras.src.layers import Dense         private (keras.src)
  //             9 from mine.python import x                  internal: presets do not apply
  //   mine/python.py: an internal module whose name no preset has, imported by another owner
  //   with an internal tensorflow/python/ops.py added, lines 1-4 are internal: presets do not apply
  const files = {
    'app/m.py': [
      'import tensorflow',
      'from tensorflow.python.ops import array_ops',
      'from tensorflow import python',
      'from tensorflow.compat import v1',
      'from numpy.core.numeric import ComplexWarning',
      'import torch._C',
      'from jax.interpreters import ad',
      'from keras.src.layers import Dense',
      'from mine.python import x',
    ].join('\n'),
    'mine/__init__.py': '',
    'mine/python.py': 'x = 1\n',
  };
  const lines = (options: Partial<AnalyzeOptions>, tree = files) =>
    analyze({ ...base, ...options }, memoryTree(tree)).privateImports.map((p) => [p.line, p.reason]);

  it('finds the packages\' private modules with every preset applied', () => {
    expect(lines({ presets: selectPresets(undefined).presets })).toEqual([
      [2, 'declared private prefix tensorflow.python'],
      [3, 'declared private prefix tensorflow.python'],
      [5, 'declared private prefix numpy.core'],
      [6, 'declared private prefix torch._C'],
      [7, 'declared private prefix jax.interpreters'],
      [8, 'declared private prefix keras.src'],
    ]);
  });

  it('without presets only underscores count', () => {
    expect(lines({})).toEqual([[6, "private segment '_C' in torch._C"]]);
  });

  it('does not apply to an internal package of the same name', () => {
    const tree = { ...files, 'tensorflow/__init__.py': '', 'tensorflow/python/__init__.py': '', 'tensorflow/python/ops.py': 'array_ops = 1\n' };
    const found = lines({ presets: selectPresets(['tensorflow']).presets }, tree);
    expect(found).toEqual([[6, "private segment '_C' in torch._C"]]);
  });

  it('records what was applied', () => {
    const r = analyze({ ...base, presets: selectPresets(['numpy']).presets }, memoryTree(files));
    expect(r.options.presets).toEqual([{ name: 'numpy', private: ['numpy._core', 'numpy.core'], public: ['numpy'] }]);
  });
});
