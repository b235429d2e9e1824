import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { KeyHelp, ScreenId } from '../screen.js';
import { useTheme } from '../theme.js';

/**
 * The footer's keys in `width` columns, by priority: the screen's keys as listed, then
 * `q quit`, as many whole ones as fit, and `? help` always last (it lists every key), never
 * cut. While a screen takes text (`typing`) `?` and `q` are typed: neither is offered.
 */
export function footerKeys(keys: readonly KeyHelp[], width: number, typing = false): string {
  const items = [...keys.map((k) => `${k.keys} ${k.does}`), ...(typing ? [] : ['q quit'])];
  const last = typing ? [] : ['? help'];
  const shown: string[] = [];
  for (const item of items) {
    if ([...shown, item, ...last].join('  ').length > width) break;
    shown.push(item);
  }
  return [...shown, ...last].join('  ');
}

/**
 * The chrome around every screen: one header line of numbered tabs (the current one in
 * inverse), the body, and one footer line with the cut count and the keys (`footerKeys`).
 * Header and footer take exactly one row each, so a body of `rows - 2` fills the terminal.
 */
export function Frame(props: {
  tabs: { id: ScreenId; title: string }[];
  current: ScreenId;
  keys: KeyHelp[];
  cuts: number;
  /** A screen takes text: `?` and `q` are typed, so they are not offered. */
  typing?: boolean;
  width: number;
  children: ReactNode;
}): ReactNode {
  const theme = useTheme();
  const cuts = props.cuts > 0 ? `[${props.cuts} cut${props.cuts === 1 ? '' : 's'}]` : '';
  const footer = footerKeys(props.keys, props.width - (cuts ? cuts.length + 2 : 0), props.typing);
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
        {props.cuts > 0 && (
          <Box marginRight={2} flexShrink={0}>
            <Text color={theme.color('yellow')}>{cuts}</Text>
          </Box>
        )}
        <Text dimColor wrap="truncate-end">{footer}</Text>
      </Box>
    </Box>
  );
}
