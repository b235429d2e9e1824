/**
 * The text report's suppression lines on the hand-written mock (mocks/cycles-and-private.ts:
 * one suppressed import at keras/src/e.py:5, a no-reason problem at keras/src/b.py:2 and a
 * stale one at keras/src/e.py:9); the all-clear mock has none.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { cyclesAndPrivate } from './mocks/cycles-and-private.js';
import { everythingFine } from './mocks/everything-fine.js';

describe('text report: suppressions', () => {
  const lines = renderText(cyclesAndPrivate, { color: false }).split('\n');

  it('counts them in the summary', () => {
    // Values right-aligned with the widest label ('non-literal dynamic imports', 27) and value (29, two digits).
    expect(lines).toContain(`  ${'suppressed'.padEnd(27)}   1 (private import sites silenced inline, not counted)`);
    expect(lines).toContain(`  ${'suppression problems'.padEnd(27)}   2 (stale, or without a reason)`);
  });

  it('lists the suppressed import with its reason, then the problems', () => {
    const at = lines.indexOf('Suppressed private imports (1)');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at, at + 6)).toEqual([
      'Suppressed private imports (1)',
      '  keras/src/e.py:5:1  tensorflow.python.eager (context)  reason: no public API yet',
      '',
      'Suppression problems (2)',
      '  keras/src/b.py:2  no-reason: suppression without a reason: write why after ignore[private-import]; it silences nothing until then',
      '  keras/src/e.py:9  stale: stale suppression: ignore[private-import] is on no import statement',
    ]);
  });

  it('says nothing about suppressions when there are none', () => {
    expect(renderText(everythingFine, { color: false })).not.toMatch(/^(Suppress|  suppress)/m);
  });
});
