/**
 * The text report of `pyseam check`: a headline, one block per contract in config order
 * (KEPT or BROKEN, what it says, then each broken pair with its chain hop by hop as
 * `file:line:column  importer -> imported`, or each component cycle with its example and
 * the dependencies inside it), then the private imports, then the verdict. Long lists
 * are cut unless `full`.
 */
import type { CheckResult, ComponentCycle, ComponentDependency, ContractOutcome, ContractSpec } from '../check-result.js';
import type { HopRecord } from '../result.js';
import { cut, LIST_LIMIT, location, makeContext, moreLines, plural, type SectionContext, type TextOptions } from './text-format.js';

export function renderCheckText(check: CheckResult, options: TextOptions): string {
  const ctx = makeContext(options);
  const { summary } = check;
  const lines = [
    ctx.paint.bold(`pyseam check  ${plural(summary.contracts, 'contract')}: ${summary.kept} kept, ${summary.broken} broken; ${plural(summary.privateImports, 'private import')}`),
  ];
  for (const outcome of check.contracts) lines.push('', ...renderContract(outcome, ctx));
  lines.push('', ...renderPrivate(check, ctx), '', verdict(check, ctx));
  return lines.join('\n') + '\n';
}

/** What a contract says, on one line: `layers: a > b > c`, `forbidden: a -/-> b (indirect too)`. */
export function describeContract(c: ContractSpec): string {
  switch (c.type) {
    case 'layers': return `layers: ${c.layers!.join(' > ')}`;
    case 'forbidden': return `forbidden: ${c.source!.join(', ')} must not import ${c.forbidden!.join(', ')}${c.indirect ? ', directly or indirectly' : ' directly'}`;
    case 'independence': return `independence: ${c.modules!.join(', ')}`;
    case 'acyclic': return `acyclic: ${c.components ? c.components.join(', ') : 'every component'}`;
  }
}

function renderContract(o: ContractOutcome, ctx: SectionContext): string[] {
  const { paint, full } = ctx;
  const status = o.kept ? paint.green('KEPT  ') : paint.red(paint.bold('BROKEN'));
  const lines = [`${status}  ${paint.bold(o.name)}  ${paint.dim(`(${describeContract(o.contract)})`)}`];
  if (o.kept) return lines;
  if (o.type === 'acyclic') {
    lines.push(`  ${plural(o.cycles.length, 'cycle')} between components`);
    for (const cycle of o.cycles) lines.push(...renderCycle(cycle, ctx));
    return lines;
  }
  lines.push(`  ${plural(o.violations.length, 'broken import pair')}`);
  const { shown, more } = cut(o.violations, LIST_LIMIT, full);
  for (const v of shown) {
    const how = v.direct ? 'direct' : `indirect, ${v.chain.length} hops`;
    lines.push(`  ${paint.cyan(v.importer)} -> ${paint.cyan(v.imported)}  ${paint.dim(`(${v.source} imports ${v.target}; ${how})`)}`);
    for (const hop of v.chain) lines.push(`    ${renderHop(hop, ctx)}`);
  }
  return [...lines, ...moreLines('  ', more, paint)];
}

function renderCycle(cycle: ComponentCycle, ctx: SectionContext): string[] {
  const { paint, full } = ctx;
  const lines = [`  ${paint.red(plural(cycle.components.length, 'component'))}: ${cycle.components.join(', ')}  ${paint.dim(`(listed: ${cycle.listed.join(', ')})`)}`];
  lines.push('    example:');
  for (const d of cycle.example) lines.push(`      ${renderDependency(d, ctx)}`);
  lines.push('    dependencies inside it:');
  const { shown, more } = cut(cycle.dependencies, LIST_LIMIT, full);
  for (const d of shown) lines.push(`      ${renderDependency(d, ctx)}`);
  return [...lines, ...moreLines('      ', more, paint)];
}

function renderDependency(d: ComponentDependency, { paint }: SectionContext): string {
  return `${paint.bold(d.from)} -> ${paint.bold(d.to)}  ${paint.dim(`${plural(d.edges, 'edge')}, ${plural(d.sites, 'site')}; e.g.`)} ${location(d.hop)}  ${d.hop.from} -> ${d.hop.to}${flags(d.hop)}`;
}

function renderHop(hop: HopRecord, { paint }: SectionContext): string {
  return `${paint.dim(location(hop))}  ${hop.from} -> ${hop.to}${flags(hop)}`;
}

/** `  [lazy, type-checking]`: a hop that does not run at import time says so. */
function flags(hop: Pick<HopRecord, 'typeChecking' | 'lazy' | 'dynamic'>): string {
  const set = [hop.typeChecking && 'type-checking', hop.lazy && 'lazy', hop.dynamic && 'dynamic'].filter(Boolean);
  return set.length ? `  [${set.join(', ')}]` : '';
}

function renderPrivate(check: CheckResult, ctx: SectionContext): string[] {
  const { paint, full } = ctx;
  const status = check.privateImports.length ? paint.red(paint.bold('BROKEN')) : paint.green('KEPT  ');
  const lines = [`${status}  ${paint.bold('private imports')}  ${paint.dim(`(${plural(check.privateImports.length, 'site')} importing another component's private module or name)`)}`];
  const { shown, more } = cut(check.privateImports, LIST_LIMIT, full);
  for (const p of shown) {
    const names = p.names.length ? ` (${p.names.join(', ')})` : '';
    lines.push(`  ${paint.dim(location(p))}  ${p.importer} -> ${p.target}${names}  ${paint.dim(p.reason)}${flags(p)}`);
  }
  return [...lines, ...moreLines('  ', more, paint)];
}

function verdict(check: CheckResult, { paint }: SectionContext): string {
  const { summary } = check;
  if (summary.ok) return paint.green(`OK: ${plural(summary.contracts, 'contract')} kept, no private import`);
  const parts = [summary.broken && `${summary.broken} of ${plural(summary.contracts, 'contract')} broken`, summary.privateImports && plural(summary.privateImports, 'private import')];
  return paint.red(paint.bold(`BROKEN: ${parts.filter(Boolean).join(', ')}`));
}
