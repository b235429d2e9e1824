// Hand-built graphs:
//   a > b > c > d, and a shortcut a > x > d: the shortest chain a..d is a > x > d (2 hops); b < x by name
//   is irrelevant there. Ties: p > q1 > r and p > q2 > r: q1 comes first by name.
//   Lazy: s > t (lazy) > u and s > v > w > u: shortest s > t > u, eager s > v > w > u.
//   Type-checking only: k > l (tc) > k: no eager chain.
import { describe, expect, it } from 'vitest';
import { shortestChain } from '../../../src/graph/queries/shortest-chain.js';
import { FILTERS, graphOf } from './graph.js';

const why = (specs: string[], from: string, to: string, asPackage = false) => shortestChain(graphOf(specs, ['lonely']), from, to, { asPackage, filters: FILTERS });
const path = (chain: { from: string; to: string; site: { line: number } }[] | null) => chain && chain.map((h) => `${h.from}>${h.to}:${h.site.line}`);

describe('shortestChain (why)', () => {
  const G = ['a>b:1', 'b>c:2', 'c>d:3', 'a>x:4', 'x>d:5', 'p>q2:1', 'p>q1:2', 'q1>r:3', 'q2>r:4'];
  it('finds a shortest chain, each hop with its site', () => {
    expect(path(why(G, 'a', 'd').chain)).toEqual(['a>x:4', 'x>d:5']);
    expect(path(why(G, 'b', 'd').chain)).toEqual(['b>c:2', 'c>d:3']);
  });
  it('breaks ties by name', () => {
    expect(path(why(G, 'p', 'r').chain)).toEqual(['p>q1:2', 'q1>r:3']);
  });
  it('gives null when no chain exists (imports are directed)', () => {
    expect(why(G, 'd', 'a')).toMatchObject({ chain: null, eagerChain: null });
    expect(why(G, 'a', 'lonely').chain).toBeNull();
  });
  it('gives the shortest eager chain when the shortest has a lazy or type-checking hop', () => {
    const r = why(['s>t:1:lazy', 't>u:2', 's>v:3', 'v>w:4', 'w>u:5'], 's', 'u');
    expect(path(r.chain)).toEqual(['s>t:1', 't>u:2']);
    expect(r.chain![0].site.lazy).toBe(true);
    expect(path(r.eagerChain)).toEqual(['s>v:3', 'v>w:4', 'w>u:5']);
    expect(why(['k>l:1:tc', 'l>k:2'], 'k', 'l').eagerChain).toBeNull();
  });
  it('shows an eager explicit site of a hop and counts its sites', () => {
    const r = why(['a>b:7:lazy', 'a>b:3:implicit', 'a>b:9'], 'a', 'b');
    expect(r.chain).toMatchObject([{ from: 'a', to: 'b', sites: 3, site: { line: 9 } }]);
  });
  it('why A A is a shortest cycle through A; a self-import is one hop', () => {
    expect(path(why(['a>b:1', 'b>c:2', 'c>a:3', 'b>a:4'], 'a', 'a').chain)).toEqual(['a>b:1', 'b>a:4']);
    expect(path(why(['a>a:1'], 'a', 'a').chain)).toEqual(['a>a:1']);
    expect(why(['a>b:1'], 'a', 'a').chain).toBeNull();
  });
  it('--as-package: from any module under A to any under B, and refuses overlapping packages', () => {
    const specs = ['m.x>n:1', 'n>o.y.z:2', 'm>o:3'];
    expect(path(why(specs, 'm', 'o').chain)).toEqual(['m>o:3']);
    const tree = ['m.x>n:1', 'n>o.y.z:2', 'm>m.x:0', 'o>o.y.z:0'];
    expect(why(tree, 'm', 'o', false).chain).toBeNull();
    expect(path(why(tree, 'm', 'o', true).chain)).toEqual(['m.x>n:1', 'n>o.y.z:2']);
    expect(() => why(['a>a.b:1'], 'a', 'a.b', true)).toThrow(/overlap/);
  });
  it('throws for a name that is not a module', () => {
    expect(() => why(G, 'a', 'nope')).toThrow(/not a module: nope/);
  });
});
