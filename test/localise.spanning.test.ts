/**
 * What changed among the relations spanning sections between two versions (analysis.ts `spanningChanged`, asked by
 * error localisation when a kept explanation may stand), when the two versions have as many of them: the two lists
 * compared once as they stand (`RelationList.commonPrefix`), and keyed by content only from the first relation that
 * differs — the first that reads a figure of a part renewed, or a claim of a paragraph made again. Either way the
 * findings are those of a fresh analysis.
 */
import { strict as assert } from 'node:assert';
import { analyze, DocumentAnalyzer, spanningKeyed, type Analysis } from '../server/src/analysis';
import type { Finding } from '../server/src/checks/finding';
import { searches } from '../server/src/checks/localise';
import { cellsOf } from '../server/src/rules/relation';
import type { Relation } from '../server/src/rules/relation';
import { generateBudget } from '../bench/standardDocs';

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const shown = (fs: Finding[]) => errors(fs).map((f) => [f.span, f.message, f.fixes, f.related]);
/** The relations made anew for every version after the rules and standard identities: the forms' and the narrative's. */
const madeAnew = (a: Analysis) => a.relations.filter((r) => r.rule === 'form' || r.rule === 'narrative').length;
/** This document's relations spanning sections: the standard identities between tables, the forms', the narrative's (last in `relations`). */
const spanning = (a: Analysis): Relation[] => a.relations.slice(a.relations.length - a.relations.filter((r) => r.rule === 'cross-table').length - madeAnew(a));

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

  it('the paragraph edited: only the narrative’s relations keyed, the explanations kept, as a fresh analysis finds', () => {
    const { analyzer, first } = start();
    // A word typed in the paragraph: its section (and its claims' figures) made anew; no table touched. The forms'
    // relations are made again over the same figures: alike, they are not keyed.
    const now = text.replace('2023年收支总预算', '2023年部门收支总预算');
    const [keyed, searched] = [spanningKeyed.count, searches.count];
    const a = analyzer.analyze(now);
    assert.equal(a.relations.length, first.relations.length, 'as many relations');
    const claims = a.relations.filter((r) => r.rule === 'narrative').length;
    assert.ok(claims > 0 && madeAnew(a) > claims);
    assert.equal(spanningKeyed.count - keyed, 2 * claims, 'both versions keyed from the first claim');
    assert.equal(searches.count - searched, 0, 'no explanation read a claim’s figure: none searched again');
    assert.deepEqual(shown(a.findings), shown(analyze(now).findings));
  });

  for (const [table, row, readFirst] of [['附表4-3', '201', true], ['项目支出表', '420117221300000000001', false]] as const) {
    it(`a table’s part renewed (${table}, read ${readFirst ? 'by the first relation between tables' : 'past the 200th'}): the relations spanning sections keyed from the first that reads it, as a fresh analysis finds`, () => {
      const { analyzer, first } = start();
      // A blank line between two rows of the table renews its part: the relations between tables that read it are others.
      const at = text.indexOf(`\n${row} | `, text.indexOf(`## 表 ${table}`)) + 1;
      const now = `${text.slice(0, at)}\n${text.slice(at)}`;
      const keyed = spanningKeyed.count;
      const a = analyzer.analyze(now);
      assert.equal(analyzer.lastReuse.unit, 'rows');
      assert.equal(a.relations.length, first.relations.length, 'as many relations');
      const list = spanning(a);
      assert.ok(list.filter((r) => r.rule === 'cross-table').length > 200);
      const from = list.findIndex((r) => cellsOf(r).some((c) => c.row.part.table.heading.includes(table)));
      assert.ok(readFirst ? from === 0 : from > 200, String(from));
      assert.equal(spanningKeyed.count - keyed, 2 * (list.length - from), 'both versions keyed from the first relation reading the part');
      assert.deepEqual(shown(a.findings), shown(analyze(now).findings));
    });
  }
});
