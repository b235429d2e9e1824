/**
 * Expected facts of samples/monorepo, written and checked by hand against
 * SEMANTICS.md; test/crosscheck.test.ts also runs the independent Python `ast`
 * script scripts/crosscheck.py on the sample. Nothing here was produced by pyseam.
 *
 * The sample's imports (file:line, `->` the internal target, `=>` an external package):
 *
 *   pyseam.toml: private = ["tensorflux.python"], public = ["tensorflux.python.keras_api"]
 *
 *   tensorflux/ (distribution "tensorflux", root tensorflux/)
 *     tensorflux/__init__.py        2 from tensorflux import api                  -> tensorflux.api
 *                                   3 from tensorflux.api.array import constant,..-> tensorflux.api.array
 *                                   4 from tensorflux.api.nn import relu          -> tensorflux.api.nn
 *                                   5 from ._core.dtypes import float32, int32    -> tensorflux._core.dtypes (level 1 in an __init__ is the package itself)
 *     api/__init__.py               2 from . import array, nn                     -> tensorflux.api.array, tensorflux.api.nn (two sites, one place)
 *     api/array.py                  2 from tensorflux.python.ops import array_ops -> tensorflux.python.ops.array_ops
 *                                   3 from tensorflux.python.ops.array_ops import reshape -> same edge, second site
 *     api/nn.py                     2 from tensorflux.python.ops import math_ops  -> tensorflux.python.ops.math_ops
 *     _core/dtypes.py               2 import enum                                 => enum
 *     _core/_native.pyi (stub)      2 from tensorflux._core.dtypes import DType   -> tensorflux._core.dtypes [type_checking: stub]
 *     _core/kernels.py              2 import math                                 => math
 *                                   4 from tensorflux._core import _native        -> tensorflux._core._native
 *     python/keras_api.py           2 from kerasish.backend import floatx         -> kerasish.backend  (cycle across distributions)
 *     python/framework/ops.py       2 from typing import TYPE_CHECKING            => typing
 *                                   4 from tensorflux._core import dtypes         -> tensorflux._core.dtypes
 *                                   5 from tensorflux.python.protos import graph_pb2 -> tensorflux.python [unresolved: no protos/]
 *                                   8   from tensorflux.python.ops.array_ops import Tensor -> tensorflux.python.ops.array_ops [type_checking, conditional]
 *                                  21   from tensorflux.python.ops import array_ops -> tensorflux.python.ops.array_ops [lazy]
 *     python/ops/array_ops.py       2 import numpy as np                          => numpy
 *                                   4 from tensorflux.python.framework import ops -> tensorflux.python.framework.ops
 *     python/ops/math_ops.py        2 import importlib                            => importlib
 *                                   3 import os                                   => os
 *                                   5 from . import array_ops                     -> tensorflux.python.ops.array_ops
 *                                   6 from .array_ops import Tensor               -> same edge, second site
 *                                   9 importlib.import_module("tensorflux._core.kernels") -> tensorflux._core.kernels [dynamic]
 *                                  10 importlib.import_module("." + _BACKEND + "_kernels", __package__)  [non-literal: no edge]
 *     contrib/layers.py (contrib/ is a namespace package inside a regular one)
 *                                   2 from kerasish.layers import Dense           -> kerasish.layers
 *                                   3 from tensorflux.api import nn               -> tensorflux.api.nn
 *
 *   kerasish/ (distribution "kerasish", root kerasish/src: a src/ layout)
 *     kerasish/__init__.py          2 from .models import Model                   -> kerasish.models
 *                                   3 from . import layers                        -> kerasish.layers
 *     backend.py                    2 import tensorflux._core.dtypes              -> tensorflux._core.dtypes   PRIVATE (_core)
 *                                   3 from tensorflux.python import keras_api     -> tensorflux.python.keras_api (declared public: no finding)
 *                                   4 from tensorflux.python.framework import ops as ops_lib -> tensorflux.python.framework.ops  PRIVATE (declared)
 *     models.py                     2 from __future__ import annotations          => __future__
 *                                   4 import typing                               => typing
 *                                   6 import numpy as np                          => numpy
 *                                   8 import tensorflux as tfx                    -> tensorflux
 *                                   9 from kerasish import training               -> kerasish.training
 *                                  10 from kerasish.layers.core import Dense      -> kerasish.layers.core
 *     training.py                   2 from kerasish import backend, callbacks     -> kerasish.backend, kerasish.callbacks
 *                                   3 from tensorflux.python.ops import array_ops -> tensorflux.python.ops.array_ops  PRIVATE (declared)
 *     callbacks.py                  2 from kerasish.models import Model           -> kerasish.models   (ring models -> training -> callbacks -> models)
 *     legacy.py (syntax error, line 7) 2 import warnings                          => warnings
 *                                   4 from kerasish.models import Model           -> kerasish.models
 *     layers/__init__.py            2 from .core import Dense                     -> kerasish.layers.core
 *     layers/core.py                2 import tensorflux as tfx                    -> tensorflux
 *                                   3 from tensorflux.api import nn               -> tensorflux.api.nn
 *                                   4 from tensorflux.api.nn import _clip         -> tensorflux.api.nn  PRIVATE (name _clip)
 *                                  11   from tensorflux._core import kernels      -> tensorflux._core.kernels [lazy]  PRIVATE (_core)
 *
 *   tools/ (root ".", no distribution)
 *     tools/gen-docs.py (script)    2 import importlib                            => importlib
 *                                   3 import sys                                  => sys
 *                                   5 import tensorflux                           -> tensorflux
 *                                   6 from kerasish import layers                 -> kerasish.layers
 *                                  12   importlib.import_module("tensorflux.contrib.layers") -> tensorflux.contrib.layers [dynamic, lazy]
 *                                  14   importlib.import_module(name)             [non-literal: no edge]
 *
 * Cycles: {kerasish.callbacks, kerasish.models, kerasish.training} (a ring in one package),
 * {kerasish.backend, tensorflux.python.keras_api} (across the two distributions), and
 * {tensorflux.python.framework.ops, tensorflux.python.ops.array_ops}, held only by the
 * type_checking site (ops:8) and the lazy site (ops:21): it stays while either is kept.
 *
 * Judgement calls, where SEMANTICS.md leaves room:
 * - `from tensorflux.python.protos import graph_pb2`: neither `protos` nor `graph_pb2` exists.
 *   With no package `protos`, `graph_pb2` can only be a submodule (Python would import
 *   `tensorflux.python.protos.graph_pb2`), so that is the site's target, and the edge goes to
 *   its nearest existing ancestor, `tensorflux.python`.
 * - A private-import record's `target` is the module named in the statement (result.ts), so
 *   `from tensorflux.python.ops import array_ops` gives `tensorflux.python.ops` + `['array_ops']`.
 * - `tools/` has an `__init__.py` so that it is a plain package and the script's component is `tools`.
 */
import type { ModuleKind } from '../../src/result.js';

export interface ExpectedModule {
  name: string;
  path: string;
  kind: ModuleKind;
  root: string;
  owner: string;
}

const TF = 'tensorflux/tensorflux';
const KS = 'kerasish/src/kerasish';

function tf(name: string, file: string, kind: ModuleKind = 'module'): ExpectedModule {
  return { name, path: `${TF}/${file}`.replace(/\/$/, ''), kind, root: 'tensorflux', owner: 'tensorflux' };
}
function ks(name: string, file: string, kind: ModuleKind = 'module'): ExpectedModule {
  return { name, path: `${KS}/${file}`.replace(/\/$/, ''), kind, root: 'kerasish/src', owner: 'kerasish' };
}

export const expected = {
  /** SEMANTICS.md "Source roots": kerasish/src is a src/ layout next to kerasish/pyproject.toml;
   * tensorflux/ holds a project file with its package directly in it; `.` always (tools/).
   * kerasish/ itself is not a root: its packages are under src/. */
  roots: [
    { path: '.', reason: 'analyzed-directory' },
    { path: 'kerasish/src', reason: 'src-layout' },
    { path: 'tensorflux', reason: 'distribution' },
  ],
  distributions: [
    { path: 'kerasish', name: 'kerasish' },
    { path: 'tensorflux', name: 'tensorflux' },
  ],
  /** Python files found: 25 `.py` and one `.pyi`. */
  files: 26,
  /** Sorted by name. */
  modules: [
    ks('kerasish', '__init__.py', 'package'),
    ks('kerasish.backend', 'backend.py'),
    ks('kerasish.callbacks', 'callbacks.py'),
    ks('kerasish.layers', 'layers/__init__.py', 'package'),
    ks('kerasish.layers.core', 'layers/core.py'),
    ks('kerasish.legacy', 'legacy.py'),
    ks('kerasish.models', 'models.py'),
    ks('kerasish.training', 'training.py'),
    tf('tensorflux', '__init__.py', 'package'),
    tf('tensorflux._core', '_core/__init__.py', 'package'),
    tf('tensorflux._core._native', '_core/_native.pyi', 'stub'),
    tf('tensorflux._core.dtypes', '_core/dtypes.py'),
    tf('tensorflux._core.kernels', '_core/kernels.py'),
    tf('tensorflux.api', 'api/__init__.py', 'package'),
    tf('tensorflux.api.array', 'api/array.py'),
    tf('tensorflux.api.nn', 'api/nn.py'),
    tf('tensorflux.contrib', 'contrib/', 'namespace'),
    tf('tensorflux.contrib.layers', 'contrib/layers.py'),
    tf('tensorflux.python', 'python/__init__.py', 'package'),
    tf('tensorflux.python.framework', 'python/framework/__init__.py', 'package'),
    tf('tensorflux.python.framework.ops', 'python/framework/ops.py'),
    tf('tensorflux.python.keras_api', 'python/keras_api.py'),
    tf('tensorflux.python.ops', 'python/ops/__init__.py', 'package'),
    tf('tensorflux.python.ops.array_ops', 'python/ops/array_ops.py'),
    tf('tensorflux.python.ops.math_ops', 'python/ops/math_ops.py'),
    { name: 'tools', path: 'tools/__init__.py', kind: 'package', root: '.', owner: 'tools' },
    { name: 'tools/gen-docs.py', path: 'tools/gen-docs.py', kind: 'script', root: '.', owner: 'tools' },
  ] as ExpectedModule[],
  /** Internal edges `from -> to` with their number of sites (every site kept). */
  internalEdges: [
    ['kerasish', 'kerasish.layers', 1],
    ['kerasish', 'kerasish.models', 1],
    ['kerasish.backend', 'tensorflux._core.dtypes', 1],
    ['kerasish.backend', 'tensorflux.python.framework.ops', 1],
    ['kerasish.backend', 'tensorflux.python.keras_api', 1],
    ['kerasish.callbacks', 'kerasish.models', 1],
    ['kerasish.layers', 'kerasish.layers.core', 1],
    ['kerasish.layers.core', 'tensorflux', 1],
    ['kerasish.layers.core', 'tensorflux._core.kernels', 1],
    ['kerasish.layers.core', 'tensorflux.api.nn', 2],
    ['kerasish.legacy', 'kerasish.models', 1],
    ['kerasish.models', 'kerasish.layers.core', 1],
    ['kerasish.models', 'kerasish.training', 1],
    ['kerasish.models', 'tensorflux', 1],
    ['kerasish.training', 'kerasish.backend', 1],
    ['kerasish.training', 'kerasish.callbacks', 1],
    ['kerasish.training', 'tensorflux.python.ops.array_ops', 1],
    ['tensorflux', 'tensorflux._core.dtypes', 1],
    ['tensorflux', 'tensorflux.api', 1],
    ['tensorflux', 'tensorflux.api.array', 1],
    ['tensorflux', 'tensorflux.api.nn', 1],
    ['tensorflux._core._native', 'tensorflux._core.dtypes', 1],
    ['tensorflux._core.kernels', 'tensorflux._core._native', 1],
    ['tensorflux.api', 'tensorflux.api.array', 1],
    ['tensorflux.api', 'tensorflux.api.nn', 1],
    ['tensorflux.api.array', 'tensorflux.python.ops.array_ops', 2],
    ['tensorflux.api.nn', 'tensorflux.python.ops.math_ops', 1],
    ['tensorflux.contrib.layers', 'kerasish.layers', 1],
    ['tensorflux.contrib.layers', 'tensorflux.api.nn', 1],
    ['tensorflux.python.framework.ops', 'tensorflux._core.dtypes', 1],
    ['tensorflux.python.framework.ops', 'tensorflux.python', 1],
    ['tensorflux.python.framework.ops', 'tensorflux.python.ops.array_ops', 2],
    ['tensorflux.python.keras_api', 'kerasish.backend', 1],
    ['tensorflux.python.ops.array_ops', 'tensorflux.python.framework.ops', 1],
    ['tensorflux.python.ops.math_ops', 'tensorflux._core.kernels', 1],
    ['tensorflux.python.ops.math_ops', 'tensorflux.python.ops.array_ops', 2],
    ['tools/gen-docs.py', 'kerasish.layers', 1],
    ['tools/gen-docs.py', 'tensorflux', 1],
    ['tools/gen-docs.py', 'tensorflux.contrib.layers', 1],
  ] as [string, string, number][],
  /** External edges `from -> top-level package`, one site each. */
  externalEdges: [
    ['kerasish.legacy', 'warnings'],
    ['kerasish.models', '__future__'],
    ['kerasish.models', 'numpy'],
    ['kerasish.models', 'typing'],
    ['tensorflux._core.dtypes', 'enum'],
    ['tensorflux._core.kernels', 'math'],
    ['tensorflux.python.framework.ops', 'typing'],
    ['tensorflux.python.ops.array_ops', 'numpy'],
    ['tensorflux.python.ops.math_ops', 'importlib'],
    ['tensorflux.python.ops.math_ops', 'os'],
    ['tools/gen-docs.py', 'importlib'],
    ['tools/gen-docs.py', 'sys'],
  ] as [string, string][],
  /** name -> kind, sites, importers. */
  externalPackages: [
    { name: '__future__', kind: 'stdlib', sites: 1, importers: 1 },
    { name: 'enum', kind: 'stdlib', sites: 1, importers: 1 },
    { name: 'importlib', kind: 'stdlib', sites: 2, importers: 2 },
    { name: 'math', kind: 'stdlib', sites: 1, importers: 1 },
    { name: 'numpy', kind: 'third-party', sites: 2, importers: 2 },
    { name: 'os', kind: 'stdlib', sites: 1, importers: 1 },
    { name: 'sys', kind: 'stdlib', sites: 1, importers: 1 },
    { name: 'typing', kind: 'stdlib', sites: 2, importers: 2 },
    { name: 'warnings', kind: 'stdlib', sites: 1, importers: 1 },
  ],
  /** Strongly connected components with more than one module, every site kept (the default); largest first, then by first module. */
  cycles: [
    ['kerasish.callbacks', 'kerasish.models', 'kerasish.training'],
    ['kerasish.backend', 'tensorflux.python.keras_api'],
    ['tensorflux.python.framework.ops', 'tensorflux.python.ops.array_ops'],
  ],
  /** The same with type_checking and lazy sites left out: the ops/array_ops pair falls apart. */
  cyclesWithoutTypeCheckingAndLazy: [
    ['kerasish.callbacks', 'kerasish.models', 'kerasish.training'],
    ['kerasish.backend', 'tensorflux.python.keras_api'],
  ],
  /** Sites with a fact set (every other site has all five facts false). */
  flaggedSites: [
    { file: `${TF}/_core/_native.pyi`, line: 2, column: 1, target: 'tensorflux._core.dtypes', typeChecking: true, conditional: false, lazy: false, dynamic: false, unresolved: false },
    { file: `${TF}/python/framework/ops.py`, line: 5, column: 1, target: 'tensorflux.python.protos.graph_pb2', typeChecking: false, conditional: false, lazy: false, dynamic: false, unresolved: true },
    { file: `${TF}/python/framework/ops.py`, line: 8, column: 5, target: 'tensorflux.python.ops.array_ops', typeChecking: true, conditional: true, lazy: false, dynamic: false, unresolved: false },
    { file: `${TF}/python/framework/ops.py`, line: 21, column: 5, target: 'tensorflux.python.ops.array_ops', typeChecking: false, conditional: false, lazy: true, dynamic: false, unresolved: false },
    { file: `${TF}/python/ops/math_ops.py`, line: 9, column: 12, target: 'tensorflux._core.kernels', typeChecking: false, conditional: false, lazy: false, dynamic: true, unresolved: false },
    { file: `${KS}/layers/core.py`, line: 11, column: 9, target: 'tensorflux._core.kernels', typeChecking: false, conditional: false, lazy: true, dynamic: false, unresolved: false },
    { file: 'tools/gen-docs.py', line: 12, column: 15, target: 'tensorflux.contrib.layers', typeChecking: false, conditional: false, lazy: true, dynamic: true, unresolved: false },
  ],
  /** SEMANTICS.md "Private and public"; sorted by file, line. */
  privateImports: [
    { importer: 'kerasish.backend', file: `${KS}/backend.py`, line: 2, column: 1, target: 'tensorflux._core.dtypes', names: [] as string[], lazy: false, why: "segment '_core'" },
    { importer: 'kerasish.backend', file: `${KS}/backend.py`, line: 4, column: 1, target: 'tensorflux.python.framework', names: ['ops'], lazy: false, why: 'declared prefix tensorflux.python' },
    { importer: 'kerasish.layers.core', file: `${KS}/layers/core.py`, line: 4, column: 1, target: 'tensorflux.api.nn', names: ['_clip'], lazy: false, why: "name '_clip'" },
    { importer: 'kerasish.layers.core', file: `${KS}/layers/core.py`, line: 11, column: 9, target: 'tensorflux._core', names: ['kernels'], lazy: true, why: "segment '_core'" },
    { importer: 'kerasish.training', file: `${KS}/training.py`, line: 3, column: 1, target: 'tensorflux.python.ops', names: ['array_ops'], lazy: false, why: 'declared prefix tensorflux.python' },
  ],
  /** Cross-owner imports of internals that are NOT findings. */
  notPrivate: [
    { file: `${KS}/backend.py`, line: 3, why: 'tensorflux.python.keras_api is declared public' },
  ],
  unresolved: [
    { file: `${TF}/python/framework/ops.py`, line: 5, column: 1, target: 'tensorflux.python.protos.graph_pb2', names: ['graph_pb2'], edgeTo: 'tensorflux.python' },
  ],
  nonLiteralDynamicImports: [
    { importer: 'tensorflux.python.ops.math_ops', file: `${TF}/python/ops/math_ops.py`, line: 10, column: 10 },
    { importer: 'tools/gen-docs.py', file: 'tools/gen-docs.py', line: 14, column: 18 },
  ],
  /** Python 3.11 reports "expected ':'" at 7:32; tree-sitter's ERROR node starts at 7:1, so only the line is fixed. */
  parseErrors: [{ file: `${KS}/legacy.py`, line: 7 }],
  importErrors: [] as { file: string; line: number }[],
  summary: {
    files: 26,
    modules: 27,
    edges: 39,
    externalEdges: 12,
    sites: 55,
    externalPackages: 9,
    cycles: 3,
    largestCycle: 3,
    privateImports: 5,
    parseErrors: 1,
    importErrors: 0,
    skippedFiles: 0,
    unresolvedSites: 1,
    nonLiteralDynamicImports: 2,
    suppressed: 0,
    suppressionProblems: 0,
    duplicates: 0,
  },
};
