// Export decorators (issue 3): the symbols `@keras_export(...)` / `tf_export("x")(symbol)` mark,
// worked out by hand from the sample below (lines are 1-based, as Python's `ast` gives them).
import { describe, expect, it } from 'vitest';
import { parseModule } from '../../src/parse/extract.js';

const SAMPLE = [
  'from keras.utils import keras_export',            // 1
  'from tensorflow.python.util import tf_export',   // 2
  '',                                                // 3
  '@keras_export("keras.layers.Dense", v1=["keras.layers.DenseV1", some_name])', // 4
  'class Dense:',                                    // 5
  '    @keras_export("keras.layers.Dense.call")',    // 6: a method: class body, not module scope
  '    def call(self): pass',                        // 7
  '',                                                // 8
  '@other_decorator',                                // 9
  '@tf_export.tf_export("nn.relu", "math.relu")',   // 10: dotted callee, last segment tf_export
  '@keras_export(v1=("keras.relu",), v2="not.a.list")', // 11: stacked; a str keyword is ignored
  'def relu(x): pass',                               // 12
  '',                                                // 13
  'def helper():',                                   // 14
  '    @keras_export("inner")',                      // 15: function body: not module scope
  '    def inner(): pass',                           // 16
  '    keras_export("inner2")(inner)',               // 17: function body
  '',                                                // 18
  'try:',                                            // 19
  '    tokenizer = make()',                          // 20
  '    keras_export("keras.text.tokenizer",',        // 21: call form inside a module-level try
  '                 allow_multiple_exports=True)(',  // 22
  '        tokenizer)',                              // 23
  'except ImportError:',                             // 24
  '    pass',                                        // 25
  'keras_export("keras.a" "b", f"x{y}")(_private_fn)', // 26: implicit concatenation; f-string ignored
  'alias = tf_export("tf.alias")(relu)',             // 27: assignment: the bound name
  'keras_export("keras.two")(a, b)',                 // 28: two arguments: no single symbol
  '@keras_export',                                   // 29: no call: names nothing
  'def bare(): pass',                                // 30
  'not_export("x")(relu)',                           // 31: another function
].join('\n');

describe('export decorators', () => {
  it('records each marking decorator and call form at module scope, with its names and line', () => {
    const facts = parseModule(SAMPLE, { exportDecorators: ['keras_export', 'tf_export'] });
    expect(facts.exports).toEqual([
      { symbol: 'Dense', names: ['keras.layers.Dense', 'keras.layers.DenseV1'], current: ['keras.layers.Dense'], decorator: 'keras_export', line: 4 },
      { symbol: 'relu', names: ['nn.relu', 'math.relu'], current: ['nn.relu', 'math.relu'], decorator: 'tf_export.tf_export', line: 10 },
      { symbol: 'relu', names: ['keras.relu'], current: [], decorator: 'keras_export', line: 11 },
      { symbol: 'tokenizer', names: ['keras.text.tokenizer'], current: ['keras.text.tokenizer'], decorator: 'keras_export', line: 21 },
      { symbol: '_private_fn', names: ['keras.ab'], current: ['keras.ab'], decorator: 'keras_export', line: 26 },
      { symbol: 'alias', names: ['tf.alias'], current: ['tf.alias'], decorator: 'tf_export', line: 27 },
    ]);
  });

  it('matches on the last segment of the configured name, and only configured names', () => {
    expect(parseModule(SAMPLE, { exportDecorators: ['tensorflow.python.util.tf_export.tf_export'] }).exports.map((e) => [e.symbol, e.line]))
      .toEqual([['relu', 10], ['alias', 27]]);
    expect(parseModule(SAMPLE, {}).exports).toEqual([]);
  });

  it('does not disturb imports or __all__', () => {
    const source = '__all__ = "a", "b"\n@keras_export("x")\nclass A:\n    import os\n';
    const facts = parseModule(source, { exportDecorators: ['keras_export'] });
    expect(facts.all).toEqual(['a', 'b']);
    expect(facts.imports.map((i) => [i.module, i.line])).toEqual([['os', 4]]);
    expect(facts.exports).toEqual([{ symbol: 'A', names: ['x'], current: ['x'], decorator: 'keras_export', line: 2 }]);
  });
});
