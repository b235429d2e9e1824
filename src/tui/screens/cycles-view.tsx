import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { ownerCounts, sortCycles } from '../../report/selectors.js';
import type { AnalysisResult, CycleRecord } from '../../result.js';
import { ChainView, chainRows, HopSource, hopSourceHeight, type ChainRow } from '../components/ChainView.js';
import { ScrollList } from '../components/ScrollList.js';
import { count, fit, fitMiddle, longest, marks, plural, shareWidths } from '../format.js';
import type { ScreenContext } from '../screen.js';
import { useTheme } from '../theme.js';

/**
 * The cycles screen's view state: the list of cycles, or one cycle opened (`open`) showing its
 * example chain or its modules (`mode`), with `row` selected in that list.
 */
export interface CyclesState {
  /** Index into `sortCycles(result)`. */
  selected: number;
  open: boolean;
  mode: 'chain' | 'modules';
  row: number;
}

/** Rows the cycles list gets: the body less its two header rows. */
export const cycleListHeight = (ctx: ScreenContext): number => Math.max(1, ctx.height - 2);

/** Rows the open cycle's hop or module list gets: the body less the title, start line, blank and the hop's source. */
export const detailListHeight = (ctx: ScreenContext): number => Math.max(2, ctx.height - 3 - hopSourceHeight(snippetContext(ctx)));

/** Lines of source shown either side of the selected hop's import line. */
export const snippetContext = (ctx: ScreenContext): number => (ctx.height >= 20 ? 2 : 1);

/** The opened cycle and the rows of its example chain (`chainRows`: every site of each hop). */
export function openedCycle(state: CyclesState, ctx: ScreenContext): { cycle: CycleRecord | undefined; rows: ChainRow[] } {
  const cycle = sortCycles(ctx.data.result)[state.selected];
  return { cycle, rows: cycle ? chainRows(cycle.example, ctx.data.result) : [] };
}

/** `kerasish 1 + tensorflux 1`: how many of the cycle's modules each component holds. */
const owners = (result: AnalysisResult, cycle: CycleRecord): string =>
  ownerCounts(result, cycle.modules).map((o) => `${o.owner} ${count(o.modules)}`).join(' + ');

/** The marks of the example's hops that do not run at import time (`[lazy]`, `[type-checking]`), deduplicated. */
const lateMarks = (cycle: CycleRecord): string =>
  [...new Set(cycle.example.filter((h) => h.lazy || h.typeChecking).map((h) => marks({ ...h, conditional: false, dynamic: false })))].join(' ');

/** The cycles list, or the opened cycle (its example chain with the selected hop's source, or its modules). */
export function CyclesView({ state, ctx }: { state: CyclesState; ctx: ScreenContext }): ReactNode {
  return state.open ? <CycleDetail state={state} ctx={ctx} /> : <CycleList state={state} ctx={ctx} />;
}

function CycleList({ state, ctx }: { state: CyclesState; ctx: ScreenContext }): ReactNode {
  const theme = useTheme();
  const { result } = ctx.data;
  const list = sortCycles(result);
  if (list.length === 0) return <Text color={theme.color('green')}>No cycles: the internal import graph has no strongly connected component.</Text>;
  // The size, the cut mark and the gaps take 11 columns with the selection mark; the first module and the owners share the rest.
  const tails = list.map((c) => {
    const late = lateMarks(c);
    return `${owners(result, c)}${late ? `  (${late} hop)` : ''}`;
  });
  const [nameWidth, tailWidth] = shareWidths(ctx.width - 11, [Math.max(12, longest(list.map((c) => c.modules[0]))), longest(tails)], [12, 20]);
  const rows = list.map((c, i) => {
    const cut = ctx.cuts.some((k) => c.modules.includes(k.from) && c.modules.includes(k.to)) ? '✂' : ' ';
    return `${count(c.modules.length).padStart(5)} ${cut} ${fitMiddle(c.modules[0], nameWidth).padEnd(nameWidth)}  ${fit(tails[i], tailWidth)}`;
  });
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>{`${plural(list.length, 'cycle')} (strongly connected components), largest first; enter opens one`}</Text>
      <Text wrap="truncate-end" dimColor>{` ${'size'.padStart(5)}   ${'first module'.padEnd(nameWidth)}  modules per component`}</Text>
      <ScrollList rows={rows} selected={state.selected} height={cycleListHeight(ctx)} />
    </Box>
  );
}

function CycleDetail({ state, ctx }: { state: CyclesState; ctx: ScreenContext }): ReactNode {
  const theme = useTheme();
  const { result } = ctx.data;
  const { cycle, rows } = openedCycle(state, ctx);
  if (!cycle) return <Text>No such cycle.</Text>;
  const title = `Cycle ${state.selected + 1} of ${result.cycles.length}: ${plural(cycle.modules.length, 'module')}, ${owners(result, cycle)}`;
  const height = detailListHeight(ctx);
  if (state.mode === 'modules') {
    const ownerOf = new Map(result.modules.map((m) => [m.name, m.owner]));
    const [width] = shareWidths(ctx.width - 3, [longest(cycle.modules), longest(cycle.modules.map((m) => ownerOf.get(m) ?? '?'))], [12, 8]);
    return (
      <Box flexDirection="column">
        <Text wrap="truncate-end" bold>{`${title} · its modules (m: example chain, enter: open module)`}</Text>
        <ScrollList
          rows={cycle.modules.map((m) => `${fitMiddle(m, width).padEnd(width)}  ${ownerOf.get(m) ?? '?'}`)}
          selected={state.row}
          height={Math.max(1, ctx.height - 1)}
        />
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{title}</Text>
        <Text color={theme.color('cyan')}>{` · example chain of ${plural(cycle.example.length, 'hop')} (m: modules)`}</Text>
      </Text>
      <ChainView start={cycle.example[0]?.from ?? cycle.modules[0]} rows={rows} selected={state.row} height={Math.min(rows.length, height)} width={ctx.width} cuts={ctx.cuts} />
      <Text> </Text>
      <HopSource data={ctx.data} row={rows[state.row]} cuts={ctx.cuts} width={ctx.width} context={snippetContext(ctx)} />
    </Box>
  );
}
