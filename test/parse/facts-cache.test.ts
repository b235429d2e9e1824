// The facts cache (src/parse/facts-cache.ts) through `analyzeAsync` on small trees written to a
// temporary directory. The oracle is the uncached, single-threaded `analyze` of the same files at the
// same moment: a cached run must give its result byte for byte, and parse exactly the files changed.
// The tree (8 files; the imports):
//   app/main.py    from app import util; import lib.core
//   app/util.py    import os; from lib import _private           (a private import)
//   lib/core.py    from lib import _private
//   lib/_private.py import app.main                             (cycle app.main -> lib.core -> lib._private -> app.main)
//   lib/types.pyi  import typing                                 (a stub)
//   bad.py         invalid UTF-8 and no coding line              (skipped, and cached as skipped)
//   app/__init__.py, lib/__init__.py  empty
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync, cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze-inline.js';
import { analyzeAsync, type AnalyzeOptions, type FactsStats } from '../../src/analyze.js';
import { RACY_MARGIN_MS, trustStat } from '../../src/parse/facts-cache.js';
import { memoryTree } from '../../src/parse/memory-tree.js';
import { nodeTree, type SourceTree } from '../../src/parse/source-tree.js';
import { readFacts, type FactsAnswer } from '../../src/parse/read-facts.js';

const OPTIONS: AnalyzeOptions = {
  roots: [], configRoots: [], private: [], public: [], exclude: [], importHelpers: [],
  includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
};
const FILES: Record<string, string | Buffer> = {
  'app/__init__.py': '',
  'app/main.py': 'from app import util\nimport lib.core\n',
  'app/util.py': 'import os\nfrom lib import _private\n',
  'lib/__init__.py': '',
  'lib/core.py': 'from lib import _private\n',
  'lib/_private.py': 'import app.main\n',
  'lib/types.pyi': 'import typing\n',
  'bad.py': Buffer.from([0x69, 0x6d, 0x70, 0x6f, 0x72, 0x74, 0x20, 0xff, 0x0a]),
};

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pyseam-cache-'));
  made.push(dir);
  return dir;
};
const project = (files: Record<string, string | Buffer> = FILES): string => {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Run { json: string; facts: FactsStats; warnings: string[] }
/** One cached run: the result as JSON, how the files were answered, the cache's warnings. */
async function cached(dir: string, settings: { cacheDir?: string; jobs?: number; owner?: string; readOnly?: boolean; options?: Partial<AnalyzeOptions> } = {}): Promise<Run> {
  const warnings: string[] = [];
  let facts: FactsStats | undefined;
  const cache = { dir: settings.cacheDir ?? join(dir, '.pyseam_cache'), owner: settings.owner ?? dir, readOnly: settings.readOnly };
  const result = await analyzeAsync({ ...OPTIONS, ...settings.options }, nodeTree(dir), { jobs: settings.jobs ?? 1, cache, warn: (m) => warnings.push(m) }, (e) => {
    if (e.stage === 'parse' && e.facts) facts = e.facts;
  });
  return { json: JSON.stringify(result), facts: facts!, warnings };
}
const fresh = (dir: string, options: Partial<AnalyzeOptions> = {}) => JSON.stringify(analyze({ ...OPTIONS, ...options }, nodeTree(dir)));
const packs = (cacheDir: string) => readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));
/**
 * Rewrites the one pack of `dir` (layout in src/parse/facts-cache.ts: magic line, head SHA-1, head
 * length, head, outcomes) with its outcomes serialized as `change` says, the checksums made to match
 * (the outcomes' own left as it was with `keepSha1`).
 */
function rewritePack(dir: string, change: (outcomes: { bytes: Uint8Array }) => Uint8Array, { keepSha1 = false } = {}): void {
  const file = join(dir, '.pyseam_cache', packs(join(dir, '.pyseam_cache'))[0]);
  const bytes = readFileSync(file);
  const magic = bytes.subarray(0, bytes.indexOf(0x0a) + 1);
  const headAt = magic.length + 24;
  const headLength = bytes.readUInt32BE(magic.length + 20);
  const head = deserialize(bytes.subarray(headAt, headAt + headLength));
  const outcomes = change(deserialize(bytes.subarray(headAt + headLength)));
  if (!keepSha1) head.outcomesSha1 = createHash('sha1').update(outcomes).digest('hex');
  const newHead = serialize(head);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(newHead.length);
  writeFileSync(file, Buffer.concat([magic, createHash('sha1').update(newHead).digest(), length, newHead, outcomes]));
}

describe('the facts cache', () => {
  it('a second run parses nothing and gives the same result as an uncached run', async () => {
    const dir = project();
    const first = await cached(dir);
    expect(first.facts).toMatchObject({ files: 8, parsed: 8, fromStat: 0, verified: 0 });
    expect(first.json).toBe(fresh(dir));
    const second = await cached(dir);
    expect(second.facts.parsed).toBe(0);
    expect(second.facts.fromStat + second.facts.verified).toBe(8);
    expect(second.json).toBe(first.json);
    expect(second.warnings).toEqual([]);
  });

  it('answers files changed well before the last run from their stat alone: nothing is read', async () => {
    const dir = project();
    await sleep(RACY_MARGIN_MS + 300);
    await cached(dir);
    const again = await cached(dir);
    expect(again.facts).toMatchObject({ files: 8, fromStat: 8, verified: 0, parsed: 0 });
    expect(again.json).toBe(fresh(dir));
  });

  it('editing one file re-parses exactly that one, and the result is an uncached run\'s', async () => {
    const dir = project();
    const before = (await cached(dir)).json;
    appendFileSync(join(dir, 'lib/core.py'), 'import app.util\n');
    const after = await cached(dir);
    expect(after.facts.parsed).toBe(1);
    expect(after.json).toBe(fresh(dir));
    expect(after.json).not.toBe(before);
    expect(JSON.parse(after.json).edges.map((e: { from: string; to: string }) => `${e.from}>${e.to}`)).toContain('lib.core>app.util');
  });

  it('the facts digest names the facts: kept by an edit that leaves them, changed by an import, back when it is undone', async () => {
    const dir = project();
    const original = readFileSync(join(dir, 'lib/core.py'));
    const cold = await cached(dir);
    expect(cold.facts.digest).toMatch(/^[0-9a-f]{40}$/);
    const warm = await cached(dir, { jobs: 2 });
    expect(warm.facts.digest).toBe(cold.facts.digest);
    appendFileSync(join(dir, 'lib/core.py'), '# a comment\n\ndef f():\n    return 1\n');
    const commented = await cached(dir);
    expect(commented.facts.parsed).toBe(1);
    expect(commented.facts.digest).toBe(cold.facts.digest);
    appendFileSync(join(dir, 'lib/core.py'), 'import app.util\n');
    const imported = await cached(dir);
    expect(imported.facts.parsed).toBe(1);
    expect(imported.facts.digest).not.toBe(cold.facts.digest);
    // The same import one line lower is another fact (its line), so another digest.
    writeFileSync(join(dir, 'lib/core.py'), Buffer.concat([original, Buffer.from('\nimport app.util\n')]));
    const lower = await cached(dir);
    expect(lower.facts.digest).not.toBe(imported.facts.digest);
    expect(lower.facts.digest).not.toBe(cold.facts.digest);
    // The first facts again, though the entry before had others (as after switching back to a branch).
    writeFileSync(join(dir, 'lib/core.py'), Buffer.concat([original, Buffer.from('# another comment\n')]));
    expect((await cached(dir)).facts.digest).toBe(cold.facts.digest);
    writeFileSync(join(dir, 'lib/core.py'), original);
    expect((await cached(dir)).facts.digest).toBe(cold.facts.digest);
    // A file renamed: the same facts under another path is another tree.
    renameSync(join(dir, 'app/util.py'), join(dir, 'app/util2.py'));
    expect((await cached(dir)).facts.digest).not.toBe(cold.facts.digest);
    // Without a cache there is no digest.
    let uncached: FactsStats | undefined;
    await analyzeAsync(OPTIONS, nodeTree(dir), { jobs: 1, cache: null, warn: () => {} }, (e) => {
      if (e.stage === 'parse' && e.facts) uncached = e.facts;
    });
    expect(uncached?.digest).toBeUndefined();
  });

  it('files the run already read (the tree record\'s patch) are taken as read, in their place, not read again', async () => {
    const dir = project();
    await cached(dir);
    appendFileSync(join(dir, 'app/main.py'), 'import json\n');
    // What the patch would have read had the file held other bytes: the run must take it as it is.
    const other = project({ ...FILES, 'app/main.py': 'from app import util\nimport zlib\n' });
    const answer = readFacts(nodeTree(other), { path: 'app/main.py', stub: false }, { importHelpers: [], exportDecorators: [] }, true);
    const { size, mtimeMs, ctimeMs, ino } = statSync(join(dir, 'app/main.py'));
    const read = new Map([['app/main.py', { ...answer, stat: { size, mtimeMs, ctimeMs, ino } } as FactsAnswer]]);
    let facts: FactsStats | undefined;
    const result = await analyzeAsync(OPTIONS, nodeTree(dir), { jobs: 1, cache: { dir: join(dir, '.pyseam_cache'), owner: dir }, warn: () => {}, read }, (e) => {
      if (e.stage === 'parse' && e.facts) facts = e.facts;
    });
    expect(JSON.stringify(result)).toBe(fresh(other));
    expect(facts!.parsed).toBe(1); // app/main.py, as given
    expect(facts!.fromStat + facts!.verified).toBe(7);
    expect(facts!.changedWhileRead).toBeUndefined();
  });

  it('a file touched without a change is read and hashed again, not parsed', async () => {
    const dir = project();
    await cached(dir);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'app/main.py'), later, later);
    const after = await cached(dir);
    expect(after.facts).toMatchObject({ parsed: 0 });
    expect(after.facts.verified).toBeGreaterThanOrEqual(1);
    expect(after.json).toBe(fresh(dir));
  });

  it('finds a change that keeps the size and the mtime (restored with utimes, which moves the ctime)', async () => {
    const dir = project();
    const file = join(dir, 'lib/_private.py');
    // A whole second, so that utimes can put back exactly the same mtime.
    const second = Math.floor(Date.now() / 1000) - 60;
    utimesSync(file, second, second);
    await sleep(RACY_MARGIN_MS + 300);
    const before = await cached(dir);
    expect((await cached(dir)).facts.fromStat).toBe(8);
    const { size, mtimeMs } = statSync(file);
    writeFileSync(file, 'import app.util\n');
    utimesSync(file, second, second);
    expect(statSync(file)).toMatchObject({ size, mtimeMs });
    const after = await cached(dir);
    expect(after.facts.parsed).toBe(1);
    expect(after.json).toBe(fresh(dir));
    expect(after.json).not.toBe(before.json);
  });

  it('trusts a stat only when size, mtime, ctime and inode match and the file changed well before the entry was recorded (racy-git)', () => {
    const at = 1_700_000_000_000;
    const old = { size: 10, mtimeMs: at - 10_000, ctimeMs: at - 10_000, ino: 7 };
    expect(trustStat(old, { ...old }, at)).toBe(true);
    for (const changed of [{ size: 11 }, { mtimeMs: old.mtimeMs + 1 }, { ctimeMs: old.ctimeMs + 0.5 }, { ino: 8 }]) {
      expect(trustStat(old, { ...old, ...changed }, at)).toBe(false);
    }
    // Changed within the margin before the recording run started: the same stat may hide new bytes.
    const racy = { ...old, mtimeMs: at - RACY_MARGIN_MS + 1, ctimeMs: at - RACY_MARGIN_MS + 1 };
    expect(trustStat(racy, { ...racy }, at)).toBe(false);
    const racyCtime = { ...old, ctimeMs: at - 1 };
    expect(trustStat(racyCtime, { ...racyCtime }, at)).toBe(false);
    const future = { ...old, mtimeMs: at + 5_000 };
    expect(trustStat(future, { ...future }, at)).toBe(false);
  });

  it('follows new, deleted and renamed files', async () => {
    const dir = project();
    await cached(dir);
    writeFileSync(join(dir, 'lib/extra.py'), 'from app import main\n');
    rmSync(join(dir, 'app/util.py'));
    renameSync(join(dir, 'lib/core.py'), join(dir, 'lib/kernel.py'));
    const after = await cached(dir);
    expect(after.facts.parsed).toBe(2);
    expect(after.json).toBe(fresh(dir));
    expect(JSON.parse(after.json).modules.map((m: { name: string }) => m.name)).toEqual(['app', 'app.main', 'bad', 'lib', 'lib._private', 'lib.extra', 'lib.kernel', 'lib.types']);
  });

  for (const [damage, harm] of [['garbage', (f: string) => writeFileSync(f, 'not a pack at all')], ['truncated', (f: string) => truncateSync(f, Math.floor(statSync(f).size / 2))]] as const) {
    it(`a ${damage} pack: one warning, the right result, and a rebuilt pack`, async () => {
      const dir = project();
      const cacheDir = join(dir, '.pyseam_cache');
      await cached(dir);
      const [pack] = packs(cacheDir);
      harm(join(cacheDir, pack));
      const after = await cached(dir);
      expect(after.warnings).toHaveLength(1);
      expect(after.warnings[0]).toMatch(new RegExp(`^cache ${join(cacheDir, pack).replace(/[.]/g, '\\.')}: unreadable \\(.+\\); rebuilt$`));
      expect(after.facts.parsed).toBe(8);
      expect(after.json).toBe(fresh(dir));
      const next = await cached(dir);
      expect(next.warnings).toEqual([]);
      expect(next.facts.parsed).toBe(0);
    });
  }

  it('outcomes that fail their checksum under a good head: one warning, the files read again, the right result', async () => {
    const dir = project();
    await sleep(RACY_MARGIN_MS + 300);
    await cached(dir);
    rewritePack(dir, (outcomes) => {
      const bytes = serialize(outcomes);
      bytes[bytes.length - 1] ^= 0xff;
      return bytes;
    }, { keepSha1: true });
    const run = await cached(dir);
    expect(run.json).toBe(fresh(dir));
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(/unreadable \(checksum mismatch: truncated or damaged\); rebuilt$/);
    expect(run.facts).toMatchObject({ files: 8, fromStat: 0, parsed: 8 });
    const next = await cached(dir);
    expect(next.warnings).toEqual([]);
    expect(next.facts).toMatchObject({ fromStat: 8, parsed: 0 });
    expect(next.json).toBe(run.json);
  });

  it('an entry whose bytes do not decode under a good checksum: one warning, that file parsed again, the right result', async () => {
    const dir = project();
    await sleep(RACY_MARGIN_MS + 300);
    await cached(dir);
    // Rewrite the pack as only a bug would: entry 0's tag made unknown, the checksums made to match.
    rewritePack(dir, (outcomes) => {
      outcomes.bytes[0] = 0x7f;
      return serialize(outcomes);
    });

    const run = await cached(dir);
    expect(run.json).toBe(fresh(dir));
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(/unreadable \(entry 0: unknown tag 127\); rebuilt$/);
    expect(run.facts).toMatchObject({ files: 8, fromStat: 7, parsed: 1 });
    const next = await cached(dir);
    expect(next.warnings).toEqual([]);
    expect(next.facts).toMatchObject({ fromStat: 8, parsed: 0 });
    expect(next.json).toBe(run.json);
  });

  it('after one file is edited, the pack written keeps every other entry: the run after parses nothing', async () => {
    const dir = project();
    await sleep(RACY_MARGIN_MS + 300);
    await cached(dir);
    appendFileSync(join(dir, 'app/util.py'), 'import lib.types\n');
    await sleep(RACY_MARGIN_MS + 300);
    expect((await cached(dir)).facts).toMatchObject({ fromStat: 7, parsed: 1 });
    const after = await cached(dir);
    expect(after.facts).toMatchObject({ fromStat: 8, verified: 0, parsed: 0 });
    expect(after.json).toBe(fresh(dir));
  });

  it('an unwritable cache directory: one warning, and the analysis goes on', async () => {
    const dir = project();
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    const run = await cached(dir, { cacheDir: join(blocker, 'cache') });
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(/^cache .*a-file\/cache: not writable \(.*\); the analysis goes on without saving it$/);
    expect(run.json).toBe(fresh(dir));
  });

  it('without a cache nothing is written', async () => {
    const dir = project();
    const result = await analyzeAsync(OPTIONS, nodeTree(dir), { jobs: 1, cache: null, warn: () => {} });
    expect(JSON.stringify(result)).toBe(fresh(dir));
    expect(readdirSync(dir).sort()).toEqual(['app', 'bad.py', 'lib']);
  });

  it('the cache directory ignores itself (git sees nothing) and carries a CACHEDIR.TAG', async () => {
    const dir = project();
    await cached(dir);
    const cacheDir = join(dir, '.pyseam_cache');
    expect(readFileSync(join(cacheDir, '.gitignore'), 'utf8').split('\n')).toContain('*');
    expect(readFileSync(join(cacheDir, 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55/);
    spawnSync('git', ['init', '-q', dir]);
    const status = spawnSync('git', ['-C', dir, 'status', '--porcelain', '--untracked-files=all'], { encoding: 'utf8' });
    expect(status.status).toBe(0);
    expect(status.stdout).not.toContain('pyseam_cache');
    expect(status.stdout).toContain('app/main.py');
  });

  it('other extraction options keep a pack of their own', async () => {
    const dir = project({ ...FILES, 'app/lazy.py': 'import helpers\nhelpers.load("lib.core")\n' });
    const helper = { importHelpers: ['helpers.load'] };
    await cached(dir);
    const withHelper = await cached(dir, { options: helper });
    expect(withHelper.facts.parsed).toBe(9);
    expect(withHelper.json).toBe(fresh(dir, helper));
    expect(packs(join(dir, '.pyseam_cache'))).toHaveLength(2);
    expect((await cached(dir)).facts.parsed).toBe(0);
    expect((await cached(dir, { options: helper })).facts.parsed).toBe(0);
  });

  it('read-only, for another copy of the tree: unchanged bytes are not parsed, and nothing is written', async () => {
    const dir = project();
    const cacheDir = join(dir, '.pyseam_cache');
    await cached(dir);
    const copy = tempDir();
    cpSync(dir, copy, { recursive: true, filter: (src) => !src.includes('.pyseam_cache') });
    appendFileSync(join(copy, 'app/util.py'), 'import lib.types\n');
    const listing = readdirSync(cacheDir).map((f) => `${f} ${statSync(join(cacheDir, f)).mtimeMs}`);
    const base = await cached(copy, { cacheDir, owner: dir, readOnly: true });
    expect(base.facts).toMatchObject({ files: 8, parsed: 1, verified: 7 });
    expect(base.json).toBe(fresh(copy));
    expect(readdirSync(cacheDir).map((f) => `${f} ${statSync(join(cacheDir, f)).mtimeMs}`)).toEqual(listing);
    expect(existsSync(join(copy, '.pyseam_cache'))).toBe(false);
  });

  it('a tree in memory is parsed in this thread, uncached', async () => {
    const files = Object.fromEntries(Object.entries(FILES).map(([p, t]) => [p, typeof t === 'string' ? t : new Uint8Array(t)]));
    let facts: FactsStats | undefined;
    const cacheDir = join(tempDir(), 'cache');
    const result = await analyzeAsync(OPTIONS, memoryTree(files), { jobs: 4, cache: { dir: cacheDir, owner: '/memory' }, warn: () => {} }, (e) => {
      if (e.stage === 'parse' && e.facts) facts = e.facts;
    });
    expect(JSON.stringify(result)).toBe(JSON.stringify(analyze(OPTIONS, memoryTree(files))));
    expect(facts).toMatchObject({ files: 8, parsed: 8, workers: 0 });
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('keeps the stat of the bytes it read: a symlink retargeted between discovery and the read is not trusted later', async () => {
    const dir = project({ ...FILES, 'versions/a.txt': 'import os\n', 'versions/b.txt': 'import json\n' });
    symlinkSync('../versions/a.txt', join(dir, 'app/flip.py'));
    await sleep(RACY_MARGIN_MS + 300); // a.txt and b.txt old: their stats alone would be trusted
    const retarget = (to: string) => {
      rmSync(join(dir, 'app/flip.py'));
      symlinkSync(`../versions/${to}`, join(dir, 'app/flip.py'));
    };
    // Discovery stats app/flip.py (a.txt); the symlink then points at b.txt when the file is read.
    const base = nodeTree(dir);
    const racing: SourceTree = { ...base, readStat: (path) => {
      if (path === 'app/flip.py') retarget('b.txt');
      return base.readStat!(path);
    } };
    const facts: FactsStats[] = [];
    const cache = { dir: join(dir, '.pyseam_cache'), owner: dir };
    await analyzeAsync(OPTIONS, racing, { jobs: 1, cache, warn: () => {} }, (e) => void (e.stage === 'parse' && e.facts && facts.push(e.facts)));
    expect(facts.at(-1)!.changedWhileRead).toBe(1);
    retarget('a.txt'); // back: its stat is the one discovery saw, but the facts kept are b.txt's
    const after = await cached(dir);
    expect(after.json).toBe(fresh(dir));
    expect(JSON.parse(after.json).edges.some((e: { from: string; to: string }) => e.from === 'app.flip' && e.to === 'os')).toBe(true);
  });
});
