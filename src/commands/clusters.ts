import { Option, type Command } from 'commander';
import { addAnalysisOptions, type AnalysisFlags, type Io } from './options.js';

export interface ClustersFlags extends AnalysisFlags {
  format: 'text' | 'json';
  output?: string;
  full?: boolean;
  level?: string;
  seed?: string;
  resolution?: string;
}

/**
 * `pyseam clusters [PATH]`: Louvain communities of the internal import graph (undirected,
 * weighted by import sites), their modularity, their agreement with the packages (NMI and
 * adjusted Rand index), and the modules whose cluster is not their package's.
 * `[tool.pyseam.clusters] seed` and `resolution` are read from the config; the flags win.
 * The run (clusters-run.ts, with Louvain) is loaded only when the command runs.
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
      const { runClusters } = await import('./clusters-run.js');
      await runClusters(path, flags, io, setStatus);
    });
}
