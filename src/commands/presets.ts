import { Option, type Command } from 'commander';
import type { Io } from './options.js';

export interface PresetsFlags {
  config?: string;
  format: 'text' | 'json';
}

/** `pyseam presets [PATH]`: the built-in public-API presets of external packages, as the config in PATH applies them (presets-run.ts, loaded when the command runs). */
export function registerPresets(program: Command, io: Io, _setStatus: (status: number) => void): void {
  program.command('presets')
    .description('List the built-in private/public module prefixes of well-known external packages (applied to external imports), as the config in PATH changes them.')
    .argument('[path]', 'directory whose config to read', '.')
    .option('--config <file>', 'config file: pyseam.toml, or a pyproject.toml with [tool.pyseam] (default: found in PATH)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (path: string, flags: PresetsFlags) => {
      const { runPresets } = await import('./presets-run.js');
      runPresets(path, flags, io);
    });
}
