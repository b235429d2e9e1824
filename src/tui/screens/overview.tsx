import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { componentTraffic, groupPrivateImports, sortCycles } from '../../report/selectors.js';
import { ScrollList } from '../components/ScrollList.js';
import { count, fit, place, plural } from '../format.js';
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

/** Rows left for the components list once the fixed parts are laid out (at least 3). */
const listHeight = (ctx: ScreenContext): number => Math.max(3, ctx.height - 2 * TOP - 9);

function OverviewView({ state, ctx }: { state: OverviewState; ctx: ScreenContext }): ReactNode {
  const theme = useTheme();
  const { result } = ctx.data;
  const s = result.summary;
  const traffic = componentTraffic(result);
  const cycles = sortCycles(result).slice(0, TOP);
  const targets = groupPrivateImports(result).slice(0, TOP);
  const half = Math.floor((ctx.width - 2) / 2);
  const nameWidth = Math.min(36, Math.max(10, ...traffic.map((c) => c.name.length + 1)));
  const focus = ctx.component ? ctx.data.extraction(ctx.component).summary : null;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>{`${ctx.data.origin}: ${plural(s.files, 'file')}, ${plural(s.modules, 'module')}, ${plural(s.edges, 'edge')}, ${plural(s.sites, 'import site')}`}</Text>
      <Text wrap="truncate-end">
        <Text color={s.cycles ? theme.color('red') : theme.color('green')}>{`${plural(s.cycles, 'cycle')}${s.cycles ? ` (largest ${count(s.largestCycle)} modules)` : ''}`}</Text>
        {', '}
        <Text color={s.privateImports ? theme.color('yellow') : theme.color('green')}>{plural(s.privateImports, 'private import')}</Text>
        {`, ${plural(s.parseErrors, 'parse error')}, ${plural(s.unresolvedSites, 'unresolved site')}, ${plural(s.externalPackages, 'external package')}`}
      </Text>
      <Text wrap="truncate-end" color={theme.color('cyan')}>
        {focus
          ? `Focus ${ctx.component}: needs ${plural(focus.neededNames, 'private name')} (${plural(focus.neededSites, 'site')}), ${plural(focus.reverseDependencies, 'reverse edge')}, ${plural(focus.boundaryCycles, 'cycle')} across its boundary`
          : 'No focus: select a component and press enter to see what its extraction needs'}
      </Text>
      <Text> </Text>
      <Text bold wrap="truncate-end">{`${'Component'.padEnd(nameWidth)}  ${'modules'.padStart(7)}  ${'edges out (sites)'.padStart(17)}  ${'edges in (sites)'.padStart(16)}`}</Text>
      <ScrollList
        selected={state.selected}
        height={listHeight(ctx)}
        rows={traffic.map((c) => `${c.name === ctx.component ? '*' : ' '}${fit(c.name, nameWidth - 1).padEnd(nameWidth - 1)}  ${count(c.modules).padStart(7)}  ${`${count(c.edgesOut)} (${count(c.sitesOut)})`.padStart(17)}  ${`${count(c.edgesIn)} (${count(c.sitesIn)})`.padStart(16)}`)}
      />
      <Text> </Text>
      <Box>
        <Box flexDirection="column" width={half}>
          <Text bold>Largest cycles</Text>
          {cycles.length === 0 && <Text color={theme.color('green')}>none</Text>}
          {cycles.map((c) => (
            <Text key={c.modules[0]} wrap="truncate-end">{`${String(c.modules.length).padStart(5)}  ${c.modules[0]}`}</Text>
          ))}
        </Box>
        <Box flexDirection="column" width={ctx.width - half}>
          <Text bold>Most-imported private modules</Text>
          {targets.length === 0 && <Text color={theme.color('green')}>none</Text>}
          {targets.map((g) => (
            <Text key={g.target} wrap="truncate-end">{`${String(g.sites.length).padStart(5)}  ${g.target}`}</Text>
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
