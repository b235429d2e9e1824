/**
 * The run of `pyseam extract` (extract.ts registers the command and loads this when it runs).
 */
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { extractionPlan } from '../graph/extraction-plan.js';
import { renderExtractText } from '../report/extract-text.js';
import type { ExtractFlags } from './extract.js';
import { checkDotted, DOTTED, type Io } from './options.js';
import { loadAnalysis, useColor, writeReport } from './shared.js';

/**
 * The extraction plan of COMPONENT in the analysis of PATH, written as the report.
 *
 * @throws UsageError (exit 2) for a COMPONENT that names no component or module prefix, a bad `--copy`, and as `loadAnalysis`.
 */
export async function runExtract(component: string, path: string, flags: ExtractFlags, io: Io): Promise<void> {
  const configured = loadConfig(resolve(path), flags.config).config.component ?? [];
  const isName = configured.some((c) => c.name === component);
  const declared = DOTTED.test(component) && !isName ? [{ name: component, modules: [component] }] : [];
  const { result, config } = await loadAnalysis(path, flags, io, declared);
  const known = result.components.map((c) => c.name);
  if (!known.includes(component)) {
    throw new UsageError(`COMPONENT ${component}: no such component or module prefix; components: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', ...' : ''}`);
  }
  const plan = extractionPlan(result, component, [...(config.copy ?? []), ...checkDotted(flags.copy, '--copy')]);
  const text = flags.format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : renderExtractText(plan, { color: useColor(flags.output), full: flags.full });
  writeReport(text, flags.output, io);
}
