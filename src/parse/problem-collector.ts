import type { SyntaxNode } from 'tree-sitter';
import { astPosition } from './positions.js';
import type { SyntaxProblem } from './types.js';

/**
 * Syntax problems from tree-sitter's ERROR and MISSING nodes, merged so that
 * a broken file gives a handful of problems, not hundreds: a problem starting
 * on or right after the lines of the previous one joins it, and past
 * MAX_PROBLEMS the last one counts the rest.
 */

/** At most this many problems per file; the last one counts the rest. */
const MAX_PROBLEMS = 10;
const GENERIC = 'syntax error';

/** `missing ")"` for a token, `missing identifier` for a named node, `missing newline` for `_newline`. */
export function missingMessage(type: string, named: boolean): string {
  const bare = type.startsWith('_') ? type.slice(1) : type;
  return named || type.startsWith('_') ? `missing ${bare}` : `missing "${type}"`;
}

/** Collects problems in source order and merges neighbours so a broken file gives a handful, not hundreds. */
export class ProblemCollector {
  private readonly problems: Array<SyntaxProblem & { endLine: number }> = [];
  private dropped = 0;

  constructor(private readonly source: string) {}

  /** Adds a problem spanning `node`, located at `at` (default: where `node` starts). */
  add(node: SyntaxNode, message: string, at: SyntaxNode = node): void {
    const { line, column } = astPosition(this.source, at.startPosition.row, at.startPosition.column, at.startIndex);
    const endLine = node.endPosition.row + 1;
    const last = this.problems[this.problems.length - 1];
    if (last && line <= last.endLine + 1) {
      last.endLine = Math.max(last.endLine, endLine);
      const detail = message.startsWith(`${GENERIC}; `) ? message.slice(GENERIC.length + 2) : message;
      if (detail !== GENERIC && !last.message.includes(detail)) last.message += `; ${detail}`;
      return;
    }
    if (this.problems.length >= MAX_PROBLEMS) {
      this.dropped += 1;
      return;
    }
    this.problems.push({ line, column, message, endLine });
  }

  finish(): SyntaxProblem[] {
    const out = this.problems.map(({ line, column, message }) => ({ line, column, message }));
    if (this.dropped > 0) out[out.length - 1].message += ` (and ${this.dropped} more syntax errors further on)`;
    return out;
  }
}

const COMPLETE = /(_statement|_definition|^comment)$/;

/**
 * Where an ERROR node really breaks: tree-sitter often wraps well-formed statements
 * before the break into one ERROR that starts at line 1. Skip the leading children
 * that are complete statements without errors and descend into a nested ERROR, so the
 * problem points at the broken line, as Python's own SyntaxError would.
 */
export function firstFailure(error: SyntaxNode): SyntaxNode {
  for (const child of error.children) {
    if (COMPLETE.test(child.type) && !child.hasError) continue;
    return child.type === 'ERROR' ? firstFailure(child) : child;
  }
  return error;
}
