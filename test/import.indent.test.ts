/**
 * A paragraph of the narrative starts at its indent in the PDF import as in the text import (interchange/document.ts,
 * `marginsOf`): a page's left margin is its leftmost edge when three or more lines of prose stand there, however many
 * more start at a paragraph's indent. A page of short paragraphs — a total and its `其中：` items, one line each, at
 * the indent, among paragraphs of two lines — had more lines at the indent than at the margin; the PDF path took the
 * indent for the margin and glued each item to the line before it (`…合计 20849.45 万元，其中：一般公共预算收入
 * 20702.25 万元，占 99.29%。`), so the narrative checks read no list there. The text path already had the rule.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { importDocument, type ImportedDocument } from '../server/src/interchange/document';
import { registerNodePdfEngine } from '../server/src/interchange/pdfNode';
import { ROOT } from './support/lsp';
import { writePdf, type TextAt } from './support/pdfWriter';
import { section } from './support/sections';

registerNodePdfEngine();

/**
 * Pages 5–7 of ../shared/corpus/jiangsu/江苏省委办公厅2017年部门预算.pdf (copied unchanged with pdf-lib's copyPages;
 * test/fixtures/pdf/README.md), and the same pages of its `pdftotext -layout` text (the corpus's .txt, pages 5–7
 * between their form feeds, unchanged).
 */
const PDF = join(ROOT, 'test', 'fixtures', 'pdf', 'jiangsu-party-office-2017-budget-pages-5-7.pdf');
const TEXT = join(ROOT, 'test', 'fixtures', 'import', 'jiangsu-party-office-2017-budget-pages-5-7.txt');

async function imported(data: Uint8Array, name: string): Promise<ImportedDocument> {
  const r = await importDocument(data, { name });
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r;
}

const textAt = (text: string, x: number, y: number, size = 10): TextAt => ({ text, x, y, size });

describe('PDF import: a paragraph starts at its indent on a page of short paragraphs (其中： items one a line)', function () {
  this.timeout(60000);

  it('the corpus cut: a total and each of its 其中 items are lines of their own, as printed (page 7)', async () => {
    const doc = await imported(new Uint8Array(readFileSync(PDF)), 'jiangsu-party-office-2017-budget-pages-5-7.pdf');
    assert.deepEqual(section(doc.text, '### 二、'), [
      '### 二、收入预算情况说明',
      '本表反映部门年度总体收入预算情况。填列数应与《省委办公厅部门收支预算总表》收入数一致。',
      '省委办公厅本年收入预算合计 20849.45 万元，其中：',
      '一般公共预算收入 20702.25 万元，占 99.29%。',
      '财政专户管理资金 147.20 万元，占 0.71%。',
    ]);
    assert.deepEqual(section(doc.text, '### 三、'), [
      '### 三、支出预算情况说明',
      '本表反映部门年度总体支出预算情况。安排数应与《省委办公厅部门收支预算总表》支出数一致。',
      '省委办公厅本年支出预算合计 20849.45 万元，其中：',
      '基本支出 9964.07 万元，占 47.79%。',
      '项目支出 10688.66 万元，占 51.27%。',
      '单位预留机动经费 196.72 万元，占 0.94%。',
    ]);
    // (a paragraph whose last line reaches the margin, and the next one printed at the indent: two paragraphs)
    const lines = doc.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('项目支出预算数为 10688.66 万元。'));
    assert.deepEqual(lines.slice(at, at + 2), [
      '项目支出预算数为 10688.66 万元。与上年相比增加 1101.96 万元，增长 11.49%。主要原因是增加大院管理费等。',
      '单位预留机动经费预算数为 196.72 万元。与上年相同。',
    ]);
  });

  it('the corpus cut: the PDF and the text of the same pages give the same paragraphs (one rule for both)', async () => {
    const fromPdf = await imported(new Uint8Array(readFileSync(PDF)), 'cut.pdf');
    const fromText = await imported(new Uint8Array(readFileSync(TEXT)), 'cut.txt');
    // (pdftotext puts no blank between a number and a 汉字 where the PDF has a gap: blanks are not compared)
    const bare = (ls: string[]) => ls.map((l) => l.replace(/[ \u3000]/g, ''));
    for (const heading of ['### 二、', '### 三、', '### 四、']) {
      assert.deepEqual(bare(section(fromPdf.text, heading)), bare(section(fromText.text, heading)), heading);
    }
  });

  it('end to end: read as a list, the items are added up to their total (an item mistyped is found at the total)', async () => {
    const doc = await imported(new Uint8Array(readFileSync(PDF)), 'cut.pdf');
    const narrative = (text: string) => analyze(text).findings.filter((f) => f.rule === 'narrative' && f.severity !== 'information');
    assert.deepEqual(narrative(doc.text).map((f) => f.message), []);
    const typo = doc.text.replace('财政专户管理资金 147.20 万元', '财政专户管理资金 147.30 万元');
    assert.notEqual(typo, doc.text);
    const found = narrative(typo);
    assert.deepEqual(found.map((f) => typo.slice(f.span.start, f.span.end)), ['20849.45'], found.map((f) => f.message).join('\n'));
    assert.match(found[0].message, /20849\.55/);
    assert.equal(found[0].severity, 'error');
  });

  it('a generated page: paragraphs of one line at the indent outnumbering the lines at the margin each stay apart', async () => {
    // 10 pt text, the margin at 60, the indent at 80 (two 汉字), the right margin at 410: a line at the margin holds 35
    // 汉字, one at the indent 33; each line below ends at the right margin but the paragraph's last.
    const at = (x: number, n: number) => (s: string, y: number) => {
      assert.equal([...s].length, n, s);
      return textAt(s, x, y);
    };
    const indent = at(80, 33);
    const margin = at(60, 35);
    const pdf = await writePdf([{
      texts: [
        textAt('第三部分 情况说明', 200, 100, 16),
        textAt('一、收支预算总体情况说明', 80, 140),
        indent('本单位本年收入、支出预算总计一千二百三十四万元，与上年相比收支预算', 155),
        margin('总计各增加三十四万元，增长百分之二点八八。主要原因是人员经费的政策性调', 170),
        margin('整和项目经费增加，以及新增的信息系统运行维护经费等各项支出的安排所致，', 185),
        textAt('具体见下文各项说明和所附各表。', 60, 200),
        indent('本单位本年收入预算合计一千二百三十四万元，全为财政拨款收入，其中：', 215),
        indent('一般公共预算收入一千二百三十四万元，占收入预算合计的百分之一百整。', 230),
        indent('本单位本年支出预算合计一千二百三十四万元，与收入预算总计同，其中：', 245),
        indent('基本支出九百八十七万元，占百分之八十；项目支出二百四十七万元，略。', 260),
      ],
    }]);
    const doc = await imported(pdf, 'x.pdf');
    const body = section(doc.text, '### 一、');
    assert.equal(body.length, 6, doc.text);
    assert.ok(body[1].endsWith('具体见下文各项说明和所附各表。'), body[1]);
    assert.deepEqual(body.slice(2).map((l) => l.slice(0, 8)), ['本单位本年收入预', '一般公共预算收入', '本单位本年支出预', '基本支出九百八十']);
  });

  it('a generated page: one or two long lines left of the lines at the margin (a note set further out) do not move the margin', async () => {
    const pdf = await writePdf([{
      texts: [
        textAt('第三部分 情况说明', 200, 100, 16),
        textAt('一、收支预算总体情况说明', 80, 140),
        textAt('本单位本年收入、支出预算总计一千二百三十四万元，与上年相比收', 80, 155),
        textAt('支预算总计各增加三十四万元，增长百分之二点八八。主要原因是人员经', 60, 170),
        textAt('费政策性调整和项目经费增加，以及新增信息系统运行维护经费等支出安', 60, 185),
        textAt('排所致，具体见下文各项说明和所附的各张预算公开表格。', 60, 200),
        textAt('注：本说明中的金额单位均为万元，合计数与各项之和的差异系四舍五入所致。', 40, 230),
      ],
    }]);
    const doc = await imported(pdf, 'x.pdf');
    const body = section(doc.text, '### 一、');
    assert.equal(body.length, 3, doc.text);
    assert.ok(body[1].startsWith('本单位本年收入') && body[1].endsWith('各张预算公开表格。'), body[1]);
  });
});
