import type { SyntaxNode } from 'tree-sitter';
import { stringLiteral, stringSequence } from './literals.js';

/**
 * The module-level literals extraction reads: `__all__` (the public names)
 * and `__lazy_modules__` (PEP 810: modules whose module-level imports are lazy).
 *
 * Only statements directly at module level count, in source order:
 * `X = [...]`, `X: list[str] = (...)`, `X += [...]`, `X.extend([...])`,
 * `X.append("n")`, where the value is a list, tuple or set of plain string
 * literals (or a `+` of such). Any other assignment or change to X makes it
 * unknown (null) from there on, since its value can no longer be read.
 */
export class ModuleLiterals {
  private readonly values = new Map<string, string[] | null>();

  constructor(private readonly watched: readonly string[] = ['__all__', '__lazy_modules__']) {}

  /** The current value of a watched name: its strings, or null when absent or not literal. */
  get(name: string): string[] | null {
    return this.values.get(name) ?? null;
  }

  /** A change the reader cannot follow (inside an `if` or `try` at module level): the value is unknown from here on. */
  forget(name: string): void {
    this.values.set(name, null);
  }

  /** Read one `expression_statement` that is a direct child of the module. */
  readStatement(statement: SyntaxNode): void {
    const expr = statement.namedChild(0);
    if (!expr) return;
    if (expr.type === 'assignment') this.readAssignment(expr);
    else if (expr.type === 'augmented_assignment') this.readAugmented(expr);
    else if (expr.type === 'call') this.readMethodCall(expr);
  }

  private watchedName(node: SyntaxNode | null): string | null {
    return node && node.type === 'identifier' && this.watched.includes(node.text) ? node.text : null;
  }

  private readAssignment(assignment: SyntaxNode): void {
    const name = this.watchedName(assignment.childForFieldName('left'));
    if (name === null) return;
    const right = assignment.childForFieldName('right');
    if (!right) return;
    this.values.set(name, stringSequence(right));
  }

  private readAugmented(assignment: SyntaxNode): void {
    const name = this.watchedName(assignment.childForFieldName('left'));
    if (name === null) return;
    const added = assignment.childForFieldName('operator')?.type === '+=' ? stringSequence(assignment.childForFieldName('right')) : null;
    const current = this.values.get(name) ?? null;
    this.values.set(name, current && added ? [...current, ...added] : null);
  }

  private readMethodCall(call: SyntaxNode): void {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'attribute') return;
    const name = this.watchedName(fn.childForFieldName('object'));
    if (name === null) return;
    const method = fn.childForFieldName('attribute')?.text;
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
    const current = this.values.get(name) ?? null;
    let added: string[] | null = null;
    if (method === 'extend' && args.length === 1) added = stringSequence(args[0]);
    else if (method === 'append' && args.length === 1) {
      const one = stringLiteral(args[0]);
      added = one === null ? null : [one];
    } else if (method === 'remove' && args.length === 1) {
      const one = stringLiteral(args[0]);
      const at = current && one !== null ? current.indexOf(one) : -1;
      this.values.set(name, current && at !== -1 ? [...current.slice(0, at), ...current.slice(at + 1)] : null);
      return;
    } else return;
    this.values.set(name, current && added ? [...current, ...added] : null);
  }
}
