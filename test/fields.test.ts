/**
 * A table's fields, its own and its parts' (model/build.ts `fieldsOf`), as the checks that look for a field anywhere in
 * a table read them (standard/completeness.ts: an empty table's 说明, a 目录's entries).
 */
import { strict as assert } from 'node:assert';
import { generateFinal } from '../bench/standardDocs';
import { analyze } from '../server/src/analysis';
import { fieldsOf } from '../server/src/model/build';

const FORM = `# 某局 2024 年部门预算
部门：某局
年度：2024
类型：预算

## 项目申报表 信息化运维
项目名称：信息化运维
单位：万元
### 项目资金来源
列：来源项目 | 金额
合计 | 30.00
说明：本项目资金全部为一般公共预算
### 项目支出明细
列：明细 | 金额
运维费 | 30.00
付款方式：按合同支付
`;

describe('a table’s fields', () => {
  it('are its own, then each part’s, in document order', () => {
    const t = analyze(FORM).document.tables[0];
    assert.deepEqual(fieldsOf(t).map((f) => f.key), ['项目名称', '单位', '说明', '付款方式']);
    assert.deepEqual(fieldsOf(t).map((f) => f.span.start), [...fieldsOf(t)].map((f) => f.span.start).sort((a, b) => a - b));
    assert.equal(fieldsOf(t).length, t.fields.length + t.parts.reduce((n, p) => n + p.fields.length, 0));
  });

  it('an empty table says so in a field of its own or of its part: either way no warning', () => {
    const final = generateFinal();
    const said = '说明：本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。\n';
    const empty = (text: string) => analyze(text).findings.filter((f) => f.rule === 'table-empty');
    // Under the table's rows (its part's field), above its 列： line (the table's own), and not at all.
    assert.deepEqual(empty(final), []);
    const heading = final.indexOf('## 表 公开07表');
    const columns = final.indexOf('列：', heading);
    const without = final.replace(said, '');
    const own = `${without.slice(0, columns)}${said}${without.slice(columns)}`;
    assert.ok(analyze(own).document.tables.some((t) => t.fields.some((f) => said.startsWith(`${f.key}：`))), 'the 说明 is the table’s own field');
    assert.deepEqual(empty(own), []);
    assert.equal(empty(without).length, 1);
  });
});
