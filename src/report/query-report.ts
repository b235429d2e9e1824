/**
 * The query reporters' registry: `text` or `json` for `why`, `deps` and `rdeps`. JSON is the
 * query result as it is, two-space indented, ending in a newline (the queries sort everything).
 */
import type { ReachResult, WhyResult } from '../query-result.js';
import { renderReachText } from './query-reach-text.js';
import { renderWhyText } from './query-why-text.js';
import type { QueryFormat } from './formats.js';
import type { TextOptions } from './text-format.js';

/** Renders a query result in `format`. */
export function renderQuery(format: QueryFormat, result: WhyResult | ReachResult, options: TextOptions): string {
  if (format === 'json') return JSON.stringify(result, null, 2) + '\n';
  return result.query === 'why' ? renderWhyText(result, options) : renderReachText(result, options);
}
