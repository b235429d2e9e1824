/**
 * The `markdown` reporter: whole outputs written by hand from the mocks (cycles-and-private:
 * 29 private-import sites in 5 files into 3 targets; cycles of 12, 3 and 2 modules, listed
 * smallest first in the mock), and the cuts on a result with many targets and cycles.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { code, CYCLE_LIMIT, renderMarkdown, TARGET_LIMIT } from '../../src/report/markdown.js';
import type { AnalysisResult } from '../../src/result.js';
import { cyclesAndPrivate } from './mocks/cycles-and-private.js';
import { everythingFine } from './mocks/everything-fine.js';

describe('markdown report', () => {
  it('summarizes a clean project', () => {
    expect(renderMarkdown(everythingFine)).toBe(`## pyseam: no violations

| finding | count |
|---|---:|
| private imports | 0 |
| import cycles | 0 |
| parse errors | 0 |
| import errors | 0 |
| files / modules / internal edges | 3 / 3 / 1 |
`);
  });

  it('lists the top private-import targets and the cycles, largest first', () => {
    expect(renderMarkdown(cyclesAndPrivate)).toBe(`## pyseam: 29 private imports, 3 import cycles, 1 parse error, 1 import error

| finding | count |
|---|---:|
| private imports | 29 (in 5 files) |
| import cycles | 3 (largest: 12 modules) |
| parse errors | 1 |
| import errors | 1 |
| files / modules / internal edges | 40 / 38 / 21 |

### Top private-import targets

| target | sites | names | imported by |
|---|---:|---|---|
| \`tensorflow.python.framework\` | 25 | \`ops\` ×25 | keras |
| \`tensorflow.python.ops\` | 3 | \`array_ops\` ×3, \`math_ops\` ×1 | keras, keras_cv |
| \`jax._src.core\` | 1 | \`Tracer\` ×1 | keras |

### Import cycles (largest first)

1. **12 modules**: \`big.m01\` -> \`big.m02\` -> \`big.m01\` (\`big/m01.py:1\`)
2. **3 modules**: \`app.a\` -> \`app.b\` -> \`app.c\` -> \`app.a\` (\`src/app/a.py:12\`)
3. **2 modules**: \`lib.x\` -> \`lib.y\` -> \`lib.x\` [lazy] (\`src/lib/x.py:2\`)
`);
  });

  it('cuts long lists and long chains, saying how much is left out and where the rest is', () => {
    const hop = (from: string, to: string) => ({ from, to, file: `${from}.py`, line: 1, column: 1, typeChecking: false, lazy: false, conditional: false, dynamic: false });
    const ring = Array.from({ length: 12 }, (_, i) => `r${String(i).padStart(2, '0')}`);
    const many: AnalysisResult = {
      ...cyclesAndPrivate,
      privateImports: Array.from({ length: 15 }, (_, i) => ({ ...cyclesAndPrivate.privateImports[0], target: `t${String(i).padStart(2, '0')}._x` })),
      cycles: [
        { modules: ring, example: ring.map((m, i) => hop(m, ring[(i + 1) % ring.length])) },
        ...Array.from({ length: 13 }, (_, i) => ({ modules: [`c${i}.a`, `c${i}.b`], example: [hop(`c${i}.a`, `c${i}.b`), hop(`c${i}.b`, `c${i}.a`)] })),
      ],
    };
    const out = renderMarkdown(many);
    expect(out.split('\n').filter((l) => /^\| `t\d\d\._x`/.test(l))).toHaveLength(TARGET_LIMIT);
    expect(out).toContain('_... and 5 more targets; the full report: `pyseam analyze --format text` (or `--format sarif` for code scanning)._');
    expect(out.split('\n').filter((l) => /^\d+\. \*\*/.test(l))).toHaveLength(CYCLE_LIMIT);
    expect(out).toContain('_... and 4 more cycles;');
    expect(out).toContain('1. **12 modules**: `r00` -> `r01` -> `r02` -> `r03` -> `r04` -> `r05` -> `r06` -> `r07` -> `r08` -> ... (4 more hops) (`r00.py:1`)');
  });

  it('keeps code spans and table cells intact whatever the text holds', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`a')).toBe('`` `a ``');
    const odd: AnalysisResult = { ...cyclesAndPrivate, privateImports: [{ ...cyclesAndPrivate.privateImports[0], names: ['a|b'] }], cycles: [] };
    expect(renderMarkdown(odd)).toContain('| `tensorflow.python.ops` | 1 | `a\\|b` ×1 | keras |');
  });

  it('is registered as --format markdown', () => {
    expect(render('markdown', cyclesAndPrivate, { color: true })).toBe(renderMarkdown(cyclesAndPrivate));
  });
});
