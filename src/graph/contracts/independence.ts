import type { ChainViolation } from '../../check-result.js';
import { findChains, membersOf, prefixOf, type ChainIndex } from './find-chains.js';

/**
 * An independence contract, as import-linter's `independence`: no module under one of the
 * listed prefixes imports a module under another, directly or through any chain of
 * internal imports. A chain never passes through a module of the listed prefixes, so each
 * broken (importer, imported) pair shows one shortest chain; imports within one prefix
 * are allowed.
 *
 * @param modules prefixes, none containing another (validateContracts).
 * @returns every broken pair: `source` the importer's prefix, `target` the imported one's.
 */
export function checkIndependence(index: ChainIndex, modules: readonly string[]): ChainViolation[] {
  return findChains(index, {
    starts: modules.flatMap((p) => membersOf(index, p)),
    sourceOf: (start) => prefixOf(start, modules)!,
    targetOf: (start, module) => {
      const prefix = prefixOf(module, modules);
      return prefix !== undefined && prefix !== prefixOf(start, modules) ? prefix : undefined;
    },
    blocked: (module) => prefixOf(module, modules) !== undefined,
    indirect: true,
  });
}
