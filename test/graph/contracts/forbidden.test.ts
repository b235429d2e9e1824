// Forbidden: app.core must not import app.web or legacy. The graph (owner = top-level package):
//   app.core.a -> app.web.views (line 3)                 broken, direct
//   app.core.a -> app.core.b                             inside the source
//   app.core.b -> app.util (line 1) -> legacy.old (line 2)   broken only when indirect counts
//   app.web.views -> legacy.old                          not from the source: allowed
// app.core.a -> app.core.b -> app.util -> legacy.old passes through another source module,
// and app.core.a -> app.web.views -> legacy.old through a forbidden one: neither is reported.
import { describe, expect, it } from 'vitest';
import { chainIndex } from '../../../src/graph/contracts/find-chains.js';
import { checkForbidden } from '../../../src/graph/contracts/forbidden.js';
import { fakeResult, where } from './fake-result.js';

const index = chainIndex(fakeResult([
  ['app.core.a', 'app.web.views', 3], ['app.core.a', 'app.core.b', 1],
  ['app.core.b', 'app.util', 1], ['app.util', 'legacy.old', 2],
  ['app.web.views', 'legacy.old', 5],
]));
const pairs = (v: ReturnType<typeof checkForbidden>) => v.map((x) => [x.importer, x.imported, x.source, x.target]);

describe('checkForbidden', () => {
  it('checks direct imports only by default', () => {
    const violations = checkForbidden(index, ['app.core'], ['app.web', 'legacy'], false);
    expect(pairs(violations)).toEqual([['app.core.a', 'app.web.views', 'app.core', 'app.web']]);
    expect(where(violations[0].chain)).toEqual(['app/core/a.py:3']);
  });

  it('follows chains of internal imports when indirect', () => {
    const violations = checkForbidden(index, ['app.core'], ['app.web', 'legacy'], true);
    expect(pairs(violations)).toEqual([
      ['app.core.a', 'app.web.views', 'app.core', 'app.web'],
      ['app.core.b', 'legacy.old', 'app.core', 'legacy'],
    ]);
    expect(where(violations[1].chain)).toEqual(['app/core/b.py:1', 'app/util.py:2']);
  });

  it('is kept when nothing forbidden is reached', () => {
    expect(checkForbidden(index, ['app.util'], ['app.web'], true)).toEqual([]);
  });
});
