// `--jobs`, `--cache-dir` and `--no-cache` through the real bin/pyseam (compiled: the worker threads
// run dist/src/parse/facts-worker.js). The oracle for every cached or parallel run is the same
// command with `--jobs 1 --no-cache` (one thread, nothing cached): the JSON must be byte-identical.
// PYSEAM_STATS=1 makes the CLI say how the files were answered:
//   pyseam: stats: N files: A from the cache unread, B read and unchanged, C parsed; W worker threads
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const ENV = { ...process.env, NO_COLOR: '1', PYSEAM_STATS: '1' };
const pyseam = (...args: string[]) => {
  const r = spawnSync('node', ['bin/pyseam', ...args], { cwd: repo, encoding: 'utf8', env: ENV, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
/** The same, started without waiting (for runs that overlap). */
const pyseamAsync = (...args: string[]) => new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
  const child = spawn('node', ['bin/pyseam', ...args], { cwd: repo, env: ENV });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.on('close', (status) => resolve({ status, stdout, stderr }));
});
const stats = (stderr: string) => {
  const m = /pyseam: stats: (\d+) files: (\d+) from the cache unread, (\d+) read and unchanged, (\d+) parsed; (\d+) worker threads/.exec(stderr);
  if (!m) throw new Error(`no stats line in: ${stderr}`);
  const [files, fromStat, verified, parsed, workers] = m.slice(1).map(Number);
  return { files, fromStat, verified, parsed, workers };
};
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
/** A copy of samples/monorepo (26 module files) in a temporary directory, without any cache of the original. */
const sampleCopy = () => {
  const top = mkdtempSync(join(tmpdir(), 'pyseam-jobs-'));
  made.push(top);
  const dir = join(top, 'monorepo');
  cpSync(join(repo, 'samples/monorepo'), dir, { recursive: true, filter: (src) => !src.includes('.pyseam_cache') });
  return dir;
};
const json = (dir: string, ...more: string[]) => pyseam('analyze', dir, '--format', 'json', ...more);

describe('--jobs: parsing in worker threads', () => {
  it('gives the one-thread JSON byte for byte on the sample', () => {
    const one = json('samples/monorepo', '--jobs', '1', '--no-cache');
    const two = json('samples/monorepo', '--jobs', '2', '--no-cache');
    expect(one.status).toBe(0);
    expect(stats(one.stderr)).toMatchObject({ files: 26, parsed: 26, workers: 0 });
    expect(stats(two.stderr)).toMatchObject({ files: 26, parsed: 26, workers: 2 });
    expect(two.stdout).toBe(one.stdout);
  });

  it('gives the one-thread JSON byte for byte on the standard library', () => {
    const stdlib = readdirSync('/usr/lib').filter((d) => /^python3\.\d+$/.test(d)).sort().pop();
    if (!stdlib) return;
    const one = json(`/usr/lib/${stdlib}`, '--jobs', '1', '--no-cache');
    const two = json(`/usr/lib/${stdlib}`, '--jobs', '2', '--no-cache');
    expect(stats(two.stderr).workers).toBe(2);
    expect(stats(two.stderr).parsed).toBeGreaterThan(600);
    expect(two.stdout.length).toBeGreaterThan(1_000_000);
    expect(two.stdout).toBe(one.stdout);
  }, 300_000);

  it('exits 2 for a value that is not a positive whole number, naming --jobs', () => {
    for (const bad of ['0', '-1', 'two', '1.5', '']) {
      const r = pyseam('analyze', 'samples/monorepo', '--jobs', bad, '--no-cache');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`pyseam: --jobs '${bad}': expected a positive whole number of threads`);
    }
  });
});

describe('the cache, from the command line', () => {
  it('is written in PATH/.pyseam_cache, ignored by git, and a second run parses nothing', () => {
    const dir = sampleCopy();
    const first = json(dir);
    expect(stats(first.stderr)).toMatchObject({ files: 26, parsed: 26 });
    expect(readFileSync(join(dir, '.pyseam_cache/.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(existsSync(join(dir, '.pyseam_cache/CACHEDIR.TAG'))).toBe(true);
    const second = json(dir);
    expect(stats(second.stderr)).toMatchObject({ files: 26, parsed: 0 });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).toBe(json(dir, '--no-cache', '--jobs', '1').stdout);
  });

  it('after an edit, parses that file alone and prints what an uncached run prints', () => {
    const dir = sampleCopy();
    json(dir);
    appendFileSync(join(dir, 'kerasish/src/kerasish/models.py'), 'from tensorflux.python.ops import math_ops\n');
    const after = json(dir);
    expect(stats(after.stderr).parsed).toBe(1);
    expect(after.stdout).toBe(json(dir, '--no-cache', '--jobs', '1').stdout);
    expect(after.stdout).toContain('"importer": "kerasish.models"');
  });

  it('--no-cache writes nothing; --cache-dir and the config\'s cache-dir choose the directory', () => {
    const dir = sampleCopy();
    json(dir, '--no-cache');
    expect(existsSync(join(dir, '.pyseam_cache'))).toBe(false);
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'pyseam-cachedir-')), 'c');
    made.push(elsewhere);
    json(dir, '--cache-dir', elsewhere);
    expect(readdirSync(elsewhere).filter((f) => f.startsWith('facts-'))).toHaveLength(1);
    expect(stats(json(dir, '--cache-dir', elsewhere).stderr).parsed).toBe(0);
    expect(existsSync(join(dir, '.pyseam_cache'))).toBe(false);
    appendFileSync(join(dir, 'pyseam.toml'), 'cache-dir = "build/facts"\n');
    const configured = json(dir);
    expect(configured.status).toBe(0);
    expect(existsSync(join(dir, 'build/facts/.gitignore'))).toBe(true);
    expect(existsSync(join(dir, '.pyseam_cache'))).toBe(false);
  });

  it('runs that share a cache while files change all print what an uncached run prints', async () => {
    const dir = sampleCopy();
    json(dir);
    appendFileSync(join(dir, 'kerasish/src/kerasish/layers/core.py'), 'from kerasish import models\n');
    const expected = json(dir, '--no-cache', '--jobs', '1').stdout;
    const runs = await Promise.all([1, 2, 3].map((jobs) => pyseamAsync('analyze', dir, '--format', 'json', '--jobs', String(jobs))));
    for (const r of runs) {
      expect(r.status).toBe(0);
      expect(r.stderr).not.toContain('warning');
      expect(r.stdout).toBe(expected);
    }
    const after = json(dir);
    expect(stats(after.stderr).parsed).toBe(0);
    expect(after.stderr).not.toContain('warning');
    // One facts pack; a report per command line and inputs (--jobs does not decide it: two, before
    // and after the edit); no temporary file left.
    const kept = readdirSync(join(dir, '.pyseam_cache')).filter((f) => !['.gitignore', 'CACHEDIR.TAG'].includes(f));
    expect(kept.filter((f) => f.startsWith('facts-'))).toHaveLength(1);
    expect(kept.filter((f) => f.startsWith('report-'))).toHaveLength(2);
    expect(kept).toHaveLength(3);
  });

  it('a damaged cache file: one warning, the right report, and it is rebuilt', () => {
    const dir = sampleCopy();
    const good = json(dir).stdout;
    const [pack] = readdirSync(join(dir, '.pyseam_cache')).filter((f) => f.startsWith('facts-'));
    writeFileSync(join(dir, '.pyseam_cache', pack), 'garbage');
    const r = json(dir);
    expect(r.stdout).toBe(good);
    expect(r.stderr.match(/warning/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/pyseam: warning: cache .*facts-[0-9a-f]+\.bin: unreadable \(not a pyseam facts pack\); rebuilt\n/);
    const next = json(dir);
    expect(next.stderr).not.toContain('warning');
    expect(stats(next.stderr).parsed).toBe(0);
  });

  it('--changed-since reads the working tree\'s cache and leaves no cache of the base behind', () => {
    const top = mkdtempSync(join(tmpdir(), 'pyseam-jobs-git-'));
    made.push(top);
    cpSync(join(repo, 'samples/monorepo'), join(top, 'monorepo'), { recursive: true, filter: (src) => !src.includes('.pyseam_cache') });
    const git = (...args: string[]) => expect(spawnSync('git', ['-C', top, ...args], { encoding: 'utf8' }).status).toBe(0);
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'commit', '-q', '-m', 'sample');
    appendFileSync(join(top, 'monorepo/kerasish/src/kerasish/models.py'), 'from tensorflux.python.ops import math_ops\n');
    const dir = join(top, 'monorepo');
    const cacheFiles = () => readdirSync(join(dir, '.pyseam_cache')).sort();
    const r = pyseam('analyze', dir, '--changed-since', 'main', '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).changedSince.new).toHaveLength(1);
    const files = cacheFiles();
    expect(files.filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    pyseam('analyze', dir, '--changed-since', 'main', '--format', 'json');
    expect(cacheFiles()).toEqual(files);
    expect(spawnSync('git', ['-C', top, 'status', '--porcelain'], { encoding: 'utf8' }).stdout.trim()).toBe('M monorepo/kerasish/src/kerasish/models.py');
  });
});
