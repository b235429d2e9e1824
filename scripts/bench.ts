/**
 * `npm run bench [-- [DIR...] [--sizes 10000,50000,100000] [--repeat N] [--peers KERAS_DIR [--peers-only]]]`:
 * prints one table, a row per corpus, of what a run of `pyseam analyze` costs against the floor.
 *
 * - files, MB: the Python files pyseam parses and their source size.
 * - floor: read plus tree-sitter parse of every file on one thread (scripts/bench-floor.ts), in this run.
 * - cold 1: `--jobs 1`, empty cache; cold N: one thread per core (the default), empty cache. Both
 *   as a fraction of the floor too.
 * - warm: again with the caches the cold run wrote, nothing changed (the report is replayed, from the
 *   tree record when the cold run kept one: no discovery; marked `*` when it was not);
 *   touched: after appending a comment line to one file (its facts unchanged: replayed too; every
 *   repeat does the same work, as the change is too recent for the tree record to keep); import:
 *   after appending an import to one file (that file parsed, the analysis run again from the
 *   other files' cached facts; one run, as a second would replay the first's report). Each as a
 *   percentage of cold N; each run's stats line must say whether the report was replayed, as here.
 * - list+stat: the discovery alone, every directory listed and every file stat'ed, in the floor's
 *   process: what every run does that is not replayed from the tree record (which stats instead).
 * - RSS: the peak resident memory of the cold N run, worker threads included.
 *
 * Every pyseam figure is a whole `node` process, start to exit (scripts/bench-run.mjs on the
 * built CLI, text report to /dev/null), the best of `--repeat` runs (default 3; 1 for corpora
 * over 5,000 files). Each run's `PYSEAM_STATS` line is checked, so a warm run that parsed
 * anything, or a cold one that did not parse everything, stops the benchmark.
 *
 * Corpora: samples/monorepo, Debian's standard library (/usr/lib/python3.N), Debian's torch when
 * installed, synthetic monorepos of `--sizes` modules (scripts/gen-monorepo.ts, seed 1, generated
 * under the temporary directory once), and any DIR given. `--peers DIR` adds, on keras v2.6.0 at
 * DIR, the peers a user would otherwise run for import cycles: Debian's pylint with only
 * `cyclic-import`, and pyright with `reportImportCycles`, each timed once, with the ratios
 * (`--peers-only`: that line alone).
 *
 * Needs `npm run build` first (the runs use dist/). No figure is asserted.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { discover } from '../src/parse/discover.js';
import { nodeTree } from '../src/parse/source-tree.js';
import { generateMonorepo } from './gen-monorepo.js';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = mkdtempSync(join(tmpdir(), 'pyseam-bench-'));

interface Run {
  seconds: number;
  maxRssKb: number;
  /** From the run's stats line; `fromRecord`: replayed from the tree record, without discovery (src/commands/tree-record.ts). */
  stats: { files: number; parsed: number; replayed: boolean; fromRecord: boolean };
}

/** One `pyseam analyze DIR` in its own process; @throws when it fails or prints no stats. */
function pyseam(dir: string, args: string[]): Run {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [join(ROOT, 'scripts/bench-run.mjs'), 'analyze', dir, ...args], {
    env: { ...process.env, PYSEAM_STATS: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  const stats = /stats: (\d+) files: \d+ from the cache unread, \d+ read and unchanged, (\d+) parsed/.exec(child.stderr);
  const rss = /pyseam-bench: maxRssKb=(\d+)/.exec(child.stderr);
  if (child.status !== 0 || !stats || !rss) throw new Error(`pyseam analyze ${dir} ${args.join(' ')}: exit ${child.status}\n${child.stderr.slice(-2000)}`);
  return { seconds, maxRssKb: Number(rss[1]), stats: { files: Number(stats[1]), parsed: Number(stats[2]), replayed: /; report replayed/.test(child.stderr), fromRecord: /; tree as recorded;/.test(child.stderr) } };
}

function best(repeat: number, run: () => Run, expectParsed: (r: Run) => boolean, what: string): Run {
  let min: Run | null = null;
  for (let i = 0; i < repeat; i++) {
    const r = run();
    if (!expectParsed(r)) throw new Error(`${what}: parsed ${r.stats.parsed} of ${r.stats.files} files${r.stats.replayed ? ', report replayed' : ''}`);
    if (!min || r.seconds < min.seconds) min = r;
  }
  return min!;
}

function floor(dir: string, repeat: number): { files: number; bytes: number; seconds: number; listSeconds: number } {
  let min = { files: 0, bytes: 0, seconds: Infinity, listSeconds: Infinity };
  for (let i = 0; i < repeat; i++) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/bench-floor.ts'), dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`floor on ${dir}: ${child.stderr}`);
    const f = JSON.parse(child.stdout) as typeof min;
    if (f.seconds < min.seconds) min = { ...f, listSeconds: Math.min(f.listSeconds, min.listSeconds) };
    else min.listSeconds = Math.min(f.listSeconds, min.listSeconds);
  }
  return min;
}

/** A fresh cache directory for a cold run. */
function freshCache(): string {
  return mkdtempSync(join(WORK, 'cache-'));
}

function benchCorpus(name: string, dir: string, repeatOption: number | null): string[] {
  const f = floor(dir, repeatOption ?? 3);
  const repeat = repeatOption ?? (f.files > 5000 ? 1 : 3);
  const all = (r: Run) => r.stats.parsed === r.stats.files && !r.stats.replayed;
  const cold1 = best(repeat, () => pyseam(dir, ['--jobs', '1', '--cache-dir', freshCache()]), all, `${name} cold 1`);
  let cache = '';
  const coldN = best(repeat, () => pyseam(dir, ['--cache-dir', (cache = freshCache())]), all, `${name} cold N`);
  const warm = best(repeat, () => pyseam(dir, ['--cache-dir', cache]), (r) => r.stats.parsed === 0 && r.stats.replayed, `${name} warm`);
  const touched = editOne(dir, '\n# touched by npm run bench\n', () => best(repeat, () => pyseam(dir, ['--cache-dir', cache]), (r) => r.stats.parsed === 1 && r.stats.replayed, `${name} touched`));
  const imported = editOne(dir, '\nimport os  # added by npm run bench\n', () => best(1, () => pyseam(dir, ['--cache-dir', cache]), (r) => r.stats.parsed === 1 && !r.stats.replayed, `${name} import`));
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const percent = (a: number) => `${Math.round((100 * a) / coldN.seconds)}%`;
  console.error(`bench: ${name} done`);
  return [
    name, count(f.files), (f.bytes / 1e6).toFixed(1), f.seconds.toFixed(2),
    cold1.seconds.toFixed(2), ratio(cold1.seconds, f.seconds), coldN.seconds.toFixed(2), ratio(coldN.seconds, f.seconds),
    `${warm.seconds.toFixed(2)}${warm.stats.fromRecord ? '' : '*'}`, percent(warm.seconds), f.listSeconds.toFixed(2), touched.seconds.toFixed(2), percent(touched.seconds),
    imported.seconds.toFixed(2), percent(imported.seconds),
    count(Math.round(coldN.maxRssKb / 1024)),
  ];
}

/** Runs `run` with `text` appended to one module of `dir` (the middle one in discovery order), then puts the file back. */
function editOne<T>(dir: string, text: string, run: () => T): T {
  const tree = nodeTree(dir);
  const files = discover(tree, {}).files.filter((f) => f.kind === 'source');
  const file = join(dir, files[Math.floor(files.length / 2)].path);
  const before = readFileSync(file);
  appendFileSync(file, text);
  try {
    return run();
  } finally {
    writeFileSync(file, before);
  }
}

const count = (n: number) => n.toLocaleString('en-US');

function corpora(extra: string[], sizes: number[]): [string, string][] {
  const list: [string, string][] = [['sample', join(ROOT, 'samples/monorepo')]];
  const stdlib = readdirSync('/usr/lib').filter((d) => /^python3\.\d+$/.test(d)).sort().pop();
  if (stdlib) list.push([`stdlib (${stdlib})`, `/usr/lib/${stdlib}`]);
  if (existsSync('/usr/lib/python3/dist-packages/torch')) {
    // Debian's torch seen as a repository: a directory holding a `torch` symlink, so modules are named `torch.*`.
    const dir = mkdtempSync(join(WORK, 'torch-'));
    symlinkSync('/usr/lib/python3/dist-packages/torch', join(dir, 'torch'));
    list.push(['torch (Debian)', dir]);
  }
  for (const modules of sizes) list.push([`synthetic ${modules / 1000}k`, synthetic(modules)]);
  return [...list, ...extra.map((d): [string, string] => [d, resolve(d)])];
}

/** The seeded synthetic monorepo of `modules` modules, generated once under the temporary directory. */
function synthetic(modules: number): string {
  const dir = join(tmpdir(), `pyseam-synthetic-${modules}-seed1`);
  if (!existsSync(join(dir, 'manifest.json'))) {
    rmSync(dir, { recursive: true, force: true });
    console.error(`bench: generating ${dir}`);
    generateMonorepo(dir, { modules, seed: 1 });
  }
  return dir;
}

/** Seconds of one command run to the end (its exit status is not checked: pylint exits non-zero when it finds cycles). */
function timed(command: string, args: string[], cwd: string): number {
  const t0 = performance.now();
  const child = spawnSync(command, args, { cwd, stdio: 'ignore' });
  if (child.error) throw child.error;
  return (performance.now() - t0) / 1000;
}

function peers(keras: string): void {
  const pyseamCold = pyseam(keras, ['--cache-dir', freshCache()]).seconds;
  const pylint = timed('pylint', ['--disable=all', '--enable=cyclic-import', 'keras'], keras);
  // pyright reads `include` and `extraPaths` relative to its config file, which stays out of the corpus;
  // `extraPaths` lets `import keras` resolve to the corpus, without which no cycle is seen.
  const config = mkdtempSync(join(WORK, 'pyright-'));
  writeFileSync(join(config, 'pyrightconfig.json'), JSON.stringify({
    include: [relative(config, join(keras, 'keras'))], extraPaths: [relative(config, keras)], reportImportCycles: 'error',
  }));
  const pyright = timed('pyright', ['--project', join(config, 'pyrightconfig.json')], keras);
  console.log(`\npeers on ${keras}: pyseam cold (all cores) ${pyseamCold.toFixed(2)} s; `
    + `pylint --enable=cyclic-import ${pylint.toFixed(1)} s (${(pylint / pyseamCold).toFixed(0)}x); `
    + `pyright reportImportCycles ${pyright.toFixed(1)} s (${(pyright / pyseamCold).toFixed(0)}x)`);
}

function main(): void {
  const args = process.argv.slice(2);
  const take = (flag: string): string | null => {
    const i = args.indexOf(flag);
    return i >= 0 ? args.splice(i, 2)[1] : null;
  };
  const repeat = take('--repeat');
  const sizes = (take('--sizes') ?? '10000,50000,100000').split(',').filter(Boolean).map(Number);
  const keras = take('--peers');
  const o = args.indexOf('--peers-only');
  const peersOnly = o >= 0 && args.splice(o, 1).length > 0 && keras !== null;
  if (!existsSync(join(ROOT, 'dist/src/cli.js'))) throw new Error('run `npm run build` first');
  const rows: string[][] = [['corpus', 'files', 'MB', 'floor s', 'cold 1 s', '/floor', `cold ${availableParallelism()} s`, '/floor', 'warm s', '/cold', 'list+stat s', 'touched s', '/cold', 'import s', '/cold', 'RSS MB']];
  if (!peersOnly) {
    for (const [name, dir] of corpora(args, sizes)) rows.push(benchCorpus(name, dir, repeat === null ? null : Number(repeat)));
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
    console.log(`\nfloor: read + tree-sitter parse, one thread. pyseam: whole processes (node ${process.version}, ${availableParallelism()} cores), text report; `
      + 'cold runs start from an empty cache; warm: nothing changed (replayed from the tree record, without discovery; *: from the facts digest after discovery); list+stat: discovery alone, every directory listed and every file stat\'ed, '
      + 'in the floor\'s process (what every run not replayed from the tree record does); touched: a comment line appended to one file (report replayed); '
      + 'import: an import appended to one file (analyzed again from the cached facts). RSS: peak of the cold run on all cores.');
  }
  if (keras) peers(resolve(keras));
  rmSync(WORK, { recursive: true, force: true });
}

main();
