/** What a cell's text is: a code's kind, a figure, a dash, a broken number … (shared by the builder and the row store). */
import { parseFigure, type Figure } from '../numbers/decimal';
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

/** A figure column's cell: empty, a dash, a figure (maybe printed with its unit), a broken number, or text. */
export function classifyCell(text: string): { kind: CellKind; figure?: Figure } {
  if (text === '') return { kind: 'empty' };
  if (/^[-—–－−―]+$/.test(text)) return { kind: 'dash' };
  const figure = parseFigure(text) ?? parseFigure(text.replace(/[ \t\u3000]*(万元|元)$/, ''));
  if (figure) return { kind: 'figure', figure };
  if (/\d/.test(text) && /^[\d\s.,，．%\-−]+$/.test(text)) return { kind: 'broken' };
  return { kind: 'text' };
}
