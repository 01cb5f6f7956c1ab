/**
 * "Insert a missing parent 款/类 row": where 7-digit 项 rows stand without their 5-digit 款 row (or 款 rows without
 * their 3-digit 类 row), the fix inserts the parent row, before its first child, with the exact sums of the rows under
 * it in every figure column. The sums are decimal (no floating point) at the precision of the children.
 */
import { editorMessages } from '../i18n/editor';
import type { Locale } from '../i18n/messages';
import { figureColumns } from '../model/build';
import type { Cell, CodeKind, Column, Part, Row } from '../model/document';
import { formatUnits, scaleTo, type Figure } from '../numbers/decimal';
import type { Span } from '../syntax/ast';
import { eolOf, lineStart, overlaps, type Fix, type TextEdit } from './fix';
import { maxOf, minOf, pushAll } from '../util/arrays';

/** A value a row holds in a column: a figure, a blank (counts as zero), or nothing usable (text, a broken figure). */
type Value = { kind: 'figure'; figure: Figure } | { kind: 'blank' } | { kind: 'unknown' };

interface Node {
  code: string;
  kind: CodeKind;
  /** The printed row, or undefined for a parent to insert. */
  row?: Row;
  children: Node[];
  values: Map<Column, Value>;
  /** The offset before which a row to insert goes. */
  at: number;
}

export interface MissingParent {
  code: string;
  level: '类' | '款';
  name: string;
  /** The row's text, without a line ending. */
  line: string;
  /** Where it is inserted (the start of a line). */
  at: number;
  /** The printed rows it sums (directly or through other missing parents). */
  rows: Row[];
  /** The missing 款 rows a missing 类 row needs (in order). */
  with: MissingParent[];
}

export type NameOf = (code: string, kind: CodeKind) => string | undefined;

function valueOf(cell: Cell | undefined): Value {
  if (!cell || cell.kind === 'empty' || cell.kind === 'dash') return { kind: 'blank' };
  if (cell.kind === 'figure' && cell.figure && !cell.figure.percent) return { kind: 'figure', figure: cell.figure };
  return { kind: 'unknown' };
}

/** Σ of the values: a figure at the finest precision among them, blank when all are blank, unknown if any is. */
function sum(values: Value[]): Value {
  if (values.some((v) => v.kind === 'unknown')) return { kind: 'unknown' };
  const figs = values.flatMap((v) => (v.kind === 'figure' ? [v.figure] : []));
  if (!figs.length) return { kind: 'blank' };
  const dec = maxOf(figs.map((f) => f.decimals));
  let units = 0n;
  for (const f of figs) units += scaleTo(f, dec);
  const grouping = figs.some((f) => f.text.includes(','));
  const text = formatUnits(units, dec, grouping);
  return { kind: 'figure', figure: { units, decimals: dec, percent: false, exact: units === 0n, text } };
}

/** Rows printing the same code: the first stands for the others when it is their subtotal in every column. */
function collapse(nodes: Node[], cols: Column[]): Node[] {
  const byCode = new Map<string, Node[]>();
  for (const n of nodes) {
    const list = byCode.get(n.code);
    if (list) list.push(n); else byCode.set(n.code, [n]);
  }
  const out: Node[] = [];
  for (const group of byCode.values()) {
    const [first, ...rest] = group;
    const subtotal = rest.length > 0 && cols.every((c) => {
      const a = first.values.get(c);
      const b = sum(rest.map((r) => r.values.get(c) ?? { kind: 'blank' }));
      if (a?.kind !== 'figure' || b.kind !== 'figure') return a?.kind === b.kind;
      const dec = Math.max(a.figure.decimals, b.figure.decimals);
      return scaleTo(a.figure, dec) === scaleTo(b.figure, dec);
    });
    if (subtotal) out.push(first); else pushAll(out, group);
  }
  return out;
}

/** Moves an insertion point up over the `//` comment lines right above it (they describe the row below them). */
function aboveComments(text: string, at: number): number {
  let pos = at;
  while (pos > 0) {
    const prevStart = lineStart(text, pos - 1);
    const line = text.slice(prevStart, pos).trim();
    if (!line.startsWith('//')) break;
    pos = prevStart;
  }
  return pos;
}

/** The missing parent rows of a part, 类 rows first, in document order. */
export function missingParents(text: string, part: Part, nameOf?: NameOf): MissingParent[] {
  const cols = part.columns;
  const figureCols = figureColumns(part);
  if (!figureCols.length) return [];
  const codeCol = cols.find((c) => c.role === 'code');
  const labelCol = cols.find((c) => c.role === 'label');
  if (!codeCol && !labelCol) return [];
  const printed: Node[] = [];
  for (const r of part.rows) {
    if (!r.code || (r.codeKind !== 'functional' && r.codeKind !== 'economic')) continue;
    if (![3, 5, 7].includes(r.code.length) || (r.codeKind === 'economic' && r.code.length === 7)) continue;
    const values = new Map<Column, Value>();
    for (const c of figureCols) values.set(c, valueOf(r.cells[c.index]));
    printed.push({ code: r.code, kind: r.codeKind, row: r, children: [], values, at: aboveComments(text, lineStart(text, r.span.start)) });
  }
  const known = new Set(printed.map((n) => `${n.kind}:${n.code}`));
  const all = [...printed];
  const missing: Node[] = [];
  for (const len of [7, 5]) {
    const byParent = new Map<string, Node[]>();
    for (const n of all) {
      if (n.code.length !== len) continue;
      const key = `${n.kind}:${n.code.slice(0, -2)}`;
      if (known.has(key)) continue;
      const list = byParent.get(key);
      if (list) list.push(n); else byParent.set(key, [n]);
    }
    for (const [key, children] of byParent) {
      const kids = collapse(children, figureCols);
      const values = new Map<Column, Value>();
      for (const c of figureCols) values.set(c, sum(kids.map((k) => k.values.get(c) ?? { kind: 'blank' })));
      const node: Node = { code: key.slice(key.indexOf(':') + 1), kind: children[0].kind, children: kids, values, at: minOf(children.map((k) => k.at)) };
      known.add(key);
      all.push(node);
      missing.push(node);
    }
  }
  const toParent = (n: Node): MissingParent => {
    const name = nameOf?.(n.code, n.kind)?.trim() ?? '';
    const cells = cols.map((c) => {
      if (c.role === 'code') return c === codeCol ? n.code : '';
      if (c.role === 'label') return c === labelCol ? (codeCol ? name : `${n.code} ${name}`.trim()) : '';
      if (c.role === 'line') return '';
      const v = n.values.get(c);
      return v?.kind === 'figure' ? v.figure.text : '';
    });
    const rows: Row[] = [];
    const collect = (x: Node) => { if (x.row) rows.push(x.row); else x.children.forEach(collect); };
    n.children.forEach(collect);
    const sub = n.children.filter((k) => !k.row).map(toParent).sort((a, b) => a.at - b.at);
    return {
      code: n.code, level: n.code.length === 3 ? '类' : '款', name, line: cells.join(' | ').trimEnd(), at: n.at, rows, with: sub,
    };
  };
  return missing.map(toParent).sort((a, b) => a.at - b.at || a.code.length - b.code.length);
}

/** The edits that insert parent rows: one insertion per place, 类 before its 款. */
function insertions(text: string, parents: MissingParent[]): TextEdit[] {
  const eol = eolOf(text);
  const byAt = new Map<number, MissingParent[]>();
  for (const p of parents) {
    const list = byAt.get(p.at);
    if (list) list.push(p); else byAt.set(p.at, [p]);
  }
  return [...byAt.entries()].sort((a, b) => a[0] - b[0]).map(([at, list]) => {
    list.sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
    // At the very end of a text without a final line ending, the new row starts a line of its own.
    const lead = at === text.length && at > 0 && !/[\r\n]$/.test(text) ? eol : '';
    return { span: { start: at, end: at }, text: lead + list.map((p) => p.line + eol).join('') };
  });
}

/** Quick fixes inserting the missing parent rows of the parts that `range` touches. */
export function parentRowFixes(text: string, parts: Part[], range: Span, nameOf?: NameOf, locale?: Locale): Fix[] {
  const m = editorMessages(locale);
  const out: Fix[] = [];
  for (const part of parts) {
    if (!part.rows.some((r) => overlaps(r.span, range))) continue;
    const missing = missingParents(text, part, nameOf);
    if (!missing.length) continue;
    for (const p of missing) {
      if (!p.rows.some((r) => overlaps(r.span, range))) continue;
      // A 类 row needs the 款 rows it sums; a 款 row whose 类 is missing too is offered alone (its 类 is another fix).
      out.push({ title: m.insertParent(p.level, p.code, p.name), edits: insertions(text, [p, ...p.with]) });
    }
    const everyone = missing.filter((p, i, a) => a.findIndex((q) => q.code === p.code) === i);
    if (everyone.length > 1) out.push({ title: m.insertParents(everyone.length), edits: insertions(text, everyone) });
  }
  return out;
}
