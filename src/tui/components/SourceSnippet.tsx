import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { TuiData } from '../data.js';
import { fit, fitMiddle } from '../format.js';
import { useTheme } from '../theme.js';

/**
 * The lines of `file` around `line` (`context` before and after, 1-based line numbers in a
 * gutter), the import line marked `>` and in bold: how a hop or a site reads in the source.
 * Shows a one-line notice when the file cannot be read (a saved report opened elsewhere).
 * Takes `2 * context + 2` rows: a header with the place, then the lines.
 */
export function SourceSnippet(props: { data: TuiData; file: string; line: number; column?: number; context?: number; width: number }): ReactNode {
  const theme = useTheme();
  const context = props.context ?? 2;
  const lines = props.data.sourceLines(props.file);
  const header = fitMiddle(`${props.file}:${props.line}${props.column ? `:${props.column}` : ''}`, props.width);
  if (!lines) {
    return (
      <Box flexDirection="column">
        <Text wrap="truncate-end" dimColor>{`${header}  (source not available)`}</Text>
      </Box>
    );
  }
  const first = Math.max(1, props.line - context);
  const last = Math.min(lines.length, props.line + context);
  const gutter = String(last).length;
  const rows: ReactNode[] = [];
  for (let n = first; n <= last; n++) {
    const text = fit(`${n === props.line ? '>' : ' '} ${String(n).padStart(gutter)} │ ${lines[n - 1].replace(/\t/g, '    ')}`, props.width);
    rows.push(
      <Text key={n} wrap="truncate-end" bold={n === props.line} color={n === props.line ? theme.color('yellow') : undefined} dimColor={n !== props.line}>
        {text}
      </Text>,
    );
  }
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" color={theme.color('cyan')}>{header}</Text>
      {rows}
    </Box>
  );
}
