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

describe('glossary lines in other provinces’ forms', () => {
  // Entries without a colon (`是指`), after a bullet, the term in 【】 (Gansu, Guangxi and Yunnan 决算 glossaries).
  const FORMS: [string, string, string][] = [
    ['（1）基本支出，是指为保障机构正常运转、完成日常工作任务而发生的支出。', '基本支出', '是指为保障机构正常运转、完成日常工作任务而发生的支出。'],
    ['财政拨款收入是指单位从同级财政部门取得的财政预算资金。', '财政拨款收入', '是指单位从同级财政部门取得的财政预算资金。'],
    ['3. 事业收入系指事业单位开展专业业务活动及辅助活动所取得的收入。', '事业收入', '系指事业单位开展专业业务活动及辅助活动所取得的收入。'],
    ['● 经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。', '经营收入', '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。'],
    ['【“三公”经费】：指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。', '“三公”经费', '指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。'],
    // 梧州 2023 (a 部门预算's glossary): a 科目 that says what it covers, numbered.
    ['8.文化旅游体育与传媒支出反映政府在文化、旅游、体育、广播影视、新闻出版等方面的支出。', '文化旅游体育与传媒支出', '反映政府在文化、旅游、体育、广播影视、新闻出版等方面的支出。'],
  ];

  it('reads the term and its definition', () => {
    for (const [line, term, definition] of FORMS) {
      const g = glossaryLineOf(line);
      assert.equal(g?.term, term, line);
      assert.equal(line.slice(g.termStart, g.termEnd), term);
      assert.equal(g.definition, definition);
    }
  });

  it('a definition’s next line that says `是指` after other words is its continuation, not an entry', () => {
    assert.equal(glossaryLineOf('其中，人员经费是指工资福利支出和对个人和家庭的补助。'), undefined);
    const text = `# 某部门 2023 年部门决算\n部门：某部门\n年度：2023\n类型：决算\n\n## 名词解释\n${FORMS.map(([l]) => l).join('\n')}\n其中，人员经费是指工资福利支出。\n`;
    const glossary = analyze(text).document.glossary;
    assert.deepEqual(glossary.map((g) => g.term), FORMS.map(([, t]) => t));
    assert.match(glossary.at(-1)!.definition, /其中，人员经费是指工资福利支出。$/);
  });

  it('an unnumbered line that says `反映` continues the entry before it (the 三公 entry\'s items)', () => {
    assert.equal(glossaryLineOf('公务用车购置及运行费反映单位公务用车车辆购置支出及租用费、燃料费等支出。'), undefined);
    assert.equal(glossaryLineOf('9.商品和服务支出反映单位购买商品和服务的支出。')?.term, '商品和服务支出');
  });

  it('completion’s term begins after a bullet', () => {
    assert.equal(glossaryTermStart('● 经营收入'), 2);
  });
});
