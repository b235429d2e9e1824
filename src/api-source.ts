import { buildModuleTable } from './graph/module-table.js';
import { decodeSource } from './parse/decode.js';
import { discover } from './parse/discover.js';
import { parseModule } from './parse/extract.js';
import type { SourceTree } from './parse/source-tree.js';
import type { ExportRecord } from './result.js';

/** A read-only API source of an external package (`[tool.pyseam.api-source] tensorflow = "/path/to/tensorflow"`). */
export interface ApiSource {
  /** The package's top-level name: the modules of the tree are named under it. */
  name: string;
  /** The package directory (holding its `__init__.py`), as a source tree. */
  tree: SourceTree;
}

/**
 * The symbols an external package's own export decorators mark public (`@tf_export("nn.relu")`
 * in `tensorflow/python/ops/nn_ops.py`), read from its source tree or installed copy for its
 * public API only: no graph, no findings. Module names are the package name plus the path
 * under the tree; files are given as `NAME:relative/path.py`. Files that cannot be read or
 * decoded are passed over (they are not the analyzed code).
 */
export function readApiSource(source: ApiSource, exportDecorators: readonly string[]): ExportRecord[] {
  const discovery = discover(source.tree, {});
  const table = buildModuleTable(discovery.files, discovery.roots);
  const exports: ExportRecord[] = [];
  for (const { file, module } of table.parsed) {
    if (module.kind === 'script') continue;
    let text: string;
    try {
      const decoded = decodeSource(source.tree.read(file.path));
      if ('error' in decoded) continue;
      text = decoded.text;
    } catch {
      continue;
    }
    const name = `${source.name}.${module.name}`;
    for (const e of parseModule(text, { exportDecorators: [...exportDecorators] }).exports) {
      exports.push({ module: name, ...e, file: `${source.name}:${file.path}` });
    }
  }
  // The package's own __init__.py sits at the tree's root, where it names no module of its own.
  try {
    const decoded = decodeSource(source.tree.read('__init__.py'));
    if (!('error' in decoded)) {
      for (const e of parseModule(decoded.text, { exportDecorators: [...exportDecorators] }).exports) exports.push({ module: source.name, ...e, file: `${source.name}:__init__.py` });
    }
  } catch {
    // no __init__.py: a namespace package
  }
  return exports;
}
