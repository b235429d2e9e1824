/**
 * The `github` reporter: one workflow command per violation, escaped as GitHub's docs and
 * @actions/core's `escapeData` / `escapeProperty` say (`%` `\r` `\n` everywhere; `:` `,` in
 * properties). Expectations are hand-written from the mocks.
 */
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderGithub } from '../../src/report/github.js';
import { render } from '../../src/report/index.js';
import type { AnalysisResult } from '../../src/result.js';
import { cyclesAndPrivate } from './mocks/cycles-and-private.js';
import { everythingFine } from './mocks/everything-fine.js';

describe('github report', () => {
  it('prints nothing for a clean project', () => {
    expect(renderGithub(everythingFine)).toBe('');
  });

  it('prints one annotation per violation: 29 private imports, 3 cycles as errors; 2 problems as warnings', () => {
    const lines = renderGithub(cyclesAndPrivate).split('\n').filter(Boolean);
    expect(lines).toHaveLength(34);
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(32);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(2);
    expect(lines[0]).toBe('::error file=keras/src/a.py,line=4,col=1,title=pyseam private-import::'
      + 'keras.src.a imports private tensorflow.python.ops (array_ops, math_ops): declared private prefix tensorflow.python; '
      + 'tensorflow.python.ops is owned by tensorflow, keras.src.a by keras');
    expect(lines).toContain('::error file=src/app/a.py,line=12,col=1,title=pyseam import-cycle::'
      + 'import cycle of 3 modules (app.a, app.b, app.c): app.a -> app.b -> app.c -> app.a');
    expect(lines).toContain('::warning file=src/app/broken.py,line=3,col=8,title=pyseam parse-error::src/app/broken.py does not parse: invalid syntax');
  });

  it('escapes messages and properties', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
    expect(escapeProperty('a,b:c%d\ne')).toBe('a%2Cb%3Ac%25d%0Ae');
    const odd: AnalysisResult = { ...everythingFine, parseErrors: [{ file: 'x,y:z%.py', line: 2, column: 3, message: 'bad\nthing 100%' }] };
    expect(renderGithub(odd)).toBe('::warning file=x%2Cy%3Az%25.py,line=2,col=3,title=pyseam parse-error::x,y:z%25.py does not parse: bad%0Athing 100%25\n');
  });

  it('is registered as --format github', () => {
    expect(render('github', cyclesAndPrivate, { color: true })).toBe(renderGithub(cyclesAndPrivate));
  });
});
