// The what-if screen on samples/monorepo. Facts from test/samples/monorepo.expected.ts, by hand:
// 39 internal edges, 55 sites, 5 private imports; cycles {callbacks, models, training} (3),
// {kerasish.backend, tensorflux.python.keras_api} (2), {ops, array_ops} (2): 7 modules in cycles.
// kerasish (8 modules, the first component) needs 5 private names at 5 sites and has 3 reverse
// dependencies (contrib.layers, keras_api, tools/gen-docs.py); one cycle crosses its boundary,
// and its plan cuts the one site of keras_api -> kerasish.backend (keras_api.py:2,
// `from kerasish.backend import floatx`). Cutting it: 2 cycles, 5 modules in cycles, 38 edges,
// 54 sites, 2 reverse dependencies, no boundary cycle. Cutting callbacks.py:2 instead breaks
// the ring: 2 cycles, the largest of 2 modules, 4 modules in cycles.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keys, sampleData, SIZE } from '../../../test/tui/sample-data.js';
import type { CutSite } from '../../extraction-result.js';
import { App } from '../App.js';
import type { ScreenContext } from '../screen.js';
import { whatIf } from './what-if.js';

const KS = 'kerasish/src/kerasish';
const CALLBACKS: CutSite = { from: 'kerasish.callbacks', to: 'kerasish.models', file: `${KS}/callbacks.py`, line: 2, column: 1 };
const TRAINING: CutSite = { from: 'kerasish.training', to: 'tensorflux.python.ops.array_ops', file: `${KS}/training.py`, line: 3, column: 1 };
const STALE: CutSite = { ...CALLBACKS, line: 7 };
const KERAS_API: CutSite = { from: 'tensorflux.python.keras_api', to: 'kerasish.backend', file: 'tensorflux/tensorflux/python/keras_api.py', line: 2, column: 1 };

describe('what-if screen', () => {
  it('loads the suggested cut of the focus with s and shows the figures before -> after', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    await keys(stdin, '\r', '7');
    expect(lastFrame()).toContain('Focus: kerasish (8 modules)');
    expect(lastFrame()).toContain('Cuts (0)');
    await keys(stdin, 's');
    const frame = lastFrame()!;
    expect(frame).toMatch(/Boundary cycles\s+1 -> 0\s+\(-1\)/);
    expect(frame).toMatch(/Sites to cut\s+1 -> 0\s+\(-1\)/);
    expect(frame).toMatch(/Cycles\s+3 -> 2\s+\(-1\)/);
    expect(frame).toMatch(/Largest cycle \(modules\)\s+3 -> 3\s*$/m);
    expect(frame).toMatch(/Modules in cycles\s+7 -> 5\s+\(-2\)/);
    expect(frame).toMatch(/Private imports\s+5 -> 5\s*$/m);
    expect(frame).toMatch(/Internal edges\s+39 -> 38\s+\(-1\)/);
    expect(frame).toMatch(/Import sites\s+55 -> 54\s+\(-1\)/);
    expect(frame).toMatch(/Needed private names\s+5 -> 5\s*$/m);
    expect(frame).toMatch(/Needed sites\s+5 -> 5\s*$/m);
    expect(frame).toMatch(/Reverse dependencies\s+3 -> 2\s+\(-1\)/);
    expect(frame).toMatch(/✂ tensorflux\.python\.keras_api -> kerasish\.backend .*keras_api\.py:2/);
    expect(frame).toContain('Edges removed (1): tensorflux.python.keras_api -> kerasish.backend');
    expect(frame).toContain('[1 cut]');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('shows the source of the selected cut with enter, and restores the cut with x', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData('kerasish')} size={SIZE} />);
    await keys(stdin, '7', 's', '\r');
    expect(lastFrame()).toContain('from kerasish.backend import floatx');
    expect(lastFrame()).toContain('this edge disappears: it had 1 site');
    expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(24);
    await keys(stdin, '\x1b');
    expect(lastFrame()).toMatch(/Boundary cycles\s+1 -> 0/);
    await keys(stdin, 'x');
    expect(lastFrame()).toContain('Cuts (0)');
    expect(lastFrame()).toMatch(/Boundary cycles\s+1 -> 1\s*$/m);
    expect(lastFrame()).not.toContain('[1 cut]');
  });

  it('clears every cut with c, and asks for a focus when s has none', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    await keys(stdin, '7', 's');
    expect(lastFrame()).toContain('s needs a focus component');
    expect(lastFrame()).toContain('No focus component');
    expect(lastFrame()).not.toContain('Boundary cycles');
    await keys(stdin, '1', '\r', '7', 's');
    expect(lastFrame()).toContain('Cuts (1)');
    await keys(stdin, 'c');
    expect(lastFrame()).toContain('Cuts (0)');
    expect(lastFrame()).toMatch(/Cycles\s+3 -> 3\s*$/m);
  });

  it('shows hand-made cuts: the ring broken by callbacks.py:2, and a cut matching nothing', () => {
    const ctx: ScreenContext = { data: sampleData(), cuts: [CALLBACKS, STALE], component: null, width: 80, height: 22 };
    const { lastFrame } = render(<whatIf.View state={whatIf.init(ctx)} ctx={ctx} />);
    const frame = lastFrame()!;
    expect(frame).toMatch(/Cycles\s+3 -> 2\s+\(-1\)/);
    expect(frame).toMatch(/Largest cycle \(modules\)\s+3 -> 2\s+\(-1\)/);
    expect(frame).toMatch(/Modules in cycles\s+7 -> 4\s+\(-3\)/);
    expect(frame).toMatch(/✂ \[no match\] kerasish\.callbacks -> kerasish\.models .*callbacks\.py:7/);
    expect(frame).toContain('1 cut matching no import site');
    expect(frame).toContain('Edges removed (1): kerasish.callbacks -> kerasish.models');
  });
});

describe('what-if reducer', () => {
  const ctx = (component: string | null = null, cuts: CutSite[] = [CALLBACKS, TRAINING]): ScreenContext => ({ data: sampleData(), cuts, component, width: 80, height: 22 });
  const start = whatIf.init(ctx());

  it('moves through the cuts and restores the selected one with x or d', () => {
    const down = whatIf.onKey(start, 'down', ctx()).state;
    expect(down.selected).toBe(1);
    expect(whatIf.onKey(down, 'x', ctx()).intent).toEqual({ kind: 'toggle-cut', cut: TRAINING });
    expect(whatIf.onKey(down, 'd', ctx()).intent).toEqual({ kind: 'toggle-cut', cut: TRAINING });
    expect(whatIf.onKey({ ...start, selected: 9 }, 'x', ctx()).intent).toEqual({ kind: 'toggle-cut', cut: TRAINING });
  });

  it('s adds the suggested cut of the focus to the cuts made, c clears, enter opens and esc closes the source', () => {
    expect(whatIf.onKey(start, 's', ctx('kerasish', [])).intent).toEqual({ kind: 'set-cuts', cuts: [KERAS_API] });
    // Cuts made by hand stay; the suggested site is added once.
    expect(whatIf.onKey(start, 's', ctx('kerasish', [CALLBACKS])).intent).toEqual({ kind: 'set-cuts', cuts: [CALLBACKS, KERAS_API] });
    expect(whatIf.onKey(start, 's', ctx('kerasish', [KERAS_API])).intent).toEqual({ kind: 'set-cuts', cuts: [KERAS_API] });
    const none = whatIf.onKey(start, 's', ctx());
    expect(none.intent).toBeUndefined();
    expect(none.state.notice).toContain('focus');
    expect(whatIf.onKey(start, 'c', ctx()).intent).toEqual({ kind: 'set-cuts', cuts: [] });
    const open = whatIf.onKey(start, 'enter', ctx()).state;
    expect(open.open).toBe(true);
    expect(whatIf.onKey(open, 'escape', ctx()).state.open).toBe(false);
    expect(whatIf.onKey(start, 'escape', ctx()).intent).toEqual({ kind: 'unhandled' });
    expect(whatIf.onKey(start, 'q', ctx()).intent).toEqual({ kind: 'unhandled' });
    expect(whatIf.onKey(start, 'enter', ctx(null, [])).state.open).toBe(false);
  });
});
