/** Subject codes in the document model: where a row prints a code and its name, and what kind of codes a table lists. */
import type { Cell, CodeKind, Column, Part, Row, Table } from '../model/document';
import { classifyCode, norm } from '../model/build';
import { CodeKindId, Kind, storeOf } from '../model/rows';
import type { Span } from '../syntax/ast';

/** A code printed in a row, with the name printed beside it. */
export interface CodeCell {
  code: string;
  codeSpan: Span;
  kind?: CodeKind;
  name?: string;
  nameSpan?: Span;
  /** The cell holding the code (absent when the code starts the label: `2010350 事业运行`). */
  cell?: Cell;
}

/** 3, 5 or 7 digits (类, 款, 项), or 9 for a revenue 目. */
export const SUBJECT_CODE = /^\d{3}(?:\d{2}){0,3}$/;

/**
 * The codes a row prints. A row usually has one (`2010350 | 事业运行 | …`), but a 基本支出明细表 prints three code/name
 * pairs side by side (`301 | 工资福利支出 | 108.97 | 302 | 商品和服务支出 | 3.57 | …`): each code cell is paired with
 * the cell after it.
 */
export function codeCellsOf(row: Row): CodeCell[] {
  // Rows never change once built, and the rows of unchanged sections live on from version to version.
  let cells = codeCellsCache.get(row);
  if (!cells) codeCellsCache.set(row, (cells = findCodeCells(row)));
  return cells;
}

const codeCellsCache = new WeakMap<Row, CodeCell[]>();

function findCodeCells(row: Row): CodeCell[] {
  const out: CodeCell[] = [];
  row.cells.forEach((cell, i) => {
    if (cell.column?.role !== 'code' || !cell.text) return;
    const code = norm(cell.text);
    const next = row.cells[i + 1];
    const named = next !== undefined && next.column?.role !== 'code'
      && (next.column?.role === 'label' || next.kind === 'text') && !/^\d/.test(next.text);
    out.push({
      code, codeSpan: cell.span, kind: classifyCode(code), cell,
      ...(named ? { name: next.text, nameSpan: next.span } : {}),
    });
  });
  if (!out.length && row.code && row.codeSpan && !row.part.columns.some((c) => c.role === 'code')) {
    out.push({ code: row.code, codeSpan: row.codeSpan, kind: row.codeKind, name: row.label, nameSpan: row.labelSpan });
  }
  return out;
}

/** A code a part prints, as `partCodes` reads it (the object is reused: valid until the next one). */
export interface PartCode {
  row: number;
  code: string;
  kind?: CodeKind;
  name?: string;
  /** The code's column (none when the code starts the label). */
  column?: Column;
  /** The code's place (a new object each time it is asked). */
  readonly codeSpan: Span;
  readonly nameSpan: Span | undefined;
}

/**
 * Every code a part prints, in order: what `codeCellsOf` gives for each row, read from the part's store without
 * making the rows' views (code checks and the workspace index read every code of every table).
 */
export function* partCodes(p: Part, from = 0, to = Infinity): Generator<PartCode> {
  const s = storeOf(p);
  if (!s) {
    for (const r of p.rows.slice(from, to)) for (const c of codeCellsOf(r)) {
      yield { row: r.index, code: c.code, kind: c.kind, name: c.name, column: c.cell?.column, codeSpan: c.codeSpan, nameSpan: c.nameSpan };
    }
    return;
  }
  const cols = p.columns;
  const codeColumns = cols.filter((c) => c.role === 'code');
  let r = 0;
  let cell = -1;
  let name = -1;
  const span = (c: number) => {
    const base = s.source.offsetOf(s.line(r));
    return { start: base + s.cellStart(c), end: base + s.cellEnd(c) };
  };
  const out: PartCode = {
    row: 0, code: '',
    get codeSpan() {
      if (cell >= 0) return span(cell);
      const base = s.source.offsetOf(s.line(r));
      return { start: base + s.codeStart(r), end: base + s.codeEnd(r) };
    },
    get nameSpan() {
      if (cell < 0) {
        const base = s.source.offsetOf(s.line(r));
        return { start: base + s.labelStart(r), end: base + s.labelEnd(r) };
      }
      return name >= 0 ? span(name) : undefined;
    },
  };
  for (r = from; r < Math.min(to, s.count); r++) {
    out.row = r;
    if (!codeColumns.length) {
      // A table without a code column: a label that starts with a code gives the row that code.
      if (s.codeCell(r) !== -2) continue;
      cell = -1;
      out.code = s.code(r)!;
      out.kind = s.codeKindOf(r);
      out.name = s.label(r);
      out.column = undefined;
      yield out;
      continue;
    }
    const line = s.line(r);
    for (const col of codeColumns) {
      const c = s.cellAt(r, col.index);
      if (c < 0 || s.cellStart(c) === s.cellEnd(c)) continue;
      cell = c;
      // The row's own code (its last code cell) is known to the store; another code cell is read here.
      if (s.codeCell(r) === col.index) {
        out.code = s.code(r)!;
        out.kind = s.codeKindOf(r);
      } else {
        out.code = norm(s.cellText(c, line));
        out.kind = classifyCode(out.code);
      }
      out.column = col;
      // Paired with the cell after it, when that one holds a name.
      const next = s.cellAt(r, col.index + 1);
      const role = cols[col.index + 1]?.role;
      const text = next >= 0 ? s.cellText(next, line) : '';
      name = next >= 0 && role !== 'code' && (role === 'label' || s.kind(next) === Kind.Text) && !/^\d/.test(text) ? next : -1;
      out.name = name >= 0 ? text : undefined;
      yield out;
    }
  }
}

export type Level = '类' | '款' | '项' | '目';

export function levelOf(code: string): Level | undefined {
  return ({ 3: '类', 5: '款', 7: '项', 9: '目' } as Record<number, Level>)[code.length];
}

/** The code's ancestors and itself: `2150502` → `215`, `21505`, `2150502`. */
export function pathCodes(code: string): string[] {
  const out: string[] = [];
  for (let n = 3; n <= code.length; n += 2) out.push(code.slice(0, n));
  return out;
}

export function parentOf(code: string): string | undefined {
  return code.length > 3 ? code.slice(0, code.length - 2) : undefined;
}

/** Catalog kinds by the code's first digit: 1 收入, 2 支出功能, 3 部门预算支出经济, 5 政府预算支出经济. */
export type CatalogKind = 'revenue' | 'functional' | 'economic-dept' | 'economic-gov';

export function catalogKindOf(code: string): CatalogKind | undefined {
  switch (code[0]) {
    case '1': return 'revenue';
    case '2': return 'functional';
    case '3': return 'economic-dept';
    case '5': return 'economic-gov';
    default: return undefined;
  }
}

/** Functional (支出功能分类) or economic (支出经济分类): what the model's CodeKind distinguishes. */
export type TableCodeKind = 'functional' | 'economic';

const ECONOMIC_HINT = /经济分类|基本支出(决算)?(明细)?表|按经济/;
const FUNCTIONAL_HINT = /功能分类|按功能/;

/**
 * What kind of codes a part lists: said by its code column's name or the table's title (`功能分类科目编码`,
 * `…基本支出…表`, `按经济分类`), else by the codes it already holds (two thirds of at least two coded rows).
 */
export function partCodeKind(part: Part, column?: Column): { kind: TableCodeKind; declared: boolean } | undefined {
  let kinds = partKindCache.get(part);
  if (!kinds) partKindCache.set(part, (kinds = new Map()));
  if (!kinds.has(column)) kinds.set(column, codeKindOfPart(part, column));
  return kinds.get(column);
}

/** A part's kinds by column, kept as long as the part (a part whose rows change is a new part). */
const partKindCache = new WeakMap<Part, Map<Column | undefined, { kind: TableCodeKind; declared: boolean } | undefined>>();

function codeKindOfPart(part: Part, column?: Column): { kind: TableCodeKind; declared: boolean } | undefined {
  const col = column ?? part.columns.find((c) => c.role === 'code');
  const names = `${col?.path.join('') ?? ''}`;
  if (ECONOMIC_HINT.test(names)) return { kind: 'economic', declared: true };
  if (FUNCTIONAL_HINT.test(names)) return { kind: 'functional', declared: true };
  const title = tableText(part.table);
  if (ECONOMIC_HINT.test(title) && !FUNCTIONAL_HINT.test(title)) return { kind: 'economic', declared: true };
  if (FUNCTIONAL_HINT.test(title) && !ECONOMIC_HINT.test(title)) return { kind: 'functional', declared: true };
  let f = 0;
  let e = 0;
  const s = storeOf(part);
  if (s && part.columns.filter((c) => c.role === 'code').length === 1 && (!column || column.role === 'code')) {
    // One code column: each row's code, from the store's numbers.
    for (let r = 0; r < s.count; r++) {
      const k = s.codeKindId(r);
      if (k === CodeKindId.Economic) e++;
      else if (k === CodeKindId.Functional && s.codeCell(r) >= 0 && Math.floor(s.codeNum(r) / 10 ** (s.codeLen(r) - 1)) === 2) f++;
    }
  } else for (const c of partCodes(part)) {
    if (column && c.column && c.column !== column) continue;
    if (c.kind === 'functional' && c.code[0] === '2') f++;
    else if (c.kind === 'economic') e++;
  }
  if (f + e < 2) return undefined;
  if (f * 3 >= (f + e) * 2) return { kind: 'functional', declared: false };
  if (e * 3 >= (f + e) * 2) return { kind: 'economic', declared: false };
  return undefined;
}

function tableText(t: Table): string {
  return `${t.title} ${t.heading}`;
}

/** The kind of a code for the functional/economic distinction (revenue and project codes have none). */
export function codeKindOf(code: string): TableCodeKind | undefined {
  const k = catalogKindOf(code);
  if (k === 'functional') return 'functional';
  if (k === 'economic-dept' || k === 'economic-gov') return code.length <= 5 ? 'economic' : undefined;
  return undefined;
}

/** An economic part's family: 部门预算 (3xx) or 政府预算 (5xx) economic codes, by its title or the codes it holds. */
export function economicFamily(part: Part): '3' | '5' {
  if (/政府预算支出经济分类|政府经济分类/.test(`${tableText(part.table)} ${part.columns.map((c) => c.path.join('')).join(' ')}`)) return '5';
  let three = 0;
  let five = 0;
  for (const c of partCodes(part)) {
    if (c.code[0] === '3') three++;
    else if (c.code[0] === '5') five++;
  }
  return five > three ? '5' : '3';
}
