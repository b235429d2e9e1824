/**
 * The directory walk under `discover`: which files are Python modules, which
 * directories exist, where the project files are, and what could not be read.
 *
 * Not entered: hidden directories (name starts with `.`), `__pycache__`,
 * `node_modules`, virtual environments (a directory holding `pyvenv.cfg`),
 * `site-packages`/`dist-packages` (unless the analyzed directory is or lies in
 * one: then they are what is analyzed), and whatever `.gitignore` or
 * `--exclude` leaves out (see ignore-rules.ts). Symlinks to files and
 * directories are followed; a directory whose real path is already on the
 * current path is a loop and is reported, not entered. Nothing stops the walk:
 * broken symlinks, loops, unreadable directories and files go to `skipped`.
 */
import { GitignoreStack, excludeMatcher } from './ignore-rules.js';
import { fileKind, moduleFileStem } from './module-file.js';
import { type SourceTree, errorCode, joinPath } from './source-tree.js';
import type { DiscoveredFile, SkippedFile } from './types.js';

/** File names that make a directory a distribution (or, for `pants.toml`, a Pants build root). */
export const PROJECT_FILES = ['pyproject.toml', 'setup.cfg', 'setup.py', 'pants.toml'] as const;

export interface WalkOptions {
  exclude?: string[];
  /** The analyzed directory is or lies inside `site-packages`/`dist-packages`; inferred from `tree.location` when absent. */
  isSitePackages?: boolean;
}

export interface WalkResult {
  files: DiscoveredFile[];
  /** Every directory entered, `.` first, in walk order. */
  directories: string[];
  /** Paths of the project files found (`libs/foo/pyproject.toml`). */
  projectFiles: string[];
  skipped: SkippedFile[];
}

const ALWAYS_SKIPPED_DIRS = new Set(['__pycache__', 'node_modules']);
const PACKAGE_DIRS = new Set(['site-packages', 'dist-packages']);

/** Walk `tree` from its top; results are in walk order (sorted per directory), not globally sorted. */
export function walkTree(tree: SourceTree, options: WalkOptions = {}): WalkResult {
  const insidePackages =
    options.isSitePackages ?? (tree.location?.split(/[\\/]/).some((seg) => PACKAGE_DIRS.has(seg)) ?? false);
  const excluded = excludeMatcher(options.exclude ?? []);
  const out: WalkResult = { files: [], directories: [], projectFiles: [], skipped: [] };
  const skip = (path: string, reason: string): void => void out.skipped.push({ path, reason });

  const readText = (path: string): string | null => {
    try {
      return tree.read(path).toString('utf8');
    } catch (error) {
      skip(path, `unreadable file (${errorCode(error)})`);
      return null;
    }
  };

  let topRules = GitignoreStack.empty();
  try {
    if (tree.stat('.git/info/exclude') === 'file') topRules = topRules.with('', readText('.git/info/exclude') ?? '');
  } catch {
    // no .git/info/exclude: the usual case
  }

  const visit = (dir: string, real: string, ancestors: Set<string>, inherited: GitignoreStack): void => {
    let rules = inherited;
    let entries;
    try {
      entries = tree.list(dir).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      return skip(dir, `unreadable directory (${errorCode(error)})`);
    }
    if (dir !== '.' && entries.some((e) => e.name === 'pyvenv.cfg')) return;
    out.directories.push(dir);
    if (entries.some((e) => e.name === '.gitignore' && e.type !== 'directory')) {
      const text = readText(joinPath(dir, '.gitignore'));
      if (text !== null) rules = rules.with(dir, text);
    }
    for (const entry of entries) {
      const path = joinPath(dir, entry.name);
      let type = entry.type;
      if (type === 'symlink') {
        if (entry.name.startsWith('.')) continue;
        try {
          type = tree.stat(path);
        } catch (error) {
          const code = errorCode(error);
          if (rules.ignores(path, false) || excluded(path)) continue;
          skip(path, code === 'ENOENT' ? 'broken symlink' : code === 'ELOOP' ? 'symlink loop (too many levels of symbolic links)' : `unreadable symlink (${code})`);
          continue;
        }
      }
      if (type === 'directory') {
        if (entry.name.startsWith('.') || ALWAYS_SKIPPED_DIRS.has(entry.name)) continue;
        if (PACKAGE_DIRS.has(entry.name) && !insidePackages) continue;
        if (rules.ignores(path, true) || excluded(path)) continue;
        let childReal = `${real.replace(/\/$/, '')}/${entry.name}`;
        if (entry.type === 'symlink') {
          try {
            childReal = tree.realpath(path);
          } catch (error) {
            skip(path, `unresolvable symlink (${errorCode(error)})`);
            continue;
          }
          if (ancestors.has(childReal)) {
            skip(path, `symlink loop: points back to ${childReal}, a directory already on this path`);
            continue;
          }
        }
        visit(path, childReal, new Set(ancestors).add(childReal), rules);
      } else if (type === 'file') {
        const kind = fileKind(entry.name) === 'extension' && moduleFileStem(entry.name) === null ? null : fileKind(entry.name);
        const isProject = (PROJECT_FILES as readonly string[]).includes(entry.name);
        if ((kind === null && !isProject) || rules.ignores(path, false) || excluded(path)) continue;
        if (isProject) out.projectFiles.push(path);
        if (kind === null) continue;
        try {
          tree.checkReadable(path);
          out.files.push({ path, kind });
        } catch (error) {
          skip(path, `unreadable file (${errorCode(error)})`);
        }
      } else if (type === 'other' && fileKind(entry.name) !== null && !rules.ignores(path, false) && !excluded(path)) {
        skip(path, 'not a regular file (a FIFO, socket or device)');
      }
    }
  };

  let rootReal = '/';
  try {
    rootReal = tree.realpath('.');
  } catch (error) {
    skip('.', `unreadable directory (${errorCode(error)})`);
    return out;
  }
  visit('.', rootReal, new Set([rootReal]), topRules);
  return out;
}
