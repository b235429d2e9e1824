// The report cache (src/commands/report-cache.ts) through the real bin/pyseam: `pyseam analyze` run
// again on the same inputs replays the report it wrote. The oracle for every run, replayed or not, is
// the same command with `--no-cache --jobs 1` on the tree as it is then (nothing cached, nothing
// replayed): standard output, standard error (but the stats line) and the exit status must be its own.
// PYSEAM_STATS=1 makes the CLI say whether the report was replayed (`; report replayed`).
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const ENV = { ...process.env, NO_COLOR: '1', PYSEAM_STATS: '1' };
const pyseam = (...args: string[]) => {
  const r = spawnSync('node', ['bin/pyseam', ...args], { cwd: repo, encoding: 'utf8', env: ENV });
  const stats = /^pyseam: stats: .*$/m.exec(r.stderr)?.[0] ?? '';
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^pyseam: stats: .*\n/m, ''), replayed: stats.endsWith('; report replayed'), stats };
};
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
/** A copy of samples/monorepo in a temporary directory. */
const sampleCopy = (): string => {
  const top = mkdtempSync(join(tmpdir(), 'pyseam-report-'));
  made.push(top);
  const dir = join(top, 'monorepo');
  cpSync(join(repo, 'samples/monorepo'), dir, { recursive: true, filter: (src) => !src.includes('.pyseam_cache') });
  return dir;
};
/** `pyseam analyze DIR ...args` with the cache, and its oracle: the same without cache, on one thread. */
const both = (dir: string, ...args: string[]) => {
  const run = pyseam('analyze', dir, ...args);
  const oracle = pyseam('analyze', dir, ...args, '--no-cache', '--jobs', '1');
  expect(oracle.replayed).toBe(false);
  expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: oracle.status, stdout: oracle.stdout, stderr: oracle.stderr });
  return run;
};
const reports = (dir: string) => readdirSync(join(dir, '.pyseam_cache')).filter((f) => f.startsWith('report-'));
const CORE = 'kerasish/src/kerasish/layers/core.py';

describe('the report cache', () => {
  it('a second run on the same tree replays the report, its gate lines and its exit status', () => {
    const dir = sampleCopy();
    const args = ['--format', 'json', '--fail-on-private-import'];
    const first = both(dir, ...args);
    expect(first.replayed).toBe(false);
    expect(first.status).toBe(1);
    // The sample's five private imports (samples/monorepo/README.md lists them).
    expect(first.stderr).toBe('pyseam: --fail-on-private-import: 5 private imports\n');
    expect(reports(dir)).toHaveLength(1);
    const second = both(dir, ...args);
    expect(second.replayed).toBe(true);
    expect(second.stdout).toBe(first.stdout);
  });

  it('replays the warnings the analysis gave, and --quiet still silences them', () => {
    const dir = sampleCopy();
    const args = ['--private', 'nowhere.at_all'];
    const first = both(dir, ...args);
    expect(first.stderr).toBe('pyseam: warning: private prefix nowhere.at_all matches no module and no import\n');
    expect(both(dir, ...args).replayed).toBe(true);
    const quiet = both(dir, ...args, '--quiet');
    expect(quiet.stdout + quiet.stderr).toBe('');
    expect(both(dir, ...args, '--quiet').replayed).toBe(true);
  });

  it('an edit that leaves the imports as they were replays; an edited import does not', () => {
    const dir = sampleCopy();
    const text = readFileSync(join(dir, CORE), 'utf8');
    both(dir, '--format', 'json');
    appendFileSync(join(dir, CORE), '\n# a comment, and a function that imports nothing\ndef f():\n    return 1\n');
    const commented = both(dir, '--format', 'json');
    expect(commented.replayed).toBe(true);
    expect(commented.stats).toContain('1 parsed');
    appendFileSync(join(dir, CORE), 'from kerasish import models\n');
    const imported = both(dir, '--format', 'json');
    expect(imported.replayed).toBe(false);
    expect(JSON.parse(imported.stdout).edges.some((e: { from: string; to: string }) => e.from === 'kerasish.layers.core' && e.to === 'kerasish.models')).toBe(true);
    // Back to the first text (as after switching back to a branch): its facts are the first run's, and so is its report.
    writeFileSync(join(dir, CORE), text);
    expect(both(dir, '--format', 'json').replayed).toBe(true);
  });

  it('a new file, a renamed file, a changed config or other flags analyze again', () => {
    const dir = sampleCopy();
    both(dir);
    writeFileSync(join(dir, 'kerasish/src/kerasish/extra.py'), '');
    expect(both(dir).replayed).toBe(false);
    renameSync(join(dir, 'kerasish/src/kerasish/extra.py'), join(dir, 'kerasish/src/kerasish/extra2.py'));
    expect(both(dir).replayed).toBe(false);
    appendFileSync(join(dir, 'pyseam.toml'), 'check-stdlib = true\n');
    expect(both(dir).replayed).toBe(false);
    expect(both(dir).replayed).toBe(true);
    // Neither the threads nor --quiet decide the report: replayed.
    expect(both(dir, '--jobs', '1').replayed).toBe(true);
    expect(both(dir, '--no-lazy').replayed).toBe(false);
    expect(both(dir, '--format', 'markdown').replayed).toBe(false);
    expect(both(dir, '--format', 'markdown').replayed).toBe(true);
    expect(reports(dir)).toHaveLength(6);
    for (const format of ['sarif', 'github', 'junit', 'mermaid']) both(dir, '--format', format);
    // At most eight are kept, the most recent: the markdown report is one of them.
    expect(reports(dir)).toHaveLength(8);
    expect(both(dir, '--format', 'markdown').replayed).toBe(true);
  });

  it('a replay whose --output cannot be written fails as the run would: its warnings, then the error, no gate line', () => {
    const dir = sampleCopy();
    const args = ['--fail-on-private-import', '--private', 'nowhere.at_all'];
    both(dir, ...args);
    const failed = both(dir, ...args, '--output', join(dir, 'no-such-dir', 'report.txt'));
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/^pyseam: warning: private prefix nowhere\.at_all matches no module and no import\npyseam: --output: cannot write [^\n]*\n$/);
  });

  it('--output: the replayed report is written to the file', () => {
    const dir = sampleCopy();
    const out = join(dir, '..', 'report.txt');
    const first = pyseam('analyze', dir, '--output', out);
    const written = readFileSync(out, 'utf8');
    rmSync(out);
    const second = pyseam('analyze', dir, '--output', out);
    expect(second.replayed).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe(written);
    expect(second.stdout).toBe(first.stdout);
    expect(pyseam('analyze', dir, '--no-cache').stdout).toBe(written);
  });

  it('a damaged report file: one warning, the right report, and it is written again', () => {
    const dir = sampleCopy();
    both(dir, '--format', 'json');
    const [file] = reports(dir);
    const path = join(dir, '.pyseam_cache', file);
    const bytes = readFileSync(path);
    bytes[100] ^= 0xff; // a byte of the report itself: the checksum finds it
    writeFileSync(path, bytes);
    const damaged = pyseam('analyze', dir, '--format', 'json');
    expect(damaged.replayed).toBe(false);
    expect(damaged.stderr).toMatch(/^pyseam: warning: cache .*report-[0-9a-f]{16}\.bin: unreadable \(checksum mismatch: truncated or damaged\); analyzed again\n$/);
    expect(damaged.stdout).toBe(pyseam('analyze', dir, '--format', 'json', '--no-cache').stdout);
    writeFileSync(path, bytes.subarray(0, 40)); // truncated
    expect(pyseam('analyze', dir, '--format', 'json').stderr).toMatch(/unreadable \(checksum mismatch: truncated or damaged\); analyzed again\n$/);
    const next = both(dir, '--format', 'json');
    expect(next.replayed).toBe(true);
    expect(next.stderr).toBe('');
  });

  it('a damaged exit status or message in a report file is found: the gate still fails', () => {
    const dir = sampleCopy();
    const args = ['--fail-on-private-import'];
    both(dir, ...args);
    const [file] = reports(dir);
    const path = join(dir, '.pyseam_cache', file);
    const text = readFileSync(path, 'latin1');
    for (const [from, to] of [['"status":1', '"status":0'], ['5 private imports', '4 private imports']]) {
      expect(text).toContain(from);
      writeFileSync(path, text.replace(from, to), 'latin1'); // same length: only the trailer's checksum can tell
      const run = pyseam('analyze', dir, ...args);
      expect(run.replayed).toBe(false);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/unreadable \(checksum mismatch: truncated or damaged\); analyzed again\n/);
      expect(run.stderr).toContain('pyseam: --fail-on-private-import: 5 private imports\n');
    }
  });

  it('--baseline and --changed-since gate on what lies outside the analysis: never replayed, nothing kept', () => {
    const dir = sampleCopy();
    const baseline = join(dir, '..', 'baseline.json');
    expect(pyseam('baseline', dir, '--output', baseline, '--no-cache').status).toBe(0);
    expect(pyseam('analyze', dir, '--baseline', baseline).replayed).toBe(false);
    expect(pyseam('analyze', dir, '--baseline', baseline).replayed).toBe(false);
    expect(existsSync(join(dir, '.pyseam_cache'))).toBe(true);
    expect(reports(dir)).toHaveLength(0);
  });
});
