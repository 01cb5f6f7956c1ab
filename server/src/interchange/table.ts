/**
 * The table import's entry point (the editor's 导入表格… and `budget-check import` of a table): by the file's kind,
 * an XLSX sheet, a CSV file, tab-separated text (a PDF's text copied from a viewer), or text whose columns are aligned
 * by blanks (`pdftotext -layout`), which is read through the page geometry (tableGeometry) like a PDF. Pure.
 */
import { editorMessages } from '../i18n/editor';
import { decode } from '../util/decode';
import { importLayoutTable } from './document';
import { guessGrid, importCsv, importGrid, importXlsx, type ImportOptions, type ImportOutcome } from './import';

/** Text pasted or read: tabs or CSV through the grid; columns aligned by blanks through the geometry. */
export function importTableText(text: string, options: ImportOptions = {}): ImportOutcome {
  const grid = guessGrid(text);
  if (grid.kind === 'csv' || text.includes('\t')) return importGrid(grid, options);
  const r = importLayoutTable(text, options);
  // No row found there (prose, a list): the grid path says why there is no table.
  return r.ok && r.rows > 0 ? r : importGrid(grid, options);
}

/** By the file name's extension: `.xlsx`, `.csv`, anything else is text. */
export async function importFile(name: string, content: string | Uint8Array, options: ImportOptions = {}): Promise<ImportOutcome> {
  if (/\.xlsx$/i.test(name)) {
    if (typeof content === 'string') return { ok: false, message: editorMessages(options.locale).importUnreadable('xlsx') };
    return importXlsx(content, options);
  }
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    const d = decode(content);
    const m = editorMessages(options.locale);
    if (!d.ok) return { ok: false, message: m.importUnreadable(m.undecodable(d.at.line, d.at.column)) };
    text = d.text;
  }
  if (/\.csv$/i.test(name)) return importCsv(text, options);
  return importTableText(text, options);
}
