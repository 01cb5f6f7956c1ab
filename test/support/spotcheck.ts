/**
 * Spot checks of a transcription against the text it was transcribed from (test/fixtures/spotcheck/*.tsv for the
 * seeds, test/fixtures/corpus/spotcheck/*.tsv for the corpus documents): each line names one printed figure of the
 * `.budget` file and the line of the extracted text that prints it. Format: docs/transcription.md.
 */
import { strict as assert } from 'node:assert';
import { FIELD_PART, norm } from '../../server/src/model/build';
import type { BudgetDocument, Part, Row, Table } from '../../server/src/model/document';
import { findRows, findTable } from '../../server/src/rules/declared';

/** A spot check's row: `「label」`, a label, a code or a 行次; `部分::行` names the row inside one `###` part. */
function rowsOf(t: Table, row: string): Row[] {
  const sep = row.indexOf('::');
  const part: Part | undefined = sep >= 0 ? t.parts.find((p) => p.name !== undefined && norm(p.name) === norm(row.slice(0, sep))) : undefined;
  if (sep >= 0 && !part) throw new Error(`no part ${row.slice(0, sep)} in ${t.heading}`);
  const name = sep >= 0 ? row.slice(sep + 2) : row;
  const rows = part ? part.rows : t.parts.flatMap((p) => p.rows);
  if (!name) return rows.filter((r) => !r.label);
  const atom = /^\d{1,2}$/.test(name)
    ? { value: name, quoted: false, span: { start: 0, end: 0 } }
    : { value: name.replace(/^「|」$/g, ''), quoted: true, span: { start: 0, end: 0 } };
  const found = findRows(t, atom, part);
  // A row with no label and no code (a grid row of a purchase table) is named by the text of one of its cells.
  return found.length ? found : rows.filter((r) => r.cells.some((c) => c.kind === 'text' && norm(c.text) === norm(name)));
}

/** The texts of the cells a spot check names (several when a row key repeats); narrative figures by section and heading. */
function lookup(doc: BudgetDocument, table: string, row: string, column: string): string[] {
  const tables = doc.tables;
  const t = findTable(doc, table, tables[0]) ?? tables.find((x) => norm(x.heading) === norm(table) || norm(x.heading).includes(norm(table)));
  if (!t) {
    const lines = doc.narrative.filter((l) => norm(l.section).includes(norm(table)) && (!row || norm(l.heading ?? '').includes(norm(row))));
    if (!lines.length) throw new Error(`no table or narrative section ${table} / ${row}`);
    return lines.flatMap((l) => l.text.match(/-?\d(?:[\d,]*\d)?(?:\.\d+)?%?/g) ?? []);
  }
  if (!column) {
    const fp = t.parts.find((p) => p.name === FIELD_PART);
    const r = fp?.rows.filter((x) => norm(x.label) === norm(row)) ?? [];
    if (!r.length) throw new Error(`no field ${row} in ${table}`);
    return r.map((x) => x.cells[1].text);
  }
  const rows = rowsOf(t, row);
  if (!rows.length) throw new Error(`no row ${row} in ${table}`);
  const out: string[] = [];
  for (const r of rows) {
    const cols = r.part.columns;
    const c = /^\d+$/.test(column) ? cols.find((x) => x.number === Number(column)) : cols.find((x) => norm(x.name) === norm(column) || norm(x.path.join('/')) === norm(column));
    if (c && r.cells[c.index]) out.push(r.cells[c.index].text);
  }
  if (!out.length) throw new Error(`no column ${column} in row ${row} of ${table}`);
  return out;
}

/**
 * True when `line` prints `text` whole: a figure is not found inside a longer one (`30.00` inside `530.00` or `30.001`);
 * a label (`邮电费` in `30207邮电费`) is found anywhere.
 */
function printsWhole(line: string, text: string): boolean {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = /^\d/.test(text) ? '(?<![\\d.,])' : '';
  const after = /[\d%]$/.test(text) ? '(?![\\d]|[.,]\\d)' : '';
  return new RegExp(`${before}${escaped}${after}`).test(line);
}

/**
 * Checks every line of a spot-check table (header line first) against the document and the extracted text; returns
 * the checked lines. A figure whose `repair` is empty must be the extracted text with its blanks removed.
 */
export function checkSpots(doc: BudgetDocument, tsv: string, extracted: string): string[][] {
  const sourceLines = extracted.split('\n');
  const rows = tsv.split('\n').slice(1).filter((l) => l.trim()).map((l) => l.split('\t'));
  for (const [table, row, column, value, sourceLine, fromText, repair = ''] of rows) {
    const where = `${table} / ${row} / ${column}`;
    const cells = lookup(doc, table, row, column);
    assert.ok(cells.includes(value), `${where}: expected ${value}, the transcription has ${cells.join(' / ')}`);
    const src = sourceLines[Number(sourceLine) - 1] ?? '';
    assert.ok(printsWhole(src, fromText), `${where}: source line ${sourceLine} does not contain “${fromText}”: ${src.slice(0, 120)}`);
    if (!repair.trim()) assert.equal(fromText.replace(/[\s\u3000]+/g, ''), value.replace(/[\s\u3000]+/g, ''), `${where}: unrepaired figure differs`);
  }
  return rows;
}
