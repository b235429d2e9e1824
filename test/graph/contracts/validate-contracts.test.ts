// Config errors, on a graph with modules app, app.ui, app.ui.views, app.db, lib.x (components app, lib):
// every problem is named with its contract and key, all at once.
import { describe, expect, it } from 'vitest';
import { validateContracts } from '../../../src/graph/contracts/validate-contracts.js';
import type { ContractSpec } from '../../../src/check-result.js';
import { fakeResult } from './fake-result.js';

const result = fakeResult([['app.ui.views', 'app.db', 1], ['app', 'app.ui', 1], ['lib.x', 'app.db', 1]]);
const check = (...contracts: ContractSpec[]) => validateContracts(contracts, result);

describe('validateContracts', () => {
  it('accepts contracts whose prefixes and components exist', () => {
    expect(check(
      { name: 'l', type: 'layers', layers: ['app.ui', 'app.db'] },
      { name: 'f', type: 'forbidden', source: ['lib'], forbidden: ['app.ui'], indirect: true },
      { name: 'i', type: 'independence', modules: ['lib', 'app.ui'] },
      { name: 'a', type: 'acyclic' },
      { name: 'b', type: 'acyclic', components: ['app', 'lib'] },
    )).toEqual([]);
  });

  it('names a prefix that matches no module, segment-wise', () => {
    expect(check({ name: 'l', type: 'layers', layers: ['app.ui', 'app.d'] })).toEqual([
      "contract 'l': layers: 'app.d' matches no module",
    ]);
  });

  it('names missing, short and foreign keys, unknown components, overlaps and repeated names', () => {
    expect(check(
      { name: 'f', type: 'forbidden', source: ['app'], layers: ['lib'] },
      { name: 'i', type: 'independence', modules: ['app', 'app.ui'] },
      { name: 'a', type: 'acyclic', components: ['app', 'nope'] },
      { name: 'a', type: 'layers', layers: ['lib'] },
    )).toEqual([
      "contract 'f': layers: not used by a forbidden contract (it uses source, forbidden, indirect)",
      "contract 'f': forbidden: expected a list of at least 1 module prefix, got none",
      "contract 'i': modules: 'app.ui' overlaps 'app' (modules); a module must fall under one prefix only",
      "contract 'a': components: 'nope' is not a component (components: app, lib)",
      "contract 'a': name: used by an earlier contract too; names must be unique",
      "contract 'a': layers: expected a list of at least 2 module prefixes, got 1",
    ]);
  });
});
