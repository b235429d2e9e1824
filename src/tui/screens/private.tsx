import { moveSelection } from '../keys.js';
import type { Screen } from '../screen.js';
import { cutOf, namesOf, privateGroups, privateListHeight, type PrivateState } from './private-model.js';
import { PrivateView } from './private-view.js';

export type { PrivateState };

/**
 * Private imports and the API they need: the private imports grouped by target module
 * (enter), the names imported from a target with the extraction's action for each when a
 * focus component is set (enter), the sites of a name with the source of the selected one,
 * where `x` cuts or restores a site. `esc`/`backspace` goes back a level.
 */
export const privateImports: Screen<PrivateState> = {
  id: 'private',
  title: 'Private',
  init: () => ({ level: 1, group: 0, name: 0, site: 0 }),
  keys: [
    { keys: 'enter', does: 'names / sites' },
    { keys: 'x', does: 'cut / restore site' },
    { keys: 'esc', does: 'back' },
  ],
  onKey(state, key, ctx) {
    const groups = privateGroups(ctx.data.result);
    const group = groups[state.group];
    const names = group ? namesOf(group) : [];
    const sites = names[state.name]?.sites ?? [];
    const page = privateListHeight(ctx, state.level);
    if (state.level === 1) {
      const moved = moveSelection(key, state.group, groups.length, page);
      if (moved !== null) return { state: { ...state, group: moved } };
      if (key === 'enter' && group) return { state: { ...state, level: 2, name: 0, site: 0 } };
      return { state, intent: { kind: 'unhandled' } };
    }
    if (key === 'escape' || key === 'backspace') return { state: { ...state, level: state.level === 3 ? 2 : 1 } };
    if (state.level === 2) {
      const moved = moveSelection(key, state.name, names.length, page);
      if (moved !== null) return { state: { ...state, name: moved } };
      if (key === 'enter' && names.length > 0) return { state: { ...state, level: 3, site: 0 } };
      return { state, intent: { kind: 'unhandled' } };
    }
    const moved = moveSelection(key, state.site, sites.length, page);
    if (moved !== null) return { state: { ...state, site: moved } };
    if (key === 'x' && sites[state.site]) {
      const cut = cutOf(ctx.data.result, sites[state.site]);
      if (cut) return { state, intent: { kind: 'toggle-cut', cut } };
      return { state };
    }
    return { state, intent: { kind: 'unhandled' } };
  },
  View: PrivateView,
};
