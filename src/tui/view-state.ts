import type { CutSite } from '../extraction-result.js';
import type { KeyName } from './keys.js';
import { sameCut, type AnyScreen, type Intent, type ScreenContext, type ScreenId } from './screen.js';

/** The container's state: which screen is shown, each screen's own state, the cuts and the focus. No analysis data. */
export interface ViewState {
  screen: ScreenId;
  help: boolean;
  quit: boolean;
  screens: Partial<Record<ScreenId, unknown>>;
  cuts: CutSite[];
  component: string | null;
  /** Screens left by a `goto` (most recent last): `esc` at the top of the screen it opened returns there. Tab and digits clear it. */
  back: ScreenId[];
}

/** The keys the container handles itself, listed by `?`. */
export const GLOBAL_KEYS = [
  { keys: 'tab / shift-tab', does: 'next / previous screen' },
  { keys: '1-7', does: 'go to a screen by number' },
  { keys: '↑ ↓  j k', does: 'move the selection' },
  { keys: 'pgup pgdn  g G', does: 'page up / down, first / last' },
  { keys: 'enter', does: 'open the selected item' },
  { keys: 'esc  backspace', does: 'back' },
  { keys: '/', does: 'search (modules screen)' },
  { keys: 'x', does: 'cut / restore the selected import site (what-if)' },
  { keys: '?', does: 'this help (any key closes it)' },
  { keys: 'q  ctrl-c', does: 'quit' },
];

export function initialState(screens: readonly AnyScreen[], ctx: Omit<ScreenContext, 'cuts' | 'component'>, component: string | null): ViewState {
  const full: ScreenContext = { ...ctx, cuts: [], component };
  return { screen: screens[0].id, help: false, quit: false, screens: Object.fromEntries(screens.map((s) => [s.id, s.init(full)])), cuts: [], component, back: [] };
}

/**
 * One key press: the help overlay first, then the current screen (unless it passes the key
 * on), then the global keys. Pure: `ctx` carries the data and the terminal size.
 */
export function reduce(state: ViewState, key: KeyName, screens: readonly AnyScreen[], base: Omit<ScreenContext, 'cuts' | 'component'>): ViewState {
  if (key === 'ctrl-c') return { ...state, quit: true };
  if (state.help) return { ...state, help: false };
  const ctx: ScreenContext = { ...base, cuts: state.cuts, component: state.component };
  const screen = screens.find((s) => s.id === state.screen)!;
  const own = state.screens[screen.id];
  const capturing = screen.capturing?.(own) ?? false;
  if (!capturing) {
    const global = globalKey(state, key, screens);
    if (global) return global;
  }
  const { state: next, intent } = screen.onKey(own, key, ctx);
  const updated = { ...state, screens: { ...state.screens, [screen.id]: next } };
  if (!intent) return updated;
  if (intent.kind === 'unhandled') {
    // esc at the top of a screen another one opened goes back to that one.
    if ((key === 'escape' || key === 'backspace') && !capturing && state.back.length > 0) {
      return { ...updated, screen: state.back[state.back.length - 1], back: state.back.slice(0, -1) };
    }
    return updated;
  }
  return apply(updated, intent, screens, ctx);
}

/** Keys the container takes before the screen: tab, digits, `?`, `q`. */
function globalKey(state: ViewState, key: KeyName, screens: readonly AnyScreen[]): ViewState | null {
  const index = screens.findIndex((s) => s.id === state.screen);
  if (key === 'tab') return { ...state, screen: screens[(index + 1) % screens.length].id, back: [] };
  if (key === 'shift-tab') return { ...state, screen: screens[(index + screens.length - 1) % screens.length].id, back: [] };
  if (/^[1-9]$/.test(key) && Number(key) <= screens.length) return { ...state, screen: screens[Number(key) - 1].id, back: [] };
  if (key === '?') return { ...state, help: true };
  if (key === 'q') return { ...state, quit: true };
  return null;
}

/** Carries out an intent: switch screens (opening the target at a place), change the cuts or the focus. */
export function apply(state: ViewState, intent: Intent, screens: readonly AnyScreen[], ctx: ScreenContext): ViewState {
  switch (intent.kind) {
    case 'goto': {
      const target = screens.find((s) => s.id === intent.screen)!;
      const own = state.screens[target.id];
      const opened = intent.at && target.open ? target.open(own, intent.at, ctx) : own;
      const back = target.id === state.screen ? state.back : [...state.back, state.screen];
      return { ...state, screen: target.id, screens: { ...state.screens, [target.id]: opened }, back };
    }
    case 'toggle-cut': {
      const present = state.cuts.some((c) => sameCut(c, intent.cut));
      return { ...state, cuts: present ? state.cuts.filter((c) => !sameCut(c, intent.cut)) : [...state.cuts, intent.cut] };
    }
    case 'set-cuts':
      return { ...state, cuts: [...intent.cuts] };
    case 'set-component':
      return { ...state, component: intent.component };
    default:
      return state;
  }
}
