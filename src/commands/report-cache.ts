/**
 * The report cache: `pyseam analyze` run again on the same inputs replays the report it wrote
 * then, with its warnings and its exit status, instead of analyzing again. The inputs are those of
 * `analyzeOrReuse` (analyze.ts): the program, the options, what discovery found and every file's
 * facts, so a run after an edit that leaves every file's imports (and other facts) as they were
 * replays too. Like the replayed task outputs of build caches (Turborepo, Nx), the report is the
 * one the same command line made, byte for byte.
 *
 * One file per command line and inputs in the cache directory (`report-<hash>.bin`, the hash of the
 * analyzed directory, the flags, the colour choice and the inputs), so switching back to a branch
 * analyzed before replays too: the magic line, the report's bytes, a JSON trailer (the inputs, the
 * exit status, the messages, the report's size, and a SHA-1 of the report and all of these), and the
 * trailer's length as a last line.
 * Written to a temporary file and renamed (atomic on POSIX); a file that is damaged or does not
 * check out is reported once and not used. Reports over `MAX_REPORT_BYTES` are not kept; at most
 * `MAX_REPORTS` files are, the most recently written or replayed.
 */
import { createHash, hash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { makeDirectory, readAt } from '../cache-files.js';
import type { ReportText } from './shared.js';

/** A line the run wrote on standard error, replayed as it was: a warning (silenced by `--quiet`) or an error. */
export interface ReportMessage {
  stream: 'warn' | 'err';
  text: string;
}

/** What a run left for the next one on the same inputs. */
export interface CachedReport {
  status: number;
  messages: ReportMessage[];
  /** The report, as written. */
  body: Buffer;
}

interface Trailer {
  inputs: string;
  status: number;
  messages: ReportMessage[];
  bytes: number;
  /** SHA-1 (hex) of the report's bytes, a NUL, and the JSON of `[inputs, status, messages, bytes]`: a damaged status or message fails it too. */
  sha1: string;
}

/** The trailer's SHA-1: of the report (already in `sha1`), then of everything the trailer says of it. */
function sealed(sha1: ReturnType<typeof createHash>, trailer: Omit<Trailer, 'sha1'>): string {
  return sha1.update('\0').update(JSON.stringify([trailer.inputs, trailer.status, trailer.messages, trailer.bytes])).digest('hex');
}

const DAMAGED = 'checksum mismatch: truncated or damaged';

const MAGIC = Buffer.from('pyseam report 1\n');
/** Reports larger than this (bytes) are not kept: a JSON report of a very large tree costs more to keep than to make. */
export const MAX_REPORT_BYTES = 128 * 1024 * 1024;
/** Report files kept in one cache directory (the most recently written). */
export const MAX_REPORTS = 8;
/** The trailer's length line: 10 decimal digits and a newline. */
const LENGTH_LINE = 11;

export class ReportCache {
  private readonly commandLine: string;
  private warned = false;

  /**
   * The report file of one command line: `dir` the cache directory, `commandLine` anything
   * JSON-serializable that decides the report besides the inputs (the analyzed directory, the
   * flags, the colour choice); `warn` gets the one line of a problem.
   */
  constructor(private readonly dir: string, commandLine: unknown, private readonly warn: (message: string) => void) {
    this.commandLine = JSON.stringify(commandLine);
  }

  /** The file of the report of this command line on `inputs`. */
  fileFor(inputs: string): string {
    return join(this.dir, `report-${hash('sha1', `${this.commandLine}\0${inputs}`, 'hex').slice(0, 16)}.bin`);
  }

  /** The report kept for `inputs`, or null (none, or damaged: reported once). Never throws. */
  find(inputs: string): CachedReport | null {
    const file = this.fileFor(inputs);
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return null;
    }
    try {
      const size = fstatSync(fd).size;
      if (size < MAGIC.length + LENGTH_LINE) throw new Error(DAMAGED);
      const read = (at: number, length: number): Buffer => readAt(fd, at, length);
      if (!read(0, MAGIC.length).equals(MAGIC)) throw new Error('not a pyseam report');
      const length = Number(read(size - LENGTH_LINE, LENGTH_LINE).toString('latin1'));
      if (!Number.isSafeInteger(length) || length <= 0 || length > size - MAGIC.length - LENGTH_LINE) throw new Error(DAMAGED);
      let trailer: Trailer;
      try {
        trailer = JSON.parse(read(size - LENGTH_LINE - length, length).toString('utf8')) as Trailer;
      } catch {
        throw new Error(DAMAGED);
      }
      if (trailer?.bytes !== size - MAGIC.length - LENGTH_LINE - length) throw new Error(DAMAGED);
      const body = read(MAGIC.length, trailer.bytes);
      if (sealed(createHash('sha1').update(body), trailer) !== trailer.sha1) throw new Error(DAMAGED);
      if (trailer.inputs !== inputs) throw new Error('another run\'s report');
      if (!Number.isInteger(trailer.status) || !Array.isArray(trailer.messages)) throw new Error('unexpected layout');
      try {
        utimesSync(file, new Date(), new Date()); // recently used: kept longest
      } catch {
        // a read-only cache still replays
      }
      return { status: trailer.status, messages: trailer.messages, body };
    } catch (error) {
      this.warnOnce(`cache ${file}: unreadable (${(error as Error).message}); analyzed again`);
      return null;
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Keeps the report of a run on `inputs`: `text` is handed back to be written as usual, and each of
   * its pieces is kept on the way; `done` is then told the exit status and messages, and puts the
   * file in place, or `drop` removes what was kept (the report could not be written). Never throws:
   * a failure is one warning, and nothing is kept.
   */
  keep(inputs: string, text: ReportText): { text: ReportText; done: (status: number, messages: ReportMessage[]) => void; drop: () => void } {
    const temp = join(this.dir, `.report-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    let fd: number | null = null;
    let bytes = 0;
    const sha1 = createHash('sha1');
    const drop = (error?: unknown): void => {
      try {
        if (fd !== null) closeSync(fd);
        rmSync(temp, { force: true });
      } catch {
        // what was kept is left as it is: a temporary file, never a report
      }
      fd = null;
      if (error) this.warnOnce(`cache ${this.dir}: not writable (${(error as Error).message}); the report is not kept`);
    };
    const write = (bytesOf: Buffer): void => {
      for (let done = 0; done < bytesOf.length;) done += writeSync(fd!, bytesOf, done);
    };
    try {
      makeDirectory(this.dir);
      fd = openSync(temp, 'w');
      write(MAGIC);
    } catch (error) {
      drop(error);
    }
    const self = this;
    function* teed(pieces: Iterable<string>): Generator<string> {
      for (const piece of pieces) {
        if (fd !== null) {
          try {
            const buffer = Buffer.from(piece, 'utf8');
            bytes += buffer.length;
            if (bytes > MAX_REPORT_BYTES) drop();
            else {
              sha1.update(buffer);
              write(buffer);
            }
          } catch (error) {
            drop(error);
          }
        }
        yield piece;
      }
    }
    const done = (status: number, messages: ReportMessage[]): void => {
      if (fd === null) return;
      try {
        const trailer = Buffer.from(JSON.stringify({ inputs, status, messages, bytes, sha1: sealed(sha1, { inputs, status, messages, bytes }) } satisfies Trailer), 'utf8');
        write(trailer);
        write(Buffer.from(`${String(trailer.length).padStart(LENGTH_LINE - 1, '0')}\n`, 'latin1'));
        closeSync(fd);
        fd = null;
        renameSync(temp, self.fileFor(inputs));
        self.prune();
      } catch (error) {
        drop(error);
      }
    };
    return { text: typeof text === 'string' ? teed([text]) : teed(text), done, drop: () => drop() };
  }

  /** Removes all but the `MAX_REPORTS` most recently written or replayed report files (others' temporary files are theirs). */
  private prune(): void {
    keepNewest(this.dir, /^report-[0-9a-f]{16}\.bin$/, MAX_REPORTS);
  }

  private warnOnce(message: string): void {
    if (!this.warned) this.warn(message);
    this.warned = true;
  }
}

/** A kept report's body as text pieces, decoded a slice at a time (a large JSON report is not one string). */
export function* bodyPieces(body: Buffer): Generator<string> {
  const decoder = new StringDecoder('utf8');
  const SLICE = 16 * 1024 * 1024;
  for (let at = 0; at < body.length; at += SLICE) yield decoder.write(body.subarray(at, at + SLICE));
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Removes all but the `count` most recently modified files of `dir` whose names match `names`. */
export function keepNewest(dir: string, names: RegExp, count: number): void {
  const files = readdirSync(dir).filter((n) => names.test(n)).map((name) => {
    try {
      return { name, at: statSync(join(dir, name)).mtimeMs };
    } catch {
      return { name, at: Infinity }; // removed meanwhile
    }
  });
  files.sort((a, b) => b.at - a.at);
  for (const { name } of files.slice(count)) rmSync(join(dir, name), { force: true });
}
