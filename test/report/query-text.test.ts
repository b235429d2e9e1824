// The text of why / deps / rdeps from hand-written query results (no analysis).
import { describe, expect, it } from 'vitest';
import type { ReachResult, WhyResult } from '../../src/query-result.js';
import { renderQuery } from '../../src/report/query-report.js';
import type { SiteRecord } from '../../src/result.js';

const FILTERS = { includeTypeChecking: true, includeLazy: true, includeDynamic: true, implicit: false };
const site = (file: string, line: number, target: string, facts: Partial<SiteRecord> = {}): SiteRecord =>
  ({ file, line, column: 1, target, names: [], typeChecking: false, conditional: false, lazy: false, dynamic: false, unresolved: false, ...facts });
const hopAB = { from: 'a', to: 'b', site: site('a.py', 3, 'b', { lazy: true, names: ['f'] }), sites: 2 };
const hopBC = { from: 'b', to: 'c', site: site('b.py', 1, 'c'), sites: 1 };
const hopAC = { from: 'a', to: 'c', site: site('a.py', 9, 'c', { implicit: true }), sites: 1 };

describe('why text', () => {
  it('gives each hop with its place, names and facts, then the eager chain', () => {
    const r: WhyResult = { query: 'why', from: 'a', to: 'c', asPackage: false, filters: FILTERS, chain: [hopAB, hopBC], eagerChain: [hopAC] };
    expect(renderQuery('text', r, { color: false })).toBe([
      'a leads to c in 2 imports:',
      '  a -> b  a.py:3:1  b: f [lazy] (+1 more site)',
      '  b -> c  b.py:1:1  c',
      '',
      'This chain does not all run at import time; the shortest that does, in 1 import:',
      '  a -> c  a.py:9:1  c [implicit]',
      '',
    ].join('\n'));
  });
  it('says when no chain exists, naming the filters', () => {
    const r: WhyResult = { query: 'why', from: 'c', to: 'a', asPackage: false, filters: { ...FILTERS, includeLazy: false, implicit: true }, chain: null, eagerChain: null };
    expect(renderQuery('text', r, { color: false })).toBe('No chain of imports leads from c to a (lazy imports left out; implicit edges added).\n');
  });
  it('json is the result as it is', () => {
    const r: WhyResult = { query: 'why', from: 'b', to: 'c', asPackage: false, filters: FILTERS, chain: [hopBC], eagerChain: [hopBC] };
    expect(JSON.parse(renderQuery('json', r, { color: false }))).toEqual(r);
  });
});

describe('deps / rdeps text', () => {
  const levels = [
    { depth: 1, modules: [{ name: 'b', via: 'a', external: false }] },
    { depth: 2, modules: [{ name: 'c', via: 'b', external: false }, { name: 'numpy', via: 'b', external: true }] },
  ];
  it('lists the modules by depth, with the way back after depth 1', () => {
    const r: ReachResult = { query: 'deps', module: 'a', asPackage: false, members: ['a'], maxDepth: 2, filters: FILTERS, levels, modules: 2, externalPackages: 1 };
    expect(renderQuery('text', r, { color: false })).toBe([
      'a imports 2 modules and 1 external package, directly or not within 2 imports:',
      'depth 1 (1)', '  b', 'depth 2 (2)', '  c  via b', '  numpy (external)  via b', '',
    ].join('\n'));
  });
  it('rdeps with nothing found ends with a full stop', () => {
    const r: ReachResult = { query: 'rdeps', module: 'p', asPackage: true, members: ['p', 'p.q'], maxDepth: null, filters: FILTERS, levels: [], modules: 0, externalPackages: 0 };
    expect(renderQuery('text', r, { color: false })).toBe('0 modules import p (as a package of 2 modules), directly or not.\n');
  });
});
