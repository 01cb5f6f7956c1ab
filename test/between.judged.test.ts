/**
 * A figure retyped: the relations between tables are judged again only where they read it (analysis.ts `retyped`,
 * `RelationList.marksTouching`); each version must give what a fresh analysis gives.
 */
import * as assert from 'node:assert/strict';
import { analyze, betweenJudged, DocumentAnalyzer, type AnalysisOptions } from '../server/src/analysis';
import { dump } from './support/dump';

const HEAD = `# 测试\n部门：测试部门\n年度：2023\n类型：决算\n金额单位：万元\n标准表：无\n\n`;
/** Two tables and a rule between them (the document's own, expanded against the whole document). */
const TEXT = `${HEAD}## 表 表1 甲表\n列：项目 | 金额\nA | 1.00\nB | 2.00\nC | 0.00\n\n## 表 表2 乙表\n列：项目 | 金额\n合计 | 3.00\n其他 | 0.00\n规则：「合计」行=「甲表」「A」行+「甲表」「B」行\n规则：「其他」行=「甲表」「C」行\n`;

/** Each step: what, the text replaced, its replacement, how many relations between tables are judged again. */
function follow(options: AnalysisOptions, steps: [string, string, string, number][]): void {
  const analyzer = new DocumentAnalyzer(options);
  let text = TEXT;
  analyzer.analyze(text);
  for (const [what, from, to, judged] of steps) {
    text = text.replace(from, to);
    const before = betweenJudged.count;
    const a = analyzer.analyze(text);
    assert.equal(analyzer.lastReuse.unit, 'figures', what);
    assert.equal(betweenJudged.count - before, judged, `${what}: relations between tables judged`);
    assert.deepEqual(dump(a), dump(analyze(text, options)), what);
  }
}

describe('relations between tables, a figure retyped', () => {
  it('the rule reading it is judged again, the other keeps holding', () => {
    follow({ locale: 'zh' }, [
      // Of the two rules, the one reading the figure; then it, failing, and the other, reading C.
      ['B retyped: 合计 no longer agrees', 'B | 2.00', 'B | 2.50', 1],
      ['C retyped: 其他 no longer agrees either', 'C | 0.00', 'C | 1.00', 2],
      ['B as it was', 'B | 2.50', 'B | 2.00', 2],
      ['合计 retyped by a cent: a rounding tail', '合计 | 3.00', '合计 | 3.01', 2],
    ]);
  });

  it('with rounding tails hidden, a tail turned into a mismatch by a figure of more decimals is seen', () => {
    follow({ locale: 'zh', roundingTails: false }, [
      ['合计 retyped by a cent: a tail, hidden', '合计 | 3.00', '合计 | 3.01', 1],
      // Every figure of 甲表's part: both rules.
      ['C with a third decimal: 甲表’s figures are read to the thousandth, the tail is a mismatch', 'C | 0.00', 'C | 0.000', 2],
    ]);
  });
});
