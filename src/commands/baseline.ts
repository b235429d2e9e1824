import type { Command } from 'commander';
import { addAnalysisOptions, type AnalysisFlags, type Io } from './options.js';

export interface BaselineFlags extends AnalysisFlags {
  output?: string;
  update?: boolean;
  allowGrowth?: boolean;
}

export const DEFAULT_BASELINE = 'pyseam-baseline.json';

/**
 * `pyseam baseline [PATH]`: records every current violation (private imports, cycles, broken
 * contracts, run as `pyseam check` runs them) in `--output` (default PATH/pyseam-baseline.json).
 * `--update` reads that file first and only removes what was fixed (a ratchet), adding the new
 * violations only with `--allow-growth`. Exit 0; 2 for a missing or invalid file under `--update`.
 * The run, and the `--baseline` gates of analyze and check, are in baseline-run.ts, loaded when needed.
 */
export function registerBaseline(program: Command, io: Io, setStatus: (status: number) => void): void {
  addAnalysisOptions(program.command('baseline')
    .description('Record every current violation (private imports, cycles, broken contracts) in a baseline file, so that --baseline FILE on analyze and check fails only on new ones.'))
    .option('--output <file>', `the baseline file (default: PATH/${DEFAULT_BASELINE})`)
    .option('--update', 'read the baseline file and remove what was fixed; never add new violations (a ratchet)')
    .option('--allow-growth', 'with --update: also add the new violations')
    .action(async (path: string, flags: BaselineFlags) => {
      const { runBaseline } = await import('./baseline-run.js');
      await runBaseline(path, flags, io, setStatus);
    });
}
