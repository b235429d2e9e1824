/**
 * The text rendering of `pyseam extract`: the summary first (what a CI job watches go
 * down), then the needed API by target and name with the action for each, the reverse
 * dependencies, and the cycles across the boundary with the sites to cut.
 */
import type { ExtractionPlan, NeededName } from '../extraction-result.js';
import { cut, makeContext, plural, type TextOptions } from './text-format.js';

const STRATEGY = {
  'eades-lin-smyth': 'Eades-Lin-Smyth feedback arc set of the crossing imports, weighted by sites',
  'all-inbound': 'every import into the component inside those cycles',
  'all-outbound': 'every import out of the component inside those cycles',
  none: 'nothing to cut',
} as const;

const ACTION_LABEL = { replace: 'replace', move: 'move', 'make-public': 'make public', copy: 'copy' } as const;

function uses(n: NeededName): string {
  const parts = [n.uses.runtime && `${n.uses.runtime} runtime`, n.uses.typeOnly && `${n.uses.typeOnly} type-only`, n.uses.lazy && `${n.uses.lazy} lazy`, n.uses.tests && `${n.uses.tests} in tests`];
  return parts.filter(Boolean).join(', ');
}

/** Renders an extraction plan as text; `full` lists every file and edge instead of cutting the lists. */
export function renderExtractText(plan: ExtractionPlan, options: TextOptions): string {
  const { paint, full } = makeContext(options);
  const s = plan.summary;
  const lines: string[] = [
    `${paint.bold(`${plan.tool.name} ${plan.tool.version}`)}  extraction plan for ${paint.bold(plan.component)} (${plural(plan.modules, 'module')})`,
    '',
    paint.bold('Summary'),
    `  needed API           ${plural(s.neededNames, 'name')} in ${plural(s.neededTargets, 'private module')}, ${plural(s.neededSites, 'import site')}`,
    `    replace            ${s.actions.replace.names} (${plural(s.actions.replace.sites, 'site')})  a public name already exports it`,
    `    move               ${s.actions.move.names} (${plural(s.actions.move.sites, 'site')})  its public name is in the component's own API: move the symbol in`,
    `    make public        ${s.actions['make-public'].names} (${plural(s.actions['make-public'].sites, 'site')})  nothing exports it`,
    `    copy               ${s.actions.copy.names} (${plural(s.actions.copy.sites, 'site')})  configured as small or private by design`,
    `  reverse dependencies ${plural(s.reverseDependencies, 'edge')} (${plural(s.reverseSites, 'site')}) from the rest into ${plan.component}`,
    `  mutual dependencies  ${plural(s.mutualDependencies, 'component')} on both sides`,
    `  cycles across        ${s.boundaryCycles}, broken by cutting ${plural(s.sitesToCut, 'import site')}`,
  ];
  if (plan.neededApi.length) {
    lines.push('', paint.bold(`Needed API (${plural(s.neededNames, 'name')})`));
    for (const t of plan.neededApi) {
      lines.push(`  ${paint.yellow(paint.bold(t.target))}  ${plural(t.sites, 'site')}  ${paint.dim(`owned by ${t.owner}; ${t.reason}`)}`);
      const { shown, more } = cut(t.names, 15, full);
      for (const n of shown) {
        const action = n.action === 'replace' ? `replace with ${n.replacement}` : n.action === 'move' ? `move in (public as ${n.replacement})` : ACTION_LABEL[n.action];
        const where = cut(n.locations.map((l) => `${l.file}:${l.line}`), 3, full);
        lines.push(`    ${n.name ?? paint.dim('(the module itself)')}  ${plural(n.sites, 'site')}  [${uses(n)}]  -> ${paint.cyan(action)}`);
        lines.push(`      ${paint.dim(where.shown.join(', ') + (where.more ? `, ... and ${where.more} more` : ''))}`);
      }
      if (more) lines.push(`    ... and ${more} more`);
    }
  }
  if (plan.reverseDependencies.length) {
    lines.push('', paint.bold(`Reverse dependencies (${plural(plan.reverseDependencies.length, 'edge')} into ${plan.component})`));
    const { shown, more } = cut(plan.reverseDependencies, 30, full);
    for (const r of shown) lines.push(`  ${r.from} ${paint.dim(`(${r.fromOwner})`)} -> ${r.to}  ${paint.dim(`${r.file}:${r.line}`)}${r.sites > 1 ? `  (${r.sites} sites)` : ''}`);
    if (more) lines.push(`  ... and ${more} more`);
  }
  for (const m of plan.mutualDependencies) {
    lines.push('', paint.red(`${plan.component} and ${m.component} would depend on each other: ${plural(m.sitesOut, 'site')} out, ${plural(m.sitesIn, 'site')} back in.`));
  }
  const bc = plan.boundaryCycles;
  if (bc.cycles.length) {
    lines.push('', paint.bold(`Cycles across the boundary (${bc.cycles.length})`));
    bc.cycles.forEach((c, i) => {
      lines.push(`  ${i + 1}. ${plural(c.inside.length, 'module')} inside, ${c.outside.length} outside`);
      for (const h of c.example) lines.push(`     ${h.from} -> ${h.to}  ${paint.dim(`(${h.file}:${h.line})`)}${h.lazy ? '  [lazy]' : h.typeChecking ? '  [type-checking]' : ''}`);
    });
    lines.push('', paint.bold(`Cut ${plural(bc.cut.length, 'import site')} to break every cycle across the boundary (${STRATEGY[bc.strategy]})`));
    const { shown, more } = cut(bc.cut, 30, full);
    for (const c of shown) lines.push(`  ${c.file}:${c.line}:${c.column}  ${c.from} -> ${c.to}`);
    if (more) lines.push(`  ... and ${more} more`);
    const e = bc.effect;
    lines.push(`  effect (computed): cycles across the boundary ${e.boundaryCyclesBefore} -> ${e.boundaryCyclesAfter}; strongly connected components in the whole graph ${e.cyclesBefore} -> ${e.cyclesAfter}`);
  }
  return `${lines.join('\n')}\n`;
}
