// DOT of a hand-written picture (test/report/picture-mock.ts), checked against hand-written
// lines and read back by Graphviz itself (`dot -Tjson`), then the real CLI's DOT of
// samples/monorepo rendered by `dot -Tsvg`. Graphviz is Debian's `graphviz`; without `dot`
// on the PATH the Graphviz tests are skipped with a message.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { penwidth, renderDot } from '../../src/report/dot.js';
import { picture } from './picture-mock.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const hasDot = spawnSync('dot', ['-V']).status === 0;
if (!hasDot) console.warn('test/report/dot.test.ts: Graphviz `dot` not found (apt-get install graphviz): skipping the rendering tests');
const unescapeXml = (s: string) => s.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const dot = (format: string, input: string) => spawnSync('dot', [`-T${format}`], { input, encoding: 'utf8' });

describe('renderDot', () => {
  const text = renderDot(picture);

  it('quotes every id, labels merged nodes and edges, colours cycles and private imports', () => {
    expect(text).toContain('digraph pyseam {');
    expect(text).toContain('  "a.b" [label="a.b\\n3 modules", color="#d62728", fontcolor="#d62728", penwidth=2];');
    expect(text).toContain('  "e\\"f" [label="e\\"f"];');
    expect(text).toContain('  "numpy" [label="numpy", style=dashed, color="#7f7f7f", fontcolor="#7f7f7f"];');
    expect(text).toContain('  "a.b" -> "c-d" [label="2", penwidth=1.5, color="#d62728", fontcolor="#d62728"];');
    expect(text).toContain('  "a.b" -> "e\\"f" [label="1", penwidth=1];');
    expect(text).toContain('  "c-d" -> "a.b" [label="5 (1 private)", penwidth=2.2, color="#d62728:#ff7f0e", fontcolor="#d62728"];');
    expect(text).toContain('  "c-d" -> "numpy" [label="16", penwidth=3];');
  });

  it('penwidth is 1 + log2(sites) / 2, at most 6', () => {
    expect([1, 4, 16, 1024, 1e6].map(penwidth)).toEqual([1, 2, 3, 6, 6]);
  });

  it.skipIf(!hasDot)('Graphviz reads back the same nodes, edges and colours', () => {
    const r = dot('json', text);
    expect(r.status, r.stderr).toBe(0);
    const g = JSON.parse(r.stdout) as { objects: { name: string; color?: string }[]; edges: { tail: number; head: number; label: string; color?: string }[] };
    expect(g.objects.map((o) => o.name)).toEqual(['a.b', 'c-d', 'e"f', 'numpy']);
    const name = (i: number) => g.objects[i].name;
    expect(g.edges.map((e) => [name(e.tail), name(e.head), e.label, e.color ?? ''])).toEqual([
      ['a.b', 'c-d', '2', '#d62728'], ['a.b', 'e"f', '1', '#555555'], ['c-d', 'a.b', '5 (1 private)', '#d62728:#ff7f0e'], ['c-d', 'numpy', '16', '#555555'],
    ]);
  });

  it.skipIf(!hasDot)('the CLI\'s DOT of samples/monorepo renders to SVG with every node name', () => {
    for (const flags of [[], ['--depth', '2', '--external'], ['--by-component']]) {
      const cli = spawnSync('node', ['bin/pyseam', 'analyze', 'samples/monorepo', '--format', 'dot', ...flags], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(cli.status, cli.stderr).toBe(0);
      const svg = dot('svg', cli.stdout);
      expect(svg.status, svg.stderr).toBe(0);
      expect(svg.stdout).toMatch(/^<\?xml/);
      const names = [...cli.stdout.matchAll(/^ {2}"([^"]+)" \[label=/gm)].map((m) => m[1]);
      expect(names.length).toBeGreaterThan(2);
      const titles = [...svg.stdout.matchAll(/<g id="node\d+" class="node">\s*<title>([^<]*)<\/title>/g)].map((m) => unescapeXml(m[1]));
      expect(titles.sort()).toEqual([...names].sort());
    }
    const modules = spawnSync('node', ['bin/pyseam', 'analyze', 'samples/monorepo', '--format', 'dot', '--by-component'], { cwd: repo, encoding: 'utf8' }).stdout;
    expect([...modules.matchAll(/^ {2}"([^"]+)" \[label=/gm)].map((m) => m[1])).toEqual(['kerasish', 'tensorflux', 'tools']);
  }, 60_000);
});
