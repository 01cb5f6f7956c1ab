/**
 * The knowledge the product ships in `data/`: the partial catalogs (`catalog/*.csv`), the codes printed in the seeds,
 * the corpus and the whole documents transcribed into test/fixtures/documents (`catalog/seed-codes.json`,
 * `catalog/corpus-codes.json`, `catalog/document-codes.json`), glossaries (`glossary/seed-glossary.json`) and column names
 * (`vocabulary/seed-columns.json`). Pure: it reads through a `DataReader` — the `data/` folder on disk for the Node
 * server and the CLI (./load.ts), the copy bundled into the web-worker server (../mainBrowser.ts).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { parseYears, type CatalogRecord } from './catalog';
import { GlossaryLibrary, type GlossaryDocument, type LibraryEntry } from './glossary';

/** The text of a file of `data/` by its path there (`catalog/functional-partial.csv`), or undefined when absent. */
export type DataReader = (relativePath: string) => string | undefined;

/** The shipped catalog files, in the order their records are read. */
export const SHIPPED_CATALOGS = ['functional-partial.csv', 'economic-dept-partial.csv', 'economic-gov-partial.csv'];

export interface ShippedKnowledge {
  records: CatalogRecord[];
  glossary: GlossaryLibrary;
  columns: string[];
}

type Row = Record<string, string>;

function csvRows(text: string): Row[] {
  return parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true, trim: true }) as Row[];
}

/** `name@2017/2018|other@2024` */
function parseVariants(s: string | undefined): { name: string; years: number[] }[] {
  if (!s) return [];
  return s.split('|').map((v) => {
    const [name, ys] = v.split('@');
    return { name: name.trim(), years: (ys ?? '').split('/').map(Number).filter((y) => y > 1900) };
  }).filter((v) => v.name);
}

/** The file `npm run data:catalog` makes: `shippedSources` read once, as JSON (test/knowledge.test.ts keeps it current). */
export const SHIPPED_RECORDS = 'catalog/shipped-records.json';

/**
 * The shipped catalog records: from `SHIPPED_RECORDS` (one JSON.parse: a few milliseconds at start), else from their
 * sources (CSV and JSON files: tens of milliseconds, each time a process starts).
 */
export function shippedRecords(read: DataReader): CatalogRecord[] {
  const made = read(SHIPPED_RECORDS);
  return made !== undefined ? (JSON.parse(made) as CatalogRecord[]) : shippedSources(read);
}

/** The shipped partial catalogs and the codes of the seeds, of the corpus and of the whole documents, read from their files. */
export function shippedSources(read: DataReader): CatalogRecord[] {
  const out: CatalogRecord[] = [];
  for (const file of SHIPPED_CATALOGS) {
    const text = read(`catalog/${file}`);
    if (text === undefined) continue;
    for (const r of csvRows(text)) {
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
  // The codes printed in real documents: the seeds, the corpus of published budgets and the whole documents
  // transcribed by hand (data/catalog/SOURCES.md).
  for (const file of ['seed-codes.json', 'corpus-codes.json', 'document-codes.json']) {
    const text = read(`catalog/${file}`);
    if (text === undefined) continue;
    const data = JSON.parse(text) as { documents: GlossaryDocument[]; codes: { code: string; name: string; years: number[]; documents: string[] }[] };
    const docs = new Map(data.documents.map((d) => [d.id, d]));
    for (const c of data.codes) for (const d of c.documents) {
      const doc = docs.get(d);
      out.push({ code: c.code, name: c.name, years: doc?.year ? [doc.year] : c.years, source: { type: 'seed', document: d, title: doc?.title ?? d } });
    }
  }
  return out;
}

export function shippedGlossary(read: DataReader): GlossaryLibrary {
  const text = read('glossary/seed-glossary.json');
  if (text === undefined) return new GlossaryLibrary();
  const data = JSON.parse(text) as { documents: GlossaryDocument[]; entries: LibraryEntry[] };
  return new GlossaryLibrary(data.documents, data.entries);
}

/** Column names the seeds declare, for completion after `列：`. */
export function shippedColumns(read: DataReader): string[] {
  const text = read('vocabulary/seed-columns.json');
  if (text === undefined) return [];
  const data = JSON.parse(text) as { columns: { name: string }[] };
  return data.columns.map((c) => c.name);
}

export function shippedFrom(read: DataReader): ShippedKnowledge {
  return { records: shippedRecords(read), glossary: shippedGlossary(read), columns: shippedColumns(read) };
}
