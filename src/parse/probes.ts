/**
 * Probes: each question the analysis asks the file system about the analyzed directory, and its
 * answer as a string, so that a later run can ask again and compare (commands/tree-record.ts). The
 * analysis is a function of the program, its options and these answers; when every answer is the
 * same, so is the analysis. Git's index and untracked cache rest on the same rule: a file's stat for
 * its bytes, a directory's stat for its list of entries (creating, removing or renaming an entry
 * changes the directory's mtime and ctime, POSIX `<sys/stat.h>`).
 *
 * - `dir`: a directory's stat, taken before it is listed (size, mtime, ctime, inode, mode).
 * - `file`: a file's stat, taken before it is read (size, mtime, ctime, inode, mode), and, when the
 *   mode does not let everyone read it, whether access(2) lets this process read it.
 * - `text`: the same, of a file whose bytes discovery reads (`.gitignore`, `pyproject.toml`): its
 *   contents decide what is analyzed, where a `file` probe's decide only that file's facts.
 * - `type`: what a path points to, symlinks followed (`file`, `directory`, `other`).
 * - `real`: a path's real path, symlinks resolved.
 *
 * A failed probe answers `!` and the error's code (`!ENOENT`). The stats a `dir` or `file` answer
 * holds only stand for the contents when they changed well before the run (racy git: `changedAt`).
 * Numbers are written as JavaScript writes them, which reads back to the same double.
 */
import { hash } from 'node:crypto';
import * as fs from 'node:fs';

export type ProbeKind = 'dir' | 'file' | 'text' | 'type' | 'real';

/** Changes within this many milliseconds of a run's start are not trusted by stat alone (covers 1-2 s mtime granularity): racy git. */
export const RACY_MARGIN_MS = 3000;

/**
 * Who asks: what a directory listing or a read answers (EACCES or not, an ACL's verdict) depends on
 * the process's effective user and groups, so answers and what was read with them are kept apart per
 * asker (POSIX `geteuid`, `getegid`, `getgroups`; empty where there are none).
 */
export function askerIdentity(): string {
  if (!process.geteuid || !process.getegid || !process.getgroups) return '';
  return `${process.geteuid()}:${process.getegid()}:${[...process.getgroups()].sort((a, b) => a - b).join(',')}`;
}

/** Read permission for the owner, the group and everyone else (`S_IRUSR | S_IRGRP | S_IROTH`). */
export const READABLE_BY_ALL = 0o444;

/**
 * Asks the file system at the absolute path `abs`; never throws (a failure is an answer). A `dir`
 * answers `size:mtimeMs:ctimeMs:ino:mode`, a `file` or `text` the same, then `:r` or `:!CODE` when
 * the mode does not let everyone read it and access(2) was asked.
 */
export function probe(kind: ProbeKind, abs: string): string {
  try {
    if (kind === 'real') return fs.realpathSync.native(abs);
    const s = fs.statSync(abs);
    if (kind === 'type') return s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other';
    const answer = `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}:${s.mode}`;
    if (kind === 'dir' || (s.mode & READABLE_BY_ALL) === READABLE_BY_ALL) return answer;
    try {
      fs.accessSync(abs, fs.constants.R_OK);
      return `${answer}:r`;
    } catch (error) {
      return `${answer}:!${errorCode(error)}`;
    }
  } catch (error) {
    return `!${errorCode(error)}`;
  }
}

/** The stat in a `dir` or `file` answer that did not fail. */
export function statOf(answer: string): { size: number; mtimeMs: number; ctimeMs: number; ino: number } {
  const [size, mtimeMs, ctimeMs, ino] = answer.split(':', 4).map(Number);
  return { size, mtimeMs, ctimeMs, ino };
}

/** When a `dir`, `file` or `text` answer's contents last changed (the later of mtime and ctime, ms since the epoch); -Infinity for other answers. */
export function changedAt(kind: ProbeKind, answer: string): number {
  if ((kind !== 'dir' && kind !== 'file' && kind !== 'text') || answer.startsWith('!')) return -Infinity;
  const { mtimeMs, ctimeMs } = statOf(answer);
  return Math.max(mtimeMs, ctimeMs);
}

/** The error a failed answer stands for (`!CODE`, or a `file` or `text` answer ending `:!CODE`: not readable), or null. */
export function failureOf(kind: ProbeKind, answer: string, path: string): Error | null {
  if (answer.startsWith('!')) return fsError(answer.slice(1), path);
  const at = kind === 'file' || kind === 'text' ? answer.lastIndexOf(':!') : -1;
  return at >= 0 ? fsError(answer.slice(at + 2), path) : null;
}

/** An `Error` with a Node-style `code`. */
export function fsError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** The `code` of a thrown file-system error, or `'UNKNOWN'`. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/**
 * Where a tree's probes go: `take` asks (or answers with one already asked this run) and notes the
 * answer; `listed` is told what listing a directory gave (`listingDigest`), after its `dir` probe.
 */
export interface ProbeSink {
  take(kind: ProbeKind, path: string): string;
  listed?(dir: string, digest: string): void;
}

/**
 * SHA-1 (base64) of a directory's entries as discovery sees them: each name and its own type, in
 * name order. A directory whose stat changed but whose digest did not (a file replaced by a rename,
 * as editors and `sed -i` save, or an entry made and removed again) gives discovery what it gave.
 */
export function listingDigest(entries: readonly { name: string; type: string }[]): string {
  const lines = entries.map((e) => `${e.name}\0${e.type}\n`).sort();
  return hash('sha1', lines.join(''), 'base64');
}
