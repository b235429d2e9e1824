// A module's public names (issue 3): its literal `__all__` when it has one, else the names without a
// leading underscore. An export decorator makes a symbol public under the names it gives, not at
// its private path: importing it from the private module stays a finding. Owners are the top-level packages `lib` and `app` (no project file).
//
//   lib/__init__.py      __all__ = ["api"]; helper = 1
//   lib/api.py           __all__ = ("run",)
//   lib/_impl.py         @keras_export("lib.Layer", v1=["lib.v1.Layer"]) class Layer; class Hidden;
//                        def _f; keras_export("lib.f")(_f)
//   lib/tuple_all.py     __all__ = "a", "b"        (a bare tuple is a literal tuple)
//   lib/noall.py         no __all__
//   lib/nested.py        __all__ = ["a"]; if cond: __all__.append("b")
//   app/main.py  1 from lib import helper, api        helper not in lib.__all__; api a submodule: public
//                2 from lib.api import run, other     other not in lib.api.__all__
//                3 from lib._impl import Layer, Hidden, _f   module private (exports do not change that)
//                4 import lib._impl                   the module stays private
//                5 from lib.tuple_all import a, c     c not in __all__
//                6 from lib.noall import x, _y        _y has an underscore
//                7 from lib import _impl              a submodule: judged as a module (private segment)
//                8 from lib import __version__        a dunder: public although not in __all__
//                9 from lib.nested import b           lib.nested changes __all__ inside an `if`: not literal
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze-inline.js';
import { type AnalyzeOptions } from '../../src/analyze.js';
import { memoryTree } from '../../src/parse/memory-tree.js';

const FILES = {
  'lib/__init__.py': '__all__ = ["api"]\nhelper = 1\n',
  'lib/api.py': '__all__ = ("run",)\ndef run(): pass\ndef other(): pass\n',
  'lib/_impl.py': [
    'from keras_like import keras_export',
    '@keras_export("lib.Layer", v1=["lib.v1.Layer"])',
    'class Layer: pass',
    'class Hidden: pass',
    'def _f(): pass',
    'keras_export("lib.f")(_f)',
  ].join('\n'),
  'lib/tuple_all.py': '__all__ = "a", "b"\na = b = c = 1\n',
  'lib/noall.py': 'x = _y = 1\n',
  'lib/nested.py': '__all__ = ["a"]\nif cond:\n    __all__.append("b")\n',
  'app/__init__.py': '',
  'app/main.py': [
    'from lib import helper, api',
    'from lib.api import run, other',
    'from lib._impl import Layer, Hidden, _f',
    'import lib._impl',
    'from lib.tuple_all import a, c',
    'from lib.noall import x, _y',
    'from lib import _impl',
    'from lib import __version__',
    'from lib.nested import b',
  ].join('\n'),
};

const base: AnalyzeOptions = {
  roots: [], configRoots: [], private: [], public: [], exclude: [], importHelpers: [],
  includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
};
const run = (options: Partial<AnalyzeOptions> = {}) => analyze({ ...base, ...options }, memoryTree(FILES));
const found = (options: Partial<AnalyzeOptions> = {}) => run(options).privateImports.map((p) => [p.line, p.target, p.names, p.reason]);

describe('public names: __all__ and export decorators', () => {
  it('records each module\'s literal __all__', () => {
    const all = Object.fromEntries(run().modules.map((m) => [m.name, m.all]));
    expect(all).toEqual({
      app: null, 'app.main': null, lib: ['api'], 'lib._impl': null, 'lib.api': ['run'], 'lib.nested': null, 'lib.noall': null, 'lib.tuple_all': ['a', 'b'],
    });
  });

  it('a name outside a literal __all__ is private; a submodule is judged as a module', () => {
    expect(found()).toEqual([
      [1, 'lib', ['helper'], "name 'helper' is not in lib.__all__"],
      [2, 'lib.api', ['other'], "name 'other' is not in lib.api.__all__"],
      [3, 'lib._impl', ['Layer', 'Hidden', '_f'], "private segment '_impl' in lib._impl"],
      [4, 'lib._impl', [], "private segment '_impl' in lib._impl"],
      [5, 'lib.tuple_all', ['c'], "name 'c' is not in lib.tuple_all.__all__"],
      [6, 'lib.noall', ['_y'], "private name '_y' of lib.noall"],
      [7, 'lib', ['_impl'], "private segment '_impl' in lib._impl"],
    ]);
  });

  it('records exported symbols; importing them from their private module is still a private import', () => {
    const r = run({ exportDecorators: ['keras_export'] });
    expect(r.exports.map((e) => [e.module, e.symbol, e.names, e.line])).toEqual([
      ['lib._impl', 'Layer', ['lib.Layer', 'lib.v1.Layer'], 2],
      ['lib._impl', '_f', ['lib.f'], 6],
    ]);
    expect(r.options.exportDecorators).toEqual(['keras_export']);
    const byLine = new Map(r.privateImports.map((p) => [p.line, p.names]));
    expect(byLine.get(3)).toEqual(['Layer', 'Hidden', '_f']);
    expect(byLine.get(4)).toEqual([]);
    expect(byLine.get(7)).toEqual(['_impl']);
  });

  it('within one owner nothing is a finding', () => {
    const r = analyze({ ...base, components: [{ name: 'all', modules: ['lib', 'app'] }] }, memoryTree(FILES));
    expect(r.privateImports).toEqual([]);
  });
});
