/**
 * What the two picture formats share: the colours (cycles red, private imports orange, after
 * the Tableau 10 palette that Graphviz and Mermaid users meet in matplotlib), and the text of
 * a node and an edge label. Pure; no format syntax here.
 */
import type { PictureEdge, PictureNode, PictureResult } from '../picture-result.js';

export const CYCLE_COLOR = '#d62728';
export const PRIVATE_COLOR = '#ff7f0e';
export const EXTERNAL_COLOR = '#7f7f7f';

/** The node's name, and how many modules it merges when more than one. */
export function nodeLabel(node: PictureNode): string[] {
  return node.modules > 1 ? [node.id, `${node.modules} modules`] : [node.id];
}

/** `3` sites, or `3 (1 private)`. */
export function edgeLabel(edge: PictureEdge): string {
  return edge.privateSites ? `${edge.sites} (${edge.privateSites} private)` : String(edge.sites);
}

/** One line saying what the picture shows, for a comment at its top. */
export function pictureCaption(picture: PictureResult): string {
  const level = picture.level === 'depth' ? `modules collapsed to depth ${picture.depth}` : picture.level === 'component' ? 'components' : 'modules';
  const counts = `${picture.nodes.length} nodes, ${picture.edges.length} edges, ${picture.cycles.length} cycle${picture.cycles.length === 1 ? '' : 's'}`;
  return `pyseam import graph: ${level}${picture.external ? ', with external packages' : ''}; ${counts}; red: cycles, orange: private imports; edge labels: import sites`;
}
