import type { Command } from 'commander';
import type { Io } from './shared.js';

/** Placeholder: registers the `check` command(s). */
export function registerCheck(_program: Command, _io: Io, _setStatus: (status: number) => void): void {}
