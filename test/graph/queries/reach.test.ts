// Hand-built graph:
//   a > b, a > c, b > d, c > d, d > e, e > a (a cycle), f > a, g.h > a, g > f; b imports numpy, e imports os and numpy.
// deps a: b 1, c 1, d 2 (via b, first by name), e 3. rdeps a: e 1, f 1, g.h 1, d 2, g 2, b 3, c 3.
import { describe, expect, it } from 'vitest';
import { reach, type ReachOptions } from '../../../src/graph/queries/reach.js';
import { FILTERS, graphOf } from './graph.js';

const G = graphOf(['a>b:1', 'a>c:2', 'b>d:3', 'c>d:4', 'd>e:5', 'e>a:6', 'f>a:7', 'g.h>a:8', 'g>f:9']);
const run = (module: string, options: Partial<ReachOptions> & Pick<ReachOptions, 'query'>) => reach(G, module, { asPackage: false, filters: FILTERS, ...options });
const levels = (r: ReturnType<typeof reach>) => r.levels.map((l) => `${l.depth}: ${l.modules.map((m) => `${m.name}${m.external ? '!' : ''}<${m.via}`).join(' ')}`);

describe('reach (deps / rdeps)', () => {
  it('deps: what a module imports, directly or not, by distance, without itself', () => {
    const r = run('a', { query: 'deps' });
    expect(levels(r)).toEqual(['1: b<a c<a', '2: d<b', '3: e<d']);
    expect(r).toMatchObject({ modules: 4, externalPackages: 0, maxDepth: null, members: ['a'] });
  });
  it('rdeps: what imports it', () => {
    expect(levels(run('a', { query: 'rdeps' }))).toEqual(['1: e<a f<a g.h<a', '2: d<e g<f', '3: b<d c<d']);
  });
  it('--depth stops the search', () => {
    const r = run('a', { query: 'rdeps', maxDepth: 1 });
    expect(levels(r)).toEqual(['1: e<a f<a g.h<a']);
    expect(r.modules).toBe(3);
  });
  it('--as-package starts from the package and everything under it, none of which is listed', () => {
    const r = run('g', { query: 'deps', asPackage: true });
    expect(r.members).toEqual(['g', 'g.h']);
    expect(levels(r)).toEqual(['1: a<g.h f<g', '2: b<a c<a', '3: d<b', '4: e<d']);
  });
  it('--external lists each external package one step after its nearest importer, within the depth', () => {
    const externalImports = new Map([['b', ['numpy']], ['e', ['numpy', 'os']]]);
    expect(levels(run('a', { query: 'deps', externalImports }))).toEqual(['1: b<a c<a', '2: d<b numpy!<b', '3: e<d', '4: os!<e']);
    const r = run('a', { query: 'deps', externalImports, maxDepth: 3 });
    expect(r.externalPackages).toBe(1);
  });
  it('throws for a name that is not a module', () => {
    expect(() => run('zz', { query: 'deps' })).toThrow(/not a module: zz/);
  });
});
