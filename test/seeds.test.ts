/**
 * The five seed documents: their transcription is spot-checked against the extracted text (test/fixtures/extracted,
 * copies of ../shared/seeds),
 * and the audit's error-level findings are pinned (see seeds.findings.ts, each entry checked by hand).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { FIELD_PART, norm } from '../server/src/model/build';
import type { BudgetDocument } from '../server/src/model/document';
import { findRows, findTable } from '../server/src/rules/declared';
import { LineIndex } from '../server/src/syntax/positions';
import { ROOT } from './support/lsp';
import { PINNED } from './seeds.findings';

export const SEEDS: Record<string, string> = {
  'xinzhou-2023-budget': '000_c11ced0713adf71c.txt',
  'qiaokou-2023-final': '001_3d9117acb7238360.txt',
  'dongxihu-2020-budget': '002_a26962c5fc85fb3c.txt',
  'wuhan-info-center-2022-budget': '003_977aee08196e84ac.txt',
  'huangpi-2023-final': '004_3ec73e31864cf5c6.txt',
};
/** The extracted texts, kept in the repository (test/fixtures/extracted), and where they came from, when present. */
const EXTRACTED = join(ROOT, 'test', 'fixtures', 'extracted');
const SHARED = join(ROOT, '..', 'shared', 'seeds');

/** The texts of the cells a spot check names (several when a label repeats); narrative figures by section and heading. */
function lookup(doc: BudgetDocument, table: string, row: string, column: string): string[] {
  const tables = doc.tables;
  const t = findTable(doc, table, tables[0]) ?? tables.find((x) => norm(x.heading) === norm(table) || norm(x.heading).includes(norm(table)));
  if (!t) {
    const lines = doc.narrative.filter((l) => norm(l.section).includes(norm(table)) && (!row || norm(l.heading ?? '').includes(norm(row))));
    if (!lines.length) throw new Error(`no table or narrative section ${table} / ${row}`);
    return lines.flatMap((l) => l.text.match(/-?(?<![\d,])[\d,]*\d(?:\.\d+)?%?/g) ?? []);
  }
  if (!column) {
    const fp = t.parts.find((p) => p.name === FIELD_PART);
    const r = fp?.rows.filter((x) => norm(x.label) === norm(row)) ?? [];
    if (!r.length) throw new Error(`no field ${row} in ${table}`);
    return r.map((x) => x.cells[1].text);
  }
  const atom = /^\d{1,2}$/.test(row) ? { value: row, quoted: false, span: { start: 0, end: 0 } } : { value: row.replace(/^「|」$/g, ''), quoted: true, span: { start: 0, end: 0 } };
  const rows = row ? findRows(t, atom) : t.parts.flatMap((p) => p.rows).filter((r) => !r.label);
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

describe('seed documents', () => {
  for (const [name, source] of Object.entries(SEEDS)) {
    describe(name, () => {
      const file = join(ROOT, 'seeds', `${name}.budget`);
      const tsv = join(ROOT, 'test', 'fixtures', 'spotcheck', `${name}.tsv`);

      it('is transcribed and parses without syntax errors', () => {
        assert.ok(existsSync(file), `${file} is missing`);
        const a = analyze(readFileSync(file, 'utf8'));
        const syntax = a.findings.filter((f) => f.rule === 'syntax');
        const idx = new LineIndex(a.tree.text);
        assert.deepEqual(syntax.map((f) => `${idx.position(f.span.start).line + 1}: ${f.message}`), []);
        assert.ok(a.document.tables.length >= 1);
      });

      it('matches the extracted text in at least 50 spot-checked figures, every 合计 included', function () {
        const extractedText = readFileSync(join(EXTRACTED, source), 'utf8');
        if (existsSync(join(SHARED, source))) assert.equal(extractedText, readFileSync(join(SHARED, source), 'utf8'), `${source} differs from ../shared/seeds`);
        const seedLines = extractedText.split('\n');
        const a = analyze(readFileSync(file, 'utf8'));
        const rows = readFileSync(tsv, 'utf8').split('\n').slice(1).filter((l) => l.trim());
        assert.ok(rows.length >= 50, `${rows.length} spot checks`);
        for (const l of rows) {
          const [table, row, column, value, seedLine, extracted, repair = ''] = l.split('\t');
          const where = `${table} / ${row} / ${column}`;
          const cells = lookup(a.document, table, row, column);
          assert.ok(cells.includes(value), `${where}: expected ${value}, the transcription has ${cells.join(' / ')}`);
          const src = seedLines[Number(seedLine) - 1] ?? '';
          assert.ok(src.includes(extracted), `${where}: seed line ${seedLine} does not contain “${extracted}”: ${src.slice(0, 120)}`);
          if (!repair.trim()) assert.equal(extracted.replace(/[\s\u3000]+/g, ''), value.replace(/[\s\u3000]+/g, ''), `${where}: unrepaired figure differs`);
        }
        assert.ok(rows.some((l) => /合计|总计/.test(l.split('\t')[1])), 'the 合计 rows are spot-checked');
      });

      it('gives exactly the pinned error-level findings', () => {
        const text = readFileSync(file, 'utf8');
        const a = analyze(text);
        const idx = new LineIndex(text);
        const got = a.findings.filter((f) => f.severity === 'error').map((f) => `${idx.position(f.span.start).line + 1} ${f.rule} ${text.slice(f.span.start, f.span.end)}`);
        assert.deepEqual(got, PINNED[name] ?? []);
      });
    });
  }
});
