import { CHECK_SCHEMA_VERSION, type CheckResult, type ContractOutcome, type ContractSpec } from '../../check-result.js';
import type { AnalysisResult } from '../../result.js';
import { checkAcyclic } from './acyclic.js';
import { chainIndex } from './find-chains.js';
import { checkForbidden } from './forbidden.js';
import { checkIndependence } from './independence.js';
import { checkLayers } from './layers.js';

/**
 * `pyseam check`: runs every contract on the result's internal import graph (whose edges
 * already obey the site filters) and adds the private-import rule, under which every
 * private import of the result is a violation. Contracts keep their config order.
 *
 * @param contracts already checked by validateContracts (this function assumes their
 * required keys are present and their prefixes do not overlap).
 */
export function checkContracts(result: AnalysisResult, contracts: readonly ContractSpec[]): CheckResult {
  const index = chainIndex(result);
  const outcomes = contracts.map((contract): ContractOutcome => {
    const violations = contract.type === 'layers' ? checkLayers(index, contract.layers!)
      : contract.type === 'forbidden' ? checkForbidden(index, contract.source!, contract.forbidden!, contract.indirect ?? false)
        : contract.type === 'independence' ? checkIndependence(index, contract.modules!)
          : [];
    const cycles = contract.type === 'acyclic'
      ? checkAcyclic(result, index, contract.components ?? result.components.map((c) => c.name))
      : [];
    return { name: contract.name, type: contract.type, contract, kept: violations.length + cycles.length === 0, violations, cycles };
  });
  const broken = outcomes.filter((o) => !o.kept).length;
  const privateImports = result.privateImports;
  return {
    schemaVersion: CHECK_SCHEMA_VERSION,
    tool: result.tool,
    filters: {
      includeTypeChecking: result.options.includeTypeChecking,
      includeLazy: result.options.includeLazy,
      includeDynamic: result.options.includeDynamic,
    },
    summary: {
      contracts: outcomes.length,
      kept: outcomes.length - broken,
      broken,
      violations: outcomes.reduce((n, o) => n + o.violations.length + o.cycles.length, 0),
      privateImports: privateImports.length,
      ok: broken === 0 && privateImports.length === 0,
    },
    contracts: outcomes,
    privateImports,
  };
}
