/**
 * What changed among the relations spanning sections between two versions (analysis.ts `spanningChanged`, asked by
 * error localisation when a kept explanation may stand), when the two versions have as many of them: the rules and
 * standard identities between tables compared once, and keyed by content only from where they end when they are the
 * last version's; every one keyed when they are not. Either way the findings are those of a fresh analysis.
 */
import { strict as assert } from 'node:assert';
import { analyze, DocumentAnalyzer, spanningKeyed, type Analysis } from '../server/src/analysis';
import type { Finding } from '../server/src/checks/finding';
import { searches } from '../server/src/checks/localise';
import { generateBudget } from '../bench/standardDocs';

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const shown = (fs: Finding[]) => errors(fs).map((f) => [f.span, f.message, f.fixes, f.related]);
/** The relations made anew for every version after the rules and standard identities: the forms' and the narrative's. */
const madeAnew = (a: Analysis) => a.relations.filter((r) => r.rule === 'form' || r.rule === 'narrative').length;

describe('error localisation: relations spanning sections, as many as before', () => {
  // The generated 部门预算 with 附表4-6's 302 公用经费 off by 100,000.00 (its findings localised with the relations
  // between tables they took), and a paragraph whose three claims restate 收支总表 figures (three narrative relations).
  const good = generateBudget({ kuanPerLei: 2, xiangPerKuan: 5 });
  const total = good.slice(good.indexOf('收入总计 | ') + '收入总计 | '.length).split('\n')[0];
  const at302 = good.indexOf('\n302 | ', good.indexOf('## 表 附表4-6')) + 1;
  const line302 = good.slice(at302, good.indexOf('\n', at302));
  const wrong = at302 + line302.lastIndexOf('| ') + 2;
  const text = `${good.slice(0, wrong)}${(Number(good[wrong]) + 1) % 10}${good.slice(wrong + 1)}
## 部门预算情况说明
2023年收支总预算${total}万元。一般公共预算拨款收入${total}万元，本年支出合计${total}万元。
`;

  function start(): { analyzer: DocumentAnalyzer; first: Analysis } {
    const analyzer = new DocumentAnalyzer();
    const first = analyzer.analyze(text);
    const localised = errors(first.findings).filter((f) => f.fixes?.[0]?.span.start === wrong);
    assert.equal(localised.length, 2, 'the wrong figure is found and localised');
    assert.equal(first.relations.filter((r) => r.rule === 'narrative').length, 3);
    return { analyzer, first };
  }

  it('the paragraph edited: only the forms’ and the narrative’s relations keyed, the explanations kept, as a fresh analysis finds', () => {
    const { analyzer, first } = start();
    // A word typed in the paragraph: its section (and its claims' figures) made anew; no table touched.
    const now = text.replace('2023年收支总预算', '2023年部门收支总预算');
    const [keyed, searched] = [spanningKeyed.count, searches.count];
    const a = analyzer.analyze(now);
    assert.equal(a.relations.length, first.relations.length, 'as many relations');
    assert.equal(spanningKeyed.count - keyed, 2 * madeAnew(a), 'both versions keyed from where the relations between tables end');
    assert.equal(searches.count - searched, 0, 'no explanation read a claim’s figure: none searched again');
    assert.deepEqual(shown(a.findings), shown(analyze(now).findings));
  });

  it('a table’s part renewed: every relation spanning sections keyed, as a fresh analysis finds', () => {
    const { analyzer, first } = start();
    // A blank line between two rows of 附表4-3 renews its part: the relations between tables that read it are others.
    const at = text.indexOf('\n201 | ', text.indexOf('## 表 附表4-3')) + 1;
    const now = `${text.slice(0, at)}\n${text.slice(at)}`;
    const keyed = spanningKeyed.count;
    const a = analyzer.analyze(now);
    assert.equal(analyzer.lastReuse.unit, 'rows');
    assert.equal(a.relations.length, first.relations.length, 'as many relations');
    // This document's relations between tables are all the standard identities' (in the list before the forms').
    const between = a.relations.filter((r) => r.rule === 'cross-table').length;
    assert.ok(between > 200);
    assert.equal(spanningKeyed.count - keyed, 2 * (between + madeAnew(a)), 'both versions keyed whole');
    assert.deepEqual(shown(a.findings), shown(analyze(now).findings));
  });
});
