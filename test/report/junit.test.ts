/**
 * The `junit` reporter: well-formed XML, checked by parsing it back with Python's
 * xml.etree.ElementTree (an independent XML parser), and the counts the mocks imply:
 * cycles-and-private has 29 private-import sites, 3 cycles, 1 parse error, 1 import error.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { renderJunit, xmlEscape } from '../../src/report/junit.js';
import type { AnalysisResult } from '../../src/result.js';
import { cyclesAndPrivate } from './mocks/cycles-and-private.js';
import { everythingFine } from './mocks/everything-fine.js';

/** Per suite: name, tests and failures attributes, test cases counted, failures counted, and each failure's text and file. */
const READ = `
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
out = {'root': [root.tag, root.get('tests'), root.get('failures')], 'suites': []}
for s in root.iter('testsuite'):
    cases = list(s.iter('testcase'))
    out['suites'].append({'name': s.get('name'), 'tests': s.get('tests'), 'failures': s.get('failures'),
        'cases': len(cases), 'failed': [[c.get('name'), c.get('file'), c.find('failure').text] for c in cases if c.find('failure') is not None]})
print(json.dumps(out))
`;
interface Parsed { root: string[]; suites: { name: string; tests: string; failures: string; cases: number; failed: [string, string, string][] }[] }
const parseBack = (xml: string): Parsed => JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ], { input: xml, encoding: 'utf8' })) as Parsed;

describe('junit report', () => {
  it('has four passing suites for a clean project', () => {
    const parsed = parseBack(renderJunit(everythingFine));
    expect(parsed.root).toEqual(['testsuites', '4', '0']);
    expect(parsed.suites.map((s) => [s.name, s.tests, s.failures, s.cases, s.failed.length])).toEqual([
      ['pyseam.private-import', '1', '0', 1, 0], ['pyseam.import-cycle', '1', '0', 1, 0],
      ['pyseam.parse-error', '1', '0', 1, 0], ['pyseam.import-error', '1', '0', 1, 0],
    ]);
  });

  it('has one failing test case per violation, with file:line:column', () => {
    const parsed = parseBack(renderJunit(cyclesAndPrivate));
    expect(parsed.root).toEqual(['testsuites', '34', '34']);
    expect(parsed.suites.map((s) => [s.name, s.tests, s.failures, s.cases, s.failed.length])).toEqual([
      ['pyseam.private-import', '29', '29', 29, 29], ['pyseam.import-cycle', '3', '3', 3, 3],
      ['pyseam.parse-error', '1', '1', 1, 1], ['pyseam.import-error', '1', '1', 1, 1],
    ]);
    const names = parsed.suites.flatMap((s) => s.failed.map((f) => f[0]));
    expect(new Set(names).size).toBe(34);
    const [name, file, text] = parsed.suites[0].failed[1];
    expect([name, file]).toEqual(['private-import keras.src.b jax._src.core Tracer', 'keras/src/b.py']);
    expect(text).toBe("keras/src/b.py:2:1: keras.src.b imports private jax._src.core (Tracer) [type-checking]: private segment '_src' in jax._src.core; jax._src.core is owned by jax, keras.src.b by keras");
    expect(parsed.suites[1].failed[1][2]).toBe('src/app/a.py:12:1: import cycle of 3 modules (app.a, app.b, app.c): app.a -> app.b -> app.c -> app.a\n'
      + 'src/app/b.py:1:1: app.b -> app.c\nsrc/app/c.py:4:1: app.c -> app.a');
  });

  it('escapes markup and replaces characters XML forbids', () => {
    expect(xmlEscape('a<b>&"c\'\u0001\t')).toBe('a&lt;b&gt;&amp;&quot;c&apos;\uFFFD\t');
    const odd: AnalysisResult = { ...everythingFine, parseErrors: [{ file: 'a&<"b>.py', line: 1, column: 2, message: "bad ]]> \u0007 'x'" }] };
    const [, file, text] = parseBack(renderJunit(odd)).suites[2].failed[0];
    expect(file).toBe('a&<"b>.py');
    expect(text).toBe("a&<\"b>.py:1:2: a&<\"b>.py does not parse: bad ]]> \uFFFD 'x'");
  });

  it('is registered as --format junit', () => {
    expect(render('junit', cyclesAndPrivate, { color: true })).toBe(renderJunit(cyclesAndPrivate));
  });
});
