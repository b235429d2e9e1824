import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { KeyHelp, ScreenId } from '../screen.js';
import { useTheme } from '../theme.js';

/**
 * The chrome around every screen: one header line of numbered tabs (the current one in
 * inverse), the body, and one footer line with the screen's keys, the cut count and `? help`.
 * Header and footer take exactly one row each, so a body of `rows - 2` fills the terminal.
 */
export function Frame(props: {
  tabs: { id: ScreenId; title: string }[];
  current: ScreenId;
  keys: KeyHelp[];
  cuts: number;
  width: number;
  children: ReactNode;
}): ReactNode {
  const theme = useTheme();
  const footer = ['? help', 'q quit', ...props.keys.map((k) => `${k.keys} ${k.does}`)].join('  ');
  return (
    <Box flexDirection="column" width={props.width}>
      <Box>
        {props.tabs.map((t, i) => (
          <Text key={t.id} inverse={t.id === props.current} color={t.id === props.current ? undefined : theme.color('cyan')}>
            {` ${i + 1} ${t.title} `}
          </Text>
        ))}
      </Box>
      {props.children}
      <Box>
        {props.cuts > 0 && <Text color={theme.color('yellow')}>{`[${props.cuts} cut${props.cuts === 1 ? '' : 's'}] `}</Text>}
        <Text dimColor wrap="truncate-end">{footer}</Text>
      </Box>
    </Box>
  );
}
