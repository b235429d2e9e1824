import { Text } from 'ink';
import type { Screen, ScreenId } from '../screen.js';

/** A screen not built yet (used while the screens are written). */
export function placeholder(id: ScreenId, title: string): Screen<null> {
  return {
    id, title, keys: [], init: () => null,
    onKey: (state) => ({ state, intent: { kind: 'unhandled' } }),
    View: () => <Text>{title}: not built yet</Text>,
  };
}
