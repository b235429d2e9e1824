// `pyseam tui` in a real terminal: tmux runs bin/pyseam on samples/monorepo at 80x24, keys go in
// with send-keys and the screens come back with capture-pane. The walk follows the issue: the
// overview, a cycle down to a hop's source line, a search, a what-if cut, resize, help, quit.
// Expected facts are the sample's hand-checked ones (test/samples/monorepo.expected.ts): 26
// files, 3 cycles (the ring kerasish.callbacks -> models -> training -> callbacks, whose first hop
// is callbacks.py:2 `from kerasish.models import Model`), 5 private imports.
// The walk runs with CI=true, as a CI job sets it: ink would then draw only its last frame at
// exit (the UI stayed blank on CI once); `pyseam tui` has checked for a terminal and ignores it.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, TmuxSession } from '../scripts/tmux.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const sessions: TmuxSession[] = [];
// The tmux server inherits vitest's NO_COLOR=1: the coloured run unsets it.
const start = (env: Record<string, string>, columns = 80, rows = 24) => {
  const command = `${env.NO_COLOR ? '' : 'env -u NO_COLOR '}node bin/pyseam tui samples/monorepo`;
  const s = TmuxSession.start(command, { columns, rows, cwd: repo, env });
  sessions.push(s);
  return s;
};
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

describe.skipIf(!hasTmux())('pyseam tui in a real terminal (tmux)', () => {
  it('walks overview, a cycle hop and its source line, search, a what-if cut, resize, help and quit', async () => {
    const t = start({ NO_COLOR: '1', CI: 'true' });
    let { screen } = await t.waitFor('26 files, 27 modules');
    expect(screen).toContain('3 cycles (largest 3 modules), 5 private imports');
    expect(screen.split('\n')[0]).toMatch(/1 Overview\s+2 Cycles\s+3 Private\s+4 Modules\s+5 Path\s+6 Clusters\s+7 What-if/);

    t.keys('2');
    await t.waitFor(/Cycle|cycles/);
    t.keys('Enter');
    ({ screen } = await t.waitFor('from kerasish.models import Model'));
    expect(screen).toMatch(/-> kerasish\.models\s+callbacks\.py:2/);
    expect(screen).toContain('kerasish/src/kerasish/callbacks.py:2');

    t.keys('x');
    ({ screen } = await t.waitFor('[1 cut]'));

    t.keys('4', '/');
    t.text('trainin');
    t.keys('Enter', 'Enter');
    ({ screen } = await t.waitFor('path: kerasish/src/kerasish/training.py'));
    expect(screen).toContain('in a cycle of 3 modules');

    t.keys('7');
    ({ screen } = await t.waitFor(/Cycles\s+3 -> 2/));
    expect(screen).toMatch(/kerasish\.callbacks -> kerasish\.models/);

    // Resized, the screen is laid out again: the footer moves down to the new last row but one.
    t.resize(100, 30);
    ({ screen } = await t.waitFor((s) => s.split('\n')[28]?.includes('q quit') ?? false));
    expect(screen.split('\n')[0]).toMatch(/^ 1 Overview/);

    t.keys('?');
    await t.waitFor('Keys (What-if screen)');
    t.keys('Escape');
    await t.waitFor(/Cycles\s+3 -> 2/);
    t.keys('q');
    ({ screen } = await t.waitFor('[exit 0]'));
    expect(screen).not.toContain('1 Overview');
  });

  it('has colour by default and none under NO_COLOR', async () => {
    const coloured = start({ TERM: 'xterm-256color', COLORTERM: 'truecolor' });
    await coloured.waitFor('26 files, 27 modules');
    expect(coloured.capture(true)).toMatch(/\u001b\[(3[1-7]|9[1-7]|38;)/);
    const plain = start({ NO_COLOR: '1' });
    await plain.waitFor('26 files, 27 modules');
    expect(plain.capture(true)).not.toMatch(/\u001b\[(3[1-7]|9[1-7]|38;)/);
  });

  it('exits 2 with a message when standard output is not a terminal', async () => {
    const t = TmuxSession.start('node bin/pyseam tui samples/monorepo | cat', { columns: 80, rows: 24, cwd: repo });
    sessions.push(t);
    const { screen } = await t.waitFor('[exit');
    expect(screen).toContain('pyseam: tui: standard output is not a terminal');
  });
});
