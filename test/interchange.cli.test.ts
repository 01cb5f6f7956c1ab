/** `budget-check import` and `budget-check export` as a user runs them: exit codes, standard output and error, files. */
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { analyze } from '../server/src/analysis';
import { GOOD } from './support/docs';
import { cli } from './support/cli';
import { ROOT } from './support/lsp';


describe('budget-check import / export', function () {
  this.timeout(60000);
  const dir = mkdtempSync(join(tmpdir(), 'budget-interchange-'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'import', 'xinzhou-2023-附表4-5.txt'), join(dir, 'page.txt'));
  copyFileSync(join(ROOT, 'seeds', 'qiaokou-2023-final.budget'), join(dir, 'qiaokou.budget'));
  writeFileSync(join(dir, 'prose.txt'), '这里没有表格。\n只有文字。\n');
  writeFileSync(join(dir, 'good.budget'), GOOD);

  it('import prints the .budget table on stdout and the repairs on stderr, exit 0', () => {
    const r = cli(['import', 'page.txt', '--title', '附表4-5 一般公共预算支出表'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^\/\/ 未导入（不是表格行）：五、一般公共预算支出表/);
    assert.match(r.out, /\n## 表 附表4-5 一般公共预算支出表\n/);
    assert.match(r.out, /\n \| 合计 \| 307\.24 \| 197\.25 \| 157\.50 \| 39\.76 \| 109\.99\n/);
    assert.match(r.err, /^导入自 page\.txt：18 行，修复 \d+ 处\n/);
    assert.match(r.err, /\n {2}原文第 13 行：数字中的空格 “3 07\.24” → “307\.24”\n/);
    const a = analyze(r.out);
    assert.equal(a.findings.filter((f) => f.rule === 'syntax').length, 0);
    assert.equal(a.document.tables[0].number, '附表4-5');
  });

  it('import -o writes the file; English with --lang en', () => {
    const r = cli(['import', 'page.txt', '-o', 'page.budget', '--lang', 'en'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /^Imported from page\.txt: 18 rows, \d+ repairs\n/);
    assert.match(readFileSync(join(dir, 'page.budget'), 'utf8'), /import repairs \(input line 13\): spaces inside a number “3 07\.24” → “307\.24”/);
  });

  it('import: no table → exit 1 with the reason; missing file, bad option → exit 2', () => {
    const none = cli(['import', 'prose.txt'], dir);
    assert.equal(none.code, 1);
    assert.equal(none.out, '');
    assert.match(none.err, /没有找到表格/);
    assert.equal(cli(['import', 'nope.txt'], dir).code, 2);
    assert.equal(cli(['import'], dir).code, 2);
    const bad = cli(['import', 'page.txt', '--bogus'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /未知选项：--bogus/);
    assert.equal(cli(['import', 'page.txt', '--sheet'], dir).code, 2);
  });

  it('export --to csv prints one table; --table is needed when there are several (exit 1)', () => {
    const r = cli(['export', 'qiaokou.budget', '--to', 'csv', '--table', '公开05表'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^\ufeff公开05表 2023年度一般公共预算财政拨款支出决算表\r\n/);
    assert.match(r.out, /\r\n201,一般公共服务支出,261\.74,250\.03,11\.71\r\n/);
    const several = cli(['export', 'qiaokou.budget', '--to', 'csv'], dir);
    assert.equal(several.code, 1);
    assert.match(several.err, /CSV 只能导出一张表/);
    const missing = cli(['export', 'qiaokou.budget', '--to', 'csv', '--table', '公开99表'], dir);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /没有找到表“公开99表”/);
  });

  it('export --to xlsx writes beside the input (or -o), one worksheet per table; the CSV round-trips through import', async () => {
    const r = cli(['export', 'qiaokou.budget', '--to', 'xlsx'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /已导出：qiaokou\.xlsx/);
    const wb = new Workbook();
    await wb.xlsx.readFile(join(dir, 'qiaokou.xlsx'));
    assert.deepEqual(wb.worksheets.map((w) => w.name).slice(0, 3), ['公开01表', '公开02表', '公开03表']);
    const one = cli(['export', 'qiaokou.budget', '--table', '公开03表', '-o', 't3.csv'], dir);
    assert.equal(one.code, 0, one.err);
    const back = cli(['import', 't3.csv'], dir);
    assert.equal(back.code, 0, back.err);
    assert.match(back.out, /\n2101199 \| 其他行政事业单位医疗支出 \| 0\.50 \| 0\.50 \|/);
    const x = cli(['export', 'qiaokou.budget', '--table', '公开03表', '--to', 'xlsx'], dir);
    assert.equal(x.code, 0, x.err);
    assert.ok(existsSync(join(dir, 'qiaokou-公开03表.xlsx')));
    const fromSheet = cli(['import', 'qiaokou-公开03表.xlsx', '--sheet', '1'], dir);
    assert.equal(fromSheet.code, 0, fromSheet.err);
    // The worksheet also carries the document's header above the table (kept as comments); the table is the same.
    assert.match(fromSheet.out, /^\/\/ 未导入（不是表格行）：2023 年度武汉市硚口区大数据中心部门决算/);
    assert.equal(fromSheet.out.slice(fromSheet.out.indexOf('## 表')), back.out);
    const noSheet = cli(['import', 'qiaokou-公开03表.xlsx', '--sheet', '公开09表'], dir);
    assert.equal(noSheet.code, 1);
    assert.match(noSheet.err, /没有工作表“公开09表”。工作簿中有：公开03表/);
  });

  it('export: bad --to, missing file → exit 2; checking is unchanged (budget-check PATH)', () => {
    assert.equal(cli(['export', 'qiaokou.budget', '--to', 'pdf'], dir).code, 2);
    assert.equal(cli(['export', 'nope.budget', '--to', 'csv'], dir).code, 2);
    const check = cli(['good.budget'], dir);
    assert.equal(check.code, 0);
    assert.match(check.out, /检查了 1 个文件：0 个错误/);
  });
});
