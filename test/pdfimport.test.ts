/**
 * Whole documents imported from PDF (#12): real published PDFs (test/fixtures/pdf, copied from ../shared/corpus)
 * compared row by row with their transcriptions by hand (test/fixtures/corpus, made without any importer), the same
 * documents from their `pdftotext -layout` text, no figure lost or altered, generated PDFs of particular layouts, and
 * bad input (not a PDF, a broken PDF, scanned pages).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { importDocument, importPages, numbersIn, type ImportedDocument } from '../server/src/interchange/document';
import { markFurniture, pageLines } from '../server/src/interchange/layout';
import { readPdf } from '../server/src/interchange/pdf';
import { registerNodePdfEngine } from '../server/src/interchange/pdfNode';
import { cli } from './support/cli';
import { compareTables, silentMisplacements } from './support/importCompare';
import type { Row, Table } from '../server/src/model/document';
import { displayWidth } from '../server/src/format/width';
import { ROOT } from './support/lsp';
import { writePdf, type PageSpec, type RuleAt, type TextAt } from './support/pdfWriter';

registerNodePdfEngine();

const PDFS = join(ROOT, 'test', 'fixtures', 'pdf');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');

/** A text at (x, y) from the page's top-left corner, in points (10 pt unless given). */
const textAt = (text: string, x: number, y: number, size = 10): TextAt => ({ text, x, y, size });

async function imported(data: Uint8Array, name = 'x.pdf'): Promise<ImportedDocument> {
  const r = await importDocument(data, { name });
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r;
}

function syntaxErrors(text: string): string[] {
  return analyze(text).findings.filter((f) => f.rule === 'syntax').map((f) => `${f.message} @${text.slice(f.span.start, f.span.end)}`);
}

/** Lines the importer writes about its work (source, repairs, doubts), not text of the document (the lines it did
 * not place, `// 未导入…`, are the document's text, kept). */
const OWN_COMMENT = /^\/\/ (?:导入自|导入修复|导入存疑|第 \d+ 页)/;

/** Each transcription with its PDF in the fixtures. */
const documents = readdirSync(PDFS).filter((f) => f.endsWith('.pdf')).map((f) => f.replace(/\.pdf$/, '')).filter((n) => existsSync(join(CORPUS, `${n}.budget`)));

/**
 * Share of the transcription's table rows that the import gives exactly (code, label, every figure and blank in
 * order), from the PDF and from its `pdftotext -layout` text, and the tables whose parts and columns are the
 * transcription's (from the PDF). The target is 98 % of rows; these floors hold today and may only rise (see the
 * report in docs/import.md). Where a table's shape differs, the transcription chose a name the page does not print
 * (支出 for 支出 / 支出用途 in the 财政拨款收支总表; 人员经费 and 公用经费 for the two blocks of the Shanghai 基本支出表).
 */
const FLOOR: Record<string, { pdf: number; text: number; shape: number }> = {
  'jiangsu-high-court-2019-budget': { pdf: 1, text: 0.85, shape: 12 / 13 },
  'jiangsu-npc-office-2017-budget': { pdf: 1, text: 0.66, shape: 12 / 13 },
  'jiangsu-procuratorate-2018-budget': { pdf: 1, text: 0.74, shape: 12 / 13 },
  'jiangsu-party-office-2018-budget-文件': { pdf: 1, text: 1, shape: 1 },
  'jiangsu-party-office-2018-budget-表': { pdf: 1, text: 0.8, shape: 12 / 13 },
  'jiangsu-cppcc-office-2019-budget-表': { pdf: 1, text: 0.96, shape: 11 / 12 },
  'shanghai-2024-final-template': { pdf: 0.98, text: 0.66, shape: 9 / 10 },
};

/** Rows of the layout text's import whose figures stand in other columns than the transcription's without a doubt
 * mark: the most each document may have (they may only fall; the PDF's import has none). */
const SILENT_IN_TEXT: Record<string, number> = {
  'jiangsu-high-court-2019-budget': 0,
  'jiangsu-npc-office-2017-budget': 6,
  'jiangsu-procuratorate-2018-budget': 6,
  'jiangsu-party-office-2018-budget-文件': 0,
  'jiangsu-party-office-2018-budget-表': 36,
  'jiangsu-cppcc-office-2019-budget-表': 2,
  'shanghai-2024-final-template': 0,
};

describe('import of whole documents from PDF: real documents against their transcriptions by hand', function () {
  this.timeout(60000);
  it('has a published PDF for every transcription it compares with', () => {
    // Every document with a floor is compared (a PDF missing would otherwise drop its floors unseen).
    assert.deepEqual([...documents].sort(), Object.keys(FLOOR).sort());
  });

  for (const name of documents) {
    describe(name, () => {
      let doc: ImportedDocument;
      const truth = () => analyze(readFileSync(join(CORPUS, `${name}.budget`), 'utf8')).document;
      before(async () => { doc = await imported(new Uint8Array(readFileSync(join(PDFS, `${name}.pdf`))), `${name}.pdf`); });

      it('parses with no syntax error and is checked like any document', () => {
        assert.deepEqual(syntaxErrors(doc.text), []);
        const a = analyze(doc.text);
        assert.equal(a.document.tables.length, truth().tables.length, a.document.tables.map((t) => t.heading).join(' / '));
        assert.equal(a.document.header.year, truth().header.year);
        assert.equal(a.document.header.kind, truth().header.kind);
        assert.equal(a.document.header.unit, truth().header.unit);
      });

      it('gives the table rows of the transcription exactly (code, label, figures and blanks in order)', () => {
        const c = compareTables(truth(), analyze(doc.text).document);
        // (a document of text only: no table in either)
        const share = c.rows ? c.exact / c.rows : 1;
        const detail = c.tables.filter((t) => t.exact < t.rows).map((t) => `${t.key} ${t.exact}/${t.rows}`).join('; ');
        assert.ok(share >= FLOOR[name].pdf, `${c.exact}/${c.rows} = ${(share * 100).toFixed(1)}% (${detail})`);
      });

      it('gives the tables\' parts and columns as transcribed (the parts\' names, each column\'s groups, name and 栏次)', () => {
        const c = compareTables(truth(), analyze(doc.text).document);
        const share = c.tables.length ? c.shaped / c.tables.length : 1;
        const detail = c.tables.filter((t) => t.shape !== t.got).map((t) => `${t.key}:\n  ${t.shape}\n  ${t.got}`).join('\n');
        assert.ok(share >= FLOOR[name].shape - 1e-9, `${c.shaped}/${c.tables.length}\n${detail}`);
      });

      it('places no figure in another column than the transcription without marking the row as a doubt', () => {
        const a = analyze(doc.text).document;
        const silent = silentMisplacements(truth(), a, doubtedIn(doc.text));
        assert.deepEqual(silent.map((x) => `${x.table} ${x.row}: ${x.got} (want ${x.want})`), []);
      });

      it('has every amount and percentage of the narrative, and every glossary term', () => {
        const t = truth();
        const a = analyze(doc.text).document;
        const got = a.narrative.map((n) => n.text).join('\n');
        for (const n of numbersIn(t.narrative.map((x) => x.text).join('\n')).filter((x) => /[.%]/.test(x))) assert.ok(got.includes(n), `narrative lacks ${n}`);
        const terms = new Set(a.glossary.map((g) => g.term));
        for (const g of t.glossary) assert.ok(terms.has(g.term), `glossary lacks ${g.term}`);
      });

      it('loses and alters no number: the numbers printed on each page are the numbers of the output from that page', async () => {
        const r = await readPdf(new Uint8Array(readFileSync(join(PDFS, `${name}.pdf`))));
        assert.ok(r.ok);
        const pages = r.pages.map((page) => ({ page, lines: pageLines(page) }));
        markFurniture(pages);
        const printed: Record<number, string[]> = {};
        for (const { page, lines } of pages) {
          const nums = lines.filter((l) => !l.furniture).flatMap((l) => numbersIn(l.text));
          if (nums.length) printed[page.number] = nums;
        }
        assert.deepEqual(perPage(numbersByPage(doc)), perPage(printed));
      });
    });
  }
});

describe('the check of silent misplacements (test/support/importCompare.ts)', () => {
  const table = (rows: string[]) => ['# 测试', '年度：2019', '类型：预算', '金额单位：万元', '## 表 公开09表 “三公”经费支出预算表', '列：项目 | 合计 | 公务用车购置费 | 公务用车运行维护费', ...rows, ''].join('\n');
  const truth = analyze(table(['三公经费 | 156.60 |  | 156.60'])).document;
  it('finds a figure one column off with no doubt mark above its row', () => {
    const text = table(['三公经费 | 156.60 | 156.60 |']);
    const silent = silentMisplacements(truth, analyze(text).document, doubtedIn(text));
    assert.deepEqual(silent.map((x) => `${x.row}: ${x.got} (want ${x.want})`), [' | 三公经费: 156.60 | 156.60 (want 156.60 |  | 156.60)']);
  });
  it('lets it pass when the row is marked as a doubt', () => {
    const text = table(['// 导入存疑：“156.60”横跨「公务用车购置费」与「公务用车运行维护费」两栏，按位置放在「公务用车购置费」栏，请核对', '三公经费 | 156.60 | 156.60 |']);
    assert.deepEqual(silentMisplacements(truth, analyze(text).document, doubtedIn(text)), []);
  });
});

/**
 * The numbers of an imported document's text by the page they come from, as its comments say: `// 第 N 页` above
 * the lines from page N, `// 第 N 页（上一行自“X”起）` under a line that goes on with page N's text from X on (of a
 * table row: its label from X on; the row's figures are printed with its first line), `（原文第 N 页）` at the end of a
 * line left out of a table. The importer's own comments and the header's fields are not the document's text.
 */
function numbersByPage(doc: ImportedDocument): Record<number, string[]> {
  const lines = doc.text.split('\n');
  const rowAt = new Map<number, Row>();
  const starts = [0];
  for (let k = 0; k < doc.text.length; k++) if (doc.text.charCodeAt(k) === 10) starts.push(k + 1);
  for (const t of analyze(doc.text).document.tables) for (const p of t.parts) for (const row of p.rows) rowAt.set(lineIndex(starts, row.span.start), row);
  const out: Record<number, string[]> = {};
  const add = (page: number, xs: string[]) => { (out[page] ??= []).push(...xs); };
  const remove = (page: number, xs: string[]) => { for (const x of xs) { const k = (out[page] ?? []).indexOf(x); assert.ok(k >= 0, `${x} is not on page ${page}`); out[page].splice(k, 1); } };
  let page = 0;
  let last: { line: number; page: number } | undefined;
  lines.forEach((l, k) => {
    const at = /^\/\/ 第 (\d+) 页(?:（上一行自“(.*)”起）)?$/.exec(l);
    if (at) {
      const next = Number(at[1]);
      if (at[2] !== undefined && last) {
        // the line above goes on with this page's text from the quoted words on
        const row = rowAt.get(last.line);
        const text = row ? row.label : lines[last.line];
        const from = text.indexOf(at[2]);
        assert.ok(from >= 0, `“${at[2]}” is not in line ${last.line + 1}: ${lines[last.line]}`);
        const moved = numbersIn(text.slice(from));
        remove(last.page, moved);
        add(next, moved);
      }
      page = next;
      return;
    }
    if (OWN_COMMENT.test(l) || /^(年度|类型|金额单位)：/.test(l) || (l.startsWith('# ') && /标题取自文件名/.test(lines[k + 1]))) return;
    const source = /（原文第 (\d+) 页）$/.exec(l);
    const p = source ? Number(source[1]) : page;
    add(p, numbersIn(source ? l.slice(0, source.index) : l));
    last = { line: k, page: p };
  });
  // A code printed in pieces over the 类/款/项 columns is one code in the output: its pieces on its page.
  for (const x of doc.repairs.filter((y) => y.kind === 'code-space')) {
    remove(x.line, [x.after]);
    add(x.line, numbersIn(x.before));
  }
  return out;
}

/** The line of the text at an offset (0-based), by the offsets where lines start. */
function lineIndex(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Whether the import marked a row as uncertain: a `// 导入存疑：…` comment among the comments right above it. */
function doubtedIn(text: string): (r: Row) => boolean {
  const lines = text.split('\n');
  const starts: number[] = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) starts.push(k + 1);
  const above = (r: Row) => {
    const out: string[] = [];
    for (let k = lineIndex(starts, r.span.start) - 1; k >= 0 && lines[k].startsWith('//'); k--) out.push(lines[k]);
    return out;
  };
  return (r) => above(r).some((l) => l.startsWith('// 导入存疑：'));
}

/** Each page's numbers as a multiset (pages without numbers left out). */
function perPage(byPage: Record<number, string[]>): Record<number, Record<string, number>> {
  return Object.fromEntries(Object.entries(byPage).filter(([, xs]) => xs.length).map(([p, xs]) => [p, multiset(xs)]));
}

function multiset(xs: string[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const x of xs) m[x] = (m[x] ?? 0) + 1;
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

describe('import of whole documents from the text of pdftotext -layout', function () {
  this.timeout(60000);
  for (const name of documents) {
    it(`${name}: the same document from its extracted text parses, with its tables`, async () => {
      const source = readdirSync(join(CORPUS, 'extracted')).find((f) => readFileSync(join(CORPUS, `${name}.budget`), 'utf8').includes(f.replace(/\.txt$/, '')));
      assert.ok(source, `no extracted text for ${name}`);
      const doc = await imported(new Uint8Array(readFileSync(join(CORPUS, 'extracted', source))), source);
      assert.deepEqual(syntaxErrors(doc.text), []);
      const truth = analyze(readFileSync(join(CORPUS, `${name}.budget`), 'utf8')).document;
      const c = compareTables(truth, analyze(doc.text).document);
      assert.ok((c.rows ? c.exact / c.rows : 1) >= FLOOR[name].text, `${c.exact}/${c.rows}`);
      // Unlike the PDF, the layout text still misplaces figures in silence (docs/import.md): no more than today.
      const silent = silentMisplacements(truth, analyze(doc.text).document, doubtedIn(doc.text));
      assert.ok(silent.length <= SILENT_IN_TEXT[name], silent.map((x) => `${x.table} ${x.row}: ${x.got} (want ${x.want})`).join('\n'));
    });
  }
});

/** A line of layout text from cells at character places: `[place, text]` starts a text there, `right(place, text)`
 * ends it there (figures are printed flush right). */
function textLine(...cells: [number, string][]): string {
  let s = '';
  for (const [place, text] of cells) s = s.padEnd(place, ' ') + text;
  return s;
}
const right = (place: number, text: string): [number, string] => [place - [...text].length, text];

describe('import of layout text: generated layouts (pdftotext lays every character, a 汉字 as a digit, on one place of a grid)', () => {
  /** A 支出预算表 whose labels differ in length, the second row's figures printed on the line under its label, and its
   * next page laid on a grid of its own (columns at other places; the header repeated). */
  const text = [
    textLine([20, '某单位2019年度部门预算']),
    textLine([0, '公开01表']),
    textLine([30, '支出预算表']),
    textLine([0, '部门名称：某单位'], [60, '单位：万元']),
    textLine([5, '科目名称'], [32, '合计'], [46, '基本支出'], [62, '项目支出']),
    textLine([5, '一、一般公共服务支出'], right(38, '300.00'), right(54, '200.00'), right(70, '100.00')),
    textLine([5, '二、教育支出']),
    textLine(right(38, '40.00'), right(54, '40.00')),
    textLine([5, '三、科学技术支出'], right(38, '50.00'), right(70, '50.00')),
    '\f' + textLine([2, '科目名称'], [26, '合计'], [38, '基本支出'], [52, '项目支出']),
    textLine([2, '四、文化旅游体育与传媒支出'], right(30, '7.00'), right(45, '7.00')),
    textLine([2, '五、社会保障和就业支出'], right(30, '60.00'), right(60, '60.00')),
    textLine([2, '合计'], right(30, '457.00'), right(45, '247.00'), right(60, '210.00')),
    '',
  ].join('\n');
  let doc: ImportedDocument;
  before(async () => { doc = await imported(new TextEncoder().encode(text), 'x.txt'); });
  const rows = () => analyze(doc.text).document.tables.flatMap((t) => t.parts.flatMap((p) => p.rows)).map((r) => [r.label, ...r.cells.filter((c) => c.column?.role === 'figure').map((c) => c.text)]);

  it('one table, its figures in their columns on both pages however long the labels before them', () => {
    assert.deepEqual(syntaxErrors(doc.text), []);
    assert.equal(analyze(doc.text).document.tables.length, 1, doc.text);
    assert.deepEqual(rows().filter(([label]) => label !== '二、教育支出'), [
      ['一、一般公共服务支出', '300.00', '200.00', '100.00'],
      ['三、科学技术支出', '50.00', '', '50.00'],
      ['四、文化旅游体育与传媒支出', '7.00', '7.00', ''],
      ['五、社会保障和就业支出', '60.00', '', '60.00'],
      ['合计', '457.00', '247.00', '210.00'],
    ], doc.text);
  });

  it('figures alone on the line right under a label go with that label, each in its column, and are marked as a doubt', () => {
    assert.deepEqual(rows().find(([label]) => label === '二、教育支出'), ['二、教育支出', '40.00', '40.00', ''], doc.text);
    const lines = doc.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('二、教育支出 |'));
    assert.match(lines[at - 1], /^\/\/ 导入存疑：“40\.00”的归属行不确定/);
    assert.equal(analyze(doc.text).findings.filter((f) => f.rule === 'import-doubt').length, 2);
  });

  it('a note wrapped over lines with a blank line between them is one note of its table, not a paragraph after it', async () => {
    const page = [
      textLine([0, '公开11表']),
      textLine([16, '机关运行经费支出预算表']),
      textLine([0, '部门名称：某单位'], [40, '单位：万元']),
      textLine([0, '科目编码'], [12, '科目名称'], [36, '机关运行经费支出']),
      textLine([0, '302'], [12, '商品和服务支出'], right(46, '315.00')),
      textLine([0, '30201'], [12, '办公费'], right(46, '315.00')),
      textLine([0, '注：1.“机关运行经费”指行政单位使用一般公共预算安排的基本支出中']),
      '',
      textLine([0, '的日常公用经费支出。']),
      '',
      textLine([2, '2.“科目编码”和“科目名称”为必填项。']),
      '\f' + textLine([0, '公开12表']),
      textLine([16, '政府采购支出预算表']),
      textLine([0, '科目名称'], [36, '总计']),
      textLine([0, '合计'], right(40, '10.00')),
      '',
    ].join('\n');
    const d = await imported(new TextEncoder().encode(page), 'x.txt');
    assert.deepEqual(syntaxErrors(d.text), []);
    assert.doesNotMatch(d.text, /^## 说明$/m, d.text);
    assert.match(d.text, /^注：1\.“机关运行经费”指行政单位使用一般公共预算安排的基本支出中的日常公用经费支出。$/m, d.text);
    assert.match(d.text, /^2\.“科目编码”和“科目名称”为必填项。$/m, d.text);
    assert.deepEqual(analyze(d.text).document.tables.map((t) => t.number), ['公开11表', '公开12表']);
  });

  it('a 金额单位 wrapped in a narrow cell (`单位：万` over `元`, the 元 at the end of the 部门 line) is one unit, the 部门 whole', async () => {
    // 江苏省高级人民法院 2019 部门预算, 公开 09 表: `单位：万` printed above the 部门名称 line, `元` at its right end.
    const page = [
      textLine([0, '公开09表']),
      textLine([16, '“三公”经费支出预算表']),
      textLine([60, '单位：万']),
      textLine([0, '部门名称：某单位'], [64, '元']),
      textLine([0, '项目'], [20, '合计'], [34, '公务接待费']),
      textLine([0, '“三公”经费'], right(26, '30.00'), right(44, '30.00')),
      '',
    ].join('\n');
    const d = await imported(new TextEncoder().encode(page), 'x.txt');
    assert.deepEqual(syntaxErrors(d.text), []);
    assert.match(d.text, /^金额单位：万元$/m, d.text);
    assert.match(d.text, /^部门名称：某单位$/m, d.text);
    assert.doesNotMatch(d.text, /^单位：万$/m, d.text);
    assert.deepEqual(analyze(d.text).findings.filter((f) => f.rule === 'unit-name'), []);
    assert.equal(analyze(d.text).document.tables[0].unit, '万元');
  });

  it('a text as wide as the one above it in a text column is a cell of its own, not the rest of a wrapped one', async () => {
    const page = [
      textLine([0, '公开12表']),
      textLine([16, '政府采购支出预算表']),
      textLine([0, '部门名称：某单位'], [40, '单位：万元']),
      textLine([0, '采购品目'], [12, '采购物品名称'], [26, '采购组织形式'], [36, '总计']),
      textLine([0, '一、货物'], right(40, '653.22')),
      textLine([12, '其他办公设备'], [26, '分散自行组织'], right(40, '153.22')),
      textLine([12, '其他通用设备'], [26, '政府集中采购'], right(40, '500.00')),
      '',
    ].join('\n');
    const d = await imported(new TextEncoder().encode(page), 'x.txt');
    const t = analyze(d.text).document.tables[0];
    const rows = t.parts.flatMap((p) => p.rows).map((r) => [r.label, ...r.cells.filter((c) => c.column?.role === 'figure').map((c) => c.text)].join(' | '));
    assert.deepEqual(rows, ['一、货物 |  |  | 653.22', ' | 其他办公设备 | 分散自行组织 | 153.22', ' | 其他通用设备 | 政府集中采购 | 500.00'], d.text);
  });

  it('a figure flush right and the next column\'s text flush left in places next to each other are two columns (a 收支总表 whose 支出 labels start a place further left where no 收入 figure stands)', async () => {
    const page = [
      textLine([0, '公开01表']),
      textLine([30, '收支预算总表']),
      textLine([0, '部门：某单位'], [60, '单位：万元']),
      textLine([12, '收入'], [44, '支出']),
      textLine([4, '项目名称'], [20, '金额'], [38, '功能科目名称'], [56, '金额']),
      textLine([0, '一、财政拨款'], right(33, '13,297.11'), [34, '一、一般公共服务支出'], right(62, '10,271.56')),
      textLine([1, '1.一般公共预算'], right(33, '13,297.11'), [34, '二、外交支出']),
      textLine([0, '二、其他资金'], [33, '三、国防支出'], right(62, '3,025.55')),
      textLine([33, '四、公共安全支出']),
      textLine([33, '五、教育支出'], right(62, '80.00')),
      textLine([4, '收入合计'], right(33, '13,377.11'), [36, '支出合计'], right(62, '13,377.11')),
      '',
    ].join('\n');
    const d = await imported(new TextEncoder().encode(page), 'x.txt');
    assert.deepEqual(syntaxErrors(d.text), []);
    const t = analyze(d.text).document.tables[0];
    const side = (k: number) => t.parts[k].rows.map((r) => [r.label, ...r.cells.filter((c) => c.column?.role === 'figure').map((c) => c.text)].join(' | '));
    assert.deepEqual(t.parts.map((p) => p.name), ['收入', '支出'], d.text);
    assert.deepEqual(side(0), ['一、财政拨款 | 13,297.11', '1.一般公共预算 | 13,297.11', '二、其他资金 | ', '收入合计 | 13,377.11'], d.text);
    assert.deepEqual(side(1), ['一、一般公共服务支出 | 10,271.56', '二、外交支出 | ', '三、国防支出 | 3,025.55', '四、公共安全支出 | ', '五、教育支出 | 80.00', '支出合计 | 13,377.11'], d.text);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Generated layouts

/** A row of cells at the given x positions. */
function row(y: number, cells: [number, string][], size = 10): TextAt[] {
  return cells.map(([x, text]) => ({ text, x, y, size }));
}

describe('import of whole documents: generated layouts', function () {
  this.timeout(30000);

  it('a two-sided table (收入 | 支出) becomes two parts, each side\'s rows in order', async () => {
    const pdf = await writePdf([{
      texts: [
        { text: '公开01表 收入支出决算总表', x: 60, y: 60, size: 14 },
        ...row(90, [[60, '部门：测试局'], [480, '单位：万元']]),
        ...row(115, [[130, '收入'], [380, '支出']]),
        ...row(135, [[70, '项目'], [215, '金额'], [300, '项目'], [475, '金额']]),
        ...row(160, [[60, '一、财政拨款收入'], [200, '1,234.50'], [290, '一、一般公共服务支出'], [460, '1,000.00']]),
        ...row(180, [[60, '二、其他收入'], [220, '0.00'], [290, '二、教育支出'], [470, '234.50']]),
        ...row(200, [[290, '三、科学技术支出']]),
        ...row(220, [[60, '本年收入合计'], [200, '1,234.50'], [290, '本年支出合计'], [460, '1,234.50']]),
      ],
    }]);
    const doc = await imported(pdf);
    assert.deepEqual(syntaxErrors(doc.text), []);
    const t = analyze(doc.text).document.tables[0];
    assert.equal(t.number, '公开01表');
    assert.deepEqual(t.parts.map((p) => p.name), ['收入', '支出']);
    const rows = (k: number) => t.parts[k].rows.map((r) => [r.label, ...r.cells.filter((c) => c.column?.role === 'figure').map((c) => c.text)]);
    assert.deepEqual(rows(0), [['一、财政拨款收入', '1,234.50'], ['二、其他收入', '0.00'], ['本年收入合计', '1,234.50']]);
    assert.deepEqual(rows(1), [['一、一般公共服务支出', '1,000.00'], ['二、教育支出', '234.50'], ['三、科学技术支出', ''], ['本年支出合计', '1,234.50']]);
    assert.match(doc.text, /^部门：测试局$/m);
  });

  it('codes split over 类/款/项 joined, a wrapped label joined, a table continued on the next page with its header repeated, page numbers dropped', async () => {
    const header = [
      ...row(100, [[80, '科目编码'], [200, '科目名称'], [345, '合计'], [430, '基本支出']]),
      ...row(120, [[60, '类'], [100, '款'], [130, '项']]),
    ];
    const pdf = await writePdf([
      {
        texts: [
          { text: '公开03表 支出决算表', x: 60, y: 50, size: 14 },
          ...row(78, [[480, '单位：万元']]),
          ...header,
          ...row(145, [[60, '201'], [170, '一般公共服务支出'], [320, '300.00'], [420, '100.00']]),
          ...row(165, [[60, '201'], [100, '03'], [170, '政府办公厅（室）及相关'], [320, '300.00'], [420, '100.00']]),
          ...row(177, [[170, '机构事务']]),
          ...row(197, [[60, '201'], [100, '03'], [130, '01'], [170, '行政运行'], [320, '300.00'], [420, '100.00']]),
          ...row(800, [[290, '- 1 -']]),
        ],
      },
      {
        texts: [
          ...header.map((t) => ({ ...t, y: t.y - 40 })),
          ...row(105, [[60, '205'], [170, '教育支出'], [330, '50.00'], [430, '50.00']]),
          ...row(125, [[60, '205'], [100, '08'], [170, '进修及培训'], [330, '50.00'], [430, '50.00']]),
          ...row(800, [[290, '- 2 -']]),
        ],
      },
    ]);
    const doc = await imported(pdf);
    assert.deepEqual(syntaxErrors(doc.text), []);
    const tables = analyze(doc.text).document.tables;
    assert.equal(tables.length, 1, doc.text);
    const t = tables[0];
    assert.deepEqual(t.parts[0].columns.map((c) => `${c.name}:${c.role}`), ['科目编码:code', '科目名称:label', '合计:figure', '基本支出:figure']);
    assert.deepEqual(t.parts[0].rows.map((r) => [r.code, r.label, ...r.cells.slice(2).map((c) => c.text)]), [
      ['201', '一般公共服务支出', '300.00', '100.00'],
      ['20103', '政府办公厅（室）及相关机构事务', '300.00', '100.00'],
      ['2010301', '行政运行', '300.00', '100.00'],
      ['205', '教育支出', '50.00', '50.00'],
      ['20508', '进修及培训', '50.00', '50.00'],
    ]);
    // Every repair is said where it was made.
    assert.match(doc.text, /\/\/ 导入修复（原文第 1 页）：编码中的空格 “201 03 01” → “2010301”/);
    assert.match(doc.text, /跨行断开的名称已接合 “政府办公厅（室）及相关 \/ 机构事务”/);
    assert.doesNotMatch(doc.text, /- 1 -|- 2 -/);
    // The repeated header is not a row, and is said to be left out.
    assert.match(doc.text, /\/\/ 未导入（不是表格行）：科目编码 科目名称 合计 基本支出（原文第 2 页）/);
  });

  it('a figure between two columns is placed by position and marked: a comment and an information finding at it', async () => {
    const pdf = await writePdf([{
      texts: [
        { text: '公开05表 支出表', x: 60, y: 50, size: 14 },
        ...row(80, [[480, '单位：万元']]),
        ...row(100, [[60, '项目'], [215, '合计'], [345, '基本支出']]),
        ...row(125, [[60, '一般公共服务支出'], [200, '100.00'], [330, '60.00']]),
        ...row(145, [[60, '教育支出'], [200, '40.00'], [330, '40.00']]),
        ...row(165, [[60, '科学技术支出'], [262, '20.00']]),
      ],
    }]);
    const doc = await imported(pdf);
    assert.equal(doc.doubts.length, 1, doc.text);
    const lines = doc.text.split('\n');
    const at = doc.doubts[0].outputLine;
    assert.match(lines[at], /^\/\/ 导入存疑：“20\.00”横跨「合计」与「基本支出」两栏，按位置放在「.*」栏，请核对$/);
    assert.match(lines[at + 1], /^科学技术支出 \| /);
    const a = analyze(doc.text);
    const f = a.findings.filter((x) => x.rule === 'import-doubt');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'information');
    assert.equal(doc.text.slice(f[0].span.start, f[0].span.end), lines[at]);
    assert.equal(doc.summary.doubts, 1);
  });

  it('narrative: paragraphs re-flowed, headings as headings, list items kept, glossary entries one a line', async () => {
    const para = (y: number, text: string, x = 80): TextAt => ({ text, x, y, size: 10 });
    const pdf = await writePdf([{
      texts: [
        { text: '测试局 2024 年部门预算', x: 150, y: 100, size: 22 },
        { text: '第三部分 情况说明', x: 200, y: 200, size: 16 },
        para(240, '一、收支预算总体情况说明'),
        para(260, '测试局2024年收、支总预算1,234.50万元。与上年相比收、支', 410 - displayWidth('测试局2024年收、支总预算1,234.50万元。与上年相比收、支') * 5),
        para(275, '预算总计各增加34.50万元，增长2.88%。', 60),
        para(295, '1.办公室'),
        para(310, '2.财务处'),
        { text: '第四部分 名词解释', x: 200, y: 350, size: 16 },
        // Justified: the wrapped line ends at the right margin, as the narrative's first line does.
        para(390, '一、财政拨款：指一般公共预算财政拨款和政府性基金预', 410 - 25 * 10),
        para(405, '算财政拨款。', 60),
        para(425, '二、基本支出：指为保障机构正常运转的支出。'),
      ],
    }]);
    const doc = await imported(pdf);
    assert.deepEqual(syntaxErrors(doc.text), []);
    const body = doc.text.slice(doc.text.indexOf('## 第三部分'));
    assert.equal(body.trim(), [
      '## 第三部分 情况说明',
      '### 一、收支预算总体情况说明',
      '测试局2024年收、支总预算1,234.50万元。与上年相比收、支预算总计各增加34.50万元，增长2.88%。',
      '1.办公室',
      '2.财务处',
      '',
      '## 第四部分 名词解释',
      '一、财政拨款：指一般公共预算财政拨款和政府性基金预算财政拨款。',
      '二、基本支出：指为保障机构正常运转的支出。',
    ].join('\n'));
    const a = analyze(doc.text).document;
    assert.deepEqual(a.glossary.map((g) => g.term), ['财政拨款', '基本支出']);
    assert.equal(a.header.year, 2024);
    assert.equal(a.header.kind, '预算');
  });

  it('a 目录 that goes on at the top of the next page is read to its end there; one that ended on its page is not joined to the next page\'s table', async () => {
    // 江苏省人大常委会办公厅 2017 年度预算公开 (../shared/corpus/jiangsu, pages 1–2): `十一、…会议费、培训费支` / (page 2)
    // `出预算表`, `十二、政府采购支出预算表`, `第三部分 …`, `第四部分 …`; read on page 1 only, the 目录 lacked two tables
    // (two false `table-contents` warnings). 中共江苏省委办公厅 2018 年度部门预算公开表: the 目录 ends on page 2 with a whole
    // entry, and page 3 starts with the title `收支预算总表`.
    const entry = (y: number, text: string): TextAt => ({ text, x: 80, y, size: 12 });
    const cover = (page: string[]) => ({ texts: [{ text: '测试局 2017 年度部门预算', x: 150, y: 100, size: 22 }, { text: '目录', x: 280, y: 200, size: 16 },
      ...page.map((t, k) => entry(240 + 25 * k, t))] });
    const pdf = await writePdf([
      cover(['第一部分 部门概况', '第二部分 测试局 2017 年度部门预算表', '十、一般公共预算机关运行经费支出预算表', '十一、一般公共预算“三公”经费、会议费、培训费支']),
      { texts: [entry(80, '出预算表'), entry(110, '十二、政府采购支出预算表'), entry(140, '第三部分 测试局 2017 年度部门预算情况说明'),
        { text: '第一部分 部门概况', x: 200, y: 240, size: 16 }, entry(320, '一、主要职能'),
        entry(350, '负责测试工作的组织实施和监督检查，承办上级交办的其他事项。')] },
    ]);
    const doc = await imported(pdf);
    const contents = doc.text.slice(doc.text.indexOf('## 目录'), doc.text.indexOf('## 第一部分'));
    assert.deepEqual(contents.split('\n').filter((l) => l && !l.startsWith('//')), [
      '## 目录', '第一部分 部门概况', '第二部分 测试局 2017 年度部门预算表', '十、一般公共预算机关运行经费支出预算表',
      '十一、一般公共预算“三公”经费、会议费、培训费支出预算表', '十二、政府采购支出预算表', '第三部分 测试局 2017 年度部门预算情况说明',
    ]);
    assert.match(doc.text, /### 一、主要职能\n负责测试工作/);

    // Ended on its page: the next page's table is a table.
    const table = (y: number, cells: [string, number][]): TextAt[] => cells.map(([text, x]) => ({ text, x, y, size: 10 }));
    const pdf2 = await writePdf([
      cover(['第二部分 测试局 2017 年度部门预算表', '一、收支预算总表', '十二、政府采购支出预算表']),
      { texts: [{ text: '收支预算总表', x: 240, y: 80, size: 18 }, { text: '部门：测试局', x: 60, y: 110, size: 10 }, { text: '单位：万元', x: 450, y: 110, size: 10 },
        ...table(140, [['项目名称', 60], ['金额', 450]]), ...table(160, [['一、财政拨款', 60], ['24,458.43', 440]]), ...table(180, [['收入合计', 60], ['24,458.43', 440]])] },
    ]);
    const doc2 = await imported(pdf2);
    assert.match(doc2.text, /## 目录\n第二部分 测试局 2017 年度部门预算表\n一、收支预算总表\n十二、政府采购支出预算表\n/);
    assert.deepEqual(analyze(doc2.text).document.tables.map((t) => t.title), ['目录', '收支预算总表']);
    assert.match(doc2.text, /## 表 收支预算总表\n/);
  });

  it('a table number in Chinese numerals printed apart under the title (`公开表九`) is the table\'s number, not a line of its header', async () => {
    // 江苏省人大常委会办公厅 2019 年部门预算公开表 (../shared/corpus/jiangsu): every table's number, 公开表一 … 公开表十二, on
    // its own line between the title and the 部门/单位 line; read as header, with 部门 and 单位 after it, every table's
    // columns were wrong (`列：公开表九部门：{合计} | 江苏省人大常委会办公厅{…}`) and the 三公 table failed its sums.
    const t = textAt;
    const pdf = await writePdf([{
      texts: [
        t('测试局 2019 年部门预算公开表', 150, 60, 22),
        t('收支预算总表', 240, 120, 18), t('公开表一', 45, 150),
        t('部门：', 45, 175), t('测试局', 138, 175), t('单位：万元', 455, 175),
        t('项目名称', 80, 205), t('金额', 460, 205),
        t('一、财政拨款', 80, 225), t('24,458.43', 450, 225),
        t('收入合计', 80, 245), t('24,458.43', 450, 245),
      ],
    }]);
    const doc = await imported(pdf);
    assert.match(doc.text, /## 表 公开表一 收支预算总表\n部门：\s*测试局\n金额单位：万元\n列：项目名称 \| 金额\n一、财政拨款 \| 24,458\.43\n收入合计 \| 24,458\.43/);
    const a = analyze(doc.text);
    const table = a.document.tables.find((x) => x.kind === 'table')!;
    assert.equal(table.number, '公开表一');
    assert.equal(a.standard.tableOf(table)?.title, '收支总表');
  });

  it('row names printed in two columns under one 项目名称 (收入预算总表: 一般公共预算资金 | 小计, 公共财政拨款(补助)资金 …): one part per first-level name, recognised, its identities hold', async () => {
    // 江苏省人民检察院 2017 年部门预算 (../shared/corpus/jiangsu, page 11 of the PDF), 二、收入预算总表: the first-level
    // names in cells merged over their rows, the second level in the next column, one 项目名称 over both. The header
    // row draws its own border inside the first column (项目名称's cell ends 14 pt left of the first-level names'
    // cells): the names' cells reached past the band the text makes and were not taken for cells of their column,
    // so the second level came out as a figure column with no name (`列：项目名称 |  | 金额`, an import doubt) and the
    // standard identity 「收入总计」行=「收入总表」「收入总计」行 compared its blank cell (a false error).
    for (const borders of [true, false]) {
      const doc = await imported(await writePdf(twoLevelIncome({ borders })));
      const a = analyze(doc.text);
      const table = a.document.tables.find((t) => t.title.includes('收入预算总表'))!;
      assert.deepEqual(table.parts.map((p) => [p.name ?? '', ...p.rows.map((r) => `${r.label} ${r.cells.filter((c) => c.column?.role === 'figure').map((c) => c.text).join(' ')}`.trim())]), [
        ['', '收入总计 17,996.68'],
        ['一般公共预算资金', '小计 17,981.68', '公共财政拨款(补助)资金 17,981.68', '专项收入'],
        ['政府性基金', '小计'],
        ['其他资金', '小计 15.00', '事业收入', '其他收入 15.00'],
        ['财政专户管理资金', '小计', '专户管理教育收费'],
        ['上年结转和结余资金', '小计'],
      ], doc.text);
      assert.match(doc.text, /^列：项目名称 \| 金额\n收入总计 \| 17,996\.68\n### 一般公共预算资金\n列：项目名称 \| 金额\n小计 \| 17,981\.68$/m, doc.text);
      assert.deepEqual(doc.doubts, [], doc.text);
      // Recognised; the set's identities inside the table and with the 收支总表 are applied, and all hold.
      assert.equal(a.standard.tableOf(table)?.title, '收入总表');
      const applied = a.relations.filter((r) => r.target.row.part.table === table).map((r) => r.title.replace(/^标准表「[^」]+」：/, ''));
      for (const identity of ['「收入总计」行=「一般公共预算资金」「小计」行+「政府性基金」「小计」行+「财政专户管理资金」「小计」行+「其他资金」「小计」行+「上年结转和结余资金」「小计」行',
        '「一般公共预算资金」「小计」行=（「公共财政拨款(补助)资金」+…）行', '「其他资金」「小计」行=（「事业收入」+…）行', '「其他资金」「小计」行=「收支总表」「其他资金」行']) {
        assert.ok(applied.includes(identity), `${identity} not applied: ${applied.join('\n')}`);
      }
      assert.ok(a.relations.some((r) => r.title.endsWith('「收入总计」行=「收入总表」「收入总计」行') && r.terms.some((t) => t.cell.row.part.table === table)));
      // (the generated document has two tables only: the set's completeness finding aside, nothing but information)
      assert.deepEqual(a.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
      assert.deepEqual(a.findings.filter((f) => f.severity === 'warning' && !f.message.startsWith('缺少标准表')).map((f) => f.message), []);
    }
  });

  it('without borders, first-level names of groups of one or two rows (five names beside eight second-level ones) are still a second level of row names: the column beside them has no name in the header and no figure', async () => {
    // A name beside as many as 0.6 of the next column's is read as a second level only because the header does not
    // name that column and it holds names only (a named text column beside is a column of its own, as before).
    const left = { align: 'left' as const };
    const group = (name: string, r0: number, items: [string, string?][]): CellAt[] => [
      { at: [0, 0, r0, r0 + items.length - 1], text: name },
      ...items.flatMap(([label, figure], i): CellAt[] => [{ at: [1, 1, r0 + i, r0 + i], text: label, ...left }, { at: [2, 2, r0 + i, r0 + i], ...(figure ? { text: figure } : {}) }]),
    ];
    const head = ruled([90, 204, 388, 506], [117, 139], [{ at: [0, 0, 0, 0], text: '项目名称' }, { at: [2, 2, 0, 0], text: '金额' }], { borders: false });
    const body = ruled([90, 218, 388, 506], [139, 160, 181, 202, 223, 244, 265, 286, 307, 328], [
      { at: [0, 1, 0, 0], text: '收入总计' }, { at: [2, 2, 0, 0], text: '115.00' },
      ...group('一般公共预算资金', 1, [['小计', '100.00'], ['公共财政拨款(补助)资金', '100.00']]),
      ...group('政府性基金', 3, [['小计']]),
      ...group('财政专户管理资金', 4, [['小计']]),
      ...group('其他资金', 5, [['小计', '15.00'], ['其他收入', '15.00']]),
      ...group('上年结转和结余资金', 7, [['小计']]),
    ], { borders: false });
    const doc = await imported(await writePdf([{ texts: [{ text: '二、收入预算总表', x: 90, y: 77, size: 14 }, ...row(102, [[459, '单位：万元']]), ...head.texts, ...body.texts] }]));
    const table = analyze(doc.text).document.tables[0];
    assert.deepEqual(table.parts.map((p) => [p.name ?? '', ...p.rows.map((r) => `${r.label} ${r.cells.filter((c) => c.column?.role === 'figure').map((c) => c.text).join(' ')}`.trim())]), [
      ['', '收入总计 115.00'],
      ['一般公共预算资金', '小计 100.00', '公共财政拨款(补助)资金 100.00'],
      ['政府性基金', '小计'],
      ['财政专户管理资金', '小计'],
      ['其他资金', '小计 15.00', '其他收入 15.00'],
      ['上年结转和结余资金', '小计'],
    ], doc.text);
    assert.deepEqual(doc.doubts, [], doc.text);
  });

  it('a column the header does not name with a figure in one of its rows stays a figure column, with its doubt at the `列：` line (not a second level of row names)', async () => {
    // The same 收入预算总表 with `3.00` printed in the unnamed column of the 专项收入 row: the column holds a figure, so
    // it may be a column of figures (a table laid across); the import cannot tell and says so.
    for (const borders of [true, false]) {
      const doc = await imported(await writePdf(twoLevelIncome({ borders, figureInSecond: true })));
      const lines = doc.text.split('\n');
      const from = lines.findIndex((l) => l.startsWith('## 表 二、收入预算总表'));
      const at = lines.findIndex((l, k) => k > from && l.startsWith('列：'));
      assert.ok(at > 0, doc.text);
      assert.match(lines[at], /^列：项目名称 \|\s*\| 金额$/, doc.text);
      assert.equal(lines[at - 1], '// 导入存疑：表头中有 1 栏没有栏名（原文可能是分两级的行名，或横排的表），请对照原文核对各栏');
      assert.ok(doc.doubts.some((d) => d.outputLine === at - 1), doc.text);
      assert.ok(!/^### /m.test(doc.text.slice(doc.text.indexOf('收入预算总表'))), doc.text);
      assert.ok(numbersIn(doc.text).includes('3.00'), doc.text);
      // The editor and the CLI show it (rule import-doubt).
      assert.ok(analyze(doc.text).findings.some((f) => f.rule === 'import-doubt' && f.severity === 'information'));
    }
  });

  it('a sentence of the narrative that names a table (`本表（公开 02 表）反映…`) is prose, not the table\'s title', async () => {
    // 江苏省政协办公厅 2018 年度部门预算 (../shared/corpus/jiangsu, pages 9–15 of the PDF): each 情况说明 opens with such a
    // sentence; read as a title, the paragraph under it became a table (`## 表 公开02表 导入的表`) and its 其中 list lost
    // its total.
    const para = (y: number, text: string, x = 60) => textAt(text, x, y);
    const pdf = await writePdf([{
      texts: [
        { text: '测试局 2024 年部门预算', x: 150, y: 100, size: 22 },
        { text: '第三部分 情况说明', x: 200, y: 200, size: 16 },
        para(240, '二、收入预算情况说明', 80),
        // Justified: the sentence's first line ends at the right margin.
        para(260, '本表（公开 02 表）反映部门年度总体收入预算情况。填列', 410 - displayWidth('本表（公开 02 表）反映部门年度总体收入预算情况。填列') * 5),
        para(275, '数应与《收支预算总表》收入数一致。'),
        // The amount apart from the words (a chunk of its own), as the PDF sets it.
        para(295, '测试局本年收入预算合计', 80), para(295, '10,150.48', 200), para(295, '万元，其中：', 260),
        para(310, '一般公共预算收入 10,070.48 万元，占 99.21%；', 80),
        para(325, '其他资金 80 万元，占 0.79%。', 80),
      ],
    }]);
    const doc = await imported(pdf);
    const body = doc.text.slice(doc.text.indexOf('## 第三部分'));
    assert.equal(body.trim(), [
      '## 第三部分 情况说明',
      '### 二、收入预算情况说明',
      '本表（公开 02 表）反映部门年度总体收入预算情况。填列数应与《收支预算总表》收入数一致。',
      '测试局本年收入预算合计 10,150.48 万元，其中：',
      '一般公共预算收入 10,070.48 万元，占 99.21%；',
      '其他资金 80 万元，占 0.79%。',
    ].join('\n'));
    assert.deepEqual(analyze(doc.text).document.tables.map((t) => t.title), []);
  });

  it('a line that ends short because the number after it did not fit goes on in the next line; a short line before a list item or after a heading does not', async () => {
    // 江苏省人民检察院 2017 年部门预算 (../shared/corpus/jiangsu, page 23 of the PDF): `…拟购买工程 0 万元；拟购买服务` ends
    // 2.2 em short of the margin, and `2555.8 万元。` (3 em for the number) begins the next line: one sentence, whose 其中
    // items the narrative checks add up (split in two, the total missed an item: a false finding).
    const para = (y: number, text: string, x = 60) => textAt(text, x, y);
    const right = 410;
    // How far short of the margin a line set from the left margin ends (a 汉字 10 pt, a digit 5 pt).
    const short = (text: string) => right - (60 + displayWidth(text) * 5);
    const line1 = '测试局2024年政府采购预算总金额为2889.8万元。其中';
    const line2 = '拟购买货物334万元；拟购买工程0万元；拟购买各类信息系统运行维护服务';
    // A list item's line ending as short as that: the next item's `10、` (20 pt) would have fit.
    const item = '9、民事审判第一庭负责审理各类民事案件的一审二审及再审工作和执行2项';
    assert.equal(short(line2), 20, 'the sentence\'s line ends 20 pt short of the margin: `2555.8` (30 pt) did not fit');
    assert.equal(short(item), 20, 'the list item\'s line ends as short');
    const pdf = await writePdf([{
      texts: [
        { text: '测试局 2024 年部门预算', x: 150, y: 100, size: 22 },
        { text: '第三部分 情况说明', x: 200, y: 200, size: 16 },
        para(240, '十二、政府采购预算情况说明', 80),
        para(260, line1, right - displayWidth(line1) * 5),
        para(275, line2),
        para(290, '2555.8万元。'),
        para(310, '所属单位包括：办公室、财务处、人事处、后勤服务中心、信息中心。', 80),
        para(325, item),
        para(340, '10、民事审判第二庭'),
      ],
    }]);
    const doc = await imported(pdf);
    const body = doc.text.slice(doc.text.indexOf('## 第三部分'));
    assert.equal(body.trim(), [
      '## 第三部分 情况说明',
      '### 十二、政府采购预算情况说明',
      `${line1}${line2} 2555.8万元。`,
      '所属单位包括：办公室、财务处、人事处、后勤服务中心、信息中心。',
      item,
      '10、民事审判第二庭',
    ].join('\n'));
    // Read as one sentence, the 其中 items add up to the total: no narrative finding.
    assert.deepEqual(analyze(doc.text).findings.filter((f) => f.rule === 'narrative').map((f) => f.message), []);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Tables drawn with their borders (as spreadsheet exports draw them), and the same without

interface CellAt {
  /** First and last column, first and last row of the cell (a merged cell spans several). */
  at: [number, number, number, number];
  /** Its lines of text, top to bottom: a figure flush right, text centred. */
  text?: string | string[];
  size?: number;
  align?: 'left' | 'center' | 'right';
}

/**
 * A table as a spreadsheet export prints it: each cell's borders (stroked lines, or thin filled rectangles with
 * `fill`; none with `borders: false`) and its text centred in it top to bottom. `xs` are the column borders, `ys` the
 * row borders, from the page's top-left corner.
 */
function ruled(xs: number[], ys: number[], cells: CellAt[], o: { fill?: boolean; borders?: boolean } = {}): { texts: TextAt[]; lines: RuleAt[] } {
  const texts: TextAt[] = [];
  const lines: RuleAt[] = [];
  const fill = o.fill ?? false;
  for (const cell of cells) {
    const [c0, c1, r0, r1] = cell.at;
    const [x0, x1, y0, y1] = [xs[c0], xs[c1 + 1], ys[r0], ys[r1 + 1]];
    if (o.borders !== false) lines.push({ x0, y0, x1, y1: y0, fill }, { x0, y0: y1, x1, y1, fill }, { x0, y0, x1: x0, y1, fill }, { x0: x1, y0, x1, y1, fill });
    const parts = cell.text === undefined ? [] : Array.isArray(cell.text) ? cell.text : [cell.text];
    const size = cell.size ?? 8;
    const top = (y0 + y1 - parts.length * size * 1.25) / 2;
    parts.forEach((t, k) => {
      const w = (displayWidth(t) / 2) * size;
      const align = cell.align ?? (/^[\d,.]+$/.test(t) ? 'right' : 'center');
      const x = align === 'left' ? x0 + 2 : align === 'right' ? x1 - 2 - w : (x0 + x1 - w) / 2;
      texts.push({ text: t, x, y: top + k * size * 1.25, size });
    });
  }
  return { texts, lines };
}

/** The figure cells of each row of a part, by the columns' names. */
function figuresOf(t: Table, part = 0): string[][] {
  return t.parts[part].rows.map((r) => r.cells.filter((c) => c.column?.role === 'figure').map((c) => c.text));
}

/**
 * 江苏省人民检察院 2017 年部门预算's 一、收支预算总表 (no borders) and 二、收入预算总表 (page 11 of the PDF, shrunk to its
 * rows here) as the PDF draws it: the header's border after 项目名称 (204) stands left of the first-level names' cells'
 * (218); 收入总计 in a cell over both name columns; each first-level name centred in a cell merged over its rows; the
 * second level flush left. `figureInSecond`: the 专项收入 row prints `3.00` in the second column instead (flush left, where
 * the names stand).
 */
function twoLevelIncome(o: { borders: boolean; figureInSecond?: boolean }): PageSpec[] {
  const head = ruled([90, 204, 388, 506], [117, 139], [{ at: [0, 0, 0, 0], text: '项目名称' }, { at: [1, 1, 0, 0] }, { at: [2, 2, 0, 0], text: '金额' }], o);
  const left = { align: 'left' as const };
  const body = ruled([90, 218, 388, 506], [139, 160, 181, 202, 223, 244, 265, 286, 307, 328, 349, 370], [
    { at: [0, 1, 0, 0], text: '收入总计' }, { at: [2, 2, 0, 0], text: '17,996.68' },
    { at: [0, 0, 1, 3], text: '一般公共预算资金' },
    { at: [1, 1, 1, 1], text: '小计', ...left }, { at: [2, 2, 1, 1], text: '17,981.68' },
    { at: [1, 1, 2, 2], text: '公共财政拨款(补助)资金', ...left }, { at: [2, 2, 2, 2], text: '17,981.68' },
    { at: [1, 1, 3, 3], ...(o.figureInSecond ? { text: '3.00', ...left } : { text: '专项收入', ...left }) }, { at: [2, 2, 3, 3] },
    { at: [0, 0, 4, 4], text: '政府性基金' }, { at: [1, 1, 4, 4], text: '小计', ...left }, { at: [2, 2, 4, 4] },
    { at: [0, 0, 5, 7], text: '其他资金' },
    { at: [1, 1, 5, 5], text: '小计', ...left }, { at: [2, 2, 5, 5], text: '15.00' },
    { at: [1, 1, 6, 6], text: '事业收入', ...left }, { at: [2, 2, 6, 6] },
    { at: [1, 1, 7, 7], text: '其他收入', ...left }, { at: [2, 2, 7, 7], text: '15.00' },
    { at: [0, 0, 8, 9], text: '财政专户管理资金' },
    { at: [1, 1, 8, 8], text: '小计', ...left }, { at: [2, 2, 8, 8] },
    { at: [1, 1, 9, 9], text: '专户管理教育收费', ...left }, { at: [2, 2, 9, 9] },
    { at: [0, 0, 10, 10], text: '上年结转和结余资金' }, { at: [1, 1, 10, 10], text: '小计', ...left }, { at: [2, 2, 10, 10] },
  ], o);
  return [
    { texts: [
      { text: '测试局 2017 年部门预算', x: 150, y: 60, size: 22 },
      { text: '一、收支预算总表', x: 90, y: 120, size: 14 },
      ...row(150, [[90, '部门：测试局'], [450, '单位：万元']]),
      ...row(175, [[150, '收入'], [380, '支出']]),
      ...row(195, [[90, '项目名称'], [230, '金额'], [300, '项目名称'], [470, '金额']]),
      ...row(215, [[90, '一、一般公共预算'], [220, '17,981.68'], [300, '一、基本支出'], [460, '12,000.00']]),
      ...row(235, [[90, '二、政府性基金预算'], [300, '二、项目支出'], [465, '5,996.68']]),
      ...row(255, [[90, '三、其他资金'], [240, '15.00']]),
      ...row(275, [[90, '收入合计'], [220, '17,996.68'], [300, '支出合计'], [460, '17,996.68']]),
    ] },
    { texts: [{ text: '二、收入预算总表', x: 90, y: 77, size: 14 }, ...row(102, [[95, '部门：测试局'], [459, '单位：万元']]), ...head.texts, ...body.texts], lines: [...head.lines, ...body.lines] },
  ];
}

/** The 三公 table of a 部门预算: five levels of names over nine columns, the 公务用车购置费 column empty in the row. */
function sanGong(o: { fill?: boolean; borders?: boolean } = {}): TextAt[] & { lines?: RuleAt[] } {
  const xs = [40, 100, 160, 220, 280, 340, 400, 460, 520, 580];
  const ys = [100, 120, 140, 175, 195];
  const figures = ['2,382.02', '513.75', '160.00', '266.80', '', '266.80', '86.95', '271.02', '1,597.25'];
  const t = ruled(xs, ys, [
    { at: [0, 0, 0, 2], text: '合计' },
    { at: [1, 6, 0, 0], text: '“三公”经费' },
    { at: [1, 1, 1, 2], text: '小计' },
    { at: [2, 2, 1, 2], text: ['因公出国', '（境）费'] },
    { at: [3, 5, 1, 1], text: '公务用车购置及运行维护费' },
    { at: [3, 3, 2, 2], text: '小计' },
    { at: [4, 4, 2, 2], text: ['公务用车', '购置费'] },
    { at: [5, 5, 2, 2], text: ['公务用车', '运行维护费'] },
    { at: [6, 6, 1, 2], text: ['公务接待', '费'] },
    { at: [7, 7, 0, 2], text: '会议费' },
    { at: [8, 8, 0, 2], text: '培训费' },
    ...figures.map((f, k): CellAt => ({ at: [k, k, 3, 3], ...(f ? { text: f } : {}), size: 6 })),
  ], o);
  return Object.assign([{ text: '公开09表 “三公”经费、会议费、培训费支出预算表', x: 60, y: 60, size: 12 }, ...row(85, [[500, '单位：万元']]), ...t.texts], { lines: t.lines });
}

describe('import of whole documents: tables drawn with their borders, and the same without', function () {
  this.timeout(30000);

  for (const [how, o] of [['stroked borders', {}], ['borders drawn as thin filled rectangles', { fill: true }]] as const) {
    it(`${how}: a column no row fills keeps its place between its neighbours, and the names span the columns of their cells`, async () => {
      const texts = sanGong(o);
      const doc = await imported(await writePdf([{ texts, lines: texts.lines }]));
      const t = analyze(doc.text).document.tables[0];
      assert.match(doc.text, /^列：合计 \| “三公”经费\{小计 \| 因公出国（境）费 \| 公务用车购置及运行维护费\{小计 \| 公务用车购置费 \| 公务用车运行维护费\} \| 公务接待费\} \| 会议费 \| 培训费$/m, doc.text);
      assert.deepEqual(figuresOf(t), [['2,382.02', '513.75', '160.00', '266.80', '', '266.80', '86.95', '271.02', '1,597.25']]);
      assert.equal(doc.doubts.length, 0, doc.text);
    });
  }

  it('without borders: the empty column is found from its name, standing over no figure beside a column named on its own', async () => {
    const doc = await imported(await writePdf([{ texts: sanGong({ borders: false }) }]));
    const t = analyze(doc.text).document.tables[0];
    assert.deepEqual(t.parts[0].columns.map((c) => c.name), ['合计', '小计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行维护费', '公务接待费', '会议费', '培训费']);
    assert.deepEqual(figuresOf(t), [['2,382.02', '513.75', '160.00', '266.80', '', '266.80', '86.95', '271.02', '1,597.25']]);
  });

  it('a 收支总表 whose 支出 totals stand in cells merged over both 支出 blocks: each total goes with the block whose figures follow its cell', async () => {
    const xs = [40, 140, 200, 300, 360, 460, 520];
    const ys = [100, 115, 130, 145, 160, 175, 190, 205, 220];
    const cells: CellAt[] = [
      { at: [0, 1, 0, 0], text: '收入' }, { at: [2, 5, 0, 0], text: '支出' },
      { at: [0, 0, 1, 2], text: '项目名称' }, { at: [1, 1, 1, 2], text: '金额' },
      { at: [2, 3, 1, 1], text: '功能分类' }, { at: [4, 5, 1, 1], text: '支出用途' },
      { at: [2, 2, 2, 2], text: '功能科目名称' }, { at: [3, 3, 2, 2], text: '金额' }, { at: [4, 4, 2, 2], text: '项目名称' }, { at: [5, 5, 2, 2], text: '金额' },
      { at: [0, 0, 3, 3], text: '一、财政拨款', align: 'left' }, { at: [1, 1, 3, 3], text: '100.00' },
      { at: [2, 2, 3, 3], text: '一、一般公共服务支出', align: 'left' }, { at: [3, 3, 3, 3], text: '80.00' },
      { at: [4, 4, 3, 3], text: '一、基本支出', align: 'left' }, { at: [5, 5, 3, 3], text: '60.00' },
      { at: [0, 0, 4, 4], text: '二、其他资金', align: 'left' }, { at: [1, 1, 4, 4] },
      { at: [2, 2, 4, 4], text: '二、教育支出', align: 'left' }, { at: [3, 3, 4, 4], text: '20.00' },
      { at: [4, 4, 4, 4], text: '二、项目支出', align: 'left' }, { at: [5, 5, 4, 4], text: '40.00' },
      { at: [0, 0, 5, 5], text: '当年收入小计' }, { at: [1, 1, 5, 5], text: '100.00' }, { at: [2, 4, 5, 5], text: '当年支出小计' }, { at: [5, 5, 5, 5], text: '100.00' },
      { at: [0, 0, 6, 6], text: '上年结转资金' }, { at: [1, 1, 6, 6] }, { at: [2, 4, 6, 6], text: '结转下年资金' }, { at: [5, 5, 6, 6] },
      { at: [0, 0, 7, 7], text: '收入合计' }, { at: [1, 1, 7, 7], text: '100.00' }, { at: [2, 4, 7, 7], text: '支出合计' }, { at: [5, 5, 7, 7], text: '100.00' },
    ];
    const t = ruled(xs, ys, cells);
    const doc = await imported(await writePdf([{ texts: [{ text: '公开01表 收支预算总表', x: 200, y: 60, size: 12 }, ...row(85, [[460, '单位：万元']]), ...t.texts], lines: t.lines }]));
    const table = analyze(doc.text).document.tables[0];
    assert.deepEqual(table.parts.map((p) => p.name), ['收入', '支出 功能分类', '支出 支出用途']);
    const rows = (k: number) => table.parts[k].rows.map((r) => [r.label, ...figuresOf(table, k)[r.index]].join(' | '));
    assert.deepEqual(rows(0), ['一、财政拨款 | 100.00', '二、其他资金 | ', '当年收入小计 | 100.00', '上年结转资金 | ', '收入合计 | 100.00']);
    assert.deepEqual(rows(1), ['一、一般公共服务支出 | 80.00', '二、教育支出 | 20.00']);
    assert.deepEqual(rows(2), ['一、基本支出 | 60.00', '二、项目支出 | 40.00', '当年支出小计 | 100.00', '结转下年资金 | ', '支出合计 | 100.00']);
    assert.equal(doc.doubts.length, 0, doc.text);
  });

  it('a purchase table: one run of text across a cell border is two cells; a name wrapped in a cell merged over two rows goes with the first', async () => {
    const xs = [40, 120, 220, 300, 380, 440];
    const ys = [100, 115, 130, 145, 160, 175];
    const t = ruled(xs, ys, [
      { at: [0, 0, 0, 0], text: '采购品目大类' }, { at: [1, 1, 0, 0], text: '专项名称' }, { at: [2, 2, 0, 0], text: '采购物品名称' }, { at: [3, 3, 0, 0], text: '采购组织形式' }, { at: [4, 4, 0, 0], text: '总计' },
      { at: [0, 0, 1, 1], text: '一、货物', align: 'left' }, { at: [1, 3, 1, 1] }, { at: [4, 4, 1, 1], text: '12.00' },
      { at: [0, 0, 2, 2] }, { at: [1, 1, 2, 2], text: '办公费' }, { at: [2, 2, 2, 2] }, { at: [3, 3, 2, 2] }, { at: [4, 4, 2, 2], text: '12.00' },
      { at: [0, 1, 3, 4], text: '二、服务', align: 'left' }, { at: [2, 2, 3, 4], text: ['物业管理服', '务'] },
      { at: [3, 3, 3, 3], text: '部门集中采购' }, { at: [4, 4, 3, 3], text: '330.00' },
      { at: [3, 3, 4, 4], text: '分散自行组织' }, { at: [4, 4, 4, 4], text: '20.00' },
    ]);
    // The PDF writes one run of text over the 采购物品名称 and 采购组织形式 cells of the second row, its blanks at the
    // border between them.
    const run: TextAt = { text: '台式计算机（20万以下）   分散自行组织', x: 300 - 3 * (displayWidth('台式计算机（20万以下）') + 1.5), y: 134, size: 6 };
    const doc = await imported(await writePdf([{ texts: [{ text: '政府采购预算表', x: 200, y: 60, size: 12 }, ...row(85, [[400, '单位：万元']]), ...t.texts, run], lines: t.lines }]));
    const table = analyze(doc.text).document.tables[0];
    assert.deepEqual(table.parts[0].rows.map((r) => [r.label, ...r.cells.slice(1).map((c) => c.text)].join(' | ')), [
      '一、货物 |  |  |  | 12.00',
      ' | 办公费 | 台式计算机（20万以下） | 分散自行组织 | 12.00',
      '二、服务 |  | 物业管理服务 | 部门集中采购 | 330.00',
      ' |  |  | 分散自行组织 | 20.00',
    ]);
  });

  it('groups of rows under a merged first cell go on over a page break; a label cut by the page break is joined, and the output says where page 2 begins in it', async () => {
    const xs = [40, 100, 164, 240];
    const head = (y0: number) => ruled(xs, [y0, y0 + 15], [{ at: [0, 1, 0, 0], text: '项目名称' }, { at: [2, 2, 0, 0], text: '金额' }]);
    const ys1 = [115, 130, 145, 160, 175, 190];
    const page1 = ruled(xs, ys1, [
      { at: [0, 1, 0, 0], text: '收入总计' }, { at: [2, 2, 0, 0], text: '100.00' },
      { at: [0, 0, 1, 2], text: ['一般公共预', '算资金'] }, { at: [1, 1, 1, 1], text: '小计' }, { at: [2, 2, 1, 1], text: '80.00' },
      { at: [1, 1, 2, 2], text: '公共财政拨款' }, { at: [2, 2, 2, 2], text: '80.00' },
      { at: [0, 0, 3, 4], text: '其他资金' }, { at: [1, 1, 3, 3], text: '小计' }, { at: [2, 2, 3, 3], text: '20.00' },
      { at: [1, 1, 4, 4], text: '八、社会保障和', align: 'left' }, { at: [2, 2, 4, 4], text: '20.00' },
    ]);
    const page2 = ruled(xs, [60, 75, 90], [
      { at: [0, 0, 0, 1] }, { at: [1, 1, 0, 0], text: '就业支出', align: 'left' }, { at: [2, 2, 0, 0] },
      { at: [1, 1, 1, 1], text: '事业收入' }, { at: [2, 2, 1, 1], text: '0.00' },
    ]);
    const h = head(100);
    const doc = await imported(await writePdf([
      { texts: [{ text: '收入预算总表', x: 100, y: 60, size: 12 }, ...row(85, [[190, '单位：万元']]), ...h.texts, ...page1.texts], lines: [...h.lines, ...page1.lines] },
      { texts: page2.texts, lines: page2.lines },
    ]));
    const table = analyze(doc.text).document.tables[0];
    assert.deepEqual(table.parts.map((p) => [p.name ?? '', ...p.rows.map((r) => `${r.label} ${r.cells[1]?.text ?? ''}`.trim())]), [
      ['', '收入总计 100.00'],
      ['一般公共预算资金', '小计 80.00', '公共财政拨款 80.00'],
      ['其他资金', '小计 20.00', '八、社会保障和就业支出 20.00', '事业收入 0.00'],
    ]);
    assert.match(doc.text, /^八、社会保障和就业支出 \| 20\.00\n\/\/ 第 2 页（上一行自“就业支出”起）$/m);
  });

  it('text in a bordered code column is that row\'s code; text under the last border is text under the table; a template\'s 合计 alone above its coded rows is a row', async () => {
    const xs = [40, 120, 260, 340];
    const a = ruled(xs, [100, 115, 130, 145, 160], [
      { at: [0, 0, 0, 0], text: '科目编码' }, { at: [1, 1, 0, 0], text: '科目名称' }, { at: [2, 2, 0, 0], text: '金额' },
      { at: [0, 1, 1, 1], text: '合计' }, { at: [2, 2, 1, 1] },
      { at: [0, 0, 2, 2], text: '205', align: 'left' }, { at: [1, 1, 2, 2], text: '教育支出', align: 'left' }, { at: [2, 2, 2, 2] },
      { at: [0, 0, 3, 3], text: '20502', align: 'left' }, { at: [1, 1, 3, 3], text: '普通教育', align: 'left' }, { at: [2, 2, 3, 3] },
    ]);
    const b = ruled(xs, [260, 275, 290, 305], [
      { at: [0, 0, 0, 0], text: '功能科目代码' }, { at: [1, 1, 0, 0], text: '功能科目名称' }, { at: [2, 2, 0, 0], text: '金额' },
      { at: [0, 1, 1, 1], text: '合计' }, { at: [2, 2, 1, 1] },
      { at: [0, 0, 2, 2], text: '此表为空' }, { at: [1, 1, 2, 2] }, { at: [2, 2, 2, 2] },
    ]);
    const doc = await imported(await writePdf([{
      texts: [
        { text: '支出决算表', x: 150, y: 60, size: 12 }, ...row(85, [[300, '单位：万元']]), ...a.texts,
        { text: '政府性基金支出预算表', x: 150, y: 220, size: 12 }, ...row(245, [[300, '单位：万元']]), ...b.texts,
        ...row(315, [[40, '说明：本部门无相关收支项目。']]),
      ],
      lines: [...a.lines, ...b.lines],
    }]));
    const [ta, tb] = analyze(doc.text).document.tables;
    assert.deepEqual(ta.parts[0].rows.map((r) => `${r.code ?? ''}|${r.label}`), ['|合计', '205|教育支出', '20502|普通教育']);
    assert.deepEqual(tb.parts[0].rows.map((r) => `${r.code ?? ''}|${r.label}`), ['|合计', '此表为空|']);
    assert.match(doc.text, /^说明：本部门无相关收支项目。$/m);
  });

  it('a paragraph going on on the next page: the output says where page 2 begins in it', async () => {
    const doc = await imported(await writePdf([
      { texts: [{ text: '第一部分 部门概况', x: 200, y: 100, size: 16 }, { text: '测试局2024年收、支总预算1,234.50万元。与上年相比收、支', x: 80, y: 780, size: 10 }] },
      { texts: [{ text: '预算总计各增加34.50万元，增长2.88%。', x: 60, y: 60, size: 10 }] },
    ]));
    assert.match(doc.text, /^\/\/ 第 1 页\n## 第一部分 部门概况\n测试局2024年收、支总预算1,234\.50万元。与上年相比收、支预算总计各增加34\.50万元，增长2\.88%。\n\/\/ 第 2 页（上一行自“预算总计”起）$/m, doc.text);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Bad input

describe('import of whole documents: bad input gets a clear message, never a file of garbage', function () {
  this.timeout(30000);

  it('not a PDF: binary bytes, a text file named .pdf', async () => {
    const bin = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    for (const [data, name] of [[bin, 'x.bin'], [new TextEncoder().encode('<html>not a pdf</html>'), 'x.pdf']] as const) {
      const r = await importDocument(data, { name });
      assert.ok(!r.ok && r.failure === 'not-pdf' && /不是 PDF 文件/.test(r.message), JSON.stringify(r));
    }
  });

  it('a broken PDF', async () => {
    const r = await importDocument(new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage'), { name: 'x.pdf' });
    assert.ok(!r.ok && r.failure === 'broken' && /PDF 文件已损坏/.test(r.message), JSON.stringify(r));
  });

  it('an image-only PDF (a scan) is refused; scanned pages among text pages are listed and skipped', async () => {
    const scan = await writePdf([{ image: true }, { image: true }]);
    const r = await importDocument(scan, { name: 'scan.pdf' });
    assert.ok(!r.ok && r.failure === 'no-text' && /2 页都没有文字层/.test(r.message), JSON.stringify(r));
    assert.deepEqual(!r.ok && r.skippedPages, [1, 2]);
    const mixed = await writePdf([{ texts: [{ text: '测试局 2024 年部门预算', x: 100, y: 100, size: 20 }] }, { image: true }]);
    const m = await imported(mixed);
    assert.deepEqual(m.skippedPages, [2]);
    assert.equal(m.summary.skipped, 1);
    assert.match(m.text, /^\/\/ 原文第 2 页只有图像（扫描页），未能导入$/m);
  });

  it('budget-check import: a PDF written to -o with its summary; a non-PDF and a scan exit 1 and write nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdfimport-'));
    const ok = cli(['import', join(PDFS, `${documents[0]}.pdf`), '-o', 'out.budget'], dir);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.err, /导入自 .*：\d+ 张表、\d+ 行、\d+ 个数字/);
    assert.deepEqual(syntaxErrors(readFileSync(join(dir, 'out.budget'), 'utf8')), []);
    writeFileSync(join(dir, 'fake.pdf'), 'not a pdf');
    writeFileSync(join(dir, 'scan.pdf'), await writePdf([{ image: true }]));
    for (const bad of ['fake.pdf', 'scan.pdf']) {
      const r = cli(['import', bad, '-o', `${bad}.budget`], dir);
      assert.equal(r.code, 1, r.err);
      assert.match(r.err, /不是 PDF 文件|没有文字层/);
      assert.equal(r.out, '');
      assert.ok(!existsSync(join(dir, `${bad}.budget`)));
    }
  });

  it('pages without text and without images (blank pages) are not listed as scans', () => {
    const r = importPages([{ number: 1, width: 595, height: 842, items: [{ text: '测试局 2024 年部门预算', x: 100, y: 100, width: 200, height: 20 }], images: 0 }, { number: 2, width: 595, height: 842, items: [], images: 0 }]);
    assert.ok(r.ok);
    assert.deepEqual(r.skippedPages, []);
  });
});
