import type { RawSuppression } from '../parse/types.js';
import type { PrivateImportRecord, SuppressedImportRecord, SuppressionProblemRecord } from '../result.js';

/**
 * Applies inline `# pyseam: ignore[private-import] reason` comments to the
 * private-import findings (the rule of issue 4, item 3; the form follows
 * ruff's `# noqa` and its `RUF100` report of unused ones).
 *
 * - A suppression whose rules include `private-import` silences every private
 *   import of the statement it sits on (same file, `statementLine` equal to the
 *   record's `line`): the record moves from `privateImports` to `suppressed`.
 * - Without a reason, while reasons are required, it silences nothing and is a
 *   `no-reason` problem.
 * - One that matches no private import (on no import, or on an import that is
 *   not private) is a `stale` problem. Staleness is judged against `all`, the
 *   private imports before the `--no-*` site filters, so a filter alone does not
 *   make a suppression stale.
 * - Other rule names (`contract`, ...) are read but not applied yet.
 */

export const SUPPRESSIBLE_RULE = 'private-import';

/** A suppression comment and the file it is in. */
export type FileSuppression = RawSuppression & { file: string };

export interface SuppressionOptions {
  /** Config `suppression-reason` (default true). */
  requireReason: boolean;
  /** Private imports before the site filters (defaults to the kept ones). */
  all?: readonly PrivateImportRecord[];
}

export interface AppliedSuppressions {
  /** The findings no suppression silenced, in input order. */
  privateImports: PrivateImportRecord[];
  suppressed: SuppressedImportRecord[];
  problems: SuppressionProblemRecord[];
}

const statementKey = (file: string, line: number): string => `${file}\u0000${line}`;

export function applySuppressions(
  privateImports: readonly PrivateImportRecord[],
  suppressions: readonly FileSuppression[],
  options: SuppressionOptions,
): AppliedSuppressions {
  const matched = new Set((options.all ?? privateImports).map((p) => statementKey(p.file, p.line)));
  const silencing = new Map<string, FileSuppression>();
  const problems: SuppressionProblemRecord[] = [];
  for (const s of suppressions) {
    if (!s.rules.includes(SUPPRESSIBLE_RULE)) continue;
    const key = s.statementLine === null ? null : statementKey(s.file, s.statementLine);
    if (key === null || !matched.has(key)) {
      const where = key === null ? 'is on no import statement' : 'matches no private import on this statement';
      problems.push({ file: s.file, line: s.line, kind: 'stale', message: `stale suppression: ignore[${SUPPRESSIBLE_RULE}] ${where}` });
    } else if (options.requireReason && s.reason === '') {
      problems.push({
        file: s.file, line: s.line, kind: 'no-reason',
        message: `suppression without a reason: write why after ignore[${SUPPRESSIBLE_RULE}]; it silences nothing until then`,
      });
    } else if (!silencing.has(key)) {
      silencing.set(key, s);
    }
  }
  const kept: PrivateImportRecord[] = [];
  const suppressed: SuppressedImportRecord[] = [];
  for (const p of privateImports) {
    const s = silencing.get(statementKey(p.file, p.line));
    if (s) suppressed.push({ ...p, suppressionLine: s.line, suppressionReason: s.reason });
    else kept.push(p);
  }
  return { privateImports: kept, suppressed, problems };
}
