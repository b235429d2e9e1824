/**
 * The SARIF report: a SARIF 2.1.0 log (OASIS Static Analysis Results
 * Interchange Format, errata 01) with one run, for GitHub code scanning and
 * other SARIF viewers. `schema/sarif-2.1.0.schema.json` is the official schema
 * it is tested against. Shape, with the spec sections that define it:
 *
 * - `tool.driver` (§3.18, §3.19): name, version, informationUri (package.json's
 *   `homepage`, left out while there is none) and one `reportingDescriptor`
 *   per rule (§3.49) with a stable `id`, shortDescription, fullDescription,
 *   help and `defaultConfiguration.level`;
 * - `results` (§3.27), one per violation (see violations.ts): ruleId,
 *   ruleIndex, level (`error` for private imports and cycles, `warning` for
 *   parse and import errors), `message.text`, one physical location (§3.29) with
 *   `artifactLocation.uri` relative to PATH under `uriBaseId: "%SRCROOT%"`
 *   (§3.4.4) and `region.startLine`/`startColumn` (§3.30); a cycle is located at
 *   its example's first hop, the other hops are `relatedLocations`;
 * - `partialFingerprints["pyseam/v1"]` (§3.27.17): the SHA-256 of the
 *   violation's stable key (no line numbers), so code scanning follows an alert
 *   across edits; `properties.key` holds the key itself.
 *
 * Columns are Python `ast`'s (`col_offset + 1`, UTF-8 bytes); SARIF counts
 * UTF-16 code units (§3.14.18 `columnKind`): they agree when the line's prefix
 * is ASCII, as import statements' nearly always are.
 */
import { createHash } from 'node:crypto';
import pkg from '../../package.json' with { type: 'json' };
import type { AnalysisResult, HopRecord } from '../result.js';
import { RULE_IDS, violations, type RuleId, type Violation } from './violations.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

interface RuleText { name: string; short: string; full: string; help: string; level: 'error' | 'warning' }

const RULES: Record<RuleId, RuleText> = {
  'private-import': {
    name: 'PrivateImport', level: 'error',
    short: 'An import reaches into another component\'s private internals.',
    full: 'The imported module or name is private (a segment starting with `_`, or under a declared private prefix) and owned by another component than the importer.',
    help: 'Import the public API instead (the public name the owner exports), or move the code so that importer and target share an owner. A declared public prefix (--public, config `public`) marks a module public even under a private prefix.',
  },
  'import-cycle': {
    name: 'ImportCycle', level: 'error',
    short: 'Modules import each other in a cycle.',
    full: 'A strongly connected component of the module import graph with more than one module; the message gives a shortest example chain through its first module.',
    help: 'Break one hop of the chain: move the shared code into a module both can import, or import lazily inside the function that needs it. Modules in one cycle cannot be split into separate packages.',
  },
  'parse-error': {
    name: 'ParseError', level: 'warning',
    short: 'A Python file does not parse.',
    full: 'The file has a syntax error or cannot be decoded; its imports are missing from the graph.',
    help: 'Fix the syntax error, or exclude the file (--exclude, config `exclude`) when it is not Python source meant to run.',
  },
  'import-error': {
    name: 'ImportError', level: 'warning',
    short: 'An import statement Python would reject.',
    full: 'A relative import that goes above the top-level package.',
    help: 'Use fewer leading dots or an absolute import; check the source roots pyseam detected (--root).',
  },
};

const homepage = (pkg as { homepage?: string }).homepage;

/** `a/b c.py` -> `a/b%20c.py`: a relative URI reference, each path segment percent-encoded. */
const uri = (file: string): string => file.split('/').map(encodeURIComponent).join('/');

const physical = (at: { file: string; line: number; column: number }) => ({
  artifactLocation: { uri: uri(at.file), uriBaseId: '%SRCROOT%' },
  region: { startLine: at.line, startColumn: at.column },
});

const related = (hops: HopRecord[]) => hops.map((hop, i) => ({
  id: i + 1,
  physicalLocation: physical(hop),
  message: { text: `${hop.from} imports ${hop.to}` },
}));

function sarifResult(v: Violation) {
  return {
    ruleId: v.rule,
    ruleIndex: RULE_IDS.indexOf(v.rule),
    level: v.level,
    message: { text: v.message },
    locations: [{ physicalLocation: physical(v) }],
    ...(v.related.length ? { relatedLocations: related(v.related) } : {}),
    partialFingerprints: { 'pyseam/v1': createHash('sha256').update(v.key).digest('hex') },
    properties: { key: v.key },
  };
}

/** The SARIF log as JSON text, two-space indented, ending in a newline. */
export function renderSarif(result: AnalysisResult): string {
  const rules = RULE_IDS.map((id) => {
    const r = RULES[id];
    return {
      id, name: r.name,
      shortDescription: { text: r.short }, fullDescription: { text: r.full }, help: { text: r.help },
      defaultConfiguration: { level: r.level },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: result.tool.name, version: result.tool.version, ...(homepage ? { informationUri: homepage } : {}), rules } },
      results: violations(result).map(sarifResult),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
