/**
 * The JSON report of `pyseam clusters`: the ClustersResult as it is, two-space indented,
 * ending in a newline; `schema/clusters.schema.json` describes it. The analysis sorts
 * everything and rounds fractions, so equal inputs give byte-identical output.
 */
import type { ClustersResult } from '../clusters-result.js';

export function renderClustersJson(result: ClustersResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
