/**
 * The JSON report: the result as it is, two-space indented, ending in a
 * newline. The analysis already sorts everything, so equal results give
 * byte-identical output. `schema/report.schema.json` describes it.
 */
import type { AnalysisResult } from '../result.js';

export function renderJson(result: AnalysisResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
