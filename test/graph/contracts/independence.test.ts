// Independence of a, b and c. The graph (owner = top-level package):
//   a.x -> b.y (line 1), b.y -> c.z (line 2)     two direct pairs; a.x -> c.z passes through b: not reported
//   c.z -> m.mid (line 3) -> a.w (line 4)        indirect pair c.z -> a.w through m (not listed)
//   a.x -> a.w                                   inside a: allowed
//   d.one -> e.two                               d reaches nothing of a, and a nothing of d
import { describe, expect, it } from 'vitest';
import { chainIndex } from '../../../src/graph/contracts/find-chains.js';
import { checkIndependence } from '../../../src/graph/contracts/independence.js';
import { fakeResult, where } from './fake-result.js';

const index = chainIndex(fakeResult([
  ['a.x', 'b.y', 1], ['b.y', 'c.z', 2], ['c.z', 'm.mid', 3], ['m.mid', 'a.w', 4], ['a.x', 'a.w', 5],
  ['d.one', 'e.two', 9],
]));

describe('checkIndependence', () => {
  it('reports each broken pair with a chain, in both directions', () => {
    const violations = checkIndependence(index, ['a', 'b', 'c']);
    expect(violations.map((v) => [v.importer, v.imported, v.source, v.target, v.direct])).toEqual([
      ['a.x', 'b.y', 'a', 'b', true],
      ['b.y', 'c.z', 'b', 'c', true],
      ['c.z', 'a.w', 'c', 'a', false],
    ]);
    expect(where(violations[2].chain)).toEqual(['c/z.py:3', 'm/mid.py:4']);
  });

  it('is kept for modules that do not reach each other', () => {
    expect(checkIndependence(index, ['a', 'd'])).toEqual([]);
  });
});
