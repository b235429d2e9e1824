import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { CutSite } from '../../extraction-result.js';
import type { WhatIfOutcome } from '../../what-if-result.js';
import { ScrollList } from '../components/ScrollList.js';
import { SourceSnippet } from '../components/SourceSnippet.js';
import { count, fitAllMiddle, plural } from '../format.js';
import { sameCut, type ScreenContext } from '../screen.js';
import { useTheme } from '../theme.js';

/** The what-if screen's view state: the selected cut (index into `ctx.cuts`), whether its source is open, and the last key's message. */
export interface WhatIfState {
  selected: number;
  open: boolean;
  notice: string | null;
  /** The number of cuts when the notice was written: it is shown only while the cuts are still that many (a cut made elsewhere makes it stale). */
  noticeAt?: number;
}

/** One figure before and after the cuts. */
export interface FigureRow {
  label: string;
  before: number;
  after: number;
}

/** The figures the table shows: the graph's, then the focus component's extraction figures when there is one. */
export function figureRows(o: WhatIfOutcome): FigureRow[] {
  const row = (label: string, before: number, after: number): FigureRow => ({ label, before, after });
  const { before: b, after: a } = o;
  const rows = [
    row('Cycles', b.cycles, a.cycles),
    row('Largest cycle (modules)', b.largestCycle, a.largestCycle),
    row('Modules in cycles', b.modulesInCycles, a.modulesInCycles),
    row('Private imports', b.privateImports, a.privateImports),
    row('Internal edges', b.edges, a.edges),
    row('Import sites', b.sites, a.sites),
  ];
  if (b.extraction && a.extraction) {
    const [x, y] = [b.extraction, a.extraction];
    rows.push(
      row('Needed private names', x.neededNames, y.neededNames),
      row('Needed sites', x.neededSites, y.neededSites),
      row('Reverse dependencies', x.reverseDependencies, y.reverseDependencies),
      row('Boundary cycles', x.boundaryCycles, y.boundaryCycles),
      row('Sites to cut', x.sitesToCut, y.sitesToCut),
    );
  }
  return rows;
}

const LABEL = 25;

/** `Cycles                         3 -> 2        (-1)`: a figure, marked with its change when it has one. */
export function figureLine(r: FigureRow): string {
  const diff = r.after - r.before;
  const change = diff === 0 ? '' : `(${diff > 0 ? '+' : '-'}${count(Math.abs(diff))})`;
  return `${r.label.padEnd(LABEL)}${count(r.before).padStart(8)} -> ${count(r.after).padEnd(8)}  ${change}`;
}

/**
 * `from -> to  file:line`, the way the cut list names a cut. Longer than `width`, the two
 * modules and the place share it, each cut in the middle (`keras.…image_dataset`, `keras/…/image_dataset.py:30`).
 */
export function cutLabel(c: CutSite, width = Infinity): string {
  const where = `${c.file}:${c.line}`;
  const full = `${c.from} -> ${c.to}  ${where}`;
  if (full.length <= width) return full;
  const [from, to, place] = fitAllMiddle([c.from, c.to, where], width - 6, [12, 12, 16]);
  return `${from} -> ${to}  ${place}`;
}

/** Rows the cut list gets: the body less the focus line, the table, the blank, the list's header, the removed edges and `extra` message lines. */
export const cutListHeight = (ctx: ScreenContext, extra: number): number => Math.max(1, ctx.height - (ctx.component ? 11 : 6) - 5 - extra);

/** The focus, the figures before -> after, the cuts and the edges they remove; or the selected cut's source. */
export function WhatIfView({ state, ctx }: { state: WhatIfState; ctx: ScreenContext }): ReactNode {
  const theme = useTheme();
  const outcome = ctx.data.whatIf(ctx.cuts, ctx.component);
  const selected = Math.max(0, Math.min(state.selected, ctx.cuts.length - 1));
  const unmatched = (c: CutSite) => outcome.unmatched.some((u) => sameCut(u, c));
  if (state.open && ctx.cuts[selected]) return <CutSource cut={ctx.cuts[selected]} unmatched={unmatched(ctx.cuts[selected])} outcome={outcome} ctx={ctx} />;
  const focusModules = ctx.component ? ctx.data.result.components.find((c) => c.name === ctx.component)?.modules ?? 0 : 0;
  const removed = outcome.removedEdges.map((e) => `${e.from} -> ${e.to}${e.external ? ' (external)' : ''}`);
  const notice = state.notice !== null && (state.noticeAt === undefined || state.noticeAt === ctx.cuts.length) ? state.notice : null;
  const extra = (notice ? 1 : 0) + (outcome.unmatched.length ? 1 : 0);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold color={ctx.component ? theme.color('cyan') : undefined}>
        {ctx.component ? `Focus: ${ctx.component} (${plural(focusModules, 'module')})` : 'No focus component: pick one on the Overview (1) with enter; s needs one'}
      </Text>
      {notice && <Text wrap="truncate-end" color={theme.color('yellow')}>{notice}</Text>}
      <Text wrap="truncate-end" bold>{`${'With the cuts'.padEnd(LABEL)}${'before'.padStart(8)} -> after`}</Text>
      {figureRows(outcome).map((r) => (
        <Text key={r.label} wrap="truncate-end" color={r.after < r.before ? theme.color('green') : r.after > r.before ? theme.color('red') : undefined} dimColor={r.after === r.before}>
          {figureLine(r)}
        </Text>
      ))}
      <Text> </Text>
      <Text wrap="truncate-end" bold>{`Cuts (${count(ctx.cuts.length)})${ctx.cuts.length ? '  x/d restore, enter source, c clear' : ''}`}</Text>
      <ScrollList
        selected={selected}
        height={cutListHeight(ctx, extra)}
        empty="  none yet: x cuts a site (Cycles, Private, Path); s loads a suggested cut"
        rows={ctx.cuts.map((c) => (unmatched(c) ? `✂ [no match] ${cutLabel(c, ctx.width - 14)}` : `✂ ${cutLabel(c, ctx.width - 3)}`))}
      />
      <Text wrap="truncate-end">{removed.length ? `Edges removed (${count(removed.length)}): ${removed.join(', ')}` : 'Edges removed: none'}</Text>
      {outcome.unmatched.length > 0 && (
        <Text wrap="truncate-end" color={theme.color('yellow')}>{`${plural(outcome.unmatched.length, 'cut')} matching no import site: listed, not applied`}</Text>
      )}
    </Box>
  );
}

/** The selected cut's import statement in its file, and what cutting it does to its edge. */
function CutSource({ cut, unmatched, outcome, ctx }: { cut: CutSite; unmatched: boolean; outcome: WhatIfOutcome; ctx: ScreenContext }): ReactNode {
  const edge = ctx.data.result.edges.find((e) => e.from === cut.from && e.to === cut.to);
  const gone = outcome.removedEdges.some((e) => e.from === cut.from && e.to === cut.to);
  const left = outcome.result.edges.find((e) => e.from === cut.from && e.to === cut.to)?.sites.length ?? 0;
  const effect = unmatched
    ? 'This cut matches no import site of the analysis: it is listed, not applied.'
    : gone
      ? `With the cuts, this edge disappears: it had ${plural(edge?.sites.length ?? 0, 'site')}.`
      : `With the cuts, this edge keeps ${plural(left, 'other site')}.`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>{`✂ ${cut.from} -> ${cut.to}`}</Text>
      <Text> </Text>
      <SourceSnippet data={ctx.data} file={cut.file} line={cut.line} column={cut.column} context={3} width={ctx.width} />
      <Text> </Text>
      <Text wrap="truncate-end">{effect}</Text>
      <Text wrap="truncate-end" dimColor>esc back, x restore this import</Text>
    </Box>
  );
}
