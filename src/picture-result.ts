/**
 * The plain graph a picture format draws (`--format dot`, `--format mermaid`): the import graph
 * of an `AnalysisResult` collapsed to modules, to a depth (`--depth N`) or to components
 * (`--by-component`), made by `src/graph/collapse-graph.ts` and rendered by `src/report/dot.ts`
 * and `src/report/mermaid.ts`. Plain arrays only, sorted, so a picture is deterministic.
 */

/** What one node of the picture stands for. */
export type PictureLevel = 'module' | 'depth' | 'component';

export interface PictureNode {
  /** Unique name: a module, a module prefix (`a.b` at depth 2), a component, or an external package (suffixed ` (external)` only if an internal node has the same name). */
  id: string;
  /** `external`: a package outside the repository (drawn only with `--external`). */
  kind: 'internal' | 'external';
  /** Internal modules merged into the node (0 for an external package). */
  modules: number;
  /** Index in `PictureResult.cycles` of the cycle the node is in, or null. */
  cycle: number | null;
}

export interface PictureEdge {
  from: string;
  to: string;
  /** Import sites on every merged edge (SEMANTICS.md "Graph": merging keeps every site). */
  sites: number;
  /** Those sites that are private imports (`AnalysisResult.privateImports`). */
  privateSites: number;
  /** Both ends lie in the same cycle of the drawn graph. */
  inCycle: boolean;
}

export interface PictureResult {
  level: PictureLevel;
  /** The `--depth`, or null. */
  depth: number | null;
  /** Whether external packages are drawn (`--external`). */
  external: boolean;
  /** Sorted by id. */
  nodes: PictureNode[];
  /** Sorted by from, then to; one edge per ordered pair of nodes. */
  edges: PictureEdge[];
  /** Strongly connected components of more than one node of the drawn internal graph, each sorted; largest first. */
  cycles: string[][];
}
