/**
 * `npm run bench [-- DIR...]`: prints one table comparing a full `analyze` run with the
 * floor, the time to only read and tree-sitter-parse the same files on one thread,
 * measured in the same process. Corpora: the sample, Debian's standard library
 * (/usr/lib/python3.*), Debian's torch when installed, and any directories given.
 * Each figure is the best of `--repeat N` runs (default 3); no figure is asserted.
 */
import { existsSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import { analyze, type AnalyzeOptions } from '../src/analyze.js';
import { discover } from '../src/parse/discover.js';
import { nodeTree } from '../src/parse/source-tree.js';

const OPTIONS: AnalyzeOptions = {
  roots: [], configRoots: [], private: [], public: [], exclude: [], importHelpers: [],
  includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
};

function corpora(extra: string[]): string[] {
  const list = [resolve('samples/monorepo')];
  const stdlib = readdirSync('/usr/lib').filter((d) => /^python3\.\d+$/.test(d)).sort().pop();
  if (stdlib) list.push(`/usr/lib/${stdlib}`);
  if (existsSync('/usr/lib/python3/dist-packages/torch')) list.push(torchCorpus());
  return [...list, ...extra.map((d) => resolve(d))];
}

/** Debian's torch seen as a repository: a temporary directory holding a `torch` symlink, so modules are named `torch.*`. */
function torchCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pyseam-bench-'));
  symlinkSync('/usr/lib/python3/dist-packages/torch', join(dir, 'torch'));
  return dir;
}

function best(repeat: number, run: () => void): number {
  let min = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    run();
    min = Math.min(min, performance.now() - t0);
  }
  return min / 1000;
}

function main(): void {
  const args = process.argv.slice(2);
  const r = args.indexOf('--repeat');
  const repeat = r >= 0 ? Number(args.splice(r, 2)[1]) : 3;
  const parser = new Parser();
  parser.setLanguage(Python);
  const rows: string[][] = [['corpus', 'files', 'MB', 'floor s', 'analyze s', 'ratio', 'modules', 'edges', 'sites']];
  for (const dir of corpora(args)) {
    const tree = nodeTree(dir);
    const sources = discover(tree, {}).files.filter((f) => f.kind !== 'extension');
    let bytes = 0;
    const floor = best(repeat, () => {
      bytes = 0;
      for (const f of sources) {
        const text = tree.read(f.path).toString('utf8');
        bytes += Buffer.byteLength(text);
        parser.parse(text);
      }
    });
    let result = analyze(OPTIONS, tree);
    const full = best(repeat, () => { result = analyze(OPTIONS, tree); });
    rows.push([dir, String(sources.length), (bytes / 1e6).toFixed(1), floor.toFixed(2), full.toFixed(2), (full / floor).toFixed(2),
      String(result.summary.modules), String(result.summary.edges), String(result.summary.sites)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  console.log(`\nfloor: read + tree-sitter parse of every source file, one thread; best of ${repeat} (node ${process.version}).`);
}

main();
