/**
 * `npm run bench:tui -- DIR [--component NAME]`: how quickly the terminal UI answers on a real
 * tree. Analyzes DIR once (timed, for reference), then renders the real App off-screen
 * (ink-testing-library, 100x30) and times: the first frame, each screen switch (keys 1-7),
 * and a what-if cut of the component's suggested boundary cut (`s` on the What-if screen).
 * Each figure is the time until the frame changes; best of `--repeat N` (default 3).
 */
import { render } from 'ink-testing-library';
import { resolve } from 'node:path';
import { analyze } from '../src/analyze-inline.js';
import { analysisOptions } from '../src/commands/shared.js';
import { tuiData } from '../src/commands/tui-data.js';
import { nodeTree } from '../src/parse/source-tree.js';
import { App } from '../src/tui/App.js';

const args = process.argv.slice(2);
const take = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const component = take('--component') ?? null;
const repeat = Number(take('--repeat') ?? 3);
const dir = resolve(args[0] ?? 'samples/monorepo');
const silent = { out: () => {}, err: () => {}, warn: () => {} };
const declared = component && !component.includes(' ') ? [{ name: component, modules: [component] }] : [];

const t0 = performance.now();
const { options } = analysisOptions(dir, { typeChecking: true, lazy: true, dynamic: true }, silent, declared.filter((d) => d.name.includes('.')));
const result = analyze(options, nodeTree(dir));
const analysisMs = performance.now() - t0;

/** Waits until the frame differs from `before` (polling on the event loop); returns ms since `start`. */
async function changed(lastFrame: () => string | undefined, before: string | undefined, start: number): Promise<number> {
  for (;;) {
    await new Promise((r) => setImmediate(r));
    if (lastFrame() !== before) return performance.now() - start;
    if (performance.now() - start > 30_000) throw new Error('the frame did not change in 30 s');
  }
}

const rows: [string, number][] = [];
const bestOf = (label: string, ms: number) => {
  const row = rows.find((r) => r[0] === label);
  if (row) row[1] = Math.min(row[1], ms);
  else rows.push([label, ms]);
};
for (let run = 0; run < repeat; run++) {
  const start = performance.now();
  const data = tuiData(result, { dir, origin: dir, component });
  const app = render(<App data={data} size={{ columns: 100, rows: 30 }} />);
  const first = app.lastFrame() ? performance.now() - start : await changed(app.lastFrame, undefined, start);
  bestOf('first frame (data ready -> overview drawn)', first);
  for (const key of ['2', '3', '4', '5', '6', '7', '1']) {
    const before = app.lastFrame();
    const t = performance.now();
    app.stdin.write(key);
    bestOf(`switch to screen ${key}`, await changed(app.lastFrame, before, t));
  }
  if (component) {
    app.stdin.write('7');
    await new Promise((r) => setTimeout(r, 50));
    const before = app.lastFrame();
    const t = performance.now();
    app.stdin.write('s');
    bestOf(`what-if: cut the suggested sites of ${component}`, await changed(app.lastFrame, before, t));
  }
  app.unmount();
}
console.log(`${dir}: ${result.summary.modules} modules, ${result.summary.edges} edges; analysis ${(analysisMs / 1000).toFixed(2)} s (once)`);
for (const [label, ms] of rows) console.log(`${label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms`);
console.log(`best of ${repeat}; screens 2-7 include their first computation (clusters on screen 6).`);
