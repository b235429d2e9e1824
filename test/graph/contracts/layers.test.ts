// Layers hi > mid > lo on a hand-written graph (owner = top-level package):
//   hi.a -> mid.a, mid.a -> lo.a, mid.a -> mid.b        allowed: downwards, or inside a layer
//   lo.a -> hi.b (line 2)                               broken, direct
//   lo.a -> lo.b, lo.b -> x.util -> mid.b               broken for lo.b via x.util (not a layer);
//                                                       not for lo.a (the chain passes through lo.b)
//   lo.b -> x.long1 -> x.long2 -> mid.b                 a longer chain: not the one shown
//   lo.c -> mid.c -> hi.c                               two direct pairs; lo.c -> hi.c passes through mid
//   mid -> hi                                           the packages themselves belong to their layers
//   lo.d -> hix.q -> hi.b                               hix.q is not under `hi` (segment-wise): indirect
import { describe, expect, it } from 'vitest';
import { chainIndex } from '../../../src/graph/contracts/find-chains.js';
import { checkLayers } from '../../../src/graph/contracts/layers.js';
import { fakeResult, where } from './fake-result.js';

const result = fakeResult([
  ['hi.a', 'mid.a', 1], ['mid.a', 'lo.a', 1], ['mid.a', 'mid.b', 2],
  ['lo.a', 'hi.b', 2], ['lo.a', 'lo.b', 3],
  ['lo.b', 'x.util', 1], ['x.util', 'mid.b', 4],
  ['lo.b', 'x.long1', 2], ['x.long1', 'x.long2', 1], ['x.long2', 'mid.b', 1],
  ['lo.c', 'mid.c', 1], ['mid.c', 'hi.c', 1],
  ['mid', 'hi', 1],
  ['lo.d', 'hix.q', 1], ['hix.q', 'hi.b', 7],
]);

describe('checkLayers', () => {
  const violations = checkLayers(chainIndex(result), ['hi', 'mid', 'lo']);

  it('reports every broken pair once, sorted by importer then imported', () => {
    expect(violations.map((v) => [v.importer, v.imported, v.source, v.target, v.direct])).toEqual([
      ['lo.a', 'hi.b', 'lo', 'hi', true],
      ['lo.b', 'mid.b', 'lo', 'mid', false],
      ['lo.c', 'mid.c', 'lo', 'mid', true],
      ['lo.d', 'hi.b', 'lo', 'hi', false],
      ['mid', 'hi', 'mid', 'hi', true],
      ['mid.c', 'hi.c', 'mid', 'hi', true],
    ]);
  });

  it('shows a shortest chain with file and line on every hop', () => {
    expect(where(violations[0].chain)).toEqual(['lo/a.py:2']);
    expect(violations[1].chain.map((h) => `${h.from}>${h.to}`)).toEqual(['lo.b>x.util', 'x.util>mid.b']);
    expect(where(violations[1].chain)).toEqual(['lo/b.py:1', 'x/util.py:4']);
    expect(where(violations[3].chain)).toEqual(['lo/d.py:1', 'hix/q.py:7']);
  });

  it('is kept when the lower layers import nothing above them', () => {
    expect(checkLayers(chainIndex(result), ['hi', 'x'])).toEqual([]);
  });

  it('finds chains in the other direction once the order is reversed', () => {
    const reversed = checkLayers(chainIndex(result), ['lo', 'mid', 'hi']);
    expect(reversed.map((v) => `${v.importer}>${v.imported}`)).toEqual(['hi.a>mid.a', 'mid.a>lo.a']);
  });
});
