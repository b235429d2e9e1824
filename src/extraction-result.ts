/**
 * The result of `pyseam extract COMPONENT`: plain data, serialized as is by the JSON
 * reporter and described by `schema/extract.schema.json`.
 */
import type { HopRecord } from './result.js';

export const EXTRACT_SCHEMA_VERSION = 1;

/** One strongly connected component that holds modules on both sides of the boundary. */
export interface BoundaryCycle {
  /** Its modules inside the component and outside it, sorted. */
  inside: string[];
  outside: string[];
  /** A shortest cycle that crosses the boundary: out of the component and back, file and line on every hop. */
  example: HopRecord[];
}

/** An import site suggested for removal, with the edge it belongs to. */
export interface CutSite {
  from: string;
  to: string;
  file: string;
  line: number;
  column: number;
}

/** Cycles across a boundary and a small cut that breaks all of them, with its effect computed. */
export interface BoundaryCycles {
  cycles: BoundaryCycle[];
  /** Import sites whose removal leaves no strongly connected component across the boundary. */
  cut: CutSite[];
  /** Which strategy gave the cut: Eades-Lin-Smyth on the crossing edges, or every crossing edge of one direction. */
  strategy: 'eades-lin-smyth' | 'all-inbound' | 'all-outbound' | 'none';
  effect: { boundaryCyclesBefore: number; boundaryCyclesAfter: number; cyclesBefore: number; cyclesAfter: number };
}

/** How an import site is used: at import time, only for type checkers, only when a function runs, or from test code. */
export interface Uses {
  runtime: number;
  typeOnly: number;
  lazy: number;
  tests: number;
}

/** What the TensorFlow team's Keras split did with each internal symbol Keras used. */
export type Action = 'replace' | 'move' | 'make-public' | 'copy';

/** One private name (or, with `name: null`, the private module itself) the component uses. */
export interface NeededName {
  name: string | null;
  sites: number;
  files: string[];
  /** Every import site of the name, sorted. */
  locations: { file: string; line: number; column: number }[];
  uses: Uses;
  action: Action;
  /** For `replace`: the public name that already exports it; for `move`: the public name, which lies in the component's own API. */
  replacement?: string;
}

/** A private module of another component (or external package) the component imports from. */
export interface NeededTarget {
  target: string;
  owner: string;
  reason: string;
  sites: number;
  names: NeededName[];
}

/** An edge from the rest of the repository into the component. */
export interface ReverseDependency {
  from: string;
  fromOwner: string;
  to: string;
  sites: number;
  file: string;
  line: number;
}

/** `pyseam extract COMPONENT`: what stops the component from moving into its own package. */
export interface ExtractionPlan {
  schemaVersion: number;
  tool: { name: string; version: string };
  component: string;
  modules: number;
  neededApi: NeededTarget[];
  reverseDependencies: ReverseDependency[];
  /** Components the extracted package would depend on and that would depend on it: a dependency cycle between packages. */
  mutualDependencies: { component: string; sitesOut: number; sitesIn: number }[];
  boundaryCycles: BoundaryCycles;
  summary: {
    neededTargets: number;
    neededNames: number;
    neededSites: number;
    actions: Record<Action, { names: number; sites: number }>;
    reverseDependencies: number;
    reverseSites: number;
    mutualDependencies: number;
    boundaryCycles: number;
    sitesToCut: number;
  };
}

