/**
 * The run of `pyseam clusters` (clusters.ts registers the command and loads this, and Louvain
 * with it, when it runs).
 */
import { UsageError } from '../errors.js';
import { suggestClusters } from '../graph/suggest-clusters.js';
import { renderClustersJson } from '../report/clusters-json.js';
import { renderClustersText } from '../report/clusters-text.js';
import type { ClustersFlags } from './clusters.js';
import type { Io } from './options.js';
import { loadAnalysis, useColor, writeReport } from './shared.js';

/**
 * Finds the clusters of the analysis of PATH and writes the report; `setStatus` gets 0.
 *
 * @throws UsageError (exit 2) for a `--level`, `--seed` or `--resolution` out of range, and as `loadAnalysis`.
 */
export async function runClusters(path: string, flags: ClustersFlags, io: Io, setStatus: (status: number) => void): Promise<void> {
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
}

/** A flag's value as an integer of at least `min`, or undefined when the flag is absent. @throws UsageError naming the flag. */
function integerFlag(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag} '${value}': expected an integer${min > -Infinity ? ` of at least ${min}` : ''}`);
  return Number(value);
}
