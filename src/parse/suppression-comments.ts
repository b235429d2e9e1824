/**
 * Inline suppressions: `# pyseam: ignore[private-import] reason`, read from the
 * text of a tree-sitter `comment` node (a comment's content, not Python
 * syntax). The form follows ruff's `# noqa: CODE` and mypy's
 * `# type: ignore[code]`: the marker may follow other comment text
 * (`# noqa: F401  # pyseam: ignore[...]`), the bracket holds a comma list of
 * rule names, and the reason runs to the end of the comment or to the next
 * `#` (so `... reason  # type: ignore` keeps only `reason`).
 *
 * Shapes: `parseSuppression('# pyseam: ignore[private-import, contract] vendored')`
 * gives `{ rules: ['private-import', 'contract'], reason: 'vendored' }`; a
 * comment without the marker gives null; `ignore[]` gives no rules (null).
 */

const MARKER = /#\s*pyseam:\s*ignore\[([^\]]*)\]([^#]*)/;

/** A cheap test before the regular expression: most comments are not suppressions. */
export function mayBeSuppression(text: string): boolean {
  return text.includes('pyseam:');
}

/** The rules and reason of a suppression comment, or null when the comment holds none. */
export function parseSuppression(comment: string): { rules: string[]; reason: string } | null {
  const match = MARKER.exec(comment);
  if (!match) return null;
  const rules = match[1].split(',').map((r) => r.trim()).filter((r) => r !== '');
  if (rules.length === 0) return null;
  // A separator users put before the reason (`-- vendored`, `: vendored`) is not part of it.
  const reason = match[2].trim().replace(/^[-:\u2013\u2014]+\s*/, '').trim();
  return { rules, reason };
}
