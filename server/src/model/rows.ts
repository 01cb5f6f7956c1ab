/**
 * The rows of a part, stored compactly: one entry per row and per cell in typed arrays, figures as scaled integers
 * in Numbers (the rare figure past 15 digits, or printed with its unit, is kept as an object beside them), offsets
 * relative to the start of the row's line, no text but the line's own. This is what the checks read
 * (../rules/builtin, ../rules/declared, ../checks/evaluate): sums per column and per code over the arrays.
 *
 * `Row` and `Cell` objects (./document) are views, created when a feature first asks for a part's rows
 * (`Part.rows`) or for one row (`rowOf`), and kept with the part; `RowLine`s (../syntax/ast) likewise, for the
 * syntax tree's lines. A part whose rows change is a new part: views are never updated, only moved with their
 * section (`PartViews.shift`).
 */
import { classifyCell, classifyCode, norm } from './classify';
import type { Cell, CellKind, CodeKind, Column, ColumnRole, Field, Part, Row, Table } from './document';
import type { Figure } from '../numbers/decimal';
import type { CellNode, RowLine, Say, Span } from '../syntax/ast';
import { isBlank, type RowScan } from '../syntax/rowLine';

/** Where a store's rows are: `line` keys are the store's own (a line's number, or its offset in a section). */
export interface LineSource {
  /** The document offset at which line `line` starts. */
  offsetOf(line: number): number;
  /** The text [from, to) of line `line`, offsets from the line's start. */
  slice(line: number, from: number, to: number): string;
}

export const enum Kind { Empty, Figure, Dash, Text, Broken }
const KINDS: CellKind[] = ['empty', 'figure', 'dash', 'text', 'broken'];
const KIND_OF: Record<CellKind, Kind> = { empty: Kind.Empty, figure: Kind.Figure, dash: Kind.Dash, text: Kind.Text, broken: Kind.Broken };

/** Cell flags. */
export const enum CellFlag {
  Percent = 1,
  /** A zero (or blank, dash): no rounding interval. */
  Exact = 2,
  /** Printed with thousands separators. */
  Grouping = 4,
  /** The units are not in `units` (past 2^53): only the figure object has them. */
  Big = 8,
  /** The figure object is kept (its text is not the cell's, or its units are big). */
  Object = 16,
  /** The cell's column is a figure column (or, past the columns, counts as one). */
  FigureRole = 32,
}

const enum RowFlag {
  /** The row has no code and its label reads 合计 (blanks aside): a 合计 row. */
  Total = 1,
  TooMany = 2,
  TooFew = 4,
}

export const enum CodeKindId { None, Functional, Economic, Project }
const CODE_KINDS: (CodeKind | undefined)[] = [undefined, 'functional', 'economic', 'project'];
const CODE_KIND_ID: Record<CodeKind, CodeKindId> = { functional: CodeKindId.Functional, economic: CodeKindId.Economic, project: CodeKindId.Project };

function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/** A figure read without a regular expression: the grammar of `parseFigure` for up to 15 digits. */
interface Scanned {
  units: number;
  decimals: number;
  flags: number;
}
const scanned: Scanned = { units: 0, decimals: 0, flags: 0 };

/** Reads [from, to) of `s` as `parseFigure` would (same units, decimals, percent); false when it cannot be sure. */
export function scanFigure(s: string, from: number, to: number, out: Scanned = scanned): boolean {
  let i = from;
  let neg = false;
  const c0 = s.charCodeAt(i);
  if (c0 === 45 || c0 === 0x2212 || c0 === 0xff0d) { neg = true; i++; }
  let n = 0;
  let digits = 0;
  let lead = 0; // digits before the first comma
  let group = -1; // digits since the last comma; -1: no comma
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (group >= 0) group++; else lead++;
    } else if (c === 44) {
      if (group >= 0 ? group !== 3 : lead === 0 || lead > 3) return false;
      group = 0;
    } else break;
  }
  if (group >= 0 && group !== 3) return false;
  const intDigits = digits;
  let decimals = 0;
  if (i < to && s.charCodeAt(i) === 46) {
    i++;
    for (; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
      digits++;
      decimals++;
    }
    if (!decimals) return false;
  }
  let flags = 0;
  if (i < to && s.charCodeAt(i) === 37) { flags |= CellFlag.Percent; i++; }
  if (i !== to || digits === 0 || digits > 15) return false;
  if (intDigits === 0 && decimals === 0) return false;
  if (group >= 0) flags |= CellFlag.Grouping;
  if (n === 0) flags |= CellFlag.Exact;
  out.units = neg && n !== 0 ? -n : n;
  out.decimals = decimals;
  out.flags = flags;
  return true;
}

const CODE_IN_LABEL = /^(\d{3}|\d{5}|\d{7})[ \t\u3000]+(\S.*)$/;

/** Whether [from, to) of `s` reads 合计 once blanks are left out (`norm(label) === '合计'`). */
function readsTotal(s: string, from: number, to: number): boolean {
  let k = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isBlank(c) || c === 10 || c === 13 || c === 11 || c === 12 || c === 0x2028 || c === 0x2029 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f) continue;
    if (k === 0 && c === 0x5408) k = 1; // 合
    else if (k === 1 && c === 0x8ba1) k = 2; // 计
    else return false;
  }
  return k === 2;
}

/** A row-shape problem (too many or too few cells), as the builder reports it. */
export interface ShapeProblem {
  say: Say;
  span: Span;
  rule: string;
  severity: 'error' | 'warning';
}

/** The rows of one part, in typed arrays. Rows are added in order by the model builder. */
export class RowStore {
  count = 0;
  cellCount = 0;
  line = new Int32Array(16);
  spanStart = new Int32Array(16);
  spanEnd = new Int32Array(16);
  /** Where the row's comment starts, or -1. */
  comment = new Int32Array(16);
  /** The first cell of each row; row r's cells are [cellFrom[r], cellFrom[r + 1]). */
  cellFrom = new Int32Array(17);
  /** The label: its cell (index in the row), or -1; its text [labelStart, labelEnd) (-1 when there is none). */
  labelCell = new Int32Array(16);
  labelStart = new Int32Array(16);
  labelEnd = new Int32Array(16);
  /** The code: its cell (index in the row), -2 when it starts the label, -1 when there is none. */
  codeCell = new Int32Array(16);
  codeStart = new Int32Array(16);
  codeEnd = new Int32Array(16);
  /** The code's digits as a number (NaN when it is not only digits, or too long), its length, its kind. */
  codeNum = new Float64Array(16);
  codeLen = new Int32Array(16);
  codeKind = new Uint8Array(16);
  /** 行次, or NaN. */
  lineNo = new Float64Array(16);
  flags = new Uint8Array(16);

  cellStart = new Int32Array(64);
  cellEnd = new Int32Array(64);
  kind = new Uint8Array(64);
  units = new Float64Array(64);
  decimals = new Uint8Array(64);
  cellFlags = new Uint8Array(64);
  /** Figure objects for the cells that need one (flag `Object`), by cell index. */
  readonly figures = new Map<number, Figure>();
  /** Codes that are not their cell's text (blanks inside), by row. */
  readonly codes = new Map<number, string>();

  constructor(readonly source: LineSource) {}

  private reserveRow(): number {
    const r = this.count;
    if (r + 1 >= this.line.length) {
      const n = r + 2;
      this.line = grow(this.line, n);
      this.spanStart = grow(this.spanStart, n);
      this.spanEnd = grow(this.spanEnd, n);
      this.comment = grow(this.comment, n);
      this.labelCell = grow(this.labelCell, n);
      this.labelStart = grow(this.labelStart, n);
      this.labelEnd = grow(this.labelEnd, n);
      this.codeCell = grow(this.codeCell, n);
      this.codeStart = grow(this.codeStart, n);
      this.codeEnd = grow(this.codeEnd, n);
      this.codeNum = grow(this.codeNum, n);
      this.codeLen = grow(this.codeLen, n);
      this.codeKind = grow(this.codeKind, n);
      this.lineNo = grow(this.lineNo, n);
      this.flags = grow(this.flags, n);
    }
    this.cellFrom = grow(this.cellFrom, r + 2);
    return r;
  }

  private reserveCells(n: number): void {
    const need = this.cellCount + n;
    if (need <= this.cellStart.length) return;
    this.cellStart = grow(this.cellStart, need);
    this.cellEnd = grow(this.cellEnd, need);
    this.kind = grow(this.kind, need);
    this.units = grow(this.units, need);
    this.decimals = grow(this.decimals, need);
    this.cellFlags = grow(this.cellFlags, need);
  }

  /**
   * Adds the row read by `scan` from `text`, whose line `line` starts at `lineStart` in `text` (scan offsets are
   * offsets in `text`). `columns` are its part's. Returns the row's shape problem, if any (the builder reports it).
   */
  add(columns: readonly Column[], line: number, text: string, lineStart: number, scan: RowScan): ShapeProblem | undefined {
    const r = this.reserveRow();
    const n = scan.count;
    this.reserveCells(n);
    const first = this.cellCount;
    this.line[r] = line;
    this.spanStart[r] = scan.contentStart - lineStart;
    this.spanEnd[r] = scan.spanEnd - lineStart;
    this.comment[r] = scan.comment >= 0 ? scan.comment - lineStart : -1;
    this.cellFrom[r] = first;
    let labelCell = -1;
    let codeCell = -1;
    let lineNo = NaN;
    for (let i = 0; i < n; i++) {
      const c = first + i;
      const a = scan.cellStart(i);
      const b = scan.cellEnd(i);
      this.cellStart[c] = a - lineStart;
      this.cellEnd[c] = b - lineStart;
      this.units[c] = 0;
      this.decimals[c] = 0;
      const column = columns[i];
      const role: ColumnRole = column?.role ?? (i === 0 ? 'label' : 'figure');
      if (role === 'figure') {
        this.cellFlags[c] = CellFlag.FigureRole;
        if (a === b) { this.kind[c] = Kind.Empty; this.cellFlags[c] |= CellFlag.Exact; }
        else if (scanFigure(text, a, b)) {
          this.kind[c] = Kind.Figure;
          this.units[c] = scanned.units;
          this.decimals[c] = scanned.decimals;
          this.cellFlags[c] |= scanned.flags;
        } else this.classifySlow(c, text.slice(a, b));
        continue;
      }
      this.cellFlags[c] = 0;
      this.kind[c] = a === b ? Kind.Empty : Kind.Text;
      if (role === 'label') labelCell = i; // an empty label cell is the label too (empty, where it stands)
      if (a === b) continue;
      if (role === 'code') codeCell = i;
      else if (role === 'line') {
        const v = Number(norm(text.slice(a, b)));
        if (Number.isInteger(v)) lineNo = v;
      }
    }
    this.cellCount = first + n;
    this.cellFrom[r + 1] = this.cellCount;
    this.labelCell[r] = labelCell;
    this.labelStart[r] = labelCell >= 0 ? this.cellStart[first + labelCell] : -1;
    this.labelEnd[r] = labelCell >= 0 ? this.cellEnd[first + labelCell] : -1;
    this.codeCell[r] = -1;
    this.codeNum[r] = NaN;
    this.codeLen[r] = 0;
    this.codeKind[r] = CodeKindId.None;
    this.lineNo[r] = lineNo;
    if (codeCell >= 0) this.setCode(r, text, lineStart, codeCell, scan.cellStart(codeCell), scan.cellEnd(codeCell));
    else if (labelCell >= 0 && !columns.some((c) => c.role === 'code')) this.codeFromLabel(r, text, lineStart, scan.cellStart(labelCell), scan.cellEnd(labelCell));
    let flags = 0;
    if (this.codeCell[r] === -1 && labelCell >= 0 && readsTotal(text, lineStart + this.labelStart[r], lineStart + this.labelEnd[r])) flags |= RowFlag.Total;
    let problem: ShapeProblem | undefined;
    const cols = columns.length;
    if (cols && n > cols) {
      flags |= RowFlag.TooMany;
      problem = { say: (m) => m.tooManyCells(cols, n), span: { start: 0, end: 0 }, rule: 'row-shape', severity: 'error' };
    } else if (cols && n < cols && n > 1) {
      flags |= RowFlag.TooFew;
      problem = { say: (m) => m.tooFewCells(cols, n), span: { start: 0, end: 0 }, rule: 'row-shape', severity: 'warning' };
    }
    this.flags[r] = flags;
    this.count = r + 1;
    if (problem) {
      const base = this.source.offsetOf(line);
      problem.span = flags & RowFlag.TooMany
        ? { start: base + this.cellStart[first + cols], end: base + this.cellEnd[first + n - 1] }
        : { start: base + this.spanStart[r], end: base + this.spanEnd[r] };
    }
    return problem;
  }

  /** A figure-column cell the fast reader could not decide: `classifyCell` decides. */
  private classifySlow(c: number, text: string): void {
    const { kind, figure } = classifyCell(text);
    this.kind[c] = KIND_OF[kind];
    if (kind === 'dash') this.cellFlags[c] |= CellFlag.Exact;
    if (!figure) return;
    this.cellFlags[c] |= CellFlag.Object | (figure.percent ? CellFlag.Percent : 0) | (figure.exact ? CellFlag.Exact : 0) | (figure.text.includes(',') ? CellFlag.Grouping : 0);
    this.decimals[c] = figure.decimals;
    const u = Number(figure.units);
    if (Number.isSafeInteger(u) && figure.decimals < 256) this.units[c] = u;
    else this.cellFlags[c] |= CellFlag.Big;
    this.figures.set(c, figure);
  }

  private setCode(r: number, text: string, lineStart: number, cell: number, a: number, b: number): void {
    this.codeCell[r] = cell;
    this.codeStart[r] = a - lineStart;
    this.codeEnd[r] = b - lineStart;
    let digits = true;
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) { digits = false; break; }
    }
    const code = digits ? undefined : norm(text.slice(a, b));
    if (code !== undefined) this.codes.set(r, code);
    this.setCodeValue(r, code ?? text, code === undefined ? a : 0, code === undefined ? b : code.length);
  }

  private setCodeValue(r: number, s: string, a: number, b: number): void {
    let v = 0;
    let digits = b - a <= 15;
    for (let i = a; i < b && digits; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) digits = false;
      else v = v * 10 + (c - 48);
    }
    this.codeNum[r] = digits ? v : NaN;
    this.codeLen[r] = b - a;
    const kind = classifyCode(s.slice(a, b));
    this.codeKind[r] = kind ? CODE_KIND_ID[kind] : CodeKindId.None;
  }

  /** A table without a code column: a label that starts with a code (`2010350 事业运行`) gives the row that code. */
  private codeFromLabel(r: number, text: string, lineStart: number, a: number, b: number): void {
    const c0 = text.charCodeAt(a);
    if (c0 < 48 || c0 > 57) return;
    const m = CODE_IN_LABEL.exec(text.slice(a, b));
    if (!m) return;
    this.codeCell[r] = -2;
    this.codeStart[r] = a - lineStart;
    this.codeEnd[r] = a + m[1].length - lineStart;
    this.setCodeValue(r, m[1], 0, m[1].length);
    this.labelStart[r] = a + m[0].indexOf(m[2]) - lineStart;
    this.labelCell[r] = -1;
  }

  // --- reading -----------------------------------------------------------------------------------------------------

  /** Whether a figure cell's units are in `units` (below 2^53). */
  isSmall(c: number): boolean {
    return (this.cellFlags[c] & CellFlag.Big) === 0;
  }

  isTotal(r: number): boolean {
    return (this.flags[r] & RowFlag.Total) !== 0;
  }

  hasCode(r: number): boolean {
    return this.codeCell[r] !== -1;
  }

  code(r: number): string | undefined {
    if (this.codeCell[r] === -1) return undefined;
    return this.codes.get(r) ?? this.source.slice(this.line[r], this.codeStart[r], this.codeEnd[r]);
  }

  codeKindOf(r: number): CodeKind | undefined {
    return CODE_KINDS[this.codeKind[r]];
  }

  label(r: number): string {
    return this.labelStart[r] < 0 ? '' : this.source.slice(this.line[r], this.labelStart[r], this.labelEnd[r]);
  }

  cellText(c: number, line: number): string {
    return this.source.slice(line, this.cellStart[c], this.cellEnd[c]);
  }

  /** The cell of row `r` at position `i`, or -1. */
  cellAt(r: number, i: number): number {
    const c = this.cellFrom[r] + i;
    return c < this.cellFrom[r + 1] ? c : -1;
  }

  /** The figure a figure cell holds (an object made on each call for cells read by the fast path). */
  figure(c: number, line: number): Figure | undefined {
    if (this.kind[c] !== Kind.Figure) return undefined;
    if (this.cellFlags[c] & CellFlag.Object) return this.figures.get(c);
    const units = this.units[c];
    return { units: BigInt(units), decimals: this.decimals[c], percent: (this.cellFlags[c] & CellFlag.Percent) !== 0, exact: units === 0, text: this.cellText(c, line) };
  }

  /** The row-shape problems of the rows, in order (for a section's structure findings). */
  shapeProblem(r: number, columns: number): ShapeProblem | undefined {
    const f = this.flags[r];
    if (!(f & (RowFlag.TooMany | RowFlag.TooFew))) return undefined;
    const base = this.source.offsetOf(this.line[r]);
    const first = this.cellFrom[r];
    const n = this.cellFrom[r + 1] - first;
    if (f & RowFlag.TooMany) return { say: (m) => m.tooManyCells(columns, n), span: { start: base + this.cellStart[first + columns], end: base + this.cellEnd[first + n - 1] }, rule: 'row-shape', severity: 'error' };
    return { say: (m) => m.tooFewCells(columns, n), span: { start: base + this.spanStart[r], end: base + this.spanEnd[r] }, rule: 'row-shape', severity: 'warning' };
  }
}

/** What a part keeps of the views it has made of one row. */
interface RowViews {
  row?: Row;
  line?: RowLine;
  span: Span;
  cellSpans: Span[];
}

/**
 * A part whose rows are in a `RowStore`: `rows` (and `rowOf`) make the `Row` and `Cell` views on first use.
 * The store and the views are private fields, out of reach of a walk over the model's own properties
 * (../incremental/shift moves a section's spans by such a walk; the views move with `shift`).
 */
export class StoredPart implements Part {
  name?: string;
  nameSpan?: Span;
  columns: Column[] = [];
  columnsSpan?: Span;
  fields: Field[] = [];
  readonly #store: RowStore;
  #views: (RowViews | undefined)[] = [];
  #rows?: Row[];
  /** Every span a view of this part holds (each once), to move them with the section. */
  #spans: Span[] = [];

  constructor(public table: Table, store: RowStore, name?: string, nameSpan?: Span) {
    this.#store = store;
    if (name !== undefined) this.name = name;
    if (nameSpan !== undefined) this.nameSpan = nameSpan;
  }

  get store(): RowStore {
    return this.#store;
  }

  get rows(): Row[] {
    if (this.#rows) return this.#rows;
    const out: Row[] = new Array<Row>(this.#store.count);
    for (let r = 0; r < out.length; r++) out[r] = this.rowOf(r);
    return (this.#rows = out);
  }

  /** Row `r`'s view (made once). */
  rowOf(r: number): Row {
    const v = this.viewsOf(r);
    return (v.row ??= this.makeRow(r, v));
  }

  /** Cell `i` of row `r`, as a view, or undefined when the row has fewer cells. */
  cellOf(r: number, i: number): Cell | undefined {
    return this.rowOf(r).cells[i];
  }

  /** The view of the cell with store index `c` of row `r`. */
  cellAt(r: number, c: number): Cell {
    return this.rowOf(r).cells[c - this.#store.cellFrom[r]];
  }

  /** Row `r` as a syntax tree line (made once). */
  lineOf(r: number): RowLine {
    const v = this.viewsOf(r);
    if (v.line) return v.line;
    const s = this.#store;
    const cells: CellNode[] = [];
    for (let c = s.cellFrom[r], i = 0; c < s.cellFrom[r + 1]; c++, i++) cells.push({ text: s.cellText(c, s.line[r]), span: v.cellSpans[i] });
    const comment = s.comment[r] >= 0 ? s.source.slice(s.line[r], s.comment[r] + 2, s.spanEnd[r]).trim() : undefined;
    return (v.line = { kind: 'row', cells, span: v.span, comment });
  }

  /** Moves every view by `delta` (the part's section moved in the text). */
  shift(delta: number): void {
    if (!delta) return;
    for (const s of this.#spans as { start: number; end: number }[]) {
      s.start += delta;
      s.end += delta;
    }
  }

  private viewsOf(r: number): RowViews {
    let v = this.#views[r];
    if (v) return v;
    const s = this.#store;
    const base = s.source.offsetOf(s.line[r]);
    const span = { start: base + s.spanStart[r], end: base + s.spanEnd[r] };
    this.#spans.push(span);
    const cellSpans: Span[] = [];
    for (let c = s.cellFrom[r]; c < s.cellFrom[r + 1]; c++) {
      const cs = { start: base + s.cellStart[c], end: base + s.cellEnd[c] };
      cellSpans.push(cs);
      this.#spans.push(cs);
    }
    v = { span, cellSpans };
    this.#views[r] = v;
    return v;
  }

  private makeRow(r: number, v: RowViews): Row {
    const s = this.#store;
    const line = s.line[r];
    const first = s.cellFrom[r];
    const row: Row = { label: '', labelSpan: v.span, cells: [], span: v.span, part: this, index: r };
    const lineNo = s.lineNo[r];
    if (!Number.isNaN(lineNo)) row.lineNo = lineNo;
    const cols = this.columns;
    for (let c = first, i = 0; c < s.cellFrom[r + 1]; c++, i++) {
      const text = s.cellText(c, line);
      const column = cols[i];
      let cell: Cell;
      if (s.cellFlags[c] & CellFlag.FigureRole) cell = { text, span: v.cellSpans[i], kind: KINDS[s.kind[c]], figure: s.figure(c, line), column, row };
      else cell = { text, span: v.cellSpans[i], kind: KINDS[s.kind[c]], column, row };
      row.cells.push(cell);
    }
    const code = s.code(r);
    if (code !== undefined) {
      row.code = code;
      row.codeKind = s.codeKindOf(r);
      const cc = s.codeCell[r];
      if (cc >= 0) row.codeSpan = v.cellSpans[cc];
      else {
        const base = s.source.offsetOf(line);
        row.codeSpan = { start: base + s.codeStart[r], end: base + s.codeEnd[r] };
        this.#spans.push(row.codeSpan);
      }
    }
    const lc = s.labelCell[r];
    if (lc >= 0) {
      row.label = row.cells[lc].text;
      row.labelSpan = v.cellSpans[lc];
    } else if (s.labelStart[r] >= 0) {
      const base = s.source.offsetOf(line);
      row.label = s.label(r);
      row.labelSpan = { start: base + s.labelStart[r], end: base + s.labelEnd[r] };
      this.#spans.push(row.labelSpan);
    }
    return row;
  }
}

/** How many rows a part has (without making its rows' views). */
export function rowCount(p: Part): number {
  return p instanceof StoredPart ? p.store.count : p.rows.length;
}

/** The store of a part, when its rows are stored (parts made by other code, like the narrative's, are plain). */
export function storeOf(p: Part): RowStore | undefined {
  return p instanceof StoredPart ? p.store : undefined;
}

/**
 * The lines of one text (a document, or a section of it): a line's key is the offset at which it starts in `text`;
 * `base` is the document offset of `text` (it changes when a section moves, and the spans of the views made
 * from then on follow).
 */
export class TextLines implements LineSource {
  constructor(readonly text: string, public base = 0) {}

  offsetOf(line: number): number {
    return this.base + line;
  }

  slice(line: number, from: number, to: number): string {
    return this.text.slice(line + from, line + to);
  }
}
