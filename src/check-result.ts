/**
 * The result of `pyseam check`: every contract kept or broken with the import chains that
 * break it, and the private imports (each one a broken rule). Plain arrays and objects,
 * sorted deterministically; `schema/check.schema.json` describes it field by field.
 * The contract types follow import-linter's (layers, forbidden, independence) and
 * import-linter's `acyclic_siblings` / tach's cycle check for components.
 */
import type { HopRecord, PrivateImportRecord } from './result.js';

export const CHECK_SCHEMA_VERSION = 1;

export type ContractType = 'layers' | 'forbidden' | 'independence' | 'acyclic';

/** A contract as configured (`[[tool.pyseam.contract]]`; src/config.ts reads it as `ContractConfig`). */
export interface ContractSpec {
  name: string;
  type: ContractType;
  /** layers: module prefixes, highest first. */
  layers?: string[];
  /** forbidden: importing module prefixes. */
  source?: string[];
  /** forbidden: module prefixes they must not import. */
  forbidden?: string[];
  /** forbidden: also through chains of internal imports (default false: direct imports only). */
  indirect?: boolean;
  /** independence: module prefixes that import none of each other. */
  modules?: string[];
  /** acyclic: component names (default: every component). */
  components?: string[];
}

/**
 * One broken importer/imported pair of a layers, forbidden or independence contract, with a
 * shortest chain from the importer to the imported module (one hop when direct). The chain's
 * inner modules lie outside every prefix the contract names, so each pair is reported once.
 */
export interface ChainViolation {
  /** The declared prefix the importer falls under: its (lower) layer, a forbidden contract's source, one of the independent modules. */
  source: string;
  /** The declared prefix the imported module falls under: the higher layer, the forbidden prefix, the other independent module. */
  target: string;
  importer: string;
  imported: string;
  /** Whether the chain has a single hop. */
  direct: boolean;
  chain: HopRecord[];
}

/** All module edges from one component into another: how many, their sites, and the first edge (by importer, then imported) as a hop. */
export interface ComponentDependency {
  from: string;
  to: string;
  edges: number;
  sites: number;
  hop: HopRecord;
}

/** A strongly connected component of the component graph holding two or more of the contract's components. */
export interface ComponentCycle {
  /** Every component in it, sorted. */
  components: string[];
  /** Those the contract lists, sorted. */
  listed: string[];
  /** A cycle from the first listed component through the second and back, as shortest paths: one dependency per hop. */
  example: ComponentDependency[];
  /** Every dependency between two of its components, sorted by from, to: the candidates to cut. */
  dependencies: ComponentDependency[];
}

export interface ContractOutcome {
  name: string;
  type: ContractType;
  /** The contract as configured. */
  contract: ContractSpec;
  kept: boolean;
  /** layers, forbidden, independence: every broken pair, sorted by importer, imported ([] for acyclic). */
  violations: ChainViolation[];
  /** acyclic: the cycles, by first component ([] for the other types). */
  cycles: ComponentCycle[];
}

export interface CheckSummary {
  contracts: number;
  kept: number;
  broken: number;
  /** Broken pairs and cycles over all contracts. */
  violations: number;
  privateImports: number;
  /** Nothing broken: no broken contract and no private import (exit status 0). */
  ok: boolean;
}

export interface CheckResult {
  schemaVersion: number;
  tool: { name: string; version: string };
  /** The site filters the chains respect (from the analysis options). */
  filters: { includeTypeChecking: boolean; includeLazy: boolean; includeDynamic: boolean };
  summary: CheckSummary;
  /** In config order. */
  contracts: ContractOutcome[];
  /** The private-import rule: every private import of the analysis is a violation. */
  privateImports: PrivateImportRecord[];
}
