/**
 * A cell whose figure carries its own unit (`150万`, `150万元`, `1.5亿元`, `1500元`) is read in its table's unit
 * (`金额单位：元` → 1,500,000; `万元` → 150; a bare `150` stays 150), at the precision printed: `150万` is known to
 * ±½ 万 = ±5,000 元 (../shared/notes/rounding.md), so a sum it takes part in holds within that and no further, and a
 * figure printed twice agrees with it at that precision. Tables, forms' fields and rows, and what the narrative
 * restates of them; edit by edit as fresh.
 */
import { strict as assert } from 'node:assert';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { classifyCell } from '../server/src/model/classify';
import { dump } from './support/dump';
import { typeKeyByKey } from './support/typing';
import { NARRATIVE_DOC } from './fixtures/narrative/document';

const findings = (text: string) => analyze(text, { locale: 'zh' }).findings.filter((f) => f.severity !== 'hint')
  .map((f) => `${f.rule} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);

const header = (unit: string) => ['# 某局2023年部门预算', '部门：某局', '年度：2023', '类型：预算', ...(unit ? [`金额单位：${unit}`] : []), ''];

/** A table whose 合计 is the sum of its two top-level rows. */
const table = (unit: string, total: string, first: string, second = '0', own?: string) => [...header(unit),
  '## 表1 支出表', ...(own ? [`金额单位：${own}`] : []), '列：科目编码 | 科目名称 | 金额', `| 合计 | ${total}`, `201 | 一般公共服务支出 | ${first}`, `205 | 教育支出 | ${second}`, ''].join('\n');

/** A project form: 项目当年预算 is its sources' 合计. */
const form = (unit: string, budget: string, total: string, source: string) => [...header(unit),
  '## 项目绩效目标申报表 运行费', '项目名称：运行费', `项目当年预算：${budget}`, '### 项目资金来源', '列：资金来源 | 金额', `合计 | ${total}`,
  `公共预算财政拨款 | ${source}`, '其他资金 |', ''].join('\n');

describe('a figure printed with its own unit is read in its table\'s unit (units.cells)', () => {
  it('reads the unit a cell prints against the table\'s, at the precision printed', () => {
    const read = (text: string, unit?: '元' | '万元') => {
      const f = classifyCell(text, unit).figure;
      return f && `${f.units}e${-f.decimals}`;
    };
    assert.equal(read('150万', '元'), '150e4');
    assert.equal(read('150万元', '元'), '150e4');
    assert.equal(read('125.25万', '元'), '12525e2');
    assert.equal(read('1.5亿元', '万元'), '15e3');
    assert.equal(read('1500元', '万元'), '1500e-4');
    assert.equal(read('150万', '万元'), '150e0');
    assert.equal(read('150', '元'), '150e0');
    // No unit known: as printed.
    assert.equal(read('150万'), '150e0');
  });

  it('150万 in a table of 元 is 1,500,000 ± 5,000: a total of 1,500,000 holds, 1,503,000 is a 尾差, 1,510,000 an error', () => {
    assert.deepEqual(findings(table('元', '1,500,000', '150万')), []);
    assert.deepEqual(findings(table('元', '1,503,000', '150万')), ['total-row information 1,503,000']);
    assert.deepEqual(findings(table('元', '1,510,000', '150万')), ['total-row error 1,510,000']);
    // The same in 万元 where the table says so under its heading, and a bare figure as it was.
    assert.deepEqual(findings(table('万元', '1,500,000', '150万', '0', '元')), []);
    assert.deepEqual(findings(table('元', '150', '150万', '0', '万元')), []);
    assert.deepEqual(findings(table('元', '150', '150')), []);
    assert.deepEqual(findings(table('元', '150', '150万')), ['total-row error 150']);
  });

  it('in a table of 万元: 150万 and 150万元 are 150, 1.5亿元 is 15,000, 1500元 is 0.1500', () => {
    assert.deepEqual(findings(table('万元', '150', '150万')), []);
    assert.deepEqual(findings(table('万元', '150', '150万元')), []);
    assert.deepEqual(findings(table('万元', '15,000', '1.5亿元')), []);
    assert.deepEqual(findings(table('万元', '0.15', '1500元')), []);
    assert.deepEqual(findings(table('万元', '150.15', '150万', '1500元')), []);
    // 150 ± 0.5 and 0.1500 ± 0.00005: 150.16 holds (a 尾差), 150.66 does not.
    assert.deepEqual(findings(table('万元', '150.16', '150万', '1500元')), ['total-row information 150.16']);
    assert.deepEqual(findings(table('万元', '150.66', '150万', '1500元')), ['total-row error 150.66']);
  });

  it('a fix into a figure printed with its own unit writes it in that unit: 160万 → 150万', () => {
    const text = [...header('元'), '## 表1 支出表', '列：科目编码 | 科目名称 | 合计[1] | 基本支出[2]', '| 合计 | 1,500,000 | 1,500,000',
      '201 | 一般公共服务支出 | 160万 | 1,500,000', '205 | 教育支出 | 0 | 0', '规则：1栏各行=2栏各行', ''].join('\n');
    const fixes = analyze(text, { locale: 'zh' }).findings.flatMap((f) => (f.fixes ?? []).map((x) => `${text.slice(x.span.start, x.span.end)} → ${x.text}`));
    assert.deepEqual([...new Set(fixes)], ['160万 → 150万']);
  });

  it('a unit stated after the rows it governs reads them in it', () => {
    const text = [...header('万元'), '## 表1 支出表', '列：科目编码 | 科目名称 | 金额', '| 合计 | 1,500,000', '201 | 一般公共服务支出 | 150万',
      '205 | 教育支出 | 0', '金额单位：元', ''].join('\n');
    assert.deepEqual(findings(text), []);
  });

  it('a form in 元: its field 项目当年预算 150万 is its sources\' 1,500,000, at the precision both print', () => {
    assert.deepEqual(findings(form('元', '150万', '1,500,000', '1,500,000')), []);
    assert.deepEqual(findings(form('元', '150万', '1,504,000', '1,504,000')), [], 'the same amount at 万\'s precision');
    assert.deepEqual(findings(form('元', '150万', '1,520,000', '1,520,000')), ['form error 150万']);
    assert.deepEqual(findings(form('元', '1500000', '150万', '1,500,000')), []);
  });

  it('the narrative\'s 150 万元 is the 元 table\'s 150万, and the table\'s sums over it hold', () => {
    const row = '2010602 | 一般行政管理事务 | 1,500,000.00 | | 1,500,000.00';
    assert.ok(NARRATIVE_DOC.includes(row));
    const text = NARRATIVE_DOC.replace(row, '2010602 | 一般行政管理事务 | 150万 | | 150万');
    const errors = (t: string) => findings(t).filter((f) => f.includes(' error '));
    assert.deepEqual(errors(text), []);
    const said = '年初预算为 150 万元，支出决算为 150 万元';
    assert.ok(text.includes(said));
    assert.deepEqual(errors(text.replace(said, '年初预算为 150 万元，支出决算为 160 万元')), ['narrative error 160', 'narrative error 决算数等于预算数']);
  });

  it('typed key by key, and the unit field changed: every version as fresh', function () {
    this.timeout(30_000);
    for (const original of [table('元', '1,500,000', '150万'), table('万元', '150.15', '150万', '1500元'), form('元', '150万', '1,500,000', '150万')]) {
      for (const typed of ['150万', '1500元']) {
        const at = original.lastIndexOf(typed);
        if (at >= 0) typeKeyByKey(original, at, typed);
      }
      // The header's unit turned (元 ⇄ 万元).
      const analyzer = new DocumentAnalyzer({ locale: 'zh' });
      analyzer.analyze(original);
      const u = original.indexOf('金额单位：') + 5;
      const other = original.startsWith('元', u) ? '万元' : '元';
      const was = original.startsWith('元', u) ? 1 : 2;
      analyzer.edit(u, u + was, other);
      const text = original.slice(0, u) + other + original.slice(u + was);
      assert.deepEqual(dump(analyzer.analysis()), dump(analyze(text, { locale: 'zh' })), 'unit turned');
    }
  });
});
