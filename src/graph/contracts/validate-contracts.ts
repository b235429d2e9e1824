import type { ContractSpec, ContractType } from '../../check-result.js';
import type { AnalysisResult } from '../../result.js';
import { isUnder } from '../privacy.js';

type ListKey = 'layers' | 'source' | 'forbidden' | 'modules' | 'components';

/** The list keys each contract type requires (with their least length) and allows. */
const KEYS: Record<ContractType, { required: [ListKey, number][]; allowed: string[] }> = {
  layers: { required: [['layers', 2]], allowed: ['layers'] },
  forbidden: { required: [['source', 1], ['forbidden', 1]], allowed: ['source', 'forbidden', 'indirect'] },
  independence: { required: [['modules', 2]], allowed: ['modules'] },
  acyclic: { required: [], allowed: ['components'] },
};
const ALL_KEYS = ['layers', 'source', 'forbidden', 'indirect', 'modules', 'components'] as const;

/**
 * Every configuration error in the contracts, checked against the analysis, all at once (as
 * import-linter collects its contract errors so a user fixes the config in one pass), each
 * as `contract 'NAME': KEY: problem`:
 * - a name used twice; a key the type does not use; a required list missing or too short
 *   (layers and independence need two entries, forbidden one source and one forbidden);
 * - a module prefix that matches no internal module (import-linter: "Module ... does not exist");
 * - prefixes of one contract that overlap (one equal to or below another), which would
 *   make a module belong to two layers, or be both source and forbidden;
 * - an acyclic component name that is not a component of the result.
 *
 * @returns the messages, `[]` when the contracts can run.
 */
export function validateContracts(contracts: readonly ContractSpec[], result: AnalysisResult): string[] {
  const modules = result.modules.map((m) => m.name);
  const components = new Set(result.components.map((c) => c.name));
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const c of contracts) {
    const say = (key: string, problem: string) => errors.push(`contract '${c.name}': ${key}: ${problem}`);
    if (seen.has(c.name)) say('name', 'used by an earlier contract too; names must be unique');
    seen.add(c.name);
    const { required, allowed } = KEYS[c.type];
    for (const k of ALL_KEYS) if (c[k] !== undefined && !allowed.includes(k)) say(k, `not used by a ${c.type} contract (it uses ${allowed.join(', ')})`);
    for (const [k, least] of required) {
      const n = c[k]?.length ?? 0;
      if (n < least) say(k, `expected a list of at least ${least} module prefix${least === 1 ? '' : 'es'}, got ${c[k] === undefined ? 'none' : n}`);
    }
    if (c.components !== undefined) {
      if (c.components.length < 2) say('components', `expected at least 2 components, got ${c.components.length}`);
      for (const name of c.components) if (!components.has(name)) say('components', `'${name}' is not a component (components: ${[...components].join(', ')})`);
    }
    const lists = (['layers', 'source', 'forbidden', 'modules'] as const).filter((k) => allowed.includes(k) && c[k]);
    for (const k of lists) {
      for (const p of c[k]!) if (!modules.some((m) => isUnder(m, p))) say(k, `'${p}' matches no module`);
    }
    const declared = lists.flatMap((k) => c[k]!.map((p) => ({ k, p })));
    declared.forEach((a, i) => {
      for (const b of declared.slice(i + 1)) {
        if (isUnder(b.p, a.p) || isUnder(a.p, b.p)) say(b.k, `'${b.p}' overlaps '${a.p}' (${a.k}); a module must fall under one prefix only`);
      }
    });
  }
  return errors;
}
