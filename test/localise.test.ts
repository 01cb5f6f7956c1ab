/**
 * Which figure is wrong (Fellegi–Holt error localisation, server/src/checks/localise.ts): one wrong figure gets one
 * culprit, named in every finding it causes, with the fix offered only there; explanations that tie are all named.
 */
import { strict as assert } from 'node:assert';
import { CodeActionRequest } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { searches } from '../server/src/checks/localise';
import type { Finding } from '../server/src/checks/finding';
import { NARRATIVE_DOC, vary } from './fixtures/narrative/document';
import { GOOD, ONE_WRONG_TOTAL, XINZHOU_HEAD } from './support/docs';
import { TestClient } from './support/lsp';

const errors = (text: string) => analyze(text).findings.filter((f) => f.severity === 'error');
const said = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);
const fixesOf = (text: string, fs: Finding[]) => fs.flatMap((f) => (f.fixes ?? []).map((x) => `${said(text, x)}→${x.text}`));

/** Two tables that print one quantity twice (公开04表 33行3栏 = 公开05表 201), the second with its 类/款/项 rows. */
const TWO_TABLES = `# 某局 2023 年度部门决算
部门：某局
年度：2023
类型：决算
金额单位：万元

## 表 公开04表 财政拨款收入支出决算总表
列：项目 | 行次 | 决算数{合计[1] | 一般公共预算财政拨款[2]}
一、一般公共服务支出 | 33 | 261.74 | 261.74
规则：33行1栏=33行2栏

## 表 公开05表 一般公共预算财政拨款支出决算表
列：科目编码 | 科目名称 | 本年支出{小计[1] | 基本支出[2] | 项目支出[3]}
 | 合计 | 261.74 | 250.03 | 11.71
201 | 一般公共服务支出 | 261.74 | 250.03 | 11.71
20103 | 政府办公厅（室）及相关机构事务 | 261.74 | 250.03 | 11.71
2010350 | 事业运行 | 261.74 | 250.03 | 11.71
规则：1栏各行=(2+3)栏各行
规则：「合计」行1栏=公开04表33行2栏
`;

describe('error localisation', () => {
  it('a wrong 合计 is its own culprit: both of its findings fix it there, to a value every relation accepts', () => {
    const errs = errors(ONE_WRONG_TOTAL);
    assert.ok(errs.length >= 2);
    for (const e of errs) {
      assert.equal(said(ONE_WRONG_TOTAL, e), '317.24');
      assert.equal(e.expected, undefined);
      assert.deepEqual(e.fixes?.map((x) => [said(ONE_WRONG_TOTAL, x), x.text, x.title]), [['317.24', '307.24', undefined]]);
      assert.doesNotMatch(e.message, /可能有误/, 'no need to name the figure the finding stands on');
    }
  });

  it('a typo in one table names it in the finding on the correct figure of another table, and fixes only there', () => {
    const text = TWO_TABLES.replace('201 | 一般公共服务支出 | 261.74', '201 | 一般公共服务支出 | 216.74');
    const errs = errors(text);
    const typo = text.indexOf('216.74');
    // The finding at the 合计 of 公开05表 (a correct figure: its rule with 公开04表, and Σ类 = 合计, name the typo).
    const elsewhere = errs.filter((e) => e.span.start !== typo);
    assert.ok(elsewhere.length >= 1, errs.map((e) => e.message).join('\n'));
    for (const e of elsewhere) {
      assert.match(e.message, /可能有误的是 (公开05表)?「一般公共服务支出」行「小计」栏/, e.message);
      assert.equal(e.expected, undefined, 'no fix that copies the typo into a correct figure');
      assert.ok(e.related.some((r) => r.span.start === typo), 'the culprit is among the related places');
    }
    // Every fix, on every finding, writes the correct figure into the typo and nowhere else.
    const all = fixesOf(text, errs);
    assert.ok(all.length >= errs.length);
    assert.deepEqual([...new Set(all)], ['216.74→261.74']);
  });

  it('an edit elsewhere keeps the localised findings of a section it did not touch (the editor converts only new ones); one that moves them makes them anew', () => {
    const text = `${TWO_TABLES.replace('201 | 一般公共服务支出 | 261.74', '201 | 一般公共服务支出 | 216.74')}\n## 情况说明\n本年无变化。\n`;
    const analyzer = new DocumentAnalyzer();
    const inTable05 = (t: string, fs: Finding[]) => fs.filter((f) => f.severity === 'error' && f.fixes?.length && f.span.start > t.indexOf('公开05表'));
    const before = inTable05(text, analyzer.analyze(text).findings);
    assert.ok(before.length >= 2);
    const after = text.replace('本年无变化。', '本年支出无较大变化。');
    const same = inTable05(after, analyzer.analyze(after).findings);
    assert.deepEqual(same.map((f) => before.includes(f)), same.map(() => true), 'the same objects');
    // A line added above the table: the findings move, their fixes still stand on the typo.
    const moved = text.replace('规则：33行1栏=33行2栏', '规则：33行1栏=33行2栏\n注：本表为示例。');
    const again = inTable05(moved, analyzer.analyze(moved).findings);
    assert.ok(again.every((f) => !before.includes(f)));
    assert.deepEqual([...new Set(fixesOf(moved, again))], ['216.74→261.74']);
    assert.deepEqual(fixesOf(moved, again), fixesOf(moved, inTable05(moved, analyze(moved).findings)), 'as a fresh analysis');
  });

  it('a figure retyped searches again only the groups of failing relations its section holds; the others are taken as they were', () => {
    // Three tables (three sections), each with one wrong 合计, and a paragraph: one group of failing relations each.
    const table = GOOD.slice(XINZHOU_HEAD.length);
    const text = `${XINZHOU_HEAD}${[1, 2, 3].map((n) => table.replace('附表4-5', `附表4-5-${n}`).replace(' | 合计 | 307.24 |', ` | 合计 | 30${n}.24 |`)).join('')}\n## 情况说明\n本年无变化。\n`;
    const analyzer = new DocumentAnalyzer();
    const localised = (fs: Finding[]) => fs.filter((f) => f.severity === 'error' && f.fixes?.length);
    const before = localised(analyzer.analyze(text).findings);
    assert.equal(new Set(before.map((f) => f.fixes![0].span.start)).size, 3, 'each table names its own culprit');
    const searched = (next: string) => {
      const was = searches.count;
      const fs = localised(analyzer.analyze(next).findings);
      const count = searches.count - was;
      // As a fresh analysis says.
      const fresh = localised(analyze(next).findings);
      assert.deepEqual(fs.map((f) => [f.span, f.message, f.fixes]), fresh.map((f) => [f.span, f.message, f.fixes]));
      return { count, fs };
    };
    // A figure of the third table retyped (the wrong 合计 itself): its group only.
    const retyped = text.replace('303.24', '303.25');
    const third = retyped.indexOf('附表4-5-3');
    const r = searched(retyped);
    assert.equal(r.count, 1);
    const untouched = before.filter((f) => f.span.start < third);
    assert.ok(untouched.length >= 2);
    assert.deepEqual(untouched.map((f) => r.fs.includes(f)), untouched.map(() => true), 'the other tables keep their findings');
    // The paragraph edited: nothing searched again.
    assert.equal(searched(retyped.replace('本年无变化。', '本年支出无较大变化。')).count, 0);
  });

  it('when two figures explain it equally, says so and offers both', () => {
    // One quantity printed in two tables and nowhere else: either print may be the wrong one.
    const text = `# 某局 2023 年度部门决算
年度：2023
类型：决算
金额单位：万元

## 表 表1 甲表
列：项目 | 金额
会议费 | 12.50

## 表 表2 乙表
列：项目 | 金额
会议费 | 12.80
规则：「会议费」行=表1「会议费」行
`;
    const [e] = errors(text);
    assert.ok(e);
    assert.match(e.message, /无法确定哪一个数有误：「会议费」行「金额」栏 或 表1「会议费」行「金额」栏/);
    assert.deepEqual(fixesOf(text, [e]).sort(), ['12.50→12.80', '12.80→12.50']);
  });

  it('a tie of many figures names the first four and counts them all; each stays a related location', () => {
    // A 总分 of seven 得分 (a 绩效自评表's, printed 100 where they add up to 98): any one of the eight may be wrong.
    const rows = ['产出指标', '质量指标', '时效指标', '成本指标', '效益指标', '满意度指标', '社会效益指标'];
    const text = `# 某局 2023 年度部门决算
年度：2023
类型：决算
金额单位：万元

## 表 表1 甲表
列：项目 | 行次 | 金额
${rows.map((r, i) => `${r} | ${i + 1} | 14.00`).join('\n')}
合计 | 8 | 100.00
规则：8行=（1+2+3+4+5+6+7）行
`;
    const [e] = errors(text);
    assert.ok(e, 'the 合计 of seven rows printed 100 where they add up to 98');
    assert.match(e.message, /无法确定哪一个数有误：(?:[^或]+ 或 ){3}[^或]+ 等 8 处 各自改动都可使核对成立/, e.message);
    assert.equal(e.message.split(' 或 ').length, 4, e.message);
    // every figure of the eight, named or not, is a related location (the addends as 参与计算, the total as 可能有误的是)
    const figures = new Set(e.related.filter((r) => /参与计算|可能有误的是/.test(r.message)).map((r) => said(text, r)));
    assert.equal(e.related.filter((r) => /参与计算|可能有误的是/.test(r.message)).length, 8, JSON.stringify(e.related));
    assert.deepEqual([...figures].sort(), ['100.00', '14.00']);
    const en = analyze(text, { locale: 'en' }).findings.find((f) => f.severity === 'error')!;
    assert.match(en.message, /\(8 in all\) would make the checks hold/, en.message);
  });

  it('two wrong figures: both named, no fix (their values depend on each other)', () => {
    const text = TWO_TABLES.replace('20103 | 政府办公厅（室）及相关机构事务 | 261.74 | 250.03 | 11.71', '20103 | 政府办公厅（室）及相关机构事务 | 261.74 | 205.03 | 11.71')
      .replace('2010350 | 事业运行 | 261.74 | 250.03 | 11.71', '2010350 | 事业运行 | 261.74 | 250.03 | 17.11');
    const errs = errors(text);
    assert.ok(errs.length >= 2);
    for (const e of errs) {
      assert.deepEqual(e.fixes, []);
      assert.match(e.message, /可能有误的是 「政府办公厅（室）及相关机构事务」行「基本支出」栏、「事业运行」行「项目支出」栏$/);
    }
  });

  it('a 三公 cell left blank where the text states its budget: the blank cell is the culprit, the fix fills it', () => {
    const text = vary('80,000.00 | | 50,000.00 | | 50,000.00 | 30,000.00 |', '80,000.00 | | 50,000.00 | | 50,000.00 | |', NARRATIVE_DOC);
    const errs = errors(text);
    const blankAt = text.indexOf('50,000.00 | | 62,000.00') + '50,000.00 | '.length;
    assert.ok(errs.length >= 2, errs.map((e) => e.message).join('\n'));
    for (const e of errs) {
      assert.deepEqual(e.fixes?.map((x) => [x.span.start, x.text]), [[blankAt, '30,000.00']], e.message);
    }
    const claim = errs.find((e) => said(text, e) === '3')!;
    assert.match(claim.message, /可能有误的是 公开09表「第1行」行「公务接待费」栏/);
  });

  it('a narrative figure that differs from a table whose sums hold: the narrative is at fault', () => {
    const text = vary('社会保障和就业支出（类）62 万元', '社会保障和就业支出（类）63 万元');
    const e = errors(text).find((x) => said(text, x) === '63')!;
    assert.ok(e);
    assert.doesNotMatch(e.message, /可能有误/);
    assert.deepEqual(e.fixes?.map((x) => [said(text, x), x.text]), [['63', '62']]);
  });
});

describe('error localisation over stdio', function () {
  this.timeout(30000);
  const client = new TestClient();
  before(() => client.initialize('zh-cn'));
  after(() => client.stop());

  it('Ctrl+. on the correct figure offers only the fix at the typo, and applying it clears every error', async () => {
    const uri = 'file:///tmp/localise-typo.budget';
    const text = TWO_TABLES.replace('201 | 一般公共服务支出 | 261.74', '201 | 一般公共服务支出 | 216.74');
    const p = await client.open(uri, text);
    const doc = TextDocument.create(uri, 'budget', 1, text);
    const typo = text.indexOf('216.74');
    const elsewhere = p.diagnostics.filter((d) => d.severity === 1 && doc.offsetAt(d.range.start) !== typo);
    assert.ok(elsewhere.length >= 1);
    for (const d of elsewhere) {
      const list = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      // The quick fixes this diagnostic carries (a fix offered wherever the cursor is, with no diagnostic, is not one).
      const mine = (list ?? []).filter((a) => 'diagnostics' in a && a.diagnostics?.length && !a.title.startsWith('记录说明'));
      const edits = mine.flatMap((a) => ('edit' in a ? a.edit?.changes?.[uri] ?? [] : []));
      assert.ok(edits.length >= 1, `a fix for “${d.message}”`);
      for (const e of edits) assert.equal(doc.offsetAt(e.range.start), typo, `${d.message}: a fix writes elsewhere than the typo: ${JSON.stringify(mine)}`);
      const fixed = TextDocument.applyEdits(doc, [edits[0]]);
      assert.equal(fixed, TWO_TABLES);
      assert.deepEqual(errors(fixed), []);
      assert.match(mine[0].title, /^将 公开05表「一般公共服务支出」行「小计」栏 改为 261\.74$/);
    }
  });
});
