/**
 * End to end: the real CLI on samples/monorepo, compared with the hand-checked
 * facts in monorepo.expected.ts (which starts with the list of the sample's imports).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/result.js';
import { expected } from './monorepo.expected.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function run(...flags: string[]): AnalysisResult {
  const out = execFileSync('node', ['bin/pyseam', 'analyze', 'samples/monorepo', '--format', 'json', ...flags], {
    cwd: repo,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return JSON.parse(out) as AnalysisResult;
}

const sorted = <T>(xs: T[]) => [...xs].map((x) => JSON.stringify(x)).sort();

describe('samples/monorepo', () => {
  let result: AnalysisResult;
  beforeAll(() => {
    result = run();
  }, 60_000);

  it('finds the source roots', () => {
    expect(result.roots).toEqual(expected.roots);
  });

  it('names every module with its kind, root and owner', () => {
    expect(result.modules.map(({ name, path, kind, root, owner }) => ({ name, path, kind, root, owner }))).toEqual(expected.modules);
  });

  it('builds the internal edges, with their numbers of sites', () => {
    const got = result.edges.filter((e) => !e.external).map((e) => [e.from, e.to, e.sites.length]);
    expect(sorted(got)).toEqual(sorted(expected.internalEdges));
  });

  it('groups external imports by top-level package, standard library or third-party', () => {
    const got = result.edges.filter((e) => e.external).map((e) => [e.from, e.to]);
    expect(sorted(got)).toEqual(sorted(expected.externalEdges));
    expect(result.externalPackages).toEqual(expected.externalPackages);
  });

  it('sets the facts of the flagged sites, and no fact on any other', () => {
    const all = result.edges.filter((e) => !e.external).flatMap((e) => e.sites);
    const flagged = all.filter((s) => s.typeChecking || s.conditional || s.lazy || s.dynamic || s.unresolved);
    const pick = (s: (typeof expected.flaggedSites)[number]) =>
      [s.file, s.line, s.column, s.target, s.typeChecking, s.conditional, s.lazy, s.dynamic, s.unresolved];
    expect(sorted(flagged.map(pick))).toEqual(sorted(expected.flaggedSites.map(pick)));
  });

  it('finds the three cycles', () => {
    expect(result.cycles.map((c) => c.modules)).toEqual(expected.cycles);
  });

  it('finds the private imports, and not the declared-public one', () => {
    const got = result.privateImports.map(({ importer, file, line, column, target, names, lazy }) => ({ importer, file, line, column, target, names, lazy }));
    expect(got).toEqual(expected.privateImports.map(({ why: _why, ...rest }) => rest));
    for (const p of expected.notPrivate) {
      expect(result.privateImports.some((r) => r.file === p.file && r.line === p.line), p.why).toBe(false);
    }
  });

  it('lists the unresolved site, the non-literal dynamic imports and the parse error', () => {
    const unresolved = result.edges.flatMap((e) => e.sites.filter((s) => s.unresolved).map((s) => ({ file: s.file, line: s.line, column: s.column, target: s.target, names: s.names, edgeTo: e.to })));
    expect(unresolved).toEqual(expected.unresolved);
    expect(result.nonLiteralDynamicImports.map(({ importer, file, line, column }) => ({ importer, file, line, column }))).toEqual(expected.nonLiteralDynamicImports);
    expect(result.parseErrors.map(({ file, line }) => ({ file, line }))).toEqual(expected.parseErrors);
    expect(result.importErrors).toEqual(expected.importErrors);
  });

  it('sums it up', () => {
    expect(result.summary).toEqual(expected.summary);
  });

  it('loses the type_checking + lazy cycle when those sites are left out', () => {
    const narrowed = run('--no-type-checking', '--no-lazy');
    expect(narrowed.cycles.map((c) => c.modules)).toEqual(expected.cyclesWithoutTypeCheckingAndLazy);
  }, 60_000);
});
