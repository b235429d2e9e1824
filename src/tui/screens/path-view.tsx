import fuzzysort from 'fuzzysort';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { ChainHop, WhyResult } from '../../query-result.js';
import { ChainView, chainRows, HopSource, hopSourceHeight, type ChainRow } from '../components/ChainView.js';
import { ScrollList } from '../components/ScrollList.js';
import type { TuiData } from '../data.js';
import { fit, fitMiddle, plural } from '../format.js';
import type { ScreenContext } from '../screen.js';
import { useTheme } from '../theme.js';

/**
 * The path screen's view state: the two ends (null until chosen), the field being edited (then
 * the screen captures every key), its typed filter and chosen candidate, and the selected row
 * over the shortest chain's rows followed by the eager chain's.
 */
export interface PathState {
  from: string | null;
  to: string | null;
  editing: 'from' | 'to' | null;
  query: string;
  candidate: number;
  selected: number;
}

/** Module names matching `query` fuzzily (fuzzysort), best first; every name, in order, for an empty query. */
export function candidates(names: readonly string[], query: string, limit: number): string[] {
  return fuzzysort.go(query, names as string[], { limit, all: true }).map((r) => r.target);
}

/** Candidates shown while editing: the body less the two fields, a blank and the count line. */
export const candidateHeight = (ctx: ScreenContext): number => Math.max(1, ctx.height - 4);

const lastWhy = new WeakMap<TuiData, { key: string; value: WhyResult | Error }>();

/** `data.why(from, to, cuts)`, remembered for the last query (the view and the reducer both ask), or the Error it threw. */
function whyOf(data: TuiData, from: string, to: string, cuts: ScreenContext['cuts']): WhyResult | Error {
  const key = JSON.stringify([from, to, cuts]);
  const last = lastWhy.get(data);
  if (last?.key === key) return last.value;
  let value: WhyResult | Error;
  try {
    value = data.why(from, to, cuts);
  } catch (error) {
    value = error instanceof Error ? error : new Error(String(error));
  }
  lastWhy.set(data, { key, value });
  return value;
}

const sameHops = (a: readonly ChainHop[], b: readonly ChainHop[]): boolean =>
  a.length === b.length && a.every((h, i) => h.from === b[i].from && h.to === b[i].to);

/** The query's answer as rows: the shortest chain's, the eager chain's when it differs (else null), and both in selection order. */
export function pathRows(state: PathState, ctx: ScreenContext): { why: WhyResult | Error | null; chain: ChainRow[]; eager: ChainRow[] | null; all: ChainRow[] } {
  if (state.from === null || state.to === null) return { why: null, chain: [], eager: null, all: [] };
  const why = whyOf(ctx.data, state.from, state.to, ctx.cuts);
  if (why instanceof Error || !why.chain) return { why, chain: [], eager: null, all: [] };
  // With cuts the chain runs on the graph without the cut sites: list the sites that are left.
  const result = ctx.cuts.length > 0 ? ctx.data.whatIf(ctx.cuts, null).result : ctx.data.result;
  const chain = chainRows(why.chain, result);
  const eager = why.eagerChain && !sameHops(why.chain, why.eagerChain) ? chainRows(why.eagerChain, result) : null;
  return { why, chain, eager, all: [...chain, ...(eager ?? [])] };
}

/** Splits `room` rows between two lists of `a` and `b` rows (a list that does not fit needs 2 rows at least). */
function share(room: number, a: number, b: number): [number, number] {
  if (a + b <= room) return [a, b];
  const first = Math.max(Math.min(a, 2), Math.min(a, room - Math.min(b, Math.floor(room / 2))));
  return [first, Math.max(Math.min(b, 2), room - first)];
}

/** The two fields, then the candidates while editing, else the chains and the selected site's source. */
export function PathView({ state, ctx }: { state: PathState; ctx: ScreenContext }): ReactNode {
  const theme = useTheme();
  const field = (name: 'from' | 'to', label: string, key: string) => {
    const editing = state.editing === name;
    // A chosen module cut in the middle leaves room for the hint (the label takes 6 columns, the gap 3).
    const value = editing ? `${state.query}▏` : fitMiddle(state[name] ?? '(none)', Math.max(20, ctx.width - 9 - `${key} to change`.length));
    const hint = editing ? 'type to filter, ↑↓ choose, enter accept, esc cancel' : `${key} to change`;
    return (
      <Text wrap="truncate-end">
        <Text bold>{label}</Text>
        <Text inverse={editing} color={editing ? undefined : theme.color('cyan')}>{value}</Text>
        <Text dimColor>{`   ${hint}`}</Text>
      </Text>
    );
  };
  return (
    <Box flexDirection="column">
      {field('from', 'From  ', 'f')}
      {field('to', 'To    ', 't')}
      <Text> </Text>
      {state.editing !== null ? <Candidates state={state} ctx={ctx} /> : <Answer state={state} ctx={ctx} />}
    </Box>
  );
}

function Candidates({ state, ctx }: { state: PathState; ctx: ScreenContext }): ReactNode {
  const names = ctx.data.result.modules.map((m) => m.name);
  const found = candidates(names, state.query, candidateHeight(ctx));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" dimColor>{`${found.length} of ${plural(names.length, 'module')} shown`}</Text>
      <ScrollList rows={found.map((n) => fitMiddle(n, ctx.width - 1))} selected={Math.min(state.candidate, found.length - 1)} height={candidateHeight(ctx)} empty="  no module matches" />
    </Box>
  );
}

function Answer({ state, ctx }: { state: PathState; ctx: ScreenContext }): ReactNode {
  const theme = useTheme();
  if (state.from === null || state.to === null) return <Text dimColor>Choose both ends: f edits From, t edits To. The answer is the shortest import chain from From to To.</Text>;
  const { why, chain, eager, all } = pathRows(state, ctx);
  if (why instanceof Error) return <Text color={theme.color('red')} wrap="truncate-end">{`Cannot answer: ${why.message}`}</Text>;
  if (!why?.chain) {
    const cuts = ctx.cuts.length ? ` with the ${ctx.cuts.length} cut${ctx.cuts.length === 1 ? '' : 's'} applied (c on What-if clears them)` : '';
    return <Text color={theme.color('green')} wrap="wrap">{`No chain: ${state.to} is not reachable from ${state.from}${cuts}.`}</Text>;
  }
  const context = ctx.height >= 20 ? 2 : 1;
  const sections = eager ? 2 : 1;
  const room = Math.max(2, ctx.height - 3 - 1 - hopSourceHeight(context) - 2 * sections - (why.eagerChain ? 0 : 1));
  const [first, second] = share(room, chain.length, eager?.length ?? 0);
  const pick = (offset: number, length: number) => (state.selected >= offset && state.selected < offset + length ? state.selected - offset : null);
  const runs = why.eagerChain && !eager ? ' (runs at import time)' : '';
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>{`Shortest chain: ${plural(why.chain.length, 'hop')}${runs}`}</Text>
      <ChainView start={state.from} rows={chain} selected={pick(0, chain.length)} height={first} width={ctx.width} cuts={ctx.cuts} />
      {eager && (
        <>
          <Text wrap="truncate-end" bold color={theme.color('cyan')}>{`Shortest chain that runs at import time: ${plural(why.eagerChain!.length, 'hop')}`}</Text>
          <ChainView start={state.from} rows={eager} selected={pick(chain.length, eager.length)} height={second} width={ctx.width} cuts={ctx.cuts} />
        </>
      )}
      {!why.eagerChain && <Text wrap="truncate-end" color={theme.color('yellow')}>{fit('No chain runs at import time: every chain needs a lazy or type-checking import.', ctx.width)}</Text>}
      <Text> </Text>
      <HopSource data={ctx.data} row={all[state.selected]} cuts={ctx.cuts} width={ctx.width} context={context} />
    </Box>
  );
}
