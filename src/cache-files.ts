/** File helpers of the caches (parse/facts-cache.ts, commands/report-cache.ts, commands/tree-record.ts). */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errorCode } from './parse/probes.js';

/** `length` bytes of the file open as `fd`, from byte `at`. @throws Error('truncated') when the file ends first, and as readSync(2). */
export function readAt(fd: number, at: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  for (let done = 0; done < length;) {
    const n = readSync(fd, buffer, done, length - done, at + done);
    if (n === 0) throw new Error('truncated');
    done += n;
  }
  return buffer;
}

/**
 * `mkdir -p dir`: the directory and any missing parents. Not Node's `mkdirSync(dir, { recursive:
 * true })`, which on Node 20 retries forever where mkdir(2) answers ENOENT under a parent that
 * exists (a cache directory asked for under /proc spun at full CPU). Each level is tried once.
 *
 * @throws the mkdir(2) error (ENOENT, EACCES, ENOTDIR, EROFS) of the level that cannot be made.
 */
export function makeDirectory(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return;
    if (errorCode(error) !== 'ENOENT' || dirname(dir) === dir) throw error;
    makeDirectory(dirname(dir));
    try {
      mkdirSync(dir);
    } catch (again) {
      if (errorCode(again) !== 'EEXIST') throw again;
    }
  }
}

/**
 * Writes `pieces` to `file` as one: to a temporary file beside it, renamed over it (rename(2) is
 * atomic, so a reader sees the old file or the new one, never a part). Makes the directory first.
 *
 * @throws the error of the step that failed (the temporary file is removed).
 */
export function writeAtomically(file: string, pieces: Iterable<Buffer>): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    makeDirectory(dir);
    fd = openSync(temp, 'w');
    for (const piece of pieces) for (let done = 0; done < piece.length;) done += writeSync(fd, piece, done);
    closeSync(fd);
    fd = null;
    renameSync(temp, file);
  } catch (error) {
    try {
      if (fd !== null) closeSync(fd);
      rmSync(temp, { force: true });
    } catch {
      // nothing was written there
    }
    throw error;
  }
}
