/**
 * applySuppressions on hand-written findings and comments:
 *   app/a.py:3  from tf.python.ops import array_ops      (private; comment on line 3 with a reason)
 *   app/a.py:7  import tf.python.eager, tf.python.util    (two private records on one statement; comment on line 8, same statement)
 *   app/b.py:2  from jax._src import core                 (private; comment without a reason)
 *   app/b.py:9  a comment on no import; app/b.py:12 a comment on a public import
 *   app/c.py:4  from jax._src import api                  (private; comment for `contract` only)
 */
import { describe, expect, it } from 'vitest';
import { applySuppressions, type FileSuppression } from '../../src/graph/suppressions.js';
import type { PrivateImportRecord } from '../../src/result.js';

const priv = (file: string, line: number, target: string): PrivateImportRecord => ({
  importer: file.replace(/\.py$/, '').replaceAll('/', '.'), file, line, column: 1, target, names: [], reason: 'private',
  importerOwner: 'app', targetOwner: target.split('.')[0], typeChecking: false, lazy: false, dynamic: false,
});
const sup = (file: string, line: number, statementLine: number | null, reason: string, rules = ['private-import']): FileSuppression =>
  ({ file, line, statementLine, rules, reason });

const findings = [
  priv('app/a.py', 3, 'tf.python.ops'),
  priv('app/a.py', 7, 'tf.python.eager'),
  priv('app/a.py', 7, 'tf.python.util'),
  priv('app/b.py', 2, 'jax._src'),
  priv('app/c.py', 4, 'jax._src'),
];
const comments = [
  sup('app/a.py', 3, 3, 'vendored'),
  sup('app/a.py', 8, 7, 'eager internals'),
  sup('app/b.py', 2, 2, ''),
  sup('app/b.py', 9, null, 'left behind'),
  sup('app/b.py', 12, 12, 'was private once'),
  sup('app/c.py', 4, 4, 'a contract exception', ['contract']),
];

describe('applySuppressions', () => {
  const applied = applySuppressions(findings, comments, { requireReason: true });

  it('moves each private import of a suppressed statement to suppressed, with the comment line and reason', () => {
    expect(applied.suppressed.map((s) => [s.file, s.line, s.target, s.suppressionLine, s.suppressionReason])).toEqual([
      ['app/a.py', 3, 'tf.python.ops', 3, 'vendored'],
      ['app/a.py', 7, 'tf.python.eager', 8, 'eager internals'],
      ['app/a.py', 7, 'tf.python.util', 8, 'eager internals'],
    ]);
  });

  it('keeps the rest: the reasonless one and the one suppressed for another rule', () => {
    expect(applied.privateImports.map((p) => [p.file, p.line])).toEqual([['app/b.py', 2], ['app/c.py', 4]]);
  });

  it('reports a missing reason and stale suppressions, at the comment line', () => {
    expect(applied.problems.map((p) => [p.file, p.line, p.kind])).toEqual([
      ['app/b.py', 2, 'no-reason'],
      ['app/b.py', 9, 'stale'],
      ['app/b.py', 12, 'stale'],
    ]);
    expect(applied.problems[1].message).toContain('on no import statement');
    expect(applied.problems[2].message).toContain('matches no private import');
  });

  it('lets a reasonless suppression silence when reasons are not required', () => {
    const loose = applySuppressions(findings, comments, { requireReason: false });
    expect(loose.privateImports.map((p) => [p.file, p.line])).toEqual([['app/c.py', 4]]);
    expect(loose.suppressed.find((s) => s.file === 'app/b.py')?.suppressionReason).toBe('');
    expect(loose.problems.map((p) => p.kind)).toEqual(['stale', 'stale']);
  });

  it('judges staleness against the unfiltered findings when given', () => {
    const filtered = findings.filter((p) => p.file !== 'app/a.py' || p.line !== 3);
    const r = applySuppressions(filtered, comments, { requireReason: true, all: findings });
    expect(r.problems.filter((p) => p.file === 'app/a.py')).toEqual([]);
    expect(r.suppressed.map((s) => s.line)).toEqual([7, 7]);
    const without = applySuppressions(filtered, comments, { requireReason: true });
    expect(without.problems.filter((p) => p.file === 'app/a.py').map((p) => [p.line, p.kind])).toEqual([[3, 'stale']]);
  });
});
