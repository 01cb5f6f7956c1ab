/**
 * Reads knowledge from files: the data the product ships (`data/catalog`, `data/glossary`, `data/vocabulary`) and the
 * catalogs a user configures (CSV or XLSX with code, name and an optional description). The only part of the knowledge
 * module that touches the file system; it reads exactly the paths it is given and the shipped data folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { Catalog, parseYears, type CatalogRecord } from './catalog';
import { GlossaryLibrary, type GlossaryDocument, type LibraryEntry } from './glossary';
import type { CodeKnowledge } from './index';
import { editorMessages } from '../i18n/editor';
import { loadMessages } from '../i18n/knowledge';
import type { Locale } from '../i18n/messages';
import { readWorkbook } from '../interchange/sheet';
import { pushAll } from '../util/arrays';
import { decode } from '../util/decode';

/** The shipped `data/` folder: found by walking up from this file (it sits beside `out/` and `dist/`). */
export function dataDir(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'data', 'catalog', 'seed-codes.json'))) return join(dir, 'data');
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

type Row = Record<string, string>;

function readCsvRows(file: string): Row[] {
  return parseCsv(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true, trim: true }) as Row[];
}

/** `name@2017/2018|other@2024` */
function parseVariants(s: string | undefined): { name: string; years: number[] }[] {
  if (!s) return [];
  return s.split('|').map((v) => {
    const [name, ys] = v.split('@');
    return { name: name.trim(), years: (ys ?? '').split('/').map(Number).filter((y) => y > 1900) };
  }).filter((v) => v.name);
}

/** The shipped partial catalogs (`data/catalog/*.csv`) and the codes of the seeds and of the corpus
 * (`data/catalog/seed-codes.json`, `corpus-codes.json`). */
export function loadShippedRecords(dir = dataDir()): CatalogRecord[] {
  if (!dir) return [];
  const out: CatalogRecord[] = [];
  for (const file of ['functional-partial.csv', 'economic-dept-partial.csv', 'economic-gov-partial.csv']) {
    const path = join(dir, 'catalog', file);
    if (!existsSync(path)) continue;
    for (const r of readCsvRows(path)) {
      if (!r.code || !r.name) continue;
      out.push({
        code: r.code, name: r.name, years: parseYears(r.years_seen),
        source: { type: 'catalog', file, ...(r.source ? { refs: r.source } : {}), ...(r.confidence ? { confidence: r.confidence } : {}) },
        ...(r.description ? { description: r.description, descriptionSource: r.description_source || r.source || file } : {}),
        ...(r.name_variants_seen ? { variants: parseVariants(r.name_variants_seen) } : {}),
        ...(r.maps_from_dept_codes ? { mapsFrom: r.maps_from_dept_codes.split(';').filter(Boolean) } : {}),
      });
    }
  }
  // The codes printed in real documents: the seeds, and the corpus of published budgets (data/catalog/SOURCES.md).
  for (const file of ['seed-codes.json', 'corpus-codes.json']) {
    const path = join(dir, 'catalog', file);
    if (!existsSync(path)) continue;
    const data = JSON.parse(readFileSync(path, 'utf8')) as { documents: GlossaryDocument[]; codes: { code: string; name: string; years: number[]; documents: string[] }[] };
    const docs = new Map(data.documents.map((d) => [d.id, d]));
    for (const c of data.codes) for (const d of c.documents) {
      const doc = docs.get(d);
      out.push({ code: c.code, name: c.name, years: doc?.year ? [doc.year] : c.years, source: { type: 'seed', document: d, title: doc?.title ?? d } });
    }
  }
  return out;
}

export function loadShippedGlossary(dir = dataDir()): GlossaryLibrary {
  const file = dir && join(dir, 'glossary', 'seed-glossary.json');
  if (!file || !existsSync(file)) return new GlossaryLibrary();
  const data = JSON.parse(readFileSync(file, 'utf8')) as { documents: GlossaryDocument[]; entries: LibraryEntry[] };
  return new GlossaryLibrary(data.documents, data.entries);
}

/** Column names the seeds declare, for completion after `列：`. */
export function loadShippedColumns(dir = dataDir()): string[] {
  const file = dir && join(dir, 'vocabulary', 'seed-columns.json');
  if (!file || !existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as { columns: { name: string }[] };
  return data.columns.map((c) => c.name);
}

let shipped: { records: CatalogRecord[]; glossary: GlossaryLibrary; columns: string[] } | undefined;

/** The shipped knowledge, read once. */
export function shippedKnowledge(): { records: CatalogRecord[]; glossary: GlossaryLibrary; columns: string[] } {
  shipped ??= { records: loadShippedRecords(), glossary: loadShippedGlossary(), columns: loadShippedColumns() };
  return shipped;
}

/** A catalog of the shipped data only (what the CLI uses by default). */
export function shippedCodeKnowledge(): CodeKnowledge {
  const s = shippedKnowledge();
  return { catalog: new Catalog(s.records), glossary: s.glossary };
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
  const fileYear = /(?<!\d)(20\d{2})(?!\d)/.exec(basename(file))?.[1];
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
    const name = (r[col.name] ?? '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
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
      code, name, years: y ? [Number(y)] : [], source: { type: 'user', file: basename(file) },
      ...(desc ? { description: desc, descriptionSource: basename(file) } : {}),
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

/** Reads a CSV catalog (synchronous). */
export function loadCatalogCsv(file: string, locale?: Locale): LoadedCatalog {
  return csvCatalog(file, readFileSync(file), locale);
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

/** Reads a CSV or XLSX catalog file. */
export async function loadCatalogFile(file: string, locale?: Locale): Promise<LoadedCatalog> {
  return parseCatalog(file, readFileSync(file), locale);
}
