/**
 * Where the document's sections, sub-sections and parts start and end, read from the lines of the syntax tree.
 * A section ends at its last line of content: blank lines and the comments that introduce the next section
 * (`// 二、收入决算表` above `## 表 公开02表 …`) stay outside it.
 */
import type { Line, Span, SyntaxTree } from '../syntax/ast';
import { lastAtOrBefore } from '../util/arrays';

export const hasContent = (l: Line): boolean => l.kind !== 'blank' && l.kind !== 'comment';

/** The index of the tree line holding `offset` (or the last line starting before it). */
export function lineIndexAt(tree: SyntaxTree, offset: number): number {
  const lines = tree.lines;
  return lastAtOrBefore(lines.length, (i) => lines[i].span.start, offset);
}

/**
 * The span from the heading at line `index` to the end of the last line of content before the next heading that
 * closes it: one of level ≤ `level` (sections close at the next `##`, a `###` sub-heading at the next `###` or `##`).
 */
export function headedExtent(tree: SyntaxTree, index: number, level: number): Span {
  const lines = tree.lines;
  const head = lines[index];
  let end = head.span.end;
  for (let i = index + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'heading' && (l.level <= level || l.level <= 2)) break;
    if (hasContent(l)) end = l.span.end;
  }
  return { start: head.span.start, end };
}

/** The end of the last line of content in `span` (its start when it holds none). */
export function contentEnd(tree: SyntaxTree, span: Span): number {
  const lines = tree.lines;
  let end = span.start;
  for (let i = lineIndexAt(tree, span.start); i < lines.length && lines[i].span.start < span.end; i++) {
    if (hasContent(lines[i])) end = Math.min(span.end, lines[i].span.end);
  }
  return Math.max(end, span.start);
}
