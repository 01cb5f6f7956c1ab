/**
 * Import: a table pasted from a PDF text extraction, or a CSV or XLSX sheet, becomes a `.budget` table.
 *
 * The input is read as a grid of rows and cells (tab-separated lines, CSV records or worksheet cells), then split into
 * the lines above the table (title, 表号, 部门, 金额单位), the header rows (column names, column groups, the 栏次 row),
 * the table's rows and the lines under it (注, the printed rules). Extraction damage is repaired only where the repair
 * joins pieces or drops spaces; every repair is returned as a record and written as a `// 导入修复：…` comment above
 * the line it concerns, so the transcription stays auditable. Pure: no file system, no editor.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { editorMessages, type EditorMessages } from '../i18n/editor';
import type { Locale } from '../i18n/messages';
import { hasItemNumber } from '../model/classify';
import { parse } from '../syntax/parser';
import {
  clean, codeLike, compact, escapeCell, escapeLineStart, figureLike, isDash, joinCjk, repairCode, repairColumnName,
  repairFigure, repairText, type CellRepair, type RepairKind,
} from './repair';
import { readWorkbook, sheetGrid } from './sheet';
import { maxOf, pushAll } from '../util/arrays';
import { trimEndChars } from '../util/text';

export type { RepairKind } from './repair';

/** One repair: where in the input, what was printed, what the output says, and which kind of repair. */
export interface Repair {
  /** 1-based line of the text or CSV input, or row of the worksheet. */
  line: number;
  before: string;
  after: string;
  kind: RepairKind;
  /** The repair in words (the editor's language). */
  message: string;
  /** 0-based line of the generated text the repair is about (the row, the `列：` line, the heading). */
  outputLine?: number;
}

/** A place where the reconstruction is not sure (a figure between two columns, a row it had to guess). */
export interface Doubt {
  line: number;
  message: string;
  /** 0-based line of the generated text: the `// 导入存疑：…` comment. */
  outputLine: number;
}

export interface ImportOptions {
  locale?: Locale;
  /** The heading's title instead of the input's (a leading 表号 in it is taken as the number). */
  title?: string;
  /** For XLSX: the worksheet, by 1-based position or by name (default: the first). */
  sheet?: number | string;
}

export interface Imported {
  ok: true;
  /** The `.budget` table: `## 表 …` heading, fields, `列：`, rows, notes and rules, with repair comments. */
  text: string;
  repairs: Repair[];
  /** Rows imported (all parts). */
  rows: number;
  title: string;
  doubts: Doubt[];
  /** A PDF's table: the page its last lines come from (the text says where each page begins: `// 第 N 页`). */
  page?: number;
}

export interface ImportRefused {
  ok: false;
  message: string;
}

export type ImportOutcome = Imported | ImportRefused;

/** A row of the input. */
export interface SourceRow {
  /** 1-based line or worksheet row (a PDF's page). */
  line: number;
  cells: string[];
  /** A PDF's row whose label goes on on the next page: that page, and the label's text from there. */
  continued?: { page: number; text: string };
}

export interface SourceGrid {
  rows: SourceRow[];
  /** Merged cells of a worksheet: `row index:column` of the top-left cell → number of columns it spans. */
  spans?: Map<string, number>;
  /** Text extractions lose trailing cells and may put junk on lines of their own; sheets and CSV do not. */
  kind: 'text' | 'csv' | 'xlsx' | 'pdf';
  /** A worksheet's name. */
  name?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the input

/** Tab-separated text (a PDF text extraction); without any tab, runs of two or more spaces separate the columns. */
export function textGrid(text: string): SourceGrid {
  const src = text.replace(/^\ufeff/, '');
  const lines = src.split(/\r\n|\r|\n/);
  const tabs = src.includes('\t');
  return {
    kind: 'text',
    rows: lines.map((l, i) => ({ line: i + 1, cells: (tabs ? l.split('\t') : l.split(/ {2,}/)).map((c) => c.trim()) })),
  };
}

export function csvGrid(text: string): SourceGrid {
  const records = parseCsv(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, info: true }) as { record: string[]; info: { lines: number } }[];
  return { kind: 'csv', rows: records.map((r) => ({ line: r.info.lines, cells: r.record.map((c) => c.trim()) })) };
}

/**
 * Pasted text: tab-separated when it has tabs, CSV when most lines are comma-separated records of one width (commas
 * that only group thousands are not separators).
 */
export function guessGrid(text: string): SourceGrid {
  if (text.includes('\t')) return textGrid(text);
  // Commas that only group thousands (`24,169.74`) outside quotes do not make CSV.
  if (!/"/.test(text) && !text.replace(/\d,(?=\d{3}(?!\d))/g, '').includes(',')) return textGrid(text);
  try {
    const g = csvGrid(text);
    const widths = g.rows.filter((r) => r.cells.some((c) => c)).map((r) => r.cells.length);
    const wide = widths.filter((w) => w >= 2);
    if (widths.length >= 2 && wide.length >= widths.length / 2 && new Set(wide).size === 1) return g;
  } catch {
    // not CSV
  }
  return textGrid(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

export function importText(text: string, options: ImportOptions = {}): ImportOutcome {
  return importGrid(guessGrid(text), options);
}

export function importCsv(text: string, options: ImportOptions = {}): ImportOutcome {
  let grid: SourceGrid;
  try {
    grid = csvGrid(text);
  } catch (e) {
    return { ok: false, message: `${editorMessages(options.locale).importNoTable}（${e instanceof Error ? e.message : String(e)}）` };
  }
  return importGrid(grid, options);
}

export async function importXlsx(data: Uint8Array, options: ImportOptions = {}): Promise<ImportOutcome> {
  const m = editorMessages(options.locale);
  try {
    const wb = await readWorkbook(data);
    const sheets = wb.worksheets;
    if (!sheets.length) return { ok: false, message: m.importNoTable };
    const want = options.sheet;
    const sheet = want === undefined ? sheets[0]
      : typeof want === 'number' ? sheets[want - 1] : sheets.find((s) => s.name === want) ?? (/^\d+$/.test(want) ? sheets[Number(want) - 1] : undefined);
    if (!sheet) return { ok: false, message: m.importNoSheet(String(want), sheets.map((s) => s.name)) };
    return importGrid(sheetGrid(sheet), options);
  } catch (e) {
    return { ok: false, message: m.importUnreadable(e instanceof Error ? e.message : String(e)) };
  }
}



// ---------------------------------------------------------------------------------------------------------------
// Classifying lines and names

const TOTAL = /^(合计|总计|小计|本年收入合计|本年支出合计|收入总计|支出总计|其中[：:]?)$/;
export const NOTE_START = /^(?:备注|注)[ \t\u3000]*(?:[0-9.]+[ \t\u3000]*)?[：:]/;
export const RULE_START = /^规则[ \t\u3000]*[：:]/;
// `(?=(…))\1` takes the run once, without backtracking into it (a long run of digits and blanks was quadratic).
const RULE_LIKE = /^(?=([\d\s²³¹⁰-⁹]*))\1(?<=\d[\d\s]*)[行栏].*[=＝]|^[「“"](?=(.*?[」”"][ \t]*[行栏]))\2.*[=＝]/;
const PAGE_NUMBER = /^[-—–－]\s*\d+\s*[-—–－]$|^第\s*\d+\s*页/;
export const TABLE_NUMBER = /(公开\s*\d+\s*表|公开表\s*(?:\d+|[一二三四五六七八九十]+)|附表\s*\d+(?:\s*[-－—]\s*\d+)?|^表\s*\d+(?:\s*[-－]\s*\d+)?(?=\s|$|\.))/;
export const UNIT = /(?:金额)?单[ \t\u3000]*位[ \t\u3000]*[：:][ \t\u3000]*(万[ \t\u3000]*元|元)(?![\u4e00-\u9fff])/;
export const DEPARTMENT = /^(部[ \t\u3000]*门|单[ \t\u3000]*位|部门\/单位|部门（单位）|部门\(单位\)|编制单位|单位名称|部门名称)[ \t\u3000]*[：:]/;

type NameKind = 'code' | 'codepart' | 'label' | 'line' | 'lanci' | 'group' | 'figure';

const CODE_NAME = /(编码|代码|编号)$|^科目$/;
const LABEL_NAME = /^(项目|科目名称|名称|项目名称|来源项目|资金来源|单位名称|部门（单位）名称|部门\(单位\)名称|支出项目|收入项目|指标|目标名称|项目活动|项目支出明细)$/;

function nameKind(name: string): NameKind {
  const n = compact(name);
  if (n === '栏次') return 'lanci';
  if (/^[类款项]+$/.test(n)) return 'codepart';
  if (n === '行次') return 'line';
  if (CODE_NAME.test(n)) return 'code';
  if (LABEL_NAME.test(n)) return 'label';
  if (/科目$/.test(n)) return 'group';
  return 'figure';
}

function nonEmpty(r: SourceRow): number {
  return r.cells.filter((c) => c !== '').length;
}

function firstCell(r: SourceRow): string {
  return r.cells.find((c) => c !== '') ?? '';
}

function lineText(r: SourceRow): string {
  return r.cells.filter((c) => c !== '').join(' ');
}

function isSeparator(r: SourceRow): boolean {
  return nonEmpty(r) > 0 && r.cells.every((c) => c === '' || /^[-—=_]{2,}$/.test(c));
}

/** `栏次 | | 1 | 2 | 3`, `类 | 款 | 项 | 1 | 2 …`, `1 | 2 | … | 12`. */
function isLanciRow(r: SourceRow): boolean {
  const cells = r.cells.map(compact).filter((c) => c);
  if (!cells.length) return false;
  const nums = cells.filter((c) => /^\d+$/.test(c)).map(Number);
  if (!nums.length) return false;
  if (cells.includes('栏次') && cells.every((c) => c === '栏次' || /^\d+$/.test(c) || /^[类款项]+$/.test(c) || c.length <= 4)) return true;
  if (!cells.every((c) => /^\d+$/.test(c) || /^[类款项]+$/.test(c))) return false;
  return nums.length >= 2 && nums.every((n, i) => n === nums[0] + i) && nums[0] === 1;
}

function isNoteStart(r: SourceRow): boolean {
  return NOTE_START.test(firstCell(r));
}

function isRuleLine(r: SourceRow): boolean {
  const t = lineText(r);
  return RULE_START.test(t) || RULE_LIKE.test(t);
}

function isDataRow(r: SourceRow): boolean {
  if (isLanciRow(r)) return false;
  const cells = r.cells.filter((c) => c);
  if (cells.some((c) => figureLike(c) || isDash(c))) return true;
  const first = cells[0] ?? '';
  return codeLike(first) || hasItemNumber(first);
}

function isPreambleLine(r: SourceRow): boolean {
  const t = lineText(r);
  return DEPARTMENT.test(t) || UNIT.test(t) || TABLE_NUMBER.test(t) && nonEmpty(r) <= 2;
}

// ---------------------------------------------------------------------------------------------------------------
// The table's layout: sides (a 收支总表 prints 收入 and 支出 side by side), their columns

interface HeaderName {
  row: number;
  pos: number;
  name: string;
  kind: NameKind;
  /** Columns the cell spans in a worksheet. */
  span?: number;
}

export interface FigureNode {
  name: string;
  id: string;
}

export interface Side {
  start: number;
  end: number;
  name?: string;
  hasCode: boolean;
  hasLabel: boolean;
  hasLine: boolean;
  codeName: string;
  labelName: string;
  group?: string;
  origin: number;
  /** Per figure leaf: the names over it, outermost first (the last is its own, '' when none is printed). */
  leaves: FigureNode[][];
  numbers: (number | undefined)[];
  /** The rows of this part, where parts share columns and split the rows (groups of rows under a merged cell). */
  rows?: Set<SourceRow>;
  /** The label's column, relative to `start`, when the geometry knows it (else the first text cell is the label). */
  labelAt?: number;
  /** The cells stand between the table's borders: a text in the code column is that row's code (`此表为空`), not a
   * label printed off its column. */
  bordered?: boolean;
}

interface ParsedRow {
  line: number;
  code: string;
  label: string;
  lineNo: string;
  figures: string[];
  repairs: CellRepair[];
  /** Other lines joined into this one. */
  joined: { line: number; repairs: CellRepair[] }[];
  /** The label goes on on the next page (a PDF). */
  continued?: SourceRow['continued'];
  /** What the reconstruction is not sure of. */
  doubts?: string[];
}

interface Context {
  m: EditorMessages;
  repairs: Repair[];
  doubts: Doubt[];
  out: string[];
  /** The input is a PDF: its "lines" are pages. */
  pages?: boolean;
  /** A PDF: the page the output is at (said by `// 第 N 页` where it changes). */
  page?: number;
}

/** Where the output is in a PDF's pages: what writes an import's lines, and the page they are at. */
export interface PageTrail {
  out: string[];
  m: EditorMessages;
  page?: number;
}

/** Says where a page's text begins, or resumes (the two sides of a table go down the same pages one after the other):
 * `// 第 N 页` above the first line from page N after lines from another page. */
export function atPage(c: PageTrail, page: number): void {
  if (c.page === page) return;
  c.out.push(`// ${c.m.docPage(page)}`);
  c.page = page;
}

/**
 * The line just written goes on from `rest` on with the text of page N (a paragraph, or a label, cut by the page
 * break): `// 第 N 页（上一行自“…”起）`, quoting the shortest start of `rest` found only once in the line.
 */
export function pageWithin(c: PageTrail, page: number, rest: string): void {
  const line = c.out[c.out.length - 1] ?? '';
  let n = Math.min(4, rest.length);
  while (n < rest.length && line.indexOf(rest.slice(0, n)) !== line.lastIndexOf(rest.slice(0, n))) n++;
  c.out.push(`// ${c.m.docPageFrom(page, rest.slice(0, n))}`);
  c.page = page;
}

/** The positions where the sides of a side-by-side table start: where the first column name repeats. */
function sideStarts(header: SourceRow[], lanci: SourceRow | undefined): { starts: number[]; defining: number } {
  for (let k = header.length - 1; k >= 0; k--) {
    const names = header[k].cells.map(compact);
    const first = names.findIndex((n) => n && nameKind(n) !== 'figure' && nameKind(n) !== 'group');
    if (first < 0) continue;
    const starts = names.map((n, i) => (n === names[first] ? i : -1)).filter((i) => i >= 0);
    if (starts.length >= 2) return { starts: [0, ...starts.slice(1)], defining: k };
  }
  if (lanci) {
    const names = lanci.cells.map(compact);
    const starts = names.map((n, i) => (n === '栏次' ? i : -1)).filter((i) => i >= 0);
    if (starts.length >= 2) return { starts: [0, ...starts.slice(1)], defining: -1 };
  }
  return { starts: [0], defining: -1 };
}

function layoutSide(
  grid: SourceGrid, header: { row: SourceRow; index: number }[], lanci: SourceRow | undefined, data: SourceRow[],
  start: number, end: number, nameRow: number, headerRepairs: CellRepair[],
): Side {
  const names: HeaderName[] = [];
  header.forEach((h, k) => {
    if (k === nameRow) return;
    for (let c = start; c < Math.min(end, h.row.cells.length); c++) {
      const raw = h.row.cells[c];
      if (!raw) continue;
      const r = repairColumnName(raw);
      headerRepairs.push(...r.repairs);
      const span = grid.spans?.get(`${h.index}:${c}`);
      names.push({ row: k, pos: c - start, name: r.text, kind: nameKind(r.text), ...(span ? { span } : {}) });
    }
  });
  const lanciCells = lanci ? lanci.cells.slice(start, end).map(compact) : [];
  const lanciNums = lanciCells.map((c, i) => (/^\d+$/.test(c) ? i : -1)).filter((i) => i >= 0);

  // Where the figure columns start.
  let origin = 0;
  const nonfig = names.filter((n) => n.kind !== 'figure');
  if (lanciNums.length) origin = lanciNums[0];
  else if (nonfig.length) {
    const deepest = Math.max(-1, maxOf(nonfig.filter((n) => n.kind !== 'group').map((n) => n.row)));
    const inRow = nonfig.filter((n) => n.row === deepest);
    origin = (inRow.length ? maxOf(inRow.map((n) => n.pos)) : maxOf(nonfig.map((n) => n.pos))) + 1;
  }
  const kinds = new Set(nonfig.filter((n) => n.pos < Math.max(origin, 1)).map((n) => n.kind));
  const sideData = data.map((r) => r.cells.slice(start, end));
  const hasLine = kinds.has('line');
  const hasCode = kinds.has('code') || kinds.has('codepart')
    || sideData.some((cells) => cells.slice(0, Math.max(origin, 1)).some((c) => codeLike(c)));
  const hasLabel = kinds.has('label') || origin > (hasCode ? 1 : 0) + (hasLine ? 1 : 0)
    || (origin > 0 && sideData.some((cells) => cells.slice(0, origin).some((c) => textCell(c))));
  const deepestOf = (kind: NameKind) => {
    const list = nonfig.filter((n) => n.kind === kind && n.pos < Math.max(origin, 1));
    return list.length ? list.reduce((a, b) => (b.row >= a.row ? b : a)).name : undefined;
  };
  const codeName = deepestOf('code') ?? '科目编码';
  const labelName = deepestOf('label') ?? '项目';
  const deepestNonfig = Math.max(-1, maxOf(nonfig.filter((n) => n.kind !== 'group').map((n) => n.row)));
  const groupName = nonfig.find((n) => n.kind === 'group' && n.row < deepestNonfig && n.pos < origin)?.name;

  // The figure names of each header row, placed at positions relative to the first figure column.
  const known = lanciNums.length || undefined;
  const placed: { row: number; rel: number; name: string; span?: number }[] = [];
  const rows = [...new Set(names.map((n) => n.row))].sort((a, b) => a - b);
  for (const r of rows) {
    const figs = names.filter((n) => n.row === r && (n.kind === 'figure' || (n.pos >= origin && n.kind !== 'lanci'))).sort((a, b) => a.pos - b.pos);
    if (!figs.length) continue;
    let rel: number[];
    if (figs.every((n) => n.pos >= origin && (known === undefined || n.pos - origin < known))) rel = figs.map((n) => n.pos - origin);
    else if (known !== undefined && figs.length === known) rel = figs.map((_, i) => i);
    else rel = figs.map((n) => n.pos - figs[0].pos);
    figs.forEach((n, i) => placed.push({ row: r, rel: rel[i], name: n.name, ...(n.span ? { span: n.span } : {}) }));
  }
  // How many figure columns: the 栏次 row says; else the header and the widest row.
  let count = known ?? 0;
  if (known === undefined) {
    for (const p of placed) count = Math.max(count, p.rel + 1);
    for (const cells of sideData) {
      const figs = figureCells(cells, origin, hasLabel, hasLine);
      let last = figs.length;
      while (last > 0 && figs[last - 1] === '') last--;
      if (!placed.length) count = Math.max(count, last);
    }
  }
  const leaves = buildTree(placed, count);
  const numbers: (number | undefined)[] = leaves.map((_, i) => {
    const at = lanciNums[i];
    return at === undefined ? undefined : Number(lanciCells[at]);
  });
  if (!lanciNums.length && leaves.some((l) => l[l.length - 1].name === '')) leaves.forEach((_, i) => { numbers[i] = i + 1; });
  return { start, end, hasCode, hasLabel, hasLine, codeName, labelName, ...(groupName ? { group: groupName } : {}), origin, leaves, numbers };
}

/** Column groups from the placed names: a name spans to the next name of its row (or its worksheet merge). */
function buildTree(placed: { row: number; rel: number; name: string; span?: number }[], count: number): FigureNode[][] {
  const rows = [...new Set(placed.map((p) => p.row))].sort((a, b) => a - b);
  interface Node { row: number; rel: number; end: number; name: string; id: string }
  const nodes: Node[] = [];
  for (const r of rows) {
    const inRow = placed.filter((p) => p.row === r && p.rel < count).sort((a, b) => a.rel - b.rel);
    inRow.forEach((p, i) => {
      const parent = nodes.filter((n) => n.row < r && n.rel <= p.rel && p.rel < n.end).pop();
      let end = Math.min(i + 1 < inRow.length ? inRow[i + 1].rel : count, parent ? parent.end : count);
      if (p.span) end = Math.min(end, p.rel + p.span);
      nodes.push({ row: r, rel: p.rel, end: Math.max(end, p.rel + 1), name: p.name, id: `${r}:${p.rel}` });
    });
  }
  // A name with no name under it is a column of its own, not a group over the empty cells after it.
  for (const n of nodes) {
    if (!nodes.some((d) => d.row > n.row && d.rel >= n.rel && d.rel < n.end)) n.end = n.rel + 1;
  }
  const leaves: FigureNode[][] = [];
  for (let p = 0; p < count; p++) {
    const over = nodes.filter((n) => n.rel <= p && p < n.end).sort((a, b) => a.row - b.row);
    const path = over.map((n) => ({ name: n.name, id: n.id }));
    const last = over[over.length - 1];
    if (!last || (last.end - last.rel > 1 && over.length)) path.push({ name: '', id: `leaf:${p}` });
    leaves.push(path);
  }
  return leaves;
}

/** A doubt about source line `line`: listed, and written as a `// 导入存疑：…` comment where the output stands. */
function doubt(ctx: Context, line: number, message: string): void {
  ctx.doubts.push({ line, message, outputLine: ctx.out.length });
  ctx.out.push(`// ${ctx.m.importDoubt(message)}`);
}

/** `列：` text of one side. */
function columnsLine(side: Side): string {
  const nonfig: string[] = [];
  if (side.hasCode) nonfig.push(side.codeName);
  if (side.hasLabel) nonfig.push(side.labelName);
  if (side.hasLine) nonfig.push('行次');
  const head = side.group && nonfig.length >= 2 ? [`${side.group}{${nonfig.join(' | ')}}`] : nonfig;
  const leafText = (i: number) => {
    const path = side.leaves[i];
    const n = side.numbers[i];
    return `${path[path.length - 1].name}${n !== undefined ? `[${n}]` : ''}`;
  };
  const emit = (idx: number[], depth: number): string[] => {
    const parts: string[] = [];
    let k = 0;
    while (k < idx.length) {
      const path = side.leaves[idx[k]];
      if (path.length > depth + 1) {
        const id = path[depth].id;
        const group: number[] = [];
        while (k < idx.length && side.leaves[idx[k]].length > depth + 1 && side.leaves[idx[k]][depth].id === id) group.push(idx[k++]);
        parts.push(`${path[depth].name}{${emit(group, depth + 1).join(' | ')}}`);
      } else {
        parts.push(leafText(idx[k++]));
      }
    }
    return parts;
  };
  const figures = emit(side.leaves.map((_, i) => i), 0);
  return `列：${[...head, ...figures].join(' | ')}`;
}

function textCell(c: string): boolean {
  return c !== '' && !figureLike(c) && !isDash(c) && !codeLike(c) && !debris(c);
}

function debris(c: string): boolean {
  const n = compact(c);
  return /^[类款项]+$/.test(n) || n === '栏次';
}

/** The cells of a row from its first figure column on. */
function figureCells(cells: string[], origin: number, hasLabel: boolean, hasLine: boolean): string[] {
  return cells.slice(firstFigure(cells, origin, hasLabel, hasLine).from);
}

function firstFigure(cells: string[], origin: number, hasLabel: boolean, hasLine: boolean): { from: number; label: number } {
  if (!hasLabel) return { from: origin, label: -1 };
  let label = -1;
  for (let k = 0; k < Math.min(origin, cells.length); k++) {
    if (textCell(cells[k])) { label = k; break; }
  }
  if (label < 0 && origin < cells.length && textCell(cells[origin]) && !cells.slice(0, origin).some((c) => c !== '' && !codeLike(c) && !debris(c) && !/^\d+$/.test(c))) label = origin;
  if (label < 0) return { from: origin, label };
  return { from: label + 1 + (hasLine ? 1 : 0), label };
}

function parseRow(row: SourceRow, side: Side, count: number): ParsedRow | undefined {
  const cells = row.cells.slice(side.start, side.end);
  if (!cells.some((c) => c)) return undefined;
  const repairs: CellRepair[] = [];
  // Where the page's geometry placed the cells, the label is in its column, whatever is empty before it.
  const { from, label: L } = side.labelAt !== undefined ? { from: side.origin, label: side.labelAt } : firstFigure(cells, side.origin, side.hasLabel, side.hasLine);
  const codes: string[] = [];
  let lineNo = '';
  let label = '';
  for (let k = 0; k < Math.min(from, cells.length); k++) {
    const c = cells[k];
    if (!c) continue;
    if (k === L) {
      const r = repairText(c);
      label = r.text;
      repairs.push(...r.repairs);
    } else if (side.hasLine && k === L + 1 && L >= 0) {
      lineNo = c;
    } else if (debris(c)) {
      repairs.push({ kind: 'debris', before: c, after: '' });
    } else if (side.hasLine && !lineNo && /^\d{1,4}$/.test(compact(c)) && !codeLike(c)) {
      lineNo = c;
    } else if (codeLike(c) || /^[\d\s]+$/.test(c)) {
      codes.push(c);
    } else if (!label && side.hasLabel && !side.bordered) {
      const r = repairText(c);
      label = r.text;
      repairs.push(...r.repairs);
    } else {
      // text in a code or 行次 slot: kept where it stands
      codes.push(c);
    }
  }
  let code = '';
  if (codes.length === 1) {
    const r = codeLike(codes[0]) ? repairCode(codes[0]) : { text: codes[0], repairs: [] };
    code = r.text;
    repairs.push(...r.repairs);
  } else if (codes.length > 1) {
    const joined = codes.map(compact).join('');
    code = joined;
    repairs.push({ kind: 'code-space', before: codes.join(' '), after: joined });
  }
  let figures = cells.slice(from).map((c) => {
    if (c === '' || isDash(c)) return c;
    if (figureLike(c)) {
      const r = repairFigure(c);
      repairs.push(...r.repairs);
      return r.text;
    }
    const r = repairText(c);
    repairs.push(...r.repairs);
    return r.text;
  });
  if (figures.length > count) {
    const extra = figures.slice(count);
    if (extra.every((c) => c === '')) {
      repairs.push({ kind: 'extra-cells', before: String(extra.length), after: '' });
      figures = figures.slice(0, count);
    } else {
      let last = figures.length;
      while (last > count && figures[last - 1] === '') last--;
      if (last < figures.length) figures = figures.slice(0, last);
      repairs.push({ kind: 'extra-kept', before: String(figures.length - count), after: '' });
    }
  }
  while (figures.length < count) figures.push('');
  return { line: row.line, code, label, lineNo, figures, repairs, joined: [] };
}

function describe(r: CellRepair, m: EditorMessages): string {
  switch (r.kind) {
    case 'joined-digits': return `${m.importJoinedDigits} ${m.importRepaired(r.before, r.after)}`;
    case 'leading-zero': return `${m.importLeadingZero} ${m.importRepaired(r.before, r.after)}`;
    case 'cjk-space': return `${m.importCjkSpace} ${m.importRepaired(r.before, r.after)}`;
    case 'code-space': return `${m.importCodeSpace} ${m.importRepaired(r.before, r.after)}`;
    case 'table-number': return `${m.importTableNumber} ${m.importRepaired(r.before, r.after)}`;
    case 'joined-lines': return `${m.importJoinedLines} ${m.importRepaired(r.before, r.after)}`;
    case 'pipe': return `${m.importPipe} ${m.importRepaired(r.before, r.after)}`;
    case 'comment': return `${m.importComment} ${m.importRepaired(r.before, r.after)}`;
    case 'keyword': return `${m.importKeyword} ${m.importRepaired(r.before, r.after)}`;
    case 'extra-cells': return m.importExtraCells(Number(r.before));
    case 'extra-kept': return m.importExtraKept(Number(r.before));
    case 'ambiguous': return m.importAmbiguous(r.before);
    case 'debris': return m.importDebris(r.before);
    case 'dropped': return m.importDroppedRow(r.before);
  }
}

/** Records the repairs of one output line, and writes their comment line above it. */
function note(ctx: Context, line: number, repairs: CellRepair[], extra: { line: number; repairs: CellRepair[] }[] = []): void {
  const all = [{ line, repairs }, ...extra].filter((x) => x.repairs.length);
  if (!all.length) return;
  const outputLine = ctx.out.length + 1;
  for (const x of all) for (const r of x.repairs) ctx.repairs.push({ line: x.line, before: r.before, after: r.after, kind: r.kind, message: describe(r, ctx.m), outputLine });
  const lines = [...new Set(all.map((x) => x.line))];
  const list = all.flatMap((x) => x.repairs.map((r) => describe(r, ctx.m))).join('；');
  ctx.out.push(`// ${(ctx.pages ? ctx.m.importRepairsPage : ctx.m.importRepairsLine)(lines, list)}`);
}

function dropped(ctx: Context, row: SourceRow): void {
  const text = lineText(row);
  if (!text) return;
  ctx.repairs.push({ line: row.line, before: text, after: '', kind: 'dropped', message: ctx.m.importDroppedRow(text), outputLine: ctx.out.length });
  ctx.out.push(`// ${ctx.m.importDroppedRow(`${text}`)}（${(ctx.pages ? ctx.m.importSourcePage : ctx.m.importSourceLine)(row.line)}）`);
}

function renderRow(side: Side, r: ParsedRow): string {
  const cells: string[] = [];
  if (side.hasCode) cells.push(r.code);
  if (side.hasLabel) cells.push(r.label);
  if (side.hasLine) cells.push(r.lineNo);
  pushAll(cells, r.figures);
  const escaped = cells.map((c, i) => {
    const e = escapeCell(c);
    r.repairs.push(...e.repairs);
    if (i > 0) return e.text;
    const s = escapeLineStart(e.text);
    r.repairs.push(...s.repairs);
    return s.text;
  });
  return escaped.join(' | ').trimEnd();
}

// ---------------------------------------------------------------------------------------------------------------
// The whole table

/** The parts of a table's input: the lines above it, its header, its rows, the lines under it. */
export interface TableZones {
  preamble: SourceRow[];
  header: SourceRow[];
  lanci?: SourceRow;
  /** Separator lines inside the header (kept as comments). */
  junk: SourceRow[];
  data: SourceRow[];
  /** Rows of `data` that are not table rows (repeated headers, page numbers …), kept as comments. */
  dataJunk: Set<SourceRow>;
  trailer: SourceRow[];
  /** Comments to write above a row: what the reconstruction is not sure of (`导入存疑：…`). */
  doubts?: Map<SourceRow, string[]>;
  /** Rows made of several lines of the input: the label pieces joined, and the lines. */
  joined?: Map<SourceRow, { lines: number[]; before: string; after: string }>;
  /** A PDF's table in a document: the page the document's text is at before the table. */
  page?: number;
}

export function importGrid(grid: SourceGrid, options: ImportOptions = {}): ImportOutcome {
  const m = editorMessages(options.locale);
  const rows = grid.rows.map((r) => ({ line: r.line, cells: r.cells.map((c) => (c ?? '').replace(/[\u00a0\u3000]/g, ' ').trim()) }));
  const index = new Map(rows.map((r, i) => [r, i]));

  // Zones: the lines above the table, the header rows, the rows, the lines under it.
  let i = 0;
  const preamble: SourceRow[] = [];
  while (i < rows.length && (nonEmpty(rows[i]) < 2 || isPreambleLine(rows[i]))) {
    if (nonEmpty(rows[i])) preamble.push(rows[i]);
    i++;
  }
  const header: SourceRow[] = [];
  const junk: SourceRow[] = [];
  let lanci: SourceRow | undefined;
  while (i < rows.length && (!isDataRow(rows[i]) || isLanciRow(rows[i]))) {
    const r = rows[i++];
    if (!nonEmpty(r)) continue;
    if (isSeparator(r)) junk.push(r);
    else if (isLanciRow(r)) lanci = r;
    else if (isNoteStart(r) || isRuleLine(r)) { i--; break; }
    else header.push(r);
  }
  const data: SourceRow[] = [];
  const dataJunk = new Set<SourceRow>();
  const headerKeys = new Set([...header, ...(lanci ? [lanci] : [])].map((r) => trimEndChars(r.cells.map(compact).join('\t'), '\t')));
  while (i < rows.length && !isNoteStart(rows[i]) && !(isRuleLine(rows[i]) && nonEmpty(rows[i]) <= 2)) {
    const r = rows[i++];
    if (!nonEmpty(r)) continue;
    const key = trimEndChars(r.cells.map(compact).join('\t'), '\t');
    if (isSeparator(r) || headerKeys.has(key) || PAGE_NUMBER.test(lineText(r)) || (grid.kind === 'text' && r.cells.length === 1)) {
      data.push(r);
      dataJunk.add(r);
    } else data.push(r);
  }
  const trailer = rows.slice(i).filter((r) => nonEmpty(r));
  const realData = data.filter((r) => !dataJunk.has(r));
  // A table needs rows, or at least a header (a table printed empty: 本单位无此项支出).
  if (!realData.length ? !header.length || (!lanci && header.every((r) => nonEmpty(r) < 2)) : !header.length && !lanci && realData.every((r) => nonEmpty(r) < 2)) {
    return { ok: false, message: m.importNoTable };
  }
  const zones: TableZones = { preamble, header, ...(lanci ? { lanci } : {}), junk, data, dataJunk, trailer };
  return renderTable(grid, zones, (headerRepairs) => {
    const headerRows = header.map((row) => ({ row, index: index.get(row)! }));
    const { starts, defining } = sideStarts(header, lanci);
    const sides: Side[] = [];
    const partNames: (string | undefined)[] = starts.map(() => undefined);
    let nameRow = -1;
    if (starts.length > 1 && defining > 0) {
      // The row above the names that repeat names the sides (收 入 | 支 出).
      const above = header[defining - 1];
      const found = starts.map((s, k) => {
        const end = starts[k + 1] ?? Infinity;
        const cells = above.cells.slice(s, end).filter((c) => c);
        return cells.length === 1 && above.cells[s] ? above.cells[s] : cells.length === 0 ? null : undefined;
      });
      if (found.every((f) => f !== undefined) && found[0]) {
        nameRow = defining - 1;
        let last = '';
        found.forEach((f, k) => { last = f ? joinCjk(clean(f)) : last; partNames[k] = last; });
      }
    }
    starts.forEach((s, k) => {
      const end = starts[k + 1] ?? Infinity;
      const side = layoutSide(grid, headerRows, lanci, realData, s, end, nameRow, headerRepairs);
      if (partNames[k]) side.name = partNames[k];
      sides.push(side);
    });
    return sides;
  }, options);
}

/**
 * Writes a table from its zones and its layout (the sides and their columns): the heading from the lines above it,
 * the `列：` line of each side, every row with its repairs, the notes and rules under it. The layout comes from the
 * header's names (text, CSV, XLSX) or from the page's geometry (PDF).
 */
export function renderTable(grid: SourceGrid, zones: TableZones, layout: (headerRepairs: CellRepair[]) => Side[], options: ImportOptions = {}): ImportOutcome {
  const m = editorMessages(options.locale);
  const ctx: Context = { m, repairs: [], doubts: [], out: [], ...(grid.kind === 'pdf' && zones.page !== undefined ? { pages: true, page: zones.page } : {}) };
  const { preamble, header, lanci, junk, data, dataJunk, trailer } = zones;

  // Above the table: 表号, title, 部门, 金额单位.
  let number: string | undefined;
  const titles: { text: string; enumerated: boolean; line: number; repairs: CellRepair[]; row: SourceRow }[] = [];
  const fields: { text: string; line: number }[] = [];
  let unit: string | undefined;
  const headRepairs: { line: number; repairs: CellRepair[] }[] = [];
  const droppedAbove: SourceRow[] = [];
  const texts = preamble.map((r) => clean(lineText(r)));
  // 金额单位 wrapped in a narrow cell of its own, the rest printed at the end of the next line (`单位：万` over
  // `部门名称：某单位 … 元`): one unit, and the other line without it.
  for (let k = 0; k + 1 < preamble.length && !unit; k++) {
    const piece = /^(?:金额)?单[ \t\u3000]*位[ \t\u3000]*[：:][ \t\u3000]*(万?)$/.exec(texts[k]);
    const rest = piece && /[ \t\u3000]((?:万[ \t\u3000]*)?元)$/.exec(texts[k + 1]);
    const joined = rest ? compact(piece[1] + rest[1]) : '';
    if (!rest || (joined !== '万元' && joined !== '元')) continue;
    unit = joined;
    headRepairs.push({ line: preamble[k].line, repairs: [{ kind: 'joined-lines', before: `${texts[k]} / ${rest[1]}`, after: `金额单位：${unit}` }] });
    texts[k] = '';
    texts[k + 1] = clean(texts[k + 1].slice(0, rest.index));
  }
  for (let k = 0; k < preamble.length; k++) {
    const r = preamble[k];
    let t = texts[k];
    if (!t) continue;
    const u = UNIT.exec(t);
    if (u) {
      unit = compact(u[1]);
      t = clean(t.slice(0, u.index) + t.slice(u.index + u[0].length));
    }
    const n = TABLE_NUMBER.exec(t);
    if (n && !number) {
      number = compact(n[1]);
      if (number !== n[1]) headRepairs.push({ line: r.line, repairs: [{ kind: 'table-number', before: n[1], after: number }] });
      t = clean(t.slice(0, n.index) + t.slice(n.index + n[0].length)).replace(/^[：:、.．\s]+/, '');
    }
    if (!t) continue;
    if (DEPARTMENT.test(t)) {
      if (!fields.some((f) => f.text === t)) fields.push({ text: t, line: r.line });
      continue;
    }
    if (/表(?:[（(][^）)]{1,8}[）)])?$/.test(compact(t)) && /[\u4e00-\u9fff]{2,}/.test(t) && !NOTE_START.test(t)) {
      const rt = repairText(t);
      titles.push({ text: rt.text, enumerated: hasItemNumber(t), line: r.line, repairs: rt.repairs, row: r });
      continue;
    }
    droppedAbove.push(r);
  }
  if (!unit) {
    // 金额单位 broken over lines (`单` / `位：万元`, `单位: 万` / `元`): the pieces are joined.
    const pieces = droppedAbove.filter((r) => /^[金额单位：:万元 ]+$/.test(lineText(r)));
    const joined = compact(pieces.map(lineText).join(''));
    const u = /位[：:](万元|元)$/.exec(joined);
    if (u) {
      unit = u[1];
      const before = pieces.map(lineText).join(' / ');
      headRepairs.push({ line: pieces[0].line, repairs: [{ kind: 'joined-lines', before, after: `金额单位：${unit}` }] });
      for (const p of pieces) droppedAbove.splice(droppedAbove.indexOf(p), 1);
    }
  }
  if (!number && grid.name && TABLE_NUMBER.test(grid.name)) number = compact(TABLE_NUMBER.exec(grid.name)![1]);
  const chosen = [...titles].reverse().find((t) => !t.enumerated) ?? titles[titles.length - 1];
  let title = chosen?.text ?? m.importTitle;
  if (chosen?.repairs.length) headRepairs.push({ line: chosen.line, repairs: chosen.repairs });
  if (options.title) {
    const t = clean(options.title);
    const n = /^([^\s\d]*\d\S*)\s+(\S.*)$/.exec(t);
    if (n && TABLE_NUMBER.test(n[1])) { number = n[1]; title = n[2]; } else title = t;
  }
  // A title whose first word holds a digit would be read as the 表号.
  // (a title that starts with its year, `2017 年政府采购预算表`, is not: the parser knows it)
  let headingText = number ? `${number} ${title}` : /\d/.test(title.split(/\s+/)[0]) && !/^\d{4}(?:[ \t\u3000]*年|$)/.test(title) ? `${m.importTitle} ${title}` : title;
  headingText = headingText.replace(/[\r\n]/g, ' ');

  // Lines above the table that are not its heading, 部门 or 金额单位 stay as comments (a section title, a date …).
  for (const t of titles) if (t !== chosen) droppedAbove.push(t.row);
  droppedAbove.sort((a, b) => a.line - b.line);
  for (const r of droppedAbove) dropped(ctx, r);
  for (const r of junk) dropped(ctx, r);
  const headingLine = ctx.out.length;
  ctx.out.push(`## 表 ${headingText}`);
  if (headRepairs.length) {
    // the heading's repairs go on a comment line under it
    const list = headRepairs.flatMap((x) => x.repairs.map((r) => describe(r, m))).join('；');
    for (const x of headRepairs) for (const r of x.repairs) ctx.repairs.push({ line: x.line, before: r.before, after: r.after, kind: r.kind, message: describe(r, m), outputLine: headingLine });
    ctx.out.push(`// ${(ctx.pages ? m.importRepairsPage : m.importRepairsLine)([...new Set(headRepairs.map((x) => x.line))], list)}`);
  }
  for (const f of fields) ctx.out.push(escapeCell(f.text).text);
  if (unit) ctx.out.push(`金额单位：${unit}`);

  // Sides and their columns.
  const headerRepairs: CellRepair[] = [];
  const sides = layout(headerRepairs);
  if (sides.every((s) => s.leaves.length === 0)) return { ok: false, message: m.importNoTable };

  // Rows of each side; a label broken over two lines is joined when the table's rows all carry a code or 行次.
  const parsed: ParsedRow[][] = sides.map(() => []);
  for (const r of data) {
    if (dataJunk.has(r)) continue;
    sides.forEach((side, k) => {
      if (side.rows && !side.rows.has(r)) return;
      const p = parseRow(r, side, side.leaves.length);
      if (!p) return;
      const list = parsed[k];
      const prev = list[list.length - 1];
      const joined = zones.joined?.get(r);
      if (joined) p.repairs.push({ kind: 'joined-lines', before: joined.before, after: joined.after });
      const doubts = zones.doubts?.get(r);
      if (doubts) p.doubts = doubts;
      if (r.continued) p.continued = r.continued;
      // Where the geometry made the rows, a row is never joined to the one above.
      const continuation = !zones.joined && prev && prev.label && p.label && !p.code && !p.lineNo && p.figures.every((f) => f === '')
        && (side.hasCode || side.hasLine) && !hasItemNumber(p.label) && !TOTAL.test(compact(p.label))
        && p.repairs.every((x) => x.kind === 'cjk-space' || x.kind === 'extra-cells');
      if (continuation) {
        const before = `${prev.label} / ${p.label}`;
        prev.label = `${prev.label}${p.label}`;
        prev.joined.push({ line: p.line, repairs: [...p.repairs.filter((x) => x.kind !== 'extra-cells'), { kind: 'joined-lines', before, after: prev.label }] });
        return;
      }
      list.push(p);
    });
  }

  let rowCount = 0;
  sides.forEach((side, k) => {
    if (sides.length > 1 && side.name) ctx.out.push(`### ${escapeCell(side.name).text}`);
    const headerLine = header[0]?.line ?? lanci?.line ?? 1;
    if (headerRepairs.length && k === 0) {
      const seen = new Set<string>();
      const unique = headerRepairs.filter((r) => (seen.has(r.before) ? false : (seen.add(r.before), true)));
      note(ctx, headerLine, unique);
    }
    // A figure column the header names not (a table laid out across, its names in the rows; a second level of row
    // names the geometry did not take for one — with a figure in it —, `项目名称 |  | 金额`): said at the `列：` line —
    // what the checks read of it may be wrong.
    const unnamed = side.leaves.filter((path) => !path.some((x) => x.name.trim())).length;
    if (unnamed) doubt(ctx, headerLine, m.doubtUnnamedColumns(unnamed));
    ctx.out.push(columnsLine(side));
    for (const r of parsed[k]) {
      const text = renderRow(side, r);
      if (ctx.pages) atPage(ctx, r.line);
      note(ctx, r.line, r.repairs, r.joined);
      for (const d of r.doubts ?? []) doubt(ctx, r.line, d);
      ctx.out.push(text);
      if (r.continued) pageWithin(ctx, r.continued.page, r.continued.text);
      rowCount++;
    }
  });
  for (const r of data) if (dataJunk.has(r)) dropped(ctx, r);

  // Under the table: 注 (with the numbered lines that continue it), the printed rules, anything else as a comment.
  let inNote = false;
  for (const r of trailer) {
    const t = clean(lineText(r));
    if (ctx.pages) atPage(ctx, r.line);
    if (NOTE_START.test(t)) {
      ctx.out.push(t);
      inNote = true;
    } else if (isRuleLine(r) && ruleParses(t)) {
      ctx.out.push(RULE_START.test(t) ? t : `规则：${t}`);
      inNote = false;
    } else if (inNote && /^\d+[.、．]/.test(t) && !/[|｜]/.test(t) && !t.includes('//')) {
      ctx.out.push(t);
    } else if (grid.kind === 'pdf') {
      // Text printed under a table (`（无政府性基金支出）`, `说明：…`) stays its text.
      const e = escapeLineStart(escapeCell(t).text).text;
      ctx.out.push(/^\/\//.test(e) ? e.replace('//', '/ /') : e);
      inNote = false;
    } else {
      dropped(ctx, r);
      inNote = false;
    }
  }

  let text = ctx.out.join('\n') + '\n';
  // Whatever the repairs, the result must parse: a line that does not becomes a comment (its text is kept).
  const tree = parse(text);
  if (tree.errors.length) {
    const bad = new Set(tree.errors.map((e) => lineOf(text, e.span.start)));
    ctx.out = ctx.out.map((l, k) => (bad.has(k) ? `// ${l}` : l));
    text = ctx.out.join('\n') + '\n';
  }
  return { ok: true, text, repairs: ctx.repairs, rows: rowCount, title: headingText, doubts: ctx.doubts, ...(ctx.page !== undefined ? { page: ctx.page } : {}) };
}

function ruleParses(t: string): boolean {
  const line = RULE_START.test(t) ? t : `规则：${t}`;
  const tree = parse(`## 表 x\n${line}\n`);
  return tree.errors.length === 0 && tree.lines.some((l) => l.kind === 'rules' && l.rules.length > 0);
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}
