import type { PrivateImportRecord } from '../result.js';
import { declaredPrefix, isPrivateSegment, privateReason, type PrivacyRules } from './privacy.js';
import type { ResolvedSite } from './resolve.js';

/** A resolved site with its importer, as the analyses see it. */
export interface SiteInContext {
  importer: string;
  file: string;
  site: ResolvedSite;
}

export interface PrivateImportOptions extends PrivacyRules {
  /** The owner of the importer and of a target (internal module or external dotted name). */
  ownerOfImporter: (importer: string) => string;
  ownerOfTarget: (site: ResolvedSite) => string;
  /** External top-level names of the standard library, exempt unless `checkStdlib`. */
  isStdlib: (topLevel: string) => boolean;
  checkStdlib: boolean;
}

/**
 * The private imports among `sites` (SEMANTICS.md "Private and public"): an import of a
 * private module or name owned by someone other than the importer's owner.
 *
 * What is checked is the most specific thing named: the site's target for `import M`
 * and for a submodule of `from M import n`; for other names `M.n` when it lies under a
 * declared prefix (so `from tensorflow import python` is private when `tensorflow.python`
 * is declared private), else `M` and then the name `n` itself (`from m import _helper`).
 * External standard-library targets are exempt unless `checkStdlib` (`import _thread`
 * is not a finding).
 *
 * @returns one record per private site, `names` holding the private names (all names
 * when the module itself is private), in the order of `sites`.
 */
export function findPrivateImports(sites: readonly SiteInContext[], options: PrivateImportOptions): PrivateImportRecord[] {
  const out: PrivateImportRecord[] = [];
  for (const { importer, file, site } of sites) {
    if (site.external && !options.checkStdlib && options.isStdlib(site.to)) continue;
    const verdict = checkSite(site, options);
    if (!verdict) continue;
    const importerOwner = options.ownerOfImporter(importer);
    const targetOwner = options.ownerOfTarget(site);
    if (importerOwner === targetOwner) continue;
    const { raw } = site;
    out.push({
      importer, file, line: raw.line, column: raw.column,
      target: site.statementModule, names: verdict.names, reason: verdict.reason,
      importerOwner, targetOwner,
      typeChecking: raw.typeChecking, lazy: raw.lazy, dynamic: raw.dynamic,
    });
  }
  return out;
}

function checkSite(site: ResolvedSite, rules: PrivacyRules): { reason: string; names: string[] } | null {
  if (site.raw.kind !== 'from' || site.target !== site.statementModule) {
    const reason = privateReason(site.target, rules);
    return reason ? { reason, names: site.names } : null;
  }
  const moduleReason = privateReason(site.statementModule, rules);
  const names: string[] = [];
  let reason: string | null = null;
  for (const name of site.names) {
    if (name === '*') continue;
    const full = `${site.statementModule}.${name}`;
    const declared = declaredPrefix(full, rules);
    const nameReason = declared && declared.prefix.length > site.statementModule.length
      ? privateReason(full, rules)
      : moduleReason ?? (isPrivateSegment(name) ? `private name '${name}' of ${site.statementModule}` : null);
    if (nameReason) {
      names.push(name);
      reason ??= nameReason;
    }
  }
  if (site.names.includes('*') && moduleReason) return { reason: moduleReason, names: site.names };
  return reason ? { reason, names } : null;
}
