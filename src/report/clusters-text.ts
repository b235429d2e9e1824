/**
 * The text report of `pyseam clusters`: a pure function of the ClustersResult. The head
 * gives the modularity and the agreement with the packages; then each cluster (largest
 * first) with its packages, modules and links to other clusters; then the misplaced
 * modules, the strongest pull first. Long lists are cut unless `full`.
 */
import type { ClusterRecord, ClustersResult, MisplacedRecord } from '../clusters-result.js';
import { cut, makeContext, moreLines, plural, title, type SectionContext, type TextOptions } from './text-format.js';

/** Modules, packages and links listed per cluster, and misplaced modules listed, unless `full`. */
const CLUSTER_MODULES = 8;
const CLUSTER_PACKAGES = 5;
const CLUSTER_LINKS = 5;
const MISPLACED = 20;

const fixed = (x: number, digits = 3) => x.toFixed(digits);
const percent = (x: number) => `${Math.round(x * 100)}%`;

function partitionName(result: ClustersResult): string {
  const { partition } = result.options;
  return partition.by === 'owner' ? 'component (owner)' : `first ${plural(partition.level!, 'segment')} of module names (--level ${partition.level})`;
}

function renderHead(result: ClustersResult, { paint }: SectionContext): string[] {
  const s = result.summary;
  const o = result.options;
  return [
    `${paint.bold(`${result.tool.name} ${result.tool.version}`)}  clusters: Louvain, seed ${o.seed}, resolution ${o.resolution}`,
    `  modules clustered  ${s.modules} (${plural(s.edges, 'undirected edge')}, ${plural(s.weight, 'import site')}); ${s.isolated} without internal imports left out`,
    `  clusters           ${s.clusters}`,
    `  modularity         ${fixed(s.modularity)} (Newman-Girvan, weighted by import sites)`,
    `  packages           ${result.agreement.packages}, by ${partitionName(result)}${result.agreement.packages === 1 ? paint.yellow(' (only one: the agreement figures say nothing; compare with --level N)') : ''}`,
    `  NMI                ${fixed(s.nmi)} (normalized mutual information with the packages, arithmetic-mean normalization as scikit-learn's default)`,
    `  ARI                ${fixed(s.ari)} (adjusted Rand index with the packages; 1 identical, about 0 chance)`,
    `  misplaced modules  ${s.misplaced} (their cluster's majority package is not theirs)`,
  ];
}

function renderCluster(c: ClusterRecord, { paint, full }: SectionContext): string[] {
  const head = `${paint.bold(`Cluster ${c.id}`)}: ${plural(c.size, 'module')}, mostly ${c.majorityPackage} (${c.packages[0].modules}); ` +
    `${plural(c.internalWeight, 'site')} inside, ${c.externalWeight} to other clusters`;
  const packages = cut(c.packages, CLUSTER_PACKAGES, full);
  const modules = cut(c.modules, CLUSTER_MODULES, full);
  const links = cut(c.links, CLUSTER_LINKS, full);
  const lines = [head, `  packages: ${packages.shown.map((p) => `${p.name} ${p.modules}`).join(', ')}${packages.more ? paint.dim(`, ... and ${packages.more} more`) : ''}`];
  lines.push('  modules:', ...modules.shown.map((m) => `    ${m}`), ...moreLines('    ', modules.more, paint));
  if (c.links.length) lines.push(`  links: ${links.shown.map((l) => `cluster ${l.cluster} (${l.weight})`).join(', ')}${links.more ? paint.dim(`, ... and ${links.more} more`) : ''}`);
  return lines;
}

function renderMisplaced(m: MisplacedRecord, { paint }: SectionContext): string {
  return `  ${m.module}  ${paint.dim(`(${m.package})`)} in cluster ${m.cluster} (mostly ${m.clusterPackage}): ` +
    `${m.clusterWeight} of ${plural(m.weight, 'site')} (${percent(m.clusterShare)}) with its cluster, ${m.packageWeight} (${percent(m.packageShare)}) with its package`;
}

/** The whole text report, ending in a newline. */
export function renderClustersText(result: ClustersResult, options: TextOptions): string {
  const ctx = makeContext(options);
  const lines = renderHead(result, ctx);
  lines.push('', title(ctx.paint, 'Clusters', result.clusters.length));
  for (const c of result.clusters) lines.push(...renderCluster(c, ctx));
  const misplaced = cut(result.misplaced, MISPLACED, ctx.full);
  lines.push('', title(ctx.paint, 'Misplaced modules, strongest pull to their cluster first', result.misplaced.length));
  if (!result.misplaced.length) lines.push('  none');
  lines.push(...misplaced.shown.map((m) => renderMisplaced(m, ctx)), ...moreLines('  ', misplaced.more, ctx.paint));
  return lines.join('\n') + '\n';
}
