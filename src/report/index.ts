/**
 * The reporter registry: a format name maps to a pure function from the
 * analysis result to the text to write. Reporters never analyze and never
 * write; the CLI is the one place that writes to stdout or a file
 * (after dependency-cruiser's `src/report/index.mjs`).
 */
import type { AnalysisResult } from '../result.js';
import { FORMATS, type Format } from './formats.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export interface ReportOptions {
  /** Write ANSI colours; the CLI decides (a TTY and no NO_COLOR). Ignored by `json`. */
  color: boolean;
  /** List every site instead of cutting long lists (text only). */
  full?: boolean;
}

export type Reporter = (result: AnalysisResult, options: ReportOptions) => string;

const REPORTERS = {
  text: renderText,
  json: (result: AnalysisResult) => renderJson(result),
  sarif: (result: AnalysisResult) => renderSarif(result),
  github: (result: AnalysisResult) => renderGithub(result),
  junit: (result: AnalysisResult) => renderJunit(result),
  markdown: (result: AnalysisResult) => renderMarkdown(result),
} satisfies Record<Format, Reporter>;

export { FORMATS, type Format };

/** Whether `name` is a known format (for validating a CLI option). */
export function isFormat(name: string): name is Format {
  return Object.hasOwn(REPORTERS, name);
}

/**
 * Renders `result` in `format`. Throws an Error naming the known formats when
 * `format` is unknown (the CLI should have checked with `isFormat`).
 */
export function render(format: string, result: AnalysisResult, options: ReportOptions): string {
  if (!isFormat(format)) throw new Error(`unknown report format '${format}' (known: ${FORMATS.join(', ')})`);
  return REPORTERS[format](result, options);
}
