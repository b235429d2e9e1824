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
 * When the only answers that differ are the stats of a few modules and directories (at most
 * `MAX_PATCHED` of each; every one readable before and after), `patch` lists those directories again:
 * when each gives the entries it gave (a file replaced by a rename, as editors and `sed -i` save it,
 * changes its directory's stat, not its entries), discovery would find what it found, and the inputs
 * differ at most in the changed modules' facts. It reads and parses just those modules, and names the
 * run's inputs from the record's detail file (each module's facts key: analysis-inputs.ts). An edit
 * that leaves a module's imports as they were (a comment, a function body) is then replayed too, as
 * git refreshes its index by reading only the files whose stat changed.
 *
 * Two files per program, options, analyzed directory and asker (user and groups: parse/probes.ts) in
 * the cache directory. `tree-<hash>.bin`: a magic line, a JSON line (the key, the inputs, the number
 * of files, the number of probes, a SHA-256 of the probes, and the SHA-256 of the detail file written
 * with it), then each probe's kind, path and answer, NUL-separated. `tree-<hash>.detail`: a magic
 * line, a JSON line (the key, the inputs' base, the number of jobs), then each job's path, `1` for a
 * stub or `0`, and facts key, in the jobs' order, then each directory listed and its listing's digest
 * (parse/probes.ts `listingDigest`), NUL-separated. Each written to a temporary file and renamed, the
 * detail file first, only when they changed; at most `MAX_RECORDS` of each are kept. A damaged record
 * is reported once and replaced; a detail file that is not its record's is not used.
 */
import { createHash, hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzeOptions, InputsParts } from '../analyze.js';
import { inputsOf } from '../analysis-inputs.js';
import { writeAtomically } from '../cache-files.js';
import { askerIdentity, changedAt, probe, RACY_MARGIN_MS, statOf, type ProbeKind, type ProbeSink } from '../parse/probes.js';
import type { FactsAnswer } from '../parse/read-facts.js';
import type { ExtractOptions } from '../parse/types.js';
import { programFingerprint } from '../program-fingerprint.js';
import { keepNewest } from './report-cache.js';

const MAGIC = 'pyseam tree record 2\n';
const DETAIL_MAGIC = 'pyseam tree detail 1\n';
/** Tree records kept in one cache directory (the most recently written). */
export const MAX_RECORDS = 8;
/** At most this many modules whose stat changed are read by `patch` (and as many directories listed); more, and the run analyzes as usual (its workers parse them faster). */
export const MAX_PATCHED = 32;

interface Header {
  key: string;
  inputs: string;
  /** The files the analysis had (FactsStats.files), for the stats line of a replay. */
  files: number;
  probes: number;
  /** SHA-256 (hex) of the probes' bytes (faster than SHA-1 where the CPU has SHA extensions). */
  sha256: string;
  /** SHA-256 (hex) of the detail file written with this record. */
  detail: string;
}

/** What asking the recorded probes again found: the recorded run's inputs and files when every answer was the same, else null and 0. */
export interface Rechecked {
  inputs: string | null;
  files: number;
  /** Modules whose stat differs, and directories, every other answer being the same: `patch` may name the run's inputs (both 0 otherwise). */
  changed: number;
  changedDirs: number;
}

/** A `file` or `dir` probe whose answer differs from the record's, and the position of the record's answer in its text. */
interface Changed {
  kind: 'file' | 'dir';
  path: string;
  answer: string;
  answerAt: number;
  end: number;
}

/** Is `answer` a `file` or `dir` probe's stat of something this process may read? */
const readable = (answer: string): boolean => !answer.startsWith('!') && !answer.includes(':!');

export class TreeRecord {
  private readonly key: string;
  private readonly file: string;
  private readonly detailFile: string;
  /** When this run started asking (ms since the epoch): the racy-git reference of what it records. */
  private readonly startedAt = Date.now();
  /** What this run's tree asked, by kind then path: the answer (in the order asked: a Map keeps it). */
  private readonly answers = new Map<string, string>();
  /** What listing each directory gave this run (parse/probes.ts `listingDigest`). */
  private readonly listings = new Map<string, string>();
  /** The probes `recheck` asked (`kind\0path`) and their answers, in the record's order, for the run's tree to use rather than ask again. */
  private early: { ids: string[]; answers: (string | undefined)[]; next: number; at: Map<string, number> | null } = { ids: [], answers: [], next: 0, at: null };
  /**
   * What `recheck` asked: the record's text up to the first answer it could not patch (those answers
   * were the record's, but `changed`'s), and that answer.
   */
  private asked: { text: string; end: number; changed: Changed[]; last: { id: string; answer: string } | null } | null = null;
  /** The record read by `recheck`. */
  private old: Header | null = null;
  /** What `patch` made: the jobs and their facts keys now, the directories' listings, and the inputs they name. */
  private patched: { inputs: string; base: string; paths: string[]; stubs: string[]; keys: string[]; listings: Map<string, string> } | null = null;
  /** The modules `patch` read and parsed, for the run's facts phase should it go on (collect-facts.ts `CollectOptions.read`). */
  readonly read = new Map<string, FactsAnswer>();
  private unstable = false;
  private racy = false;

  /**
   * The record of analyzing `root` (absolute) with `options` by this program, kept in `cacheDir`;
   * `warn` gets the one line of a problem.
   */
  constructor(private readonly cacheDir: string, private readonly root: string, options: AnalyzeOptions, private readonly warn: (message: string) => void) {
    this.key = hash('sha1', JSON.stringify([programFingerprint(), { ...options, apiSources: [] }, root, askerIdentity()]), 'hex');
    this.file = join(cacheDir, `tree-${this.key.slice(0, 16)}.bin`);
    this.detailFile = join(cacheDir, `tree-${this.key.slice(0, 16)}.detail`);
  }

  /**
   * Asks the recorded probes again, in their order, up to the first different answer that is not a
   * readable file's or directory's new stat (nor one more than `MAX_PATCHED` of either); what it asked
   * is kept for the run's tree (`sink`). Never throws: a missing record is none, a damaged one is reported.
   */
  recheck(): Rechecked {
    const none = { inputs: null, files: 0, changed: 0, changedDirs: 0 };
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
      if (header.key !== this.key) throw new Error('the record of other options or another program');
      if (createHash('sha256').update(bytes.subarray(body)).digest('hex') !== header.sha256) throw new Error('checksum mismatch: truncated or damaged');
    } catch (error) {
      this.warn(`cache ${this.file}: unreadable (${(error as Error).message}); replaced`);
      return none;
    }
    this.old = header;
    // Field by field, without splitting the whole text: kind, path, answer, each NUL-terminated.
    const text = bytes.toString('utf8', body);
    const changed: Changed[] = [];
    const counts = { file: 0, dir: 0 };
    let at = 0;
    for (let n = 0; n < header.probes; n++) {
      const pathAt = text.indexOf('\0', at) + 1;
      const answerAt = text.indexOf('\0', pathAt) + 1;
      const end = text.indexOf('\0', answerAt);
      if (pathAt === 0 || answerAt === 0 || end < 0) return none;
      const kind = text.slice(at, pathAt - 1) as ProbeKind;
      const path = text.slice(pathAt, answerAt - 1);
      const answer = probe(kind, this.absolute(path));
      if (answer.length !== end - answerAt || !text.startsWith(answer, answerAt)) {
        if ((kind === 'file' || kind === 'dir') && counts[kind] < MAX_PATCHED && readable(answer) && readable(text.slice(answerAt, end))) {
          counts[kind]++;
          changed.push({ kind, path, answer, answerAt, end });
        } else {
          this.asked = { text, end: at, changed, last: { id: text.slice(at, answerAt - 1), answer } };
          return none;
        }
      }
      at = end + 1;
    }
    this.asked = { text, end: at, changed, last: null };
    if (at !== text.length) return none;
    return { inputs: changed.length ? null : header.inputs, files: header.files, changed: counts.file, changedDirs: counts.dir };
  }

  /**
   * After a `recheck` that found only files' and directories' stats changed: lists those directories
   * again, reads and parses those modules (with `extract`), and names the inputs the run would have
   * from the record's detail file and the modules' new facts keys. Null when it cannot: no detail file
   * of this record, a directory whose entries changed, a changed file that is not a module, or one
   * whose stat changed again while it was read.
   */
  async patch(extract: ExtractOptions): Promise<string | null> {
    const changed = this.asked?.changed;
    if (!this.old || !changed?.length || this.asked?.last) return null;
    const detail = this.readDetail();
    if (!detail) return null;
    const { base, paths, stubs, keys, listings } = detail;
    const [{ readFacts }, { nodeTree }, { listingDigest }] = await Promise.all([
      import('../parse/read-facts.js'), import('../parse/source-tree.js'), import('../parse/probes.js')]);
    const tree = nodeTree(this.root);
    const jobOf = new Map<string, number>();
    for (const c of changed) if (c.kind === 'file') jobOf.set(c.path, -1);
    paths.forEach((path, i) => jobOf.has(path) && jobOf.set(path, i));
    for (const c of changed) {
      if (c.kind === 'dir') {
        let digest: string;
        try {
          digest = listingDigest(tree.list(c.path));
        } catch {
          return null;
        }
        if (digest !== listings.get(c.path)) return null;
        continue;
      }
      const i = jobOf.get(c.path)!;
      if (i < 0) return null;
      const read = readFacts(tree, { path: c.path, stub: stubs[i] === '1' }, extract, true);
      this.read.set(c.path, read);
      const now = statOf(c.answer);
      if (read.unchanged || !read.stat || !read.facts || read.stat.size !== now.size || read.stat.mtimeMs !== now.mtimeMs
        || read.stat.ctimeMs !== now.ctimeMs || read.stat.ino !== now.ino) return null;
      keys[i] = read.facts;
    }
    const { factsDigestOf } = await import('../parse/facts-key.js');
    const inputs = inputsOf(base, factsDigestOf(paths, keys));
    this.patched = { inputs, base, paths, stubs, keys, listings };
    return inputs;
  }

  /** The record's detail file, when it is the one the record names. */
  private readDetail(): { base: string; paths: string[]; stubs: string[]; keys: string[]; listings: Map<string, string> } | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.detailFile);
    } catch {
      return null; // none: the run analyzes, and its record is written with one
    }
    if (createHash('sha256').update(bytes).digest('hex') !== this.old!.detail || bytes.subarray(0, DETAIL_MAGIC.length).toString('latin1') !== DETAIL_MAGIC) {
      this.warn(`cache ${this.detailFile}: unreadable (not the detail its record names: damaged, or written by a concurrent run); replaced`);
      return null;
    }
    const body = bytes.indexOf('\n', DETAIL_MAGIC.length) + 1;
    const { base, jobs } = JSON.parse(bytes.subarray(DETAIL_MAGIC.length, body).toString('utf8')) as { key: string; base: string; jobs: number };
    const fields = bytes.toString('utf8', body).split('\0');
    fields.pop();
    const paths: string[] = [];
    const stubs: string[] = [];
    const keys: string[] = [];
    let f = 0;
    for (let i = 0; i < jobs; i++, f += 3) {
      paths.push(fields[f]);
      stubs.push(fields[f + 1]);
      keys.push(fields[f + 2]);
    }
    const listings = new Map<string, string>();
    for (; f + 1 < fields.length; f += 2) listings.set(fields[f], fields[f + 1]);
    return { base, paths, stubs, keys, listings };
  }

  /** The probe sink of this run's tree (parse/source-tree.ts `nodeTree`): answers from `recheck` first, and notes every answer. */
  sink(): ProbeSink {
    return {
      listed: (dir, digest) => {
        const before = this.listings.get(dir);
        if (before === undefined) this.listings.set(dir, digest);
        else if (before !== digest) this.unstable = true;
      },
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
    const { text, end, changed, last } = this.asked!;
    this.asked = null;
    const { ids, answers } = this.early;
    const newer = new Map(changed.map((c) => [c.answerAt, c.answer]));
    for (let at = 0; at < end;) {
      const answerAt = text.indexOf('\0', text.indexOf('\0', at) + 1) + 1;
      const next = text.indexOf('\0', answerAt);
      ids.push(text.slice(at, answerAt - 1));
      answers.push(newer.get(answerAt) ?? text.slice(answerAt, next));
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
   * Keeps what the sink noted, as the probes of an analysis with `inputs` (made of `parts`) and
   * `files` files; not when a probe was racy or got two answers, nor when the record is already this
   * one. Never throws: a failure is one warning.
   */
  save(inputs: string, files: number, parts: InputsParts): void {
    if (this.unstable || this.racy || this.answers.size === 0) return;
    const answers = this.answers;
    // Both go out a piece at a time (the run's result is at its largest now): hashed once to see
    // whether the record is already this one, then hashed and written.
    const probes = function* (): Generator<Buffer> {
      yield* inPieces(function* () {
        for (const [id, answer] of answers) yield `${id}\0${answer}\0`;
      }());
    };
    const detail = () => this.detailPieces(parts.base, parts.jobs.map((j) => j.path), parts.jobs.map((j) => (j.stub ? '1' : '0')), parts.keys, this.listings);
    this.write({ inputs, files, probes: answers.size }, probes, detail);
  }

  /** After a `patch` whose inputs were replayed: keeps the record with the changed modules' new stats and facts keys, unless one changed too recently (racy). */
  savePatched(): void {
    const changed = this.asked?.changed;
    const patched = this.patched;
    if (!this.old || !changed || !patched) return;
    if (changed.some((c) => changedAt(c.kind, c.answer) >= this.startedAt - RACY_MARGIN_MS)) return;
    const { text } = this.asked!;
    const probes = function* (): Generator<Buffer> {
      yield* inPieces(function* () {
        let at = 0;
        for (const c of changed) {
          yield text.slice(at, c.answerAt);
          yield c.answer;
          at = c.end;
        }
        yield text.slice(at);
      }());
    };
    const detail = () => this.detailPieces(patched.base, patched.paths, patched.stubs, patched.keys, patched.listings);
    this.write({ inputs: patched.inputs, files: this.old.files, probes: this.old.probes }, probes, detail);
  }

  /** The detail file's bytes, in pieces. */
  private *detailPieces(base: string, paths: string[], stubs: string[], keys: string[], listings: Map<string, string>): Generator<Buffer> {
    yield Buffer.from(`${DETAIL_MAGIC}${JSON.stringify({ key: this.key, base, jobs: paths.length })}\n`, 'utf8');
    yield* inPieces(function* () {
      for (let i = 0; i < paths.length; i++) yield `${paths[i]}\0${stubs[i]}\0${keys[i]}\0`;
      for (const [dir, digest] of listings) yield `${dir}\0${digest}\0`;
    }());
  }

  /** Writes the detail file, then the record that names it; not when both are as they were. */
  private write(header: Pick<Header, 'inputs' | 'files' | 'probes'>, probes: () => Iterable<Buffer>, detail: () => Iterable<Buffer>): void {
    const sha256 = digestOf(probes());
    const detailSha256 = digestOf(detail());
    if (sha256 === this.old?.sha256 && detailSha256 === this.old.detail && header.inputs === this.old.inputs) return;
    const line = `${MAGIC}${JSON.stringify({ key: this.key, ...header, sha256, detail: detailSha256 } satisfies Header)}\n`;
    try {
      writeAtomically(this.detailFile, detail());
      writeAtomically(this.file, (function* () {
        yield Buffer.from(line, 'utf8');
        yield* probes();
      })());
      keepNewest(this.cacheDir, /^tree-[0-9a-f]{16}\.bin$/, MAX_RECORDS);
      keepNewest(this.cacheDir, /^tree-[0-9a-f]{16}\.detail$/, MAX_RECORDS);
    } catch (error) {
      this.warn(`cache ${this.cacheDir}: not writable (${(error as Error).message}); the tree record is not kept`);
    }
  }

  private absolute(path: string): string {
    return path === '.' || path === '' ? this.root : `${this.root}/${path}`;
  }
}

/** SHA-256 (hex) of the pieces. */
function digestOf(pieces: Iterable<Buffer>): string {
  const sha256 = createHash('sha256');
  for (const piece of pieces) sha256.update(piece);
  return sha256.digest('hex');
}

/** The strings, UTF-8, in buffers of about 64 KB. */
function* inPieces(strings: Iterable<string>): Generator<Buffer> {
  let parts: string[] = [];
  let length = 0;
  for (const s of strings) {
    parts.push(s);
    length += s.length;
    if (length >= 65536) {
      yield Buffer.from(parts.join(''), 'utf8');
      parts = [];
      length = 0;
    }
  }
  if (parts.length) yield Buffer.from(parts.join(''), 'utf8');
}
