/**
 * The contract every screen of the terminal UI follows. A screen is a pure reducer over its
 * own view state (selection, drill-down, search text) plus a presentational component: the
 * container (`App.tsx`) owns the states, routes keys, and carries out the intents a screen
 * returns. Keeping key handling pure makes every key path testable without ink.
 */
import type { ReactNode } from 'react';
import type { CutSite } from '../extraction-result.js';
import type { TuiData } from './data.js';
import type { KeyName } from './keys.js';

export type ScreenId = 'overview' | 'cycles' | 'private' | 'modules' | 'path' | 'clusters' | 'what-if';

/** What a screen sees besides its own state: the data, the shared cuts and focus, and the terminal size. */
export interface ScreenContext {
  data: TuiData;
  /** Import sites marked as cut (what-if), shared by every screen. */
  cuts: readonly CutSite[];
  /** The component the extraction figures are about, or null. */
  component: string | null;
  /** Terminal columns and the rows the screen's body may use (header and footer excluded). */
  width: number;
  height: number;
}

/** Where to open a screen: a module to select (modules), or the two ends of a path. */
export interface Goto {
  module?: string;
  from?: string;
  to?: string;
}

/** What a key asks of the container besides the screen's own state. */
export type Intent =
  | { kind: 'goto'; screen: ScreenId; at?: Goto }
  /** Marks the site as cut, or un-marks it when it is already cut. */
  | { kind: 'toggle-cut'; cut: CutSite }
  | { kind: 'set-cuts'; cuts: CutSite[] }
  | { kind: 'set-component'; component: string | null }
  /** Pass the key on to the container's global keys (the screen did not use it). */
  | { kind: 'unhandled' };

export interface KeyHelp {
  keys: string;
  does: string;
}

export interface Screen<S> {
  id: ScreenId;
  /** Short title for the tab bar (at most 9 characters so seven tabs fit in 80 columns). */
  title: string;
  init(ctx: ScreenContext): S;
  /** True while the screen takes text (a search box): every key then goes to `onKey`, even `q`, `tab` and `?`. */
  capturing?(state: S): boolean;
  /** Handles one key. Returning intent `unhandled` lets the container use it (`esc` at the top level, `q`, `tab`...). */
  onKey(state: S, key: KeyName, ctx: ScreenContext): { state: S; intent?: Intent };
  /** Opens the screen at a place (from another screen's `goto`). */
  open?(state: S, at: Goto, ctx: ScreenContext): S;
  /** The screen's own keys, for `?` and the footer (global keys are listed by the container). */
  keys: KeyHelp[];
  View(props: { state: S; ctx: ScreenContext }): ReactNode;
}

/** A screen of any state, as the container holds them. */
export type AnyScreen = Screen<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The same cut: the same site on the same edge. */
export const sameCut = (a: CutSite, b: CutSite): boolean =>
  a.from === b.from && a.to === b.to && a.file === b.file && a.line === b.line && a.column === b.column;
