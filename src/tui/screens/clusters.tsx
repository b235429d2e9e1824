import { moveSelection } from '../keys.js';
import type { Screen } from '../screen.js';
import { ClustersView, clusterRows, clustersListHeight, type ClustersState } from './clusters-view.js';

export type { ClustersState };

/**
 * The Louvain clusters of `pyseam clusters` (seed 1, packages by owner): the summary, the
 * clusters (`enter` shows one's modules, the ones outside its majority package marked, and its
 * heaviest links, then the isolated modules last), and with `m` the misplaced modules; `enter`
 * on a module opens it on the modules screen. Computed on first display (`ctx.data.clusters()`).
 */
export const clusters: Screen<ClustersState> = {
  id: 'clusters',
  title: 'Clusters',
  init: () => ({ mode: 'list', cluster: 0, member: 0, misplaced: 0 }),
  keys: [
    { keys: 'enter', does: 'open' },
    { keys: 'm', does: 'misplaced / clusters' },
    { keys: 'esc', does: 'back' },
  ],
  onKey(state, key, ctx) {
    const result = ctx.data.clusters();
    const page = clustersListHeight(ctx);
    if (key === 'm') return { state: { ...state, mode: state.mode === 'misplaced' ? 'list' : 'misplaced' } };
    if (state.mode !== 'list' && (key === 'escape' || key === 'backspace')) return { state: { ...state, mode: 'list' } };
    if (state.mode === 'list') {
      const rows = clusterRows(result);
      const moved = moveSelection(key, state.cluster, rows.length, page);
      if (moved !== null) return { state: { ...state, cluster: moved } };
      if (key === 'enter' && rows[state.cluster]) return { state: { ...state, mode: 'cluster', member: 0 } };
      return { state, intent: { kind: 'unhandled' } };
    }
    const names = state.mode === 'misplaced' ? result.misplaced.map((m) => m.module) : (clusterRows(result)[state.cluster]?.modules ?? []);
    const selected = state.mode === 'misplaced' ? state.misplaced : state.member;
    const moved = moveSelection(key, selected, names.length, page);
    if (moved !== null) return { state: state.mode === 'misplaced' ? { ...state, misplaced: moved } : { ...state, member: moved } };
    if (key === 'enter' && names[selected]) return { state, intent: { kind: 'goto', screen: 'modules', at: { module: names[selected] } } };
    return { state, intent: { kind: 'unhandled' } };
  },
  View: ClustersView,
};
