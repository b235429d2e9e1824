// Mermaid of the hand-written picture in test/report/picture-mock.ts, checked line by line
// against the flowchart syntax of https://mermaid.js.org/syntax/flowchart.html.
import { describe, expect, it } from 'vitest';
import { escape, renderMermaid } from '../../src/report/mermaid.js';
import { picture } from './picture-mock.js';

describe('renderMermaid', () => {
  it('maps names to safe ids with labels, labels edges with sites, styles cycles, private imports and externals', () => {
    expect(renderMermaid(picture).split('\n').slice(1)).toEqual([
      'flowchart LR',
      '  n0["a.b<br/>3 modules"]',
      '  n1["c-d"]',
      '  n2["e#34;f"]',
      '  n3(["numpy"])',
      '  n0 -->|2| n1',
      '  n0 -->|1| n2',
      '  n1 -->|5 (1 private)| n0',
      '  n1 -->|16| n3',
      '  classDef cycle stroke:#d62728,stroke-width:2px,color:#d62728',
      '  classDef external stroke:#7f7f7f,stroke-dasharray:4 3,color:#7f7f7f',
      '  class n0,n1 cycle',
      '  class n3 external',
      '  linkStyle 0 stroke:#d62728,stroke-width:2px',
      '  linkStyle 2 stroke:#d62728,stroke-width:2px,stroke-dasharray:6 3',
      '',
    ]);
  });

  it('ids hold no dot, dash or keyword; labels escape what would end them', () => {
    const ids = [...renderMermaid(picture).matchAll(/^ {2}(\S+?)[[(]/gm)].map((m) => m[1]);
    expect(ids).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(escape('a"b#c<d>e|f')).toBe('a#34;b#35;c#60;d#62;e#124;f');
  });

  it('a private edge outside any cycle is orange', () => {
    const p = { ...picture, edges: [{ ...picture.edges[1], privateSites: 1 }] };
    expect(renderMermaid(p)).toContain('  linkStyle 0 stroke:#ff7f0e,stroke-width:2px\n');
  });
});
