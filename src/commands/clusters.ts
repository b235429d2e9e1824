import type { Command } from 'commander';
import type { Io } from './shared.js';

/** Placeholder: registers the `clusters` command(s). */
export function registerClusters(_program: Command, _io: Io, _setStatus: (status: number) => void): void {}
