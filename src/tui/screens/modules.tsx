import { moveSelection, type KeyName } from '../keys.js';
import { sameCut, type Intent, type Screen, type ScreenContext } from '../screen.js';
import { detailHeight, edgeCuts, filterModules, listHeight, moduleIndex, neighbours, type ModulesState } from './modules-model.js';
import { ModulesView } from './modules-view.js';

export type { ModulesState };

type Step = { state: ModulesState; intent?: Intent };

/** Named keys (not text) a search box ignores. */
const NAMED = new Set(['left', 'right', 'tab', 'shift-tab', 'home', 'end', 'ctrl-c']);

/**
 * Every module, fuzzy-searchable with `/`; `enter` opens a module's detail (path, kind,
 * component, cluster, cycle, and its imports and importers), where `enter` on a neighbour
 * opens it (`esc` comes back), `x` cuts or restores every site of an edge, and `w` opens the
 * path screen from the module (to the selected neighbour). Other screens open a module with
 * `goto 'modules' {module}`.
 */
export const modules: Screen<ModulesState> = {
  id: 'modules',
  title: 'Modules',
  init: () => ({ selected: 0, query: '', typing: false, stack: [] }),
  capturing: (state) => state.typing,
  keys: [
    { keys: '/', does: 'search' },
    { keys: 'enter', does: 'open' },
    { keys: 'w', does: 'path' },
    { keys: 'x', does: 'cut edge' },
  ],
  onKey(state, key, ctx) {
    if (state.typing) return search(state, key, ctx);
    if (state.stack.length > 0) return detail(state, key, ctx);
    const list = filterModules(ctx.data.result, state.query);
    const moved = moveSelection(key, state.selected, list.length, listHeight(ctx));
    if (moved !== null) return { state: { ...state, selected: moved } };
    const module = list[state.selected];
    if (key === '/') return { state: { ...state, typing: true } };
    if (key === 'enter' && module) return { state: { ...state, stack: [{ module: module.name, selected: 0 }] } };
    if (key === 'w' && module) return { state, intent: { kind: 'goto', screen: 'path', at: { from: module.name } } };
    if ((key === 'escape' || key === 'backspace') && state.query) return { state: { ...state, query: '', selected: 0 } };
    return { state, intent: { kind: 'unhandled' } };
  },
  open(state, at, ctx) {
    const index = moduleIndex(ctx.data.result);
    if (!at.module || !index.byName.has(at.module)) return state;
    const selected = index.sorted.findIndex((m) => m.name === at.module);
    return { selected, query: '', typing: false, stack: [{ module: at.module, selected: 0 }], opened: true };
  },
  View: ModulesView,
};

/** A key while the search box is open: text appends, backspace deletes, enter keeps the filter, esc clears it. */
function search(state: ModulesState, key: KeyName, ctx: ScreenContext): Step {
  const count = filterModules(ctx.data.result, state.query).length;
  if (key === 'escape') return { state: { ...state, query: '', typing: false, selected: 0 } };
  if (key === 'enter') return { state: { ...state, typing: false } };
  if (key === 'backspace') return { state: { ...state, query: state.query.slice(0, -1), selected: 0 } };
  if (['up', 'down', 'pageup', 'pagedown'].includes(key)) {
    return { state: { ...state, selected: moveSelection(key, state.selected, count, listHeight(ctx)) ?? state.selected } };
  }
  if (NAMED.has(key)) return { state };
  return { state: { ...state, query: state.query + key, selected: 0 } };
}

/** A key in a module's detail: move among its edges, open a neighbour, go back, cut an edge, find a path. */
function detail(state: ModulesState, key: KeyName, ctx: ScreenContext): Step {
  const top = state.stack[state.stack.length - 1];
  const rows = neighbours(ctx.data.result, top.module);
  const row = rows[top.selected];
  const replaceTop = (selected: number) => ({ ...state, stack: [...state.stack.slice(0, -1), { ...top, selected }] });
  const moved = moveSelection(key, top.selected, rows.length, detailHeight(ctx));
  if (moved !== null) return { state: replaceTop(moved) };
  if (key === 'escape' || key === 'backspace') {
    const left = { ...state, stack: state.stack.slice(0, -1), opened: state.opened && state.stack.length > 1 };
    return state.opened && state.stack.length === 1 ? { state: left, intent: { kind: 'unhandled' } } : { state: left };
  }
  if (key === 'enter' && row && !row.edge.external) {
    return { state: { ...state, stack: [...state.stack, { module: row.neighbour, selected: 0 }] } };
  }
  if (key === 'w') {
    const to = row && !row.edge.external ? row.neighbour : undefined;
    return { state, intent: { kind: 'goto', screen: 'path', at: to ? { from: top.module, to } : { from: top.module } } };
  }
  if (key === 'x' && row) {
    const cuts = edgeCuts(row.edge);
    const all = cuts.every((c) => ctx.cuts.some((k) => sameCut(k, c)));
    const next = all ? ctx.cuts.filter((k) => !cuts.some((c) => sameCut(k, c))) : [...ctx.cuts, ...cuts.filter((c) => !ctx.cuts.some((k) => sameCut(k, c)))];
    return { state, intent: { kind: 'set-cuts', cuts: next } };
  }
  return { state, intent: { kind: 'unhandled' } };
}
