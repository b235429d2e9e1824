/**
 * Cross-check of the real CLI against scripts/crosscheck.py, an independent
 * implementation of SEMANTICS.md written with Python's own `ast` (it shares no
 * code or data with the TypeScript).
 *
 * For each corpus (every directory under samples/, Debian's standard library
 * at /usr/lib/python3.11, Debian's scikit-learn when installed) it runs
 * `node bin/pyseam analyze PATH --format json`, then the cross-check with the
 * roots, declared prefixes and import helpers that the CLI reports having used
 * (root detection itself is not cross-checked), and asserts equal module sets,
 * internal and external edge sets, strongly connected components and
 * private-import sites.
 *
 * Files that `ast` cannot parse give no imports in the cross-check, while
 * tree-sitter recovers partial imports from them: their sites are left out of
 * the comparison, and the internal edges pyseam finds only there are handed to
 * the cross-check (`--extra-edges`) so that both compute cycles on the same graph.
 *
 * The CLI runs as bin/pyseam, from dist/ (`npm test` builds it first).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/result.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const PYTHON = '/usr/bin/python3';
const CROSSCHECK = path.join(REPO, 'scripts', 'crosscheck.py');
const STDLIB = '/usr/lib/python3.11';
const TIMEOUT = 300_000;
const MAX_BUFFER = 1 << 30;
const SHOWN = 20;

/** What scripts/crosscheck.py prints (see its docstring). */
interface CrossCheck {
  modules: string[];
  edges: [string, string][];
  externalEdges: [string, string][];
  sccs: string[][];
  privateImports: { file: string; line: number; column: number; target: string; names: string[] }[];
  /** Symbols marked by the export decorators given with --export-decorator. */
  exports: { module: string; symbol: string; names: string[]; decorator: string; file: string; line: number }[];
  /** Each module's literal `__all__` (modules without one are left out). */
  all: Record<string, string[]>;
  syntaxErrorFiles: string[];
  counts: Record<string, number>;
}

interface Corpus {
  name: string;
  /** The analyzed directory, or null when the corpus is absent (the reason says why). */
  dir: string | null;
  reason?: string;
  /** Analyze a copy of `dir` named `copyAs` inside a temporary directory. */
  copyAs?: string;
}

function run(command: string, args: string[], what: string): string {
  const started = Date.now();
  const child = spawnSync(command, args, { cwd: REPO, encoding: 'utf8', maxBuffer: MAX_BUFFER });
  console.log(`crosscheck: ${what} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (child.error) throw child.error;
  if (!child.stdout.trim().startsWith('{')) {
    throw new Error(`${what} failed (exit ${child.status}):\n${child.stderr}\n${child.stdout.slice(0, 2000)}`);
  }
  return child.stdout;
}

/** Debian's scikit-learn, found without importing it (its numpy may not load); analyzed as a copy so that its modules are named `sklearn.*`. */
function sklearnCorpus(): Corpus {
  const find = spawnSync(PYTHON, ['-c', 'import importlib.util as u; s = u.find_spec("sklearn"); print(s.submodule_search_locations[0] if s else "")'], { encoding: 'utf8' });
  const source = find.status === 0 ? find.stdout.trim() : '';
  if (!source) return { name: 'sklearn', dir: null, reason: 'python3-sklearn is not installed (apt-get install -y python3-sklearn)' };
  return { name: 'sklearn', dir: source, copyAs: 'sklearn' };
}

/** A temporary directory holding a copy of `source` named `name` (without __pycache__). */
function copyCorpus(source: string, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyseam-crosscheck-'));
  fs.cpSync(source, path.join(dir, name), {
    recursive: true,
    dereference: true,
    filter: (from) => path.basename(from) !== '__pycache__',
  });
  return dir;
}

function corpora(): Corpus[] {
  const samplesDir = path.join(REPO, 'samples');
  const samples = fs.existsSync(samplesDir)
    ? fs.readdirSync(samplesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
    : [];
  const list: Corpus[] = samples.map((name) => ({ name: `samples/${name}`, dir: path.join(samplesDir, name) }));
  if (samples.length === 0) list.push({ name: 'samples', dir: null, reason: `no sample under ${samplesDir}` });
  list.push(fs.existsSync(STDLIB) ? { name: 'stdlib', dir: STDLIB } : { name: 'stdlib', dir: null, reason: `${STDLIB} is absent` });
  list.push(sklearnCorpus());
  return list;
}

/** A readable difference of two sets of keys, or '' when equal. */
function setDiff(what: string, ours: Iterable<string>, theirs: Iterable<string>): string {
  const a = new Set(ours);
  const b = new Set(theirs);
  const onlyOurs = [...a].filter((x) => !b.has(x)).sort();
  const onlyTheirs = [...b].filter((x) => !a.has(x)).sort();
  if (onlyOurs.length === 0 && onlyTheirs.length === 0) return '';
  const show = (list: string[]) => list.slice(0, SHOWN).map((x) => `    ${x}`).join('\n') + (list.length > SHOWN ? `\n    ... ${list.length - SHOWN} more` : '');
  return [
    `${what}: ${a.size} in pyseam, ${b.size} in crosscheck.py`,
    onlyOurs.length ? `  only in pyseam (${onlyOurs.length}):\n${show(onlyOurs)}` : '',
    onlyTheirs.length ? `  only in crosscheck.py (${onlyTheirs.length}):\n${show(onlyTheirs)}` : '',
  ].filter(Boolean).join('\n');
}

const siteKey = (p: { file: string; line: number; column: number; target: string; names: string[] }) =>
  `${p.file}:${p.line}:${p.column} ${p.target} [${p.names.join(', ')}]`;

/** The oracle itself, on a tree whose facts were worked out by hand from SEMANTICS.md and PEP 328. */
describe('crosscheck.py on a hand-checked tree', () => {
  const files: Record<string, string> = {
    'a/pyproject.toml': '',
    'a/pa/__init__.py': [
      'from . import sub, helper_name',
      'from .sub import _thing',
      'import importlib',
      'importlib.import_module(".ns.leaf", __name__)',
      'from typing import TYPE_CHECKING as TC',
      'if TC:',
      '    from pb._private import T',
      'def f():',
      '    from .. import x',
    ].join('\n'),
    'a/pa/sub.py': 'import pa.ns.leaf\n',
    'a/pa/ns/leaf.py': 'from pa import sub\n',
    'a/pa/_ext.cpython-311-x86_64-linux-gnu.so': '',
    'b/pyproject.toml': '',
    'b/pb/__init__.py': 'from pa import _ext, sub as s\n',
    'b/pb/_private.pyi': 'import pa\n',
    'tools/run-me.py': 'from pb import _private\n',
  };
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyseam-crosscheck-hand-'));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const check = (...flags: string[]) =>
    JSON.parse(run(PYTHON, [CROSSCHECK, dir, '--root', 'a', '--root', 'b', ...flags], 'crosscheck.py on the hand-checked tree')) as CrossCheck & { counts: { importErrors: number } };
  const all = [
    ['pa', 'pa'], ['pa', 'pa.ns.leaf'], ['pa', 'pa.sub'], ['pa', 'pb._private'], ['pa.ns.leaf', 'pa.sub'],
    ['pa.sub', 'pa.ns.leaf'], ['pb', 'pa._ext'], ['pb', 'pa.sub'], ['pb._private', 'pa'], ['tools/run-me.py', 'pb._private'],
  ];

  it('names modules, namespace packages, extensions, stubs and scripts', () => {
    expect(check().modules).toEqual(['pa', 'pa._ext', 'pa.ns', 'pa.ns.leaf', 'pa.sub', 'pb', 'pb._private', 'tools', 'tools/run-me.py']);
  });

  it('resolves edges, cycles, private imports and import errors', () => {
    const r = check();
    expect(r.edges).toEqual(all);
    expect(r.externalEdges).toEqual([['pa', 'importlib'], ['pa', 'typing']]);
    // pa -> pb._private (under TYPE_CHECKING) and the stub pb._private -> pa close a second cycle.
    expect(r.sccs).toEqual([['pa', 'pb._private'], ['pa.ns.leaf', 'pa.sub']]);
    expect(r.privateImports).toEqual([
      { file: 'a/pa/__init__.py', line: 7, column: 5, target: 'pb._private', names: ['T'] },
      { file: 'b/pb/__init__.py', line: 1, column: 1, target: 'pa', names: ['_ext'] },
      { file: 'tools/run-me.py', line: 1, column: 1, target: 'pb', names: ['_private'] },
    ]);
    expect(r.counts.importErrors).toBe(1);
  });

  it('leaves out type-checking and dynamic sites when asked', () => {
    const drop = (...gone: string[][]) => all.filter(([a, b]) => !gone.some(([c, d]) => a === c && b === d));
    const typed = check('--no-type-checking');
    expect(typed.edges).toEqual(drop(['pa', 'pb._private'], ['pb._private', 'pa']));
    expect(typed.sccs).toEqual([['pa.ns.leaf', 'pa.sub']]);
    expect(check('--no-dynamic').edges).toEqual(drop(['pa', 'pa.ns.leaf']));
    expect(check('--no-lazy').edges).toEqual(all);
  });
});

/** The oracle's public-API rules (issue 3), on a tree worked out by hand: test/graph/public-names.test.ts's sample plus external imports. */
describe('crosscheck.py public names on a hand-checked tree', () => {
  const files: Record<string, string> = {
    'lib/__init__.py': '__all__ = ["api"]\nhelper = 1\n',
    'lib/api.py': '__all__ = ("run",)\n__all__ += ["walk"]\n',
    'lib/_impl.py': 'from k import keras_export\n@keras_export("lib.Layer", v1=["lib.v1.Layer"])\nclass Layer: pass\nkeras_export("lib.f")(_f)\n',
    'lib/tuple_all.py': '__all__ = "a", "b"\n',
    'lib/nested.py': '__all__ = ["a"]\ntry:\n    __all__ += ["b"]\nexcept ImportError:\n    pass\n',
    'app/main.py': [
      'from lib import helper, api',
      'from lib.api import run, walk, other',
      'from lib._impl import Layer, Hidden, _f',
      'import lib._impl',
      'from lib.tuple_all import a, c',
      'from tensorflow.python.ops import array_ops',
      'from tensorflow import keras',
      'from numpy.core.numeric import ComplexWarning',
      'from lib import __version__',
      'from lib.nested import b',
    ].join('\n'),
  };
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyseam-crosscheck-public-'));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const check = (...flags: string[]) => JSON.parse(run(PYTHON, [CROSSCHECK, dir, ...flags], 'crosscheck.py on the public-names tree')) as CrossCheck;
  const sites = (r: CrossCheck) => r.privateImports.map((p) => [p.line, p.target, p.names]);
  const presets = ['--external-private', 'tensorflow.python', '--external-public', 'tensorflow', '--external-private', 'numpy.core'];

  it('reads literal __all__ and the exports', () => {
    const r = check('--export-decorator', 'keras_export');
    expect(r.all).toEqual({ lib: ['api'], 'lib.api': ['run', 'walk'], 'lib.tuple_all': ['a', 'b'] });
    expect(r.exports.map((e) => [e.module, e.symbol, e.names, e.line])).toEqual([
      ['lib._impl', 'Layer', ['lib.Layer', 'lib.v1.Layer'], 2],
      ['lib._impl', '_f', ['lib.f'], 4],
    ]);
  });

  it('judges names by __all__ and external-only prefixes; exports do not make a private path public', () => {
    expect(sites(check('--export-decorator', 'keras_export', ...presets))).toEqual([
      [1, 'lib', ['helper']], [2, 'lib.api', ['other']], [3, 'lib._impl', ['Layer', 'Hidden', '_f']], [4, 'lib._impl', []],
      [5, 'lib.tuple_all', ['c']], [6, 'tensorflow.python.ops', ['array_ops']], [8, 'numpy.core.numeric', ['ComplexWarning']],
    ]);
    expect(sites(check())).toEqual([
      [1, 'lib', ['helper']], [2, 'lib.api', ['other']], [3, 'lib._impl', ['Layer', 'Hidden', '_f']], [4, 'lib._impl', []],
      [5, 'lib.tuple_all', ['c']],
    ]);
  });
});

const FILTERS = ['--no-type-checking', '--no-lazy', '--no-dynamic'];

/** The flag sets to run a corpus with: all of them on the small samples, none and all three on the big corpora. */
function variants(corpus: Corpus): string[][] {
  return corpus.name.startsWith('samples') ? [[], ...FILTERS.map((f) => [f]), FILTERS] : [[], FILTERS];
}

for (const corpus of corpora()) {
  const source = corpus.dir;
  if (source === null) {
    describe.skip(`crosscheck ${corpus.name} (skipped: ${corpus.reason})`, () => {
      it('compares pyseam with crosscheck.py', () => {});
    });
    console.warn(`crosscheck: skipping ${corpus.name}: ${corpus.reason}`);
    continue;
  }

  describe(`crosscheck ${corpus.name}`, () => {
    let dir = source;
    const temporary: string[] = [];

    beforeAll(() => {
      if (corpus.copyAs) {
        dir = copyCorpus(source, corpus.copyAs);
        temporary.push(dir);
      }
    }, TIMEOUT);

    afterAll(() => {
      for (const t of temporary) fs.rmSync(t, { recursive: true, force: true });
    });

    for (const flags of variants(corpus)) {
      const label = flags.length ? flags.join(' ') : 'all imports';
      describe(label, () => {
        let ours: AnalysisResult;
        let theirs: CrossCheck;
        let broken: Set<string>;

        beforeAll(() => {
          const what = `${corpus.name} (${label})`;
          ours = JSON.parse(run(process.execPath, [path.join(REPO, 'bin', 'pyseam'), 'analyze', dir, '--format', 'json', ...flags], `pyseam on ${what}`)) as AnalysisResult;
          const args = [CROSSCHECK, dir, ...flags];
          for (const root of ours.roots) if (root.path !== '.') args.push('--root', root.path);
          for (const prefix of ours.options.private) args.push('--private', prefix);
          for (const prefix of ours.options.public) args.push('--public', prefix);
          for (const helper of ours.options.importHelpers) args.push('--import-helper', helper);
          for (const decorator of ours.options.exportDecorators) args.push('--export-decorator', decorator);
          for (const preset of ours.options.presets) {
            for (const prefix of preset.private) args.push('--external-private', prefix);
            for (const prefix of preset.public) args.push('--external-public', prefix);
          }
          if (ours.options.exclude.length) console.warn(`crosscheck: ${what}: excludes ${ours.options.exclude.join(', ')} are not mirrored`);
          const first = JSON.parse(run(PYTHON, args, `crosscheck.py on ${what}`)) as CrossCheck;
          broken = new Set(first.syntaxErrorFiles);
          // Internal edges that pyseam finds only in files that ast cannot parse: added for the cycles.
          const extra = ours.edges.filter((e) => !e.external && e.sites.some((s) => broken.has(s.file))).map((e) => [e.from, e.to]);
          if (extra.length === 0) {
            theirs = first;
            return;
          }
          const extraDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyseam-extra-'));
          temporary.push(extraDir);
          const extraFile = path.join(extraDir, 'edges.json');
          fs.writeFileSync(extraFile, JSON.stringify(extra));
          theirs = JSON.parse(run(PYTHON, [...args, '--extra-edges', extraFile], `crosscheck.py on ${what} with ${extra.length} edges from broken files`)) as CrossCheck;
        }, TIMEOUT);

        /** pyseam's edges of one kind, counting only sites in files that ast parses. */
        const edgeKeys = (external: boolean) =>
          ours.edges
            .filter((e) => e.external === external && e.sites.some((s) => !broken.has(s.file)))
            .map((e) => `${e.from} -> ${e.to}`);

        it('finds the same modules', () => {
          expect(setDiff('modules', ours.modules.map((m) => m.name), theirs.modules)).toBe('');
        });

        it('finds the same internal edges (outside files ast cannot parse)', () => {
          expect(setDiff('internal edges', edgeKeys(false), theirs.edges.map(([a, b]) => `${a} -> ${b}`))).toBe('');
          expect(theirs.edges.length).toBeGreaterThan(0);
        });

        it('finds the same external edges (outside files ast cannot parse)', () => {
          expect(setDiff('external edges', edgeKeys(true), theirs.externalEdges.map(([a, b]) => `${a} -> ${b}`))).toBe('');
        });

        it('finds the same strongly connected components', () => {
          expect(setDiff('cycles', ours.cycles.map((c) => [...c.modules].sort().join(' ')), theirs.sccs.map((c) => c.join(' ')))).toBe('');
        });

        it('reads the same literal __all__ and export-decorated symbols (outside files ast cannot parse)', () => {
          const alls = ours.modules.filter((m) => m.all && !broken.has(m.path)).map((m) => `${m.name} = [${m.all!.join(', ')}]`);
          expect(setDiff('literal __all__', alls, Object.entries(theirs.all).map(([m, a]) => `${m} = [${a.join(', ')}]`))).toBe('');
          const exportKey = (e: CrossCheck['exports'][number]) => `${e.module}.${e.symbol} ${e.decorator}(${e.names.join(', ')}) ${e.file}:${e.line}`;
          expect(setDiff('exports', ours.exports.filter((e) => !broken.has(e.file)).map(exportKey), theirs.exports.map(exportKey))).toBe('');
        });

        it('finds the same private-import sites (outside files ast cannot parse)', () => {
          const mine = ours.privateImports.filter((p) => !broken.has(p.file)).map(siteKey);
          expect(setDiff('private imports', mine, theirs.privateImports.map(siteKey))).toBe('');
        });
      });
    }
  });
}
