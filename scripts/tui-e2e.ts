/**
 * `node --import tsx scripts/tui-e2e.ts DIR [--component NAME] [--out DIR]`: drives `pyseam tui`
 * on a real tree in tmux (100x30) through the overview, the largest cycle down to a hop's source
 * line, a module search, a cut of that hop and the what-if screen; saves each captured screen
 * to the out directory (default a temporary one), prints the wait for each, and fails loudly
 * when an expected screen does not come. test/tui-e2e.test.ts runs the same walk on the sample.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TmuxSession } from './tmux.js';

const args = process.argv.slice(2);
const take = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const component = take('--component');
const out = take('--out') ?? mkdtempSync(join(tmpdir(), 'pyseam-tui-e2e-'));
mkdirSync(out, { recursive: true });
const dir = resolve(args[0] ?? 'samples/monorepo');
const repo = fileURLToPath(new URL('..', import.meta.url));
const command = `node bin/pyseam tui ${JSON.stringify(dir)}${component ? ` --component ${component}` : ''}`;

const t = TmuxSession.start(`env -u NO_COLOR ${command}`, { columns: 100, rows: 30, cwd: repo });
const steps: { name: string; ms: number }[] = [];
async function step(name: string, keys: string[], expected: string | RegExp | ((s: string) => boolean), text?: string): Promise<string> {
  if (keys.length) t.keys(...keys);
  if (text) t.text(text);
  const { screen, ms } = await t.waitFor(expected, 120_000);
  steps.push({ name, ms });
  writeFileSync(join(out, `${String(steps.length).padStart(2, '0')}-${name}.txt`), screen);
  return screen;
}

try {
  const started = performance.now();
  await step('progress', [], /files\/s|1 Overview/);
  await step('overview', [], / 1 Overview .*\n.*files, .* modules/);
  const firstScreenMs = performance.now() - started;
  await step('cycles', ['2'], /Cycle|cycles/);
  const hop = await step('cycle-hop-source', ['Enter'], /^> +\d+ │/m);
  const target = /-> (\S+)/.exec(hop.split('\n').find((l) => l.startsWith('›')) ?? '')?.[1] ?? '';
  await step('cut-hop', ['x'], /\[1 cut\]/);
  await step('search', ['4', '/'], /1 of|of \d+ modules/, target.split('.').pop());
  await step('what-if', ['Enter', '7'], /before -> after/);
  await step('quit', ['q'], /\[exit 0\]/);
  console.log(`${command}\nscreens saved in ${out}`);
  console.log(`analysis + first screen: ${(firstScreenMs / 1000).toFixed(2)} s`);
  for (const s of steps) console.log(`${s.name.padEnd(18)} ${s.ms.toFixed(0).padStart(7)} ms`);
} finally {
  t.kill();
}
