/**
 * `node --import tsx scripts/bench-extract.ts [--repeat N] [--cpu] [--only floor|extract|compare] [--compare EXTRACT.ts] DIR...`: what
 * extraction costs above parsing. For each directory, on one thread, over the files
 * `discover` finds (extension modules left out), read in memory first:
 *
 * - floor: decode + tree-sitter parse of every file;
 * - extract: decode + `parseModule` (the same parse, then the ModuleWalker);
 * - overhead: (extract - floor) / floor.
 *
 * Each figure is the best of N rounds (default 3), the two measured alternately within a
 * round so that load from other processes falls on both. Wall-clock seconds, or with `--cpu`
 * the CPU seconds of this process (user + system, all its threads), which load from other
 * processes on a shared machine disturbs less. No figure is asserted.
 * `--compare` also times another copy's `parseModule` (a saved copy of src/parse, say) in the
 * same rounds. `--only` runs one of them, to count its instructions under callgrind: subtract
 * the count of a `--repeat 0` run (start-up and reading) and divide by N.
 */
import { resolve } from 'node:path';
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import { decodeSource } from '../src/parse/decode.js';
import { discover } from '../src/parse/discover.js';
import { parseModule } from '../src/parse/extract.js';
import { normalizeSource } from '../src/parse/positions.js';
import type { ExtractOptions } from '../src/parse/types.js';
import { nodeTree } from '../src/parse/source-tree.js';

interface Source {
  bytes: Buffer;
  stub: boolean;
}

function load(dir: string): Source[] {
  const tree = nodeTree(dir);
  return discover(tree, {}).files
    .filter((f) => f.kind !== 'extension')
    .map((f) => ({ bytes: tree.read(f.path), stub: f.kind === 'stub' }));
}

let clock: 'wall' | 'cpu' = 'wall';

function timed(run: () => void): number {
  if (clock === 'cpu') {
    const c0 = process.cpuUsage();
    run();
    const { user, system } = process.cpuUsage(c0);
    return (user + system) / 1e6;
  }
  const t0 = performance.now();
  run();
  return (performance.now() - t0) / 1000;
}

type Extract = (source: string, options: ExtractOptions) => unknown;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const take = (flag: string): string | null => {
    const i = args.indexOf(flag);
    return i >= 0 ? args.splice(i, 2)[1] : null;
  };
  const repeat = Number(take('--repeat') ?? 3);
  const only = take('--only');
  const cpu = args.indexOf('--cpu');
  if (cpu >= 0) {
    args.splice(cpu, 1);
    clock = 'cpu';
  }
  const compare = take('--compare');
  const other = compare ? ((await import(resolve(compare))) as { parseModule: Extract }).parseModule : null;
  const parser = new Parser();
  parser.setLanguage(Python as unknown as Parser.Language);
  const floorRun = (sources: Source[]) => (): void => {
    for (const s of sources) {
      const decoded = decodeSource(s.bytes);
      if ('text' in decoded) parser.parse(normalizeSource(decoded.text));
    }
  };
  const extractRun = (sources: Source[], extract: Extract) => (): void => {
    for (const s of sources) {
      const decoded = decodeSource(s.bytes);
      if ('text' in decoded) extract(decoded.text, { stub: s.stub });
    }
  };
  const percent = (time: number, floor: number): string =>
    Number.isFinite(floor) && Number.isFinite(time) ? `${(((time - floor) / floor) * 100).toFixed(0)}%` : '-';
  const rows: string[][] = [['corpus', 'files', 'MB', 'floor s', 'extract s', 'overhead', ...(other ? ['compared s', 'overhead'] : [])]];
  for (const dir of args.map((d) => resolve(d))) {
    const sources = load(dir);
    const mb = sources.reduce((n, s) => n + s.bytes.length, 0) / 1e6;
    let floor = Infinity;
    let extract = Infinity;
    let compared = Infinity;
    for (let i = 0; i < repeat; i++) {
      if (only === null || only === 'floor') floor = Math.min(floor, timed(floorRun(sources)));
      if (only === null || only === 'extract') extract = Math.min(extract, timed(extractRun(sources, parseModule)));
      if (other && (only === null || only === 'compare')) compared = Math.min(compared, timed(extractRun(sources, other)));
    }
    rows.push([dir, String(sources.length), mb.toFixed(1), floor.toFixed(2), extract.toFixed(2), percent(extract, floor),
      ...(other ? [compared.toFixed(2), percent(compared, floor)] : [])]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  console.log(`\n${clock === 'cpu' ? 'CPU' : 'wall-clock'} seconds, best of ${repeat}, one thread, files read in memory first (node ${process.version}).`);
}

void main();
