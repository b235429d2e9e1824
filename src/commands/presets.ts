import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig, type PyseamConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { PRESETS, selectPresets, type AppliedPreset } from '../graph/presets.js';
import { renderPresetsText, type PresetListing } from '../report/text-presets.js';
import { useColor, type Io } from './shared.js';

/**
 * The presets a config applies (config `presets`, default all; `[tool.pyseam.preset.NAME]`
 * extends or overrides one), as `analyze` takes them.
 *
 * @throws UsageError naming the known presets when `presets` names an unknown one.
 */
export function presetsOf(config: PyseamConfig): AppliedPreset[] {
  const { presets, unknown } = selectPresets(config.presets, config.preset);
  if (unknown.length) {
    const known = [...new Set([...PRESETS.map((p) => p.name), ...Object.keys(config.preset ?? {})])].sort();
    throw new UsageError(`presets: unknown preset${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}; expected one of ${known.join(', ')}`);
  }
  return presets;
}

/** Every preset, built-in or defined by the config, with the prefixes the config leaves it with and whether it is applied. */
function listing(config: PyseamConfig): PresetListing[] {
  const applied = new Set(presetsOf(config).map((p) => p.name));
  const everyName = [...new Set([...PRESETS.map((p) => p.name), ...Object.keys(config.preset ?? {})])].sort();
  const shaped = selectPresets(everyName, config.preset).presets;
  return shaped.map((p) => ({
    ...p,
    source: PRESETS.find((b) => b.name === p.name)?.source ?? 'config',
    applied: applied.has(p.name),
  }));
}

/** `pyseam presets [PATH]`: the built-in public-API presets of external packages, as the config in PATH applies them. */
export function registerPresets(program: Command, io: Io, _setStatus: (status: number) => void): void {
  program.command('presets')
    .description('List the built-in private/public module prefixes of well-known external packages (applied to external imports), as the config in PATH changes them.')
    .argument('[path]', 'directory whose config to read', '.')
    .option('--config <file>', 'config file: pyseam.toml, or a pyproject.toml with [tool.pyseam] (default: found in PATH)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((path: string, flags: { config?: string; format: 'text' | 'json' }) => {
      const { config, warnings } = loadConfig(resolve(path), flags.config);
      for (const w of warnings) io.warn(`pyseam: warning: ${w}\n`);
      const presets = listing(config);
      io.out(flags.format === 'json' ? JSON.stringify({ presets }, null, 2) + '\n' : renderPresetsText(presets, useColor(undefined)));
    });
}
