/**
 * What the walker leaves out by rule: `.gitignore` files and `--exclude` globs.
 *
 * `.gitignore` (gitignore(5)): a file's patterns are relative to its own
 * directory and apply to its subtree; deeper files take precedence over
 * shallower ones, so a nested `!keep.py` re-includes a file that a parent
 * ignored (unless a parent directory itself is ignored: git never looks
 * inside it, and neither does the walker). `.git/info/exclude` has the lowest
 * precedence. Matching is case-sensitive (git's default on Linux). Not read:
 * the user's global `core.excludesFile` and `.gitignore` files above the
 * analyzed directory.
 *
 * `--exclude` globs (picomatch, dotfiles included) are matched against the
 * path relative to the analyzed directory. A pattern without `/` matches a
 * file or directory name at any depth (`build`, `*_pb2.py`), like
 * `.gitignore`; a pattern with `/` matches the whole relative path
 * (`tests/fixtures/**`, `src/legacy/*.py`); a leading `/` or `./` and a trailing
 * `/` are dropped. An excluded directory is not entered.
 */
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

interface GitignoreLayer {
  /** Directory the patterns are relative to (`''` for the analyzed directory). */
  base: string;
  rules: Ignore;
}

/** The `.gitignore` layers in force in one directory, shallowest first. Immutable: `with` returns a new stack. */
export class GitignoreStack {
  private constructor(private readonly layers: readonly GitignoreLayer[]) {}

  static empty(): GitignoreStack {
    return new GitignoreStack([]);
  }

  /** A stack with the patterns of `text` (a `.gitignore` body) added for directory `base`. */
  with(base: string, text: string): GitignoreStack {
    const rules = ignore({ ignorecase: false }).add(text);
    return new GitignoreStack([...this.layers, { base: base === '.' ? '' : base, rules }]);
  }

  /** Whether `path` (relative to the analyzed directory) is ignored; `isDir` so that `build/` patterns match only directories. */
  ignores(path: string, isDir: boolean): boolean {
    let ignored = false;
    for (const { base, rules } of this.layers) {
      if (base !== '' && !path.startsWith(`${base}/`)) continue;
      const rel = base === '' ? path : path.slice(base.length + 1);
      const result = rules.test(isDir ? `${rel}/` : rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

/** Compile `--exclude` globs into one predicate over relative paths (see the file comment for the rule). */
export function excludeMatcher(patterns: readonly string[]): (path: string) => boolean {
  const tests = patterns.map((raw) => {
    const pattern = raw.replace(/^\.?\//, '').replace(/\/+$/, '');
    const match = picomatch(pattern, { dot: true });
    if (pattern.includes('/')) return match;
    return (path: string) => match(path.slice(path.lastIndexOf('/') + 1));
  });
  return (path) => tests.some((test) => test(path));
}
