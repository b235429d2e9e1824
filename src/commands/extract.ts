import { Option, type Command } from 'commander';
import { addAnalysisOptions, type AnalysisFlags, type Io } from './options.js';

export interface ExtractFlags extends AnalysisFlags {
  format: 'text' | 'json';
  output?: string;
  copy?: string[];
  full?: boolean;
}

/**
 * `pyseam extract COMPONENT [PATH]`: what stops COMPONENT (a component name, or a module
 * prefix, which is then declared as a component of its own) from becoming its own package.
 * The run (extract-run.ts) is loaded only when the command runs.
 */
export function registerExtract(program: Command, io: Io, _setStatus: (status: number) => void): void {
  const command = program.command('extract')
    .description('The extraction plan of a component: the private API it needs from the rest, what depends on it, and the cycles across its boundary with the import sites to cut.')
    .argument('<component>', 'a component name (declared, a distribution, or a top-level package) or a module prefix such as keras.layers');
  addAnalysisOptions(command)
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--copy <name>', 'a module or module.name to copy rather than make public; repeatable; added to the config\'s `copy`', (v: string, p: string[] = []) => [...p, v])
    .option('--full', 'list every file, edge and site instead of cutting long lists')
    .action(async (component: string, path: string, flags: ExtractFlags) => {
      const { runExtract } = await import('./extract-run.js');
      await runExtract(component, path, flags, io);
    });
}
