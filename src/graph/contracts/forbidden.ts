import type { ChainViolation } from '../../check-result.js';
import { findChains, membersOf, prefixOf, type ChainIndex } from './find-chains.js';

/**
 * A forbidden contract, as import-linter's `forbidden`: modules under `source` must not
 * import modules under `forbidden`. Direct imports only unless `indirect` (then any chain
 * of internal imports, as import-linter's default `allow_indirect_imports = false`); a
 * chain never passes through another source or forbidden module, so each broken
 * (importer, imported) pair shows one shortest chain.
 *
 * @param source, forbidden prefixes that do not overlap (validateContracts).
 * @returns every broken pair: `source` the importer's source prefix, `target` the forbidden prefix.
 */
export function checkForbidden(index: ChainIndex, source: readonly string[], forbidden: readonly string[], indirect: boolean): ChainViolation[] {
  return findChains(index, {
    starts: source.flatMap((p) => membersOf(index, p)),
    sourceOf: (start) => prefixOf(start, source)!,
    targetOf: (_start, module) => prefixOf(module, forbidden),
    blocked: (module) => prefixOf(module, source) !== undefined || prefixOf(module, forbidden) !== undefined,
    indirect,
  });
}
