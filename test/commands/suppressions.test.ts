/**
 * Inline suppressions through the real `bin/pyseam` in a temporary directory.
 * The tree (two top-level packages, so `lib` owns `lib._impl`):
 *   lib/__init__.py, lib/_impl.py
 *   app/__init__.py
 *   app/main.py:  line 1  from lib._impl import helper   # with or without a suppression
 *                 line 2  import os                      # a stale suppression in one case
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/validate.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function project(main: string, config = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'pyseam-suppress-'));
  for (const pkg of ['lib', 'app']) mkdirSync(join(dir, pkg));
  writeFileSync(join(dir, 'lib/__init__.py'), '');
  writeFileSync(join(dir, 'lib/_impl.py'), 'def helper():\n    pass\n');
  writeFileSync(join(dir, 'app/__init__.py'), '');
  writeFileSync(join(dir, 'app/main.py'), main);
  if (config) writeFileSync(join(dir, 'pyseam.toml'), config);
  return dir;
}

const pyseam = (...args: string[]) => {
  const r = spawnSync('node', [join(repo, 'bin/pyseam'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('pyseam analyze with inline suppressions', () => {
  it('fails on the private import without a suppression (the control case)', () => {
    const r = pyseam('analyze', project('from lib._impl import helper\nimport os\n'), '--fail-on-private-import');
    expect(r.status).toBe(1);
  });

  it('passes once the only private import is suppressed with a reason, lists it, and reports a stale one', () => {
    const dir = project('from lib._impl import helper  # pyseam: ignore[private-import] until lib exports helper\nimport os  # pyseam: ignore[private-import] left over\n');
    const text = pyseam('analyze', dir, '--fail-on-private-import');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('  app/main.py:1:1  lib._impl (helper)  reason: until lib exports helper');
    expect(text.stdout).toContain('  app/main.py:2  stale: stale suppression: ignore[private-import] matches no private import on this statement');

    const json = pyseam('analyze', dir, '--format', 'json');
    const result = JSON.parse(json.stdout);
    expect(validateReport(result)).toEqual([]);
    expect(result.privateImports).toEqual([]);
    expect(result.suppressed.map((s: { file: string; line: number; target: string; suppressionReason: string }) => [s.file, s.line, s.target, s.suppressionReason]))
      .toEqual([['app/main.py', 1, 'lib._impl', 'until lib exports helper']]);
    expect(result.suppressionProblems.map((p: { line: number; kind: string }) => [p.line, p.kind])).toEqual([[2, 'stale']]);
    expect([result.summary.privateImports, result.summary.suppressed, result.summary.suppressionProblems]).toEqual([0, 1, 1]);
  });

  it('check passes on a suppressed private import', () => {
    const dir = project('from lib._impl import helper  # pyseam: ignore[private-import] until lib exports helper\n');
    expect(pyseam('check', dir).status).toBe(0);
    expect(pyseam('check', project('from lib._impl import helper\n')).status).toBe(1);
  });

  it('a suppression without a reason silences nothing, unless suppression-reason = false', () => {
    const main = 'from lib._impl import (  # pyseam: ignore[private-import]\n    helper,\n)\n';
    const strict = pyseam('analyze', project(main), '--fail-on-private-import');
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('  app/main.py:1  no-reason: suppression without a reason');
    const loose = pyseam('analyze', project(main, 'suppression-reason = false\n'), '--fail-on-private-import');
    expect(loose.status).toBe(0);
    expect(loose.stdout).toContain('  app/main.py:1:1  lib._impl (helper)  no reason given');
  });
});
