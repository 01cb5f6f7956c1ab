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

/**
 * A row label's item number, as these documents print it: `一、` (`一.`, `一．`), `（一）` or `(一)`, `1.` (`1．`, `1、`),
 * `（1）` or `(1)` — `廿一、` too —, with the blanks around it. A digit after `1.` makes a decimal, not an item number
 * (`1.5万元以下`, `2.0`), unless it begins a year (`4.2020年12月前…`). Blanks (`\s`) inside change nothing, so a label
 * and its `norm` have the same number. Groups: 1 `一、`, 2 `（一）`, 3 `1.`, else `（1）`.
 */
const ITEM_NUMBER =
  /^\s*(?:([一二三四五六七八九十廿]+\s*[、.．])|[（(]\s*(?:([一二三四五六七八九十廿]+)|\d+)\s*[）)]|(\d+\s*(?:、|[.．](?!\s*\d)|[.．](?=\s*\d{4}\s*年))))\s*/;

/** What an item number (`ITEM_NUMBER`) may start with besides a digit or a blank, as code units. */
const ITEM_START = new Set([...'一二三四五六七八九十廿（('].map((ch) => ch.charCodeAt(0)));

/** The item number of a label; the expression runs only on a label that can start with one. */
function itemNumber(label: string): RegExpExecArray | null {
  const c = label.charCodeAt(0);
  return (c >= 48 && c <= 57) || ITEM_START.has(c) || isBlank(c) ? ITEM_NUMBER.exec(label) : null;
}

/**
 * How long the item number (`ITEM_NUMBER`) a text begins with is, with the blanks around it; 0 without one. A row
 * label's, and a 名词解释 line's before its term (model/glossaryLine.ts): the documents number both alike.
 */
export function itemNumberLength(text: string): number {
  return itemNumber(text)?.[0].length ?? 0;
}

/** A row label without its item number (`ITEM_NUMBER`) and the blanks after it; the label itself when it has none. */
export function withoutItemNumber(label: string): string {
  const n = itemNumberLength(label);
  return n ? label.slice(n) : label;
}

/** Whether a label begins with an item number (`ITEM_NUMBER`). */
export function hasItemNumber(label: string): boolean {
  return itemNumber(label) !== null;
}

/**
 * The level of a label's item number, outermost first: `一、` 1, `（一）` 2, `1.` 3, `（1）` 4; undefined without one
 * (siblings are the rows numbered alike, their items one level deeper).
 */
export function itemLevel(label: string): 1 | 2 | 3 | 4 | undefined {
  const m = itemNumber(label);
  return !m ? undefined : m[1] ? 1 : m[2] ? 2 : m[3] ? 3 : 4;
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
