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
import { classifyCell, classifyCode, inUnit, norm, ownColumnUnit } from './classify';
import type { Cell, CellKind, CodeKind, Column, ColumnRole, Field, MoneyUnit, Part, Row, Table } from './document';
import type { Figure } from '../numbers/decimal';
import type { CellNode, RowLine, Say, Span } from '../syntax/ast';
import { isBlank, type RowScan } from '../syntax/reader';

/** Where a store's rows are: `line` keys are the store's own (a line's number, or its offset in a section). */
export interface LineSource {
  /** The document offset at which line `line` starts. */
  offsetOf(line: number): number;
  /** The text [from, to) of line `line`, offsets from the line's start. */
  slice(line: number, from: number, to: number): string;
  /** A text holding line `line` (no text is made: a reader of its characters needs no slice), and where the line starts in it. */
  lineString(line: number): string;
  lineStart(line: number): number;
}

export const enum Kind { Empty, Figure, Dash, Text, Broken }
const KINDS: CellKind[] = ['empty', 'figure', 'dash', 'text', 'broken'];
export const KIND_OF: Record<CellKind, Kind> = { empty: Kind.Empty, figure: Kind.Figure, dash: Kind.Dash, text: Kind.Text, broken: Kind.Broken };

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
  /**
   * A figure printed with a unit other than its table's (`150万` in a table of 元: `Figure.shift`), read in the table's
   * unit at its own precision (its decimals may be negative): only the figure object has it (with `Object` and `Big`),
   * and its column's precision is not its (../checks/evaluate `columnPrecision`).
   */
  Unit = 64,
  /**
   * A figure printed with its own unit in a column whose name prints one (`150万` under `金额（元）`): read in the
   * column's unit (../model/classify `columnUnit`), which the table's (`RowStore.setUnit`) does not change.
   */
  ColumnUnit = 128,
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

/** Empty arrays a store starts with (never written: `grow` replaces them first). */
const NO_I32 = new Int32Array(0);
const NO_F64 = new Float64Array(0);

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
  rule: 'row-shape';
  severity: 'error' | 'warning';
}

// A row's numbers, at these places of its stride in `RowStore.rows` (offsets are from the start of its line).
const LINE = 0;
const SPAN_START = 1;
const SPAN_END = 2;
/** Where the row's comment starts, or -1. */
const COMMENT = 3;
/** Its cells: [FIRST_CELL, END_CELL) in the cell arrays. */
const FIRST_CELL = 4;
const END_CELL = 5;
/** The label: its cell (position in the row), or -1; its text [LABEL_START, LABEL_END) (-1 when there is none). */
const LABEL_CELL = 6;
const LABEL_START = 7;
const LABEL_END = 8;
/** The code: its cell (position in the row), -2 when it starts the label, -1 when there is none. */
const CODE_CELL = 9;
const CODE_START = 10;
const CODE_END = 11;
const CODE_LEN = 12;
/** Row flags, and the code's kind above them (<< 8). */
const FLAGS = 13;
const RS = 14;
// In `RowStore.rowNumbers`: the code's digits as a number (NaN when it is not only digits, or too long), and 行次 (NaN).
const CODE_NUM = 0;
const LINE_NO = 1;
const RN = 2;
// A cell's numbers in `RowStore.cells`: start, end, and its kind | decimals << 8 | flags << 16.
const CS = 3;

/**
 * A splice of a store's rows that changed their heads or codes (`RowStore.splice`): rows [r0, r0 + removed) replaced by
 * `added` rows; every other row keeps its head, those from r0 + removed on moved by added − removed. With the store's
 * `heads` and `codesChanged` before it and after it: an index made over the heads just before it, when it is the last
 * change of heads since, may be carried over it (`indexOfHeads`) instead of made again.
 */
export interface HeadsSplice {
  readonly r0: number;
  readonly removed: number;
  readonly added: number;
  readonly heads: number;
  readonly codes: number;
  readonly headsAfter: number;
  readonly codesAfter: number;
  /** What the removed rows were called, when the caller read it before their lines were replaced (`RowStore.namesOf`). */
  readonly removedNames: readonly RowName[] | undefined;
  /**
   * The cells the splice moved: cells [c0, c0 + cellsRemoved) (the removed rows') replaced by `cellsAdded`; those after
   * moved by cellsAdded − cellsRemoved (a splice that changes no head changes no row's cell count: cells stay).
   */
  readonly c0: number;
  readonly cellsRemoved: number;
  readonly cellsAdded: number;
}

/** A row's code (undefined: none; its digits and length as the store holds them) and label. */
export interface RowName {
  readonly code: string | undefined;
  readonly codeNum: number;
  readonly codeLen: number;
  readonly label: string;
}

/**
 * The splices of a store since its `codesChanged` was `codes` (each changed it by one: those since are the last ones
 * listed from the one made at `codes`), oldest first; undefined when one since is no longer listed.
 */
export function splicesSince(s: RowStore, codes: number): readonly HeadsSplice[] | undefined {
  if (codes === s.codesChanged) return NO_SPLICES;
  const list = s.splices;
  let i = list.length;
  while (i > 0 && list[i - 1].codes >= codes) i--;
  if (i === list.length || list[i].codes !== codes || list[list.length - 1].codesAfter !== s.codesChanged) return undefined;
  return i ? list.slice(i) : list;
}

/** Where row r stands after `splices` (−1: one of them removed it). */
export function rowAfter(splices: readonly HeadsSplice[], r: number, from = 0): number {
  for (let k = from; k < splices.length && r >= 0; k++) {
    const x = splices[k];
    if (r >= x.r0) r = r < x.r0 + x.removed ? -1 : r + x.added - x.removed;
  }
  return r;
}

/** How many of a store's last splices it lists (`RowStore.splices`). */
const SPLICES_KEPT = 8;
const NO_SPLICES: HeadsSplice[] = [];

/** How an edit changes rows' heads (`RowStore.headsChange`). */
export const enum HeadsChange {
  None,
  /** Only codes' digits. */
  Codes,
  Heads,
}

/**
 * The rows of one part, in typed arrays (a few per part: each typed array costs an allocation the engine pays
 * dearly for, so a row's numbers and a cell's share one array each, at fixed strides). Rows are added in order by
 * the model builder.
 */
export class RowStore {
  count = 0;
  cellCount = 0;
  /**
   * Changes whenever a row's head but its code's digits changes: the rows' count, a label, a code's kind or length, a
   * cell's kind (`indexOfHeads`). Figures and the places of rows (lines, offsets) leave it.
   */
  heads = 0;
  /** Changes whenever a row's code changes (as `heads` does, and for its digits too). */
  codesChanged = 0;
  /**
   * The last splices that changed `heads` or `codesChanged` (at most `SPLICES_KEPT`, oldest first): an index over the
   * heads made before them may be carried over them (`indexOfHeads`).
   */
  splices: HeadsSplice[] = NO_SPLICES;
  private rows = NO_I32;
  private rowNumbers = NO_F64;
  private cells = NO_I32;
  private cellUnits = NO_F64;
  /** Figure objects for the cells that need one (flag `Object`), by cell index. */
  readonly figures = new Map<number, Figure>();
  /** Codes that are not their cell's text (blanks inside), by row. */
  readonly codes = new Map<number, string>();

  /**
   * The money unit of the store's table (`Table.unit`), in which a figure printed with its own unit is read (`150万`
   * in a table of 元 is 1,500,000: ./classify `inUnit`). Known once the table's header is read: set by `setUnit`.
   */
  unit: MoneyUnit | undefined;

  /**
   * `room`: how many rows to make room for at first (a guess: the lines of the section); `unit`: the table's unit,
   * when it is known (rows read into a store to be spliced into a table's).
   */
  constructor(readonly source: LineSource, private readonly room = 16, unit?: MoneyUnit) {
    this.unit = unit;
  }

  /**
   * The table's unit is `unit` (known once the whole header is read: model/build `inheritUnits`): the figures printed
   * with their own unit are read in it again. Linear in those figures alone (a figure object each); nothing when the
   * unit is the one the store has.
   */
  setUnit(unit: MoneyUnit | undefined): void {
    if (unit === this.unit) return;
    this.unit = unit;
    for (const [c, f] of this.figures) {
      if (f.unitPower !== undefined && !(this.flags(c) & CellFlag.ColumnUnit)) this.setObject(c, this.cellStart(c), this.cellEnd(c), this.flags(c) & CellFlag.FigureRole, inUnit(f, unit));
    }
  }

  private reserveRow(): number {
    const r = this.count;
    if ((r + 1) * RS > this.rows.length) {
      const n = Math.max(r + 1, this.room);
      this.rows = grow(this.rows, n * RS);
      this.rowNumbers = grow(this.rowNumbers, n * RN);
    }
    return r;
  }

  private reserveCells(n: number): void {
    const need = this.cellCount + n;
    if (need * CS <= this.cells.length) return;
    const room = Math.max(need, this.cells.length ? 0 : this.room * Math.max(n, 4));
    this.cells = grow(this.cells, room * CS);
    this.cellUnits = grow(this.cellUnits, room);
  }

  private setCell(c: number, start: number, end: number, kind: Kind, decimals: number, flags: number, units: number): void {
    const k = c * CS;
    this.cells[k] = start;
    this.cells[k + 1] = end;
    this.cells[k + 2] = kind | (decimals << 8) | (flags << 16);
    this.cellUnits[c] = units;
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
    const R = this.rows;
    const o = r * RS;
    R[o + LINE] = line;
    R[o + SPAN_START] = scan.contentStart - lineStart;
    R[o + SPAN_END] = scan.spanEnd - lineStart;
    R[o + COMMENT] = scan.comment >= 0 ? scan.comment - lineStart : -1;
    R[o + FIRST_CELL] = first;
    R[o + END_CELL] = first + n;
    let labelCell = -1;
    let codeCell = -1;
    let lineNo = NaN;
    for (let i = 0; i < n; i++) {
      const c = first + i;
      const a = scan.cellStart(i);
      const b = scan.cellEnd(i);
      const column = columns[i];
      const role: ColumnRole = column?.role ?? (i === 0 ? 'label' : 'figure');
      if (role === 'figure') {
        if (a === b) this.setCell(c, a - lineStart, b - lineStart, Kind.Empty, 0, CellFlag.FigureRole | CellFlag.Exact, 0);
        else if (scanFigure(text, a, b)) this.setCell(c, a - lineStart, b - lineStart, Kind.Figure, scanned.decimals, CellFlag.FigureRole | scanned.flags, scanned.units);
        else this.classifySlow(c, a - lineStart, b - lineStart, text.slice(a, b), column);
        continue;
      }
      this.setCell(c, a - lineStart, b - lineStart, a === b ? Kind.Empty : Kind.Text, 0, 0, 0);
      if (role === 'label') labelCell = i; // an empty label cell is the label too (empty, where it stands)
      if (a === b) continue;
      if (role === 'code') codeCell = i;
      else if (role === 'line') {
        const v = Number(norm(text.slice(a, b)));
        if (Number.isInteger(v)) lineNo = v;
      }
    }
    this.cellCount = first + n;
    R[o + LABEL_CELL] = labelCell;
    R[o + LABEL_START] = labelCell >= 0 ? this.cellStart(first + labelCell) : -1;
    R[o + LABEL_END] = labelCell >= 0 ? this.cellEnd(first + labelCell) : -1;
    R[o + CODE_CELL] = -1;
    R[o + CODE_LEN] = 0;
    this.rowNumbers[r * RN + CODE_NUM] = NaN;
    this.rowNumbers[r * RN + LINE_NO] = lineNo;
    let kind = CodeKindId.None;
    if (codeCell >= 0) kind = this.setCode(r, text, lineStart, codeCell, scan.cellStart(codeCell), scan.cellEnd(codeCell));
    else if (labelCell >= 0 && !columns.some((c) => c.role === 'code')) kind = this.codeFromLabel(r, text, lineStart, scan.cellStart(labelCell), scan.cellEnd(labelCell));
    let flags = 0;
    if (R[o + CODE_CELL] === -1 && labelCell >= 0 && readsTotal(text, lineStart + R[o + LABEL_START], lineStart + R[o + LABEL_END])) flags |= RowFlag.Total;
    const cols = columns.length;
    if (cols && n > cols) flags |= RowFlag.TooMany;
    else if (cols && n < cols && n > 1) flags |= RowFlag.TooFew;
    R[o + FLAGS] = flags | (kind << 8);
    this.count = r + 1;
    return this.shapeProblem(r, cols);
  }

  /**
   * A figure-column cell the fast reader could not decide: `classifyCell` decides (in its column's unit, `金额（元）`,
   * else the table's).
   */
  private classifySlow(c: number, start: number, end: number, text: string, column: Column | undefined): void {
    const own = ownColumnUnit(column);
    const { kind, figure } = classifyCell(text, own ?? this.unit);
    if (figure) return this.setObject(c, start, end, CellFlag.FigureRole | (own && figure.unitPower !== undefined ? CellFlag.ColumnUnit : 0), figure);
    let flags = CellFlag.FigureRole;
    if (kind === 'dash' || kind === 'empty') flags |= CellFlag.Exact;
    this.setCell(c, start, end, KIND_OF[kind], 0, flags, 0);
  }

  /** A figure cell whose figure object is kept (`CellFlag.Object`); `role`: its `FigureRole` (and `ColumnUnit`) flags. */
  private setObject(c: number, start: number, end: number, role: number, figure: Figure): void {
    let flags = role | CellFlag.Object | (figure.percent ? CellFlag.Percent : 0) | (figure.exact ? CellFlag.Exact : 0) | (figure.text.includes(',') ? CellFlag.Grouping : 0);
    // A figure moved to the table's unit is read from its object alone: the arrays' readers take decimals ≥ 0.
    if (figure.shift) flags |= CellFlag.Unit;
    const u = Number(figure.units);
    const small = Number.isSafeInteger(u) && figure.decimals < 256 && !figure.shift;
    if (!small) flags |= CellFlag.Big;
    this.setCell(c, start, end, Kind.Figure, small ? figure.decimals : 0, flags, small ? u : 0);
    this.figures.set(c, figure);
  }

  private setCode(r: number, text: string, lineStart: number, cell: number, a: number, b: number): CodeKindId {
    const o = r * RS;
    this.rows[o + CODE_CELL] = cell;
    this.rows[o + CODE_START] = a - lineStart;
    this.rows[o + CODE_END] = b - lineStart;
    let digits = true;
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) { digits = false; break; }
    }
    const code = digits ? undefined : norm(text.slice(a, b));
    if (code !== undefined) this.codes.set(r, code);
    return this.setCodeValue(r, code ?? text, code === undefined ? a : 0, code === undefined ? b : code.length);
  }

  private setCodeValue(r: number, s: string, a: number, b: number): CodeKindId {
    let v = 0;
    let digits = b - a <= 15;
    for (let i = a; i < b && digits; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) digits = false;
      else v = v * 10 + (c - 48);
    }
    this.rowNumbers[r * RN + CODE_NUM] = digits ? v : NaN;
    this.rows[r * RS + CODE_LEN] = b - a;
    const kind = digits ? codeKindOfDigits(s, a, b) : classifyCode(s.slice(a, b));
    return kind ? CODE_KIND_ID[kind] : CodeKindId.None;
  }

  /** A table without a code column: a label that starts with a code (`2010350 事业运行`) gives the row that code. */
  private codeFromLabel(r: number, text: string, lineStart: number, a: number, b: number): CodeKindId {
    const c0 = text.charCodeAt(a);
    if (c0 < 48 || c0 > 57) return CodeKindId.None;
    const m = CODE_IN_LABEL.exec(text.slice(a, b));
    if (!m) return CodeKindId.None;
    const o = r * RS;
    this.rows[o + CODE_CELL] = -2;
    this.rows[o + CODE_START] = a - lineStart;
    this.rows[o + CODE_END] = a + m[1].length - lineStart;
    this.rows[o + LABEL_START] = a + m[0].indexOf(m[2]) - lineStart;
    this.rows[o + LABEL_CELL] = -1;
    return this.setCodeValue(r, m[1], 0, m[1].length);
  }

  // --- changing rows ----------------------------------------------------------------------------------------------

  /**
   * Replaces rows [r0, r0 + removed) with the rows of `added` (a store of the same part's rows, read from the new
   * lines), whose line keys start at the first removed row's; the rows after move by `lines` line keys. `heads`:
   * what `headsChange` said before the lines changed (else the heads count as changed).
   */
  splice(r0: number, removed: number, added: RowStore, lines: number, heads: HeadsChange = HeadsChange.Heads, removedNames?: readonly RowName[]): void {
    const headsBefore = this.heads;
    const codesBefore = this.codesChanged;
    const r1 = r0 + removed;
    const c0 = r0 < this.count ? this.firstCell(r0) : this.cellCount;
    const c1 = r1 < this.count ? this.firstCell(r1) : this.cellCount;
    if (heads === HeadsChange.Heads) this.heads++;
    if (heads !== HeadsChange.None) {
      this.codesChanged++;
      const splice: HeadsSplice = {
        r0, removed, added: added.count, heads: headsBefore, codes: codesBefore, headsAfter: this.heads, codesAfter: this.codesChanged, removedNames,
        c0, cellsRemoved: c1 - c0, cellsAdded: added.cellCount,
      };
      this.splices = this.splices.length < SPLICES_KEPT ? this.splices.concat(splice) : this.splices.slice(1).concat(splice);
    }
    const dr = added.count - removed;
    const dc = added.cellCount - (c1 - c0);
    const count = this.count + dr;
    const cells = this.cellCount + dc;
    if (count * RS > this.rows.length) {
      this.rows = grow(this.rows, count * RS);
      this.rowNumbers = grow(this.rowNumbers, count * RN);
    }
    if (cells * CS > this.cells.length) {
      this.cells = grow(this.cells, cells * CS);
      this.cellUnits = grow(this.cellUnits, cells);
    }
    // Move the rows and cells after, then write the added ones in the gap.
    this.rows.copyWithin((r1 + dr) * RS, r1 * RS, this.count * RS);
    this.rowNumbers.copyWithin((r1 + dr) * RN, r1 * RN, this.count * RN);
    this.cells.copyWithin((c1 + dc) * CS, c1 * CS, this.cellCount * CS);
    this.cellUnits.copyWithin(c1 + dc, c1, this.cellCount);
    this.rows.set(added.rows.subarray(0, added.count * RS), r0 * RS);
    this.rowNumbers.set(added.rowNumbers.subarray(0, added.count * RN), r0 * RN);
    this.cells.set(added.cells.subarray(0, added.cellCount * CS), c0 * CS);
    this.cellUnits.set(added.cellUnits.subarray(0, added.cellCount), c0);
    for (let r = r0; r < r0 + added.count; r++) {
      this.rows[r * RS + FIRST_CELL] += c0;
      this.rows[r * RS + END_CELL] += c0;
    }
    for (let r = r0 + added.count; r < count; r++) {
      const o = r * RS;
      this.rows[o + LINE] += lines;
      this.rows[o + FIRST_CELL] += dc;
      this.rows[o + END_CELL] += dc;
    }
    rekey(this.figures, c0, c1, dc, added.figures);
    rekey(this.codes, r0, r1, dr, added.codes);
    this.count = count;
    this.cellCount = cells;
  }

  /** What rows [r0, r0 + n) are called (read before their lines are replaced: `splice` is told). */
  namesOf(r0: number, n: number): RowName[] {
    const out: RowName[] = [];
    for (let r = r0; r < r0 + n; r++) out.push({ code: this.code(r), codeNum: this.codeNum(r), codeLen: this.codeLen(r), label: this.label(r) });
    return out;
  }

  /** Moves the line keys of every row from row r0 on by `lines` (lines were added or removed before them). */
  moveLines(r0: number, lines: number): void {
    if (!lines) return;
    for (let r = r0; r < this.count; r++) this.rows[r * RS + LINE] += lines;
  }

  /** The first row whose line key is at least `line` (`count` when there is none). */
  rowAtLine(line: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.line(mid) < line) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /**
   * Whether rows [r0, r0 + added.count) of this store and the rows of `added` have the same shape: the same cells,
   * of the same kinds, the same text in every cell that is not a figure column's, the same code, label and 行次. Only
   * figures differ: the relations between the cells are the same.
   */
  sameShape(r0: number, added: RowStore): boolean {
    for (let k = 0; k < added.count; k++) {
      const r = r0 + k;
      if (r >= this.count) return false;
      const a = this.rows;
      const b = added.rows;
      const o = r * RS;
      const q = k * RS;
      if (a[o + END_CELL] - a[o + FIRST_CELL] !== b[q + END_CELL] - b[q + FIRST_CELL]) return false;
      if (a[o + FLAGS] !== b[q + FLAGS] || a[o + CODE_CELL] !== b[q + CODE_CELL] || a[o + CODE_LEN] !== b[q + CODE_LEN] || a[o + LABEL_CELL] !== b[q + LABEL_CELL]) return false;
      if (!Object.is(this.codeNum(r), added.codeNum(k)) || !Object.is(this.lineNo(r), added.lineNo(k))) return false;
      if (this.code(r) !== added.code(k) || this.label(r) !== added.label(k)) return false;
      for (let i = 0; i < a[o + END_CELL] - a[o + FIRST_CELL]; i++) {
        const c = a[o + FIRST_CELL] + i;
        const d = b[q + FIRST_CELL] + i;
        if (this.kind(c) !== added.kind(d)) return false;
        const figureRole = (this.flags(c) & CellFlag.FigureRole) !== 0;
        if (figureRole !== ((added.flags(d) & CellFlag.FigureRole) !== 0)) return false;
        if (!figureRole && this.cellText(c, this.line(r)) !== added.cellText(d, added.line(k))) return false;
      }
    }
    return true;
  }

  /**
   * How the heads of rows [r0, r0 + removed) differ from the added ones' (labels, codes and their kinds, kinds of
   * cells): asked before the lines' text is replaced (`splice` is told).
   */
  headsChange(r0: number, removed: number, added: RowStore): HeadsChange {
    if (removed !== added.count) return HeadsChange.Heads;
    let change = HeadsChange.None;
    for (let k = 0; k < added.count; k++) {
      const r = r0 + k;
      if (this.codeKindId(r) !== added.codeKindId(k) || this.codeLen(r) !== added.codeLen(k) || this.label(r) !== added.label(k)) return HeadsChange.Heads;
      const n = this.endCell(r) - this.firstCell(r);
      if (n !== added.endCell(k) - added.firstCell(k)) return HeadsChange.Heads;
      for (let i = 0; i < n; i++) if (this.kind(this.firstCell(r) + i) !== added.kind(added.firstCell(k) + i)) return HeadsChange.Heads;
      if (this.code(r) !== added.code(k)) change = HeadsChange.Codes;
    }
    return change;
  }

  /** Whether the code of one of rows [r0, r1) is printed on another row too. */
  repeatsCode(r0: number, r1: number): boolean {
    for (let r = r0; r < r1; r++) {
      if (!this.hasCode(r)) continue;
      const len = this.codeLen(r);
      const num = this.codeNum(r);
      const code = Number.isNaN(num) ? this.code(r) : undefined;
      for (let q = 0; q < this.count; q++) {
        if (q === r || this.codeLen(q) !== len || !this.hasCode(q)) continue;
        if (code === undefined ? this.codeNum(q) === num : this.code(q) === code) return true;
      }
    }
    return false;
  }

  // --- reading a row -----------------------------------------------------------------------------------------------

  line(r: number): number {
    return this.rows[r * RS + LINE];
  }
  spanStart(r: number): number {
    return this.rows[r * RS + SPAN_START];
  }
  spanEnd(r: number): number {
    return this.rows[r * RS + SPAN_END];
  }
  /** Where the row's comment starts, or -1. */
  comment(r: number): number {
    return this.rows[r * RS + COMMENT];
  }
  /** The row's cells are [firstCell(r), endCell(r)). */
  firstCell(r: number): number {
    return this.rows[r * RS + FIRST_CELL];
  }
  endCell(r: number): number {
    return this.rows[r * RS + END_CELL];
  }
  /** The cell of row `r` at position `i`, or -1. */
  cellAt(r: number, i: number): number {
    const c = this.rows[r * RS + FIRST_CELL] + i;
    return c < this.rows[r * RS + END_CELL] ? c : -1;
  }
  labelCell(r: number): number {
    return this.rows[r * RS + LABEL_CELL];
  }
  labelStart(r: number): number {
    return this.rows[r * RS + LABEL_START];
  }
  labelEnd(r: number): number {
    return this.rows[r * RS + LABEL_END];
  }
  /** The code's cell (position in the row), -2 when the code starts the label, -1 when the row has none. */
  codeCell(r: number): number {
    return this.rows[r * RS + CODE_CELL];
  }
  codeStart(r: number): number {
    return this.rows[r * RS + CODE_START];
  }
  codeEnd(r: number): number {
    return this.rows[r * RS + CODE_END];
  }
  /** The length of the code (blanks left out). */
  codeLen(r: number): number {
    return this.rows[r * RS + CODE_LEN];
  }
  /** The code's digits as a number: NaN when it is not only digits (or has more than 15). */
  codeNum(r: number): number {
    return this.rowNumbers[r * RN + CODE_NUM];
  }
  codeKindId(r: number): CodeKindId {
    return this.rows[r * RS + FLAGS] >> 8;
  }
  /** 行次, or NaN. */
  lineNo(r: number): number {
    return this.rowNumbers[r * RN + LINE_NO];
  }
  /** A 合计 row: no code, and a label that reads 合计 (blanks aside). */
  isTotal(r: number): boolean {
    return (this.rows[r * RS + FLAGS] & RowFlag.Total) !== 0;
  }
  hasCode(r: number): boolean {
    return this.rows[r * RS + CODE_CELL] !== -1;
  }
  code(r: number): string | undefined {
    if (!this.hasCode(r)) return undefined;
    return this.codes.get(r) ?? this.source.slice(this.line(r), this.codeStart(r), this.codeEnd(r));
  }
  codeKindOf(r: number): CodeKind | undefined {
    return CODE_KINDS[this.codeKindId(r)];
  }
  label(r: number): string {
    return this.labelStart(r) < 0 ? '' : this.source.slice(this.line(r), this.labelStart(r), this.labelEnd(r));
  }

  // --- reading a cell ----------------------------------------------------------------------------------------------

  cellStart(c: number): number {
    return this.cells[c * CS];
  }
  cellEnd(c: number): number {
    return this.cells[c * CS + 1];
  }
  kind(c: number): Kind {
    return this.cells[c * CS + 2] & 0xff;
  }
  decimals(c: number): number {
    return (this.cells[c * CS + 2] >> 8) & 0xff;
  }
  flags(c: number): number {
    return this.cells[c * CS + 2] >>> 16;
  }
  /** A figure's units (its printed digits as an integer), when it is small (`isSmall`). */
  units(c: number): number {
    return this.cellUnits[c];
  }
  /** Whether a figure cell's units are in `units` (below 2^53). */
  isSmall(c: number): boolean {
    return (this.flags(c) & CellFlag.Big) === 0;
  }
  cellText(c: number, line: number): string {
    return this.source.slice(line, this.cellStart(c), this.cellEnd(c));
  }

  /** The figure a figure cell holds (an object made on each call for cells read by the fast path). */
  figure(c: number, line: number): Figure | undefined {
    if (this.kind(c) !== Kind.Figure) return undefined;
    const flags = this.flags(c);
    if (flags & CellFlag.Object) return this.figures.get(c);
    const units = this.cellUnits[c];
    return { units: BigInt(units), decimals: this.decimals(c), percent: (flags & CellFlag.Percent) !== 0, exact: units === 0, text: this.cellText(c, line) };
  }

  /** Row r's shape problem (too many or too few cells for `columns` columns), if it has one. */
  shapeProblem(r: number, columns: number): ShapeProblem | undefined {
    const f = this.rows[r * RS + FLAGS];
    if (!(f & (RowFlag.TooMany | RowFlag.TooFew))) return undefined;
    const base = this.source.offsetOf(this.line(r));
    const first = this.firstCell(r);
    const n = this.endCell(r) - first;
    if (f & RowFlag.TooMany) return { say: (m) => m.tooManyCells(columns, n), span: { start: base + this.cellStart(first + columns), end: base + this.cellEnd(first + n - 1) }, rule: 'row-shape', severity: 'error' };
    return { say: (m) => m.tooFewCells(columns, n), span: { start: base + this.spanStart(r), end: base + this.spanEnd(r) }, rule: 'row-shape', severity: 'warning' };
  }
}

function set(span: Span, start: number, end: number): void {
  const s = span as { start: number; end: number };
  s.start = start;
  s.end = end;
}

/** Keys [from, to) of `map` replaced by those of `added` (moved by `from`), keys from `to` on moved by `delta`. */
function rekey<T>(map: Map<number, T>, from: number, to: number, delta: number, added: Map<number, T>): void {
  if (!map.size && !added.size) return;
  const kept = [...map].filter(([k]) => k < from || k >= to).map(([k, v]): [number, T] => [k >= to ? k + delta : k, v]);
  map.clear();
  for (const [k, v] of kept) map.set(k, v);
  for (const [k, v] of added) map.set(k + from, v);
}

/** `classifyCode` for a code of digits [a, b) of `s`, without a regular expression. */
function codeKindOfDigits(s: string, a: number, b: number): CodeKind | undefined {
  const n = b - a;
  const d = s.charCodeAt(a) - 48;
  if (n === 7) return 'functional';
  if (d === 2 && (n === 3 || n === 5)) return 'functional';
  if ((d === 3 || d === 5) && (n === 3 || n === 5)) return 'economic';
  if (d === 1 && (n === 3 || n === 5 || n === 9)) return 'functional';
  if (n >= 8) return 'project';
  return undefined;
}

/** What a part keeps of the views it has made of one row. */
interface RowViews {
  row?: Row;
  line?: RowLine;
  span: Span;
  cellSpans: Span[];
  /** The row's code and label spans when they are not a cell's (a code that starts the label). */
  codeSpan?: Span;
  labelSpan?: Span;
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
  /** The store's `codesChanged` when the part was made (a part renewed after each splice of its rows: `codes`). */
  readonly #codes: number;
  /** The part this one renewed (`renewed`), until this one is renewed in turn. */
  #was?: StoredPart;

  constructor(public table: Table, store: RowStore, name?: string, nameSpan?: Span) {
    this.#store = store;
    this.#codes = store.codesChanged;
    if (name !== undefined) this.name = name;
    if (nameSpan !== undefined) this.nameSpan = nameSpan;
  }

  get store(): RowStore {
    return this.#store;
  }

  /**
   * The store's `codesChanged` when the part was made: the rows it read then are the store's rows moved back over
   * `splicesSince(store, codes)` (every splice that moves rows or cells renews the part: ../analysis `editRows`).
   */
  get codes(): number {
    return this.#codes;
  }

  /**
   * The part of the same store this one renewed (its rows then: the store's moved back over `splicesSince(store,
   * was.codes)`); undefined once this one is renewed too, or when it was made otherwise.
   */
  get was(): StoredPart | undefined {
    return this.#was;
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
    return this.rowOf(r).cells[c - this.#store.firstCell(r)];
  }

  /** Row `r` as a syntax tree line (made once). */
  lineOf(r: number): RowLine {
    const v = this.viewsOf(r);
    if (v.line) return v.line;
    const s = this.#store;
    const cells: CellNode[] = [];
    const line = s.line(r);
    for (let c = s.firstCell(r), i = 0; c < s.endCell(r); c++, i++) cells.push({ text: s.cellText(c, line), span: v.cellSpans[i] });
    const comment = s.comment(r) >= 0 ? s.source.slice(line, s.comment(r) + 2, s.spanEnd(r)).trim() : undefined;
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

  /** Moves the views as an edit that ended at `at` moves the text (../incremental/shift `moveSpans`). */
  shiftFrom(at: number, delta: number): void {
    if (!delta) return;
    for (const s of this.#spans as { start: number; end: number }[]) {
      if (s.start >= at) s.start += delta;
      if (s.end >= at) s.end += delta;
    }
  }

  /**
   * Rows [r0, r1) were read again with the same shape (`RowStore.sameShape`): their views, if made, take the new
   * text, figures and places (every object that holds them sees the new values).
   */
  refresh(r0: number, r1: number): void {
    const s = this.#store;
    for (let r = r0; r < r1; r++) {
      const v = this.#views[r];
      if (!v) continue;
      const line = s.line(r);
      const base = s.source.offsetOf(line);
      set(v.span, base + s.spanStart(r), base + s.spanEnd(r));
      for (let c = s.firstCell(r), i = 0; c < s.endCell(r); c++, i++) set(v.cellSpans[i], base + s.cellStart(c), base + s.cellEnd(c));
      if (v.codeSpan) set(v.codeSpan, base + s.codeStart(r), base + s.codeEnd(r));
      if (v.labelSpan) set(v.labelSpan, base + s.labelStart(r), base + s.labelEnd(r));
      if (v.row) {
        const cells = v.row.cells;
        for (let c = s.firstCell(r), i = 0; c < s.endCell(r); c++, i++) {
          const cell = cells[i] as { text: string; figure?: Figure };
          cell.text = s.cellText(c, line);
          if (s.flags(c) & CellFlag.FigureRole) cell.figure = s.figure(c, line);
        }
      }
      if (v.line) {
        const cells = v.line.cells as { text: string }[];
        for (let c = s.firstCell(r), i = 0; c < s.endCell(r); c++, i++) cells[i].text = s.cellText(c, line);
        v.line.comment = s.comment(r) >= 0 ? s.source.slice(line, s.comment(r) + 2, s.spanEnd(r)).trim() : undefined;
      }
    }
  }

  /** The same part with no views made yet (its rows changed: every view and index kept on this one goes). */
  renewed(): StoredPart {
    const p = new StoredPart(this.table, this.#store, this.name, this.nameSpan);
    // One step back only: the part before this one is let go.
    p.#was = this;
    this.#was = undefined;
    p.columns = this.columns;
    if (this.columnsSpan) p.columnsSpan = this.columnsSpan;
    p.fields = this.fields;
    return p;
  }

  private viewsOf(r: number): RowViews {
    let v = this.#views[r];
    if (v) return v;
    const s = this.#store;
    const base = s.source.offsetOf(s.line(r));
    const span = { start: base + s.spanStart(r), end: base + s.spanEnd(r) };
    this.#spans.push(span);
    const cellSpans: Span[] = [];
    for (let c = s.firstCell(r); c < s.endCell(r); c++) {
      const cs = { start: base + s.cellStart(c), end: base + s.cellEnd(c) };
      cellSpans.push(cs);
      this.#spans.push(cs);
    }
    v = { span, cellSpans };
    this.#views[r] = v;
    return v;
  }

  private makeRow(r: number, v: RowViews): Row {
    const s = this.#store;
    const line = s.line(r);
    const row: Row = { label: '', labelSpan: v.span, cells: [], span: v.span, part: this, index: r };
    const lineNo = s.lineNo(r);
    if (!Number.isNaN(lineNo)) row.lineNo = lineNo;
    const cols = this.columns;
    for (let c = s.firstCell(r), i = 0; c < s.endCell(r); c++, i++) {
      const text = s.cellText(c, line);
      const column = cols[i];
      let cell: Cell;
      if (s.flags(c) & CellFlag.FigureRole) cell = { text, span: v.cellSpans[i], kind: KINDS[s.kind(c)], figure: s.figure(c, line), column, row };
      else cell = { text, span: v.cellSpans[i], kind: KINDS[s.kind(c)], column, row };
      row.cells.push(cell);
    }
    const code = s.code(r);
    if (code !== undefined) {
      row.code = code;
      row.codeKind = s.codeKindOf(r);
      const cc = s.codeCell(r);
      if (cc >= 0) row.codeSpan = v.cellSpans[cc];
      else {
        const base = s.source.offsetOf(line);
        row.codeSpan = v.codeSpan = { start: base + s.codeStart(r), end: base + s.codeEnd(r) };
        this.#spans.push(row.codeSpan);
      }
    }
    const lc = s.labelCell(r);
    if (lc >= 0) {
      row.label = row.cells[lc].text;
      row.labelSpan = v.cellSpans[lc];
    } else if (s.labelStart(r) >= 0) {
      const base = s.source.offsetOf(line);
      row.label = s.label(r);
      row.labelSpan = v.labelSpan = { start: base + s.labelStart(r), end: base + s.labelEnd(r) };
      this.#spans.push(row.labelSpan);
    }
    return row;
  }
}

/** A row's label, code and the kinds of its cells, read without making the row's view (`eachRowHead`). */
export interface RowHead {
  index: number;
  label: string;
  readonly code: string | undefined;
  codeKind: CodeKind | undefined;
  lineNo: number | undefined;
  /** The kind of cell i, or undefined when the row has fewer cells. */
  kindAt(i: number): CellKind | undefined;
  /** Cell i (its view is made now). */
  cell(i: number): Cell | undefined;
  /** The text of cell i, no view made (undefined when the row has fewer cells). */
  textAt(i: number): string | undefined;
}

/**
 * Calls `fn` with the head of each row of a part, from row `from` on, until it returns false: an index over thousands
 * of rows need not make thousands of views. The head object is reused: valid during the call.
 */
export function eachRowHead(p: Part, fn: (head: RowHead) => boolean | void, from = 0): void {
  if (!(p instanceof StoredPart)) {
    for (const r of p.rows.slice(from)) {
      if (fn({ index: r.index, label: r.label, code: r.code, codeKind: r.codeKind, lineNo: r.lineNo, kindAt: (i) => r.cells[i]?.kind, cell: (i) => r.cells[i], textAt: (i) => r.cells[i]?.text }) === false) return;
    }
    return;
  }
  const s = p.store;
  let r = from;
  const head: RowHead = {
    index: 0, label: '', codeKind: undefined, lineNo: undefined,
    get code() { return s.code(r); },
    kindAt: (i) => { const c = s.cellAt(r, i); return c < 0 ? undefined : KINDS[s.kind(c)]; },
    cell: (i) => p.cellOf(r, i),
    textAt: (i) => { const c = s.cellAt(r, i); return c < 0 ? undefined : s.cellText(c, s.line(r)); },
  };
  for (; r < s.count; r++) {
    head.index = r;
    head.label = s.label(r);
    head.codeKind = s.codeKindOf(r);
    const n = s.lineNo(r);
    head.lineNo = Number.isNaN(n) ? undefined : n;
    if (fn(head) === false) return;
  }
}

const headIndexes = new WeakMap<RowStore, Map<object, { heads: number; codes: number; value: unknown }>>();

/**
 * An index made when the store's counters were `had`'s, carried over every splice since — each changed the codes
 * counter by one, so those since are the last ones listed from the one made at `had`'s — to what it is now (`carry`
 * over each in turn); undefined when a splice since is no longer listed, or `carry` gives up.
 */
function carried<T>(s: RowStore, had: { heads: number; codes: number; value: unknown }, carry: Carry<T>): T | undefined {
  const list = splicesSince(s, had.codes);
  if (!list?.length || list[0].heads !== had.heads) return undefined;
  let value = had.value as T;
  for (let i = 0; i < list.length; i++) {
    const after = i + 1;
    // A row as it stood right after splice i, where it stands now (−1: a splice since removed it).
    const now = (r: number): number => rowAfter(list, r, after);
    const next = carry(value, list[i], now);
    if (next === undefined) return undefined;
    value = next;
  }
  return value;
}

/**
 * Makes an index after `splice` from the one just before it (`was`). The store holds the rows as they are now, after
 * every later splice: the rows `splice` put in are read where `now` says they stand (−1: removed since — what such a
 * row was called no later index holds, and no index is read between the splices).
 */
export type Carry<T> = (was: T, splice: HeadsSplice, now: (r: number) => number) => T | undefined;

/**
 * An index over a part's row heads (`eachRowHead`: labels, kinds of code and cells, row numbers), made by `build` and
 * kept while the part's heads stay the same, though the part is renewed (`StoredPart.renewed`): a figure typed in a
 * 10k-row table leaves it, and so does a code's digit typed unless `codes` (the index reads the codes' digits).
 * `key` names the index (one object per kind of index). The index must hold row numbers and what the heads say, never
 * views or the part (a renewed part makes new ones). A plain part is indexed each time. `carry`, when given, makes
 * the index after a row added or removed from the one before (`HeadsSplice`: what a made index would be, without
 * reading every row's head again); undefined from it, the index is made.
 */
export function indexOfHeads<T>(p: Part, key: object, build: () => T, codes = false, carry?: Carry<T>): T {
  const s = storeOf(p);
  if (!s) return build();
  let byKey = headIndexes.get(s);
  if (!byKey) headIndexes.set(s, (byKey = new Map()));
  const had = byKey.get(key);
  if (had && had.heads === s.heads && (!codes || had.codes === s.codesChanged)) return had.value as T;
  const value = (had && carry && carried(s, had, carry)) ?? build();
  byKey.set(key, { heads: s.heads, codes: s.codesChanged, value });
  return value;
}

/** How many rows of a part, from the first, end at or before `offset` (their rows are in document order). */
export function rowsEndingBy(p: Part, offset: number): number {
  if (!(p instanceof StoredPart)) {
    let n = 0;
    while (n < p.rows.length && p.rows[n].span.end <= offset) n++;
    return n;
  }
  const s = p.store;
  let lo = 0;
  let hi = s.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.source.offsetOf(s.line(mid)) + s.spanEnd(mid) <= offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Row r's span (a new object; no view is made), or undefined past the last row. */
export function rowSpan(p: Part, r: number): Span | undefined {
  if (!(p instanceof StoredPart)) return p.rows[r]?.span;
  const s = p.store;
  if (r < 0 || r >= s.count) return undefined;
  const base = s.source.offsetOf(s.line(r));
  return { start: base + s.spanStart(r), end: base + s.spanEnd(r) };
}

/** Row r of a part (for a stored part, only that row's view is made). */
export function rowOf(p: Part, r: number): Row {
  return p instanceof StoredPart ? p.rowOf(r) : p.rows[r];
}

/** Cell i of row r of a part (for a stored part, only that row's view is made). */
export function cellOf(p: Part, r: number, i: number): Cell | undefined {
  return p instanceof StoredPart ? p.cellOf(r, i) : p.rows[r]?.cells[i];
}

/** Row r's label (for a stored part, read from its store: no view is made). */
export function rowLabel(p: Part, r: number): string {
  return p instanceof StoredPart ? p.store.label(r) : p.rows[r].label;
}

/** Row r's code, if it has one (for a stored part, read from its store: no view is made). */
export function rowCode(p: Part, r: number): string | undefined {
  return p instanceof StoredPart ? p.store.code(r) : p.rows[r].code;
}

/**
 * Whether cell i of row r of a part prints a figure other than zero (for a stored part, read from its store: no view
 * is made).
 */
export function isNonZeroFigure(p: Part, r: number, i: number): boolean {
  if (!(p instanceof StoredPart)) {
    const cell = p.rows[r]?.cells[i];
    return cell?.kind === 'figure' && !!cell.figure && cell.figure.units !== 0n;
  }
  const s = p.store;
  const c = s.cellAt(r, i);
  // A figure's `Exact` flag: its units are zero.
  return c >= 0 && s.kind(c) === Kind.Figure && (s.flags(c) & CellFlag.Exact) === 0;
}

/** A figure's value as a number (negative decimals: a figure moved to its table's unit, `150万` in 元 is 150 × 10^4). */
function numberOf(f: Figure): number {
  return f.decimals < 0 ? Number(f.units) * 10 ** -f.decimals : Number(f.units) / 10 ** f.decimals;
}

/**
 * Cell i of row r's figure as a number (its printed value; a percentage in percent) and whether it is a percentage —
 * for a stored part read from its store, no view made; undefined when it holds no figure (or one past 2^53 units).
 */
export function figureNumber(p: Part, r: number, i: number): { value: number; decimals: number; percent: boolean } | undefined {
  if (!(p instanceof StoredPart)) {
    const f = p.rows[r]?.cells[i]?.figure;
    return f && p.rows[r].cells[i].kind === 'figure' ? { value: numberOf(f), decimals: f.decimals, percent: f.percent } : undefined;
  }
  const s = p.store;
  const c = s.cellAt(r, i);
  if (c < 0 || s.kind(c) !== Kind.Figure) return undefined;
  const flags = s.flags(c);
  if (flags & CellFlag.Object) {
    // (A figure moved to its table's unit is `Big` with its units small: read from its object.)
    const f = s.figures.get(c);
    return f && Number.isSafeInteger(Number(f.units)) ? { value: numberOf(f), decimals: f.decimals, percent: f.percent } : undefined;
  }
  if (!s.isSmall(c)) return undefined;
  return { value: s.units(c) / 10 ** s.decimals(c), decimals: s.decimals(c), percent: (flags & CellFlag.Percent) !== 0 };
}

/** Whether cell i of row r of a part prints a figure (for a stored part, read from its store: no view is made). */
export function isFigure(p: Part, r: number, i: number): boolean {
  if (!(p instanceof StoredPart)) return p.rows[r]?.cells[i]?.kind === 'figure';
  const c = p.store.cellAt(r, i);
  return c >= 0 && p.store.kind(c) === Kind.Figure;
}

/** How many rows a part has (without making its rows' views). */
export function rowCount(p: Part): number {
  return p instanceof StoredPart ? p.store.count : p.rows.length;
}

/** How many rows tables print in all (their parts'). */
export function rowsIn(tables: readonly Table[]): number {
  let rows = 0;
  for (const t of tables) for (const p of t.parts) rows += rowCount(p);
  return rows;
}

/**
 * A cell's number in its part's store (its row's first cell and its place in the row: the number relations and
 * indexes by cell use), or -1 when its part's rows are not stored (a narrative claim's) or it is none of its row's cells.
 */
export function cellNumber(cell: Cell): number {
  const p = cell.row.part;
  if (!(p instanceof StoredPart)) return -1;
  const i = cell.row.cells.indexOf(cell);
  return i < 0 ? -1 : p.store.firstCell(cell.row.index) + i;
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

  lineString(): string {
    return this.text;
  }

  lineStart(line: number): number {
    return line;
  }
}
