import type { Command } from 'commander';
import type { Io } from './shared.js';

/** Placeholder: registers the `queries` command(s). */
export function registerQueries(_program: Command, _io: Io, _setStatus: (status: number) => void): void {}
