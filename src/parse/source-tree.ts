/**
 * The file-system port of the parse stage (after grimp's
 * `application/ports/filesystem.py`): discovery and reading go through a
 * `SourceTree`, so the CLI passes one over `node:fs` and tests pass one built
 * in memory. Paths are relative to the analyzed directory with `/` separators;
 * `''` or `.` is the analyzed directory itself.
 *
 * Errors are thrown as `Error`s carrying a Node-style `code` (`ENOENT`,
 * `ENOTDIR`, `EACCES`, `ELOOP`), from both implementations, so the walker
 * can turn them into a skip reason without caring which tree it walks.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { errorCode, failureOf, fsError, listingDigest, READABLE_BY_ALL, statOf, type ProbeSink } from './probes.js';

/** An entry's own type, without following a symlink. */
export type EntryType = 'file' | 'directory' | 'symlink' | 'other';

/** One directory entry: its name (no slash) and its own type. */
export interface DirEntry {
  name: string;
  type: EntryType;
}

/** What the facts cache compares to tell an unchanged file without reading it (as git's index does): `stat` of the file, symlinks followed. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface SourceTree {
  /** Absolute path of the analyzed directory when the tree is on disk (used to tell whether it lies in site-packages); absent in memory. */
  readonly location?: string;
  /**
   * Set only by a plain view of a directory on disk (`nodeTree`): its absolute path, where `read(p)`
   * reads `root/p`. Worker threads and the facts cache read files there themselves; a tree without
   * it (in memory, or one that rewrites what it reads) is parsed in process and not cached.
   */
  readonly root?: string;
  /**
   * The stat of a file (`root` trees only). Throws (ENOENT, EACCES). The first call for a path
   * may answer with the stat `checkReadable` took during discovery, moments earlier in the run.
   */
  fileStat?(path: string): FileStat;
  /** The analyzed directory's own name (the fallback name of a distribution at `.`). */
  readonly name: string;
  /** Entries of a directory, in no particular order. Throws (ENOENT, ENOTDIR, EACCES). */
  list(dir: string): DirEntry[];
  /** The type of what a path points to, following symlinks. Throws ENOENT for a broken symlink, ELOOP for a cycle of symlinks. */
  stat(path: string): 'file' | 'directory' | 'other';
  /** A canonical name for what a path points to, symlinks resolved; equal strings mean the same directory. */
  realpath(path: string): string;
  /** A file's bytes. Throws (ENOENT, EACCES, EISDIR). */
  read(path: string): Buffer;
  /**
   * A file's bytes and the stat of what was read (fstat(2) of the descriptor read: `root` trees
   * only), which the facts cache keeps with its facts; it differs from `fileStat` when the file was
   * replaced or a symlink retargeted in between. Throws as `read`.
   */
  readStat?(path: string): { bytes: Buffer; stat: FileStat };
  /** Throws (EACCES) when a file could not be read, without reading it: discovery reports such files before parsing. */
  checkReadable(path: string): void;
}

/** Join relative paths, treating `''` and `.` as the analyzed directory. */
export function joinPath(dir: string, name: string): string {
  return dir === '' || dir === '.' ? name : `${dir}/${name}`;
}

export { errorCode, fsError };

/**
 * A `SourceTree` over the real file system, rooted at `directory` (synchronous calls: discovery is one pass of small operations).
 *
 * One system call per file before it is parsed or answered from the cache: `checkReadable` takes
 * the file's stat and keeps it for the first `fileStat` of that path. A file that everyone may read
 * (mode `r--r--r--` at least, the usual case) is readable without asking the kernel again; for any
 * other, access(2) decides, as it knows the process's uid, groups and the file's ACL. (An ACL that
 * denies a world-readable file is found when the file is read, and reported then.)
 *
 * With `probes`, every question about the tree goes through it (probes.ts): a directory's stat
 * before it is listed (and the listing's digest after), a file's before it is read (`text`) or
 * checked (`file`), and what `stat`, `realpath` and `checkReadable` answer come from its answers, so
 * what it notes is what the analysis saw.
 */
export function nodeTree(directory: string, probes?: ProbeSink): SourceTree {
  const base = nodePath.resolve(directory);
  const abs = (rel: string): string => (rel === '' || rel === '.' ? base : nodePath.join(base, rel));
  const statTaken = new Map<string, FileStat>();
  /** A probe's answer, thrown when it is a failure. */
  const asked = (kind: 'type' | 'real' | 'file', path: string) => {
    const answer = probes!.take(kind, path);
    const failure = failureOf(kind, answer, path);
    if (failure) throw failure;
    return answer;
  };
  return {
    location: base,
    root: base,
    name: nodePath.basename(base),
    list(dir) {
      probes?.take('dir', dir);
      const entries: DirEntry[] = fs.readdirSync(abs(dir), { withFileTypes: true }).map((d) => ({
        name: d.name,
        type: d.isSymbolicLink() ? 'symlink' : d.isDirectory() ? 'directory' : d.isFile() ? 'file' : 'other',
      }));
      probes?.listed?.(dir, listingDigest(entries));
      return entries;
    },
    stat(path) {
      if (probes) return asked('type', path) as 'file' | 'directory' | 'other';
      const s = fs.statSync(abs(path));
      return s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other';
    },
    realpath(path) {
      return probes ? asked('real', path) : fs.realpathSync.native(abs(path));
    },
    read(path) {
      probes?.take('text', path);
      return fs.readFileSync(abs(path));
    },
    readStat(path) {
      const fd = fs.openSync(abs(path), 'r');
      try {
        const { size, mtimeMs, ctimeMs, ino } = fs.fstatSync(fd);
        return { bytes: fs.readFileSync(fd), stat: { size, mtimeMs, ctimeMs, ino } };
      } finally {
        fs.closeSync(fd);
      }
    },
    checkReadable(path) {
      if (probes) return void statTaken.set(path, statOf(asked('file', path)));
      const { size, mtimeMs, ctimeMs, ino, mode } = fs.statSync(abs(path));
      if ((mode & READABLE_BY_ALL) !== READABLE_BY_ALL) fs.accessSync(abs(path), fs.constants.R_OK);
      statTaken.set(path, { size, mtimeMs, ctimeMs, ino });
    },
    fileStat(path) {
      const taken = statTaken.get(path);
      if (taken) {
        statTaken.delete(path);
        return taken;
      }
      if (probes) return statOf(asked('file', path));
      const { size, mtimeMs, ctimeMs, ino } = fs.statSync(abs(path));
      return { size, mtimeMs, ctimeMs, ino };
    },
  };
}
