/**
 * The identities between tables across a table read again as it was (standard/apply.ts `renewedAlike`): a comment
 * line or a note typed in a table renews its parts (or its whole section), but not its shape; the identities' relations
 * are then copied about the new parts, not applied again. Each version must give exactly what a fresh analysis gives,
 * and the ones that can be carried over must be.
 */
import * as assert from 'node:assert/strict';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { generateBudget, generateFinal, generateJiangsu } from '../bench/standardDocs';
import { dump } from './support/dump';
import { replaceAfter } from './support/docs';


/**
 * An edit, what the identities between tables are had by (`StandardReport.reused`), and whether nothing is applied
 * from a template at all (every identity, its table's own too, carried over: `carried`).
 */
type Edit = [what: string, edit: (t: string) => string, reused: 'figures' | 'renewed' | undefined, carried?: boolean];

function follow(text: string, edits: Edit[]): void {
  const analyzer = new DocumentAnalyzer({ locale: 'zh' });
  analyzer.analyze(text);
  for (const [what, edit, reused, carried] of edits) {
    text = edit(text);
    const uses = analyzer.shapes!.uses;
    const a = analyzer.analyze(text);
    assert.deepEqual(dump(a), dump(analyze(text, { locale: 'zh' })), what);
    assert.equal(a.standard.reused, reused, what);
    if (carried !== undefined) assert.equal(analyzer.shapes!.uses === uses, carried, what);
  }
}

describe('standard sets: a table read again as it was keeps its identities between tables', () => {
  it('部门决算: a comment line and a note in 支出决算表, a condition turned after them, a row renamed', () => {
    follow(generateFinal(), [
      // Its section is read again: new tables, new parts, of the shapes they had.
      ['a comment line after the heading of 支出决算表', (t) => replaceAfter(t, '## 表 公开03表', '\n', '\n// 校对中\n'), 'renewed', true],
      ['a note typed among its rows (its part renewed, the table the same object)', (t) => replaceAfter(t, '公开03表', '2010102 |', '本表含追加数\n2010102 |'), 'renewed'],
      ['the note typed on', (t) => replaceAfter(t, '公开03表', '本表含追加数', '本表含追加数据'), 'renewed'],
      // Read again alike with a figure of its own retyped: the relations that read its figures judged again.
      ['in one edit, a comment line in 支出决算表 and one of its figures retyped', (t) => replaceAfter(replaceAfter(t, '## 表 公开03表', '\n', '\n// 再核\n'), '公开03表', '| 30,843.34 | 13.14', '| 30,843.35 | 13.14'), 'renewed'],
      ['in one edit, that comment line gone and the figure as it was', (t) => replaceAfter(replaceAfter(t, '## 表 公开03表', '// 再核\n', ''), '公开03表', '| 30,843.35 | 13.14', '| 30,843.34 | 13.14'), 'renewed'],
      // The identities carried over keep what their conditions read: a figure retyped that turns one is seen.
      ['the 一般公共预算 income retyped: the identities conditioned on it no longer apply', (t) => replaceAfter(t, '一、一般公共预算财政拨款收入 | 1 |', '236,298.69', '236,298.60'), undefined],
      ['the income as it was', (t) => replaceAfter(t, '一、一般公共预算财政拨款收入 | 1 |', '236,298.60', '236,298.69'), undefined],
      ['a figure retyped', (t) => replaceAfter(t, '公开03表', '| 30,843.34 | 13.14', '| 30,843.35 | 13.14'), 'figures'],
      ['the comment line gone again', (t) => replaceAfter(t, '## 表 公开03表', '// 校对中\n', ''), 'renewed', true],
      // Another table's shape changed: the identities that read only 支出决算表 stand, but not from their own lists, which
      // are about its parts before it was read again.
      ['a row of 收入支出决算总表 quoted', (t) => replaceAfter(t, '公开01表', '本年收入合计 | 27 |', '“本年收入合计” | 27 |'), undefined],
      ['its quotes gone', (t) => replaceAfter(t, '公开01表', '“本年收入合计” | 27 |', '本年收入合计 | 27 |'), undefined],
      // Another shape: applied again (and nothing carried over from the renewed tables' own lists).
      ['a row renamed', (t) => replaceAfter(t, '公开03表', '| 一般行政管理事务 |', '| 一般行政管理事务（调整） |'), undefined],
      ['its name back, and a comment line in 收入支出决算总表', (t) => replaceAfter(replaceAfter(t, '公开03表', '| 一般行政管理事务（调整） |', '| 一般行政管理事务 |'), '## 表 公开01表', '\n', '\n// 核对\n'), undefined],
      ['a comment line in 收入支出决算总表 taken out', (t) => replaceAfter(t, '## 表 公开01表', '// 核对\n', ''), 'renewed'],
      // Read again, a row its identities name renamed: another shape, applied again.
      ['in one edit, a comment line in 收入支出决算总表 and its 本年收入合计 renamed', (t) => replaceAfter(replaceAfter(t, '## 表 公开01表', '\n', '\n// 核对\n'), '公开01表', '本年收入合计 | 27 |', '收入合计本年 | 27 |'), undefined],
      ['in one edit, the comment line gone and the name back', (t) => replaceAfter(replaceAfter(t, '## 表 公开01表', '// 核对\n', ''), '公开01表', '收入合计本年 | 27 |', '本年收入合计 | 27 |'), undefined],
      // Read again alike, but a figure a condition reads is another: applied again.
      ['in one edit, a comment line in 收入支出决算总表 and its 一般公共预算 income retyped', (t) => replaceAfter(replaceAfter(t, '## 表 公开01表', '\n', '\n// 核对\n'), '一、一般公共预算财政拨款收入 | 1 |', '236,298.69', '236,298.60'), undefined],
      ['in one edit, the comment line gone and the income as it was', (t) => replaceAfter(replaceAfter(t, '## 表 公开01表', '// 核对\n', ''), '一、一般公共预算财政拨款收入 | 1 |', '236,298.60', '236,298.69'), undefined],
      ['a comment line again', (t) => replaceAfter(t, '## 表 公开01表', '\n', '\n// 核对\n'), 'renewed'],
    ]);
  });

  it('部门预算: a comment line in 支出总表 and in a project form; a form naming another project is applied again', () => {
    follow(generateBudget(), [
      ['a comment line in 支出总表', (t) => replaceAfter(t, '## 表 附表4-3', '\n', '\n// 校对中\n'), 'renewed', true],
      ['a comment line in 项目1’s form', (t) => replaceAfter(t, '## 项目申报表 项目1', '\n', '\n// 待核\n'), 'renewed'],
      ['in one edit, a comment line in 项目3’s form and a figure of its 项目资金来源 retyped', (t) => replaceAfter(replaceAfter(t, '## 项目申报表 项目3', '\n', '\n// 待核\n'), '## 项目申报表 项目3', '1. 一般公共预算财政拨款收入 | 35,306.85', '1. 一般公共预算财政拨款收入 | 35,306.86'), 'renewed'],
      // A field's figure is part of what a form is read by (its fields): applied again.
      ['in one edit, the comment line gone and its 项目当年预算 retyped', (t) => replaceAfter(replaceAfter(t, '## 项目申报表 项目3', '// 待核\n', ''), '## 项目申报表 项目3', '项目当年预算：35,306.85', '项目当年预算：35,306.86'), undefined],
      // Only figures changed: the relations between tables copied as they were (a form's field kept as an object too).
      ['a figure of 支出总表 retyped', (t) => replaceAfter(t, '## 表 附表4-3', '| 3,590.93 |', '| 3,590.94 |'), 'figures'],
      // The relations between tables that read a figure retyped are judged again, the others not (their findings kept).
      ['项目1’s row of 项目支出表 retyped: its form’s 项目当年预算 (a field, its relation an object) no longer agrees', (t) => replaceAfter(t, '## 表 项目支出表', '| 2023年项目1 | 测试部门本级 | 30,830.20 |', '| 2023年项目1 | 测试部门本级 | 30,830.21 |'), 'figures'],
      ['and 项目2’s', (t) => replaceAfter(t, '## 表 项目支出表', '| 2023年项目2 | 测试部门本级 | 5,082.86 |', '| 2023年项目2 | 测试部门本级 | 5,082.87 |'), 'figures'],
      ['项目1’s as it was', (t) => replaceAfter(t, '## 表 项目支出表', '| 2023年项目1 | 测试部门本级 | 30,830.21 |', '| 2023年项目1 | 测试部门本级 | 30,830.20 |'), 'figures'],
      ['a figure of 支出总表 with a third decimal: its column’s precision is another, every figure of it judged again', (t) => replaceAfter(t, '## 表 附表4-3', '| 3,590.94 |', '| 3,590.935 |'), 'figures'],
      ['and as it was', (t) => replaceAfter(t, '## 表 附表4-3', '| 3,590.935 |', '| 3,590.93 |'), 'figures'],
      ['项目2’s form names 项目3 (its field’s row another: applied again)', (t) => replaceAfter(t, '## 项目申报表 项目2', '项目名称：项目2', '项目名称：项目3'), undefined],
      ['and 项目2 again', (t) => replaceAfter(t, '## 项目申报表 项目2', '项目名称：项目3', '项目名称：项目2'), undefined],
      ['the 一般公共预算 income retyped', (t) => replaceAfter(t, '一、一般公共预算拨款收入 |', '236,298.69', '236,298.60'), undefined],
      ['a comment line in 支出总表 gone again, the condition still not met', (t) => replaceAfter(t, '## 表 附表4-3', '// 校对中\n', ''), 'renewed'],
    ]);
  });

  // From a review: tables that moved past each other were taken for tables read again alike (paired by place), or for
  // tables as they were (their identities' relations copied in the old order).
  it('two forms of one project moved past each other: each is read as itself', () => {
    const text = generateBudget();
    const a = text.indexOf('## 项目申报表 项目1\n');
    const b = text.indexOf('## 项目申报表 项目2\n');
    const form = text.slice(a, b);
    // A copy of 项目1's form whose figure disagrees with 项目支出表, after the original; then moved before it.
    const copy = form.replace('1. 一般公共预算财政拨款收入 | 30,830.20', '1. 一般公共预算财政拨款收入 | 30,830.23');
    follow(text.slice(0, b) + copy + text.slice(b), [
      ['the copy moved before the original', (t) => t.slice(0, a) + copy + form + t.slice(a + form.length + copy.length), undefined],
    ]);
  });

  it('two standard tables moved past each other: the identities applied in the new order', () => {
    const text = generateJiangsu();
    const swap = (t: string) => {
      const [a, b, c] = ['## 表 公开01表', '## 表 公开02表', '## 表 公开03表'].map((h) => t.indexOf(h));
      return t.slice(0, a) + t.slice(b, c) + t.slice(a, b) + t.slice(c);
    };
    follow(text, [['公开01表 and 公开02表 swapped', swap, undefined]]);
  });
});
