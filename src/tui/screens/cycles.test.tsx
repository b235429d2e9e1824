// The cycles screen over samples/monorepo. Facts from the hand-checked sample
// (test/samples/monorepo.expected.ts), files under kerasish/src/kerasish (KS) and tensorflux/tensorflux (TF):
// - 3 cycles, largest first: {kerasish.callbacks, kerasish.models, kerasish.training} (owner kerasish),
//   {kerasish.backend, tensorflux.python.keras_api} (one module of each distribution),
//   {tensorflux.python.framework.ops, tensorflux.python.ops.array_ops} (owner tensorflux).
// - The ring from its smallest module: callbacks.py:2 `from kerasish.models import Model` -> kerasish.models,
//   models.py:9 `from kerasish import training` -> kerasish.training, training.py:2 `from kerasish import backend, callbacks` -> kerasish.callbacks.
// - backend.py:3 `from tensorflux.python import keras_api` -> tensorflux.python.keras_api,
//   keras_api.py:2 `from kerasish.backend import floatx` -> kerasish.backend.
// - ops -> array_ops has two sites, neither eager: ops.py:8 (type-checking, conditional)
//   `from tensorflux.python.ops.array_ops import Tensor` and ops.py:21 (lazy) `from tensorflux.python.ops import array_ops`;
//   array_ops.py:4 `from tensorflux.python.framework import ops` -> tensorflux.python.framework.ops.
// - The shortest chain kerasish.models -> kerasish.callbacks: models.py:9 then training.py:2.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { sampleData, settle, SIZE } from '../../../test/tui/sample-data.js';
import { App } from '../App.js';
import type { ScreenContext } from '../screen.js';
import { cycles } from './cycles.js';

const KS = 'kerasish/src/kerasish';
const TF = 'tensorflux/tensorflux';

async function open(...keys: string[]) {
  const app = render(<App data={sampleData()} size={SIZE} />);
  for (const key of ['2', ...keys]) {
    app.stdin.write(key);
    await settle();
  }
  return app;
}

describe('cycles screen', () => {
  it('lists the cycles largest first with the components their modules belong to', async () => {
    const { lastFrame } = await open();
    const frame = lastFrame()!;
    expect(frame).toContain('3 cycles');
    expect(frame).toMatch(/›\s+3\s+kerasish\.callbacks\s+kerasish 3/);
    expect(frame).toMatch(/2\s+kerasish\.backend\s+kerasish 1 \+ tensorflux 1/);
    expect(frame).toMatch(/2\s+tensorflux\.python\.framework\.ops\s+tensorflux 2\s+\(\[type-checking\] hop\)/);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('opens the ring: its hops with file:line and the source line of the selected hop', async () => {
    const { lastFrame, stdin } = await open('\r');
    let frame = lastFrame()!;
    expect(frame).toContain('Cycle 1 of 3: 3 modules, kerasish 3');
    expect(frame).toMatch(/›\s+-> kerasish\.models\s+callbacks\.py:2/);
    expect(frame).toMatch(/-> kerasish\.training\s+models\.py:9/);
    expect(frame).toMatch(/-> kerasish\.callbacks\s+training\.py:2/);
    expect(frame).toContain(`${KS}/callbacks.py:2`);
    expect(frame).toMatch(/> 2 │ from kerasish\.models import Model/);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    stdin.write('\x1b[B');
    await settle();
    frame = lastFrame()!;
    expect(frame).toContain(`${KS}/models.py:9`);
    expect(frame).toMatch(/> +9 │ from kerasish import training/);
    stdin.write('\x1b');
    await settle();
    expect(lastFrame()).toContain('3 cycles');
  });

  it('shows the cycle across distributions', async () => {
    const { lastFrame } = await open('j', '\r');
    const frame = lastFrame()!;
    expect(frame).toContain('kerasish 1 + tensorflux 1');
    expect(frame).toMatch(/-> tensorflux\.python\.keras_api\s+backend\.py:3/);
    expect(frame).toMatch(/-> kerasish\.backend\s+keras_api\.py:2/);
    expect(frame).toContain('from tensorflux.python import keras_api');
  });

  it('marks the type-checking and the lazy site that hold the third cycle, and cuts one with x', async () => {
    const { lastFrame, stdin } = await open('j', 'j', '\r');
    let frame = lastFrame()!;
    expect(frame).toMatch(/-> tensorflux\.python\.ops\.array_ops\s+ops\.py:8\s+\[type-checking\] \[conditional\]/);
    expect(frame).toMatch(/also\s+ops\.py:21\s+\[lazy\]/);
    expect(frame).toMatch(/-> tensorflux\.python\.framework\.ops\s+array_ops\.py:4\s*$/m);
    expect(frame).toContain('from tensorflux.python.ops.array_ops import Tensor');
    stdin.write('j');
    await settle();
    expect(lastFrame()).toContain(`${TF}/python/framework/ops.py:21:5`);
    expect(lastFrame()).toContain('    from tensorflux.python.ops import array_ops');
    stdin.write('x');
    await settle();
    frame = lastFrame()!;
    expect(frame).toMatch(/›✂\s+also\s+ops\.py:21/);
    expect(frame).toContain('[1 cut]');
    stdin.write('x');
    await settle();
    expect(lastFrame()).not.toContain('✂');
  });

  it('lists the modules with m and asks the path screen why a hop closes the cycle with w', async () => {
    const { lastFrame, stdin } = await open('\r', 'm');
    expect(lastFrame()).toMatch(/›kerasish\.callbacks\s+kerasish/);
    expect(lastFrame()).toMatch(/kerasish\.training\s+kerasish/);
    stdin.write('m');
    await settle();
    stdin.write('w');
    await settle();
    const frame = lastFrame()!;
    expect(frame).toMatch(/From\s+kerasish\.models/);
    expect(frame).toMatch(/To\s+kerasish\.callbacks/);
    expect(frame).toMatch(/-> kerasish\.training\s+models\.py:9/);
    expect(frame).toMatch(/-> kerasish\.callbacks\s+training\.py:2/);
  });
});

describe('cycles reducer', () => {
  const ctx: ScreenContext = { data: sampleData(), cuts: [], component: null, width: 80, height: 22 };

  it('opens a cycle, cuts the selected hop site and goes back', () => {
    let state = cycles.init(ctx);
    state = cycles.onKey(state, 'down', ctx).state;
    state = cycles.onKey(state, 'enter', ctx).state;
    expect(state).toMatchObject({ selected: 1, open: true, mode: 'chain', row: 0 });
    expect(cycles.onKey(state, 'x', ctx).intent).toEqual({
      kind: 'toggle-cut',
      cut: { from: 'kerasish.backend', to: 'tensorflux.python.keras_api', file: `${KS}/backend.py`, line: 3, column: 1 },
    });
    expect(cycles.onKey(state, 'backspace', ctx).state.open).toBe(false);
    expect(cycles.onKey(cycles.init(ctx), 'escape', ctx).intent).toEqual({ kind: 'unhandled' });
  });

  it('sends enter on a module to the modules screen, and opens at a module from a goto', () => {
    const state = cycles.open!(cycles.init(ctx), { module: 'tensorflux.python.keras_api' }, ctx);
    expect(state).toEqual({ selected: 1, open: true, mode: 'modules', row: 1 });
    expect(cycles.onKey(state, 'enter', ctx).intent).toEqual({ kind: 'goto', screen: 'modules', at: { module: 'tensorflux.python.keras_api' } });
  });
});
