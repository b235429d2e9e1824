import type { PrivateImportRecord } from '../result.js';
import { declaredPrefix, mergeRules, privateNameReason, privateReason, type PrivacyRules } from './privacy.js';
import type { ResolvedSite } from './resolve.js';
import { SiteTable } from './site-table.js';

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
  /** Declared prefixes that apply to external targets only (the presets of `presets.ts`). */
  external?: PrivacyRules;
  /** An internal module's literal `__all__`, or null/undefined when it has none. */
  allOf?: (module: string) => readonly string[] | null | undefined;
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
 * A name of an internal module is public when it is among the module's public names
 * (its literal `__all__`, else no leading underscore; `privateNameReason`). An export
 * decorator (`@keras_export("keras.layers.Layer")`) makes a symbol public under the names it
 * gives, not under the private path it is defined at: `from tensorflow.python.ops.nn_ops
 * import relu` still reaches into internals after `tf_export("nn.relu")`, and the fix is to
 * use `tf.nn.relu`, which `pyseam extract` proposes as the *replace* action. External
 * targets are judged by the declared prefixes plus `external` (presets), since their
 * `__all__` and exports are not read.
 *
 * @param sites a `SiteTable` (the analysis), or resolved sites in context (made into one).
 * @param indices the sites of the table to look at, in order (all when absent).
 * @returns one record per private site, `names` holding the private names (all names
 * when the module itself is private), in the order of `sites`.
 */
export function findPrivateImports(sites: Iterable<SiteInContext> | SiteTable, options: PrivateImportOptions, indices?: readonly number[]): PrivateImportRecord[] {
  const table = sites instanceof SiteTable ? sites : SiteTable.of(sites);
  const out: PrivateImportRecord[] = [];
  const internal = judge(options);
  const external = options.external ? judge(mergeRules(options, options.external)) : internal;
  const count = indices ? indices.length : table.length;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    const isExternal = table.external[i];
    if (isExternal && !options.checkStdlib && options.isStdlib(table.heads[i])) continue;
    const r = table.records[i];
    const verdict = checkSite(table.kinds[i], r.target, table.statementModules[i], r.names, isExternal, isExternal ? external : internal, options);
    if (!verdict) continue;
    // Only a site found private is looked at whole.
    const { importer, site } = table.context(i);
    const importerOwner = options.ownerOfImporter(importer);
    const targetOwner = options.ownerOfTarget(site);
    if (importerOwner === targetOwner) continue;
    out.push({
      importer, file: r.file, line: r.line, column: r.column,
      target: site.statementModule, names: verdict.names, reason: verdict.reason,
      importerOwner, targetOwner,
      typeChecking: r.typeChecking, lazy: r.lazy, dynamic: r.dynamic,
    });
  }
  return out;
}

/** One set of rules, with `privateReason` remembered per dotted name: a repository names the same modules again and again. */
interface Judge {
  rules: PrivacyRules;
  /** Any prefix declared at all (else no name can lie under one). */
  declares: boolean;
  reason(dotted: string): string | null;
}

function judge(rules: PrivacyRules): Judge {
  const known = new Map<string, string | null>();
  return {
    rules,
    declares: rules.private.length + rules.public.length > 0,
    reason(dotted) {
      let found = known.get(dotted);
      if (found === undefined) known.set(dotted, (found = privateReason(dotted, rules)));
      return found;
    },
  };
}

function checkSite(
  kind: ResolvedSite['kind'], target: string, module: string, siteNames: readonly string[], external: boolean, judge: Judge, options: PrivateImportOptions,
): { reason: string; names: string[] } | null {
  const rules = judge.rules;
  if (kind !== 'from' || target !== module) {
    const reason = judge.reason(target);
    return reason ? { reason, names: siteNames as string[] } : null;
  }
  const moduleReason = judge.reason(module);
  const all = external ? null : options.allOf?.(module);
  const names: string[] = [];
  let reason: string | null = null;
  for (const name of siteNames) {
    if (name === '*') continue;
    const full = judge.declares ? `${module}.${name}` : '';
    const declared = judge.declares ? declaredPrefix(full, rules) : null;
    const nameReason = declared && declared.prefix.length > module.length
      ? judge.reason(full)
      : moduleReason ?? privateNameReason(module, name, all);
    if (nameReason) {
      names.push(name);
      reason ??= nameReason;
    }
  }
  if (siteNames.includes('*') && moduleReason) return { reason: moduleReason, names: siteNames as string[] };
  return reason ? { reason, names } : null;
}
