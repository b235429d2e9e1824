import { createContext, useContext } from 'react';

/**
 * Colours of the UI, or none: under `NO_COLOR` (https://no-color.org) every colour is
 * undefined and the screens rely on inverse, bold and text marks alone.
 */
export interface Theme {
  /** A colour name for ink's `<Text color>`, or undefined when colour is off. */
  color(name: 'red' | 'yellow' | 'green' | 'cyan' | 'magenta' | 'gray' | 'blue'): string | undefined;
}

export const themeFor = (colour: boolean): Theme => ({ color: (name) => (colour ? name : undefined) });

/** Colour is on unless NO_COLOR is set to anything non-empty. */
export const colourFromEnv = (env: NodeJS.ProcessEnv = process.env): boolean => !env.NO_COLOR;

export const ThemeContext = createContext<Theme>(themeFor(false));
export const useTheme = (): Theme => useContext(ThemeContext);
