import { rowCut } from '../components/ChainView.js';
import { moveSelection, type KeyName } from '../keys.js';
import type { Screen } from '../screen.js';
import { candidateHeight, candidates, PathView, pathRows, type PathState } from './path-view.js';

/** Key names that are not typed text (see `keyName`). */
const NAMED = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'backspace', 'tab', 'shift-tab', 'ctrl-c']);

/** Rows a page key moves over the chains. */
const PAGE = 5;

/** Sets the field being edited to `name`, then edits the other field if it is empty, else stops editing (the query runs). */
function accept(state: PathState, name: string): PathState {
  if (state.editing === null) return state;
  const next: PathState = { ...state, [state.editing]: name, query: '', candidate: 0, selected: 0 };
  const other = state.editing === 'from' ? 'to' : 'from';
  return { ...next, editing: next[other] === null ? other : null };
}

/**
 * "Why does A depend on B": the shortest import chain from From to To (`TuiData.why`), hop by
 * hop with every site of each hop's edge, and, when it differs, the shortest chain that runs at
 * import time (no lazy or type-checking hop); the selected site's source below. `f` / `t` (or
 * `/`) edit a field: typed text filters module names (fuzzy), `↑ ↓` choose, `enter` accepts,
 * `esc` cancels, `backspace` deletes. `s` swaps the fields, `x` cuts the selected site, `enter`
 * opens the hop's importing module in the modules screen.
 */
export const path: Screen<PathState> = {
  id: 'path',
  title: 'Path',
  init: () => ({ from: null, to: null, editing: null, query: '', candidate: 0, selected: 0 }),
  capturing: (state) => state.editing !== null,
  keys: [
    { keys: 'f t /', does: 'edit From/To' },
    { keys: 's', does: 'swap' },
    { keys: 'x', does: 'cut site' },
    { keys: 'enter', does: 'open module' },
  ],
  onKey(state, key, ctx) {
    if (state.editing !== null) return { state: editKey(state, key, ctx.data.result.modules.map((m) => m.name), candidateHeight(ctx)) };
    if (key === 'f') return { state: { ...state, editing: 'from', query: '', candidate: 0 } };
    if (key === 't' || key === '/') return { state: { ...state, editing: 'to', query: '', candidate: 0 } };
    if (key === 's') return { state: { ...state, from: state.to, to: state.from, selected: 0 } };
    const rows = pathRows(state, ctx).all;
    const moved = moveSelection(key, state.selected, rows.length, PAGE);
    if (moved !== null) return { state: { ...state, selected: moved } };
    const row = rows[state.selected];
    if (key === 'x' && row) return { state, intent: { kind: 'toggle-cut', cut: rowCut(row) } };
    if (key === 'enter' && row) return { state, intent: { kind: 'goto', screen: 'modules', at: { module: row.from } } };
    return { state, intent: { kind: 'unhandled' } };
  },
  /** `{from, to}` shows that chain; `{from}` (or `{module}`) alone sets From and starts editing To; `{to}` alone edits From. */
  open(state, at) {
    const from = at.from ?? at.module ?? null;
    const to = at.to ?? null;
    if (from === null && to === null) return state;
    return { from, to, editing: from === null ? 'from' : to === null ? 'to' : null, query: '', candidate: 0, selected: 0 };
  },
  View: PathView,
};

/** A key while a field is edited: move among, accept or filter the candidates, or stop editing. */
export function editKey(state: PathState, key: KeyName, names: readonly string[], limit: number): PathState {
  const found = candidates(names, state.query, limit);
  if (key === 'escape') return { ...state, editing: null, query: '', candidate: 0 };
  if (key === 'enter' || key === 'tab') return found.length > 0 ? accept(state, found[Math.min(state.candidate, found.length - 1)]) : state;
  if (key === 'backspace') return { ...state, query: state.query.slice(0, -1), candidate: 0 };
  if (key === 'up' || key === 'down') {
    const candidate = Math.min(Math.max(0, state.candidate + (key === 'up' ? -1 : 1)), Math.max(0, found.length - 1));
    return { ...state, candidate };
  }
  if (NAMED.has(key)) return state;
  const typed = key.replace(/[\u0000-\u001f\u007f]/g, '');
  return typed ? { ...state, query: state.query + typed, candidate: 0 } : state;
}
