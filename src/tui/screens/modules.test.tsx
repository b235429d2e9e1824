// The modules screen on samples/monorepo. Facts from test/samples/monorepo.expected.ts:
// 27 modules (kerasish.layers.core: module of kerasish; tensorflux._core._native: a stub).
// kerasish/src/kerasish/models.py imports tensorflux (8), kerasish.training (9),
// kerasish.layers.core (10), and externally __future__ (2), typing (4), numpy (6); it is imported
// by kerasish (the package __init__, line 2), kerasish.callbacks (2) and kerasish.legacy (4),
// and sits in the cycle {kerasish.callbacks, kerasish.models, kerasish.training}.
// kerasish.training imports kerasish.backend, kerasish.callbacks, tensorflux.python.ops.array_ops.
// tensorflux.python.framework.ops -> tensorflux.python.ops.array_ops has two sites, ops.py:8:5 and 21:5.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keys, sampleData, SIZE } from '../../../test/tui/sample-data.js';
import { expected } from '../../../test/samples/monorepo.expected.js';
import { App } from '../App.js';
import type { ScreenContext } from '../screen.js';
import { modules, type ModulesState } from './modules.js';

const TF = 'tensorflux/tensorflux';


describe('modules screen', () => {
  it('lists every module with kind and owner', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    await keys(stdin, '4');
    const frame = lastFrame()!;
    expect(frame).toContain(`${expected.modules.length} modules`);
    expect(frame).toMatch(/kerasish\.layers\.core\s+module\s+kerasish/);
    expect(frame).toMatch(/tensorflux\._core\._native\s+stub\s+tensorflux/);
    expect(frame).toContain(`1/${expected.modules.length}`);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('searches fuzzily while capturing keys (q types), and opens the best match', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    await keys(stdin, '4', '/', ...'models');
    expect(lastFrame()).toContain('/models');
    expect(lastFrame()).toMatch(/› kerasish\.models\s/);
    await keys(stdin, '\r', '\r');
    const frame = lastFrame()!;
    expect(frame).toContain('path: kerasish/src/kerasish/models.py  kind: module');
    expect(frame).toContain('component: kerasish');
    expect(frame).toMatch(/in a cycle of 3 modules, with kerasish\.callbacks, kerasish\.training/);
    for (const m of ['kerasish.layers.core', 'kerasish.training', 'tensorflux']) expect(frame).toMatch(new RegExp(`→ ${m.replace(/\./g, '\\.')}\\s+1 site`));
    for (const p of ['__future__', 'numpy', 'typing']) expect(frame).toContain(`→ ${p} [external]`);
    for (const m of ['kerasish', 'kerasish.callbacks', 'kerasish.legacy']) expect(frame).toMatch(new RegExp(`← ${m.replace(/\./g, '\\.')}\\s+1 site`));
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('opens a neighbour with enter and comes back with esc, to the module then the filtered list', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    await keys(stdin, '4', '/', 'q');
    expect(lastFrame()).toContain('/q');
    await keys(stdin, '\x7f', ...'models', '\r', '\r', '\x1b[B', '\r');
    expect(lastFrame()).toContain('kerasish.training  (esc: back to kerasish.models)');
    for (const m of ['kerasish.backend', 'kerasish.callbacks', 'tensorflux.python.ops.array_ops']) expect(lastFrame()).toContain(`→ ${m}`);
    await keys(stdin, '\x1b');
    expect(lastFrame()).toContain('kerasish.models  (esc: back to the list)');
    await keys(stdin, '\x1b');
    expect(lastFrame()).toContain('filter "models"');
    await keys(stdin, '\x1b');
    expect(lastFrame()).toContain(`${expected.modules.length} modules (/ to search)`);
  });
});

describe('modules reducer', () => {
  const ctx: ScreenContext = { data: sampleData(), cuts: [], component: null, width: 80, height: 22 };
  const opened = (module: string): ModulesState => modules.open!(modules.init(ctx), { module }, ctx);

  it('cuts every site of an edge with x, and restores them when all are cut', () => {
    const cutsOf = (s: ModulesState) => {
      const intent = modules.onKey(s, 'x', ctx).intent;
      return intent?.kind === 'set-cuts' ? intent.cuts : [];
    };
    let state = opened('tensorflux.python.framework.ops');
    for (let i = 0; i < 10 && cutsOf(state)[0]?.to !== 'tensorflux.python.ops.array_ops'; i++) state = modules.onKey(state, 'down', ctx).state;
    const file = `${TF}/python/framework/ops.py`;
    const cuts = [8, 21].map((line) => ({ from: 'tensorflux.python.framework.ops', to: 'tensorflux.python.ops.array_ops', file, line, column: 5 }));
    expect(modules.onKey(state, 'x', ctx).intent).toEqual({ kind: 'set-cuts', cuts });
    expect(modules.onKey(state, 'x', { ...ctx, cuts }).intent).toEqual({ kind: 'set-cuts', cuts: [] });
  });

  it('asks for the path from the module, or to the selected neighbour', () => {
    const state = opened('kerasish.models');
    expect(modules.onKey(state, 'w', ctx).intent).toEqual({ kind: 'goto', screen: 'path', at: { from: 'kerasish.models', to: 'kerasish.layers.core' } });
    const list = modules.init(ctx);
    expect(modules.onKey(list, 'w', ctx).intent).toEqual({ kind: 'goto', screen: 'path', at: { from: expected.modules[0].name } });
    expect(modules.capturing!(modules.onKey(list, '/', ctx).state)).toBe(true);
  });
});
