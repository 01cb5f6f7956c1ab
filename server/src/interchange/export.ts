/**
 * Export: a table of a `.budget` document (by 表号 or title, or the one at an offset), or every table, as CSV (one
 * table) or XLSX (one worksheet per table). The sheet looks like the printed table: the document header on top, the
 * heading, 部门 and 金额单位, the column names with column groups as merged cells, the 栏次 row, the rows (codes as
 * text, figures as numbers whose number format prints them exactly as the document does: their decimals, their
 * thousands separators, percentages as percentages), then the table's 注 and 规则 lines. Pure: no file system.
 */
import { stringify } from 'csv-stringify/sync';
import { editorMessages, type EditorMessages } from '../i18n/editor';
import type { Locale } from '../i18n/messages';
import { FIELD_PART } from '../model/build';
import type { BudgetDocument, Column, Part, Table } from '../model/document';
import { parseFigure, type Figure } from '../numbers/decimal';
import { displayWidth } from '../format/width';
import { headOf, trimEndChars } from '../util/text';
import { baseName } from '../workspace/uri';
import { figureValue, loadExcel } from './sheet';
import { maxOf } from '../util/arrays';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportRequest {
  format: ExportFormat;
  /** A table by its 表号 (`公开05表`, `附表4-1`) or its title. */
  table?: string;
  /** The table at this offset of the document's text. */
  offset?: number;
  locale?: Locale;
  /**
   * Awaited between two steps of the work (a few thousand rows each): the language server pauses there so that it
   * answers other requests meanwhile, and rejects there when the export was cancelled. Without it, no pause.
   */
  checkpoint?: () => Promise<void>;
}

export interface Exported {
  ok: true;
  format: ExportFormat;
  /** CSV text (with a BOM, as spreadsheet programs want it) or the XLSX file. */
  data: string | Uint8Array;
  /** The tables exported, by 表号 or title: a suggestion for the file name. */
  tables: string[];
}

export interface ExportRefused {
  ok: false;
  message: string;
}

export type ExportOutcome = Exported | ExportRefused;

type CellKind = 'title' | 'field' | 'part' | 'header' | 'lanci' | 'code' | 'label' | 'line' | 'figure' | 'text' | 'note' | 'rule';

export interface SheetCell {
  text: string;
  kind: CellKind;
  /** For figure cells: the printed figure (a number in XLSX). */
  figure?: Figure;
}

export interface SheetGrid {
  /** Ragged: a cell missing at the end of a row, or between two (a hole), is empty. */
  rows: SheetCell[][];
  /** 0-based, inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
}

const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');

function tableName(t: Table): string {
  return t.number ?? t.title ?? t.heading;
}

/** The tables a request names; a message when it names none. */
export function selectTables(doc: BudgetDocument, req: Pick<ExportRequest, 'table' | 'offset' | 'locale'>): Table[] | string {
  const m = editorMessages(req.locale);
  const tables = doc.tables.filter((t) => t.parts.some((p) => p.name !== FIELD_PART && p.columns.length));
  if (!tables.length) return m.exportNoTables;
  const list = () => tables.map(tableName);
  if (req.table !== undefined) {
    const want = compact(req.table);
    const hit = tables.find((t) => t.number !== undefined && compact(t.number) === want)
      ?? tables.find((t) => compact(t.title) === want || compact(t.heading) === want)
      ?? tables.find((t) => compact(t.heading).includes(want));
    return hit ? [hit] : m.exportNoSuchTable(req.table, list());
  }
  if (req.offset !== undefined) {
    const at = req.offset;
    const hit = tables.find((t) => t.span.start <= at && at <= t.span.end);
    return hit ? [hit] : m.exportNoTableAtCursor;
  }
  return tables;
}

/** The text of the source line holding `offset`, without a trailing comment. */
function sourceLine(text: string, offset: number): { start: number; text: string } {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  let e = offset;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  return { start: s, text: text.slice(s, e) };
}

function withoutComment(line: string): string {
  const at = line.indexOf('//');
  return (at < 0 ? line : line.slice(0, at)).trim();
}

/** Whether the document prints the column's 栏次 (`合计[1]`), rather than the model numbering it. */
function printedNumber(doc: BudgetDocument, c: Column): boolean {
  return /[[［]\s*\d+\s*[\]］]/.test(doc.text.slice(c.span.start, c.span.end));
}

interface Block {
  width: number;
  header: SheetCell[][];
  merges: SheetGrid['merges'];
  body: SheetCell[][];
}

/**
 * The work grows with the table (a table may have 200,000 rows): it is done in steps of this many rows, between which
 * an export in the language server pauses, so that requests and edits are answered meanwhile, and it can be cancelled
 * (`ExportRequest.checkpoint`). A step is a `yield` of the generators below; `tableGrid` runs them through.
 */
const STEP_ROWS = 2000;

/** A grid row's cells: only the cells that hold something (rows are ragged; a missing cell is empty). */
function bodyRow(r: Part['rows'][number]): SheetCell[] {
  const out: SheetCell[] = [];
  r.cells.forEach((c, i) => {
    if (!c.text) return;
    const role = c.column?.role;
    const figure = role === undefined || role === 'figure' ? (c.kind === 'figure' ? parseFigure(c.text) : undefined) : undefined;
    if (role === 'code') out[i] = { text: c.text, kind: 'code' };
    else if (role === 'label') out[i] = { text: c.text, kind: 'label' };
    else if (role === 'line') out[i] = { text: c.text, kind: 'line' };
    else if (figure) out[i] = { text: c.text, kind: 'figure', figure };
    else out[i] = { text: c.text, kind: 'text' };
  });
  return out;
}

/** A part's header rows (groups merged across, names merged down), its 栏次 row and its rows. */
function* partBlock(doc: BudgetDocument, p: Part, depth: number, lanciRow: boolean, m: EditorMessages): Generator<void, Block> {
  const cols = p.columns;
  const width = Math.max(cols.length, maxOf(p.rows.map((r) => r.cells.length)), 1);
  const header: SheetCell[][] = Array.from({ length: depth }, () => []);
  const merges: SheetGrid['merges'] = [];
  for (let d = 0; d < depth; d++) {
    let i = 0;
    while (i < cols.length) {
      const path = cols[i].path.length ? cols[i].path : [cols[i].name];
      if (d < path.length - 1) {
        const prefix = path.slice(0, d + 1).join('\u0000');
        let j = i;
        while (j + 1 < cols.length && cols[j + 1].path.length - 1 > d && cols[j + 1].path.slice(0, d + 1).join('\u0000') === prefix) j++;
        header[d][i] = { text: path[d], kind: 'header' };
        if (j > i) merges.push({ top: d, left: i, bottom: d, right: j });
        i = j + 1;
      } else {
        if (d === path.length - 1) {
          header[d][i] = { text: path[d] ?? '', kind: 'header' };
          if (depth - 1 > d) merges.push({ top: d, left: i, bottom: depth - 1, right: i });
        }
        i++;
      }
    }
  }
  if (lanciRow) {
    const lanci: SheetCell[] = [];
    const first = cols.findIndex((c) => c.role !== 'figure');
    if (first >= 0) lanci[first] = { text: m.exportLanci, kind: 'lanci' };
    cols.forEach((c, i) => { if (c.role === 'figure' && c.number !== undefined && printedNumber(doc, c)) lanci[i] = { text: String(c.number), kind: 'lanci' }; });
    header.push(lanci);
  }
  const body: SheetCell[][] = [];
  for (const r of p.rows) {
    body.push(bodyRow(r));
    if (body.length % STEP_ROWS === 0) yield;
  }
  return { width, header, merges, body };
}

/** Runs a generator of steps through at once. */
function runThrough<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs a generator of steps, awaiting `checkpoint` between two. */
async function runPaused<T>(steps: Generator<void, T>, checkpoint: () => Promise<void>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await checkpoint();
  }
}

export interface GridOptions {
  locale?: Locale;
  documentHeader?: boolean;
}

/**
 * One table as a grid of cells, laid out as printed: the sides of a 收支总表 next to each other. Rows are ragged: a
 * cell missing at the end of a row, or between two, is empty.
 */
export function tableGrid(doc: BudgetDocument, t: Table, options: GridOptions = {}): SheetGrid {
  return runThrough(gridSteps(doc, t, options));
}

function* gridSteps(doc: BudgetDocument, t: Table, options: GridOptions): Generator<void, SheetGrid> {
  const m = editorMessages(options.locale);
  const rows: SheetCell[][] = [];
  const merges: SheetGrid['merges'] = [];
  const line = (text: string, kind: CellKind) => rows.push([{ text, kind }]);
  const slice = (s: { start: number; end: number }) => doc.text.slice(s.start, s.end).trim();
  if (options.documentHeader !== false) {
    const title = doc.title ?? doc.header.title;
    if (title) line(title, 'title');
    for (const f of doc.header.fields) line(slice(f.span), 'field');
    if (rows.length) rows.push([]);
  }
  line(t.heading.replace(/^表[ \t\u3000]*/, ''), 'title');
  for (const f of t.fields) line(slice(f.span), 'field');
  if (t.unit && !t.unitField) line(m.exportUnit(t.unit), 'field');

  const parts = t.parts.filter((p) => p.name !== FIELD_PART && (p.columns.length || p.rows.length));
  const sideBySide = t.kind === 'table' && parts.length > 1 && parts.every((p) => p.columns.length);
  const depthOf = (p: Part) => Math.max(1, maxOf(p.columns.map((c) => c.path.length)));
  function* place(blocks: { block: Block; name?: string }[]): Generator<void, void> {
    // Blocks next to each other, from the current row on.
    const top = rows.length;
    const named = blocks.some((b) => b.name);
    const headerHeight = maxOf(blocks.map((b) => b.block.header.length));
    const bodyHeight = maxOf(blocks.map((b) => b.block.body.length));
    const height = (named ? 1 : 0) + headerHeight + bodyHeight;
    for (let r = 0; r < height; r++) rows.push([]);
    let left = 0;
    for (const { block, name } of blocks) {
      const put = (r: number, c: number, cell: SheetCell) => { rows[top + r][left + c] = cell; };
      let r0 = 0;
      if (named) {
        put(0, 0, { text: name ?? '', kind: 'part' });
        if (block.width > 1) merges.push({ top, left, bottom: top, right: left + block.width - 1 });
        r0 = 1;
      }
      block.header.forEach((hr, k) => hr.forEach((c, i) => put(r0 + k, i, c)));
      for (const mg of block.merges) merges.push({ top: top + r0 + mg.top, left: left + mg.left, bottom: top + r0 + mg.bottom, right: left + mg.right });
      const at = top + r0 + headerHeight;
      if (left === 0) {
        // The first block's rows are the grid's rows (no copy).
        block.body.forEach((br, k) => { rows[at + k] = br; });
      } else {
        for (let k = 0; k < block.body.length; k++) {
          block.body[k].forEach((c, i) => put(r0 + headerHeight + k, i, c));
          if ((k + 1) % STEP_ROWS === 0) yield;
        }
      }
      left += block.width;
    }
  }
  if (sideBySide) {
    const depth = maxOf(parts.map(depthOf));
    const lanci = parts.some((p) => p.columns.some((c) => printedNumber(doc, c)));
    const blocks: { block: Block; name?: string }[] = [];
    for (const p of parts) blocks.push({ block: yield* partBlock(doc, p, depth, lanci, m), ...(p.name ? { name: p.name } : {}) });
    yield* place(blocks);
  } else {
    for (const p of parts) {
      if (p.name) line(p.name, 'part');
      for (const f of p.fields) line(slice(f.span), 'field');
      if (p.columns.length || p.rows.length) yield* place([{ block: yield* partBlock(doc, p, depthOf(p), p.columns.some((c) => printedNumber(doc, c)), m) }]);
    }
  }

  // Under the table: its notes, text lines and rule lines, in the document's order.
  const under: { at: number; text: string; kind: CellKind }[] = [];
  for (const n of t.notes) under.push({ at: n.span.start, text: n.text, kind: 'note' });
  for (const x of t.texts) under.push({ at: x.span.start, text: x.text, kind: 'note' });
  const ruleLines = new Map<number, string>();
  // Each line once: a line holding many rules was scanned once per rule, quadratic in a long line (issue #15).
  let last = { start: -1, end: -1 };
  for (const r of t.rules) {
    const at = r.node.span.start;
    if (at >= last.start && at <= last.end) continue;
    const l = sourceLine(doc.text, at);
    last = { start: l.start, end: l.start + l.text.length };
    if (!ruleLines.has(l.start)) ruleLines.set(l.start, withoutComment(l.text));
  }
  for (const [at, text] of ruleLines) under.push({ at, text, kind: 'rule' });
  under.sort((a, b) => a.at - b.at);
  if (under.length) rows.push([]);
  // A worksheet cell holds at most MAX_CELL_TEXT characters: a longer note or rule line goes on as many rows as it needs.
  for (const u of under) for (const piece of pieces(u.text, MAX_CELL_TEXT)) line(piece, u.kind);
  return { rows, merges };
}

/** The CSV of a grid (with a BOM, as spreadsheet programs want it). */
export function gridCsv(grid: SheetGrid): string {
  return runThrough(csvSteps(grid));
}

function* csvSteps(grid: SheetGrid): Generator<void, string> {
  const out: string[] = [];
  for (let i = 0; i < grid.rows.length; i += STEP_ROWS) {
    // Trailing empty cells are left off (a title line is one cell).
    const records = grid.rows.slice(i, i + STEP_ROWS).map((r) => {
      let n = r.length;
      while (n > 0 && !r[n - 1]?.text) n--;
      const record: string[] = [];
      for (let k = 0; k < n; k++) record.push(r[k]?.text ?? '');
      return record;
    });
    out.push(stringify(records, { bom: i === 0, record_delimiter: 'windows' }));
    yield;
  }
  return out.join('') || stringify([], { bom: true });
}

function sheetName(t: Table, k: number, used: Set<string>, m: EditorMessages): string {
  const base = headOf((t.number ?? m.exportSheet(k + 1)).replace(/[[\]:*?/\\]/g, '-'), 31) || m.exportSheet(k + 1);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${headOf(base, 27)}(${n})`;
  used.add(name);
  return name;
}

/** The most characters a worksheet cell holds (Excel's limit); a longer text is cut there. */
const MAX_CELL_TEXT = 32767;

/** `text` in pieces of at most `max` UTF-16 units, never splitting a surrogate pair. */
function pieces(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + max);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** A table cell's text as a worksheet can hold it: at most MAX_CELL_TEXT characters (a longer one is cut there). */
function cellText(text: string): string {
  return text.length <= MAX_CELL_TEXT ? text : pieces(text, MAX_CELL_TEXT)[0];
}

/** The parts of exceljs the writer uses: a worksheet row's cells, and the streaming workbook writer when there is one. */
interface SheetWriter {
  columns: { width?: number }[];
  getRow(n: number): { getCell(c: number): ExcelCell; commit?(): void };
  mergeCells(top: number, left: number, bottom: number, right: number): void;
  commit?(): void;
}
interface ExcelCell {
  value: unknown;
  numFmt: string;
  alignment: Record<string, unknown>;
  font: Record<string, unknown>;
}

function* sheetSteps(ws: SheetWriter, grid: SheetGrid): Generator<void, void> {
  // Column widths first: a streaming sheet writes them before its first row.
  const widths: number[] = [];
  for (let r = 0; r < grid.rows.length; r++) {
    grid.rows[r].forEach((c, i) => {
      if (c?.text && c.kind !== 'title' && c.kind !== 'field' && c.kind !== 'note' && c.kind !== 'rule') widths[i] = Math.max(widths[i] ?? 0, Math.min(40, displayWidth(c.text.slice(0, 80)) + 2));
    });
    if ((r + 1) % STEP_ROWS === 0) yield;
  }
  ws.columns = Array.from(widths, (w) => (w ? { width: Math.max(8, w) } : {}));
  for (const mg of grid.merges) ws.mergeCells(mg.top + 1, mg.left + 1, mg.bottom + 1, mg.right + 1);
  for (let r = 0; r < grid.rows.length; r++) {
    const row = ws.getRow(r + 1);
    grid.rows[r].forEach((c, i) => {
      if (!c?.text) return;
      const cell = row.getCell(i + 1);
      const number = c.kind === 'figure' && c.figure ? figureValue(c.figure) : undefined;
      if (number) {
        cell.value = number.value;
        cell.numFmt = number.numFmt;
        cell.alignment = { horizontal: 'right' };
      } else {
        cell.value = cellText(c.text);
        if (c.kind === 'code') cell.numFmt = '@';
        if (c.kind === 'header' || c.kind === 'part' || c.kind === 'lanci') {
          cell.font = { bold: true };
          cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        }
        if (c.kind === 'title' && r === 0) cell.font = { bold: true, size: 14 };
      }
    });
    row.commit?.();
    if ((r + 1) % STEP_ROWS === 0) yield;
  }
  ws.commit?.();
}

/**
 * The XLSX file of some grids, one worksheet each. Written by exceljs's streaming writer where it has one (Node):
 * rows are written as they come, in time and memory linear in the table (the in-memory workbook took 39 s for
 * 200,000 rows on this machine, super-linearly); else (the browser build) by its in-memory workbook.
 */
export async function gridsXlsx(sheets: { name: string; grid: SheetGrid }[], checkpoint?: () => Promise<void>): Promise<Uint8Array> {
  const excel = await loadExcel();
  const run = <T>(steps: Generator<void, T>) => (checkpoint ? runPaused(steps, checkpoint) : Promise.resolve(runThrough(steps)));
  const Writer = excel.stream?.xlsx?.WorkbookWriter;
  if (Writer) {
    // Without a stream of its own, the writer collects the file in memory (exceljs's StreamBuf), read after commit.
    const wb = new Writer({ useStyles: true, useSharedStrings: false });
    wb.creator = 'Budget Tables';
    for (const { name, grid } of sheets) await run(sheetSteps(wb.addWorksheet(name) as unknown as SheetWriter, grid));
    await wb.commit();
    const bytes = (wb as unknown as { stream: { read(): Uint8Array | null } }).stream.read();
    return bytes ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array();
  }
  const wb = new excel.Workbook();
  wb.creator = 'Budget Tables';
  for (const { name, grid } of sheets) await run(sheetSteps(wb.addWorksheet(name) as unknown as SheetWriter, grid));
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** A name that is one file name on every file system: no folders, no `..`, no reserved or control characters. */
function safeName(s: string, max: number): string {
  const last = s.split(/[\\/]/).pop() ?? '';
  const clean = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '-');
  const chars = [...clean.replace(/^[.\s]+/, '')].slice(0, max).join('');
  return trimEndChars(chars, '. \t\u3000');
}

/**
 * The file name an export suggests: the document's base name without `.budget`, then the table's number or title when
 * one table is exported (`硚口2023-公开05表.xlsx`). Always a base name: a URI whose last segment decodes to
 * `../x.budget` or holds a `\` gives no folder part (issue #15).
 */
export function exportFileName(uri: string, table: string | undefined, format: ExportFormat): string {
  const base = safeName(baseName(uri).replace(/\.budget$/i, ''), 80) || 'tables';
  const part = table === undefined ? '' : safeName(table, 40);
  return `${base}${part ? `-${part}` : ''}.${format}`;
}

/** The export of a request: the named table, the one at the offset, or (XLSX only) every table. */
export async function exportDocument(doc: BudgetDocument, req: ExportRequest): Promise<ExportOutcome> {
  const m = editorMessages(req.locale);
  const picked = selectTables(doc, req);
  if (typeof picked === 'string') return { ok: false, message: picked };
  const names = picked.map(tableName);
  const checkpoint = req.checkpoint;
  const run = <T>(steps: Generator<void, T>) => (checkpoint ? runPaused(steps, checkpoint) : Promise.resolve(runThrough(steps)));
  if (req.format === 'csv') {
    if (picked.length !== 1) return { ok: false, message: m.exportCsvOneTable };
    const grid = await run(gridSteps(doc, picked[0], { locale: req.locale, documentHeader: false }));
    return { ok: true, format: 'csv', data: await run(csvSteps(grid)), tables: names };
  }
  const used = new Set<string>();
  const sheets: { name: string; grid: SheetGrid }[] = [];
  for (const [k, t] of picked.entries()) sheets.push({ name: sheetName(t, k, used, m), grid: await run(gridSteps(doc, t, { locale: req.locale })) });
  return { ok: true, format: 'xlsx', data: await gridsXlsx(sheets, checkpoint), tables: names };
}
