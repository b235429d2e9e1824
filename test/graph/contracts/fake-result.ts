/**
 * A hand-written AnalysisResult holding only what the contracts read: modules with their
 * owners (the top-level package unless given), components, internal edges with sites.
 * An edge `['a.x', 'b.y', 3]` is `a.x` importing `b.y` at `a/x.py:3:1`; a fourth element
 * gives extra sites as `[line, lazy]`.
 */
import type { AnalysisResult, SiteRecord } from '../../../src/result.js';

export type EdgeSpec = [from: string, to: string, line: number, extra?: [number, boolean][]];

export const fileOf = (module: string): string => `${module.replace(/\./g, '/')}.py`;

const site = (from: string, to: string, line: number, lazy = false): SiteRecord => ({
  file: fileOf(from), line, column: 1, target: to, names: [],
  typeChecking: false, conditional: false, lazy, dynamic: false, unresolved: false,
});

export function fakeResult(edges: EdgeSpec[], owners: Record<string, string> = {}): AnalysisResult {
  const names = [...new Set(edges.flatMap(([from, to]) => [from, to]))].sort();
  const ownerOf = (m: string) => owners[m] ?? m.split('.')[0];
  const modules = names.map((name) => ({ name, path: fileOf(name), kind: 'module', root: '.', owner: ownerOf(name) }));
  const components = [...new Set(modules.map((m) => m.owner))].sort().map((name) => ({ name, source: 'top-level', prefixes: [], modules: modules.filter((m) => m.owner === name).length }));
  return {
    tool: { name: 'pyseam', version: '0.0.0' },
    options: { includeTypeChecking: true, includeLazy: true, includeDynamic: true },
    modules,
    components,
    edges: edges.map(([from, to, line, extra = []]) => ({
      from, to, external: false,
      sites: [site(from, to, line), ...extra.map(([l, lazy]) => site(from, to, l, lazy))].sort((a, b) => a.line - b.line),
    })),
    privateImports: [],
  } as unknown as AnalysisResult;
}

/** A chain as `file:line` strings, hop by hop: what a reader checks by hand. */
export const where = (chain: { file: string; line: number }[]): string[] => chain.map((h) => `${h.file}:${h.line}`);
