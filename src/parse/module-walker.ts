import type { SyntaxNode, Tree, TreeCursor } from 'tree-sitter';
import { Bindings } from './bindings.js';
import { classifyCall, type DynamicTarget } from './dynamic-calls.js';
import { fromPrefix, lazyMarkerTarget, swallowedImports, type FromPrefix } from './error-recovery.js';
import { ExportDecorators } from './export-decorators.js';
import { childContext, MODULE_CONTEXT, planFor, type FactsContext, type Plan } from './facts-context.js';
import { IMPORT_NODE_TYPES, readImportStatement, type StatementTarget } from './import-statements.js';
import { ModuleLiterals } from './module-literals.js';
import { astPosition } from './positions.js';
import { firstFailure, missingMessage, ProblemCollector } from './problem-collector.js';
import { mayBeSuppression, parseSuppression } from './suppression-comments.js';
import type { ExtractOptions, ModuleFacts, NonLiteralDynamicImport, RawExport, RawImport, RawSuppression } from './types.js';

/**
 * One pass over a syntax tree with a tree cursor, carrying the facts context
 * down a stack of frames (one per open node), recording imports, dynamic
 * calls, module literals, suppression comments and syntax problems in source order.
 */

const CALL_TEXT_LIMIT = 120;

interface Frame {
  ctx: FactsContext;
  plan: Plan | null;
  /** Inside an ERROR node: nested ERROR/MISSING nodes are not reported again. */
  inError: boolean;
}

/** The state of one extraction. `run` walks the tree once and returns the facts. */
export class ModuleWalker {
  private readonly imports: RawImport[] = [];
  /** Parallel to `imports`: could `__lazy_modules__` make it lazy (module scope, outside try/with, static)? */
  private readonly lazyModuleCandidates: boolean[] = [];
  private readonly nonLiteralDynamic: NonLiteralDynamicImport[] = [];
  private readonly bindings = new Bindings();
  private readonly literals = new ModuleLiterals();
  private readonly exports: RawExport[] = [];
  /** `# pyseam: ignore[...]` comments, their `statementLine` filled in by `finish`. */
  private readonly suppressions: RawSuppression[] = [];
  /** The first and last line of each emitted import's statement or call, in emit order. */
  private readonly importSpans: Array<[number, number]> = [];
  private readonly exportDecorators: ExportDecorators;
  private readonly problems: ProblemCollector;
  /** Start index of an import statement -> the `lazy` ERROR node before it (PEP 810). */
  private readonly lazyMarkers = new Map<number, SyntaxNode>();
  /** Start index of an import statement -> the `from x` that error recovery split off before it. */
  private readonly fromPrefixes = new Map<number, FromPrefix>();
  private readonly helpers: ReadonlySet<string>;
  /** Last segments of the functions that import (see `mayImport`). */
  private readonly callNames: ReadonlySet<string>;

  constructor(private readonly source: string, private readonly options: ExtractOptions) {
    this.problems = new ProblemCollector(source);
    this.helpers = new Set(options.importHelpers ?? []);
    this.exportDecorators = new ExportDecorators(options.exportDecorators ?? []);
    this.callNames = new Set(['import_module', '__import__', ...[...this.helpers].map((h) => h.slice(h.lastIndexOf('.') + 1))]);
  }

  run(tree: Tree): ModuleFacts {
    const checkErrors = tree.rootNode.hasError;
    const cursor = tree.walk();
    const stack: Frame[] = [{ ctx: MODULE_CONTEXT, plan: null, inError: false }];
    let more = cursor.gotoFirstChild();
    while (more) {
      const parent = stack[stack.length - 1];
      const type = cursor.nodeType;
      const ctx = parent.plan
        ? childContext(parent.plan, parent.ctx, parent.plan.needsField ? cursor.currentFieldName ?? null : null, type)
        : parent.ctx;
      let inError = parent.inError;
      let descend = true;
      if (IMPORT_NODE_TYPES.has(type)) {
        this.visitImport(cursor.currentNode, ctx);
      } else if (type === 'call') {
        if (this.mayImport(cursor)) this.visitCall(cursor.currentNode, ctx);
      } else if (type === 'expression_statement') {
        if (stack.length === 1 && this.mayBeModuleLiteral(cursor.startIndex)) this.literals.readStatement(cursor.currentNode);
        else if (ctx.scope === 'module' && this.changesAllWhenNested(cursor.startIndex)) this.literals.forget('__all__');
        if (this.exportDecorators.active && ctx.scope === 'module') this.visitExportCall(cursor.currentNode);
      } else if (type === 'decorated_definition' && this.exportDecorators.active && ctx.scope === 'module') {
        this.exports.push(...this.exportDecorators.readDecorated(cursor.currentNode, this.lineOf));
      } else if (type === 'comment') {
        this.visitComment(cursor.startIndex, cursor.endIndex, cursor.startPosition.row);
      } else if (type === 'ERROR') {
        descend = this.visitError(cursor.currentNode, ctx, inError);
        inError = true;
      } else if (checkErrors && !inError && cursor.nodeIsMissing) {
        this.problems.add(cursor.currentNode, missingMessage(type, cursor.nodeIsNamed));
      }
      const plan = planFor(type, () => cursor.currentNode, parent.plan, this.bindings);
      if (descend && cursor.gotoFirstChild()) {
        stack.push({ ctx, plan, inError });
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        cursor.gotoParent();
        stack.pop();
        if (stack.length === 0) {
          more = false;
          break;
        }
      }
    }
    return this.finish();
  }

  /**
   * A cheap look at a call's function before building node objects: the last
   * dotted segment must be an import function's name (`import_module`,
   * `__import__`, a helper's last segment) or a name bound by an import (an alias).
   */
  private mayImport(cursor: TreeCursor): boolean {
    if (!cursor.gotoFirstChild()) return false;
    const text = this.source.slice(cursor.startIndex, cursor.endIndex);
    cursor.gotoParent();
    const last = text.slice(text.lastIndexOf('.') + 1).trim();
    return this.callNames.has(last) || this.bindings.isBound(last);
  }

  /** Only statements starting with a watched name can change `__all__` or `__lazy_modules__`. */
  /**
   * A statement nested in a module-level `if`/`try`/`with`/loop that assigns `__all__` or calls
   * one of its methods (`__all__.extend(...)` in os.py): `__all__` is then no longer a literal.
   */
  private changesAllWhenNested(start: number): boolean {
    return this.source.startsWith('__all__', start) && /^__all__\s*(\+?=(?!=)|:|\.\s*\w+\s*\()/.test(this.source.slice(start, start + 80));
  }

  private mayBeModuleLiteral(start: number): boolean {
    return this.source.startsWith('__all__', start) || this.source.startsWith('__lazy_modules__', start);
  }

  /** `tf_export("x")(symbol)` at module level: a cheap text check (a `)(`) before reading nodes. */
  private visitExportCall(node: SyntaxNode): void {
    if (!/\)\s*\(/.test(this.source.slice(node.startIndex, node.endIndex))) return;
    const found = this.exportDecorators.readStatement(node, this.lineOf);
    if (found) this.exports.push(found);
  }

  private visitComment(start: number, end: number, row: number): void {
    const text = this.source.slice(start, end);
    if (!mayBeSuppression(text)) return;
    const found = parseSuppression(text);
    if (found) this.suppressions.push({ line: row + 1, statementLine: null, ...found });
  }

  private readonly lineOf = (node: SyntaxNode): number => this.position(node).line;

  private visitImport(node: SyntaxNode, ctx: FactsContext): void {
    const targets = readImportStatement(node, this.bindings);
    const prefix = this.fromPrefixes.get(node.startIndex);
    if (prefix) {
      const names = targets.map((t) => t.module);
      this.emit({ kind: 'from', module: prefix.module, level: prefix.level, names }, prefix.start, ctx, false, node);
      return;
    }
    const marker = this.lazyMarkers.get(node.startIndex);
    const start = marker ?? node;
    const facts = marker ? { ...ctx, lazy: true } : ctx;
    for (const target of targets) this.emit(target, start, facts, false, node);
  }

  private visitCall(node: SyntaxNode, ctx: FactsContext): void {
    const call = classifyCall(node, this.bindings, this.helpers);
    if (call.kind === 'literal') {
      const target: StatementTarget & DynamicTarget = { kind: 'dynamic', names: [], ...call.target };
      this.emit(target, node, ctx, true);
    } else if (call.kind === 'non-literal') {
      const { line, column } = this.position(node);
      this.nonLiteralDynamic.push({ line, column, call: node.text.slice(0, CALL_TEXT_LIMIT) });
    }
  }

  /** Report an ERROR node (unless nested in another) and recover swallowed imports. Returns whether to descend. */
  private visitError(node: SyntaxNode, ctx: FactsContext, nested: boolean): boolean {
    const lazyTarget = lazyMarkerTarget(node);
    if (lazyTarget) {
      this.lazyMarkers.set(lazyTarget.startIndex, node);
      return false;
    }
    if (nested) return true;
    const swallowed = swallowedImports(node, this.source);
    const quotes = swallowed.map((s) => s.quote);
    const prefix = fromPrefix(node, this.source);
    if (prefix) {
      this.fromPrefixes.set(prefix.importNode.startIndex, prefix);
      quotes.push(prefix.quote);
    }
    const message = quotes.length === 0
      ? 'syntax error'
      : `syntax error; ${quotes.map((q) => `an import statement here could not be read: "${q}"`).join('; ')}`;
    this.problems.add(node, message, firstFailure(node));
    for (const recovered of swallowed) {
      for (const target of recovered.targets) this.emit(target, recovered.start, ctx, false);
    }
    return true;
  }

  private position(node: SyntaxNode): { line: number; column: number } {
    return astPosition(this.source, node.startPosition.row, node.startPosition.column, node.startIndex);
  }

  /** Record one import; `end` is the node whose last line ends the statement (or call), for suppressions. */
  private emit(target: StatementTarget & Partial<DynamicTarget>, start: SyntaxNode, ctx: FactsContext, dynamic: boolean, end: SyntaxNode = start): void {
    const { line, column } = this.position(start);
    this.importSpans.push([line, Math.max(line, end.endPosition.row + 1)]);
    const record: RawImport = {
      kind: target.kind,
      module: target.module,
      level: target.level,
      names: target.names,
      line,
      column,
      typeChecking: ctx.typeChecking || this.options.stub === true,
      conditional: ctx.conditional,
      lazy: ctx.lazy,
      dynamic,
    };
    if (target.anchor) record.anchor = target.anchor;
    this.imports.push(record);
    this.lazyModuleCandidates.push(!dynamic && ctx.scope === 'module' && !ctx.guarded);
  }

  /** Apply `__lazy_modules__` (PEP 810) now that the whole module is read, and collect the results. */
  private finish(): ModuleFacts {
    const lazyModules = new Set(this.literals.get('__lazy_modules__') ?? []);
    if (lazyModules.size > 0) {
      this.imports.forEach((imp, i) => {
        if (this.lazyModuleCandidates[i] && imp.level === 0 && !imp.names.includes('*') && lazyModules.has(imp.module)) {
          imp.lazy = true;
        }
      });
    }
    for (const s of this.suppressions) s.statementLine = this.statementLineOf(s.line);
    return {
      imports: this.imports,
      nonLiteralDynamic: this.nonLiteralDynamic,
      syntaxErrors: this.problems.finish(),
      all: this.literals.get('__all__'),
      exports: this.exports,
      suppressions: this.suppressions,
    };
  }

  /** The first line of the innermost import statement or call spanning `line`, or null. */
  private statementLineOf(line: number): number | null {
    let best: number | null = null;
    for (const [first, last] of this.importSpans) {
      if (first <= line && line <= last && (best === null || first > best)) best = first;
    }
    return best;
  }
}
