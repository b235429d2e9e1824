// `pyseam tui` outside a terminal and with saved reports: the real bin/pyseam, spawned with
// pipes (so neither standard input nor output is a terminal). Every refusal exits 2 with a
// message naming the flag; the interactive run itself is driven under tmux in test/tui-e2e.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSavedReport } from '../../src/commands/tui.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const pyseam = (...args: string[]) => {
  const r = spawnSync('node', ['bin/pyseam', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'pyseam-tui-'));

describe('pyseam tui (CLI)', () => {
  it('exits 2 when standard output is not a terminal, before analyzing', () => {
    const r = pyseam('tui', 'samples/monorepo');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('pyseam: tui: standard output is not a terminal; the UI needs one (for a report use `pyseam analyze --format json`)\n');
    expect(r.stdout).toBe('');
  });

  it('opens a saved report: it reads back the JSON analyze wrote, then still needs a terminal', () => {
    const file = join(tmp(), 'report.json');
    const written = pyseam('analyze', 'samples/monorepo', '--format', 'json', '--output', file);
    expect(written.status).toBe(0);
    const result = readSavedReport(file);
    expect(result.summary.modules).toBe(27);
    expect(result.cycles.map((c) => c.modules.length)).toEqual([3, 2, 2]);
    const r = pyseam('tui', '--report', file, 'samples/monorepo');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('standard output is not a terminal');
  });

  it('refuses a report written by another schema version, naming both versions', () => {
    const file = join(tmp(), 'old.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 0, summary: {} }));
    const r = pyseam('tui', '--report', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`pyseam: --report ${file}: written with report schema version 0; this pyseam reads version 1: run \`pyseam analyze --format json\` again\n`);
  });

  it('refuses a file that is not JSON, a missing file, and JSON that is not a report', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion": 1,');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ schemaVersion: 1, hello: 'world' }));
    const bad = pyseam('tui', '--report', join(dir, 'bad.json'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^pyseam: --report .*bad\.json: cannot read a JSON report: /);
    const missing = pyseam('tui', '--report', join(dir, 'missing.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read a JSON report: ENOENT/);
    const other = pyseam('tui', '--report', join(dir, 'other.json'));
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/other\.json: not a pyseam report: .*is required/);
  });
});
