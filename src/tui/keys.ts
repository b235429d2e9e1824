import type { Key } from 'ink';

/**
 * One key press as the reducers see it: a named key (`up`, `down`, `left`, `right`, `enter`,
 * `escape`, `backspace`, `tab`, `shift-tab`, `pageup`, `pagedown`, `home`, `end`, `ctrl-c`)
 * or the typed text itself (`j`, `/`, `?`, `q`, a pasted string). Plain strings keep the
 * reducers testable without ink.
 */
export type KeyName = string;

/** The name of an ink `useInput` event (ink reports delete for the Backspace key of most terminals). */
export function keyName(input: string, key: Key): KeyName {
  if (key.ctrl && input === 'c') return 'ctrl-c';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.backspace || key.delete) return 'backspace';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  // One character of a string typed faster than a frame, which ink does not name.
  if (input === '\r' || input === '\n') return 'enter';
  if (input === '\t') return 'tab';
  if (input === '\u007f' || input === '\b') return 'backspace';
  if (input === '\u001b') return 'escape';
  return input;
}

/** Moves a selection by a list key (arrows, `j`/`k`, pages, `g`/`G`, home/end); null when the key is not one. */
export function moveSelection(key: KeyName, selected: number, count: number, page: number): number | null {
  const last = Math.max(0, count - 1);
  const clamp = (n: number) => Math.min(last, Math.max(0, n));
  switch (key) {
    case 'up': case 'k': return clamp(selected - 1);
    case 'down': case 'j': return clamp(selected + 1);
    case 'pageup': return clamp(selected - Math.max(1, page));
    case 'pagedown': case ' ': return clamp(selected + Math.max(1, page));
    case 'home': case 'g': return 0;
    case 'end': case 'G': return last;
    default: return null;
  }
}
