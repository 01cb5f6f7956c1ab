/**
 * How a finding states its figures (docs/rules.md, session 26): each printed figure as printed, whatever precision the
 * comparison used (../shared/notes/rounding.md: the coarser one's), a sum and a difference exactly — on each message
 * path: the narrative against a table, a table's sum, a 尾差, zh and en. (A figure read from another unit: units.columns.)
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../server/src/analysis';
import { computedTotalHints } from '../server/src/hints/computed';
import { TestClient } from './support/lsp';

const header = ['# 某局2023年部门预算', '部门：某局', '年度：2023', '类型：预算', '金额单位：万元', ''];

/** A 收支总表 printing `figure` for every row, and a narrative that says its 收入总计 is `said` 万元. */
const restated = (figure: string, said: string) => [...header, '## 表 收支总表', '### 收入', '列：项目 | 预算数',
  `一、一般公共预算拨款收入 | ${figure}`, `本年收入合计 | ${figure}`, `收入总计 | ${figure}`, '### 支出', '列：项目 | 预算数',
  `一般公共服务支出 | ${figure}`, `本年支出合计 | ${figure}`, `支出总计 | ${figure}`, '', '## 情况说明', `2023年收入总计${said}万元。`, ''].join('\n');

const message = (text: string, rule: string, locale: 'zh' | 'en' = 'zh') =>
  analyze(text, { locale }).findings.find((f) => f.rule === rule && f.severity !== 'hint')?.message ?? '';

describe('a finding states each figure as printed and the difference exactly (messages.figures)', () => {
  it('the narrative against a table printed more coarsely: 1.53 against 0, compared as 2 against 0, told as 1.53 (普陀石泉 2025’s class)', () => {
    const text = restated('0', '1.53');
    assert.match(message(text, 'narrative'), /“收入总计”为 1\.53，收支总表「收入总计」行「预算数」栏为 0：同一数额两处列示不一致，相差 1\.53（/);
    assert.match(message(text, 'narrative', 'en'), /“收入总计” is 1\.53, .* is 0: the same amount is printed differently, difference 1\.53 \(/);
    // The comparison is unchanged: 1.5 (1 decimal) against 0 differs, 0.4 rounds to 0 and agrees.
    assert.equal(message(restated('0', '0.4'), 'narrative'), '');
  });

  it('the narrative printed more coarsely than the table: 262.4 against 262.45, told as printed, 相差 0.05', () => {
    const text = restated('262.45', '262.4');
    assert.match(message(text, 'narrative'), /为 262\.4，收支总表「收入总计」行「预算数」栏为 262\.45：同一数额两处列示不一致，相差 0\.05（/);
    // At the precision both share, 262.44 is 262.4: it holds.
    assert.equal(message(restated('262.44', '262.4'), 'narrative'), '');
  });

  it('a table’s total printed 0 among figures of two decimals: 实为 0, not 0.00', () => {
    const text = [...header, '## 表 支出表', '列：科目编码 | 科目名称 | 金额', '| 合计 | 0', '201 | 一般公共服务支出 | 11.00', '205 | 教育支出 | 0.00', ''].join('\n');
    assert.match(message(text, 'total-row'), /应为 11\.00，实为 0，相差 11\.00/);
    assert.match(message(text, 'total-row', 'en'), /expected 11\.00, (?:found|actual|printed) 0, difference 11\.00/);
  });

  it('a 尾差 tells its total as printed: 列示 112.5 (112.50 at its column’s precision) beside a sum of 112.51', () => {
    const text = [...header, '## 表 支出表', '列：科目编码 | 科目名称 | 金额', '| 合计 | 112.5', '201 | 一般公共服务支出 | 100.26', '205 | 教育支出 | 12.25', ''].join('\n');
    const tail = analyze(text, { locale: 'zh' }).findings.find((f) => f.roundingTail)?.message ?? '';
    assert.match(tail, /各项相加 112\.51，列示 112\.5，相差 0\.01/);
  });
  it('the narrative against a table’s `-`: told as printed, `栏为 -`, not `却为空` (a dash is a zero printed, not a blank)', () => {
    const text = restated('-', '5.00');
    assert.match(message(text, 'narrative'), /“收入总计”为 5\.00，收支总表「收入总计」行「预算数」栏为 -：同一数额两处列示不一致，相差 5\.00（/);
    assert.match(message(text, 'narrative', 'en'), /“收入总计” is 5\.00, .* is -: the same amount is printed differently, difference 5\.00 \(/);
    // A blank cell is still told blank, and 0 against `-` agrees.
    assert.match(message(restated('', '5.00'), 'narrative'), /栏却为空/);
    assert.equal(message(restated('-', '0'), 'narrative'), '');
  });
  it('a table’s total printed `-` among figures of two decimals: 实为 -, not 0.00 (a dash told as printed)', () => {
    const text = [...header, '## 表 支出表', '列：科目编码 | 科目名称 | 金额', '| 合计 | -', '201 | 一般公共服务支出 | 11.00', '205 | 教育支出 | 0.00', ''].join('\n');
    assert.match(message(text, 'total-row'), /应为 11\.00，实为 -，相差 11\.00/);
    assert.match(message(text, 'total-row', 'en'), /expected 11\.00, found -, difference 11\.00/);
  });
});

describe('a blank cell is told as printed: blank, not the 0.00 of its column (change28; review27: 新洲 2023 L748)', () => {
  // 新洲 2023's 项目申报表 prints its 项目资金来源 合计 blank beside 1. 一般公共预算财政拨款收入 9.81: it was told `实为 0.00`,
  // a figure the document does not print.
  const text = [...header, '## 表 支出表', '列：科目编码 | 科目名称 | 金额', '| 合计 |', '201 | 一般公共服务支出 | 11.00', '205 | 教育支出 | 0.00', ''].join('\n');
  it('a sum’s blank target: 实为 （空）, found (blank), zh and en', () => {
    assert.match(message(text, 'total-row'), /应为 11\.00，实为 （空），相差 11\.00/);
    assert.match(message(text, 'total-row', 'en'), /expected 11\.00, found \(blank\), difference 11\.00/);
  });
  it('the inlay hint of a blank target says it printed blank', () => {
    for (const [locale, said] of [['zh', '不成立：列示 （空），相差 11.00'], ['en', 'does not hold: printed (blank), difference 11.00']] as const) {
      const hints = computedTotalHints(analyze(text, { locale }), { start: 0, end: text.length }, 'differences', locale);
      const at = hints.find((h) => h.parts.some((p) => p.text.includes('11.00')));
      assert.ok(at, JSON.stringify(hints));
      assert.ok(at.parts.some((p) => p.tooltip.endsWith(said)), JSON.stringify(at.parts));
    }
  });
  it('the seed: 新洲 2023’s blank 合计 of 项目资金来源', () => {
    const seed = readFileSync(join(__dirname, '..', '..', 'seeds', 'xinzhou-2023-budget.budget'), 'utf8');
    const line = seed.split('\n').findIndex((l) => /^合计 \|\s*$/.test(l)) + 1;
    const f = analyze(seed).findings.filter((x) => x.rule === 'row-formula' && x.severity === 'error' && /项目资金来源/.test(x.message) && /应为 9\.81/.test(x.message));
    assert.equal(f.length, 1, `line ${line}`);
    assert.match(f[0].message, /应为 9\.81，实为 （空），相差 9\.81/);
  });
});

describe('a blank target in the hover of a term, over stdio (change28)', function () {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.stop());

  it('hovering 11.00 beside a blank 合计: 列示 （空）, not 0.00', async () => {
    const text = [...header, '## 表 支出表', '列：科目编码 | 科目名称 | 金额', '| 合计 |', '201 | 一般公共服务支出 | 11.00', '205 | 教育支出 | 0.00', ''].join('\n');
    const uri = 'file:///tmp/messages-figures-blank-hover.budget';
    await client.open(uri, text);
    const doc = TextDocument.create(uri, 'budget', 1, text);
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(text.indexOf('11.00') + 1) });
    assert.ok(h, 'a hover');
    const v = (h.contents as MarkupContent).value.replace(/\\(.)/g, '$1');
    assert.ok(v.includes('计算值 11.00，列示 （空），相差 11.00'), v);
  });
});
