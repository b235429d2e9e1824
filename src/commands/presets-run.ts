/**
 * The run of `pyseam presets` (presets.ts registers the command and loads this when it runs),
 * and the presets a config applies, as `analyze` takes them (shared.ts).
 */
import { resolve } from 'node:path';
import { loadConfig, type PyseamConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { PRESETS, selectPresets, type AppliedPreset } from '../graph/presets.js';
import { renderPresetsText, type PresetListing } from '../report/text-presets.js';
import type { Io } from './options.js';
import type { PresetsFlags } from './presets.js';
import { useColor } from './shared.js';

/**
 * Lists every preset, built-in or from the config in PATH, on standard output (text or JSON).
 *
 * @throws UsageError (exit 2) for a bad config or an unknown preset in it.
 */
export function runPresets(path: string, flags: PresetsFlags, io: Io): void {
  const { config, warnings } = loadConfig(resolve(path), flags.config);
  for (const w of warnings) io.warn(`pyseam: warning: ${w}\n`);
  const presets = listing(config);
  io.out(flags.format === 'json' ? JSON.stringify({ presets }, null, 2) + '\n' : renderPresetsText(presets, useColor(undefined)));
}

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
