/**
 * Inline suppression comments as the parse stage reads them. Expected values are
 * written by hand from the sources below: the comment's own line, the line of the
 * first token of the import it sits on (the RawImport's `line`), its rules and reason.
 */
import { describe, expect, it } from 'vitest';
import { parseModule } from '../../src/parse/extract.js';
import { parseSuppression } from '../../src/parse/suppression-comments.js';

const suppressionsOf = (source: string) => parseModule(source).suppressions;

describe('parseSuppression: the comment forms', () => {
  it.each([
    ['# pyseam: ignore[private-import] vendored copy', ['private-import'], 'vendored copy'],
    ['#pyseam:ignore[private-import]   spaced   ', ['private-import'], 'spaced'],
    ['# pyseam: ignore[private-import, contract] two rules', ['private-import', 'contract'], 'two rules'],
    ['# pyseam: ignore[private-import,contract]', ['private-import', 'contract'], ''],
    ['# pyseam: ignore[private-import] -- after a separator', ['private-import'], 'after a separator'],
    ['# noqa: F401  # pyseam: ignore[private-import] after another marker', ['private-import'], 'after another marker'],
    ['# pyseam: ignore[private-import] reason  # type: ignore', ['private-import'], 'reason'],
  ])('%s', (comment, rules, reason) => {
    expect(parseSuppression(comment)).toEqual({ rules, reason });
  });

  it.each([
    ['# a plain comment'],
    ['# pyseam: ignore private-import (no bracket)'],
    ['# pyseam: ignore[] empty'],
    ['# pyseam: check[private-import] another verb'],
  ])('%s is not a suppression', (comment) => {
    expect(parseSuppression(comment)).toBeNull();
  });
});

describe('suppressions in ModuleFacts', () => {
  it('ties a trailing comment to the import on its line', () => {
    const source = [
      'import os',
      'from a._b import c  # pyseam: ignore[private-import] needed for the v1 API',
    ].join('\n');
    expect(suppressionsOf(source)).toEqual([
      { line: 2, statementLine: 2, rules: ['private-import'], reason: 'needed for the v1 API' },
    ]);
    expect(parseModule(source).imports[1].line).toBe(2);
  });

  it('ties a comment on any line of a multi-line statement to its first line', () => {
    const source = [
      'x = 1',
      'from a._b import (  # pyseam: ignore[private-import] on the first line',
      '    c,',
      '    d,  # pyseam: ignore[private-import] on a middle line',
      ')  # pyseam: ignore[private-import] on the closing line',
      'from e._f import \\',
      '    g  # pyseam: ignore[private-import] after a continuation',
    ].join('\n');
    expect(suppressionsOf(source).map((s) => [s.line, s.statementLine])).toEqual([[2, 2], [4, 2], [5, 2], [7, 6]]);
  });

  it('covers import calls and every statement of a line', () => {
    const source = [
      'import importlib',
      'm = importlib.import_module(',
      '    "a._b")  # pyseam: ignore[private-import] plugin',
      'import a._x; import b._y  # pyseam: ignore[private-import] both',
    ].join('\n');
    expect(suppressionsOf(source).map((s) => [s.line, s.statementLine])).toEqual([[3, 2], [4, 4]]);
  });

  it('keeps a comment on no import, with statementLine null', () => {
    const source = [
      '# pyseam: ignore[private-import] above the import, not on it',
      'from a._b import c',
      'x = 1  # pyseam: ignore[private-import] on an assignment',
    ].join('\n');
    expect(suppressionsOf(source)).toEqual([
      { line: 1, statementLine: null, rules: ['private-import'], reason: 'above the import, not on it' },
      { line: 3, statementLine: null, rules: ['private-import'], reason: 'on an assignment' },
    ]);
  });

  it('ignores other comments and the marker inside strings', () => {
    const source = [
      'import os  # noqa: F401',
      'from a._b import c  # type: ignore[attr-defined]',
      's = "# pyseam: ignore[private-import] in a string"',
      'def f():',
      '    from a._b import c  # pyseam: ignore[private-import] nested',
    ].join('\n');
    expect(suppressionsOf(source)).toEqual([{ line: 5, statementLine: 5, rules: ['private-import'], reason: 'nested' }]);
  });
});
