/**
 * A paragraph of a `pdftotext -layout` text read across a page break (interchange/document.ts, `printed`): pdftotext
 * gives every character one column of its grid, a 汉字 as a digit, but prints a 汉字 twice as wide, so a full line of
 * 汉字 looked shorter than the page's lines with figures and ended its paragraph. The real case: 中共江苏省委办公厅's
 * 2018 部门预算, whose “三公” paragraph goes on at the top of page 11 with a line of 汉字 — read in two, its one
 * published mistake (80.92 % for 80.91 %, test/fixtures/corpus/jiangsu-party-office-2018-budget.mistakes.md #1) was
 * missed on the text path; the PDF path found it.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { displayWidth } from '../server/src/format/width';
import { importDocument, type ImportedDocument } from '../server/src/interchange/document';
import { ROOT } from './support/lsp';
import { section } from './support/sections';

/**
 * Cut from ../shared/corpus/jiangsu/江苏省委办公厅2018年度部门预算公开文件.txt (its copy:
 * test/fixtures/corpus/extracted/): line 96 (the heading 第三部分) and lines 205–248 (pages 10 and 11, a form feed
 * between them), unchanged.
 */
const FIXTURE = join(ROOT, 'test', 'fixtures', 'import', 'jiangsu-shengwei-2018-三公经费说明.txt');
/** The whole text of the same document (a copy of the corpus's, as pdftotext printed it). */
const WHOLE = join(ROOT, 'test', 'fixtures', 'corpus', 'extracted', '江苏省委办公厅2018年度部门预算公开文件.txt');

async function imported(path: string, name: string): Promise<ImportedDocument> {
  const r = await importDocument(new Uint8Array(readFileSync(path)), { name });
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r;
}

describe('import of layout text: a paragraph read across a page break (a 汉字 is one column of the text, two in print)', function () {
  this.timeout(60000);
  /** Where the generated layout is written (removed when the tests are done). */
  let dir: string | undefined;
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the corpus cut: the “三公” paragraph is one across pages 10 and 11; headings, list items and paragraphs stay apart', async () => {
    const doc = await imported(FIXTURE, 'jiangsu-shengwei-2018-三公经费说明.txt');
    assert.deepEqual(section(doc.text, '### 九、'), [
      // (the heading wrapped over two lines: one heading)
      '### 九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明',
      // (page 10 ends with `…安排的“三`; page 11 starts with `公”经费预算支出中，…占“三公”`, all 汉字)
      '江苏省委办公厅2018 年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出70万元，占“三公”经费的13.77%；'
        + '公务用车购置及运行费支出411.20万元，占“三公”经费的80.92%；公务接待费支出27万元，占“三公”经费的 5.31%。具体情况如下：',
      '1．因公出国（境）费预算支出70万元，与上年预算数一致。',
      '2．公务用车购置及运行费预算支出411.20万元。其中：',
      '（1）公务用车购置预算支出0万元，与上年预算数一致。',
      '（2）公务用车运行维护费预算支出411.20万元，与上年预算数一致。',
      '3．公务接待费预算支出27万元，比上年预算减少1万元，主要原因是加强公务接待管理,对公务接待费进行了压减。',
      // (an indented line after one that ends near the margin: a paragraph of its own)
      '江苏省委办公厅2018年度一般公共预算拨款安排的会议费预算支出933.50万元，与上年预算数一致。',
      '江苏省委办公厅2018年度一般公共预算拨款安排的培训费预算支出30万元，比上年预算增加5万元，主要原因是新增省委机要局培训费。',
    ]);
    // Where page 11 begins inside the paragraph is said (a comment under it), and the page's number is dropped.
    const lines = doc.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('江苏省委办公厅2018 年度一般公共预算拨款安排的“三公”'));
    assert.deepEqual(lines.slice(at + 1, at + 3), ['// 第 3 页（上一行自“公”经费预”起）', '1．因公出国（境）费预算支出70万元，与上年预算数一致。']);
    assert.ok(!lines.some((l) => l.trim() === '8'), doc.text);
  });

  it('the corpus cut: lines of 汉字 and lines with figures of one printed width both fill the line (page 10)', async () => {
    const doc = await imported(FIXTURE, 'jiangsu-shengwei-2018-三公经费说明.txt');
    assert.deepEqual(section(doc.text, '### 八、').slice(0, 4), [
      '### 八、一般公共预算基本支出预算情况说明',
      '江苏省委办公厅 2018年度一般公共预算财政拨款基本支出预算10403.11万元，其中：',
      '（一）人员经费8308.53万元。主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、'
        + '其他社会保障缴费、其它工资福利支出、离休费、退休费、医疗费、奖励金、住房公积金。',
      '（二）公用经费2094.58万元。主要包括：办公费、水费、电费、邮电费、差旅费、维修（护）费、会议费、培训费、公务接待费、'
        + '专用材料费、工会经费、福利费、公务用车运行维护费、其他交通费用。',
    ]);
  });

  it('a generated layout: a paragraph goes on at the top of the next page with a line of 汉字 as wide in print as the lines with figures', async () => {
    // 28 characters, 汉字 and a full-width mark, print as wide as the 35 of a line with figures: 56 and 55 display
    // columns (in the text: 28 and 35 columns, the 汉字 line 7 short of the margin).
    const figures = '某单位本年支出预算合计12345.67万元，比上年增加1234.56万';
    const hanzi = '元，主要原因是人员经费政策性调整增加以及新增项目经费支出';
    assert.deepEqual([[...figures].length, displayWidth(figures), [...hanzi].length, displayWidth(hanzi)], [35, 55, 28, 56]);
    const text = [
      '    第三部分 情况说明',
      '  一、收支预算总体情况说明',
      `  ${figures.slice(0, -2)}`,
      figures,
      figures,
      figures,
      '',
      '\f' + hanzi,
      figures,
      '所致。',
      '  二、收入预算情况说明',
      figures,
      figures,
      figures,
      '',
    ].join('\n');
    dir = mkdtempSync(join(tmpdir(), 'pagebreak-'));
    writeFileSync(join(dir, 'x.txt'), text);
    const doc = await imported(join(dir, 'x.txt'), 'x.txt');
    const body = section(doc.text, '### 一、');
    assert.equal(body.length, 2, doc.text);
    assert.ok(body[1].includes(`${figures}${hanzi}${figures}所致。`), body[1]);
  });

  it('end to end: the published mistake 80.92 % is found from the text import, as from the PDF import', async () => {
    for (const [path, name] of [[WHOLE, '江苏省委办公厅2018年度部门预算公开文件.txt'], [FIXTURE, 'jiangsu-shengwei-2018-三公经费说明.txt']]) {
      const doc = await imported(path, name);
      const findings = analyze(doc.text).findings.filter((f) => f.rule === 'narrative' && f.severity !== 'information');
      assert.deepEqual(findings.map((f) => doc.text.slice(f.span.start, f.span.end)), ['80.92%'], name);
      assert.match(findings[0].message, /80\.91%/);
      assert.equal(findings[0].severity, 'error');
    }
  });
});

/**
 * Cut from ../shared/corpus/jiangsu/江苏省人民检察院__2017年省检察院部门预算.txt, lines 905–945, unchanged: the end of its 情况说明 and its 名词解释,
 * where pdftotext cut a printed page in two — a text page of three lines (`直发展项目支出安排数等。`, `七、…用于年度`, a
 * blank) and the page number `23` as its last but one line, two form feeds around it.
 */
const GLOSSARY_CUT = join(ROOT, 'test', 'fixtures', 'import', 'jiangsu-procuratorate-2017-名词解释.txt');

describe('import of layout text: a page number on a page pdftotext cut short', function () {
  this.timeout(60000);

  it('the lone `23` at the foot of a three-line text page is the page\'s number, not a line of the glossary', async () => {
    const doc = await imported(GLOSSARY_CUT, 'jiangsu-procuratorate-2017-名词解释.txt');
    const lines = section(doc.text, '## 第四部分 名词解释');
    // (a text page is as high as its lines: `23` stood at 60 % of its height, not at its foot, and was kept)
    assert.ok(!lines.some((l) => l.trim() === '23'), lines.join('\n'));
    assert.ok(lines.includes('七、单位预留机动经费：指预算单位年初预留用于年度执行中增人、增资等不可预见支出的经费。'), lines.join('\n'));
  });
});
