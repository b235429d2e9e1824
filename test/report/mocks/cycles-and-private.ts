/**
 * A project with every kind of finding, hand-written:
 * - cycles: lib.x <-> lib.y (2 modules); app.a -> app.b -> app.c -> app.a (3);
 *   big.m01 .. big.m12 (12 modules, shortest example big.m01 -> big.m02 -> big.m01).
 *   Listed smallest first on purpose: the report must put the largest first.
 * - private imports (listed by file, as the analysis sorts them):
 *   tensorflow.python.framework: 25 sites, keras/src/f.py lines 1..25, names `ops` (25);
 *   tensorflow.python.ops: 3 sites, names array_ops x3 and math_ops x1, one lazy,
 *   one from owner keras_cv;
 *   jax._src.core: 1 site, `from jax._src.core import Tracer`, type-checking.
 * - suppressed: `from tensorflow.python.eager import context` in keras/src/e.py line 5, silenced
 *   by the comment on that line (reason "no public API yet"); suppression problems: a stale
 *   one at keras/src/e.py:9 and one without a reason at keras/src/b.py:2.
 * - problems: 1 parse error, 1 import error, 1 skipped file, 1 duplicate,
 *   3 unresolved sites (app.gen_pb2 x2, lib.missing x1), 1 non-literal dynamic import.
 */
import type { AnalysisResult, PrivateImportRecord, SiteRecord } from '../../../src/result.js';

const EAGER = { typeChecking: false, lazy: false, conditional: false, dynamic: false };

const site = (file: string, line: number, target: string, more: Partial<SiteRecord> = {}): SiteRecord => ({
  file, line, column: 1, target, names: [],
  typeChecking: false, conditional: false, lazy: false, dynamic: false, unresolved: false, ...more,
});

const priv = (file: string, line: number, target: string, names: string[], reason: string,
  more: Partial<PrivateImportRecord> = {}): PrivateImportRecord => ({
  importer: file.replace(/\.py$/, '').replaceAll('/', '.'), file, line, column: 1, target, names, reason,
  importerOwner: 'keras', targetOwner: target.split('.')[0], typeChecking: false, lazy: false, dynamic: false, ...more,
});

const TF = 'declared private prefix tensorflow.python';
const framework = Array.from({ length: 25 }, (_, i) =>
  priv('keras/src/f.py', i + 1, 'tensorflow.python.framework', ['ops'], TF));
const big = Array.from({ length: 12 }, (_, i) => `big.m${String(i + 1).padStart(2, '0')}`);

export const cyclesAndPrivate: AnalysisResult = {
  schemaVersion: 1,
  tool: { name: 'pyseam', version: '0.1.0' },
  options: {
    roots: [], private: ['tensorflow.python'], public: [], exclude: [], importHelpers: [],
    includeTypeChecking: false, includeLazy: true, includeDynamic: true, checkStdlib: false, components: [], exportDecorators: [], presets: [], config: 'pyproject.toml',
  },
  roots: [{ path: '.', reason: 'analyzed-directory' }, { path: 'src', reason: 'src-layout' }],
  summary: {
    files: 40, modules: 38, edges: 21, externalEdges: 4, sites: 64, externalPackages: 3,
    cycles: 3, largestCycle: 12, privateImports: 29, parseErrors: 1, importErrors: 1,
    skippedFiles: 1, unresolvedSites: 3, nonLiteralDynamicImports: 1, duplicates: 1,
    suppressed: 1, suppressionProblems: 2,
  },
  modules: [{ name: 'app.a', path: 'src/app/a.py', kind: 'module', root: 'src', owner: 'app' }],
  components: [{ name: 'app', source: 'top-level', prefixes: [], modules: 1 }],
  edges: [
    { from: 'app.a', to: 'app', external: false, sites: [
      site('src/app/a.py', 3, 'app.gen_pb2', { unresolved: true }),
      site('src/app/a.py', 9, 'app.gen_pb2', { unresolved: true, names: ['Msg'] }),
    ] },
    { from: 'app.a', to: 'app.b', external: false, sites: [site('src/app/a.py', 12, 'app.b')] },
    { from: 'lib.x', to: 'lib', external: false, sites: [site('src/lib/x.py', 7, 'lib.missing', { unresolved: true })] },
  ],
  externalPackages: [
    { name: 'jax', kind: 'third-party', sites: 1, importers: 1 },
    { name: 'os', kind: 'stdlib', sites: 4, importers: 3 },
    { name: 'tensorflow', kind: 'third-party', sites: 28, importers: 3 },
  ],
  cycles: [
    { modules: ['lib.x', 'lib.y'], example: [
      { from: 'lib.x', to: 'lib.y', file: 'src/lib/x.py', line: 2, column: 1, ...EAGER },
      { from: 'lib.y', to: 'lib.x', file: 'src/lib/y.py', line: 5, column: 5, ...EAGER, lazy: true },
    ] },
    { modules: ['app.a', 'app.b', 'app.c'], example: [
      { from: 'app.a', to: 'app.b', file: 'src/app/a.py', line: 12, column: 1, ...EAGER },
      { from: 'app.b', to: 'app.c', file: 'src/app/b.py', line: 1, column: 1, ...EAGER },
      { from: 'app.c', to: 'app.a', file: 'src/app/c.py', line: 4, column: 1, ...EAGER },
    ] },
    { modules: big, example: [
      { from: 'big.m01', to: 'big.m02', file: 'big/m01.py', line: 1, column: 1, ...EAGER },
      { from: 'big.m02', to: 'big.m01', file: 'big/m02.py', line: 1, column: 1, ...EAGER },
    ] },
  ],
  privateImports: [
    priv('keras/src/a.py', 4, 'tensorflow.python.ops', ['array_ops', 'math_ops'], TF),
    priv('keras/src/b.py', 2, 'jax._src.core', ['Tracer'], "private segment '_src' in jax._src.core", { typeChecking: true }),
    priv('keras/src/c.py', 30, 'tensorflow.python.ops', ['array_ops'], TF, { lazy: true, column: 9 }),
    priv('keras_cv/d.py', 7, 'tensorflow.python.ops', ['array_ops'], TF, { importerOwner: 'keras_cv' }),
    ...framework,
  ],
  suppressed: [
    { ...priv('keras/src/e.py', 5, 'tensorflow.python.eager', ['context'], TF), suppressionLine: 5, suppressionReason: 'no public API yet' },
  ],
  suppressionProblems: [
    { file: 'keras/src/b.py', line: 2, kind: 'no-reason', message: 'suppression without a reason: write why after ignore[private-import]; it silences nothing until then' },
    { file: 'keras/src/e.py', line: 9, kind: 'stale', message: 'stale suppression: ignore[private-import] is on no import statement' },
  ],
  exports: [],
  duplicates: [{ module: 'tests.conftest', paths: ['a/tests/conftest.py', 'b/tests/conftest.py'] }],
  parseErrors: [{ file: 'src/app/broken.py', line: 3, column: 8, message: 'invalid syntax' }],
  importErrors: [{ file: 'src/app/a.py', line: 20, column: 1, message: 'relative import beyond top-level package' }],
  skippedFiles: [{ file: 'src/app/link.py', reason: 'broken symlink' }],
  nonLiteralDynamicImports: [
    { importer: 'app.plugins', file: 'src/app/plugins.py', line: 14, column: 12, call: 'importlib.import_module("." + name, __name__)' },
  ],
};
