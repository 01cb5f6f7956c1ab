/** Rules that need no declaration: the 类/款/项 hierarchy and the 合计 row. */
import { figureColumns, norm } from '../model/build';
import type { BudgetDocument, Cell, Column, Part, Row } from '../model/document';
import { CodeKindId, Kind, storeOf, type RowStore, type StoredPart } from '../model/rows';
import type { Messages } from '../i18n/messages';
import { RelationList } from './compact';
import type { Relation } from './relation';
import { scaleTo, ZERO, type Figure } from '../numbers/decimal';
import { maxOf, pushAll } from '../util/arrays';

function cellAt(row: Row, col: Column): Cell | undefined {
  return row.cells[col.index];
}

function columnRelations(rule: Relation['rule'], title: string, target: Row, children: Row[], cols: Column[], out: RelationList) {
  for (const col of cols) {
    const t = cellAt(target, col);
    if (!t) continue;
    const terms = children.map((r) => cellAt(r, col)).filter((c): c is Cell => !!c).map((cell) => ({ sign: 1 as const, cell }));
    out.add({ rule, kind: 'sum', title, target: t, terms });
  }
}

/**
 * Rows that repeat a code (some published tables print a 项 row under its 款 code): when the first row of a repeated
 * code equals the sum of the others in every column it is their subtotal and stands for them; otherwise all count.
 */
function collapseRepeats(rows: Row[], cols: Column[]): Row[] {
  const byCode = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byCode.get(r.code!);
    if (list) list.push(r); else byCode.set(r.code!, [r]);
  }
  const out: Row[] = [];
  for (const group of byCode.values()) {
    if (group.length > 1 && cols.every((c) => sameSum(group[0], group.slice(1), c))) out.push(group[0]);
    else pushAll(out, group);
  }
  return out;
}

function sameSum(first: Row, rest: Row[], col: Column): boolean {
  return sameSumOf([first, ...rest].map((r) => {
    const c = r.cells[col.index];
    return c?.kind === 'figure' && c.figure ? c.figure : ZERO;
  }));
}

/** Whether the first figure is the sum of the others, exactly. */
function sameSumOf(figs: Figure[]): boolean {
  const dec = maxOf(figs.map((f) => f.decimals));
  const [head, ...tail] = figs.map((f) => scaleTo(f, dec));
  return head === tail.reduce((a, b) => a + b, 0n);
}

/** The built-in relations of a document, as objects. */
export function builtinRelations(doc: BudgetDocument, m: Messages): Relation[] {
  const list = new RelationList();
  builtinInto(doc, m, list);
  return list.all();
}

/** The built-in relations of a document, into `out`: from the stores' arrays for stored parts. */
export function builtinInto(doc: BudgetDocument, m: Messages, out: RelationList): void {
  const titles = new Map<number, string>();
  const title = (code: () => string, len: number) => {
    let t = titles.get(len);
    if (t === undefined) {
      t = m.ruleHierarchy(m.level[len] ?? code(), m.level[len + 2] ?? '');
      if (m.level[len] !== undefined) titles.set(len, t);
    }
    return t;
  };
  for (const table of doc.tables) {
    for (const part of table.parts) {
      const cols = figureColumns(part);
      if (!cols.length) continue;
      const store = storeOf(part);
      if (store) storedPart(part as StoredPart, store, cols, m, title, out);
      else plainPart(part, cols, m, out);
    }
  }
}

function plainPart(part: Part, cols: Column[], m: Messages, out: RelationList): void {
  const coded = part.rows.filter((r) => r.code && (r.codeKind === 'functional' || r.codeKind === 'economic'));
  // Children by their parent's code: 2010350 → 20103, 20103 → 201.
  const childrenOf = new Map<string, Row[]>();
  for (const r of coded) {
    const code = r.code!;
    if (code.length !== 5 && code.length !== 7) continue;
    const key = `${r.codeKind}:${code.slice(0, -2)}`;
    const list = childrenOf.get(key);
    if (list) list.push(r); else childrenOf.set(key, [r]);
  }
  const seen = new Set<string>();
  for (const parent of coded) {
    const code = parent.code!;
    if (code.length !== 3 && code.length !== 5) continue;
    // A code printed on several rows is checked once, from its first row.
    const key = `${parent.codeKind}:${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const listed = childrenOf.get(key);
    if (!listed) continue;
    const children = collapseRepeats(listed, cols);
    const title = m.ruleHierarchy(m.level[code.length] ?? code, m.level[code.length + 2] ?? '');
    columnRelations('code-hierarchy', title, parent, children, cols, out);
  }
  if (!coded.length) return;
  let top = Infinity;
  for (const r of coded) top = Math.min(top, r.code!.length);
  const topRows = collapseRepeats(coded.filter((r) => r.code!.length === top), cols);
  for (const total of part.rows) {
    if (norm(total.label) !== '合计' || total.code) continue;
    columnRelations('total-row', m.ruleTotal, total, topRows, cols, out);
  }
}

/** A code as one number: its length and digits (a code of one length is its digits: `201` ≠ `0201`). */
function codeKey(s: RowStore, r: number): number {
  return s.codeLen(r) * 1e10 + s.codeNum(r);
}

/** The same as `plainPart`, over the store: rows by number, codes by `codeKey`, figures from the arrays. */
function storedPart(part: StoredPart, s: RowStore, cols: Column[], m: Messages, title: (code: () => string, len: number) => string, out: RelationList): void {
  const coded: number[] = [];
  for (let r = 0; r < s.count; r++) {
    const k = s.codeKindId(r);
    if ((k === CodeKindId.Functional || k === CodeKindId.Economic) && s.codeLen(r) > 0) coded.push(r);
  }
  if (!coded.length) return;
  const p = out.part(part);
  const childrenOf = new Map<number, number[]>();
  for (const r of coded) {
    const len = s.codeLen(r);
    if (len !== 5 && len !== 7) continue;
    const key = s.codeKindId(r) * 1e12 + (len - 2) * 1e10 + Math.floor(s.codeNum(r) / 100);
    const list = childrenOf.get(key);
    if (list) list.push(r); else childrenOf.set(key, [r]);
  }
  const seen = new Set<number>();
  for (const parent of coded) {
    const len = s.codeLen(parent);
    if (len !== 3 && len !== 5) continue;
    const key = s.codeKindId(parent) * 1e12 + codeKey(s, parent);
    if (seen.has(key)) continue;
    seen.add(key);
    const listed = childrenOf.get(key);
    if (!listed) continue;
    const children = collapseStored(s, listed, cols);
    columnsOver(s, p, 'code-hierarchy', title(() => s.code(parent)!, len), parent, children, cols, out);
  }
  let top = Infinity;
  for (const r of coded) top = Math.min(top, s.codeLen(r));
  const topRows = collapseStored(s, coded.filter((r) => s.codeLen(r) === top), cols);
  for (let r = 0; r < s.count; r++) if (s.isTotal(r)) columnsOver(s, p, 'total-row', m.ruleTotal, r, topRows, cols, out);
}

function columnsOver(s: RowStore, p: number, rule: Relation['rule'], title: string, target: number, children: number[], cols: Column[], out: RelationList): void {
  for (const col of cols) {
    const t = s.cellAt(target, col.index);
    if (t < 0) continue;
    out.begin(rule, 'sum', title, undefined, p, target, t);
    for (const r of children) {
      const c = s.cellAt(r, col.index);
      if (c >= 0) out.term(p, r, c, 1);
    }
    out.end();
  }
}

function collapseStored(s: RowStore, rows: number[], cols: Column[]): number[] {
  if (!repeats(s, rows)) return rows;
  const byCode = new Map<number, number[]>();
  for (const r of rows) {
    const key = codeKey(s, r);
    const list = byCode.get(key);
    if (list) list.push(r); else byCode.set(key, [r]);
  }
  const out: number[] = [];
  for (const group of byCode.values()) {
    if (group.length > 1 && cols.every((c) => sameSumStored(s, group, c.index))) out.push(group[0]);
    else pushAll(out, group);
  }
  return out;
}

/** Whether some code is printed on more than one of the rows. */
function repeats(s: RowStore, rows: number[]): boolean {
  if (rows.length > 16) return new Set(rows.map((r) => codeKey(s, r))).size < rows.length;
  for (let i = 1; i < rows.length; i++) {
    const k = codeKey(s, rows[i]);
    for (let j = 0; j < i; j++) if (codeKey(s, rows[j]) === k) return true;
  }
  return false;
}

/** `sameSum` over the store: in Numbers while they are exact, else in BigInt. */
function sameSumStored(s: RowStore, rows: number[], column: number): boolean {
  let dec = 0;
  let big = false;
  const cells = rows.map((r) => {
    const c = s.cellAt(r, column);
    if (c < 0 || s.kind(c) !== Kind.Figure) return -1;
    if (s.decimals(c) > dec) dec = s.decimals(c);
    if (!s.isSmall(c)) big = true;
    return c;
  });
  if (!big && dec <= 15) {
    let head = 0;
    let sum = 0;
    let size = 0;
    const scale = (c: number) => (c < 0 ? 0 : s.units(c) * 10 ** (dec - s.decimals(c)));
    head = scale(cells[0]);
    for (let i = 1; i < cells.length; i++) {
      const u = scale(cells[i]);
      sum += u;
      size += Math.abs(u);
    }
    if (size <= Number.MAX_SAFE_INTEGER && Math.abs(head) <= Number.MAX_SAFE_INTEGER) return head === sum;
  }
  return sameSumOf(cells.map((c, i) => (c < 0 ? ZERO : s.figure(c, s.line(rows[i]))!)));
}
