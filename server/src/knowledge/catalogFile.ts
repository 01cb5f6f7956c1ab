/**
 * A user's subject-code catalog from its bytes: CSV (UTF-8, or GB18030 as Chinese Excel saves "CSV") or an XLSX
 * workbook (the official yearly 《政府收支分类科目》 as the MOF publishes it, or any table with code and name columns).
 * Pure: the caller reads the file (./load.ts from disk for the CLI; the language server through its file system).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { editorMessages } from '../i18n/editor';
import { loadMessages } from '../i18n/knowledge';
import type { Locale } from '../i18n/messages';
import { readWorkbook } from '../interchange/sheet';
import type { CatalogRecord } from './catalog';
import { pushAll } from '../util/arrays';
import { decode } from '../util/decode';

/** The name of a file from its path or URI. */
function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

// ---------------------------------------------------------------------------------------------------------------
// User catalogs: CSV or XLSX. A header row names the columns (编码/代码/code, 名称/name, 说明/description, 年度/year;
// or 类/款/项 columns that split the code, as the MOF tables print it); without one, the columns are code, name,
// description. The fiscal year is the `年度` column's, else the first 20xx in the file's name, else every year.

export interface LoadedCatalog {
  file: string;
  records: CatalogRecord[];
  /** Rows that could not be read (shown to the user, never thrown). */
  problems: string[];
}

const CODE_HEAD = /^(科目)?(编码|代码|编号)$|^code$/i;
const NAME_HEAD = /^(科目)?名称$|^name$/i;
const DESC_HEAD = /说明|描述|解释|^description$/i;
const YEAR_HEAD = /^(年度|年份|year)$/i;
const SPLIT_HEADS = ['类', '款', '项', '目'];

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    // exceljs rich text / hyperlink / formula results
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('').trim();
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  return String(v).trim();
}

/** Turns a sheet's rows into records. */
export function recordsFromRows(rows: unknown[][], file: string, locale?: Locale): LoadedCatalog {
  const m = loadMessages(locale);
  const problems: string[] = [];
  const records: CatalogRecord[] = [];
  const fileYear = /(?<!\d)(20\d{2})(?!\d)/.exec(fileName(file))?.[1];
  const text = rows.map((r) => r.map(cellText));
  // The header: the first of the first ten rows that names a code column (or 类/款/项) and a name column.
  let header = -1;
  let col = { code: 0, name: 1, desc: 2, year: -1, split: [] as number[] };
  for (let i = 0; i < Math.min(10, text.length); i++) {
    const r = text[i].map((c) => c.replace(/\s/g, ''));
    const code = r.findIndex((c) => CODE_HEAD.test(c));
    const split = SPLIT_HEADS.map((h) => r.indexOf(h)).filter((x) => x >= 0);
    const name = r.findIndex((c) => NAME_HEAD.test(c));
    if (name >= 0 && (code >= 0 || split.length >= 2)) {
      header = i;
      col = { code, name, desc: r.findIndex((c) => DESC_HEAD.test(c)), year: r.findIndex((c) => YEAR_HEAD.test(c)), split: code >= 0 ? [] : split };
      break;
    }
  }
  const last: string[] = [];
  for (let i = header + 1; i < text.length; i++) {
    const r = text[i];
    if (!r.some((c) => c)) continue;
    let code = '';
    if (col.split.length) {
      // 类 | 款 | 项: a blank 类/款 continues the one above; a row's code ends at its last filled part.
      let depth = -1;
      col.split.forEach((c, d) => {
        const v = (r[c] ?? '').replace(/\s/g, '');
        if (v) { last[d] = v; depth = d; last.length = d + 1; }
      });
      if (depth >= 0) code = last.slice(0, depth + 1).join('');
    } else code = (r[col.code] ?? '').replace(/\s/g, '');
    const name = (r[col.name] ?? '').trim();
    if (!/^\d{3,}$/.test(code)) {
      if (code || name) problems.push(m.rowNotCode(i + 1, code));
      continue;
    }
    if (!name) {
      problems.push(m.rowNoName(i + 1, code));
      continue;
    }
    const y = col.year >= 0 ? /(20\d{2})/.exec(r[col.year] ?? '')?.[1] : fileYear;
    const desc = col.desc >= 0 ? (r[col.desc] ?? '') : '';
    records.push({
      code, name, years: y ? [Number(y)] : [], source: { type: 'user', file: fileName(file) },
      ...(desc ? { description: desc, descriptionSource: fileName(file) } : {}),
    });
  }
  return { file, records, problems };
}

/** A CSV catalog from its bytes (UTF-8, or GB18030 as Chinese Excel saves "CSV"); throws when they do not decode. */
export function csvCatalog(file: string, bytes: Uint8Array, locale?: Locale): LoadedCatalog {
  const d = decode(bytes);
  if (!d.ok) throw new Error(editorMessages(locale).undecodable(d.at.line, d.at.column));
  const rows = parseCsv(d.text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  return recordsFromRows(rows, file, locale);
}

/** A CSV or XLSX catalog (every sheet of a workbook) from its bytes; `file` names it (its extension, its year). */
export async function parseCatalog(file: string, bytes: Uint8Array, locale?: Locale): Promise<LoadedCatalog> {
  if (!/\.xlsx$/i.test(file)) return csvCatalog(file, bytes, locale);
  const wb = await readWorkbook(bytes);
  const out: LoadedCatalog = { file, records: [], problems: [] };
  wb.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      // exceljs rows are 1-based; values[0] is always empty.
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(values);
    });
    const r = recordsFromRows(rows, file, locale);
    pushAll(out.records, r.records);
    for (const p of r.problems) out.problems.push(`${sheet.name}: ${p}`);
  });
  return out;
}
