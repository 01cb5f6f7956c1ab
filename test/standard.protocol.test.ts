/**
 * The standard sets in the editor and on the command line: diagnostics with their rule ids, hover on a table's heading
 * (the standard table it is, each identity with its state), the outline's 标准核对, and `budget-check` printing them.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { generateFinal } from '../bench/standardDocs';
import { cli } from './support/cli';
import { TestClient } from './support/lsp';

/** The generated 部门决算 with its 支出决算表 合计 typed 10.00 too high, a placeholder and a wrong cut-off year. */
const good = generateFinal();
const totalLine = good.split('\n').find((l) => l.startsWith(' | 合计 | ') && good.indexOf(l) > good.indexOf('## 表 公开03表'))!;
const wrongTotal = totalLine.split(' | ')[2];
const bumped = (Number(wrongTotal.replace(/,/g, '')) + 10).toLocaleString('en-US', { minimumFractionDigits: 2 });
const WRONG = good
  .replace(`## 表 公开03表 2023 年度支出决算表\n部门：测试部门\n金额单位：万元\n列：科目编码 | 科目名称 | 本年支出合计[1] | 基本支出[2] | 项目支出[3] | 上缴上级支出[4] | 经营支出[5] | 对附属单位补助支出[6]\n${totalLine}`,
    `## 表 公开03表 2023 年度支出决算表\n部门：测试部门\n金额单位：万元\n列：科目编码 | 科目名称 | 本年支出合计[1] | 基本支出[2] | 项目支出[3] | 上缴上级支出[4] | 经营支出[5] | 对附属单位补助支出[6]\n${totalLine.replace(wrongTotal, bumped)}`)
  .replace('本部门在部门决算中反映所有项目绩效自评结果。', '本部门在部门决算中反映所有项目绩效自评结果。截至 2022 年 12 月 31 日，XX 单位共有车辆 1 辆。');

describe('standard sets in the editor and the CLI', function () {
  const client = new TestClient();
  before(() => client.initialize());
  after(() => client.stop());

  it('diagnostics: the identities between tables, the cut-off year and the placeholder, each at its place with its rule', async () => {
    assert.notEqual(WRONG, good);
    const uri = 'file:///tmp/standard-wrong.budget';
    const p = await client.open(uri, WRONG);
    const doc = TextDocument.create(uri, 'budget', 1, WRONG);
    const at = (code: string) => p.diagnostics.filter((d) => d.code === code).map((d) => doc.getText(d.range));
    // The 总表's 本年支出合计 is the same amount: the finding goes there, its related information at the bumped 合计.
    const cross = p.diagnostics.filter((d) => d.code === 'cross-table');
    assert.ok(cross.some((d) => d.relatedInformation?.some((r) => doc.getText(r.location.range) === bumped)), p.diagnostics.map((d) => `${d.code} ${doc.getText(d.range)}`).join('\n'));
    assert.ok(at('column-formula').includes(bumped));
    assert.deepEqual(at('year-mismatch'), ['截至 2022 年 12 月 31 日']);
    assert.deepEqual(at('placeholder'), ['XX']);
    assert.ok(cross.some((d) => String(d.message).includes('标准表「收入支出决算总表」：「本年支出合计」行=「支出决算表」「合计」行「本年支出合计」栏')));
  });

  it('hover on a table’s heading: the standard table it was recognised as, each identity with its state and source', async () => {
    const uri = 'file:///tmp/standard-wrong.budget';
    const doc = TextDocument.create(uri, 'budget', 1, WRONG);
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(WRONG.indexOf('公开01表 2023 年度收入支出决算总表') + 3) });
    // Markdown escapes the rules' punctuation: read it unescaped.
    const value = (h?.contents as MarkupContent).value.replace(/\\(.)/g, '$1');
    assert.match(value, /标准表：收入支出决算总表（部门决算 公开01表）/);
    assert.match(value, /✓ 成立 · 「本年收入合计」行=（「一般公共预算财政拨款收入」\+…）行/);
    assert.match(value, /✗ 不成立 · 「本年支出合计」行=「支出决算表」「合计」行「本年支出合计」栏/);
    assert.match(value, /来源：/);
    const forms = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(WRONG.indexOf('公开07表') + 2) });
    assert.match((forms?.contents as MarkupContent).value, /○ 无数据/);
  });

  it('budget-check prints them like any other finding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-standard-'));
    writeFileSync(join(dir, 'wrong.budget'), WRONG);
    writeFileSync(join(dir, 'good.budget'), good);
    const r = cli(['wrong.budget', 'good.budget'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /^wrong\.budget:\d+:\d+: error: .*\[year-mismatch\]$/m);
    assert.match(r.out, /^wrong\.budget:\d+:\d+: error: .*\[placeholder\]$/m);
    assert.match(r.out, /^wrong\.budget:\d+:\d+: error: .*标准表.*\[cross-table\]$/m);
    assert.doesNotMatch(r.out, /^good\.budget:\d+:\d+: (error|warning)/m);
  });
});
