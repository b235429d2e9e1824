/**
 * The lines `--baseline FILE` prints on standard error, and the summary of `pyseam baseline`:
 *
 *   pyseam: baseline pyseam-baseline.json: 2 new violations, 1 fixed since (5 known)
 *     new    private import kerasish.models -> tensorflux.python.ops [math_ops]  kerasish/models.py:12:1
 *     new    cycle kerasish.layers.core, kerasish.models (grew from ...)  kerasish/models.py:10:1 ...
 *     fixed  private import kerasish.training -> tensorflux.python.ops [array_ops]
 *
 * A key is printed as the rule and what the baseline file records; locations come last.
 */
import type { Baseline, BaselineComparison, BaselineKey, Location } from '../baseline-result.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const where = (locations: Location[]) => locations.map((l) => `${l.file}:${l.line}:${l.column}`).join(', ');

/** `private import a -> b [x, y]`, `cycle a, b`, `contract 'name': a -> b`, `contract 'name': components a, b`. */
export function describeKey(key: BaselineKey): string {
  if (key.rule === 'private-import') return `private import ${key.importer} -> ${key.target}${key.names.length ? ` [${key.names.join(', ')}]` : ''}`;
  if (key.rule === 'cycle') return `cycle ${key.modules.join(', ')}`;
  return 'components' in key ? `contract '${key.contract}': component cycle ${key.components.join(', ')}` : `contract '${key.contract}': ${key.importer} -> ${key.imported}`;
}

/** The standard-error block of a comparison (empty when nothing is new and nothing fixed). */
export function renderBaselineComparison(c: BaselineComparison): string {
  if (c.new.length === 0 && c.fixed.length === 0) return `pyseam: baseline ${c.file}: no new violations, none fixed (${c.known} known)\n`;
  const lines = [`pyseam: baseline ${c.file}: ${plural(c.new.length, 'new violation')}, ${c.fixed.length} fixed since (${c.known} known)`];
  for (const v of c.new) {
    const sites = v.baselined > 0 ? ` (${v.entry.count} sites, ${v.baselined} baselined)` : '';
    const grew = v.grewFrom ? ` (grew from ${v.grewFrom.map((s) => s.join(', ')).join('; ')})` : '';
    lines.push(`  new    ${describeKey(v.entry)}${sites}${grew}  ${where(v.locations)}`);
  }
  for (const f of c.fixed) {
    lines.push(`  fixed  ${describeKey(f.entry)}${f.remaining > 0 ? ` (${f.entry.count - f.remaining} of ${f.entry.count} sites)` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `3 private imports (5 sites), 2 cycles, 1 contract violation`: the entries of a baseline by rule. */
export function summarizeBaseline(baseline: Baseline): string {
  const of = (rule: BaselineKey['rule']) => baseline.violations.filter((e) => e.rule === rule);
  const privates = of('private-import');
  const sites = privates.reduce((n, e) => n + e.count, 0);
  return `${plural(privates.length, 'private import key')} (${plural(sites, 'site')}), ${plural(of('cycle').length, 'cycle')}, ${plural(of('contract').length, 'contract violation')}`;
}
