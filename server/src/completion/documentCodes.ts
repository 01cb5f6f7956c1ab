/**
 * The codes a document prints with their names, as a catalog (completion offers them as "this document"), the row
 * being typed left out. Kept per part: a keystroke in one part reads that part again (a part whose rows change is a new
 * part), not the document; the same code printed on many rows is one record (a table that repeats its codes made a
 * catalog of one record per row: completion in 10,000 such rows took most of a second, issue #15).
 */
import { Catalog } from '../knowledge/catalog';
import { partCodes } from '../knowledge/codes';
import { asRecords } from '../knowledge/workspace';
import type { BudgetDocument, Part } from '../model/document';
import { rowsEndingBy, rowSpan } from '../model/rows';
import type { LineInfo } from './cursor';

interface Pair {
  code: string;
  name: string;
  /** On how many rows of the part. */
  rows: number;
}

const pairsOfPart = new WeakMap<Part, Map<string, Pair>>();

const key = (code: string, name: string) => `${code}\u0000${name}`;

/** A part's (code, name) pairs, each with the number of rows that print it. */
function pairs(p: Part): Map<string, Pair> {
  let out = pairsOfPart.get(p);
  if (out) return out;
  out = new Map();
  for (const c of partCodes(p)) {
    if (!c.name) continue;
    const k = key(c.code, c.name);
    const had = out.get(k);
    if (had) had.rows++; else out.set(k, { code: c.code, name: c.name, rows: 1 });
  }
  pairsOfPart.set(p, out);
  return out;
}

/** The pairs a part prints on a row that starts on the line (at most one row). */
function onLine(p: Part, line: LineInfo): string[] {
  const r = rowsEndingBy(p, line.start);
  const span = rowSpan(p, r);
  if (!span || span.start < line.start || span.start > line.end) return [];
  const out: string[] = [];
  for (const c of partCodes(p, r, r + 1)) if (c.name) out.push(key(c.code, c.name));
  return out;
}

let last: { parts: Part[]; skipped: string; year?: number; catalog: Catalog } | undefined;

export function documentCatalog(doc: BudgetDocument, line: LineInfo): Catalog {
  const parts = doc.tables.flatMap((t) => t.parts);
  const skipped: string[] = [];
  for (const p of parts) for (const k of onLine(p, line)) skipped.push(k);
  const year = doc.header.year;
  const same = last && last.year === year && last.skipped === skipped.join('\n') && last.parts.length === parts.length && last.parts.every((p, i) => p === parts[i]);
  if (same) return last!.catalog;
  const counts = new Map<string, Pair>();
  for (const p of parts) for (const [k, v] of pairs(p)) {
    const had = counts.get(k);
    if (had) had.rows += v.rows; else counts.set(k, { ...v });
  }
  for (const k of skipped) {
    const had = counts.get(k);
    if (had && --had.rows === 0) counts.delete(k);
  }
  const codes = [...counts.values()].map((x) => ({ code: x.code, name: x.name, year, uri: '' }));
  const catalog = new Catalog(asRecords(codes, () => ({ type: 'document' })));
  last = { parts, skipped: skipped.join('\n'), year, catalog };
  return catalog;
}
