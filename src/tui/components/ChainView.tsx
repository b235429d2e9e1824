import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { CutSite } from '../../extraction-result.js';
import type { ChainHop } from '../../query-result.js';
import type { AnalysisResult, EdgeRecord, HopRecord } from '../../result.js';
import type { TuiData } from '../data.js';
import { fitAllMiddle, fitMiddle, marks, plural } from '../format.js';
import { sameCut } from '../screen.js';
import { useTheme } from '../theme.js';
import { ScrollList } from './ScrollList.js';
import { SourceSnippet } from './SourceSnippet.js';

/** The place and facts of one import site on a chain (a `HopRecord` or a `SiteRecord` has them). */
export interface ChainSite {
  file: string;
  line: number;
  column: number;
  lazy: boolean;
  typeChecking: boolean;
  conditional: boolean;
  dynamic: boolean;
  unresolved?: boolean;
}

/**
 * One row of a chain's hop list: hop number `hop` (`from` imports `to`) at one of its edge's
 * sites. Each hop gives its shown site first (`also` false), then the edge's other sites
 * (`also` true): cutting a hop's edge takes every one of them.
 */
export interface ChainRow {
  hop: number;
  from: string;
  to: string;
  site: ChainSite;
  also: boolean;
  /** Number of sites on the hop's edge. */
  sites: number;
}

const indexes = new WeakMap<AnalysisResult, Map<string, EdgeRecord>>();

/** The internal edge `from -> to` of the result, if any (indexed once per result). */
function internalEdge(result: AnalysisResult, from: string, to: string): EdgeRecord | undefined {
  let index = indexes.get(result);
  if (!index) {
    index = new Map(result.edges.filter((e) => !e.external).map((e) => [`${e.from}\0${e.to}`, e]));
    indexes.set(result, index);
  }
  return index.get(`${from}\0${to}`);
}

const samePlace = (a: ChainSite, b: ChainSite): boolean => a.file === b.file && a.line === b.line && a.column === b.column;

/** The rows of a chain: a cycle's example (`HopRecord`s) or a `why` chain (`ChainHop`s), each hop expanded into its edge's sites. */
export function chainRows(hops: readonly (HopRecord | ChainHop)[], result: AnalysisResult): ChainRow[] {
  return hops.flatMap((h, hop) => {
    const edgeSites = internalEdge(result, h.from, h.to)?.sites ?? [];
    // A cycle's hop carries some of its site's facts only: show the site record itself (with `unresolved`).
    const shown: ChainSite = 'site' in h ? h.site : (edgeSites.find((s) => samePlace(s, h)) ?? h);
    const others = edgeSites.filter((s) => !samePlace(s, shown));
    const sites = others.length + 1;
    return [shown, ...others].map((site, i) => ({ hop, from: h.from, to: h.to, site, also: i > 0, sites }));
  });
}

/** The cut a row stands for: its site on its edge. */
export const rowCut = (row: ChainRow): CutSite => ({ from: row.from, to: row.to, file: row.site.file, line: row.site.line, column: row.site.column });

export const isCut = (row: ChainRow, cuts: readonly CutSite[]): boolean => cuts.some((c) => sameCut(c, rowCut(row)));

/** A file as a hop row names it: its base name, with its directory for an `__init__.py`. */
const shortFile = (file: string): string => {
  const parts = file.split('/');
  return parts.length > 1 && /^__init__\.pyi?$/.test(parts[parts.length - 1]) ? parts.slice(-2).join('/') : parts[parts.length - 1];
};

/**
 * A row's text: `✂` when cut, `-> to  file:line  [lazy] …` for a hop, `also  file:line …` for
 * the edge's other sites. Longer than `width`, the module is cut in the middle to make room.
 */
export function rowText(row: ChainRow, cuts: readonly CutSite[], width = Infinity): string {
  const facts = marks(row.site);
  const rest = `  ${shortFile(row.site.file)}:${row.site.line}${facts ? `  ${facts}` : ''}`;
  const head = row.also ? '     also' : `-> ${fitMiddle(row.to, Math.max(16, width - 5 - rest.length))}`;
  return `${isCut(row, cuts) ? '✂' : ' '} ${head}${rest}`;
}

/**
 * A chain hop by hop: the start module, then one row per site (see `ChainRow`), `height` rows
 * at most (scrolling), so it takes `height + 1` rows. `selected` null shows no selection.
 */
export function ChainView(props: { start: string; rows: ChainRow[]; selected: number | null; height: number; width: number; cuts: readonly CutSite[] }): ReactNode {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold>{`  ${fitMiddle(props.start, props.width - 2)}`}</Text>
      <ScrollList
        rows={props.rows.map((r) => rowText(r, props.cuts, props.width - 1))}
        selected={props.selected ?? 0}
        focused={props.selected !== null}
        height={props.height}
        empty="  (no hops)"
      />
    </Box>
  );
}

/** Rows a `HopSource` takes for a snippet `context`. */
export const hopSourceHeight = (context: number): number => 2 * context + 3;

/**
 * The selected row's hop in full (`from -> to`, its site count, cut or not), then the source
 * lines around its site: `2 * context + 3` rows.
 */
export function HopSource(props: { data: TuiData; row: ChainRow | undefined; cuts: readonly CutSite[]; width: number; context: number }): ReactNode {
  const theme = useTheme();
  const { row } = props;
  if (!row) return <Text dimColor>no hop selected</Text>;
  const cut = isCut(row, props.cuts);
  const note = `  (${plural(row.sites, 'site')} on this edge)`;
  // Both modules cut in the middle when the line is too long, so the note and the cut mark stay.
  const [from, to] = fitAllMiddle([row.from, row.to], props.width - 4 - note.length - (cut ? 6 : 0), [12, 12]);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{`${from} -> ${to}`}</Text>
        {note}
        {cut && <Text color={theme.color('yellow')}> ✂ cut</Text>}
      </Text>
      <SourceSnippet data={props.data} file={row.site.file} line={row.site.line} column={row.site.column} context={props.context} width={props.width} />
    </Box>
  );
}
