import type { SyntaxNode } from 'tree-sitter';
import type { Bindings } from './bindings.js';
import type { RawImport } from './types.js';

/**
 * Reading `import_statement`, `import_from_statement` and
 * `future_import_statement` nodes (tree-sitter-python 0.25) into the
 * statement-shaped part of RawImport. One entry per target of `import a, b.c`.
 */

/** The part of a RawImport a statement decides; the caller adds position and facts. */
export type StatementTarget = Pick<RawImport, 'kind' | 'module' | 'level' | 'names'>;

export const IMPORT_NODE_TYPES = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/** `a.b.c` from a `dotted_name` (joining its identifiers, so `a . b` is `a.b`), or an identifier's text. */
function dotted(node: SyntaxNode): string {
  if (node.type !== 'dotted_name') return node.text;
  const parts: string[] = [];
  for (const child of node.namedChildren) if (child.type === 'identifier') parts.push(child.text);
  return parts.join('.');
}

/** The name and alias of a `name:` child: `dotted_name`, or `aliased_import` (`a.b as c`). */
function nameAndAlias(node: SyntaxNode): { name: string; alias: string | null } | null {
  if (node.type === 'dotted_name' || node.type === 'identifier') return { name: dotted(node), alias: null };
  if (node.type === 'aliased_import') {
    const name = node.childForFieldName('name');
    const alias = node.childForFieldName('alias');
    return name ? { name: dotted(name), alias: alias ? alias.text : null } : null;
  }
  return null;
}

/** The `name:` children of an import node, in order (skipping comments and punctuation). */
function nameChildren(node: SyntaxNode): SyntaxNode[] {
  return node.childrenForFieldName('name');
}

/** `from ..a.b import`: level 2, module `a.b`. `module_name` is a `dotted_name` or a `relative_import`. */
function fromModule(moduleNode: SyntaxNode | null): { module: string; level: number } {
  if (!moduleNode) return { module: '', level: 0 };
  if (moduleNode.type !== 'relative_import') return { module: dotted(moduleNode), level: 0 };
  let level = 0;
  let module = '';
  for (const child of moduleNode.namedChildren) {
    if (child.type === 'import_prefix') {
      for (const ch of child.text) if (ch === '.') level += 1;
    } else if (child.type === 'dotted_name') {
      module = dotted(child);
    }
  }
  return { module, level };
}

/**
 * The targets of one import node, recording the names it binds in `bindings`.
 * Returns [] for a node whose names could not be read at all.
 */
export function readImportStatement(node: SyntaxNode, bindings: Bindings): StatementTarget[] {
  if (node.type === 'import_statement') {
    const targets: StatementTarget[] = [];
    for (const child of nameChildren(node)) {
      const entry = nameAndAlias(child);
      if (!entry || entry.name === '') continue;
      bindings.bindImport(entry.name, entry.alias);
      targets.push({ kind: 'import', module: entry.name, level: 0, names: [] });
    }
    return targets;
  }
  const { module, level } =
    node.type === 'future_import_statement'
      ? { module: '__future__', level: 0 }
      : fromModule(node.childForFieldName('module_name'));
  const names: string[] = [];
  for (const child of node.namedChildren) {
    if (child.type === 'wildcard_import') names.push('*');
  }
  for (const child of nameChildren(node)) {
    const entry = nameAndAlias(child);
    if (!entry || entry.name === '') continue;
    names.push(entry.name);
    if (level === 0) bindings.bindFrom(module, entry.name, entry.alias);
  }
  if (module === '' && level === 0) return [];
  return [{ kind: 'from', module, level, names }];
}
