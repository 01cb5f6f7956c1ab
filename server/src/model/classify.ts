/** What a cell's text is: a code's kind, a figure, a dash, a broken number … (shared by the builder and the row store). */
import { parseFigure, type Figure } from '../numbers/decimal';
import { trimEndChars } from '../util/text';
import type { CellKind, CodeKind } from './document';

/** Whether a UTF-16 code unit is a blank: one `\s` matches (the ideographic space U+3000 is one of them). */
function isBlank(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The text without blanks (`\s` and the ideographic space): how names and codes compare. A text with no blank (most
 * labels and names) is returned as it is, without a regular expression: every row label a rule names is normalised.
 */
export function norm(s: string): string {
  for (let i = 0; i < s.length; i++) if (isBlank(s.charCodeAt(i))) return s.replace(/[\s\u3000]+/g, '');
  return s;
}

export function classifyCode(code: string): CodeKind | undefined {
  if (/^\d{7}$/.test(code)) return 'functional';
  if (/^[2]\d{2}(\d{2})?$/.test(code)) return 'functional';
  if (/^[35]\d{2}(\d{2})?$/.test(code)) return 'economic';
  if (/^1\d{2}(\d{2}(\d{2}(\d{2})?)?)?$/.test(code)) return 'functional';
  if (/^[0-9A-Za-z]{8,}$/.test(code) && /\d/.test(code)) return 'project';
  return undefined;
}

/** `12.00 万元` → `12.00` (a figure printed with its unit). */
function withoutUnit(text: string): string {
  return trimEndChars(text.slice(0, text.length - (text.endsWith('万元') ? 2 : 1)), ' \t\u3000');
}

/** A figure column's cell: empty, a dash, a figure (maybe printed with its unit), a broken number, or text. */
export function classifyCell(text: string): { kind: CellKind; figure?: Figure } {
  if (text === '') return { kind: 'empty' };
  if (/^[-—–－−―]+$/.test(text)) return { kind: 'dash' };
  const figure = parseFigure(text) ?? (text.endsWith('元') ? parseFigure(withoutUnit(text)) : undefined);
  if (figure) return { kind: 'figure', figure };
  if (/\d/.test(text) && /^[\d\s.,，．%\-−]+$/.test(text)) return { kind: 'broken' };
  return { kind: 'text' };
}
