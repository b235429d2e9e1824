/**
 * `--format mermaid`: the picture as a Mermaid flowchart
 * (https://mermaid.js.org/syntax/flowchart.html), for a Markdown ```` ```mermaid ```` block.
 *
 * A Mermaid node id may not hold dots or dashes (and `end` is a keyword), so node `i` of the
 * sorted picture gets the id `n<i>` and its name as a quoted label (`n3["a.b-c"]`); inside the
 * quotes `"`, `#`, `<`, `>` and `|` are written as Mermaid's numeric entity codes (`#34;`), the
 * flowchart docs' "Entity codes to escape characters". External packages are stadium-shaped
 * (`n4(["numpy"])`). Edges carry their number of sites as a label (`-->|3|`); cycle members
 * get the `cycle` class, cycle edges and private-import edges a `linkStyle` by their index in
 * declaration order (red, orange; an edge that is both is drawn red and dashed).
 */
import type { PictureResult } from '../picture-result.js';
import { CYCLE_COLOR, EXTERNAL_COLOR, PRIVATE_COLOR, edgeLabel, nodeLabel, pictureCaption } from './picture-style.js';

export function renderMermaid(picture: PictureResult): string {
  const ids = new Map(picture.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = [`%% ${pictureCaption(picture)}`, 'flowchart LR'];
  for (const n of picture.nodes) {
    const label = `"${nodeLabel(n).map(escape).join('<br/>')}"`;
    lines.push(`  ${ids.get(n.id)}${n.kind === 'external' ? `([${label}])` : `[${label}]`}`);
  }
  picture.edges.forEach((e) => lines.push(`  ${ids.get(e.from)} -->|${escape(edgeLabel(e))}| ${ids.get(e.to)}`));
  const cycleNodes = picture.nodes.filter((n) => n.cycle !== null).map((n) => ids.get(n.id));
  const externalNodes = picture.nodes.filter((n) => n.kind === 'external').map((n) => ids.get(n.id));
  lines.push(`  classDef cycle stroke:${CYCLE_COLOR},stroke-width:2px,color:${CYCLE_COLOR}`);
  lines.push(`  classDef external stroke:${EXTERNAL_COLOR},stroke-dasharray:4 3,color:${EXTERNAL_COLOR}`);
  if (cycleNodes.length) lines.push(`  class ${cycleNodes.join(',')} cycle`);
  if (externalNodes.length) lines.push(`  class ${externalNodes.join(',')} external`);
  const indexes = (keep: (i: number) => boolean) => picture.edges.map((_, i) => i).filter(keep);
  const cycle = indexes((i) => picture.edges[i].inCycle && !picture.edges[i].privateSites);
  const priv = indexes((i) => !picture.edges[i].inCycle && picture.edges[i].privateSites > 0);
  const both = indexes((i) => picture.edges[i].inCycle && picture.edges[i].privateSites > 0);
  if (cycle.length) lines.push(`  linkStyle ${cycle.join(',')} stroke:${CYCLE_COLOR},stroke-width:2px`);
  if (priv.length) lines.push(`  linkStyle ${priv.join(',')} stroke:${PRIVATE_COLOR},stroke-width:2px`);
  if (both.length) lines.push(`  linkStyle ${both.join(',')} stroke:${CYCLE_COLOR},stroke-width:2px,stroke-dasharray:6 3`);
  return `${lines.join('\n')}\n`;
}

/** Mermaid's entity codes for the characters that would end or break a quoted label. */
export function escape(text: string): string {
  return text.replace(/[#"<>|]/g, (c) => `#${c.charCodeAt(0)};`);
}
