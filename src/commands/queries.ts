import { Option, type Command } from 'commander';
import { QUERY_FORMATS, type QueryFormat } from '../report/formats.js';
import { addAnalysisOptions, type AnalysisFlags, type Io } from './options.js';

export interface QueryFlags extends AnalysisFlags {
  format: QueryFormat;
  output?: string;
  asPackage?: boolean;
  depth?: string;
  external?: boolean;
}

const WHY_STATUS = `
For why, the exit status tells whether a chain exists, as grep does: 0 a chain was found,
1 no chain leads from A to B (a script can test it), 2 a usage error (A or B not a module).`;

/**
 * `pyseam why A B`, `pyseam deps M`, `pyseam rdeps M`: questions asked of the internal import graph.
 * The runs (queries-run.ts, with graphology) are loaded only when a query runs.
 */
export function registerQueries(program: Command, io: Io, setStatus: (status: number) => void): void {
  withQueryOptions(program.command('why')
    .description('Show a shortest import chain from module A to module B, with the file, line and column of every import.')
    .argument('<a>', 'the importing module').argument('<b>', 'the imported module'))
    .addHelpText('after', WHY_STATUS)
    .action(async (a: string, b: string, path: string, flags: QueryFlags) => {
      const { runWhy } = await import('./queries-run.js');
      await runWhy(a, b, path, flags, io, setStatus);
    });

  for (const query of ['deps', 'rdeps'] as const) {
    const command = withQueryOptions(program.command(query)
      .description(query === 'deps'
        ? 'List the modules M imports, directly or through others (grimp\'s upstream modules), by distance.'
        : 'List the modules that import M, directly or through others (grimp\'s downstream modules), by distance.')
      .argument('<m>', 'the module'))
      .option('--depth <n>', 'only modules at most N imports away (default: unlimited)');
    if (query === 'deps') command.option('--external', 'also list the external packages reached (each one step after its importer)');
    command.action(async (m: string, path: string, flags: QueryFlags) => {
      const { runReach } = await import('./queries-run.js');
      await runReach(query, m, path, flags, io);
    });
  }
}

function withQueryOptions(command: Command): Command {
  return addAnalysisOptions(command)
    .addOption(new Option('--format <format>', 'output format').choices(QUERY_FORMATS).default('text'))
    .option('--output <file>', 'write the answer to a file instead of standard output')
    .option('--as-package', 'a module stands for itself and every module under it (grimp\'s as_package)');
}
