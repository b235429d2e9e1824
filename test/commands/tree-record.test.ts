// The tree record (src/commands/tree-record.ts) through the real bin/pyseam: a run whose every
// file-system probe answers as the last analysis's did replays that analysis's report without
// discovering anything (PYSEAM_STATS says `; tree as recorded`). The oracle for every run is the same
// command with `--no-cache --jobs 1` on the tree as it is then. Each change below is one a stat-based
// shortcut could miss (git's racy-git and untracked-cache notes list them): it must never replay
// from the record, and the run after it must give the oracle's report.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RACY_MARGIN_MS } from '../../src/parse/facts-cache.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const ENV = { ...process.env, NO_COLOR: '1', PYSEAM_STATS: '1' };
const pyseam = (...args: string[]) => {
  const r = spawnSync('node', ['bin/pyseam', ...args], { cwd: repo, encoding: 'utf8', env: ENV });
  const stats = /^pyseam: stats: .*$/m.exec(r.stderr)?.[0] ?? '';
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.replace(/^pyseam: stats: .*\n/m, ''), fromRecord: stats.includes('; tree as recorded;'), stats };
};
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until what was just changed is no longer racy, so a record made now is kept. */
const age = () => sleep(RACY_MARGIN_MS + 300);

/** `pyseam analyze DIR --format json ...args` with the cache, checked against its oracle. */
const both = (dir: string, ...args: string[]) => {
  const run = pyseam('analyze', dir, '--format', 'json', ...args);
  const oracle = pyseam('analyze', dir, '--format', 'json', ...args, '--no-cache', '--jobs', '1');
  expect(oracle.fromRecord).toBe(false);
  expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: oracle.status, stdout: oracle.stdout, stderr: oracle.stderr });
  return run;
};
const records = (dir: string) => readdirSync(join(dir, '.pyseam_cache')).filter((f) => /^tree-[0-9a-f]{16}\.bin$/.test(f));
const modules = (run: { stdout: string }) => (JSON.parse(run.stdout) as { modules: { name: string }[] }).modules.map((m) => m.name);
const CORE = 'kerasish/src/kerasish/layers/core.py';

/** A copy of samples/monorepo, analyzed once it has aged, so that its record is kept: the next run replays from it. */
async function recordedCopy(): Promise<string> {
  const top = mkdtempSync(join(tmpdir(), 'pyseam-tree-'));
  made.push(top);
  const dir = join(top, 'monorepo');
  cpSync(join(repo, 'samples/monorepo'), dir, { recursive: true, filter: (src) => !src.includes('.pyseam_cache') });
  await settle(dir);
  return dir;
}

/** After a change: the first run analyzes (never from the record), and once the change has aged, a record is kept and used. */
async function settle(dir: string, ...args: string[]) {
  const changed = both(dir, ...args);
  expect(changed.fromRecord).toBe(false);
  await age();
  expect(pyseam('analyze', dir, '--format', 'json', ...args).fromRecord).toBe(false); // the change is old now: this run keeps its record
  expect(both(dir, ...args).fromRecord).toBe(true);
  return changed;
}

describe('the tree record', () => {
  it('replays when nothing changed; not while a change is racy; a change to a module\'s imports or a directory\'s entries analyzes again', { timeout: 120_000 }, async () => {
    const dir = await recordedCopy();
    expect(records(dir)).toHaveLength(1);

    // A change seconds old: the run after it keeps no record, so the run after that does not replay from one.
    appendFileSync(join(dir, CORE), 'from kerasish import models\n');
    expect(both(dir).fromRecord).toBe(false);
    expect(both(dir).fromRecord).toBe(false);
    await age();
    expect(both(dir).fromRecord).toBe(false);
    expect(both(dir).fromRecord).toBe(true);

    // The same size and mtime, other bytes (mtime put back with utimes(2)): the ctime tells.
    const { atime, mtime, size } = statSync(join(dir, CORE));
    const text = readFileSync(join(dir, CORE), 'utf8');
    writeFileSync(join(dir, CORE), text.replace('from kerasish import models', 'from kerasish import legacy'));
    utimesSync(join(dir, CORE), atime, mtime);
    expect(statSync(join(dir, CORE)).size).toBe(size);
    const swapped = await settle(dir);
    expect(JSON.parse(swapped.stdout).edges.some((e: { from: string; to: string }) => e.from === 'kerasish.layers.core' && e.to === 'kerasish.legacy')).toBe(true);

    // A new module deep in a package, then the same module removed: its directory's stat tells.
    writeFileSync(join(dir, 'kerasish/src/kerasish/layers/extra.py'), 'import os\n');
    expect(modules(await settle(dir))).toContain('kerasish.layers.extra');
    rmSync(join(dir, 'kerasish/src/kerasish/layers/extra.py'));
    expect(modules(await settle(dir))).not.toContain('kerasish.layers.extra');
  });

  it('modules and directories whose stats alone changed: the modules parsed alone, the directories listed again; replayed when facts and entries are as they were', { timeout: 120_000 }, async () => {
    const dir = await recordedCopy();
    const patched = (run: { stats: string }) => /; tree as recorded but for 1 changed module; report replayed$/.test(run.stats);

    // A comment: the module's facts are as they were, so are the inputs.
    appendFileSync(join(dir, CORE), '# a comment\n');
    const commented = both(dir);
    expect(commented.stats).toMatch(/ 1 parsed; /);
    expect(patched(commented)).toBe(true);
    // Racy still: the record keeps the old stat, and the next run reads the module again.
    expect(patched(both(dir))).toBe(true);
    await age();
    expect(patched(both(dir))).toBe(true); // old enough: this run keeps the new stat
    expect(both(dir).fromRecord).toBe(true);

    // Saved as editors and `sed -i` save: a new file renamed over the old one. The directory's stat
    // changes, not its entries; a file made and removed beside it changes its stat only too.
    writeFileSync(join(dir, `${CORE}.tmp`), `${readFileSync(join(dir, CORE), 'utf8')}# another comment\n`);
    renameSync(join(dir, `${CORE}.tmp`), join(dir, CORE));
    expect(both(dir).stats).toMatch(/; tree as recorded but for 1 changed module and 1 directory listed again; report replayed$/);
    await age();
    expect(both(dir).stats).toMatch(/but for 1 changed module and 1 directory/); // kept now
    writeFileSync(join(dir, 'kerasish/src/kerasish/layers/scratch.txt'), 'x');
    rmSync(join(dir, 'kerasish/src/kerasish/layers/scratch.txt'));
    expect(both(dir).stats).toMatch(/ 0 parsed; .*; tree as recorded but for 1 directory listed again; report replayed$/);

    // An import: other facts, other inputs, no report kept for them: analyzed again.
    appendFileSync(join(dir, CORE), 'from kerasish import legacy\n');
    const imported = both(dir);
    expect(imported.stats).not.toMatch(/tree as recorded|report replayed/);
    expect(JSON.parse(imported.stdout).edges.some((e: { from: string; to: string }) => e.from === 'kerasish.layers.core' && e.to === 'kerasish.legacy')).toBe(true);
    await settle(dir);

    // A project file's bytes (discovery reads them; not a module): analyzed again.
    appendFileSync(join(dir, 'kerasish/pyproject.toml'), '# a comment\n');
    expect(both(dir).stats).not.toMatch(/tree as recorded/);
  });

  it('ignore rules, symlinks and what discovery read besides the modules analyze again', { timeout: 120_000 }, async () => {
    const dir = await recordedCopy();

    // A .gitignore that leaves out a package.
    writeFileSync(join(dir, 'tools/.gitignore'), 'gen-docs.py\n');
    expect(modules(await settle(dir))).not.toContain('tools/gen-docs.py');
    // .git/info/exclude appears (git's own excludes: walk.ts reads it; .git is never walked).
    mkdirSync(join(dir, '.git/info'), { recursive: true });
    writeFileSync(join(dir, '.git/info/exclude'), 'kerasish/src/kerasish/layers/\n');
    expect(modules(await settle(dir)).some((m) => m.startsWith('kerasish.layers'))).toBe(false);
    rmSync(join(dir, '.git'), { recursive: true });
    await settle(dir);

    // A broken symlink whose target then appears: nothing in the symlink's directory changes.
    symlinkSync(join(dir, '..', 'later.py'), join(dir, 'tools/later.py'));
    expect(modules(await settle(dir))).not.toContain('tools.later');
    writeFileSync(join(dir, '..', 'later.py'), 'import json\n');
    expect(modules(await settle(dir))).toContain('tools.later');
    // The target, outside the analyzed directory, edited: the stat through the symlink tells.
    appendFileSync(join(dir, '..', 'later.py'), 'from kerasish import models\n');
    const edited = await settle(dir);
    expect(JSON.parse(edited.stdout).edges.some((e: { from: string }) => e.from === 'tools.later')).toBe(true);
  });

  it('a cache directory that cannot be made: one warning for the facts, the record and the report, and the report of --no-cache', () => {
    const sample = join(repo, 'samples/monorepo');
    const oracle = pyseam('analyze', sample, '--no-cache');
    // Under /proc, mkdir(2) answers ENOENT though /proc exists: Node's recursive mkdirSync retried that forever.
    for (const dir of ['/proc/pyseam-cache', join(repo, 'package.json', 'cache')]) {
      const run = spawnSync('node', ['bin/pyseam', 'analyze', sample, '--cache-dir', dir], { cwd: repo, encoding: 'utf8', env: { ...ENV, PYSEAM_STATS: '' }, timeout: 60_000 });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(oracle.stdout);
      expect(run.stderr).toMatch(/^pyseam: warning: cache .*: not writable \((ENOENT|ENOTDIR): [^\n]*\); the analysis goes on without saving it\n$/);
    }
  });

  it('other options make another record; a damaged record is reported once and replaced', { timeout: 60_000 }, async () => {
    const dir = await recordedCopy();
    expect(both(dir, '--exclude', 'tools').fromRecord).toBe(false);
    expect(both(dir, '--exclude', 'tools').fromRecord).toBe(true);
    expect(records(dir)).toHaveLength(2);
    // The report is kept per format; the record per options: text replays through the same record once its report is kept.
    expect(pyseam('analyze', dir).fromRecord).toBe(false);
    expect(pyseam('analyze', dir).fromRecord).toBe(true);

    for (const file of records(dir)) {
      const path = join(dir, '.pyseam_cache', file);
      const bytes = readFileSync(path);
      bytes[bytes.length - 5] ^= 0x20; // inside the last probe's answer: only the checksum can tell it from a changed tree
      writeFileSync(path, bytes);
    }
    const damaged = pyseam('analyze', dir, '--format', 'json');
    expect(damaged.fromRecord).toBe(false);
    expect(damaged.stderr).toMatch(/^pyseam: warning: cache .*tree-[0-9a-f]{16}\.bin: unreadable \(checksum mismatch: truncated or damaged\); replaced\n$/);
    expect(damaged.stdout).toBe(pyseam('analyze', dir, '--format', 'json', '--no-cache').stdout);
    expect(both(dir).fromRecord).toBe(true);

    // A damaged detail file: reported when a patch needs it, and the run analyzes.
    for (const file of readdirSync(join(dir, '.pyseam_cache')).filter((f) => /^tree-[0-9a-f]{16}\.detail$/.test(f))) {
      const path = join(dir, '.pyseam_cache', file);
      const bytes = readFileSync(path);
      bytes[bytes.length - 3] ^= 0x20; // inside the last directory's digest
      writeFileSync(path, bytes);
    }
    appendFileSync(join(dir, CORE), '# a comment\n');
    const unpatched = pyseam('analyze', dir, '--format', 'json');
    expect(unpatched.stats).not.toMatch(/tree as recorded/);
    expect(unpatched.stderr).toMatch(/^pyseam: warning: cache .*tree-[0-9a-f]{16}\.detail: unreadable \(not the detail its record names: damaged, or written by a concurrent run\); replaced\n$/);
    expect(unpatched.stdout).toBe(pyseam('analyze', dir, '--format', 'json', '--no-cache').stdout);
  });
});
