import pc from 'picocolors';

/** One preset as `pyseam presets` shows it: its prefixes, its source, and whether the config applies it. */
export interface PresetListing {
  name: string;
  private: string[];
  public: string[];
  /** A URL or the package's own statement of its public API; `config` for a preset only the config defines. */
  source: string;
  applied: boolean;
}

/**
 * The text of `pyseam presets`: one block per preset (name, applied or not, private and
 * public prefixes, source), and a closing line on how to change them. Pure; colour only when asked.
 */
export function renderPresetsText(presets: readonly PresetListing[], color: boolean): string {
  const paint = pc.createColors(color);
  const lines: string[] = [];
  for (const p of presets) {
    lines.push(`${paint.bold(p.name)}${p.applied ? '' : paint.dim(' (not applied)')}`);
    lines.push(`  private: ${p.private.length ? p.private.join(', ') : '-'}`);
    lines.push(`  public:  ${p.public.length ? p.public.join(', ') : '-'}`);
    lines.push(`  source:  ${paint.dim(p.source)}`);
  }
  const applied = presets.filter((p) => p.applied).length;
  lines.push('');
  lines.push(`${applied} of ${presets.length} preset${presets.length === 1 ? '' : 's'} applied, to external imports only.`);
  lines.push('Pick them with `presets = [...]` ([] for none); extend or override one with [tool.pyseam.preset.NAME] private/public.');
  return lines.join('\n') + '\n';
}
