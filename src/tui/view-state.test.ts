// The container's reducer without ink, on the sample (test/samples/monorepo.expected.ts): its first
// cycle is the ring kerasish.callbacks -> kerasish.models -> kerasish.training -> callbacks.
import { describe, expect, it } from 'vitest';
import { sampleData } from '../../test/tui/sample-data.js';
import { SCREENS } from './screens/index.js';
import { initialState, reduce, type ViewState } from './view-state.js';

const base = { data: sampleData(), width: 80, height: 21 };
const press = (state: ViewState, ...keys: string[]): ViewState => keys.reduce((s, k) => reduce(s, k, SCREENS, base), state);

describe('view state', () => {
  it('goes back with esc to the screen that opened another one, and forgets that on tab or a digit', () => {
    const start = initialState(SCREENS, base, null);
    // Cycles, open the ring, enter on its first hop: the modules screen opens at kerasish.callbacks.
    const opened = press(start, '2', 'enter', 'enter');
    expect(opened.screen).toBe('modules');
    expect(opened.back).toEqual(['cycles']);
    const back = press(opened, 'escape');
    expect(back.screen).toBe('cycles');
    expect(back.back).toEqual([]);
    // Walking on to a neighbour and back stays on modules until the module it opened at.
    const walked = press(opened, 'enter', 'escape');
    expect(walked.screen).toBe('modules');
    expect(press(walked, 'escape').screen).toBe('cycles');
    // A digit is explicit navigation: no way back after it.
    expect(press(opened, '4', 'escape').back).toEqual([]);
  });

  it('quits on q and ctrl-c, and types q while a screen takes text', () => {
    const start = initialState(SCREENS, base, null);
    expect(press(start, 'q').quit).toBe(true);
    expect(press(start, 'ctrl-c').quit).toBe(true);
    const typing = press(start, '4', '/', 'q');
    expect(typing.quit).toBe(false);
    expect((typing.screens.modules as { query: string }).query).toBe('q');
  });

  it('toggles cuts and the focus component through intents', () => {
    const start = initialState(SCREENS, base, null);
    const focused = press(start, 'enter');
    expect(focused.component).toBe('kerasish');
    expect(press(focused, 'enter').component).toBeNull();
    const cut = press(start, '2', 'enter', 'x');
    expect(cut.cuts).toEqual([{ from: 'kerasish.callbacks', to: 'kerasish.models', file: 'kerasish/src/kerasish/callbacks.py', line: 2, column: 1 }]);
    expect(press(cut, 'x').cuts).toEqual([]);
  });
});
