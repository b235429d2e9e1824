/**
 * The `junit` report: JUnit XML for GitLab's and Jenkins's test-report views.
 *
 *   <testsuites name="pyseam" tests="T" failures="F">
 *     <testsuite name="pyseam.private-import" tests="N" failures="N" errors="0" skipped="0" time="0">
 *       <testcase classname="pyseam.private-import" name="KEY" file="keras/src/a.py" time="0">
 *         <failure type="private-import" message="MESSAGE">keras/src/a.py:4:1: MESSAGE</failure>
 *       </testcase>
 *     </testsuite>  (one per rule, always all four)
 *   </testsuites>
 *
 * One test case per violation, named by its stable key (violations.ts), not
 * one per rule holding every failure: GitLab and Jenkins show one `<failure>`
 * per test case, GitLab keeps only the first of test cases with equal names
 * and compares them by name between the merge request's base and head (GitLab
 * docs, "Unit test reports"), so unique, line-free names let both follow a
 * violation across pipelines. GitLab shows `classname` as the suite and the
 * failure's text, not its `message` attribute, so the text repeats the
 * message after `file:line:column`. A rule without violations gets one
 * passing test case, `no <rule> violations`, so each suite shows up green.
 * Text is XML 1.0 escaped; characters XML 1.0 forbids become U+FFFD.
 */
import type { AnalysisResult } from '../result.js';
import { chain, RULE_IDS, violations, type Violation } from './violations.js';

/** XML 1.0 text or attribute value: `& < > " '` escaped, forbidden characters replaced. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const attrs = (pairs: Record<string, string | number>): string =>
  Object.entries(pairs).map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`).join('');

function testcase(v: Violation): string[] {
  const body = [`${v.file}:${v.line}:${v.column}: ${v.message}`];
  for (const hop of v.related) body.push(`${hop.file}:${hop.line}:${hop.column}: ${chain([hop])}`);
  return [
    `    <testcase${attrs({ classname: `pyseam.${v.rule}`, name: v.key, file: v.file, time: 0 })}>`,
    `      <failure${attrs({ type: v.rule, message: v.message })}>${xmlEscape(body.join('\n'))}</failure>`,
    '    </testcase>',
  ];
}

export function renderJunit(result: AnalysisResult): string {
  const all = violations(result);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'pyseam', tests: RULE_IDS.reduce((n, id) => n + Math.max(1, all.filter((v) => v.rule === id).length), 0), failures: all.length })}>`,
  ];
  for (const id of RULE_IDS) {
    const found = all.filter((v) => v.rule === id);
    const suite = `pyseam.${id}`;
    lines.push(`  <testsuite${attrs({ name: suite, tests: Math.max(1, found.length), failures: found.length, errors: 0, skipped: 0, time: 0 })}>`);
    if (found.length === 0) lines.push(`    <testcase${attrs({ classname: suite, name: `no ${id} violations`, time: 0 })}/>`);
    for (const v of found) lines.push(...testcase(v));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
