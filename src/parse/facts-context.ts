import type { SyntaxNode } from 'tree-sitter';
import type { Bindings } from './bindings.js';
import { dottedName, unparenthesize } from './literals.js';

/**
 * The facts that hold at a point of the syntax tree (SEMANTICS.md, "Facts on
 * each site"), and how entering a node changes them for its children.
 */
export interface FactsContext {
  /** Under `if TYPE_CHECKING:` (or alias), an `elif` of it, or the `else` of `if not TYPE_CHECKING:`. */
  typeChecking: boolean;
  /** Under an if/elif/else branch, a ternary branch, a `match` case, or an ImportError-catching try / suppress. */
  conditional: boolean;
  /** In a function or lambda body. */
  lazy: boolean;
  /** The scope the code runs in: module level, a class body, or a function/lambda body. */
  scope: 'module' | 'class' | 'function';
  /** Inside any part of a `try` or a `with` (PEP 810: such imports stay eager under `__lazy_modules__`). */
  guarded: boolean;
}

export const MODULE_CONTEXT: FactsContext = { typeChecking: false, conditional: false, lazy: false, scope: 'module', guarded: false };

/** How a node's children get their context. `needsField`: the walker must pass each child's field name. */
export type Plan =
  | { kind: 'body'; needsField: true; body: Partial<FactsContext> }
  | { kind: 'if'; needsField: true; consequenceTc: boolean; alternatives: Array<{ clauseTc: boolean; bodyTc: boolean }>; next: number }
  | { kind: 'elif'; needsField: true; bodyTc: boolean }
  | { kind: 'try'; needsField: false; catches: boolean }
  | { kind: 'with'; needsField: true; suppress: boolean }
  | { kind: 'case'; needsField: true }
  | { kind: 'ternary'; needsField: false; inCondition: boolean };

/** Exceptions whose handler makes a failing import soft. */
const IMPORT_ERRORS = new Set(['ImportError', 'ModuleNotFoundError', 'Exception', 'BaseException']);

function namesImportError(node: SyntaxNode | null): boolean {
  const value = unparenthesize(node);
  if (!value) return false;
  if (value.type === 'as_pattern') return namesImportError(value.namedChild(0));
  if (value.type === 'tuple' || value.type === 'parenthesized_expression') {
    return value.namedChildren.some((child) => namesImportError(child));
  }
  const name = dottedName(value);
  return name !== null && (IMPORT_ERRORS.has(name) || (name.startsWith('builtins.') && IMPORT_ERRORS.has(name.slice(9))));
}

/** A try whose handlers catch ImportError-like exceptions (a bare `except:` catches everything). */
function catchesImportError(tryNode: SyntaxNode): boolean {
  for (const clause of tryNode.namedChildren) {
    if (clause.type !== 'except_clause' && clause.type !== 'except_group_clause') continue;
    const values = clause.childrenForFieldName('value');
    if (values.length === 0) {
      const first = clause.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
      if (!first) return true;
      if (namesImportError(first)) return true;
    }
    if (values.some((value) => namesImportError(value))) return true;
  }
  return false;
}

/** `with suppress(ImportError):` / `contextlib.suppress(...)`, through import aliases, in any with-item. */
function suppressesImportError(withNode: SyntaxNode, bindings: Bindings): boolean {
  const clause = withNode.namedChildren.find((c) => c.type === 'with_clause');
  for (const item of clause?.namedChildren ?? []) {
    if (item.type !== 'with_item') continue;
    let value = unparenthesize(item.childForFieldName('value'));
    if (value?.type === 'as_pattern') value = value.namedChild(0);
    if (value?.type !== 'call') continue;
    const written = dottedName(value.childForFieldName('function'));
    if (written === null) continue;
    const qualified = bindings.resolve(written);
    if (qualified !== 'contextlib.suppress' && written !== 'suppress') continue;
    const args = value.childForFieldName('arguments');
    if (args?.namedChildren.some((arg) => namesImportError(arg))) return true;
  }
  return false;
}

/**
 * Classify an `if`/`elif` test: `'tc'` for `TYPE_CHECKING`, `typing.TYPE_CHECKING`,
 * `typing_extensions.TYPE_CHECKING` or an alias of them, `'not-tc'` for `not` of
 * one, null for anything else (a combined test such as `TYPE_CHECKING or x` can run).
 */
export function typeCheckingTest(test: SyntaxNode | null, bindings: Bindings): 'tc' | 'not-tc' | null {
  const node = unparenthesize(test);
  if (!node) return null;
  if (node.type === 'not_operator') {
    return typeCheckingTest(node.childForFieldName('argument'), bindings) === 'tc' ? 'not-tc' : null;
  }
  const written = dottedName(node);
  if (written === null) return null;
  if (written === 'TYPE_CHECKING') return 'tc';
  const qualified = bindings.resolve(written);
  return qualified === 'typing.TYPE_CHECKING' || qualified === 'typing_extensions.TYPE_CHECKING' ? 'tc' : null;
}

function ifPlan(node: SyntaxNode, bindings: Bindings): Plan {
  const first = typeCheckingTest(node.childForFieldName('condition'), bindings);
  let negatedBefore = first === 'not-tc';
  const alternatives: Array<{ clauseTc: boolean; bodyTc: boolean }> = [];
  for (const alt of node.childrenForFieldName('alternative')) {
    if (alt.type === 'elif_clause') {
      const test = typeCheckingTest(alt.childForFieldName('condition'), bindings);
      alternatives.push({ clauseTc: negatedBefore, bodyTc: negatedBefore || test === 'tc' });
      negatedBefore ||= test === 'not-tc';
    } else {
      alternatives.push({ clauseTc: negatedBefore, bodyTc: negatedBefore });
    }
  }
  return { kind: 'if', needsField: true, consequenceTc: first === 'tc', alternatives, next: 0 };
}

/**
 * The plan of a node about to be entered, or null when its children simply
 * inherit its context. `node()` is called only for the few types that need to
 * look at their children; `parent` is the plan of the enclosing node.
 */
export function planFor(type: string, node: () => SyntaxNode, parent: Plan | null, bindings: Bindings): Plan | null {
  switch (type) {
    case 'function_definition':
    case 'lambda':
      return { kind: 'body', needsField: true, body: { lazy: true, scope: 'function' } };
    case 'class_definition':
      return { kind: 'body', needsField: true, body: { scope: 'class' } };
    case 'if_statement':
      return ifPlan(node(), bindings);
    case 'elif_clause': {
      const alt = parent?.kind === 'if' ? parent.alternatives[parent.next - 1] : undefined;
      return { kind: 'elif', needsField: true, bodyTc: alt?.bodyTc ?? false };
    }
    case 'try_statement':
      return { kind: 'try', needsField: false, catches: catchesImportError(node()) };
    case 'with_statement':
      return { kind: 'with', needsField: true, suppress: suppressesImportError(node(), bindings) };
    case 'case_clause':
      return { kind: 'case', needsField: true };
    case 'conditional_expression':
      return { kind: 'ternary', needsField: false, inCondition: false };
    default:
      return null;
  }
}

/** The context of a child of a node with `plan` and context `ctx`. Advances the plan's cursor state. */
export function childContext(plan: Plan, ctx: FactsContext, field: string | null, childType: string): FactsContext {
  switch (plan.kind) {
    case 'body':
      return field === 'body' ? { ...ctx, ...plan.body } : ctx;
    case 'if':
      if (field === 'consequence') return { ...ctx, conditional: true, typeChecking: ctx.typeChecking || plan.consequenceTc };
      if (field !== 'alternative') return ctx;
      plan.next += 1;
      return { ...ctx, conditional: true, typeChecking: ctx.typeChecking || (plan.alternatives[plan.next - 1]?.clauseTc ?? false) };
    case 'elif':
      return field === 'consequence' && plan.bodyTc ? { ...ctx, typeChecking: true } : ctx;
    case 'try':
      if (childType === 'finally_clause' || !plan.catches) return { ...ctx, guarded: true };
      return { ...ctx, guarded: true, conditional: true };
    case 'with':
      return { ...ctx, guarded: true, conditional: ctx.conditional || (field === 'body' && plan.suppress) };
    case 'case':
      return field === 'consequence' ? { ...ctx, conditional: true } : ctx;
    case 'ternary':
      if (childType === 'if') plan.inCondition = true;
      else if (childType === 'else') plan.inCondition = false;
      return plan.inCondition ? ctx : { ...ctx, conditional: true };
  }
}
