/**
 * The corpus documents transcribed by hand (test/fixtures/corpus, see the README there): the independent ground truth
 * that the PDF import, the standard table sets and the narrative checks are measured against. Each parses with no
 * syntax or structure error, carries no rule its document does not print, and a spot sample of its figures (every
 * table, every 合计 / 总计 row, the narrative) matches the extracted text of its PDF, so that an edit cannot silently
 * alter the transcription.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { norm } from '../server/src/model/build';
import { LineIndex } from '../server/src/syntax/positions';
import { ROOT } from './support/lsp';
import { checkSpots } from './support/spotcheck';

/** Each transcription and the `pdftotext -layout` text of its PDF (copied into test/fixtures/corpus/extracted). */
export const CORPUS: Record<string, { source: string; shared: string }> = {
  'jiangsu-high-court-2019-budget': { source: '江苏省高级人民法院2019年度部门预算公开.txt', shared: 'jiangsu' },
  'jiangsu-npc-office-2017-budget': { source: '江苏省人大办公厅2017年度预算公开.txt', shared: 'jiangsu' },
  'jiangsu-procuratorate-2018-budget': { source: '江苏省人民检察院__2018年省检察院部门预算公开.txt', shared: 'jiangsu' },
  // one document published as two PDFs: its text (文件) and its tables (表)
  'jiangsu-party-office-2018-budget-文件': { source: '江苏省委办公厅2018年度部门预算公开文件.txt', shared: 'jiangsu' },
  'jiangsu-party-office-2018-budget-表': { source: '江苏省委办公厅2018年度部门预算公开表.txt', shared: 'jiangsu' },
  'jiangsu-cppcc-office-2019-budget-文件': { source: '江苏省政协办公厅2019年度部门预算.txt', shared: 'jiangsu' },
  'jiangsu-cppcc-office-2019-budget-表': { source: '江苏省政协办公厅2019年预算公开表.txt', shared: 'jiangsu' },
  // a template with no figure: its spot checks are the row labels and codes
  'shanghai-2024-final-template': { source: '上海市XX局_2024年度部门决算_模板_附件2.txt', shared: 'templates' },
};

const DIR = join(ROOT, 'test', 'fixtures', 'corpus');
const SHARED = join(ROOT, '..', 'shared', 'corpus');
const TOTAL = /^(?:[一二三四五六七八九十]+、)?(?:合计|总计|本年收入合计|本年支出合计|收入合计|支出合计|收入总计|支出总计)$/;

describe('corpus transcriptions', () => {
  it('lists every transcription in the folder, and the README describes each', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.budget')).map((f) => f.replace(/\.budget$/, '')).sort();
    assert.deepEqual(files, Object.keys(CORPUS).sort());
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const name of files) {
      assert.ok(readme.includes(`${name}.budget`), `README.md does not describe ${name}.budget`);
      // one audit per document, also when it comes as two PDFs (`…-文件`, `…-表`)
      const audit = `${name.replace(/-(文件|表)$/, '')}.mistakes.md`;
      assert.ok(existsSync(join(DIR, audit)), `${audit} is missing`);
    }
  });

  for (const [name, { source, shared }] of Object.entries(CORPUS)) {
    describe(name, () => {
      const text = readFileSync(join(DIR, `${name}.budget`), 'utf8');
      const a = analyze(text);
      const idx = new LineIndex(text);

      it('parses with no syntax error and no structure error, with its header', () => {
        const syntax = a.findings.filter((f) => f.rule === 'syntax');
        assert.deepEqual(syntax.map((f) => `${idx.position(f.span.start).line + 1}: ${f.message}`), []);
        assert.deepEqual(a.document.structureErrors.map((e) => idx.position(e.span.start).line + 1), []);
        const h = a.document.header;
        assert.ok(h.department?.value && h.year && h.kind && h.unit, 'header 部门, 年度, 类型, 金额单位');
        assert.ok(a.document.tables.some((t) => t.kind === 'table') || a.document.narrative.length > 0, 'has tables or text');
      });

      it('declares no rule of its own: every 规则 line transcribes the 注 line printed above it', () => {
        const lines = text.split('\n');
        lines.forEach((l, i) => {
          if (!/^规则[：:]/.test(l)) return;
          let j = i - 1;
          while (j >= 0 && (/^规则[：:]/.test(lines[j]) || /^\/\//.test(lines[j]))) j--;
          // a 注 line, or the numbered continuation of one (`2.…`)
          while (j >= 0 && /^\d+[.、．]/.test(lines[j])) j--;
          assert.ok(j >= 0 && /^(备注|注)[ \t]*[：:]/.test(lines[j]), `line ${i + 1}: a 规则 line not under a 注 line`);
        });
      });

      it('matches the extracted text in a spot sample of every table, every 合计 / 总计 row included', () => {
        const extracted = readFileSync(join(DIR, 'extracted', source), 'utf8');
        const original = join(SHARED, shared, source);
        if (existsSync(original)) assert.equal(extracted, readFileSync(original, 'utf8'), `${source} differs from ../shared/corpus`);
        const rows = checkSpots(a.document, readFileSync(join(DIR, 'spotcheck', `${name}.tsv`), 'utf8'), extracted);
        assert.ok(rows.length >= 60, `${rows.length} spot checks`);
        const named = new Set(rows.map(([table, row]) => `${norm(table)}\t${norm(row.replace(/^.*::/, ''))}`));
        const tables = new Set(rows.map(([table]) => norm(table)));
        for (const t of a.document.tables) {
          if (t.kind !== 'table') continue;
          const key = norm(t.number ?? t.title);
          const rowsOf = t.parts.flatMap((p) => p.rows);
          if (!rowsOf.some((r) => r.cells.some((c) => c.kind === 'figure'))) continue;
          assert.ok(tables.has(key), `table ${t.heading} has no spot check`);
          for (const r of rowsOf) {
            if (!r.label || !TOTAL.test(norm(r.label)) || !r.cells.some((c) => c.kind === 'figure')) continue;
            assert.ok(named.has(`${key}\t${norm(r.label)}`), `${t.heading}: row ${r.label} has no spot check`);
          }
        }
        if (a.document.narrative.some((l) => /\d\s*(万元|%)/.test(l.text))) {
          assert.ok(rows.some(([table]) => a.document.narrative.some((l) => norm(l.section).includes(norm(table)))), 'the narrative is spot-checked');
        }
      });
    });
  }
});
