import type { Command } from 'commander';
import type { Io } from './shared.js';

/** Placeholder: registers the `presets` command(s). */
export function registerPresets(_program: Command, _io: Io, _setStatus: (status: number) => void): void {}
