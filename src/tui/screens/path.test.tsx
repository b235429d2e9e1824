// The path screen ("why does A depend on B") over samples/monorepo. Chains worked out by hand
// (breadth-first, shortest; eager = no lazy or type-checking site) from the import list in
// test/samples/monorepo.expected.ts:
// - why kerasish.models tensorflux._core.dtypes: models.py:8 `import tensorflux as tfx` -> tensorflux,
//   tensorflux/__init__.py:5 `from ._core.dtypes import ...` -> tensorflux._core.dtypes (2 hops, both eager;
//   kerasish.training and kerasish.layers.core, models' other imports, do not import dtypes).
// - why kerasish.layers.core tensorflux._core.kernels: 1 hop, core.py:11 [lazy]; the eager chain is 3 hops:
//   core.py:3 -> tensorflux.api.nn (and core.py:4, a second site), nn.py:2 -> tensorflux.python.ops.math_ops,
//   math_ops.py:9 [dynamic] `importlib.import_module("tensorflux._core.kernels")` -> tensorflux._core.kernels.
// - why tensorflux.python.framework.ops tensorflux.python.ops.array_ops: 1 hop, ops.py:8 [type-checking]
//   and ops.py:21 [lazy]; no eager chain (ops' eager imports, _core.dtypes and tensorflux.python, import nothing).
// - why tensorflux._core.dtypes kerasish.backend: none (dtypes imports only enum).
// - swapped, why tensorflux.python.ops.array_ops tensorflux.python.framework.ops: array_ops.py:4.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { sampleData, settle, SIZE } from '../../../test/tui/sample-data.js';
import { App } from '../App.js';
import type { ScreenContext } from '../screen.js';
import { editKey, path } from './path.js';


async function ask(from: string, to: string, ...more: string[]) {
  const app = render(<App data={sampleData()} size={SIZE} />);
  for (const key of ['5', 'f', from, '\r', to, '\r', ...more]) {
    app.stdin.write(key);
    await settle();
  }
  return app;
}

describe('path screen', () => {
  it('shows the shortest chain hop by hop with the source of the selected hop', async () => {
    const { lastFrame } = await ask('kerasish.models', 'dtypes');
    const frame = lastFrame()!;
    expect(frame).toMatch(/From\s+kerasish\.models/);
    expect(frame).toMatch(/To\s+tensorflux\._core\.dtypes/);
    expect(frame).toContain('Shortest chain: 2 hops (runs at import time)');
    expect(frame).toMatch(/›\s+-> tensorflux\s+models\.py:8/);
    expect(frame).toMatch(/-> tensorflux\._core\.dtypes\s+tensorflux\/__init__\.py:5/);
    expect(frame).toContain('kerasish/src/kerasish/models.py:8');
    expect(frame).toMatch(/> +8 │ import tensorflux as tfx/);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('shows the eager chain apart when the shortest one needs a lazy import', async () => {
    const { lastFrame } = await ask('kerasish.layers.core', 'kernels', 'j', 'j', 'j');
    const frame = lastFrame()!;
    expect(frame).toContain('Shortest chain: 1 hop');
    expect(frame).toMatch(/-> tensorflux\._core\.kernels\s+core\.py:11\s+\[lazy\]/);
    expect(frame).toContain('Shortest chain that runs at import time: 3 hops');
    expect(frame).toMatch(/-> tensorflux\.api\.nn\s+core\.py:3/);
    expect(frame).toMatch(/also\s+core\.py:4/);
    expect(frame).toMatch(/›\s+-> tensorflux\.python\.ops\.math_ops\s+nn\.py:2/);
    expect(frame).toMatch(/-> tensorflux\._core\.kernels\s+math_ops\.py:9\s+\[dynamic\]/);
    expect(frame).toContain('from tensorflux.python.ops import math_ops');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('says when no chain runs at import time, cuts a site with x and swaps the ends with s', async () => {
    const { lastFrame, stdin } = await ask('framework.ops', 'ops.array_ops');
    let frame = lastFrame()!;
    expect(frame).toMatch(/-> tensorflux\.python\.ops\.array_ops\s+ops\.py:8\s+\[type-checking\]/);
    expect(frame).toMatch(/also\s+ops\.py:21\s+\[lazy\]/);
    expect(frame).toContain('No chain runs at import time');
    expect(frame).toContain('from tensorflux.python.ops.array_ops import Tensor');
    stdin.write('x');
    await settle();
    // The chain now runs on the graph without the cut site: the lazy site at ops.py:21 holds the edge.
    frame = lastFrame()!;
    expect(frame).toContain('[1 cut]');
    expect(frame).toMatch(/-> tensorflux\.python\.ops\.array_ops\s+ops\.py:21\s+\[lazy\]/);
    expect(frame).not.toContain('ops.py:8');
    stdin.write('x');
    await settle();
    // Cutting that one too leaves no chain at all.
    expect(lastFrame()).toContain('[2 cuts]');
    expect(lastFrame()).toContain('No chain: tensorflux.python.ops.array_ops is not reachable from');
    stdin.write('s');
    await settle();
    frame = lastFrame()!;
    // Swapped: array_ops -> ops is an eager edge, untouched by the cuts.
    expect(frame).toMatch(/From\s+tensorflux\.python\.ops\.array_ops/);
    expect(frame).toMatch(/-> tensorflux\.python\.framework\.ops\s+array_ops\.py:4/);
    expect(frame).toContain('from tensorflux.python.framework import ops');
  });

  it('says when B is not reachable from A', async () => {
    const { lastFrame } = await ask('dtypes', 'kerasish.backend');
    expect(lastFrame()).toContain('No chain: kerasish.backend is not reachable from tensorflux._core.dtypes.');
  });

  it('takes every key while a field is edited: q, digits and tab are typed, esc cancels', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    for (const key of ['5', 'f', 'q', '1']) {
      stdin.write(key);
      await settle();
    }
    expect(lastFrame()).toMatch(/From\s+q1▏/);
    expect(lastFrame()).toContain('type to filter');
    stdin.write('\x1b');
    await settle();
    expect(lastFrame()).toMatch(/From\s+\(none\)/);
    stdin.write('1');
    await settle();
    expect(lastFrame()).toContain('26 files');
  });
});

describe('path reducer', () => {
  const ctx: ScreenContext = { data: sampleData(), cuts: [], component: null, width: 80, height: 22 };
  const names = ctx.data.result.modules.map((m) => m.name);

  it('filters, chooses and deletes while editing', () => {
    let state = path.onKey(path.init(ctx), 'f', ctx).state;
    expect(path.capturing!(state)).toBe(true);
    state = editKey(state, 'kerasish.l', names, 10);
    state = editKey(state, 'x', names, 10);
    state = editKey(state, 'backspace', names, 10);
    expect(state.query).toBe('kerasish.l');
    state = editKey(state, 'enter', names, 10);
    expect(state).toMatchObject({ from: expect.stringMatching(/^kerasish\.l/), editing: 'to', query: '' });
  });

  it('opens at {from} alone by editing To, and at both ends by showing the chain', () => {
    const half = path.open!(path.init(ctx), { from: 'kerasish.models' }, ctx);
    expect(half).toMatchObject({ from: 'kerasish.models', to: null, editing: 'to' });
    const both = path.open!(half, { from: 'kerasish.models', to: 'tensorflux._core.dtypes' }, ctx);
    expect(path.capturing!(both)).toBe(false);
    expect(path.onKey(both, 'x', ctx).intent).toEqual({
      kind: 'toggle-cut',
      cut: { from: 'kerasish.models', to: 'tensorflux', file: 'kerasish/src/kerasish/models.py', line: 8, column: 1 },
    });
    expect(path.onKey(both, 'escape', ctx).intent).toEqual({ kind: 'unhandled' });
  });
});
