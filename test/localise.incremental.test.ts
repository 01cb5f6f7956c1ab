/**
 * Error localisation across keystrokes (server/src/checks/localise.ts with analysis.ts's relation source): an
 * explanation kept from the last version stands while nothing it read changed — no figure, and no relation spanning
 * sections at a figure whose relations it took — and telling that, or finding a figure's relations for a search, costs
 * what the edit changed, not every relation of the document (the standard identities between tables are thousands; a
 * figure retyped copies them unchanged).
 */
import { strict as assert } from 'node:assert';
import { analyze, DocumentAnalyzer, spanningIndexed, spanningKeyed } from '../server/src/analysis';
import { searches } from '../server/src/checks/localise';
import type { Finding } from '../server/src/checks/finding';
import { generateBudget } from '../bench/standardDocs';

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const shown = (fs: Finding[]) => errors(fs).map((f) => [f.span, f.message, f.fixes, f.related]);

/** The offset of the `n`th line below `heading`. */
function lineBelow(text: string, heading: string, n: number): number {
  let at = text.indexOf('\n', text.indexOf(heading)) + 1;
  for (let k = 0; k < n; k++) at = text.indexOf('\n', at) + 1;
  return at;
}
/** The offset in that line of the last figure's first digit (`first`) or of its last. */
function figureAt(text: string, heading: string, n: number, first: boolean): number {
  const at = lineBelow(text, heading, n);
  const line = text.slice(at, text.indexOf('\n', at));
  return at + (first ? line.lastIndexOf('| ') + 2 : line.length - 1);
}
const typed = (text: string, at: number, digit: string) => `${text.slice(0, at)}${digit}${text.slice(at + 1)}`;

describe('error localisation across keystrokes', () => {
  it('a figure retyped in a document of standard identities and a finding keys and indexes none of the relations between tables again, and finds what a fresh analysis finds', () => {
    // The generated 部门预算 (its tables bound by the standard set's identities) with 附表4-6's 302 公用经费 off by
    // 100,000.00: two findings, localised.
    const good = generateBudget({ kuanPerLei: 2, xiangPerKuan: 5 });
    const wrong = figureAt(good, '## 表 附表4-6', 5, true);
    const text = typed(good, wrong, String((Number(good[wrong]) + 1) % 10));
    const analyzer = new DocumentAnalyzer();
    const first = analyzer.analyze(text);
    const localised = errors(first.findings).filter((f) => f.fixes?.[0]?.span.start === wrong);
    assert.equal(localised.length, 2, 'the wrong figure is found and localised');
    assert.ok(first.relations.length > 500);
    // Digits typed, one after the other, into the last figure of a row of 附表4-3 (another section, away from them).
    const at = figureAt(text, '## 表 附表4-3', 12, false);
    let now = text;
    for (const d of ['1', '2', '3']) {
      now = typed(now, at, d);
      const [keyed, indexed, searched] = [spanningKeyed.count, spanningIndexed.count, searches.count];
      const incremental = analyzer.analyze(now);
      assert.equal(spanningKeyed.count - keyed, 0, 'nothing keyed: the relations between tables are those of the last version');
      // The figure retyped breaks a relation of 附表4-3: its group is searched, with the last version's index.
      assert.equal(searches.count - searched, 1);
      assert.equal(spanningIndexed.count - indexed, 0, 'nor indexed by figure again');
      assert.deepEqual(localised.map((f) => incremental.findings.includes(f)), [true, true], 'their explanation kept');
      assert.deepEqual(shown(incremental.findings), shown(analyze(now).findings));
    }
  });

  it('a version that searches nothing passes the index on: the next search indexes none of the relations between tables again', () => {
    // The same document: a figure of 附表4-3 broken (searched), retyped (searched), put back (nothing to search), broken
    // again (searched): the index made by the first search serves the last.
    const good = generateBudget({ kuanPerLei: 2, xiangPerKuan: 5 });
    const wrong = figureAt(good, '## 表 附表4-6', 5, true);
    const text = typed(good, wrong, String((Number(good[wrong]) + 1) % 10));
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(text);
    const at = figureAt(text, '## 表 附表4-3', 12, false);
    let now = typed(text, at, String((Number(text[at]) + 1) % 10));
    analyzer.analyze(now);
    for (const d of [String((Number(text[at]) + 2) % 10), text[at], String((Number(text[at]) + 3) % 10)]) {
      now = typed(now, at, d);
      const indexed = spanningIndexed.count;
      const incremental = analyzer.analyze(now);
      assert.equal(spanningIndexed.count - indexed, 0, `${d}: indexed by the first search, and never again`);
      assert.deepEqual(shown(incremental.findings), shown(analyze(now).findings), d);
    }
  });

  it('a relation spanning sections added at a figure an explanation took searches it again: a tie becomes one culprit, as a fresh analysis finds', () => {
    // 合计 ≠ 201 and nothing else binds either: either figure explains it (a tie).
    const head = `# 某局 2023 年度部门决算
部门：某局
年度：2023
类型：决算
金额单位：万元

## 表 附表1 支出明细
列：科目编码 | 科目名称 | 合计
 | 合计 | 100.00
201 | 一般公共服务支出 | 90.00
`;
    const text = `${head}\n## 情况说明\n本年无变化。\n`;
    const analyzer = new DocumentAnalyzer();
    const tie = errors(analyzer.analyze(text).findings);
    assert.ok(tie.length >= 1);
    assert.match(tie[0].message, /无法确定/, tie[0].message);
    // A table added below, before the paragraph (a section of its own; 附表1's is not edited): its rule binds 附表1's
    // 合计 to a figure of its own, which agrees with it.
    const more = text.replace('\n## 情况说明', `
## 表 附表2 核对
列：项目 | 金额
支出合计 | 100.00
规则：「支出合计」行1栏=附表1「合计」行1栏

## 情况说明`);
    const was = searches.count;
    const after = errors(analyzer.analyze(more).findings);
    assert.equal(analyzer.lastReuse.reused, analyzer.lastReuse.sections - 1, 'one section made, 附表1’s reused');
    assert.ok(searches.count > was, 'searched again');
    assert.deepEqual(shown(after), shown(analyze(more).findings));
    const at201 = more.indexOf('90.00');
    assert.ok(after.length >= 1 && after.every((f) => f.fixes?.length === 1 && f.fixes[0].span.start === at201), after.map((f) => f.message).join('\n'));
    // And taken away again: the tie, as before.
    assert.deepEqual(shown(errors(analyzer.analyze(text).findings)), shown(tie));
  });
});
