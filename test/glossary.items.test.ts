/**
 * A 名词解释 line's item number is a row label's (model/classify.ts `itemNumberLength`): the documents number their
 * glossary entries as they number rows, so the glossary (model/glossaryLine.ts) and completion read the same numbers —
 * `廿一、` and `（ 1 ）` are numbers, `1.5` is the beginning of a term, not item 1.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/analysis';
import { withoutItemNumber } from '../server/src/model/classify';
import { glossaryLineOf, glossaryTermStart } from '../server/src/model/glossaryLine';

/** Numbered glossary lines, and the term each names: what is left of it without its item number. */
const LINES: [string, string][] = [
  ['一、基本支出：指为保障机构正常运转发生的支出。', '基本支出'],
  ['（一）项目支出：指为完成特定任务发生的支出。', '项目支出'],
  ['(3)三公经费：因公出国（境）费等。', '三公经费'],
  ['12. 机关运行经费：公用经费。', '机关运行经费'],
  ['  2、 财政拨款收入：本级财政当年拨付的资金。', '财政拨款收入'],
  ['廿一、灾害防治及应急管理支出：反映灾害防治支出。', '灾害防治及应急管理支出'],
  ['（ 1 ）事业收入：开展专业业务活动取得的收入。', '事业收入'],
  ['4.2020年结转资金：上年未用完的资金。', '2020年结转资金'],
  // A decimal begins the term: no item 1.
  ['1.5万元以下项目：单项金额较小的项目。', '1.5万元以下项目'],
  ['2.0版预算：第二版。', '2.0版预算'],
  // No number.
  ['结转结余：以前年度尚未完成的资金。', '结转结余'],
];

describe('glossary lines: the item number is a row label’s', () => {
  it('reads each line’s term after the item number a row label has', () => {
    for (const [line, term] of LINES) {
      const g = glossaryLineOf(line);
      assert.equal(g?.term, term, line);
      assert.equal(line.slice(g.termStart, g.termEnd), term);
      // The same number a row label printed so has.
      assert.equal(withoutItemNumber(line.slice(0, line.indexOf('：'))).trim(), term, line);
    }
  });

  it('nothing but an item number before the `：`: the number directly before it is the term, with blanks between none', () => {
    assert.equal(glossaryLineOf('一、：定义')?.term, '一、');
    assert.equal(glossaryLineOf('（1）：定义')?.term, '（1）');
    assert.equal(glossaryLineOf('一、 ：定义'), undefined);
    assert.equal(glossaryLineOf('1. ：定义'), undefined);
  });

  it('completion’s term begins where the glossary reads it', () => {
    for (const [line, term] of LINES) {
      // The term typed, not yet its `：` (while `4.2` of `4.2020年` is typed, it is a decimal).
      const typed = line.slice(0, line.indexOf('：'));
      assert.equal(glossaryTermStart(typed), line.indexOf(term), typed);
    }
    // Typed so far: only the number, or a decimal.
    assert.equal(glossaryTermStart('廿一、'), 3);
    assert.equal(glossaryTermStart('1.5'), 0);
  });

  it('a document’s glossary has those terms', () => {
    const text = `# 某部门 2023 年部门预算\n部门：某部门\n年度：2023\n类型：预算\n\n## 名词解释\n${LINES.map(([l]) => l).join('\n')}\n`;
    assert.deepEqual(analyze(text).document.glossary.map((g) => g.term), LINES.map(([, t]) => t));
  });
});
