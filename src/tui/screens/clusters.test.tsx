// The clusters screen on samples/monorepo. Louvain's grouping is not checked by hand; what is:
// the 27 modules of test/samples/monorepo.expected.ts with their owners (packages by owner), and
// its internal edges, from which the isolated modules follow: the ones on no internal edge
// (tensorflux._core, tensorflux.contrib, tensorflux.python.framework, tensorflux.python.ops, tools).
// So the screen must show every module exactly once (in one cluster or as isolated), mark
// exactly the modules whose owner differs from the cluster's majority package, and list as
// misplaced only modules whose owner differs from their cluster's package.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { keys, sampleData, SIZE } from '../../../test/tui/sample-data.js';
import { expected } from '../../../test/samples/monorepo.expected.js';
import { App } from '../App.js';
import { clusters } from './clusters.js';

const owner = new Map(expected.modules.map((m) => [m.name, m.owner]));
const onEdges = new Set(expected.internalEdges.flatMap(([from, to]) => [from, to]));
const isolated = expected.modules.map((m) => m.name).filter((m) => !onEdges.has(m));


/** The module rows of a cluster's frame: [marked, module, package]. */
const memberRows = (frame: string): [boolean, string, string][] =>
  frame.split('\n').flatMap((line) => {
    const m = /^[› ]([* ]) (\S+)\s+(\S+)\s*$/.exec(line);
    return m && owner.has(m[2]) ? [[m[1] === '*', m[2], m[3]] as [boolean, string, string]] : [];
  });

describe('clusters screen', () => {
  it('summarizes the clusters and shows every module once, in a cluster or isolated', async () => {
    const count = sampleData().clusters().clusters.length;
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    await keys(stdin, '6');
    const frame = lastFrame()!;
    expect(frame).toContain(`${count} clusters of ${expected.modules.length - isolated.length} modules, ${isolated.length} isolated; modularity`);
    expect(frame).toMatch(/NMI \d\.\d{3}, ARI -?\d\.\d{3}/);
    expect(frame).toContain('compared with 3 packages (by owner)');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);

    const seen: string[] = [];
    for (let i = 0; i <= count; i++) {
      await keys(stdin, '\r');
      const rows = memberRows(lastFrame()!);
      const majority = /majority (\S+);/.exec(lastFrame()!)?.[1];
      if (i < count) {
        expect(majority).toBeDefined();
        for (const [marked, module, pkg] of rows) {
          expect(pkg).toBe(owner.get(module));
          expect(marked).toBe(pkg !== majority);
        }
      } else {
        expect(lastFrame()).toContain(`Isolated: ${isolated.length} modules`);
        expect(rows.map((r) => r[1])).toEqual(isolated);
      }
      seen.push(...rows.map((r) => r[1]));
      await keys(stdin, '\x1b', '\x1b[B');
    }
    expect(seen.sort()).toEqual(expected.modules.map((m) => m.name).sort());
  });

  it('lists misplaced modules away from their package, and opens one on the modules screen', async () => {
    const { lastFrame, stdin } = render(<App data={sampleData()} size={SIZE} />);
    await keys(stdin, '6', 'm');
    const rows = lastFrame()!.split('\n').flatMap((line) => {
      const m = /^[› ] (\S+)\s+(\S+)\s+#\d+ \((\S+)\)\s+[+-]?\d+/.exec(line);
      return m ? [m.slice(1)] : [];
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const [module, pkg, clusterPackage] of rows) {
      expect(owner.get(module)).toBe(pkg);
      expect(clusterPackage).not.toBe(pkg);
    }
    await keys(stdin, '\r');
    expect(lastFrame()).toContain(`${rows[0][0]}  (esc: back to the list)`);
    expect(lastFrame()).toContain(`component: ${rows[0][1]}`);
  });

  it('toggles the misplaced list with m and goes back with esc (reducer)', () => {
    const ctx = { data: sampleData(), cuts: [], component: null, width: 80, height: 22 };
    const start = clusters.init(ctx);
    const misplaced = clusters.onKey(start, 'm', ctx).state;
    expect(misplaced.mode).toBe('misplaced');
    expect(clusters.onKey(misplaced, 'escape', ctx).state.mode).toBe('list');
    expect(clusters.onKey(start, 'escape', ctx).intent).toEqual({ kind: 'unhandled' });
    const opened = clusters.onKey(clusters.onKey(start, 'enter', ctx).state, 'enter', ctx);
    expect(opened.intent).toMatchObject({ kind: 'goto', screen: 'modules' });
    expect(owner.has((opened.intent as { at: { module: string } }).at.module)).toBe(true);
  });
});
