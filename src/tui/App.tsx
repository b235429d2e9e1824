import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { Frame } from './components/Frame.js';
import type { TuiData } from './data.js';
import { keyName, type KeyName } from './keys.js';
import type { AnyScreen } from './screen.js';
import { SCREENS } from './screens/index.js';
import { ThemeContext, themeFor } from './theme.js';
import { GLOBAL_KEYS, initialState, reduce, type ViewState } from './view-state.js';

/** The smallest terminal the screens are laid out for; smaller ones still render, clipped. */
export const MIN_SIZE = { columns: 80, rows: 24 };

/** The terminal's size, followed on resize (ink re-renders on its own; this re-lays out). */
function useTerminalSize(fixed?: { columns: number; rows: number }): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => fixed ?? { columns: stdout.columns || MIN_SIZE.columns, rows: stdout.rows || MIN_SIZE.rows };
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  }, [stdout, fixed]); // eslint-disable-line react-hooks/exhaustive-deps
  return size;
}

/**
 * `pyseam tui`: the container. It holds the view state (which screen, each screen's
 * selection, the cuts, the focus component) in one reducer, turns key presses into
 * `reduce` calls, and renders the current screen inside the frame. Everything it shows
 * comes from `data`; it computes nothing itself.
 */
export function App(props: { data: TuiData; colour?: boolean; size?: { columns: number; rows: number }; screens?: readonly AnyScreen[] }): ReactNode {
  const screens = props.screens ?? SCREENS;
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(props.size);
  const base = { data: props.data, width: columns, height: Math.max(3, rows - 2) };
  const [state, dispatch] = useReducer(
    (s: ViewState, key: KeyName) => reduce(s, key, screens, base),
    undefined,
    () => initialState(screens, base, props.data.initialComponent),
  );
  useInput((input, key) => dispatch(keyName(input, key)));
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  const theme = useMemo(() => themeFor(props.colour ?? false), [props.colour]);

  const screen = screens.find((s) => s.id === state.screen)!;
  const ctx = { ...base, cuts: state.cuts, component: state.component };
  return (
    <ThemeContext.Provider value={theme}>
      <Frame tabs={screens.map((s) => ({ id: s.id, title: s.title }))} current={screen.id} keys={screen.keys} cuts={state.cuts.length} width={columns}>
        <Box height={base.height} flexDirection="column" overflow="hidden">
          {state.help ? <Help screen={screen} /> : <screen.View state={state.screens[screen.id]} ctx={ctx} />}
        </Box>
      </Frame>
    </ThemeContext.Provider>
  );
}

function Help({ screen }: { screen: AnyScreen }): ReactNode {
  const rows = [...GLOBAL_KEYS, ...screen.keys];
  const width = Math.max(...rows.map((r) => r.keys.length)) + 2;
  return (
    <Box flexDirection="column">
      <Text bold>Keys ({screen.title} screen)</Text>
      {rows.map((r) => (
        <Text key={`${r.keys}-${r.does}`} wrap="truncate-end">{`  ${r.keys.padEnd(width)}${r.does}`}</Text>
      ))}
    </Box>
  );
}
