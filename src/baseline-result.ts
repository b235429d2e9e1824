/**
 * The baseline of `pyseam baseline`: every violation found at one point in time, under a key
 * that survives unrelated edits (rule, importer, target, names; a cycle's module set; never a
 * file or line), with a count per key. `schema/baseline.schema.json` describes the file and the
 * comparison that `--baseline FILE` adds to the JSON of `analyze` and `check`.
 *
 * The ratchet follows the "baseline file" of ruff/mypy-baseline/betterer: a gate fails only on
 * what is not in the file, and `--update` only removes what was fixed.
 */

export const BASELINE_SCHEMA_VERSION = 1;

/** The violation kinds a baseline records: `analyze` compares the first two, `check` the first and the last. */
export type BaselineRule = 'private-import' | 'cycle' | 'contract';

/** A private import: the importing module, the module the statement names, the imported names (sorted). */
export interface PrivateImportKey {
  rule: 'private-import';
  importer: string;
  target: string;
  names: string[];
}

/** An import cycle: its strongly connected component's modules (sorted). */
export interface CycleKey {
  rule: 'cycle';
  modules: string[];
}

/** A broken pair of a layers, forbidden or independence contract. */
export interface ContractPairKey {
  rule: 'contract';
  contract: string;
  importer: string;
  imported: string;
}

/** A cycle of components breaking an acyclic contract (its components, sorted). */
export interface ContractCycleKey {
  rule: 'contract';
  contract: string;
  components: string[];
}

export type BaselineKey = PrivateImportKey | CycleKey | ContractPairKey | ContractCycleKey;

/** A key and how many sites have it (1 for a cycle or a contract pair). */
export type BaselineEntry = BaselineKey & { count: number };

export interface Baseline {
  schemaVersion: number;
  /** Sorted by rule, then by the key's canonical JSON. */
  violations: BaselineEntry[];
}

export interface Location {
  file: string;
  line: number;
  column: number;
}

/** A violation found now, with where it is (the private import's sites, a cycle's example hops, a chain's hops). */
export interface CurrentViolation {
  entry: BaselineEntry;
  locations: Location[];
}

/** A violation not covered by the baseline: a new key, a key with more sites than baselined, or a cycle that grew. */
export interface NewViolation extends CurrentViolation {
  /** How many of `entry.count` sites the baseline allows (0 for a new key). */
  baselined: number;
  /** For a cycle: the baselined module sets it contains or overlaps (it grew from them). */
  grewFrom?: string[][];
}

/** A baseline entry with fewer sites now than recorded. */
export interface FixedViolation {
  /** As recorded in the baseline. */
  entry: BaselineEntry;
  /** Sites still found (0: the key is gone). */
  remaining: number;
}

/** What `--baseline FILE` adds to the JSON report of `analyze` and `check` (field `baseline`). */
export interface BaselineComparison {
  /** The baseline file as given. */
  file: string;
  /** The rules compared (the others in the file are left alone). */
  rules: BaselineRule[];
  /** Sorted like the baseline. */
  new: NewViolation[];
  fixed: FixedViolation[];
  /** Current sites the baseline covers. */
  known: number;
}
