/**
 * The result's violations as one flat list, for the reporters that emit one
 * entry per violation (`sarif`, `github`, `junit`). Four rules, ids stable:
 *
 * | rule            | level   | one per                 | located at                 |
 * |-----------------|---------|-------------------------|----------------------------|
 * | `private-import`| error   | private import site     | the import statement       |
 * | `import-cycle`  | error   | strongly connected comp.| the example's first hop    |
 * | `parse-error`   | warning | file that does not parse| the error                  |
 * | `import-error`  | warning | rejected import         | the statement              |
 *
 * Each violation carries a `key` that survives unrelated edits: the rule, then
 * importer, target and sorted names (private imports), the sorted modules
 * (cycles), or the file and message (problems); never a line number. When
 * several violations share a key (the same import written twice), the second
 * and later get `#2`, `#3`, ... in file order, so keys stay unique.
 */
import type { AnalysisResult, HopRecord, PrivateImportRecord } from '../result.js';
import { sortCycles } from './selectors.js';

export type RuleId = 'private-import' | 'import-cycle' | 'parse-error' | 'import-error';

export interface Violation {
  rule: RuleId;
  level: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  /** One line, plain text. */
  message: string;
  /** Stable identity (see the module comment); unique within one result. */
  key: string;
  /** For a cycle, the other hops of its example chain (the first hop is the location). */
  related: HopRecord[];
}

/** Rule ids in the order reporters list them. */
export const RULE_IDS: RuleId[] = ['private-import', 'import-cycle', 'parse-error', 'import-error'];

/** The flags of a site or hop that does not run at import time: ` [lazy, type-checking]`, or ''. */
export function flags(site: Pick<PrivateImportRecord, 'typeChecking' | 'lazy' | 'dynamic'>): string {
  const set = [site.typeChecking && 'type-checking', site.lazy && 'lazy', site.dynamic && 'dynamic']
    .filter((f): f is string => typeof f === 'string');
  return set.length ? ` [${set.join(', ')}]` : '';
}

/** `a -> b -> c [lazy] -> a`: the chain of a cycle's example, each hop's flags after its target. */
export function chain(hops: HopRecord[]): string {
  if (hops.length === 0) return '';
  return [hops[0].from, ...hops.map((h) => `${h.to}${flags(h)}`)].join(' -> ');
}

const MODULES_SHOWN = 5;

function privateImport(p: PrivateImportRecord): Omit<Violation, 'key'> & { base: string } {
  const names = p.names.length ? ` (${p.names.join(', ')})` : '';
  return {
    rule: 'private-import', level: 'error', file: p.file, line: p.line, column: p.column, related: [],
    message: `${p.importer} imports private ${p.target}${names}${flags(p)}: ${p.reason}; ${p.target} is owned by ${p.targetOwner}, ${p.importer} by ${p.importerOwner}`,
    base: ['private-import', p.importer, p.target, [...p.names].sort().join(',')].join(' '),
  };
}

/** Every violation: private imports, then cycles (largest first), parse errors, import errors. */
export function violations(result: AnalysisResult): Violation[] {
  const drafts: (Omit<Violation, 'key'> & { base: string })[] = [
    ...result.privateImports.map(privateImport),
    ...sortCycles(result).filter((c) => c.example.length > 0).map((c) => {
      const [first, ...rest] = c.example;
      const more = c.modules.length > MODULES_SHOWN ? `, ... and ${c.modules.length - MODULES_SHOWN} more` : '';
      return {
        rule: 'import-cycle' as const, level: 'error' as const, file: first.file, line: first.line, column: first.column, related: rest,
        message: `import cycle of ${c.modules.length} modules (${c.modules.slice(0, MODULES_SHOWN).join(', ')}${more}): ${chain(c.example)}`,
        base: ['import-cycle', ...c.modules].join(' '),
      };
    }),
    ...result.parseErrors.map((e) => ({
      rule: 'parse-error' as const, level: 'warning' as const, file: e.file, line: e.line, column: e.column, related: [],
      message: `${e.file} does not parse: ${e.message}`, base: ['parse-error', e.file, e.message].join(' '),
    })),
    ...result.importErrors.map((e) => ({
      rule: 'import-error' as const, level: 'warning' as const, file: e.file, line: e.line, column: e.column, related: [],
      message: `import error: ${e.message}`, base: ['import-error', e.file, e.message].join(' '),
    })),
  ];
  const seen = new Map<string, number>();
  return drafts.map(({ base, ...v }) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...v, key: n === 1 ? base : `${base}#${n}` };
  });
}
