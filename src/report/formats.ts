/**
 * The report format names, apart from the reporters (index.ts, query-report.ts) so that a
 * command's `--help` lists them without loading every reporter.
 */

/** The known format names, in the order `--help` should list them. */
export const FORMATS = ['text', 'json', 'sarif', 'github', 'junit', 'markdown'] as const;

export type Format = (typeof FORMATS)[number];

/** The formats of the queries' answers (`why`, `deps`, `rdeps`; query-report.ts). */
export const QUERY_FORMATS = ['text', 'json'] as const;

export type QueryFormat = (typeof QUERY_FORMATS)[number];
