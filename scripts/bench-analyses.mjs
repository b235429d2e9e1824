// `npm run bench:analyses -- DIR [CACHE_DIR]`: wall-clock milliseconds of the graph analyses on
// the result of one analysis of DIR (warm when CACHE_DIR holds its cache): the strongly connected
// components of the internal edges, one component's extraction plan (the owner of the largest
// cycle's first module) and its boundary cycles alone, and the Louvain clusters, each three times
// after a full collection. Needs `npm run build`; plain JavaScript on dist/, as bin/pyseam runs.
import { analyzeAsync } from '../dist/src/analyze.js';
import { analysisOptions } from '../dist/src/commands/shared.js';
import { findBoundaryCycles } from '../dist/src/graph/boundary-cycles.js';
import { extractionPlan } from '../dist/src/graph/extraction-plan.js';
import { stronglyConnectedOfEdges } from '../dist/src/graph/strongly-connected.js';
import { suggestClusters } from '../dist/src/graph/suggest-clusters.js';
import { nodeTree } from '../dist/src/parse/source-tree.js';

const [path, cacheDir] = process.argv.slice(2);
const io = { out: () => {}, err: () => {}, warn: () => {} };
const { options, dir, run } = analysisOptions(path, { typeChecking: true, lazy: true, dynamic: true, cacheDir }, io);
const result = await analyzeAsync(options, nodeTree(dir), run);
const component = result.modules.find((m) => m.name === result.cycles[0]?.modules[0])?.owner ?? result.components[0].name;
const inside = new Set(result.modules.filter((m) => m.owner === component).map((m) => m.name));
const timed = (name, f) => {
  const ms = [];
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    f();
    ms.push(Math.round(performance.now() - t0));
  }
  console.log(`${name.padEnd(34)} ${ms.join(', ')} ms`);
};
console.log(`${dir}: ${result.summary.modules} modules, ${result.summary.edges} internal edges, ${result.summary.cycles} cycles; component ${component}`);
timed('strongly connected components', () => stronglyConnectedOfEdges(result.modules.map((m) => m.name), result.edges.filter((e) => !e.external && e.from !== e.to), 2));
timed('extraction plan', () => extractionPlan(result, component));
timed('  its boundary cycles alone', () => findBoundaryCycles(result, inside));
timed('clusters (Louvain, seed 1)', () => suggestClusters(result, { seed: 1 }));
