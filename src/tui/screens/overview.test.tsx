// The overview of samples/monorepo. Expected figures come from the hand-checked sample
// (test/samples/monorepo.expected.ts): 26 files, three cycles (largest 3 modules:
// kerasish.callbacks -> models -> training), components kerasish, tensorflux and tools, and the
// most-imported private module tensorflux.python.ops (kerasish.training:3 and nothing else
// names it... see the list there), one parse error in kerasish/legacy.py at line 7.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { sampleData, settle, SIZE } from '../../../test/tui/sample-data.js';
import { App } from '../App.js';


describe('overview screen', () => {
  it('shows the counts, the components, the largest cycles and the parse error', () => {
    const { lastFrame } = render(<App data={sampleData()} size={SIZE} />);
    const frame = lastFrame()!;
    expect(frame).toContain('26 files');
    expect(frame).toContain('3 cycles (largest 3 modules)');
    expect(frame).toMatch(/kerasish\s+8\s/);
    expect(frame).toMatch(/tools\s+\d+\s/);
    expect(frame).toMatch(/3\s+kerasish\.callbacks/);
    expect(frame).toMatch(/2\s+kerasish\.backend/);
    expect(frame).toContain('kerasish/src/kerasish/legacy.py:7');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('focuses the extraction on the selected component with enter, and clears it with a second enter', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    stdin.write('\r');
    await settle();
    expect(lastFrame()).toContain('Focus kerasish: needs');
    expect(lastFrame()).toMatch(/\*kerasish/);
    stdin.write('\r');
    await settle();
    expect(lastFrame()).toContain('No focus');
  });

  it('moves between screens with tab and numbers, shows help with ? and quits with q', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    stdin.write('?');
    await settle();
    expect(lastFrame()).toContain('Keys (Overview screen)');
    expect(lastFrame()).toContain('focus the extraction on a component');
    stdin.write('x');
    await settle();
    expect(lastFrame()).not.toContain('Keys (');
  });
});
