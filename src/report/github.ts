/**
 * The `github` report: GitHub Actions workflow commands, one line per
 * violation (see violations.ts), which the runner turns into annotations on
 * the pull request's diff:
 *
 *   ::error file=keras/src/a.py,line=4,col=1,title=pyseam private-import::keras.src.a imports private ...
 *   ::warning file=src/app/broken.py,line=3,col=8,title=pyseam parse-error::src/app/broken.py does not parse: ...
 *
 * Syntax and escaping from GitHub's "Workflow commands for GitHub Actions"
 * (`::error file={name},line={line},col={col},title={title}::{message}`) and
 * the runner's reference implementation, `@actions/core`'s `command.ts`: in the
 * message `%`, `\r` and `\n` become `%25`, `%0D`, `%0A`; in a property value
 * `:` and `,` also become `%3A`, `%2C`. `file` is relative to PATH, which is
 * right when the workflow analyzes the checkout's root.
 *
 * A clean result gives no output at all.
 */
import type { AnalysisResult } from '../result.js';
import { violations } from './violations.js';

/** Escapes a command's message (`escapeData` in @actions/core). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property's value (`escapeProperty` in @actions/core). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithub(result: AnalysisResult): string {
  return violations(result).map((v) => {
    const props = [
      `file=${escapeProperty(v.file)}`, `line=${v.line}`, `col=${v.column}`, `title=${escapeProperty(`pyseam ${v.rule}`)}`,
    ].join(',');
    return `::${v.level} ${props}::${escapeData(v.message)}\n`;
  }).join('');
}
