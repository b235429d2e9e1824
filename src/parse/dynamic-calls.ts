import type { SyntaxNode } from 'tree-sitter';
import type { Bindings } from './bindings.js';
import { dottedName, stringLiteral, unparenthesize } from './literals.js';
import type { RawImport } from './types.js';

/**
 * Recognising dynamic imports: `importlib.import_module(name, package)`,
 * `__import__(name, globals, locals, fromlist, level)` and configured import
 * helpers (called like `import_module`), however the function was imported.
 */

/** Functions that import their first argument, by qualified name. */
const IMPORT_MODULE = new Set(['importlib.import_module']);
const DUNDER_IMPORT = new Set(['__import__', 'builtins.__import__', 'importlib.__import__']);

/** The part of a RawImport a dynamic call decides; the caller adds position and facts. */
export type DynamicTarget = Pick<RawImport, 'module' | 'level' | 'anchor'>;

/** What a call is: not an import, an import of a literal target, or an import whose target is unknown. */
export type DynamicCall = { kind: 'none' } | { kind: 'literal'; target: DynamicTarget } | { kind: 'non-literal' };

interface CallArguments {
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  /** `*args` or `**kwargs` present: positions are unknown. */
  splat: boolean;
}

function readArguments(call: SyntaxNode): CallArguments | null {
  const list = call.childForFieldName('arguments');
  if (!list || list.type !== 'argument_list') return null;
  const args: CallArguments = { positional: [], keywords: new Map(), splat: false };
  for (const child of list.namedChildren) {
    if (child.type === 'comment') continue;
    if (child.type === 'keyword_argument') {
      const name = child.childForFieldName('name');
      const value = child.childForFieldName('value');
      if (name && value) args.keywords.set(name.text, value);
    } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
      args.splat = true;
    } else {
      args.positional.push(child);
    }
  }
  return args;
}

/** The anchor of a relative name: a literal package, `__package__`, or `__name__`; null when unknown. */
function readAnchor(node: SyntaxNode | undefined): RawImport['anchor'] | null {
  const value = unparenthesize(node ?? null);
  if (!value) return null;
  if (value.type === 'identifier' && value.text === '__package__') return { importerPackage: true };
  if (value.type === 'identifier' && value.text === '__name__') return { importerModule: true };
  const literal = stringLiteral(value);
  return literal ? { literal } : null;
}

function splitRelative(name: string): { module: string; level: number } {
  let level = 0;
  while (name[level] === '.') level += 1;
  return { module: name.slice(level), level };
}

/** `import_module(name, package)` and helpers: a leading-dot name is resolved against `package` (positional or keyword). */
function importModuleTarget(args: CallArguments): DynamicCall {
  const name = stringLiteral(unparenthesize(args.positional[0] ?? args.keywords.get('name') ?? null));
  if (name === null || name === '') return { kind: 'non-literal' };
  const { module, level } = splitRelative(name);
  if (level === 0) return { kind: 'literal', target: { module, level } };
  const anchor = readAnchor(args.positional[1] ?? args.keywords.get('package'));
  return anchor ? { kind: 'literal', target: { module, level, anchor } } : { kind: 'non-literal' };
}

/** `__import__(name, globals(), locals(), fromlist, level)`: `level` > 0 resolves against the importer's package (globals' `__package__`). */
function dunderImportTarget(args: CallArguments): DynamicCall {
  const name = stringLiteral(unparenthesize(args.positional[0] ?? args.keywords.get('name') ?? null));
  if (name === null || name === '') return { kind: 'non-literal' };
  const levelNode = unparenthesize(args.positional[4] ?? args.keywords.get('level') ?? null);
  if (!levelNode) return { kind: 'literal', target: { module: name, level: 0 } };
  if (levelNode.type !== 'integer') return { kind: 'non-literal' };
  const level = Number(levelNode.text.replaceAll('_', ''));
  if (level === 0) return { kind: 'literal', target: { module: name, level: 0 } };
  const globalsArg = unparenthesize(args.positional[1] ?? args.keywords.get('globals') ?? null);
  const passesGlobals = globalsArg?.type === 'call' && globalsArg.childForFieldName('function')?.text === 'globals';
  return passesGlobals
    ? { kind: 'literal', target: { module: name, level, anchor: { importerPackage: true } } }
    : { kind: 'non-literal' };
}

/** Is `qualified` (a resolved dotted name) a function that imports its argument? */
export function isImportFunction(qualified: string, helpers: ReadonlySet<string>): boolean {
  return IMPORT_MODULE.has(qualified) || DUNDER_IMPORT.has(qualified) || helpers.has(qualified);
}

/**
 * Classify a `call` node. `helpers` are the configured import helpers' dotted
 * names; a call matches when its function, with its first segment resolved
 * through `bindings`, equals one of them.
 */
export function classifyCall(call: SyntaxNode, bindings: Bindings, helpers: ReadonlySet<string>): DynamicCall {
  const written = dottedName(call.childForFieldName('function'));
  if (written === null) return { kind: 'none' };
  const qualified = bindings.resolve(written);
  if (!isImportFunction(qualified, helpers)) return { kind: 'none' };
  const isDunder = DUNDER_IMPORT.has(qualified);
  const args = readArguments(call);
  if (!args || (args.splat && args.positional.length === 0)) return { kind: 'non-literal' };
  return isDunder ? dunderImportTarget(args) : importModuleTarget(args);
}
