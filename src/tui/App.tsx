import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { Frame } from './components/Frame.js';
import type { TuiData } from './data.js';
import { keyName, type KeyName } from './keys.js';
import type { AnyScreen } from './screen.js';
import { SCREENS } from './screens/index.js';
import { ThemeContext, themeFor } from './theme.js';
import { GLOBAL_KEYS, initialState, reduce, type ViewState } from './view-state.js';

/** The footer while a screen takes text: every key goes to the text box. */
const TYPING_KEYS = [{ keys: 'enter', does: 'accept' }, { keys: 'esc', does: 'cancel' }, { keys: '↑ ↓', does: 'choose' }];

/** The smallest terminal the screens are laid out for; a smaller one shows `TooSmall` until it is resized. */
export const MIN_SIZE = { columns: 80, rows: 24 };

/** Whether a terminal of this size is below `MIN_SIZE`. */
export const tooSmall = (size: { columns: number; rows: number }): boolean => size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows;

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
  // A fixed size (tests) is followed too, so a re-render with another size lays out again.
  return fixed ?? size;
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
  // One row is left free: ink clears the whole terminal on every frame as tall as the terminal.
  const base = { data: props.data, width: columns, height: Math.max(3, rows - 3) };
  const [state, dispatch] = useReducer(
    (s: ViewState, key: KeyName) => reduce(s, key, screens, base),
    undefined,
    () => initialState(screens, base, props.data.initialComponent),
  );
  const small = tooSmall({ columns, rows });
  useInput((input, key) => {
    // Below the smallest size nothing is shown to act on: only quitting works.
    if (small) {
      const k = keyName(input, key);
      if (k === 'q' || k === 'ctrl-c') dispatch(k);
      return;
    }
    // Text typed faster than a frame (or pasted) arrives as one string: one key per character.
    const plain = input.length > 1 && !key.ctrl && !key.meta && !input.includes('\u001b');
    for (const k of plain ? [...input].map((c) => keyName(c, key)) : [keyName(input, key)]) dispatch(k);
  });
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  const theme = useMemo(() => themeFor(props.colour ?? false), [props.colour]);

  const screen = screens.find((s) => s.id === state.screen)!;
  const typing = screen.capturing?.(state.screens[screen.id]) ?? false;
  const ctx = { ...base, cuts: state.cuts, component: state.component };
  if (small) return <TooSmall columns={columns} rows={rows} />;
  return (
    <ThemeContext.Provider value={theme}>
      <Frame tabs={screens.map((s) => ({ id: s.id, title: s.title }))} current={screen.id} keys={typing ? TYPING_KEYS : screen.keys} typing={typing} cuts={state.cuts.length} width={columns}>
        <Box height={base.height} flexDirection="column" overflow="hidden">
          {state.help ? <Help screen={screen} /> : <screen.View state={state.screens[screen.id]} ctx={ctx} />}
        </Box>
      </Frame>
    </ThemeContext.Provider>
  );
}

/** The one screen a terminal below `MIN_SIZE` gets, each line cut to its width; the app comes back once it is resized. */
function TooSmall({ columns, rows }: { columns: number; rows: number }): ReactNode {
  const lines = [`pyseam tui needs at least ${MIN_SIZE.columns}x${MIN_SIZE.rows}; this terminal is ${columns}x${rows}`, 'Resize it to go on, or press q to quit.'];
  return (
    <Box flexDirection="column" width={columns}>
      {lines.slice(0, Math.max(1, rows - 1)).map((l) => (
        <Text key={l} wrap="wrap">{l}</Text>
      ))}
    </Box>
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
