/** The grouping selectors shared by the text report and the terminal UI. */
import { describe, expect, it } from 'vitest';
import {
  countExternalKinds, groupPrivateImports, groupUnresolvedSites, sortCycles,
} from '../../src/report/selectors.js';
import { cyclesAndPrivate } from './mocks/cycles-and-private.js';
import { everythingFine } from './mocks/everything-fine.js';

describe('selectors', () => {
  it('sorts cycles largest first, ties by first module', () => {
    const tie = {
      ...cyclesAndPrivate,
      cycles: [
        { modules: ['z.a', 'z.b'], example: [] },
        { modules: ['a.a', 'a.b'], example: [] },
        { modules: ['m.a', 'm.b', 'm.c'], example: [] },
      ],
    };
    expect(sortCycles(tie).map((c) => c.modules[0])).toEqual(['m.a', 'a.a', 'z.a']);
    expect(sortCycles(cyclesAndPrivate).map((c) => c.modules.length)).toEqual([12, 3, 2]);
  });

  it('groups private imports by target, most sites first, sites by location', () => {
    const groups = groupPrivateImports(cyclesAndPrivate);
    expect(groups.map((g) => [g.target, g.sites.length])).toEqual([
      ['tensorflow.python.framework', 25],
      ['tensorflow.python.ops', 3],
      ['jax._src.core', 1],
    ]);
    expect(groups[1]).toMatchObject({
      targetOwner: 'tensorflow',
      reasons: ['declared private prefix tensorflow.python'],
      names: [{ name: 'array_ops', count: 3 }, { name: 'math_ops', count: 1 }],
      importerOwners: ['keras', 'keras_cv'],
    });
    expect(groups[1].sites.map((s) => `${s.file}:${s.line}`)).toEqual(['keras/src/a.py:4', 'keras/src/c.py:30', 'keras_cv/d.py:7']);
    expect(groups[0].sites[24].line).toBe(25);
  });

  it('groups unresolved sites by the module they name', () => {
    expect(groupUnresolvedSites(cyclesAndPrivate).map((g) => [g.target, g.sites.map((s) => `${s.importer}@${s.line}`)])).toEqual([
      ['app.gen_pb2', ['app.a@3', 'app.a@9']],
      ['lib.missing', ['lib.x@7']],
    ]);
    expect(groupUnresolvedSites(everythingFine)).toEqual([]);
  });

  it('counts external packages by kind', () => {
    expect(countExternalKinds(cyclesAndPrivate)).toEqual({ stdlib: 1, thirdParty: 2 });
    expect(countExternalKinds(everythingFine)).toEqual({ stdlib: 1, thirdParty: 0 });
  });
});
