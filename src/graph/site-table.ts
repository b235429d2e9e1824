import type { SiteRecord } from '../result.js';
import type { SiteInContext } from './private-imports.js';
import type { ResolvedSite } from './resolve.js';

/**
 * The resolved import sites of one analysis, held column by column from resolution to the graph:
 * `records[i]` is site `i`'s `SiteRecord`, made once, the very object the result will hold; the
 * other columns keep what the analyses need besides (importer, head, statement module, form,
 * external). A `ResolvedSite` is then garbage as soon as it is added. Before, each site lived to
 * the graph stage as a resolved site in a wrapper, and its record was made only then: three objects
 * that V8's young generation copied and promoted (measured on the 10k-module synthetic repository,
 * warm: keeping the sites at all cost about 0.4 s of young-generation collection, half of it).
 */
export class SiteTable {
  readonly records: SiteRecord[] = [];
  readonly importers: string[] = [];
  /** `ResolvedSite.to`: an internal module, or an external top-level package. */
  readonly heads: string[] = [];
  readonly statementModules: string[] = [];
  readonly kinds: ResolvedSite['kind'][] = [];
  readonly external: boolean[] = [];

  get length(): number {
    return this.records.length;
  }

  /** Adds `site` of `importer`, in `file`. */
  add(importer: string, file: string, site: ResolvedSite): void {
    // Keys in the order `toSiteRecord` (build-graph.ts) has always written them: the JSON report's order.
    this.records.push({
      file, line: site.line, column: site.column, target: site.target, names: site.names,
      typeChecking: site.typeChecking, conditional: site.conditional, lazy: site.lazy, dynamic: site.dynamic, unresolved: site.unresolved,
    });
    this.importers.push(importer);
    this.heads.push(site.to);
    this.statementModules.push(site.statementModule);
    this.kinds.push(site.kind);
    this.external.push(site.external);
  }

  /** Site `i` as the analyses read it: a fresh, short-lived view (its `names` is the record's). */
  context(i: number): SiteInContext {
    const r = this.records[i];
    return {
      importer: this.importers[i], file: r.file,
      site: {
        to: this.heads[i], external: this.external[i], target: r.target, statementModule: this.statementModules[i], names: r.names,
        unresolved: r.unresolved, kind: this.kinds[i], line: r.line, column: r.column,
        typeChecking: r.typeChecking, conditional: r.conditional, lazy: r.lazy, dynamic: r.dynamic,
      },
    };
  }

  /** A table of the given views (tests, scripts): the same sites, records made as `add` makes them. */
  static of(sites: Iterable<SiteInContext>): SiteTable {
    const table = new SiteTable();
    for (const s of sites) table.add(s.importer, s.file, s.site);
    return table;
  }
}
