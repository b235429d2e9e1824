/**
 * The tree record: what every file-system probe of the last analysis of a directory answered
 * (parse/probes.ts), and the inputs (analyze.ts `analyzeOrReuse`) that analysis had. A run that asks
 * every probe again and gets the same answers has the same inputs, so its report can be replayed
 * (report-cache.ts) without discovering, reading the facts cache or building the module table: on a
 * large tree that is a stat per file and per directory, and nothing more. Git's index (a stat per
 * tracked file) and its untracked cache (a stat per directory instead of listing it) rest on the same
 * rule, with the same guard for racy files: a record holding a directory or file that changed less
 * than `RACY_MARGIN_MS` before its run started is not kept (a change in the same clock tick can keep
 * the stat), nor one whose run got two answers to one probe, or read a file whose stat was no longer
 * the probe's (collect-facts.ts `changedWhileRead`; the caller checks): the tree changed under it.
 *
 * One file per program, options, analyzed directory and asker (user and groups: parse/probes.ts) in
 * the cache directory (`tree-<hash>.bin`): a magic line, a JSON line (the key, the inputs, the number
 * of files, the number of probes, and a SHA-256 of the probes), then each probe's kind, path and
 * answer, NUL-separated. Written to a temporary file and renamed, only when it changed; at most
 * `MAX_RECORDS` are kept. A damaged one is reported once and replaced.
 */
import { createHash, hash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzeOptions } from '../analyze.js';
import { askerIdentity, changedAt, probe, RACY_MARGIN_MS, type ProbeKind, type ProbeSink } from '../parse/probes.js';
import { makeDirectory } from '../cache-files.js';
import { programFingerprint } from '../program-fingerprint.js';
import { keepNewest } from './report-cache.js';

const MAGIC = 'pyseam tree record 1\n';
/** Tree records kept in one cache directory (the most recently written). */
export const MAX_RECORDS = 8;

interface Header {
  key: string;
  inputs: string;
  /** The files the analysis had (FactsStats.files), for the stats line of a replay. */
  files: number;
  probes: number;
  /** SHA-256 (hex) of the probes' bytes (faster than SHA-1 where the CPU has SHA extensions). */
  sha256: string;
}

/** What asking the recorded probes again found: the recorded run's inputs and files when every answer was the same, else null and 0. */
export interface Rechecked {
  inputs: string | null;
  files: number;
}

export class TreeRecord {
  private readonly key: string;
  private readonly file: string;
  /** When this run started asking (ms since the epoch): the racy-git reference of what it records. */
  private readonly startedAt = Date.now();
  /** What this run's tree asked, by kind then path: the answer (in the order asked: a Map keeps it). */
  private readonly answers = new Map<string, string>();
  /** The probes `recheck` asked (`kind\0path`) and their answers, in the record's order, for the run's tree to use rather than ask again. */
  private early: { ids: string[]; answers: (string | undefined)[]; next: number; at: Map<string, number> | null } = { ids: [], answers: [], next: 0, at: null };
  /** What `recheck` asked: the record's text up to the first different answer (those answers were the record's), and that answer. */
  private asked: { text: string; end: number; last: { id: string; answer: string } | null } | null = null;
  private unstable = false;
  private racy = false;
  private oldDigest: string | null = null;

  /**
   * The record of analyzing `root` (absolute) with `options` by this program, kept in `cacheDir`;
   * `warn` gets the one line of a problem.
   */
  constructor(private readonly cacheDir: string, private readonly root: string, options: AnalyzeOptions, private readonly warn: (message: string) => void) {
    this.key = hash('sha1', JSON.stringify([programFingerprint(), { ...options, apiSources: [] }, root, askerIdentity()]), 'hex');
    this.file = join(cacheDir, `tree-${this.key.slice(0, 16)}.bin`);
  }

  /**
   * Asks the recorded probes again, in their order, up to the first different answer; what it asked
   * is kept for the run's tree (`sink`). Never throws: a missing record is none, a damaged one is
   * reported.
   */
  recheck(): Rechecked {
    const none = { inputs: null, files: 0 };
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return none;
    }
    const body = bytes.indexOf('\n', MAGIC.length) + 1;
    let header: Header;
    try {
      if (bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC || body <= MAGIC.length) throw new Error('not a tree record');
      header = JSON.parse(bytes.subarray(MAGIC.length, body).toString('utf8')) as Header;
      if (header.key !== this.key || createHash('sha256').update(bytes.subarray(body)).digest('hex') !== header.sha256) throw new Error('checksum mismatch: truncated or damaged');
    } catch (error) {
      this.warn(`cache ${this.file}: unreadable (${(error as Error).message}); replaced`);
      return none;
    }
    this.oldDigest = header.sha256;
    // Field by field, without splitting the whole text: kind, path, answer, each NUL-terminated.
    const text = bytes.toString('utf8', body);
    let at = 0;
    for (let n = 0; n < header.probes; n++) {
      const pathAt = text.indexOf('\0', at) + 1;
      const answerAt = text.indexOf('\0', pathAt) + 1;
      const end = text.indexOf('\0', answerAt);
      if (pathAt === 0 || answerAt === 0 || end < 0) return none;
      const answer = probe(text.slice(at, pathAt - 1) as ProbeKind, this.absolute(text.slice(pathAt, answerAt - 1)));
      if (answer.length !== end - answerAt || !text.startsWith(answer, answerAt)) {
        this.asked = { text, end: at, last: { id: text.slice(at, answerAt - 1), answer } };
        return none;
      }
      at = end + 1;
    }
    this.asked = { text, end: at, last: null };
    return at === text.length ? { inputs: header.inputs, files: header.files } : none;
  }

  /** The probe sink of this run's tree (parse/source-tree.ts `nodeTree`): answers from `recheck` first, and notes every answer. */
  sink(): ProbeSink {
    return {
      take: (kind, path) => {
        const id = `${kind}\0${path}`;
        const answer = this.earlyAnswer(id) ?? probe(kind, this.absolute(path));
        const before = this.answers.get(id);
        if (before === undefined) this.answers.set(id, answer);
        else if (before !== answer) this.unstable = true;
        if (changedAt(kind, answer) >= this.startedAt - RACY_MARGIN_MS) this.racy = true;
        return answer;
      },
    };
  }

  /** The answers `recheck` got, as `early` holds them: made only when the run goes on to discover (a replay needs none). */
  private unpackAsked(): void {
    const { text, end, last } = this.asked!;
    this.asked = null;
    const { ids, answers } = this.early;
    for (let at = 0; at < end;) {
      const answerAt = text.indexOf('\0', text.indexOf('\0', at) + 1) + 1;
      const next = text.indexOf('\0', answerAt);
      ids.push(text.slice(at, answerAt - 1));
      answers.push(text.slice(answerAt, next));
      at = next + 1;
    }
    if (last) {
      ids.push(last.id);
      answers.push(last.answer);
    }
  }

  /** The answer `recheck` got for probe `id`, once: the run asks in the record's order unless the tree changed, so the next one is tried first. */
  private earlyAnswer(id: string): string | undefined {
    if (this.asked) this.unpackAsked();
    const early = this.early;
    let i = early.next;
    if (early.ids[i] !== id) {
      early.at ??= new Map(early.ids.map((x, n) => [x, n]));
      i = early.at.get(id) ?? -1;
      if (i < 0 || early.answers[i] === undefined) return undefined;
    }
    const answer = early.answers[i];
    early.answers[i] = undefined;
    early.next = i + 1;
    return answer;
  }

  /**
   * Keeps what the sink noted, as the probes of an analysis with `inputs` and `files` files; not when
   * a probe was racy or got two answers, nor when the record is already this one. Never throws:
   * a failure is one warning.
   */
  save(inputs: string, files: number): void {
    if (this.unstable || this.racy || this.answers.size === 0) return;
    // The probes go out a piece at a time (the run's result is at its largest now): hashed once to
    // see whether the record is already this one, then hashed and written.
    const sha256 = createHash('sha256');
    for (const piece of this.pieces()) sha256.update(piece);
    const digest = sha256.digest('hex');
    if (digest === this.oldDigest) return;
    const header = Buffer.from(`${JSON.stringify({ key: this.key, inputs, files, probes: this.answers.size, sha256: digest } satisfies Header)}\n`, 'utf8');
    const temp = join(this.cacheDir, `.tree-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    let fd: number | null = null;
    try {
      makeDirectory(this.cacheDir);
      fd = openSync(temp, 'w');
      writeAll(fd, Buffer.concat([Buffer.from(MAGIC, 'latin1'), header]));
      for (const piece of this.pieces()) writeAll(fd, piece);
      closeSync(fd);
      fd = null;
      renameSync(temp, this.file);
      this.prune();
    } catch (error) {
      try {
        if (fd !== null) closeSync(fd);
        rmSync(temp, { force: true });
      } catch {
        // nothing was written there
      }
      this.warn(`cache ${this.cacheDir}: not writable (${(error as Error).message}); the tree record is not kept`);
    }
  }

  /** The probes as the file holds them (kind, path, answer, each NUL-terminated), in pieces of about 64 KB. */
  private *pieces(): Generator<Buffer> {
    let parts: string[] = [];
    let length = 0;
    for (const [id, answer] of this.answers) {
      parts.push(id, answer);
      length += id.length + answer.length + 2;
      if (length >= 65536) {
        yield Buffer.from(`${parts.join('\0')}\0`, 'utf8');
        parts = [];
        length = 0;
      }
    }
    if (parts.length) yield Buffer.from(`${parts.join('\0')}\0`, 'utf8');
  }

  private absolute(path: string): string {
    return path === '.' || path === '' ? this.root : `${this.root}/${path}`;
  }

  /** Removes all but the `MAX_RECORDS` most recently written records. */
  private prune(): void {
    keepNewest(this.cacheDir, /^tree-[0-9a-f]{16}\.bin$/, MAX_RECORDS);
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
}
