/** What a cell's text is: a code's kind, a figure, a dash, a broken number … (shared by the builder and the row store). */
import { parseFigure, type Figure } from '../numbers/decimal';
import { trimEndChars } from '../util/text';
import type { CellKind, CodeKind } from './document';

/** The text without blanks (`\s` and the ideographic space): how names and codes compare. */
export function norm(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
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
