import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { ClusterRecord, ClustersResult } from '../../clusters-result.js';
import { clusterPackageOf } from '../../report/selectors.js';
import { ScrollList } from '../components/ScrollList.js';
import { count, fit, fitMiddle, longest, plural, shareWidths } from '../format.js';
import type { ScreenContext } from '../screen.js';
import { moduleIndex, windowRows } from './modules-model.js';

/** Three decimals, never `-0.000` (an ARI of -0.0001 is chance, shown as 0.000). */
const d3 = (x: number): string => (Math.round(x * 1000) / 1000 || 0).toFixed(3);

/**
 * The clusters screen's state: the list of clusters, one cluster's modules, or the misplaced
 * modules, with the selection kept in each.
 */
export interface ClustersState {
  mode: 'list' | 'cluster' | 'misplaced';
  /** Index into `clusterRows` (the clusters, then the isolated modules). */
  cluster: number;
  member: number;
  misplaced: number;
}

/** A row of the clusters list: a cluster, or (`cluster: null`, last) the isolated modules. */
export interface ClusterRow {
  cluster: ClusterRecord | null;
  modules: string[];
}

/** The clusters in their order, then the isolated modules when there are any. */
export function clusterRows(result: ClustersResult): ClusterRow[] {
  const rows: ClusterRow[] = result.clusters.map((c) => ({ cluster: c, modules: c.modules }));
  return result.isolated.length ? [...rows, { cluster: null, modules: result.isolated }] : rows;
}

/** Rows of the lists, once the summary and header lines are laid out. */
export const clustersListHeight = (ctx: ScreenContext): number => Math.max(3, ctx.height - 4);
const share = (x: number): string => `${Math.round(x * 100)}%`;

/** The clusters screen in its current mode (see `clusters`). */
export function ClustersView({ state, ctx }: { state: ClustersState; ctx: ScreenContext }): ReactNode {
  const result = ctx.data.clusters();
  const s = result.summary;
  if (state.mode === 'misplaced') {
    const label = (m: (typeof result.misplaced)[number]): string => `#${m.cluster} (${m.clusterPackage})`;
    // The marks, pull, shares (`100% / 100%`) and the gaps take 2 + 5 + 11 + 4 * 2 = 26 columns; module, package and cluster share the rest.
    const [mw, pw, cw] = shareWidths(
      ctx.width - 26,
      [Math.max(6, longest(result.misplaced.map((m) => m.module))), Math.max(7, longest(result.misplaced.map((m) => m.package))), Math.max(17, longest(result.misplaced.map(label)))],
      [16, 7, 12],
    );
    return (
      <Box flexDirection="column">
        <Text wrap="truncate-end" bold>{`${plural(result.misplaced.length, 'misplaced module')}: in a cluster whose majority package is not their own`}</Text>
        <Text wrap="truncate-end" dimColor>{'pull: sites to its cluster minus to its own package; shares: of all its sites'}</Text>
        <Text wrap="truncate-end" dimColor>{`  ${'module'.padEnd(mw)}  ${'package'.padEnd(pw)}  ${fit('cluster (package)', cw).padEnd(cw)}  ${'pull'.padStart(5)}  shares`}</Text>
        <ScrollList
          selected={state.misplaced}
          height={clustersListHeight(ctx)}
          empty="  no misplaced module: every module sits in a cluster of its own package"
          rows={windowRows(result.misplaced.length, state.misplaced, clustersListHeight(ctx), (i) => { const m = result.misplaced[i]; return ` ${fitMiddle(m.module, mw).padEnd(mw)}  ${fitMiddle(m.package, pw).padEnd(pw)}  ${fitMiddle(label(m), cw).padEnd(cw)}  ${(m.pull > 0 ? `+${m.pull}` : String(m.pull)).padStart(5)}  ${share(m.clusterShare)} / ${share(m.packageShare)}`; })}
        />
      </Box>
    );
  }
  const rows = clusterRows(result);
  const row = rows[state.cluster];
  if (state.mode === 'cluster' && row) return <Members row={row} member={state.member} result={result} ctx={ctx} />;
  // Selection mark, id, size, the two weights and the gaps take 34 columns; the package gets the rest.
  const [pw] = shareWidths(ctx.width - 34, [Math.max(16, longest(result.clusters.map((c) => c.majorityPackage)))], [16]);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>
        {`${plural(s.clusters, 'cluster')} of ${plural(s.modules, 'module')}, ${count(s.isolated)} isolated; modularity ${d3(s.modularity)}, NMI ${d3(s.nmi)}, ARI ${d3(s.ari)}`}
      </Text>
      <Text wrap="truncate-end">{`compared with ${plural(result.agreement.packages, 'package')} (by ${result.options.partition.by}); ${plural(s.misplaced, 'misplaced module')} (m lists them)`}</Text>
      <Text wrap="truncate-end" dimColor>{`   id   size  ${'majority package'.padEnd(pw)}  internal  external (import sites)`}</Text>
      <ScrollList
        selected={state.cluster}
        height={clustersListHeight(ctx)}
        empty="  no clusters: no internal edges"
        rows={windowRows(rows.length, state.cluster, clustersListHeight(ctx), (i) => {
          const c = rows[i].cluster;
          if (!c) return `   -  ${String(rows[i].modules.length).padStart(5)}  isolated (no internal edge)`;
          return `${`#${c.id}`.padStart(4)}  ${String(c.size).padStart(5)}  ${fitMiddle(c.majorityPackage, pw).padEnd(pw)}  ${String(c.internalWeight).padStart(8)}  ${String(c.externalWeight).padStart(8)}`;
        })}
      />
    </Box>
  );
}

function Members({ row, member, result, ctx }: { row: ClusterRow; member: number; result: ClustersResult; ctx: ScreenContext }): ReactNode {
  const byName = moduleIndex(ctx.data.result).byName;
  const packageOf = (name: string): string => {
    const m = byName.get(name);
    return m ? clusterPackageOf(m, result.options.partition) : '?';
  };
  const c = row.cluster;
  // The marks and the gap take 5 columns with the selection mark; the module and its package share the rest.
  const [mw] = shareWidths(ctx.width - 5, [Math.max(6, longest(row.modules)), Math.max(7, longest(row.modules.map(packageOf)))], [16, 8]);
  const links = c ? c.links.slice(0, 8).map((l) => `#${l.cluster} (${count(l.weight)})`).join(', ') : '';
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>
        {c
          ? `Cluster #${c.id}: ${plural(c.size, 'module')}, majority ${c.majorityPackage}; ${c.packages.map((p) => `${p.name} ${p.modules}`).join(', ')}`
          : `Isolated: ${plural(row.modules.length, 'module')} with no internal edge to or from another module`}
      </Text>
      <Text wrap="truncate-end">{c ? `sites internal ${count(c.internalWeight)}, external ${count(c.externalWeight)}; heaviest links (sites): ${links || 'none'}` : ' '}</Text>
      <Text wrap="truncate-end" dimColor>{`   ${'module'.padEnd(mw)}  package${c ? '  (* outside the majority package)' : ''}`}</Text>
      <ScrollList
        selected={member}
        height={clustersListHeight(ctx)}
        rows={windowRows(row.modules.length, member, clustersListHeight(ctx), (i) => {
          const m = row.modules[i];
          const pkg = packageOf(m);
          const odd = c !== null && pkg !== c.majorityPackage;
          return `${odd ? '*' : ' '} ${fitMiddle(m, mw).padEnd(mw)}  ${pkg}`;
        })}
      />
    </Box>
  );
}
