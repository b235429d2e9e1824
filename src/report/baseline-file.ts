/**
 * The baseline file (`pyseam-baseline.json`, schema/baseline.schema.json): plain JSON, one
 * violation per line with its keys sorted, so that a ratchet shows in code review as deleted
 * lines and a count that went down:
 *
 *   {
 *     "schemaVersion": 1,
 *     "violations": [
 *       {"count":1,"importer":"kerasish.backend","names":[],"rule":"private-import","target":"tensorflux._core.dtypes"},
 *       {"count":1,"modules":["kerasish.callbacks","kerasish.models","kerasish.training"],"rule":"cycle"}
 *     ]
 *   }
 *
 * The entries come sorted (src/graph/baseline.ts); this only writes them.
 */
import type { Baseline, BaselineComparison } from '../baseline-result.js';
import { jsonPieces } from './json.js';

/** One entry as a line of JSON with its keys in alphabetical order (arrays keep their order). */
const line = (entry: object): string => JSON.stringify(entry, Object.keys(entry).sort());

export function renderBaselineFile(baseline: Baseline): string {
  const lines = baseline.violations.map((e, i) => `    ${line(e)}${i < baseline.violations.length - 1 ? ',' : ''}`);
  const list = lines.length ? `[\n${lines.join('\n')}\n  ]` : '[]';
  return `{\n  "schemaVersion": ${baseline.schemaVersion},\n  "violations": ${list}\n}\n`;
}

/**
 * A JSON report (`analyze --format json`, `check --format json`) with the comparison of
 * `--baseline FILE` as its last field, `baseline` (schema/baseline.schema.json#/$defs/comparison).
 */
export function renderJsonWithBaseline(report: object, comparison: BaselineComparison): Iterable<string> {
  return jsonPieces({ ...report, baseline: comparison });
}
