import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { EdgeRecord } from '../../result.js';
import { ScrollList } from '../components/ScrollList.js';
import { fitMiddle, longest, marks, plural, shareWidths } from '../format.js';
import type { ScreenContext } from '../screen.js';
import { useTheme } from '../theme.js';
import { clusterOf, cutSitesOf, detailHeight, filterModules, listHeight, moduleIndex, nameWidth, neighbours, windowRows, type ModulesState } from './modules-model.js';

/** The modules screen: the (filtered) list, or the detail of the last module opened. */
export function ModulesView({ state, ctx }: { state: ModulesState; ctx: ScreenContext }): ReactNode {
  return state.stack.length > 0 ? <Detail state={state} ctx={ctx} /> : <List state={state} ctx={ctx} />;
}

function List({ state, ctx }: { state: ModulesState; ctx: ScreenContext }): ReactNode {
  const theme = useTheme();
  const all = ctx.data.result.modules.length;
  const list = filterModules(ctx.data.result, state.query);
  // The selection mark, the kind and the gaps take 15 columns; the name and the owner share the rest.
  const owners = ctx.data.result.components.map((c) => c.name);
  const [nw, ow] = shareWidths(ctx.width - 15, [nameWidth(list), Math.max(5, longest(owners))], [16, 8]);
  const title = state.typing
    ? `/${state.query}▏  ${list.length} of ${plural(all, 'module')} (enter keeps the filter, esc clears it)`
    : state.query
      ? `filter "${state.query}": ${list.length} of ${plural(all, 'module')} (/ edits, esc clears)`
      : `${plural(all, 'module')} (/ to search)`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold color={state.typing ? theme.color('cyan') : undefined}>{title}</Text>
      <Text wrap="truncate-end" dimColor>{`  ${'name'.padEnd(nw)}  ${'kind'.padEnd(9)}  owner`}</Text>
      <ScrollList
        selected={state.selected}
        height={listHeight(ctx)}
        empty="  no module matches"
        rows={windowRows(list.length, state.selected, listHeight(ctx), (i) => { const m = list[i]; return ` ${fitMiddle(m.name, nw).padEnd(nw)}  ${m.kind.padEnd(9)}  ${fitMiddle(m.owner, ow)}`; })}
      />
    </Box>
  );
}

/** `[lazy]` and the like when every site of the edge has that fact. */
function edgeMarks(edge: EdgeRecord): string {
  const every = (f: (s: EdgeRecord['sites'][number]) => boolean) => edge.sites.length > 0 && edge.sites.every(f);
  return marks({ lazy: every((s) => s.lazy), typeChecking: every((s) => s.typeChecking), conditional: every((s) => s.conditional), dynamic: every((s) => s.dynamic), unresolved: every((s) => s.unresolved) });
}

function Detail({ state, ctx }: { state: ModulesState; ctx: ScreenContext }): ReactNode {
  const { result } = ctx.data;
  const top = state.stack[state.stack.length - 1];
  const module = moduleIndex(result).byName.get(top.module);
  if (!module) return <Text wrap="truncate-end">{`${top.module}: not a module of this result (esc goes back)`}</Text>;
  const clusters = ctx.data.clusters();
  const id = clusterOf(clusters, module.name);
  const cluster = id === null ? null : clusters.clusters.find((c) => c.id === id);
  const cycle = moduleIndex(result).cycleOf.get(module.name);
  const rows = neighbours(result, module.name);
  const internal = rows.filter((r) => r.dir === 'imports' && !r.edge.external).length;
  const external = rows.filter((r) => r.dir === 'imports' && r.edge.external).length;
  const names = rows.map((r) => (r.edge.external ? `${r.neighbour} [external]` : r.neighbour));
  // The cut and direction marks, the site count and the gaps take 20 columns with the selection mark; the name and the marks share the rest.
  const [nw] = shareWidths(ctx.width - 20, [Math.max(6, longest(names)), longest(rows.map((r) => edgeMarks(r.edge)))], [16, 12]);
  const back = state.stack.length > 1 ? `  (esc: back to ${state.stack[state.stack.length - 2].module})` : '  (esc: back to the list)';
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end"><Text bold>{module.name}</Text><Text dimColor>{back}</Text></Text>
      <Text wrap="truncate-end">{`path: ${fitMiddle(module.path, ctx.width - 14 - module.kind.length)}  kind: ${module.kind}`}</Text>
      <Text wrap="truncate-end">
        {`component: ${module.owner}  cluster: ${cluster ? `#${cluster.id} of ${clusters.clusters.length} (${plural(cluster.size, 'module')}, majority ${cluster.majorityPackage})` : 'none (isolated)'}`}
      </Text>
      <Text wrap="truncate-end">
        {cycle ? `in a cycle of ${cycle.modules.length} modules, with ${cycle.modules.filter((m) => m !== module.name).join(', ')}` : 'in no cycle'}
      </Text>
      <Text wrap="truncate-end" dimColor>{`→ imports ${internal} internal + ${external} external, ← imported by ${rows.length - internal - external}`}</Text>
      <ScrollList
        selected={top.selected}
        height={detailHeight(ctx)}
        empty="  no imports and no importers"
        rows={windowRows(rows.length, top.selected, detailHeight(ctx), (i) => {
          const r = rows[i];
          const cut = cutSitesOf(ctx, r.edge);
          const mark = cut === 0 ? '' : cut === r.edge.sites.length ? '✂' : `✂${cut}/${r.edge.sites.length}`;
          const name = r.edge.external ? `${fitMiddle(r.neighbour, nw - 11)} [external]` : fitMiddle(r.neighbour, nw);
          return `${mark.padEnd(5)}${r.dir === 'imports' ? '→' : '←'} ${name.padEnd(nw)}  ${plural(r.edge.sites.length, 'site').padEnd(8)} ${edgeMarks(r.edge)}`;
        })}
      />
    </Box>
  );
}
