/**
 * Worksheets (exceljs) as grids of printed text, and printed figures as worksheet numbers.
 *
 * A worksheet keeps a figure as a binary double plus a number format. The printed text is recovered from the two
 * without arithmetic: `toFixed` gives the double's exact decimal expansion rounded to the format's decimals (the
 * double came from a decimal with far fewer than 15 significant digits, so this is that decimal), and grouping or the
 * percent shift are done on the digit string by numbers/decimal.
 */
import type { Cell, Workbook, Worksheet } from 'exceljs';
import { formatUnits, parseFigure, type Figure } from '../numbers/decimal';
import { trimEndChars } from '../util/text';
import type { SourceGrid, SourceRow } from './import';

type ExcelModule = typeof import('exceljs');

let excel: ExcelModule | undefined;

/** exceljs, loaded on first use (it is large). Node exposes a CommonJS module's exports as `default` of the namespace. */
export async function loadExcel(): Promise<ExcelModule> {
  if (!excel) {
    const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
    excel = mod.Workbook ? mod : mod.default!;
  }
  return excel;
}

/** A workbook from its bytes. */
export async function readWorkbook(data: Uint8Array): Promise<Workbook> {
  const wb = new (await loadExcel()).Workbook();
  // exceljs reads a Buffer (its types want the Node one).
  await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  return wb;
}

/**
 * The format's decimals, whether it groups thousands, prints a leading 0 (`#.00` prints 0.56 as `.56`), is a
 * percentage, and the literal sign of its negative section (`0.00;"−"0.00`). `General` has no fixed decimals.
 */
export function formatOf(numFmt: string | undefined, negative = false): { decimals?: number; grouping: boolean; percent: boolean; leadingZero: boolean; sign?: string } {
  const sections = (numFmt ?? '').split(';');
  const raw = negative && sections.length > 1 ? sections[1] : sections[0];
  const sign = negative && sections.length > 1 ? (/^"([^"]*)"/.exec(raw)?.[1] ?? '') : undefined;
  const f = raw.replace(/"[^"]*"|\\./g, '');
  if (!f || /^general$/i.test(f) || !/[0#?]/.test(f)) return { grouping: false, percent: false, leadingZero: true };
  const frac = /\.([0#?]+)/.exec(f);
  const int = f.split('.')[0];
  return {
    decimals: frac ? frac[1].length : 0, grouping: /[0#?],[0#?]/.test(f), percent: f.includes('%'),
    leadingZero: !frac || int.includes('0'), ...(sign !== undefined ? { sign } : {}),
  };
}

/** The text a number prints as under a number format. */
export function numberText(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const fmt = formatOf(numFmt, value < 0);
  if (fmt.decimals === undefined) return plain(value);
  const digits = fmt.percent ? fmt.decimals + 2 : fmt.decimals;
  const f = parseFigure(Math.abs(value).toFixed(Math.min(digits, 100)));
  if (!f) return plain(value);
  // For a percentage the same digits are read with two fewer decimals: 0.4240 → 42.40.
  let s = formatUnits(f.units, fmt.decimals, fmt.grouping);
  if (!fmt.leadingZero) s = s.replace(/^0\./, '.');
  const sign = value < 0 && f.units !== 0n ? fmt.sign ?? '-' : '';
  return sign + s + (fmt.percent ? '%' : '');
}

/** The shortest decimal that reads back as the double (what a cell in the General format shows). */
function plain(value: number): string {
  const s = String(value);
  if (!/e/i.test(s)) return s;
  return trimEndChars(trimEndChars(value.toFixed(20), '0'), '.');
}

/**
 * The value and number format that print a figure as the document prints it; undefined for a figure no number
 * format reproduces (`0042`).
 */
export function figureValue(f: Figure): { value: number; numFmt: string } | undefined {
  const body = f.text.replace(/^[-−－]/, '').replace(/%$/, '');
  if (/^0\d/.test(body)) return undefined;
  const decimals = f.percent ? f.decimals + 2 : f.decimals;
  const value = Number(formatUnits(f.units, decimals, false));
  const frac = f.decimals ? `.${'0'.repeat(f.decimals)}` : '';
  const int = body.startsWith('.') ? '#' : body.includes(',') ? '#,##0' : '0';
  const pos = `${int}${frac}${f.percent ? '%' : ''}`;
  const sign = /^[−－]/.test(f.text) ? f.text[0] : undefined;
  return { value, numFmt: sign ? `${pos};"${sign}"${pos}` : pos };
}

function cellText(cell: Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberText(v, cell.numFmt);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return typeof o.result === 'number' ? numberText(o.result, cell.numFmt) : String(o.result);
    if (o.text !== undefined) return String(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}

/** A worksheet as rows of printed text; a merged range's value sits in its top-left cell, its span is recorded. */
export function sheetGrid(sheet: Worksheet): SourceGrid {
  const rows: SourceRow[] = [];
  const spans = new Map<string, number>();
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) {
        cells.push('');
        continue;
      }
      cells.push(cellText(cell).replace(/[\r\n]+/g, ' '));
      if (cell.isMerged) {
        let w = 1;
        while (c + w <= width && row.getCell(c + w).isMerged && row.getCell(c + w).master.address === cell.address) w++;
        if (w > 1) spans.set(`${rows.length}:${c - 1}`, w);
      }
    }
    rows.push({ line: r, cells });
  }
  return { kind: 'xlsx', rows, spans, name: sheet.name };
}
