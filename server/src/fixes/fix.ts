/** A fix: edits to a document's text (offsets in UTF-16 code units), with a title the editor shows. Pure. */
import type { Span } from '../syntax/ast';

export interface TextEdit {
  span: Span;
  text: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one fix to apply without asking (VS Code's "preferred" quick fix). */
  preferred?: boolean;
}

/** The line ending the text uses (the first one it has; `\n` when it has none). */
export function eolOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** The offset just after the line ending of the line holding `offset` (the text's end for the last line). */
export function nextLineStart(text: string, offset: number): number {
  let i = Math.max(0, Math.min(offset, text.length));
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return i < text.length ? i + 1 : i;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
