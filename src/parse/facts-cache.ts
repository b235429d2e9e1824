/**
 * The incremental cache: each file's extracted facts, kept on disk between runs, so a run where
 * nothing changed parses nothing and reads no source.
 *
 * One pack file per analyzed directory and extraction options (`facts-<hash>.bin` in the cache
 * directory): a magic line, a SHA-1 of the rest, and node:v8's serialization of, per file, its path,
 * its stat (size, mtime, ctime, inode), its content key (read-facts.ts: a SHA-1 of the bytes, marked
 * for stubs), its facts key (below) and its outcome in the compact form of facts-codec.ts. The pack's header holds a
 * fingerprint of the code that extracted the facts (pyseam's and tree-sitter-python's versions and
 * the bytes of src/parse), so another version or a changed extractor starts afresh.
 *
 * A file is answered from its stat alone when size, mtime, ctime and inode all match and the entry
 * is not racy (git's rule, racy-git.txt): a file changed in the same clock tick as the run that
 * recorded it can keep its size and mtime, so an entry whose mtime or ctime is not older than that
 * run's start minus `RACY_MARGIN_MS` is checked by hashing the bytes again. A stat that differs only
 * means "hash it": the content key decides, so a touched file is read but not parsed, and a stale
 * entry never gives a wrong result. Faking the old mtime with utimes(2) changes the ctime.
 *
 * A file's facts key names its facts, not its bytes: the content key of the first version of the
 * file that gave these facts. A file re-extracted with the same facts as its entry (a comment or a
 * function body edited, the imports untouched) keeps the entry's facts key; other facts take the new
 * content key. Two runs whose files have the same facts keys had the same facts, so what is built
 * from the facts alone (the report cache, report-cache.ts) can be reused without decoding them.
 *
 * The pack is written whole to a temporary file in the cache directory and renamed over the old
 * one (atomic on POSIX), only when something changed; runs sharing a cache each read a complete
 * pack and the last to finish wins. A pack that cannot be read or fails its checksum is reported
 * once and rebuilt; a directory that cannot be written is reported once and the run goes on.
 */
import { hash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import pkg from '../../package.json' with { type: 'json' };
import { OutcomeDecoder, OutcomeEncoder, type EncodedOutcomes } from './facts-codec.js';
import type { FactsAnswer, FileOutcome } from './read-facts.js';
import type { FileStat } from './source-tree.js';

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

/** Changes within this many milliseconds of a run's start are not trusted by stat alone (covers 1-2 s mtime granularity). */
export const RACY_MARGIN_MS = 3000;
const MAGIC = Buffer.from('pyseam facts 1\n');
const DIGEST = 20;

/** The entry's stat answers for the file without reading it: everything equal, and changed well before the entry was recorded. */
export function trustStat(recorded: FileStat, now: FileStat, recordedAt: number): boolean {
  return recorded.size === now.size && recorded.mtimeMs === now.mtimeMs && recorded.ctimeMs === now.ctimeMs && recorded.ino === now.ino
    && Math.max(now.mtimeMs, now.ctimeMs) < recordedAt - RACY_MARGIN_MS;
}

/** A pack as stored: file `i` is `paths[i]`, `stats[4i..4i+3]` (size, mtimeMs, ctimeMs, ino), `keys[i]`, `facts[i]` and outcome `i` encoded (facts-codec.ts). */
interface StoredPack {
  code: string;
  options: string;
  /** When the run that wrote it started (ms since the epoch). */
  stamp: number;
  paths: string[];
  stats: Float64Array;
  keys: string[];
  /** Facts keys (see the top of this file). */
  facts: string[];
  outcomes: EncodedOutcomes;
}

let fingerprint: string | null = null;

/** The code that extracts facts: pyseam's and the grammar's versions and every file of src/parse (or dist/src/parse). */
function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  const ext = here.slice(here.lastIndexOf('.'));
  const require = createRequire(import.meta.url);
  const parts = [pkg.version, (require('tree-sitter-python/package.json') as { version: string }).version, (require('tree-sitter/package.json') as { version: string }).version];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(ext)).sort()) parts.push(name, hash('sha1', readFileSync(join(dir, name)), 'base64'));
  fingerprint = hash('sha1', parts.join('\0'), 'base64');
  return fingerprint;
}

export class FactsCache {
  readonly counts: CacheCounts = { fromStat: 0, verified: 0, extracted: 0 };
  /** The pack read, its outcomes decoded one at a time when asked for (never all held at once); null once found damaged. */
  private old: (StoredPack & { decoder: OutcomeDecoder }) | null;
  private readonly index = new Map<string, number>();
  /**
   * The pack this run writes, in the order files are recorded: each new outcome is encoded as it is
   * recorded, not held; an unchanged file's entry is the old pack's (`sources[k] >= 0`, its index
   * there), copied only when the pack is saved, so a run that changed nothing copies nothing.
   * `sources[k] < 0` is new entry `-1 - sources[k]` of `encoder`.
   */
  private readonly fresh: { paths: string[]; keys: string[]; facts: string[]; sources: number[]; encoder: OutcomeEncoder };
  private readonly stamp: number;
  private readonly code: string;
  private readonly options: string;
  private dirty = false;

  /** The pack for `settings.owner` and these extraction options, read if there is one; `warn` gets the one line of a problem. */
  static open(settings: CacheSettings, extract: { importHelpers?: string[]; exportDecorators?: string[] }, warn: (message: string) => void): FactsCache {
    const options = JSON.stringify([relative(settings.dir, settings.owner), extract.importHelpers ?? [], extract.exportDecorators ?? []]);
    const file = join(settings.dir, `facts-${hash('sha1', options, 'hex').slice(0, 16)}.bin`);
    return new FactsCache(settings, file, options, warn);
  }

  private constructor(private readonly settings: CacheSettings, readonly file: string, options: string, private readonly warn: (message: string) => void) {
    // Taken before any file is stat'ed: an entry is trusted only for changes well before this.
    this.stamp = Date.now();
    this.code = codeFingerprint();
    this.options = options;
    this.old = this.read(this.code, options);
    if (this.old) this.old.paths.forEach((p, i) => this.index.set(p, i));
    this.fresh = { paths: [], keys: [], facts: [], sources: [], encoder: new OutcomeEncoder(this.old?.outcomes) };
  }

  private read(code: string, options: string): (StoredPack & { decoder: OutcomeDecoder }) | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch (error) {
      const errno = (error as { code?: string }).code;
      if (errno !== 'ENOENT' && errno !== 'ENOTDIR') this.warnOnce(`cache ${this.file}: unreadable (${(error as Error).message}); rebuilt`);
      return null;
    }
    try {
      if (bytes.length < MAGIC.length + DIGEST || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a pyseam facts pack');
      const payload = bytes.subarray(MAGIC.length + DIGEST);
      if (!hash('sha1', payload, 'buffer').equals(bytes.subarray(MAGIC.length, MAGIC.length + DIGEST))) throw new Error('checksum mismatch: truncated or damaged');
      const stored = deserialize(payload) as StoredPack;
      if (stored?.code !== code || stored.options !== options) return null;
      const n = stored.paths?.length;
      const encoded = stored.outcomes;
      if (!Array.isArray(stored.paths) || !(stored.stats instanceof Float64Array) || stored.stats.length !== 4 * n || stored.keys?.length !== n || stored.facts?.length !== n
        || typeof stored.stamp !== 'number' || !(encoded?.ends instanceof Float64Array) || encoded.ends.length !== n
        || !(encoded.bytes instanceof Uint8Array) || !Array.isArray(encoded.strings) || !Array.isArray(encoded.shapes)) {
        throw new Error('unexpected layout');
      }
      return { ...stored, decoder: new OutcomeDecoder(encoded) };
    } catch (error) {
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
  lookup(path: string, stat: FileStat | null): { hit: number } | { expect?: string } {
    const i = this.index.get(path);
    if (i === undefined || !this.old) return {};
    const s = this.old.stats;
    const recorded = { size: s[4 * i], mtimeMs: s[4 * i + 1], ctimeMs: s[4 * i + 2], ino: s[4 * i + 3] };
    if (stat && trustStat(recorded, stat, this.old.stamp)) {
      this.counts.fromStat++;
      this.add(path, stat, this.old.keys[i], this.old.facts[i], i);
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
      return this.old!.decoder.decode(hit);
    } catch (error) {
      this.warnOnce(`cache ${this.file}: unreadable (${(error as Error).message}); rebuilt`);
      this.counts[counted]--;
      this.dirty = true;
      return null;
    }
  }

  /** Records a file that was read (`answer`), with the stat taken before reading it; returns its outcome. */
  record(path: string, stat: FileStat | null, answer: FactsAnswer): FileOutcome {
    this.dirty = true;
    if (answer.unchanged) return this.old!.decoder.decode(this.recordUnchanged(path, stat, answer.key));
    this.counts.extracted++;
    if (stat && answer.key !== undefined) {
      this.fresh.encoder.add(answer.outcome);
      this.add(path, stat, answer.key, this.sameFacts(path, answer.outcome) ?? answer.key, -this.fresh.encoder.count);
    }
    return answer.outcome;
  }

  /** `record` of a file read and found unchanged (content key `key`), whose outcome is not decoded here: the entry to take it from (`outcome(entry, 'verified')`). */
  recordUnchanged(path: string, stat: FileStat | null, key: string): number {
    this.dirty = true;
    this.counts.verified++;
    const i = this.index.get(path)!;
    if (stat) this.add(path, stat, key, this.old!.facts[i], i);
    return i;
  }

  /** The facts key of the old entry for `path` when its outcome equals `outcome` (a canonical JSON of each), else null. */
  private sameFacts(path: string, outcome: FileOutcome): string | null {
    const i = this.index.get(path);
    if (i === undefined || !this.old) return null;
    try {
      return canonicalJson(this.old.decoder.decode(i)) === canonicalJson(outcome) ? this.old.facts[i] : null;
    } catch {
      return null; // an entry that does not decode has no facts to share
    }
  }

  /** The facts key recorded for `path` in this run (see the top of this file), or undefined when the file was not recorded (no stat, or not read). */
  factsKey(path: string): string | undefined {
    const k = this.recorded.get(path);
    return k === undefined ? undefined : this.fresh.facts[k];
  }

  private readonly statRows: number[] = [];
  /** Records a file for the pack this run writes (a path recorded again replaces its entry); `source` as in `fresh.sources`. */
  private add(path: string, stat: FileStat, key: string, facts: string, source: number): void {
    let k = this.recorded.get(path);
    if (k === undefined) {
      this.recorded.set(path, (k = this.fresh.paths.length));
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

  private readonly recorded = new Map<string, number>();

  /** Writes the pack when this run changed it (not for a read-only cache). Never throws: a failure is one warning. */
  save(): void {
    if (this.settings.readOnly) return;
    if (!this.dirty && this.fresh.paths.length === (this.old?.paths.length ?? -1)) return;
    const dir = this.settings.dir;
    const temp = join(dir, `.facts-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    try {
      mkdirSync(dir, { recursive: true });
      if (!existsSync(join(dir, '.gitignore'))) writeFileSync(join(dir, '.gitignore'), '# Created by pyseam automatically.\n*\n');
      if (!existsSync(join(dir, 'CACHEDIR.TAG'))) {
        writeFileSync(join(dir, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by pyseam.\n# For information about cache directory tags, see https://bford.info/cachedir/\n');
      }
      const stored: StoredPack = {
        code: this.code, options: this.options, stamp: this.stamp, paths: this.fresh.paths, keys: this.fresh.keys, facts: this.fresh.facts,
        stats: Float64Array.from(this.statRows), outcomes: this.fresh.encoder.gather(this.old?.outcomes, this.fresh.sources),
      };
      const payload = serialize(stored);
      // The payload holds the bytes now: not two copies of the pack at once, nor a third in one buffer.
      stored.outcomes = { strings: [], shapes: [], bytes: new Uint8Array(0), ends: new Float64Array(0) };
      const fd = openSync(temp, 'w');
      try {
        for (const part of [MAGIC, hash('sha1', payload, 'buffer'), payload]) {
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

/** JSON with every object's keys sorted: equal for two plain values with the same contents, whatever order their fields were made in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}
