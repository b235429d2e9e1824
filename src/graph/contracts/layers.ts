import type { ChainViolation } from '../../check-result.js';
import { findChains, membersOf, prefixOf, type ChainIndex } from './find-chains.js';

/**
 * A layers contract, as import-linter's `layers`: `layers` lists module prefixes highest
 * first; a module of a higher layer may import a lower one, never the reverse, directly or
 * through any chain of internal imports. A layer's sub-modules belong to it. A chain is
 * searched with every layer's modules removed from its inside (import-linter removes the
 * other layers), so each broken (importer, imported) pair shows one shortest chain that
 * does not pass through another layer. Imports within one layer are allowed.
 *
 * @param layers prefixes, highest first, none containing another (validateContracts).
 * @returns every broken pair: `source` the importer's (lower) layer, `target` the higher one.
 */
export function checkLayers(index: ChainIndex, layers: readonly string[]): ChainViolation[] {
  const rank = (module: string): number => {
    const prefix = prefixOf(module, layers);
    return prefix === undefined ? -1 : layers.indexOf(prefix);
  };
  const starts = layers.slice(1).flatMap((layer) => membersOf(index, layer));
  return findChains(index, {
    starts,
    sourceOf: (start) => layers[rank(start)],
    targetOf: (start, module) => {
      const r = rank(module);
      return r >= 0 && r < rank(start) ? layers[r] : undefined;
    },
    blocked: (module) => rank(module) >= 0,
    indirect: true,
  });
}
