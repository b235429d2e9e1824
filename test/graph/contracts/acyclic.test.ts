// Components are top-level packages. Module edges, and the component edges they make:
//   p.a -> q.a (line 1), p.c -> q.b (line 4)   p -> q (2 edges)
//   q.a -> r.a (line 2)                        q -> r
//   r.b -> p.b (line 3)                        r -> p        so p, q, r form one cycle
//   s.a -> p.a (line 5)                        s -> p        s is in no cycle
//   p.a -> p.b, p.b -> p.a (lines 6, 7)        inside p: no component edge
import { describe, expect, it } from 'vitest';
import { checkAcyclic } from '../../../src/graph/contracts/acyclic.js';
import { chainIndex } from '../../../src/graph/contracts/find-chains.js';
import { fakeResult } from './fake-result.js';

const result = fakeResult([
  ['p.a', 'q.a', 1], ['p.c', 'q.b', 4], ['q.a', 'r.a', 2], ['r.b', 'p.b', 3], ['s.a', 'p.a', 5],
  ['p.a', 'p.b', 6], ['p.b', 'p.a', 7],
]);
const check = (components: string[]) => checkAcyclic(result, chainIndex(result), components);
const hops = (deps: { from: string; to: string; edges: number; hop: { from: string; to: string; line: number } }[]) =>
  deps.map((d) => `${d.from}>${d.to} ${d.edges} ${d.hop.from}>${d.hop.to}:${d.hop.line}`);

describe('checkAcyclic', () => {
  it('finds the component cycle with an example and every dependency inside it', () => {
    const cycles = check(['p', 'q', 'r', 's']);
    expect(cycles).toHaveLength(1);
    expect(cycles[0].components).toEqual(['p', 'q', 'r']);
    expect(cycles[0].listed).toEqual(['p', 'q', 'r']);
    expect(hops(cycles[0].example)).toEqual(['p>q 2 p.a>q.a:1', 'q>r 1 q.a>r.a:2', 'r>p 1 r.b>p.b:3']);
    expect(hops(cycles[0].dependencies)).toEqual(['p>q 2 p.a>q.a:1', 'q>r 1 q.a>r.a:2', 'r>p 1 r.b>p.b:3']);
  });

  it('counts a cycle between listed components through an unlisted one', () => {
    const cycles = check(['q', 'r']);
    expect(cycles.map((c) => c.listed)).toEqual([['q', 'r']]);
    expect(hops(cycles[0].example)).toEqual(['q>r 1 q.a>r.a:2', 'r>p 1 r.b>p.b:3', 'p>q 2 p.a>q.a:1']);
  });

  it('is kept when at most one listed component is in each cycle', () => {
    expect(check(['p', 's'])).toEqual([]);
  });
});
