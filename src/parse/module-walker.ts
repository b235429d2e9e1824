import type { SyntaxNode, Tree, TreeCursor } from 'tree-sitter';
import { Bindings } from './bindings.js';
import { classifyCall, isImportFunction, type DynamicTarget } from './dynamic-calls.js';
import { fromPrefix, lazyMarkerTarget, swallowedImports, type FromPrefix } from './error-recovery.js';
import { ExportDecorators } from './export-decorators.js';
import { childContext, MODULE_CONTEXT, planFor, type FactsContext, type Plan } from './facts-context.js';
import { IMPORT_NODE_TYPES, readImportStatement, type StatementTarget } from './import-statements.js';
import { readSimpleImport } from './import-text.js';
import { ModuleLiterals } from './module-literals.js';
import { astPosition } from './positions.js';
import { firstFailure, missingMessage, ProblemCollector } from './problem-collector.js';
import { mayBeSuppression, parseSuppression } from './suppression-comments.js';
import type { ExtractOptions, ModuleFacts, NonLiteralDynamicImport, RawExport, RawImport, RawSuppression } from './types.js';
import { WordOffsets } from './word-offsets.js';

/**
 * One pass over a syntax tree with a tree cursor, carrying the facts context
 * down a stack of frames (one per open node), recording imports, dynamic
 * calls, module literals, suppression comments and syntax problems in source order.
 *
 * The walk does not enter every node: only those whose text holds a watched word
 * (WordOffsets: `import`, an import function's name or alias, `__all__`, an export
 * decorator's name, `pyseam:`), since anything that yields a fact holds one. Among a
 * node's children it visits only those holding a word, jumping to each with the
 * cursor's `gotoFirstChildForIndex`, except where the context of a child depends on
 * its older siblings (an `if`'s alternatives, a ternary's branches): there it visits
 * them all in order, as it visits every node of a tree with ERROR or MISSING nodes.
 * Bindings are consulted and changed in source order, as in a walk of every node.
 */

const CALL_TEXT_LIMIT = 120;

interface Frame {
  ctx: FactsContext;
  plan: Plan | null;
  /** Inside an ERROR node: nested ERROR/MISSING nodes are not reported again. */
  inError: boolean;
  /** Where the node ends (UTF-16 index, as the cursor's `endIndex`); unused when every child is visited. */
  end: number;
  /**
   * Visit every child in order: when the whole tree is walked, or when the plan follows its
   * children one by one (an `if`'s alternatives, a ternary's branches). Otherwise visit only
   * the children holding a watched word, jumping to each with `gotoFirstChildForIndex`.
   */
  everyChild: boolean;
}

/** The state of one extraction. `run` walks the tree once and returns the facts. */
export class ModuleWalker {
  private readonly imports: RawImport[] = [];
  /** Parallel to `imports`: could `__lazy_modules__` make it lazy (module scope, outside try/with, static)? */
  private readonly lazyModuleCandidates: boolean[] = [];
  private readonly nonLiteralDynamic: NonLiteralDynamicImport[] = [];
  private readonly bindings: Bindings;
  /** Where the words occur that can make a node matter: the walk enters only nodes holding one (or the whole tree). */
  private readonly words: WordOffsets;
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
    const decorators = (options.exportDecorators ?? []).map((d) => d.slice(d.lastIndexOf('.') + 1));
    this.words = new WordOffsets(source, ['import', ...this.callNames, '__all__', '__lazy_modules__', 'pyseam:', ...decorators]);
    // A name bound to an import function (`from importlib import import_module as im`) is called as itself: `im("x")`.
    this.bindings = new Bindings((name, qualified) => {
      if (isImportFunction(qualified, this.helpers)) this.words.add(name);
    });
  }

  run(tree: Tree): ModuleFacts {
    const checkErrors = tree.rootNode.hasError;
    // A tree with ERROR or MISSING nodes is walked whole: error recovery can put statements anywhere.
    const whole = checkErrors || this.words.everywhere;
    const cursor = tree.walk();
    const stack: Frame[] = [{ ctx: MODULE_CONTEXT, plan: null, inError: false, end: Infinity, everyChild: whole }];
    let more = this.enter(cursor, stack[0], 0);
    while (more) {
      const parent = stack[stack.length - 1];
      const type = cursor.nodeType;
      const ctx = parent.plan
        ? childContext(parent.plan, parent.ctx, parent.plan.needsField ? cursor.currentFieldName ?? null : null, type)
        : parent.ctx;
      const start = whole ? 0 : cursor.startIndex;
      const end = whole ? 0 : cursor.endIndex;
      let inError = parent.inError;
      let descend = true;
      if (IMPORT_NODE_TYPES.has(type)) {
        // A one-line statement read from its text holds no comment: nothing inside it is left to visit.
        if (!checkErrors && this.visitSimpleImport(cursor, ctx)) descend = false;
        else this.visitImport(cursor.currentNode, ctx);
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
      if (descend && (whole || this.words.next(start) < end)) {
        const plan = planFor(type, () => cursor.currentNode, parent.plan, this.bindings);
        const frame: Frame = { ctx, plan, inError, end, everyChild: whole || plan?.kind === 'if' || plan?.kind === 'ternary' };
        if (this.enter(cursor, frame, start)) {
          stack.push(frame);
          continue;
        }
      }
      more = this.leave(cursor, stack, end);
    }
    return this.finish();
  }

  /** Move to the first child of the current node worth visiting (any child, or the one holding the next watched word). */
  private enter(cursor: TreeCursor, frame: Frame, start: number): boolean {
    if (frame.everyChild) return cursor.gotoFirstChild();
    const at = this.words.next(start);
    return at < frame.end && cursor.gotoFirstChildForIndex(at) !== null;
  }

  /**
   * Move from the current node, which ends at `end`, to the next node worth visiting: a
   * later sibling, else one of an ancestor, popping their frames. False when the walk is over.
   */
  private leave(cursor: TreeCursor, stack: Frame[], end: number): boolean {
    let after = end;
    for (;;) {
      const parent = stack[stack.length - 1];
      if (parent.everyChild) {
        if (cursor.gotoNextSibling()) return true;
        cursor.gotoParent();
      } else {
        const at = this.words.next(after);
        cursor.gotoParent();
        if (at < parent.end && cursor.gotoFirstChildForIndex(at) !== null) return true;
      }
      stack.pop();
      if (stack.length === 0) return false;
      after = parent.end;
    }
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

  /** An import statement of the common one-line forms, read from its text and the cursor; false when it is not one. */
  private visitSimpleImport(cursor: TreeCursor, ctx: FactsContext): boolean {
    const start = cursor.startIndex;
    const targets = readSimpleImport(this.source.slice(start, cursor.endIndex), this.bindings);
    if (!targets) return false;
    const { row, column } = cursor.startPosition;
    const at = astPosition(this.source, row, column, start);
    for (const target of targets) this.record(target, at.line, at.column, at.line, ctx, false);
    return true;
  }

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
    this.record(target, line, column, end.endPosition.row + 1, ctx, dynamic);
  }

  /** Record one import at `line`/`column` (as `ast` gives them) whose statement or call ends on `endLine`. */
  private record(target: StatementTarget & Partial<DynamicTarget>, line: number, column: number, endLine: number, ctx: FactsContext, dynamic: boolean): void {
    this.importSpans.push([line, Math.max(line, endLine)]);
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
