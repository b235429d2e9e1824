import type { SyntaxNode } from 'tree-sitter';
import { dottedName, stringLiteral, unparenthesize } from './literals.js';
import type { RawExport } from './types.js';

/**
 * Export decorators: how TensorFlow and Keras declare their public API
 * (`tensorflow/python/util/tf_export.py`, `keras/utils/tf_export` in Keras 2.x,
 * `keras/src/api_export.py` in Keras 3). A symbol is marked by
 *
 * - a decorator call on a class or function at module level (not in a function
 *   or class body; inside a module-level `if`/`try` it counts):
 *   `@keras_export("keras.layers.Dense", v1=[...])`, `@tf_export.tf_export("nn.relu")`,
 *   each of several stacked decorators giving one record;
 * - the call form as a module-level statement: `keras_export("a", "b")(symbol)`, whose
 *   symbol is the argument (an identifier), or `name = tf_export("x")(value)`, whose
 *   symbol is the assignment's single identifier target (the name the module binds).
 *
 * A call matches when the last segment of its called name equals the last segment of one
 * of the configured names. `names` are the plain string literals among the positional
 * arguments (implicit concatenation `"a" "b"` included, as Python joins it), then those
 * inside list or tuple keyword arguments (`v1=["a", "b"]`); other arguments are ignored.
 * A bare `@keras_export` (no call) names nothing and is not recorded.
 */
export class ExportDecorators {
  private readonly lastSegments: ReadonlySet<string>;

  constructor(names: readonly string[]) {
    this.lastSegments = new Set(names.map((n) => n.slice(n.lastIndexOf('.') + 1)));
  }

  get active(): boolean {
    return this.lastSegments.size > 0;
  }

  /** The exports of a `decorated_definition` at module scope; `lineOf` gives a node's 1-based line. */
  readDecorated(node: SyntaxNode, lineOf: (n: SyntaxNode) => number): RawExport[] {
    const definition = node.childForFieldName('definition');
    const symbol = definition?.childForFieldName('name')?.text;
    if (!symbol) return [];
    const out: RawExport[] = [];
    for (const decorator of node.namedChildren) {
      if (decorator.type !== 'decorator') continue;
      const call = unparenthesize(decorator.namedChildren.find((c) => c.type !== 'comment') ?? null);
      const marked = call ? this.markingCall(call) : null;
      if (marked) out.push({ symbol, ...marked, line: lineOf(call!) });
    }
    return out;
  }

  /** The export of a module-level `expression_statement` in call form, or null. */
  readStatement(statement: SyntaxNode, lineOf: (n: SyntaxNode) => number): RawExport | null {
    const expr = statement.namedChild(0);
    if (!expr) return null;
    let call: SyntaxNode | null = expr;
    let target: string | null = null;
    if (expr.type === 'assignment') {
      const left = expr.childForFieldName('left');
      if (left?.type !== 'identifier' || expr.childForFieldName('type')) return null;
      target = left.text;
      call = unparenthesize(expr.childForFieldName('right'));
    }
    if (call?.type !== 'call') return null;
    const inner = unparenthesize(call.childForFieldName('function'));
    if (inner?.type !== 'call') return null;
    const marked = this.markingCall(inner);
    if (!marked) return null;
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
    const argument = args.length === 1 ? unparenthesize(args[0]) : null;
    const symbol = target ?? (argument?.type === 'identifier' ? argument.text : null);
    return symbol ? { symbol, ...marked, line: lineOf(call) } : null;
  }

  /** The decorator's name and public names when `node` is a call of a configured export decorator. */
  private markingCall(node: SyntaxNode): { names: string[]; current: string[]; decorator: string } | null {
    if (node.type !== 'call') return null;
    const decorator = dottedName(node.childForFieldName('function'));
    if (decorator === null || !this.lastSegments.has(decorator.slice(decorator.lastIndexOf('.') + 1))) return null;
    const args = node.childForFieldName('arguments');
    if (args?.type !== 'argument_list') return null;
    const positional: string[] = [];
    const keyword: string[] = [];
    for (const arg of args.namedChildren) {
      if (arg.type === 'keyword_argument') {
        const value = unparenthesize(arg.childForFieldName('value'));
        if (value?.type === 'list' || value?.type === 'tuple') {
          for (const item of value.namedChildren) {
            const s = plainString(item);
            if (s !== null) keyword.push(s);
          }
        }
      } else {
        const s = plainString(unparenthesize(arg));
        if (s !== null) positional.push(s);
      }
    }
    return { names: [...positional, ...keyword], current: positional, decorator };
  }
}

/** A plain string literal, or an implicit concatenation of them (`"a" "b"` is `"ab"` to Python). */
function plainString(node: SyntaxNode | null): string | null {
  if (node?.type !== 'concatenated_string') return stringLiteral(node);
  let out = '';
  for (const part of node.namedChildren) {
    if (part.type === 'comment') continue;
    const s = stringLiteral(part);
    if (s === null) return null;
    out += s;
  }
  return out;
}
