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
  const list = () => tables.map(tableName).join('、');
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
  return line.replace(/\s*\/\/.*$/, '').trim();
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

/** A part's header rows (groups merged across, names merged down), its 栏次 row and its rows. */
function partBlock(doc: BudgetDocument, p: Part, depth: number, lanciRow: boolean, m: EditorMessages): Block {
  const cols = p.columns;
  const width = Math.max(cols.length, maxOf(p.rows.map((r) => r.cells.length)), 1);
  const header: SheetCell[][] = Array.from({ length: depth }, () => Array.from({ length: width }, () => ({ text: '', kind: 'header' as const })));
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
    const lanci: SheetCell[] = Array.from({ length: width }, () => ({ text: '', kind: 'lanci' as const }));
    const first = cols.findIndex((c) => c.role !== 'figure');
    if (first >= 0) lanci[first] = { text: m.exportLanci, kind: 'lanci' };
    cols.forEach((c, i) => { if (c.role === 'figure' && c.number !== undefined && printedNumber(doc, c)) lanci[i] = { text: String(c.number), kind: 'lanci' }; });
    header.push(lanci);
  }
  const body = p.rows.map((r) => {
    const out: SheetCell[] = Array.from({ length: width }, () => ({ text: '', kind: 'text' as const }));
    r.cells.forEach((c, i) => {
      const role = c.column?.role;
      if (role === 'code') out[i] = { text: c.text, kind: 'code' };
      else if (role === 'label') out[i] = { text: c.text, kind: 'label' };
      else if (role === 'line') out[i] = { text: c.text, kind: 'line' };
      else if (c.kind === 'figure' && parseFigure(c.text)) out[i] = { text: c.text, kind: 'figure', figure: parseFigure(c.text)! };
      else out[i] = { text: c.text, kind: 'text' };
    });
    return out;
  });
  return { width, header, merges, body };
}

/** One table as a grid of cells, laid out as printed: the sides of a 收支总表 next to each other. */
export function tableGrid(doc: BudgetDocument, t: Table, options: { locale?: Locale; documentHeader?: boolean } = {}): SheetGrid {
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
  const depthOf = (p: Part) => Math.max(1, ...p.columns.map((c) => Math.max(1, c.path.length)));
  const place = (blocks: { block: Block; name?: string }[]) => {
    // Blocks next to each other, from the current row on.
    const top = rows.length;
    const named = blocks.some((b) => b.name);
    const headerHeight = Math.max(...blocks.map((b) => b.block.header.length));
    const bodyHeight = Math.max(...blocks.map((b) => b.block.body.length));
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
      block.body.forEach((br, k) => br.forEach((c, i) => put(r0 + headerHeight + k, i, c)));
      left += block.width;
    }
  };
  if (sideBySide) {
    const depth = Math.max(...parts.map(depthOf));
    const lanci = parts.some((p) => p.columns.some((c) => printedNumber(doc, c)));
    place(parts.map((p) => ({ block: partBlock(doc, p, depth, lanci, m), ...(p.name ? { name: p.name } : {}) })));
  } else {
    for (const p of parts) {
      if (p.name) line(p.name, 'part');
      for (const f of p.fields) line(slice(f.span), 'field');
      if (p.columns.length || p.rows.length) place([{ block: partBlock(doc, p, depthOf(p), p.columns.some((c) => printedNumber(doc, c)), m) }]);
    }
  }

  // Under the table: its notes, text lines and rule lines, in the document's order.
  const under: { at: number; text: string; kind: CellKind }[] = [];
  for (const n of t.notes) under.push({ at: n.span.start, text: n.text, kind: 'note' });
  for (const x of t.texts) under.push({ at: x.span.start, text: x.text, kind: 'note' });
  const ruleLines = new Map<number, string>();
  for (const r of t.rules) {
    const l = sourceLine(doc.text, r.node.span.start);
    if (!ruleLines.has(l.start)) ruleLines.set(l.start, withoutComment(l.text));
  }
  for (const [at, text] of ruleLines) under.push({ at, text, kind: 'rule' });
  under.sort((a, b) => a.at - b.at);
  if (under.length) rows.push([]);
  for (const u of under) line(u.text, u.kind);
  // Rows are ragged until here: fill them.
  const width = maxOf(rows.map((r) => r.length));
  for (const r of rows) for (let i = 0; i < width; i++) r[i] ??= { text: '', kind: 'text' };
  return { rows, merges };
}

export function gridCsv(grid: SheetGrid): string {
  // Trailing empty cells are left off (a title line is one cell).
  const records = grid.rows.map((r) => {
    let n = r.length;
    while (n > 0 && r[n - 1].text === '') n--;
    return r.slice(0, n).map((c) => c.text);
  });
  return stringify(records, { bom: true, record_delimiter: 'windows' });
}

function sheetName(t: Table, k: number, used: Set<string>, m: EditorMessages): string {
  const base = (t.number ?? m.exportSheet(k + 1)).replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || m.exportSheet(k + 1);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base.slice(0, 27)}(${n})`;
  used.add(name);
  return name;
}

/** Display width of a text, CJK counting double: for column widths. */
function widthOf(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”]/.test(ch) ? 2 : 1;
  return w;
}

export async function gridsXlsx(sheets: { name: string; grid: SheetGrid }[]): Promise<Uint8Array> {
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  wb.creator = 'Budget Tables';
  for (const { name, grid } of sheets) {
    const ws = wb.addWorksheet(name);
    const widths: number[] = [];
    grid.rows.forEach((row, r) => {
      row.forEach((c, i) => {
        if (!c.text) return;
        const cell = ws.getCell(r + 1, i + 1);
        const number = c.kind === 'figure' && c.figure ? figureValue(c.figure) : undefined;
        if (number) {
          cell.value = number.value;
          cell.numFmt = number.numFmt;
          cell.alignment = { horizontal: 'right' };
        } else {
          cell.value = c.text;
          if (c.kind === 'code') cell.numFmt = '@';
          if (c.kind === 'header' || c.kind === 'part' || c.kind === 'lanci') {
            cell.font = { bold: true };
            cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
          }
          if (c.kind === 'title' && r === 0) cell.font = { bold: true, size: 14 };
        }
        if (c.kind !== 'title' && c.kind !== 'field' && c.kind !== 'note' && c.kind !== 'rule') widths[i] = Math.max(widths[i] ?? 0, Math.min(40, widthOf(c.text) + 2));
      });
    });
    for (const mg of grid.merges) ws.mergeCells(mg.top + 1, mg.left + 1, mg.bottom + 1, mg.right + 1);
    widths.forEach((w, i) => { if (w) ws.getColumn(i + 1).width = Math.max(8, w); });
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** The export of a request: the named table, the one at the offset, or (XLSX only) every table. */
export async function exportDocument(doc: BudgetDocument, req: ExportRequest): Promise<ExportOutcome> {
  const m = editorMessages(req.locale);
  const picked = selectTables(doc, req);
  if (typeof picked === 'string') return { ok: false, message: picked };
  const names = picked.map(tableName);
  if (req.format === 'csv') {
    if (picked.length !== 1) return { ok: false, message: m.exportCsvOneTable };
    return { ok: true, format: 'csv', data: gridCsv(tableGrid(doc, picked[0], { locale: req.locale, documentHeader: false })), tables: names };
  }
  const used = new Set<string>();
  const sheets = picked.map((t, k) => ({ name: sheetName(t, k, used, m), grid: tableGrid(doc, t, { locale: req.locale }) }));
  return { ok: true, format: 'xlsx', data: await gridsXlsx(sheets), tables: names };
}
