import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { edgeOfSite, type PrivateImportGroup } from '../../report/selectors.js';
import type { PrivateImportRecord } from '../../result.js';
import { ScrollList } from '../components/ScrollList.js';
import { SourceSnippet } from '../components/SourceSnippet.js';
import { fit, fitMiddle, longest, marks, place, plural, shareWidths } from '../format.js';
import type { ScreenContext } from '../screen.js';
import { useTheme } from '../theme.js';
import { windowRows } from './modules-model.js';
import { actionOf, actionText, cutCount, isCut, namesOf, privateGroups, privateListHeight, shortReason, type NameRow, type PrivateState } from './private-model.js';

/** `✂2` when some of the sites are cut, blank otherwise: the cut mark of a group or a name. */
const cutMark = (n: number): string => (n > 0 ? `✂${n}` : '').padEnd(4);

/** The private-imports screen at its current level (see `privateImports`). */
export function PrivateView({ state, ctx }: { state: PrivateState; ctx: ScreenContext }): ReactNode {
  const groups = privateGroups(ctx.data.result);
  const group = groups[state.group];
  if (state.level === 1 || !group) return <Targets groups={groups} state={state} ctx={ctx} />;
  const names = namesOf(group);
  if (state.level === 2 || !names[state.name]) return <Names group={group} names={names} state={state} ctx={ctx} />;
  return <Sites group={group} row={names[state.name]} state={state} ctx={ctx} />;
}

function Targets({ groups, state, ctx }: { groups: PrivateImportGroup[]; state: PrivateState; ctx: ScreenContext }): ReactNode {
  const theme = useTheme();
  const { result } = ctx.data;
  const suppressed = `${plural(result.suppressed.length, 'suppressed import')} (not counted)`;
  if (groups.length === 0) {
    return (
      <Box flexDirection="column">
        <Text wrap="truncate-end" color={theme.color('green')}>No private imports across components.</Text>
        <Text wrap="truncate-end">{suppressed}</Text>
      </Box>
    );
  }
  const cuts = groups.reduce((n, g) => n + cutCount(ctx, g.sites), 0);
  const reason = (g: PrivateImportGroup): string => [...new Set(g.reasons.map(shortReason))].join('; ');
  // Sites, cut mark, gaps and the selection mark take 18 columns; target, owner and reason share the rest.
  const [tw, ow, rw] = shareWidths(ctx.width - 18, [longest(groups.map((g) => g.target)), Math.max(5, longest(groups.map((g) => g.targetOwner))), longest(groups.map(reason))], [16, 6, 12]);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>
        {`${plural(result.privateImports.length, 'private import')} in ${plural(groups.length, 'target module')}, ${suppressed}${cuts ? `, ${cuts} cut` : ''}`}
      </Text>
      <Text wrap="truncate-end" dimColor>{` ${'sites'.padStart(5)}  cut   ${'target'.padEnd(tw)}  ${'owner'.padEnd(ow)}  reason`}</Text>
      <ScrollList
        selected={state.group}
        height={privateListHeight(ctx, 1)}
        rows={windowRows(groups.length, state.group, privateListHeight(ctx, 1), (i) => { const g = groups[i]; return `${String(g.sites.length).padStart(5)}  ${cutMark(cutCount(ctx, g.sites))}  ${fitMiddle(g.target, tw).padEnd(tw)}  ${fitMiddle(g.targetOwner, ow).padEnd(ow)}  ${fit(reason(g), rw)}`; })}
      />
    </Box>
  );
}

const nameText = (name: string | null): string => name ?? '(the module itself)';

function Names({ group, names, state, ctx }: { group: PrivateImportGroup; names: NameRow[]; state: PrivateState; ctx: ScreenContext }): ReactNode {
  const action = (row: NameRow): string => {
    if (!ctx.component) return '';
    const needed = actionOf(ctx, group.target, row.name);
    return needed ? actionText(needed) : `(not needed by ${ctx.component})`;
  };
  // Sites, cut mark, gaps and the selection mark take 16 columns; the name and the action share the rest.
  const [nw] = shareWidths(ctx.width - 16, [Math.max(4, longest(names.map((n) => nameText(n.name)))), longest(names.map(action))], [12, 12]);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>{`${group.target}  (owner ${group.targetOwner}, ${plural(group.sites.length, 'site')}, imported by ${group.importerOwners.join(', ')})`}</Text>
      <Text wrap="truncate-end">{`reason: ${group.reasons.join('; ')}`}</Text>
      <Text wrap="truncate-end" dimColor>
        {` ${'sites'.padStart(5)}  cut   ${'name'.padEnd(nw)}  ${ctx.component ? `action (extracting ${ctx.component})` : 'focus a component (Overview, enter) to see the actions'}`}
      </Text>
      <ScrollList
        selected={state.name}
        height={privateListHeight(ctx, 2)}
        rows={windowRows(names.length, state.name, privateListHeight(ctx, 2), (i) => { const n = names[i]; return `${String(n.sites.length).padStart(5)}  ${cutMark(cutCount(ctx, n.sites))}  ${fit(nameText(n.name), nw).padEnd(nw)}  ${action(n)}`; })}
      />
    </Box>
  );
}

function Sites({ group, row, state, ctx }: { group: PrivateImportGroup; row: NameRow; state: PrivateState; ctx: ScreenContext }): ReactNode {
  const { result } = ctx.data;
  // The cut mark and the gaps take 7 columns with the selection mark; importer, place and marks share the rest.
  const siteMarks = (s: PrivateImportRecord): string => marks(edgeOfSite(result, s)?.site ?? { ...s, conditional: false });
  const selected = row.sites[state.site];
  const [iw, pw] = shareWidths(ctx.width - 7, [longest(row.sites.map((s) => s.importer)), longest(row.sites.map(place)), longest(row.sites.map(siteMarks))], [16, 16, 0]);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>{`${group.target} › ${nameText(row.name)}  (${plural(row.sites.length, 'site')})`}</Text>
      <Text wrap="truncate-end" dimColor>{'  importer, place, marks; x cuts or restores the selected site'}</Text>
      <ScrollList
        selected={state.site}
        height={privateListHeight(ctx, 3)}
        rows={windowRows(row.sites.length, state.site, privateListHeight(ctx, 3), (i) => { const s = row.sites[i]; return `${isCut(ctx, s) ? '✂' : ' '} ${fitMiddle(s.importer, iw).padEnd(iw)}  ${fitMiddle(place(s), pw).padEnd(pw)}  ${siteMarks(s)}`; })}
      />
      <Text> </Text>
      {selected && <SourceSnippet data={ctx.data} file={selected.file} line={selected.line} column={selected.column} width={ctx.width} />}
    </Box>
  );
}
