import { createRequire } from 'node:module';
import type Parser from 'tree-sitter';
import { ModuleWalker } from './module-walker.js';
import { normalizeSource } from './positions.js';
import type { ExtractOptions, ModuleFacts } from './types.js';

let parser: Parser | null = null;

/**
 * One parser per module instance, created on first use (tree-sitter parsers are reusable, not
 * thread-safe). tree-sitter and its Python grammar (native addons, CommonJS) are loaded here and
 * not when this module is: a run that parses nothing in this thread (every file from the cache,
 * or parsed by worker threads) never loads them.
 */
function sharedParser(): Parser {
  if (!parser) {
    const require = createRequire(import.meta.url);
    const TreeSitter = require('tree-sitter') as typeof Parser;
    parser = new TreeSitter();
    parser.setLanguage(require('tree-sitter-python') as Parser.Language);
  }
  return parser;
}

/**
 * Extract every import of one Python source string, with the facts of each
 * site, the dynamic imports whose target is not a literal, the syntax problems
 * and the literal `__all__` (rules: SEMANTICS.md, "Import statements").
 *
 * Never throws on bad Python: a file with syntax errors still gives every
 * import the tree holds. Positions follow Python's `ast` (1-based line,
 * `col_offset + 1` counted in UTF-8 bytes).
 */
export function parseModule(source: string, options: ExtractOptions = {}): ModuleFacts {
  const text = normalizeSource(source);
  const tree = sharedParser().parse(text);
  try {
    return new ModuleWalker(text, options).run(tree);
  } finally {
    (tree as unknown as { delete?: () => void }).delete?.();
  }
}
