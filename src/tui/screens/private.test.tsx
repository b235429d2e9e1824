// The private-imports screen on samples/monorepo. Facts from test/samples/monorepo.expected.ts:
// 5 private imports, 0 suppressed, all owned by tensorflux and made by kerasish:
//   backend.py:2:1   import tensorflux._core.dtypes                    target tensorflux._core.dtypes (no names)
//   backend.py:4:1   from tensorflux.python.framework import ops       target tensorflux.python.framework, edge to ...framework.ops
//   layers/core.py:4:1  from tensorflux.api.nn import _clip           target tensorflux.api.nn (name '_clip')
//   layers/core.py:11:9 from tensorflux._core import kernels [lazy]   target tensorflux._core, edge to tensorflux._core.kernels
//   training.py:3:1  from tensorflux.python.ops import array_ops      target tensorflux.python.ops, edge to ...ops.array_ops
// One site per target, so the targets list in name order. No export decorators and no copy list
// are configured, so the extraction of kerasish makes every needed name `make-public`
// (the hand rule of test/graph/extraction-plan.test.ts, without its `_clip` copy).
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keys, sampleData, sampleResult, SIZE } from '../../../test/tui/sample-data.js';
import { expected } from '../../../test/samples/monorepo.expected.js';
import { edgeOfSite } from '../../report/selectors.js';
import type { AnalysisResult, EdgeRecord } from '../../result.js';
import { App } from '../App.js';
import type { ScreenContext } from '../screen.js';
import { privateImports } from './private.js';

const KS = 'kerasish/src/kerasish';
const targets = [...new Set(expected.privateImports.map((p) => p.target))].sort();
const down = (n: number): string[] => Array<string>(n).fill('\x1b[B');


describe('private imports screen', () => {
  it('lists the private imports by target, with owner and reason, and the suppressed count', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    await keys(stdin, '3');
    const frame = lastFrame()!;
    expect(frame).toContain(`${expected.privateImports.length} private imports in ${targets.length} target modules`);
    expect(frame).toContain(`${expected.summary.suppressed} suppressed imports`);
    for (const t of targets) expect(frame).toMatch(new RegExp(`1\\s+${t.replace(/\./g, '\\.')}\\s+tensorflux\\s`));
    // The list abbreviates the reason (pyseam.toml's private prefix tensorflux.python; the `_core` segment); the names level gives it whole.
    expect(frame).toMatch(/tensorflux\.python\.ops\s+tensorflux\s+prefix tensorflux\.python\s*$/m);
    expect(frame).toMatch(/tensorflux\._core\s+tensorflux\s+segment _core\s*$/m);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('drills into a target, its names with the extraction action, a site with its source line, and cuts it', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData('kerasish')} size={SIZE} />);
    await keys(stdin, '3', ...down(targets.indexOf('tensorflux.python.ops')), '\r');
    expect(lastFrame()).toContain('tensorflux.python.ops  (owner tensorflux, 1 site, imported by kerasish)');
    expect(lastFrame()).toMatch(/1\s+array_ops\s+make-public/);
    await keys(stdin, '\r');
    expect(lastFrame()).toContain(`kerasish.training  ${KS}/training.py:3:1`);
    expect(lastFrame()).toContain('> 3 │ from tensorflux.python.ops import array_ops');
    expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(24);
    await keys(stdin, 'x');
    expect(lastFrame()).toContain(`✂ kerasish.training  ${KS}/training.py:3:1`);
    expect(lastFrame()).toContain('[1 cut]');
    await keys(stdin, '\x1b');
    expect(lastFrame()).toMatch(/1\s+✂1\s+array_ops/);
    await keys(stdin, '\x1b');
    expect(lastFrame()).toMatch(/1\s+✂1\s+tensorflux\.python\.ops\s/);
    expect(lastFrame()).toContain('1 cut');
  });

  it('shows the lazy mark of the kernels site and the module itself for a plain import', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    await keys(stdin, '3', ...down(targets.indexOf('tensorflux._core')), '\r', '\r');
    expect(lastFrame()).toContain(`kerasish.layers.core  ${KS}/layers/core.py:11:9  [lazy]`);
    expect(lastFrame()).toContain('from tensorflux._core import kernels');
    await keys(stdin, '\x1b', '\x1b', ...down(1), '\r');
    expect(lastFrame()).toMatch(/1\s+\(the module itself\)/);
  });

  it('says so when there are no private imports', async () => {
    const data = sampleData();
    const result: AnalysisResult = { ...data.result, privateImports: [] };
    const { lastFrame, stdin } = render(<App data={{ ...data, result }} size={SIZE} />);
    await keys(stdin, '3');
    expect(lastFrame()).toContain('No private imports across components.');
    expect(lastFrame()).toContain('0 suppressed imports');
  });
});

describe('private imports reducer', () => {
  const ctx: ScreenContext = { data: sampleData(), cuts: [], component: null, width: 80, height: 22 };
  const walk = (keysIn: string[]) => keysIn.reduce((s, k) => privateImports.onKey(s, k, ctx).state, privateImports.init(ctx));

  it('cuts a site on the edge it belongs to: the resolved submodule, not the named package', () => {
    const at = walk([...Array(targets.indexOf('tensorflux._core')).fill('j'), 'enter', 'enter']);
    expect(at.level).toBe(3);
    expect(privateImports.onKey(at, 'x', ctx).intent).toEqual({
      kind: 'toggle-cut',
      cut: { from: 'kerasish.layers.core', to: 'tensorflux._core.kernels', file: `${KS}/layers/core.py`, line: 11, column: 9 },
    });
  });

  it('goes up a level with esc or backspace and passes esc on at the top', () => {
    const at = walk(['enter', 'enter', 'backspace']);
    expect(at.level).toBe(2);
    expect(walk(['enter', 'escape']).level).toBe(1);
    expect(privateImports.onKey(walk([]), 'escape', ctx).intent).toEqual({ kind: 'unhandled' });
  });
});

describe('edgeOfSite', () => {
  const site = (target: string, names: string[], line = 1) => ({ file: 'a.py', line, column: 1, target, names, typeChecking: false, conditional: false, lazy: false, dynamic: false, unresolved: false });
  const edges: EdgeRecord[] = [
    { from: 'a', to: 'lib._x.m', external: false, sites: [site('lib._x.m', ['m'])] },
    { from: 'a', to: 'lib._x', external: false, sites: [site('lib._x', ['helper'])] },
    { from: 'a', to: 'tensorflow', external: true, externalKind: 'third-party', sites: [site('tensorflow.python.ops.array_ops', ['array_ops'], 2)] },
  ];
  const result = { ...sampleResult(), edges } as AnalysisResult;
  const ref = (target: string, names: string[], line = 1) => ({ importer: 'a', file: 'a.py', line, column: 1, target, names });

  it('picks among the sites of one statement by target and names', () => {
    expect(edgeOfSite(result, ref('lib._x', ['m']))?.edge.to).toBe('lib._x.m');
    expect(edgeOfSite(result, ref('lib._x', ['helper']))?.edge.to).toBe('lib._x');
  });

  it("gives an external site's top-level package, and null for a place with no site", () => {
    expect(edgeOfSite(result, ref('tensorflow.python.ops', ['array_ops'], 2))?.edge.to).toBe('tensorflow');
    expect(edgeOfSite(result, ref('lib._x', [], 9))).toBeNull();
  });
});
