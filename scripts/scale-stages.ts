/**
 * `node --import tsx scripts/scale-stages.ts [DIR...] [--repeat N] [--reuse-facts]`:
 * times each stage of `analyze` (src/analyze.ts), run one by one as its recipe runs them, and
 * the graph analyses built on its result, on synthetic monorepos (scripts/gen-monorepo.ts,
 * seed 1, generated under the temporary directory when absent) or the directories given. Prints
 * one table, a column per corpus, CPU seconds per stage (user + system, so garbage collection
 * on helper threads counts): parse once, every later stage the best of
 * `--repeat` runs (default 3). Then the process's peak RSS, which holds every stage's data at
 * once (more than `analyze` alone). No figure is asserted.
 *
 * `--reuse-facts` keeps each corpus's extracted facts in `DIR.facts.json` and loads them on the
 * next run, to time the later stages without parsing again. Run under `--expose-gc`: the parse then
 * frees tree-sitter's trees every 2,000 files (see `freeTrees`), and each timed run starts after a
 * full collection, so that no stage pays for an earlier one's garbage.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assembleResult } from '../src/assemble-result.js';
import type { AnalyzeOptions } from '../src/analyze.js';
import { findBoundaryCycles } from '../src/graph/boundary-cycles.js';
import { keptSites, takeSites } from '../src/graph/build-graph.js';
import { extractionPlan } from '../src/graph/extraction-plan.js';
import { findCycles } from '../src/graph/find-cycles.js';
import { buildModuleTable } from '../src/graph/module-table.js';
import { externalOwner, ownerOf } from '../src/graph/owners.js';
import { findPrivateImports, type PrivateImportOptions } from '../src/graph/private-imports.js';
import { Resolver } from '../src/graph/resolve.js';
import { SiteTable } from '../src/graph/site-table.js';
import { isStdlib } from '../src/graph/stdlib.js';
import { importPairs } from '../src/graph/import-pairs.js';
import { suggestClusters } from '../src/graph/suggest-clusters.js';
import { applySuppressions } from '../src/graph/suppressions.js';
import { decodeSource } from '../src/parse/decode.js';
import { discover } from '../src/parse/discover.js';
import { parseModule } from '../src/parse/extract.js';
import { nodeTree } from '../src/parse/source-tree.js';
import type { ModuleFacts } from '../src/parse/types.js';
import type { AnalysisResult } from '../src/result.js';
import { generateMonorepo } from './gen-monorepo.js';

const OPTIONS: AnalyzeOptions = {
  roots: [], configRoots: [], private: [], public: [], exclude: [], importHelpers: [],
  includeTypeChecking: true, includeLazy: true, includeDynamic: true, checkStdlib: false, configFile: null,
};

/** The best of `repeat` runs, in CPU seconds of the process (user + system): steadier than wall time on a shared machine. */
function best<T>(repeat: number, run: () => T): { seconds: number; value: T } {
  let seconds = Infinity;
  let value!: T;
  for (let i = 0; i < repeat; i++) {
    (globalThis as { gc?: () => void }).gc?.(); // the garbage of earlier stages is not this one's
    const t0 = process.cpuUsage();
    value = run();
    const t = process.cpuUsage(t0);
    seconds = Math.min(seconds, (t.user + t.system) / 1e6);
  }
  return { seconds, value };
}

type Timer = <T>(name: string, run: () => T, times?: number) => T;

/** The stages of one corpus, in recipe order, seconds each. */
async function stages(dir: string, repeat: number, reuseFacts: boolean): Promise<Map<string, string>> {
  const row = new Map<string, string>();
  const time: Timer = (name, run, times = repeat) => {
    const { seconds, value } = best(times, run);
    row.set(name, seconds.toFixed(3));
    return value;
  };
  // The analyses start from the result alone, as `pyseam extract` and `clusters` do: the pipeline's data is garbage by then.
  const result = await pipeline(dir, reuseFacts, row, time);
  analyses(result, time);
  row.set('modules / sites', `${result.summary.modules} / ${result.summary.sites}`);
  row.set('cycles (largest)', `${result.summary.cycles} (${result.summary.largestCycle})`);
  return row;
}

async function pipeline(dir: string, reuseFacts: boolean, row: Map<string, string>, time: Timer): Promise<AnalysisResult> {
  const tree = nodeTree(dir);
  const { discovery, table } = time('discover + module table', () => {
    const discovery = discover(tree, { roots: [], rootsFromConfig: [], exclude: [] });
    return { discovery, table: buildModuleTable(discovery.files, discovery.roots) };
  }, 1);
  const cache = `${dir.replace(/\/+$/, '')}.facts.json`;
  let facts: ModuleFacts[];
  if (reuseFacts && existsSync(cache)) {
    facts = JSON.parse(readFileSync(cache, 'utf8')) as ModuleFacts[];
    row.set('read + parse + extract', 'cached');
  } else {
    const t0 = process.cpuUsage();
    facts = [];
    for (const [i, { file }] of table.parsed.entries()) {
      if (i % 2000 === 1999) await freeTrees();
      const decoded = decodeSource(tree.read(file.path));
      if ('error' in decoded) throw new Error(`${file.path}: ${decoded.error}`);
      facts.push(parseModule(decoded.text, { stub: file.kind === 'stub', importHelpers: [], exportDecorators: [] }));
    }
    const t = process.cpuUsage(t0);
    row.set('read + parse + extract', ((t.user + t.system) / 1e6).toFixed(3));
    if (reuseFacts) writeFileSync(cache, JSON.stringify(facts));
  }
  const sites = time('resolve', () => {
    const resolver = new Resolver(table.modules);
    const sites = new SiteTable();
    facts.forEach((f: ModuleFacts, i) => {
      const { file, module } = table.parsed[i];
      for (const raw of f.imports) {
        const resolved = resolver.resolve(raw, module);
        if (!('message' in resolved)) for (const site of resolved) sites.add(module.name, file.path, site);
      }
    });
    return sites;
  });
  const kept = keptSites(sites, OPTIONS);
  const { graph, external } = time('buildGraph', () => takeSites(table.modules.keys(), sites, kept));
  const cycles = time('findCycles', () => findCycles(graph));
  const allOf = new Map(facts.map((f, i) => [table.parsed[i].module.name, f.all]));
  const { ownership, owners, privateImports } = time('owners + private imports', () => {
    const ownership = new Map([...table.modules.values()].map((m) => [m.name, ownerOf(m, discovery.distributions, [])]));
    const owners = new Map([...ownership].map(([name, o]) => [name, o.owner]));
    const rules: PrivateImportOptions = {
      private: [], public: [], external: { private: [], public: [] }, allOf: (m) => allOf.get(m), checkStdlib: false, isStdlib,
      ownerOfImporter: (importer) => owners.get(importer)!,
      ownerOfTarget: (site) => (site.external ? externalOwner(site.target, []) : owners.get(site.to)!),
    };
    const found = findPrivateImports(sites, rules, kept);
    return { ownership, owners, privateImports: applySuppressions(found, [], { requireReason: true, all: found }).privateImports };
  });
  const result: AnalysisResult = time('assembleResult', () => assembleResult({
    options: OPTIONS, discovery, table, owners, ownership, graph, externalEdges: external, allOf, exports: [], cycles, privateImports,
    suppressed: [], suppressionProblems: [], parseErrors: [], importErrors: [], skipped: [], dynamicImports: [],
  }));
  time('JSON.stringify', () => JSON.stringify(result).length);
  return result;
}

function analyses(result: AnalysisResult, time: Timer): void {
  // The component holding the smallest module of the largest cycle: its boundary cycles are not empty.
  const component = result.modules.find((m) => m.name === result.cycles[0]?.modules[0])?.owner ?? result.components[0].name;
  time('extractionPlan (one package)', () => extractionPlan(result, component));
  time('  of which findBoundaryCycles', () => findBoundaryCycles(result, new Set(result.modules.filter((m) => m.owner === component).map((m) => m.name))));
  time('suggestClusters (Louvain)', () => suggestClusters(result, { seed: 1 }));
  time('  of which importPairs', () => importPairs(result));
}

function corpora(args: string[]): string[] {
  if (args.length > 0) return args.map((d) => resolve(d));
  return [10_000, 50_000, 100_000].map((n) => {
    const dir = join(tmpdir(), `pyseam-synthetic-${n}-seed1`);
    if (!existsSync(join(dir, 'manifest.json'))) generateMonorepo(dir, { modules: n, seed: 1 });
    return dir;
  });
}

/**
 * tree-sitter frees a tree's native memory in its object's finalizer, which Node runs from the
 * event loop: a loop that never yields keeps every tree (about 200 MB per 1,000 files here).
 */
async function freeTrees(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setImmediate(resolve));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const r = args.indexOf('--repeat');
  const repeat = r >= 0 ? Number(args.splice(r, 2)[1]) : 3;
  const f = args.indexOf('--reuse-facts');
  const reuseFacts = f >= 0 && args.splice(f, 1).length > 0;
  const dirs = corpora(args);
  const columns: Map<string, string>[] = [];
  for (const d of dirs) {
    columns.push(await stages(d, repeat, reuseFacts));
    process.stderr.write(`${d}: done\n`);
  }
  const names = [...columns[0].keys()];
  const rows = [['stage (CPU s)', ...dirs.map((d) => d.split('/').pop()!)], ...names.map((n) => [n, ...columns.map((c) => c.get(n) ?? '')])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (whole run); best of ${repeat} after the parse (node ${process.version}).`);
}

await main();
