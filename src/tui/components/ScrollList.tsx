import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

/** The first visible row of a list of `count` rows scrolled so `selected` shows, near the middle once the list is longer than `height`. */
export function windowStart(selected: number, count: number, height: number): number {
  if (count <= height) return 0;
  return Math.min(Math.max(0, selected - Math.floor(height / 2)), count - height);
}

/**
 * A list that shows `height` rows around the selection, the selected row in inverse video, and
 * a `n/N` position on the last row when it does not all fit. Each row is one line, cut to width.
 */
export function ScrollList(props: { rows: ReactNode[]; selected: number; height: number; empty?: string; focused?: boolean }): ReactNode {
  const { rows, selected, focused = true } = props;
  if (rows.length === 0) return <Text dimColor>{props.empty ?? '(nothing)'}</Text>;
  // The `n/N` line needs a spare row: below 3 rows the position is left out.
  const fits = rows.length <= props.height || props.height < 3;
  const height = Math.max(1, fits ? props.height : props.height - 1);
  const start = windowStart(selected, rows.length, height);
  return (
    <Box flexDirection="column">
      {rows.slice(start, start + height).map((row, i) => (
        <Text key={start + i} wrap="truncate-end" inverse={focused && start + i === selected}>
          {focused && start + i === selected ? '›' : ' '}
          {row}
        </Text>
      ))}
      {!fits && <Text dimColor>{`  ${selected + 1}/${rows.length}`}</Text>}
    </Box>
  );
}
