/**
 * `--format dot`: the picture as a Graphviz digraph (the DOT language,
 * https://graphviz.org/doc/info/lang.html), for `dot -Tsvg` or `dot -Tpng`.
 *
 * Every id is a double-quoted string, so dots, dashes and slashes in module and script names
 * need no mapping; inside it `"` and `\` are escaped with a backslash (the only escape a
 * quoted string knows, plus the backslash of escString). Nodes are boxes, external packages
 * grey dashed boxes, cycle members red. An edge is labelled with its number of sites and its
 * `penwidth` (https://graphviz.org/docs/attrs/penwidth/) is 1 + log2(sites) / 2: 1 for one site,
 * 3 for 16, at most 6. Cycle edges are red, private-import edges orange; an edge that is both gets the
 * two colours side by side (a colorList, https://graphviz.org/docs/attr-types/colorList/).
 */
import type { PictureEdge, PictureNode, PictureResult } from '../picture-result.js';
import { CYCLE_COLOR, EXTERNAL_COLOR, PRIVATE_COLOR, edgeLabel, nodeLabel, pictureCaption } from './picture-style.js';

export function renderDot(picture: PictureResult): string {
  const lines = [
    `// ${pictureCaption(picture)}`,
    'digraph pyseam {',
    '  rankdir=LR;',
    '  node [shape=box, fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9, color="#555555"];',
    ...picture.nodes.map((n) => `  ${quote(n.id)} [${nodeAttributes(n)}];`),
    ...picture.edges.map((e) => `  ${quote(e.from)} -> ${quote(e.to)} [${edgeAttributes(e)}];`),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** A DOT quoted string (`"a.b"`); a line break becomes DOT's `\n`. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function nodeAttributes(node: PictureNode): string {
  const attrs = [`label=${quote(nodeLabel(node).join('\n'))}`];
  if (node.kind === 'external') attrs.push('style=dashed', `color="${EXTERNAL_COLOR}"`, `fontcolor="${EXTERNAL_COLOR}"`);
  if (node.cycle !== null) attrs.push(`color="${CYCLE_COLOR}"`, `fontcolor="${CYCLE_COLOR}"`, 'penwidth=2');
  return attrs.join(', ');
}

function edgeAttributes(edge: PictureEdge): string {
  const attrs = [`label=${quote(edgeLabel(edge))}`, `penwidth=${penwidth(edge.sites)}`];
  const colors = [...(edge.inCycle ? [CYCLE_COLOR] : []), ...(edge.privateSites ? [PRIVATE_COLOR] : [])];
  if (colors.length) attrs.push(`color="${colors.join(':')}"`, `fontcolor="${colors[0]}"`);
  return attrs.join(', ');
}

/** 1 for one site, growing with log2 of the sites, at most 6, one decimal. */
export function penwidth(sites: number): number {
  return Math.min(6, Math.round((1 + Math.log2(Math.max(1, sites)) / 2) * 10) / 10);
}
