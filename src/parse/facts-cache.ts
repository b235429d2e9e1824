/**
 * The incremental cache: each file's extracted facts, kept on disk between runs, so a run where
 * nothing changed parses nothing and reads no source.
 *
 * One pack file per analyzed directory and extraction options (`facts-<hash>.bin` in the cache
 * directory): a magic line, a SHA-1 of the head and the head's length (4 bytes), then the head and
 * the outcomes, each in node:v8's serialization. The head holds, per file, its path, its stat (size,
 * mtime, ctime, inode), its content key (read-facts.ts: a SHA-1 of the bytes, marked for stubs) and
 * its facts key (below), with a fingerprint of the code that extracted the facts (pyseam's and
 * tree-sitter-python's versions and the bytes of src/parse), so another version or a changed
 * extractor starts afresh, and the outcomes' SHA-1. The outcomes, in the compact form of
 * facts-codec.ts, are read only when one is needed: a run whose report is replayed
 * (commands/report-cache.ts) reads the head alone.
 *
 * A file is answered from its stat alone when size, mtime, ctime and inode all match and the entry
 * is not racy (git's rule, racy-git.txt): a file changed in the same clock tick as the run that
 * recorded it can keep its size and mtime, so an entry whose mtime or ctime is not older than that
 * run's start minus `RACY_MARGIN_MS` is checked by hashing the bytes again. A stat that differs only
 * means "hash it": the content key decides, so a touched file is read but not parsed, and a stale
 * entry never gives a wrong result. Faking the old mtime with utimes(2) changes the ctime.
 *
 * A file's facts key names its facts, not its bytes: a hash of the facts as extracted (facts-key.ts).
 * A file edited without a change to its facts (a comment or a function body, no import moved) keeps
 * its facts key, whatever was in between. Two runs whose files have the same facts keys had the
 * same facts, so what is built from the facts alone (the report cache, report-cache.ts) can be
 * reused without decoding them.
 *
 * The pack is written whole to a temporary file in the cache directory and renamed over the old
 * one (atomic on POSIX), only when something changed; runs sharing a cache each read a complete
 * pack (the file they opened) and the last to finish wins. A pack that cannot be read or fails its
 * checksum is reported once and rebuilt; outcomes found damaged once they are needed are reported
 * once, and the files are read instead. A directory that cannot be written is reported once and the
 * run goes on.
 */
import { hash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import pkg from '../../package.json' with { type: 'json' };
import { buildManifest } from '../build-manifest.js';
import { makeDirectory, readAt } from '../cache-files.js';
import { factsKeyOf } from './facts-key.js';
import { OutcomeDecoder, OutcomeEncoder, type EncodedOutcomes } from './facts-codec.js';
import type { FactsAnswer, FileOutcome } from './read-facts.js';
import { askerIdentity, RACY_MARGIN_MS } from './probes.js';
import type { FileStat } from './source-tree.js';

export { RACY_MARGIN_MS };

export interface CacheSettings {
  /** The cache directory (made on first write, with a `.gitignore` of `*` and a CACHEDIR.TAG). */
  dir: string;
  /** The analyzed directory (absolute) whose entries are used: the tree's own, or the working tree's for `--changed-since`'s base. */
  owner: string;
  /** Use the entries but write nothing (`--changed-since`'s base, a temporary copy). */
  readOnly?: boolean;
}

/** How the files of one run were answered. */
export interface CacheCounts {
  /** From the stat alone: not read. */
  fromStat: number;
  /** Read and hashed, content unchanged: not parsed. */
  verified: number;
  /** Read and extracted. */
  extracted: number;
}

const MAGIC = Buffer.from('pyseam facts 2\n');
const DIGEST = 20;
/** Where the head starts: after the magic line, the head's SHA-1 and its length. */
const HEAD_AT = MAGIC.length + DIGEST + 4;

/** The entry's stat answers for the file without reading it: everything equal, and changed well before the entry was recorded. */
export function trustStat(recorded: FileStat, now: FileStat, recordedAt: number): boolean {
  return recorded.size === now.size && recorded.mtimeMs === now.mtimeMs && recorded.ctimeMs === now.ctimeMs && recorded.ino === now.ino
    && Math.max(now.mtimeMs, now.ctimeMs) < recordedAt - RACY_MARGIN_MS;
}

/** A pack's head as stored: file `i` is `paths[i]`, `stats[4i..4i+3]` (size, mtimeMs, ctimeMs, ino), `keys[i]`, `facts[i]`, and outcome `i` of the outcomes that follow (facts-codec.ts). */
interface StoredHead {
  code: string;
  options: string;
  /** When the run that wrote it started (ms since the epoch). */
  stamp: number;
  paths: string[];
  stats: Float64Array;
  keys: string[];
  /** Facts keys (see the top of this file). */
  facts: string[];
  /** SHA-1 (hex) of the serialized outcomes. */
  outcomesSha1: string;
}

/** The pack read: its head, and its outcomes when they are first needed (`FactsCache.outcomes`). */
interface OldPack extends StoredHead {
  /** The pack file, open from the start of the run (a pack renamed over it meanwhile does not change what is read). */
  fd: number;
  /** Where the outcomes start, and the file's size. */
  outcomesAt: number;
  size: number;
  /** The outcomes and their decoder, once read; null when they did not check out. */
  loaded?: { outcomes: EncodedOutcomes; decoder: OutcomeDecoder } | null;
}

let fingerprint: string | null = null;

/** The code that extracts facts: pyseam's and the grammar's versions and every file of src/parse (or dist/src/parse; bundled: build-manifest.ts). */
function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  const ext = here.slice(here.lastIndexOf('.'));
  const require = createRequire(import.meta.url);
  const parts = [pkg.version, (require('tree-sitter-python/package.json') as { version: string }).version, (require('tree-sitter/package.json') as { version: string }).version];
  // Bundled, the extractor shares its chunks with the rest of the program: the manifest names it; without one, every file beside this one does.
  const manifest = buildManifest(import.meta.url);
  if (manifest) parts.push(manifest.code);
  else for (const name of readdirSync(dir).filter((n) => n.endsWith(ext)).sort()) parts.push(name, hash('sha1', readFileSync(join(dir, name)), 'base64'));
  fingerprint = hash('sha1', parts.join('\0'), 'base64');
  return fingerprint;
}

export class FactsCache {
  readonly counts: CacheCounts = { fromStat: 0, verified: 0, extracted: 0 };
  /** The pack read, its outcomes decoded one at a time when asked for (never all held at once); null when there is none, or it is damaged. */
  private old: OldPack | null;
  /** The old pack's entry of each path: built when the jobs' order first differs from the pack's (`entryOf`). */
  private index: Map<string, number> | null = null;
  private nextEntry = 0;
  /**
   * The pack this run writes, in the order files are recorded: each new outcome is encoded as it is
   * recorded, not held; an unchanged file's entry is the old pack's (`sources[k] >= 0`, its index
   * there), copied only when the pack is saved, so a run that changed nothing copies nothing.
   * `sources[k] < 0` is new entry `-1 - sources[k]` of `encoder`.
   */
  private readonly fresh: { paths: string[]; keys: string[]; facts: string[]; sources: number[]; encoder: OutcomeEncoder | null };
  private readonly stamp: number;
  private readonly code: string;
  private readonly options: string;
  private dirty = false;

  /** The pack for `settings.owner` and these extraction options, read if there is one; `warn` gets the one line of a problem. */
  static open(settings: CacheSettings, extract: { importHelpers?: string[]; exportDecorators?: string[] }, warn: (message: string) => void): FactsCache {
    // The asker too: what a user may read and list is not another's (probes.ts).
    const options = JSON.stringify([relative(settings.dir, settings.owner), extract.importHelpers ?? [], extract.exportDecorators ?? [], askerIdentity()]);
    const file = join(settings.dir, `facts-${hash('sha1', options, 'hex').slice(0, 16)}.bin`);
    return new FactsCache(settings, file, options, warn);
  }

  private constructor(private readonly settings: CacheSettings, readonly file: string, options: string, private readonly warn: (message: string) => void) {
    // Taken before any file is stat'ed: an entry is trusted only for changes well before this.
    this.stamp = Date.now();
    this.code = codeFingerprint();
    this.options = options;
    this.old = this.read(this.code, options);
    this.fresh = { paths: [], keys: [], facts: [], sources: [], encoder: null };
  }

  /** The old pack's entry for `path`: the one after the last found when the orders agree (the usual case), else by the index. */
  private entryOf(path: string): number | undefined {
    const old = this.old;
    if (!old) return undefined;
    if (!this.index) {
      if (old.paths[this.nextEntry] === path) return this.nextEntry++;
      this.index = new Map(old.paths.map((p, i) => [p, i]));
    }
    return this.index.get(path);
  }

  /** The old pack's outcomes and their decoder, read and checked on first use; null when there are none or they are damaged (reported once). */
  private outcomes(): { outcomes: EncodedOutcomes; decoder: OutcomeDecoder } | null {
    const old = this.old;
    if (!old) return null;
    if (old.loaded !== undefined) return old.loaded;
    try {
      const payload = readAt(old.fd, old.outcomesAt, old.size - old.outcomesAt);
      if (hash('sha1', payload, 'hex') !== old.outcomesSha1) throw new Error('checksum mismatch: truncated or damaged');
      const encoded = deserialize(payload) as EncodedOutcomes;
      if (!(encoded?.ends instanceof Float64Array) || encoded.ends.length !== old.paths.length
        || !(encoded.bytes instanceof Uint8Array) || !Array.isArray(encoded.strings) || !Array.isArray(encoded.shapes)) {
        throw new Error('unexpected layout');
      }
      old.loaded = { outcomes: encoded, decoder: new OutcomeDecoder(encoded) };
    } catch (error) {
      this.warnOnce(`cache ${this.file}: unreadable (${(error as Error).message}); rebuilt`);
      this.dirty = true;
      old.loaded = null;
    }
    this.closePack();
    return old.loaded;
  }

  private closePack(): void {
    if (this.old && this.old.fd >= 0) {
      closeSync(this.old.fd);
      this.old.fd = -1;
    }
  }

  /** The encoder of this run's new outcomes, which continues the old outcomes' tables (their entries are copied as they are). */
  private encoder(): OutcomeEncoder {
    this.fresh.encoder ??= new OutcomeEncoder(this.outcomes()?.outcomes);
    return this.fresh.encoder;
  }

  /** Outcome `i` of the old pack. @throws when the outcomes are damaged, or its bytes do not decode. */
  private decodeOld(i: number): FileOutcome {
    const loaded = this.outcomes();
    if (!loaded) throw new Error('outcomes damaged');
    return loaded.decoder.decode(i);
  }

  private read(code: string, options: string): OldPack | null {
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch (error) {
      const errno = (error as { code?: string }).code;
      if (errno !== 'ENOENT' && errno !== 'ENOTDIR') this.warnOnce(`cache ${this.file}: unreadable (${(error as Error).message}); rebuilt`);
      return null;
    }
    try {
      const size = fstatSync(fd).size;
      const top = size >= HEAD_AT ? readAt(fd, 0, HEAD_AT) : Buffer.alloc(0);
      if (top.length < HEAD_AT || !top.subarray(0, MAGIC.length).equals(MAGIC)) {
        // A pack of another version's format is not damage: it is replaced, without a word.
        if (/^pyseam facts \d+\n/.test(top.subarray(0, MAGIC.length + 4).toString('latin1'))) {
          closeSync(fd);
          this.dirty = true;
          return null;
        }
        throw new Error('not a pyseam facts pack');
      }
      const headLength = top.readUInt32BE(MAGIC.length + DIGEST);
      if (HEAD_AT + headLength > size) throw new Error('checksum mismatch: truncated or damaged');
      const head = readAt(fd, HEAD_AT, headLength);
      if (!hash('sha1', head, 'buffer').equals(top.subarray(MAGIC.length, MAGIC.length + DIGEST))) throw new Error('checksum mismatch: truncated or damaged');
      const stored = deserialize(head) as StoredHead;
      if (stored?.code !== code || stored.options !== options) {
        closeSync(fd);
        return null;
      }
      const n = stored.paths?.length;
      if (!Array.isArray(stored.paths) || !(stored.stats instanceof Float64Array) || stored.stats.length !== 4 * n || stored.keys?.length !== n || stored.facts?.length !== n
        || typeof stored.stamp !== 'number' || typeof stored.outcomesSha1 !== 'string') {
        throw new Error('unexpected layout');
      }
      return { ...stored, fd, outcomesAt: HEAD_AT + headLength, size };
    } catch (error) {
      closeSync(fd);
      this.warnOnce(`cache ${this.file}: unreadable (${(error as Error).message}); rebuilt`);
      this.dirty = true;
      return null;
    }
  }

  private warned = false;
  private warnOnce(message: string): void {
    if (!this.warned) this.warn(message);
    this.warned = true;
  }

  /**
   * What the cache knows of a file whose stat is `stat` (null when it could not be stat'ed): an
   * entry to take the outcome from (`outcome(hit)`) when the stat can be trusted (the file is then
   * recorded for the next run), else the content key to expect when the file is read. Nothing is
   * decoded here: a run takes each outcome when its turn comes, so the outcomes of a whole
   * repository are never held at once.
   */
  lookup(job: number, path: string, stat: FileStat | null): { hit: number } | { expect?: string } {
    const i = this.entryOf(path);
    if (i === undefined || !this.old) return {};
    const s = this.old.stats;
    const recorded = { size: s[4 * i], mtimeMs: s[4 * i + 1], ctimeMs: s[4 * i + 2], ino: s[4 * i + 3] };
    if (stat && trustStat(recorded, stat, this.old.stamp)) {
      this.counts.fromStat++;
      this.add(job, path, stat, this.old.keys[i], this.old.facts[i], i);
      return { hit: i };
    }
    return { expect: this.old.keys[i] };
  }

  /**
   * The outcome of a `lookup` hit, or null when its bytes do not decode (the checksum passed, so
   * only a bug writes such an entry): reported once, and the caller reads the file instead and
   * `record`s it, which replaces the entry.
   */
  outcome(hit: number, counted: 'fromStat' | 'verified' = 'fromStat'): FileOutcome | null {
    try {
      return this.decodeOld(hit);
    } catch (error) {
      this.warnOnce(`cache ${this.file}: unreadable (${(error as Error).message}); rebuilt`);
      this.counts[counted]--;
      this.dirty = true;
      return null;
    }
  }

  /** Records a file that was read (`answer`), with the stat taken before reading it; returns its outcome. */
  record(job: number, path: string, stat: FileStat | null, answer: FactsAnswer): FileOutcome {
    this.dirty = true;
    if (answer.unchanged) return this.decodeOld(this.recordUnchanged(job, path, stat, answer.key));
    this.counts.extracted++;
    if (stat && answer.key !== undefined) {
      const encoder = this.encoder();
      encoder.add(answer.outcome);
      this.add(job, path, stat, answer.key, answer.facts ?? factsKeyOf(answer.outcome), -encoder.count);
    }
    return answer.outcome;
  }

  /** `record` of a file read and found unchanged (content key `key`), whose outcome is not decoded here: the entry to take it from (`outcome(entry, 'verified')`). */
  recordUnchanged(job: number, path: string, stat: FileStat | null, key: string): number {
    this.dirty = true;
    this.counts.verified++;
    const i = this.entryOf(path)!;
    if (stat) this.add(job, path, stat, key, this.old!.facts[i], i);
    return i;
  }

  /** The facts key recorded for job `job` in this run (see the top of this file), or undefined when its file was not recorded (no stat, or not read). */
  factsKey(job: number): string | undefined {
    const k = this.slots[job];
    return k === undefined ? undefined : this.fresh.facts[k];
  }

  private readonly statRows: number[] = [];
  /** Records job `job`'s file for the pack this run writes (a job recorded again replaces its entry); `source` as in `fresh.sources`. */
  private add(job: number, path: string, stat: FileStat, key: string, facts: string, source: number): void {
    let k = this.slots[job];
    if (k === undefined) {
      this.slots[job] = k = this.fresh.paths.length;
      this.fresh.paths.push(path);
    }
    this.statRows[4 * k] = stat.size;
    this.statRows[4 * k + 1] = stat.mtimeMs;
    this.statRows[4 * k + 2] = stat.ctimeMs;
    this.statRows[4 * k + 3] = stat.ino;
    this.fresh.keys[k] = key;
    this.fresh.facts[k] = facts;
    this.fresh.sources[k] = source;
  }

  /** Each job's entry in `fresh` (job: the caller's number for a file, one per path). */
  private readonly slots: number[] = [];

  /** Writes the pack when this run changed it (not for a read-only cache), and lets the old one go. Never throws: a failure is one warning. */
  save(): void {
    try {
      this.write();
    } finally {
      this.closePack();
    }
  }

  private write(): void {
    if (this.settings.readOnly) return;
    if (!this.dirty && this.fresh.paths.length === (this.old?.paths.length ?? -1)) return;
    const dir = this.settings.dir;
    const temp = join(dir, `.facts-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    try {
      // Entries kept from the old pack are copied from its outcomes; when those turned out damaged,
      // the entries are left out (their files are parsed by the next run).
      const { paths, keys, facts, sources } = this.fresh;
      const base = sources.some((source) => source >= 0) ? this.outcomes() : null;
      const kept = sources.flatMap((source, k) => (source < 0 || base ? [k] : []));
      const stats = new Float64Array(4 * kept.length);
      kept.forEach((k, j) => stats.set(this.statRows.slice(4 * k, 4 * k + 4), 4 * j));
      const outcomes = serialize(this.encoder().gather(base?.outcomes, kept.map((k) => sources[k])));
      const head = serialize({
        code: this.code, options: this.options, stamp: this.stamp, stats, outcomesSha1: hash('sha1', outcomes, 'hex'),
        paths: kept.map((k) => paths[k]), keys: kept.map((k) => keys[k]), facts: kept.map((k) => facts[k]),
      } satisfies StoredHead);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(head.length);
      makeDirectory(dir);
      if (!existsSync(join(dir, '.gitignore'))) writeFileSync(join(dir, '.gitignore'), '# Created by pyseam automatically.\n*\n');
      if (!existsSync(join(dir, 'CACHEDIR.TAG'))) {
        writeFileSync(join(dir, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by pyseam.\n# For information about cache directory tags, see https://bford.info/cachedir/\n');
      }
      const fd = openSync(temp, 'w');
      try {
        for (const part of [MAGIC, hash('sha1', head, 'buffer'), length, head, outcomes]) {
          for (let done = 0; done < part.length;) done += writeSync(fd, part, done);
        }
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.file);
    } catch (error) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // nothing was written
      }
      this.warnOnce(`cache ${dir}: not writable (${(error as Error).message}); the analysis goes on without saving it`);
    }
  }
}
