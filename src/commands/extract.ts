import type { Command } from 'commander';
import type { Io } from './shared.js';

/** Placeholder: registers the `extract` command(s). */
export function registerExtract(_program: Command, _io: Io, _setStatus: (status: number) => void): void {}
