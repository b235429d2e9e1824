import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { extractionPlan } from '../graph/extraction-plan.js';
import { renderExtractText } from '../report/extract-text.js';
import { addAnalysisOptions, checkDotted, DOTTED, loadAnalysis, useColor, writeReport, type AnalysisFlags, type Io } from './shared.js';

interface ExtractFlags extends AnalysisFlags {
  format: 'text' | 'json';
  output?: string;
  copy?: string[];
  full?: boolean;
}


/**
 * `pyseam extract COMPONENT [PATH]`: what stops COMPONENT (a component name, or a module
 * prefix, which is then declared as a component of its own) from becoming its own package.
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
      const configured = loadConfig(resolve(path), flags.config).config.component ?? [];
      const isName = configured.some((c) => c.name === component);
      const declared = DOTTED.test(component) && !isName ? [{ name: component, modules: [component] }] : [];
      const { result, config } = await loadAnalysis(path, flags, io, declared);
      const known = result.components.map((c) => c.name);
      if (!known.includes(component)) {
        throw new UsageError(`COMPONENT ${component}: no such component or module prefix; components: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', ...' : ''}`);
      }
      const plan = extractionPlan(result, component, [...(config.copy ?? []), ...checkDotted(flags.copy, '--copy')]);
      const text = flags.format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : renderExtractText(plan, { color: useColor(flags.output), full: flags.full });
      writeReport(text, flags.output, io);
    });
}
