import { moveSelection } from '../keys.js';
import { sameCut, type Screen, type ScreenContext } from '../screen.js';
import { cutListHeight, WhatIfView, type WhatIfState } from './what-if-view.js';

/** The selected cut, the selection clamped to the cuts there are now (other screens add and remove cuts). */
const selectedIndex = (state: WhatIfState, ctx: ScreenContext): number => Math.max(0, Math.min(state.selected, ctx.cuts.length - 1));

/**
 * What if the cut import sites were deleted: the focus component, the cuts (from every screen),
 * and the figures before -> after (cycles, private imports, edges, sites, and the focus
 * component's extraction figures), with the edges that disappear and the cuts that match
 * nothing. `s` loads the cut the extraction plan suggests for the focus component's boundary
 * cycles, `c` clears every cut, `x`/`d` restores the selected one, `enter` shows its source.
 */
export const whatIf: Screen<WhatIfState> = {
  id: 'what-if',
  title: 'What-if',
  init: () => ({ selected: 0, open: false, notice: null }),
  keys: [
    { keys: 's', does: 'suggested boundary cut' },
    { keys: 'c', does: 'clear cuts' },
    { keys: 'x d', does: 'restore the cut' },
    { keys: 'enter', does: 'source' },
  ],
  onKey(state, key, ctx) {
    const selected = selectedIndex(state, ctx);
    const cut = ctx.cuts[selected];
    if (state.open) {
      if (key === 'escape' || key === 'backspace' || key === 'enter') return { state: { ...state, open: false } };
      if (key === 'x' || key === 'd') return cut ? { state: { ...state, open: false }, intent: { kind: 'toggle-cut', cut } } : { state };
      return { state, intent: { kind: 'unhandled' } };
    }
    const moved = moveSelection(key, selected, ctx.cuts.length, cutListHeight(ctx, state.notice ? 1 : 0));
    if (moved !== null) return { state: { ...state, selected: moved, notice: null } };
    if (key === 'enter' && cut) return { state: { ...state, selected, open: true, notice: null } };
    if ((key === 'x' || key === 'd') && cut) return { state: { ...state, notice: null }, intent: { kind: 'toggle-cut', cut } };
    if (key === 'c') return { state: { ...state, selected: 0, notice: ctx.cuts.length ? 'cleared every cut' : null, noticeAt: 0 }, intent: { kind: 'set-cuts', cuts: [] } };
    if (key === 's') {
      if (ctx.component === null) return { state: { ...state, notice: 's needs a focus component: pick one on the Overview (1) with enter', noticeAt: ctx.cuts.length } };
      const suggested = ctx.data.extraction(ctx.component).boundaryCycles.cut;
      if (suggested.length === 0) return { state: { ...state, notice: `no cycle crosses the boundary of ${ctx.component}: nothing to cut`, noticeAt: ctx.cuts.length } };
      // Added to the cuts already made, never replacing them.
      const added = suggested.filter((c) => !ctx.cuts.some((d) => sameCut(c, d)));
      const cuts = [...ctx.cuts, ...added];
      const kept = ctx.cuts.length ? `, kept your ${ctx.cuts.length}` : '';
      const notice = `added the suggested cut of ${ctx.component}: ${added.length} of ${suggested.length} site${suggested.length === 1 ? '' : 's'}${kept}`;
      return { state: { ...state, selected: 0, notice, noticeAt: cuts.length }, intent: { kind: 'set-cuts', cuts } };
    }
    return { state, intent: { kind: 'unhandled' } };
  },
  View: WhatIfView,
};
