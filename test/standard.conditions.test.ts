/**
 * Identities with an equality for condition (`当 C=D`) across versions of a document: whatever the condition and the
 * identity's expansion gave in the last version, the incremental analysis gives what a fresh analysis of the same text
 * gives — the identity's outcome and state, its relations, the findings.
 */
import { strict as assert } from 'node:assert';
import { generateBudget } from '../bench/standardDocs';
import { analyze, DocumentAnalyzer, type Analysis } from '../server/src/analysis';
import { identityState } from '../server/src/standard/apply';
import { dump } from './support/dump';
import { replaceAfter } from './support/docs';


/** How an identity of the 部门整体支出绩效目标申报表 was applied: its outcome and its state. */
function whole(a: Analysis, identity: string): string {
  const t = a.document.tables.find((x) => x.title.includes('部门整体支出绩效目标申报表'));
  assert.ok(t, 'no 部门整体支出绩效目标申报表');
  const x = a.standard.applied(t).find((y) => y.identity.text.startsWith(identity));
  assert.ok(x, `${identity} not applied`);
  return `${x.outcome} ${identityState(x)}`;
}

describe('standard sets: an identity whose condition holds but whose expansion names nothing, across edits', () => {
  // The 部门整体支出绩效目标申报表's 支出构成 prints its figures under 本年金额, not 当年金额: the identity
  // `「人员类项目支出」行「当年金额」栏=… 当 「收支总表」「一般公共预算拨款收入」行=「收支总表」「收入总计」行` binds (the
  // row is in 支出构成, the column in 收入构成) but does not expand (no 当年金额 in the row's part): unresolved while its
  // condition holds, not applicable by its condition when it does not. The document prints only the tables these
  // identities read (收支总表, 一般公共预算支出表): no other identity reads that condition, so none notices it turn.
  const generated = generateBudget({ kuanPerLei: 2, xiangPerKuan: 3 });
  const sections = generated.split(/^(?=## )/m);
  const kept = sections.filter((s, i) => i === 0 || /^## (表 附表4-1 收支总表|表 附表4-5 一般公共预算支出表|绩效目标表 部门整体)/.test(s));
  assert.equal(kept.length, 4);
  const base = replaceAfter(kept.join(''), '### 部门总体资金情况 支出构成', '列：项目 | 当年金额', '列：项目 | 本年金额');
  const IDENTITY = '「人员类项目支出」行「当年金额」栏';
  const total = base.slice(base.indexOf('收入总计 | ') + '收入总计 | '.length).split('\n')[0];
  /** The 收支总表's 收入总计 with its first digit `d`: no longer the 一般公共预算拨款收入 (unless `d` is its own). */
  const totalWith = (d: string) => replaceAfter(base, '## 表 附表4-1 收支总表', `收入总计 | ${total}`, `收入总计 | ${d}${total.slice(1)}`);
  const other = (n: number) => String((Number(total[0]) + n) % 9 + 1);
  const notHolding = totalWith(other(0));

  it('the document as built: unresolved while the condition holds, condition not met when it does not', () => {
    assert.equal(whole(analyze(base, { locale: 'zh' }), IDENTITY), 'unresolved missing');
    assert.equal(whole(analyze(notHolding, { locale: 'zh' }), IDENTITY), 'condition condition');
  });

  for (const byShape of [true, false]) {
    it(`a figure retyped makes the condition fail and hold, turn after turn: each version as a fresh analysis gives it${byShape ? '' : ' (no templates)'}`, () => {
      const options = { locale: 'zh', standard: { byShape } } as const;
      const analyzer = new DocumentAnalyzer(options);
      const versions = [base, notHolding, base, notHolding, base, totalWith(other(1)), base, notHolding, base, notHolding];
      versions.forEach((text, i) => {
        const a = analyzer.analyze(text);
        if (i) assert.equal(analyzer.lastReuse.unit, 'figures', `version ${i}: a figure retyped`);
        const fresh = analyze(text, options);
        assert.equal(whole(a, IDENTITY), whole(fresh, IDENTITY), `version ${i}`);
        assert.deepEqual(dump(a), dump(fresh), `version ${i}`);
      });
    });
  }
});
