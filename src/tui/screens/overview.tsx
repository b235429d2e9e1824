import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { componentTraffic, groupPrivateImports, sortCycles } from '../../report/selectors.js';
import { ScrollList } from '../components/ScrollList.js';
import { count, fitMiddle, longest, packLines, place, plural, shareWidths } from '../format.js';
import { moveSelection } from '../keys.js';
import type { Screen, ScreenContext } from '../screen.js';
import { useTheme } from '../theme.js';

interface OverviewState {
  /** Index into the components list. */
  selected: number;
}

const TOP = 5;

/**
 * The big picture: the summary counts, each component with the edges crossing its boundary
 * (enter makes it the focus of the extraction figures), the largest cycles, the most-imported
 * private modules, and the parse errors.
 */
export const overview: Screen<OverviewState> = {
  id: 'overview',
  title: 'Overview',
  init: (ctx) => ({ selected: Math.max(0, ctx.data.result.components.findIndex((c) => c.name === ctx.component)) }),
  keys: [
    { keys: 'enter', does: 'focus the extraction on a component' },
    { keys: 'c', does: 'cycles' },
    { keys: 'p', does: 'private imports' },
  ],
  onKey(state, key, ctx) {
    const components = ctx.data.result.components;
    const moved = moveSelection(key, state.selected, components.length, listHeight(ctx));
    if (moved !== null) return { state: { selected: moved } };
    if (key === 'enter' && components.length > 0) {
      const name = components[state.selected].name;
      return { state, intent: { kind: 'set-component', component: ctx.component === name ? null : name } };
    }
    if (key === 'c') return { state, intent: { kind: 'goto', screen: 'cycles' } };
    if (key === 'p') return { state, intent: { kind: 'goto', screen: 'private' } };
    return { state, intent: { kind: 'unhandled' } };
  },
  View: OverviewView,
};

/** A piece of a summary line, coloured or not. */
interface Part {
  text: string;
  color?: 'red' | 'green' | 'yellow';
}

/** The summary's second line (cycles, private imports, errors...) and the focus line, each packed into at most 2 lines of `ctx.width`. */
function summaryLines(ctx: ScreenContext): { counts: Part[][]; focus: Part[][] } {
  const s = ctx.data.result.summary;
  const counts: Part[] = [
    { text: `${plural(s.cycles, 'cycle')}${s.cycles ? ` (largest ${count(s.largestCycle)} modules)` : ''}`, color: s.cycles ? 'red' : 'green' },
    { text: plural(s.privateImports, 'private import'), color: s.privateImports ? 'yellow' : 'green' },
    { text: plural(s.parseErrors, 'parse error') },
    { text: plural(s.unresolvedSites, 'unresolved site') },
    { text: plural(s.externalPackages, 'external package') },
  ];
  const focus = ctx.component ? ctx.data.extraction(ctx.component).summary : null;
  const focusParts: Part[] = focus
    ? [
        { text: `Focus ${ctx.component}: needs ${plural(focus.neededNames, 'private name')} (${plural(focus.neededSites, 'site')})` },
        { text: plural(focus.reverseDependencies, 'reverse edge') },
        { text: `${plural(focus.boundaryCycles, 'cycle')} across its boundary` },
      ]
    : [{ text: 'No focus: select a component and press enter to see what its extraction needs' }];
  // One column spare for the trailing comma of a wrapped line.
  return { counts: packLines(counts, ctx.width - 1, 2), focus: packLines(focusParts, ctx.width - 1, 2) };
}

/** Rows left for the components list once the fixed parts are laid out (at least 3); the summary lines wrap first. */
function listHeight(ctx: ScreenContext): number {
  const { counts, focus } = summaryLines(ctx);
  // The first line, blank, header, blank, the two lists (a title and TOP rows), blank and the parse errors take 7 + TOP rows.
  return Math.max(3, ctx.height - TOP - 7 - counts.length - focus.length);
}

/** The component table's columns after the name: modules, edges out, edges in (with their gaps). */
const NUMBERS = 2 + 7 + 2 + 17 + 2 + 16;

function OverviewView({ state, ctx }: { state: OverviewState; ctx: ScreenContext }): ReactNode {
  const theme = useTheme();
  const { result } = ctx.data;
  const s = result.summary;
  const traffic = componentTraffic(result);
  const cycles = sortCycles(result).slice(0, TOP);
  const targets = groupPrivateImports(result).slice(0, TOP);
  const half = Math.floor((ctx.width - 2) / 2);
  // The selection and focus marks take 2 columns; the name gets the rest of the width, 9 at least.
  const [nameWidth] = shareWidths(ctx.width - 2 - NUMBERS, [Math.max(9, longest(traffic.map((c) => c.name)))], [9]);
  const { counts, focus } = summaryLines(ctx);
  const line = (parts: Part[], i: number, all: Part[][]) => (
    <Text key={i} wrap="truncate-end" color={all === focus ? theme.color('cyan') : undefined}>
      {parts.map((p, j) => (
        <Text key={j} color={p.color ? theme.color(p.color) : undefined}>{`${p.text}${j < parts.length - 1 || i < all.length - 1 ? ', ' : ''}`}</Text>
      ))}
    </Text>
  );
  const head = `: ${plural(s.files, 'file')}, ${plural(s.modules, 'module')}, ${plural(s.edges, 'edge')}, ${plural(s.sites, 'import site')}`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>{`${fitMiddle(ctx.data.origin, Math.max(20, ctx.width - head.length))}${head}`}</Text>
      {counts.map((parts, i) => line(parts, i, counts))}
      {focus.map((parts, i) => line(parts, i, focus))}
      <Text> </Text>
      <Text bold wrap="truncate-end">{`  ${'Component'.padEnd(nameWidth)}  ${'modules'.padStart(7)}  ${'edges out (sites)'.padStart(17)}  ${'edges in (sites)'.padStart(16)}`}</Text>
      <ScrollList
        selected={state.selected}
        height={listHeight(ctx)}
        rows={traffic.map((c) => `${c.name === ctx.component ? '*' : ' '}${fitMiddle(c.name, nameWidth).padEnd(nameWidth)}  ${count(c.modules).padStart(7)}  ${`${count(c.edgesOut)} (${count(c.sitesOut)})`.padStart(17)}  ${`${count(c.edgesIn)} (${count(c.sitesIn)})`.padStart(16)}`)}
      />
      <Text> </Text>
      <Box>
        <Box flexDirection="column" width={half}>
          <Text bold>Largest cycles</Text>
          {cycles.length === 0 && <Text color={theme.color('green')}>none</Text>}
          {cycles.map((c) => (
            <Text key={c.modules[0]} wrap="truncate-end">{`${String(c.modules.length).padStart(5)}  ${fitMiddle(c.modules[0], half - 8)}`}</Text>
          ))}
        </Box>
        <Box flexDirection="column" width={ctx.width - half}>
          <Text bold>Most-imported private modules</Text>
          {targets.length === 0 && <Text color={theme.color('green')}>none</Text>}
          {targets.map((g) => (
            <Text key={g.target} wrap="truncate-end">{`${String(g.sites.length).padStart(5)}  ${fitMiddle(g.target, ctx.width - half - 8)}`}</Text>
          ))}
        </Box>
      </Box>
      <Text> </Text>
      <Text wrap="truncate-end" color={result.parseErrors.length ? theme.color('red') : undefined}>
        {result.parseErrors.length === 0
          ? 'Parse errors: none'
          : `Parse errors: ${count(result.parseErrors.length)}, first ${place(result.parseErrors[0])} ${result.parseErrors[0].message}`}
      </Text>
    </Box>
  );
}
