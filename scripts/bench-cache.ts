/**
 * `node --import tsx scripts/bench-cache.ts [--repeat N] [--jobs N] DIR...`: end-to-end timings of the
 * real CLI (bin/pyseam, so dist/ must be built) on a copy of each DIR in a temporary directory:
 *
 *   one thread     --jobs 1 --no-cache
 *   N threads      --jobs N --no-cache (default N: every available core)
 *   cold cached    --jobs N, empty cache: parses everything and writes the cache
 *   warm           --jobs N, nothing changed (files older than the racy margin: answered by stat)
 *   one edited     --jobs N, after appending a comment to one file (re-parses exactly that one)
 *
 * Each figure is the best of --repeat runs (default 3), wall-clock seconds of the whole process
 * (`analyze --format json` to /dev/null); ratios are against "one thread". No figure is asserted.
 * PYSEAM_STATS checks that each run did what its name says (warm: nothing parsed; one edited: one).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { RACY_MARGIN_MS } from '../src/parse/facts-cache.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : Number(args.splice(at, 2)[1]);
};
const repeat = option('--repeat', 3);
const jobs = option('--jobs', availableParallelism());
const bin = resolve('bin/pyseam');

/** Seconds of one CLI run, and what it says it parsed. */
function run(dir: string, flags: string[]): { seconds: number; parsed: number } {
  const t0 = performance.now();
  const r = spawnSync('node', [bin, 'analyze', dir, '--format', 'json', ...flags], { encoding: 'utf8', env: { ...process.env, PYSEAM_STATS: '1' }, maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`pyseam failed on ${dir}: ${r.stderr}`);
  const parsed = Number(/, (\d+) parsed;/.exec(r.stderr)?.[1] ?? NaN);
  return { seconds, parsed };
}

const best = (times: number[]) => Math.min(...times);

/** The first Python file of more than 1 kB under `dir` (walk order), to edit. */
function someFile(dir: string): string {
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (name.endsWith('.py') && !name.split('/').some((p) => p.startsWith('.')) && statSync(path).size > 1024) return path;
  }
  throw new Error(`no Python file in ${dir}`);
}

const rows: string[][] = [['corpus', 'files', 'one thread', `${jobs} threads`, 'cold cached', 'warm', 'one edited', `${jobs}t/1t`, 'warm/1t', 'edited/1t']];
for (const source of args) {
  const top = mkdtempSync(join(tmpdir(), 'pyseam-bench-cache-'));
  const dir = join(top, basename(resolve(source)));
  cpSync(resolve(source), dir, { recursive: true, filter: (src) => !src.includes('.pyseam_cache') });
  const cache = ['--jobs', String(jobs), '--cache-dir', join(top, 'cache')];
  try {
    const one = best(Array.from({ length: repeat }, () => run(dir, ['--jobs', '1', '--no-cache']).seconds));
    const many = best(Array.from({ length: repeat }, () => run(dir, ['--jobs', String(jobs), '--no-cache']).seconds));
    const cold = run(dir, cache);
    // Older than the racy margin: the warm runs may answer every file by its stat.
    spawnSync('sleep', [String(RACY_MARGIN_MS / 1000 + 0.5)]);
    const warmRuns = Array.from({ length: repeat }, () => run(dir, cache));
    const file = someFile(dir);
    const editedRuns = Array.from({ length: repeat }, (_, i) => {
      appendFileSync(file, `# edit ${i}\n`);
      return run(dir, cache);
    });
    if (warmRuns.some((r) => r.parsed !== 0) || editedRuns.some((r) => r.parsed !== 1)) throw new Error(`unexpected parse counts: warm ${warmRuns.map((r) => r.parsed)}, edited ${editedRuns.map((r) => r.parsed)}`);
    const warm = best(warmRuns.map((r) => r.seconds));
    const edited = best(editedRuns.map((r) => r.seconds));
    const f = (s: number) => s.toFixed(2);
    rows.push([source, String(cold.parsed), f(one), f(many), f(cold.seconds), f(warm), f(edited), f(many / one), f(warm / one), f(edited / one)]);
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
console.log(`\nseconds, whole process (node start included), best of ${repeat}; node ${process.version}, ${availableParallelism()} cores.`);
