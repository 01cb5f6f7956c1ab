/**
 * One item-numbering pattern for row labels (model/classify.ts `withoutItemNumber`, `itemLevel`), read alike by the
 * rules (`「收入」行` finds `一．收入`; a range `（「甲」+…）` runs over the rows numbered alike) and by the standard
 * sets' names (standard/names.ts `ruleLabelKey`, `titleKey`). The forms are those printed in the seeds and the corpus
 * (`一、`, `（一）`, `(一)`, `1.`, `1．`, `1、`, `（1）`, `(1)`), and `一.`/`一．` as other provinces print them.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze } from '../server/src/analysis';
import { hasItemNumber, ITEM_NUMBER, itemLevel, itemNumberLength, norm, withoutItemNumber } from '../server/src/model/classify';
import { realDocuments } from './support/documents';
import { findRows } from '../server/src/rules/declared';
import { nameKey, ruleLabelKey, titleKey } from '../server/src/standard/names';
import type { AtomNode } from '../server/src/syntax/ast';

/** A label, its level (`一、` 1, `（一）` 2, `1.` 3, `（1）` 4) and the label without its number. */
const NUMBERED: [string, 1 | 2 | 3 | 4, string][] = [
  ['一、一般公共预算财政拨款收入', 1, '一般公共预算财政拨款收入'],
  ['十二、农林水支出', 1, '农林水支出'],
  ['廿一、其他支出', 1, '其他支出'],
  ['一.收入', 1, '收入'],
  ['一．收入', 1, '收入'],
  ['二、 事业收入', 1, '事业收入'],
  ['（一）行政运行', 2, '行政运行'],
  ['(一)行政运行', 2, '行政运行'],
  ['（十四）其他', 2, '其他'],
  ['（ 一 ）行政运行', 2, '行政运行'],
  ['1.政府采购', 3, '政府采购'],
  ['1. 政府采购', 3, '政府采购'],
  ['1．公务接待费', 3, '公务接待费'],
  ['1、依法履职', 3, '依法履职'],
  ['12.住房公积金', 3, '住房公积金'],
  ['4.2020年12月前完成培训', 3, '2020年12月前完成培训'],
  ['4. 2020 年项目', 3, '2020 年项目'],
  ['（1）公务用车购置费', 4, '公务用车购置费'],
  ['(1)公务用车购置费', 4, '公务用车购置费'],
  ['（2） 运行维护费', 4, '运行维护费'],
];

/** Labels that begin with no item number: a decimal (`1.5`, `2.0`) is a number of the label, not its numbering. */
const UNNUMBERED = ['1.5万元以下', '2.0', '1．5万元', '1. 5万元以下', '201', '2023年', '一般公共预算', '十分重要', '二〇二三年', '合计', '（公开01表）', '一般公共服务支出（类）', '①人员经费', ''];

const atom = (value: string): AtomNode => ({ value, quoted: true, unit: 'row', span: { start: 0, end: 0 } });

describe('item numbering of row labels: one pattern', () => {
  it('reads each printed form: its level, and the label without it', () => {
    for (const [label, level, bare] of NUMBERED) {
      assert.equal(itemLevel(label), level, label);
      assert.equal(withoutItemNumber(label), bare, label);
      // Blanks change nothing: the label's `norm` has the same number.
      assert.equal(itemLevel(norm(label)), level, label);
      assert.equal(withoutItemNumber(norm(label)), norm(bare), label);
    }
    for (const label of UNNUMBERED) {
      assert.equal(itemLevel(label), undefined, label);
      assert.equal(withoutItemNumber(label), label, label);
    }
  });

  it('the standard sets’ names drop the same number', () => {
    for (const [label, , bare] of NUMBERED) assert.equal(ruleLabelKey(label), norm(bare), label);
    for (const label of UNNUMBERED) assert.equal(ruleLabelKey(label), nameKey(label), label);
    assert.equal(titleKey('一.收入支出决算总表'), '收入支出决算总表');
    assert.equal(titleKey('（一）收入支出决算总表'), '收入支出决算总表');
    assert.equal(titleKey('1、2023年度收入支出决算总表'), '收入支出决算总表');
    // (whose table it is, 部门, goes too: names.ts `OWNER`)
    assert.equal(titleKey('3. 2023年部门收支总表'), '收支总表');
  });

  it('a rule finds a numbered row by its label without the number, in a small part and in an indexed one', () => {
    for (const pad of [0, 12]) {
      const labels = [...NUMBERED.map(([l]) => l), ...UNNUMBERED.filter(Boolean), ...Array.from({ length: pad }, (_, i) => `填充${i}`)];
      const text = ['# 测试单位', '年度：2023', '', '## 表 表1 测试表', '列：项目 | 金额', ...labels.map((l, k) => `${l} | ${k}.00`)].join('\n');
      const table = analyze(text, { standard: false }).document.tables[0];
      const rows = (name: string) => findRows(table, atom(name)).map((r) => r.label);
      assert.deepEqual(rows('收入'), ['一.收入', '一．收入'], `${pad}`);
      assert.deepEqual(rows('公务用车购置费'), ['（1）公务用车购置费', '(1)公务用车购置费']);
      assert.deepEqual(rows('2020年12月前完成培训'), ['4.2020年12月前完成培训']);
      assert.deepEqual(rows('1.5万元以下'), ['1.5万元以下', '1. 5万元以下'], 'a label that begins with a decimal is found as it is');
      assert.deepEqual(rows('5万元以下'), [], 'and not by what follows its first digit');
      assert.deepEqual(rows('0'), [], '2.0 is not item 2 of 0');
    }
  });

  it('a range `（「甲」+…）` runs over the rows numbered alike and ends at a label that begins with a decimal', () => {
    const doc = (third: string) => [
      '# 测试单位', '年度：2023', '', '## 表 表1 测试表', '列：项目 | 金额',
      '合计 | 10.00', '1.甲 | 6.00', '（1）甲一 | 6.00', '2．乙 | 4.00', `${third} | 3.00`, '规则：「合计」行=（「甲」+…）行',
    ].join('\n');
    const errors = (text: string) => analyze(text, { standard: false }).findings.filter((f) => f.severity === 'error').map((f) => f.message);
    assert.deepEqual(errors(doc('1.5万元以下')), [], '1.5万元以下 is not a third item');
    assert.equal(errors(doc('3.丙')).length, 1, '3.丙 is a third item: 6 + 4 + 3 ≠ 10');
  });

  it('is read code unit by code unit as the pattern ITEM_NUMBER reads it: the same length and level', () => {
    const byPattern = (s: string) => {
      const m = ITEM_NUMBER.exec(s);
      return m ? { length: m[0].length, level: m[1] ? 1 : m[2] ? 2 : m[3] ? 3 : 4 } : undefined;
    };
    const check = (s: string) => {
      const want = byPattern(s);
      assert.equal(itemNumberLength(s), want?.length ?? 0, JSON.stringify(s));
      assert.equal(itemLevel(s), want?.level, JSON.stringify(s));
      assert.equal(hasItemNumber(s), !!want, JSON.stringify(s));
    };
    // Every row label of the seeds and the corpus …
    for (const [, text] of realDocuments()) for (const line of text.split('\n')) check(line.split('|')[0]);
    // … every text of up to 4 pieces of what an item number is made of, and of 5 of fewer pieces (each way of ending
    // one — `1.5`, `1.2020年`, `1.202 年`, `（ 1 ）` — is met) …
    const every = (pieces: string[], n: number, prefix = ''): void => {
      check(prefix);
      if (n) for (const p of pieces) every(pieces, n - 1, prefix + p);
    };
    every(['一', '廿', '1', '12', '2020', '202', '.', '．', '、', '（', '(', '）', ')', ' ', '\u3000', '年', 'a'], 4);
    every(['一', '1', '202', '2020', '.', '、', '（', '）', ' ', '年'], 5);
    // … and random texts of more symbols.
    const texts = fc.array(fc.constantFrom('一', '十', '廿', '二', '〇', '、', '.', '．', '。', '（', '(', '）', ')', '0', '1', '9', '年', '月', 'a', ' ', '\t', '\u3000', '\u00a0', '\u2002', '\ufeff', '\n', '\v'), { maxLength: 12 });
    fc.assert(fc.property(texts.map((a) => a.join('')), check), { numRuns: 50000 });
  });
});
