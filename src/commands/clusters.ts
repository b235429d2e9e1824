import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { suggestClusters } from '../graph/suggest-clusters.js';
import { renderClustersJson } from '../report/clusters-json.js';
import { renderClustersText } from '../report/clusters-text.js';
import { addAnalysisOptions, loadAnalysis, useColor, writeReport, type AnalysisFlags, type Io } from './shared.js';

interface ClustersFlags extends AnalysisFlags {
  format: 'text' | 'json';
  output?: string;
  full?: boolean;
  level?: string;
  seed?: string;
  resolution?: string;
}

/** A flag's value as an integer of at least `min`, or undefined when the flag is absent. @throws UsageError naming the flag. */
function integerFlag(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag} '${value}': expected an integer${min > -Infinity ? ` of at least ${min}` : ''}`);
  return Number(value);
}

/**
 * `pyseam clusters [PATH]`: Louvain communities of the internal import graph (undirected,
 * weighted by import sites), their modularity, their agreement with the packages (NMI and
 * adjusted Rand index), and the modules whose cluster is not their package's.
 * `[tool.pyseam.clusters] seed` and `resolution` are read from the config; the flags win.
 */
export function registerClusters(program: Command, io: Io, setStatus: (status: number) => void): void {
  addAnalysisOptions(program.command('clusters')
    .description('Find clusters of modules that import each other (Louvain on the import graph weighted by import sites), compare them with the package structure, and list modules whose cluster is not their package\'s: candidates to move before an extraction.'))
    .option('--level <n>', 'compare with the packages made of the first N segments of module names (default: each module\'s component)')
    .option('--seed <n>', 'random seed of Louvain (default: [tool.pyseam.clusters] seed, else 1); the same input and seed give the same clusters')
    .option('--resolution <x>', 'Louvain resolution, above 1 for more and smaller clusters (default: [tool.pyseam.clusters] resolution, else 1)')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--full', 'list every module, link and misplaced module instead of cutting long lists')
    .action(async (path: string, flags: ClustersFlags) => {
      const level = integerFlag(flags.level, '--level', 1);
      const seed = integerFlag(flags.seed, '--seed', -Infinity);
      let resolution: number | undefined;
      if (flags.resolution !== undefined) {
        resolution = Number(flags.resolution);
        if (!(resolution > 0) || !Number.isFinite(resolution)) throw new UsageError(`--resolution '${flags.resolution}': expected a positive number`);
      }
      const { result, config } = await loadAnalysis(path, flags, io);
      const clusters = suggestClusters(result, {
        level: level ?? null,
        seed: seed ?? config.clusters?.seed ?? 1,
        resolution: resolution ?? config.clusters?.resolution ?? 1,
      });
      const text = flags.format === 'json' ? renderClustersJson(clusters) : renderClustersText(clusters, { color: useColor(flags.output), full: flags.full });
      writeReport(text, flags.output, io);
      setStatus(0);
    });
}
