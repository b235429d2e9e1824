/**
 * Which file names define Python modules, and under what stem.
 *
 * Rule source: CPython's `importlib.machinery` suffix lists. `SOURCE_SUFFIXES`
 * is `.py`; `EXTENSION_SUFFIXES` on Linux is `.cpython-311-x86_64-linux-gnu.so`,
 * `.abi3.so`, `.so` (Windows: `.cp311-win_amd64.pyd`, `.pyd`; PyPy:
 * `.pypy39-pp73-x86_64-linux-gnu.so`), and the file finder tries
 * `<name><suffix>` for each, so `foo.abi3.so` is module `foo`. Stubs (`.pyi`,
 * PEP 484) and Cython sources (`.pyx`, compiled to an extension of the same
 * name) are counted as SEMANTICS.md asks.
 */
import type { FileKind } from './types.js';

const PLATFORM_TAG = /\.(?:cpython-[^.]+|cp\d+[^.]*|pypy[^.]*|graalpy[^.]*|abi3)$/;

/** The kind of module a file name defines, or null when it defines none (`.txt`, `.pyc`, `libfoo.so.1`). */
export function fileKind(name: string): FileKind | null {
  if (name.endsWith('.py')) return 'source';
  if (name.endsWith('.pyi')) return 'stub';
  if (name.endsWith('.so') || name.endsWith('.pyd') || name.endsWith('.pyx')) return 'extension';
  return null;
}

/**
 * The module stem of a file name: `foo.py`, `foo.pyi`, `foo.pyx`, `foo.so`,
 * `foo.abi3.so`, `foo.cpython-311-x86_64-linux-gnu.so` and `foo.cp311-win_amd64.pyd`
 * all give `foo`. Null when the name defines no module or the stem is empty
 * (`.py`), and for a shared library whose name keeps a dot once the platform
 * tag is gone (`libpython3.11.so`: no import statement can name it). A source
 * stem may still be no identifier (`setup-tools`, `a.b`): naming decides what
 * that means (a script).
 */
export function moduleFileStem(name: string): string | null {
  const kind = fileKind(name);
  if (kind === null) return null;
  let stem = name.slice(0, name.lastIndexOf('.'));
  if (kind === 'extension' && !name.endsWith('.pyx')) {
    stem = stem.replace(PLATFORM_TAG, '');
    if (stem.includes('.')) return null;
  }
  return stem === '' ? null : stem;
}
