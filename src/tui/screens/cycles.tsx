import { sortCycles } from '../../report/selectors.js';
import { rowCut } from '../components/ChainView.js';
import { moveSelection } from '../keys.js';
import type { Screen } from '../screen.js';
import { cycleListHeight, CyclesView, detailListHeight, openedCycle, type CyclesState } from './cycles-view.js';

/**
 * Strongly connected components, largest first, each with the components its modules belong
 * to. `enter` opens one: its example cycle hop by hop (every site of each hop's edge, lazy and
 * type-checking ones marked) with the source of the selected site; `x` cuts that site, `w` asks
 * the path screen why the hop's target imports its source back; `m` lists the cycle's modules
 * instead, and `enter` on one opens it in the modules screen. `esc` goes back to the list.
 */
export const cycles: Screen<CyclesState> = {
  id: 'cycles',
  title: 'Cycles',
  init: () => ({ selected: 0, open: false, mode: 'chain', row: 0 }),
  keys: [
    { keys: 'enter', does: 'open a cycle / a module' },
    { keys: 'm', does: 'example chain / modules' },
    { keys: 'x', does: 'cut the hop' },
    { keys: 'w', does: 'why it closes (path)' },
  ],
  onKey(state, key, ctx) {
    if (!state.open) {
      const count = ctx.data.result.cycles.length;
      const moved = moveSelection(key, state.selected, count, cycleListHeight(ctx));
      if (moved !== null) return { state: { ...state, selected: moved } };
      if (key === 'enter' && count > 0) return { state: { ...state, open: true, mode: 'chain', row: 0 } };
      return { state, intent: { kind: 'unhandled' } };
    }
    const { cycle, rows } = openedCycle(state, ctx);
    const modules = cycle?.modules ?? [];
    const length = state.mode === 'chain' ? rows.length : modules.length;
    const moved = moveSelection(key, state.row, length, detailListHeight(ctx));
    if (moved !== null) return { state: { ...state, row: moved } };
    if (key === 'escape' || key === 'backspace') return { state: { ...state, open: false } };
    if (key === 'm') return { state: { ...state, mode: state.mode === 'chain' ? 'modules' : 'chain', row: 0 } };
    if (state.mode === 'modules') {
      if (key === 'enter' && modules[state.row]) return { state, intent: { kind: 'goto', screen: 'modules', at: { module: modules[state.row] } } };
      return { state, intent: { kind: 'unhandled' } };
    }
    const row = rows[state.row];
    if (!row) return { state, intent: { kind: 'unhandled' } };
    if (key === 'x') return { state, intent: { kind: 'toggle-cut', cut: rowCut(row) } };
    if (key === 'w') return { state, intent: { kind: 'goto', screen: 'path', at: { from: row.to, to: row.from } } };
    if (key === 'enter') return { state, intent: { kind: 'goto', screen: 'modules', at: { module: row.from } } };
    return { state, intent: { kind: 'unhandled' } };
  },
  /** `{module}` opens the cycle holding that module (its modules listed, the module selected); the list otherwise. */
  open(state, at, ctx) {
    if (!at.module) return state;
    const list = sortCycles(ctx.data.result);
    const selected = list.findIndex((c) => c.modules.includes(at.module!));
    if (selected < 0) return { ...state, open: false };
    return { selected, open: true, mode: 'modules', row: list[selected].modules.indexOf(at.module) };
  },
  View: CyclesView,
};
