// The layout at several terminal sizes, on samples/monorepo (facts from
// test/samples/monorepo.expected.ts: 26 files, 9 external packages, components kerasish,
// tensorflux and tools, the private prefix tensorflux.python from its pyseam.toml) and on the
// sample with two long module names added under kerasish (what keras has:
// `keras.benchmarks.layer_benchmarks.layer_benchmarks_functional...`).
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keys, sampleData, SIZE } from '../../test/tui/sample-data.js';
import type { ModuleRecord } from '../result.js';
import { App } from './App.js';
import { footerKeys } from './components/Frame.js';
import type { TuiData } from './data.js';

const LONG = 'kerasish.benchmarks.layer_benchmarks.layer_benchmarks_functional_test';
const LONGER = `${LONG}_base`;

/** The sample with two modules whose names share a long head and differ at the end. */
function withLongNames(): TuiData {
  const data = sampleData();
  const extra = (name: string): ModuleRecord => ({ name, path: `kerasish/src/${name.replace(/\./g, '/')}.py`, kind: 'module', root: 'kerasish/src', owner: 'kerasish' });
  return { ...data, result: { ...data.result, modules: [...data.result.modules, extra(LONG), extra(LONGER)] } };
}

const lines = (frame: string | undefined): string[] => (frame ?? '').split('\n');

describe('terminal size', () => {
  it('below 80x24 shows one message, and the screens again once resized', async () => {
    const data = sampleData();
    const { lastFrame, stdin, rerender } = render(<App data={data} size={{ columns: 60, rows: 15 }} />);
    expect(lastFrame()).toContain('pyseam tui needs at least 80x24; this terminal is 60x15');
    expect(lastFrame()).not.toContain('Overview');
    // Keys other than q are not acted on while nothing is shown.
    await keys(stdin, '2');
    rerender(<App data={data} size={{ columns: 79, rows: 40 }} />);
    await keys(stdin);
    expect(lastFrame()).toContain('this terminal is 79x40');
    rerender(<App data={data} size={SIZE} />);
    await keys(stdin);
    expect(lastFrame()).toContain('26 files');
    expect(lines(lastFrame()).length).toBeLessThanOrEqual(24);
  });

  it('fits every screen in 80x24, 100x30 and 160x40, with `? help` ending the footer', async () => {
    for (const size of [SIZE, { columns: 100, rows: 30 }, { columns: 160, rows: 40 }]) {
      const { lastFrame, stdin, unmount } = render(<App data={sampleData('kerasish')} size={size} />);
      for (const screen of ['1', '2', '3', '4', '5', '6', '7']) {
        await keys(stdin, screen);
        const frame = lines(lastFrame());
        expect(frame.length, `screen ${screen} at ${size.columns}x${size.rows}`).toBeLessThanOrEqual(size.rows);
        expect(frame[frame.length - 1].trimEnd()).toMatch(/\? help$/);
        for (const line of frame) expect(line.length).toBeLessThanOrEqual(size.columns);
      }
      unmount();
    }
  });
});

describe('columns', () => {
  it('cut long module names in the middle at 80 columns, keeping the rows apart, and show them whole when wide', async () => {
    const narrow = render(<App data={withLongNames()} size={SIZE} />);
    await keys(narrow.stdin, '4');
    expect(narrow.lastFrame()).toMatch(/kerasish\.benchmarks\.…layer_benchmarks_functional_test\s+module\s+kerasish/);
    expect(narrow.lastFrame()).toMatch(/kerasish\.…layer_benchmarks_functional_test_base\s+module\s+kerasish/);
    const wide = render(<App data={withLongNames()} size={{ columns: 160, rows: 40 }} />);
    await keys(wide.stdin, '4');
    expect(wide.lastFrame()).toMatch(new RegExp(`${LONG.replace(/\./g, '\\.')}\\s+module\\s+kerasish`));
    expect(wide.lastFrame()).toContain(LONGER);
  });

  it('keeps the reason of a private import readable at 80 columns: the prefix, not the wording', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    await keys(stdin, '3');
    expect(lastFrame()).toMatch(/tensorflux\.python\.ops\s+tensorflux\s+prefix tensorflux\.python/);
    // The first target (by name) is tensorflux._core; its names level gives the reason whole.
    await keys(stdin, '\r');
    expect(lastFrame()).toContain("reason: private segment '_core' in tensorflux._core");
  });

  it('wraps the overview counts onto a second line rather than losing the external packages', () => {
    for (const columns of [80, 100]) {
      const { lastFrame } = render(<App data={sampleData()} size={{ columns, rows: 30 }} />);
      expect(lastFrame()).toContain('9 external packages');
    }
  });
});

describe('overview height', () => {
  it('fills 80x24 with many components and the summary wrapped, keeping the parse errors line', async () => {
    const data = sampleData('kerasish');
    const components = [...data.result.components, ...Array.from({ length: 12 }, (_, i) => ({ name: `extra${i}`, source: 'top-level' as const, prefixes: [], modules: 0 }))];
    const { lastFrame } = render(<App data={{ ...data, result: { ...data.result, components } }} size={SIZE} />);
    await keys({ write: () => {} });
    const frame = lines(lastFrame());
    expect(frame.length).toBeLessThanOrEqual(24);
    expect(lastFrame()).toContain('9 external packages');
    expect(lastFrame()).toContain('Parse errors: 1, first kerasish/src/kerasish/legacy.py:7');
    expect(lastFrame()).toMatch(/\d+\/15/);
    // Every row left is the list's: its 3 real components, the first extra one and the position.
    expect(lastFrame()).toContain('extra0');
    expect(frame).toHaveLength(23);
  });
});

describe('footerKeys', () => {
  const screen = [
    { keys: 'enter', does: 'focus the extraction on a component' },
    { keys: 'c', does: 'cycles' },
    { keys: 'p', does: 'private imports' },
  ];

  it("lists the screen's keys, then q quit, then ? help when they fit", () => {
    expect(footerKeys(screen, 120)).toBe('enter focus the extraction on a component  c cycles  p private imports  q quit  ? help');
  });

  it('drops whole keys from the end, never `? help` and never mid-word', () => {
    expect(footerKeys(screen, 80)).toBe('enter focus the extraction on a component  c cycles  p private imports  ? help');
    expect(footerKeys(screen, 60)).toBe('enter focus the extraction on a component  c cycles  ? help');
    expect(footerKeys(screen, 20)).toBe('? help');
  });

  it('offers neither ? nor q while a screen takes text', () => {
    expect(footerKeys([{ keys: 'enter', does: 'accept' }, { keys: 'esc', does: 'cancel' }], 80, true)).toBe('enter accept  esc cancel');
  });
});
