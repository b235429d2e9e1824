/**
 * The text reporter on hand-written results (mocks/). Expected lines are
 * written from the mocks' own descriptions, not copied from the output.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { cyclesAndPrivate } from './mocks/cycles-and-private.js';
import { everythingFine } from './mocks/everything-fine.js';

const ANSI = /\x1b\[/;

/** Asserts each of `expected` is a whole line of `output`, in this order. */
function expectLinesInOrder(output: string, expected: string[]): void {
  const lines = output.split('\n');
  let from = 0;
  for (const line of expected) {
    const at = lines.indexOf(line, from);
    expect(at, `line ${JSON.stringify(line)} after line ${from}`).toBeGreaterThanOrEqual(from);
    from = at + 1;
  }
}

describe('text report: everything fine', () => {
  const out = renderText(everythingFine, { color: false });

  it('has the header, the summary and the all-clear line', () => {
    expectLinesInOrder(out, [
      'pyseam 0.1.0  roots: . (analyzed-directory)',
      'Summary',
      '  files                        3 (Python sources, stubs and extension modules)',
      '  external packages            1 (1 stdlib, 0 third-party)',
      '  cycles                       0',
      '  duplicates                   0',
      'No cycles and no private imports.',
    ]);
    expect(out.endsWith('.\n')).toBe(true);
  });

  it('has no findings sections', () => {
    for (const heading of ['Cycles', 'Private imports', 'Parse errors', 'Unresolved', 'Skipped', 'Duplicate']) {
      expect(out).not.toMatch(new RegExp(`^${heading}`, 'm'));
    }
  });
});

describe('text report: cycles and private imports', () => {
  const out = renderText(cyclesAndPrivate, { color: false });

  it('names every root with its reason and splits external packages', () => {
    expectLinesInOrder(out, [
      'pyseam 0.1.0  roots: . (analyzed-directory), src (src-layout)  config: pyproject.toml',
      '  external packages             3 (1 stdlib, 2 third-party)',
      '  cycles                        3 (strongly connected components; largest: 12 modules)',
      '  private imports              29 (sites, in 5 files)',
      '  unresolved sites              3',
    ]);
  });

  it('lists cycles largest first, cuts long module lists, and shows hops with file:line', () => {
    expectLinesInOrder(out, [
      'Cycles (3)',
      '  1. 12 modules: big.m01, big.m02, big.m03, big.m04, big.m05, big.m06, big.m07, big.m08, big.m09, big.m10, ... and 2 more',
      '     big.m01 -> big.m02  (big/m01.py:1)',
      '     big.m02 -> big.m01  (big/m02.py:1)',
      '  2. 3 modules: app.a, app.b, app.c',
      '     app.a -> app.b  (src/app/a.py:12)',
      '     app.b -> app.c  (src/app/b.py:1)',
      '     app.c -> app.a  (src/app/c.py:4)',
      '  3. 2 modules: lib.x, lib.y',
      '     lib.x -> lib.y  (src/lib/x.py:2)',
      '     lib.y -> lib.x  (src/lib/y.py:5)  [lazy]',
    ]);
  });

  it('groups private imports by target, most sites first, with reasons, names and sites', () => {
    expectLinesInOrder(out, [
      'Private imports (29 sites into 3 modules)',
      '  tensorflow.python.framework  25 sites  owned by tensorflow',
      '    reason: declared private prefix tensorflow.python',
      '    names: ops (25)',
      '    keras/src/f.py:1:1',
      '    keras/src/f.py:20:1',
      '    ... and 5 more',
      '  tensorflow.python.ops  3 sites  owned by tensorflow',
      '    names: array_ops (3), math_ops (1)',
      '    imported by: keras, keras_cv',
      '    keras/src/a.py:4:1',
      '    keras/src/c.py:30:9  [lazy]',
      '    keras_cv/d.py:7:1',
      '  jax._src.core  1 site  owned by jax',
      "    reason: private segment '_src' in jax._src.core",
      '    names: Tracer',
      '    keras/src/b.py:2:1  [type-checking]',
    ]);
    expect(out).not.toContain('keras/src/f.py:21:1');
  });

  it('lists the problems after the findings', () => {
    expectLinesInOrder(out, [
      'Private imports (29 sites into 3 modules)',
      'Parse errors (1)',
      '  src/app/broken.py:3:8  invalid syntax',
      'Import errors (1)',
      '  src/app/a.py:20:1  relative import beyond top-level package',
      'Skipped files (1)',
      '  src/app/link.py  broken symlink',
      'Duplicate modules (1)',
      '  tests.conftest: a/tests/conftest.py (used), b/tests/conftest.py',
      'Unresolved imports (3 sites into 2 modules)',
      '  app.gen_pb2  2 sites  first at src/app/a.py:3:1',
      '  lib.missing  1 site  first at src/lib/x.py:7:1',
      'Non-literal dynamic imports (1)',
      '  src/app/plugins.py:14:12  importlib.import_module("." + name, __name__)',
    ]);
    expect(out).not.toContain('No cycles and no private imports.');
  });

  it('lists every site and module with full: true', () => {
    const full = renderText(cyclesAndPrivate, { color: false, full: true });
    expect(full).not.toContain('... and');
    expect(full).toContain('    keras/src/f.py:25:1\n');
    expect(full).toContain('big.m10, big.m11, big.m12\n');
  });

  it('puts a call spread over several lines on one line', () => {
    const call = "__import__('encodings.' + modname, fromlist=_import_tail,\n                             level=0)";
    const result = { ...cyclesAndPrivate, nonLiteralDynamicImports: [{ importer: 'enc', file: 'enc.py', line: 99, column: 19, call }] };
    expectLinesInOrder(renderText(result, { color: false }), [
      'Non-literal dynamic imports (1)',
      "  enc.py:99:19  __import__('encodings.' + modname, fromlist=_import_tail, level=0)",
    ]);
  });

  it('writes ANSI codes only when color is true', () => {
    expect(out).not.toMatch(ANSI);
    expect(renderText(everythingFine, { color: false })).not.toMatch(ANSI);
    const colored = renderText(cyclesAndPrivate, { color: true });
    expect(colored).toMatch(ANSI);
    expect(colored.replace(/\x1b\[[0-9;]*m/g, '')).toBe(out);
  });
});
