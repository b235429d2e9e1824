/**
 * A hand-written picture: three internal nodes and one external package.
 *   a.b (3 modules) <-> c-d (a cycle, 2 + 5 sites; the way back holds 1 private site)
 *   a.b -> e"f (1 site, not in the cycle: a name needing escapes), c-d => numpy (external, 16 sites)
 */
import type { PictureResult } from '../../src/picture-result.js';

export const picture: PictureResult = {
  level: 'depth', depth: 2, external: true,
  nodes: [
    { id: 'a.b', kind: 'internal', modules: 3, cycle: 0 },
    { id: 'c-d', kind: 'internal', modules: 1, cycle: 0 },
    { id: 'e"f', kind: 'internal', modules: 1, cycle: null },
    { id: 'numpy', kind: 'external', modules: 0, cycle: null },
  ],
  edges: [
    { from: 'a.b', to: 'c-d', sites: 2, privateSites: 0, inCycle: true },
    { from: 'a.b', to: 'e"f', sites: 1, privateSites: 0, inCycle: false },
    { from: 'c-d', to: 'a.b', sites: 5, privateSites: 1, inCycle: true },
    { from: 'c-d', to: 'numpy', sites: 16, privateSites: 0, inCycle: false },
  ],
  cycles: [['a.b', 'c-d']],
};
