/**
 * The JSON report of `pyseam check`: the check result as it is, two-space indented, ending
 * in a newline; `schema/check.schema.json` describes it. The analysis sorts everything, so
 * equal results give byte-identical output.
 */
import type { CheckResult } from '../check-result.js';

export function renderCheckJson(check: CheckResult): string {
  return JSON.stringify(check, null, 2) + '\n';
}
