/**
 * Session 27's new readers against wordings of their class they could misread (review28): a procurement's saving
 * (claims/checks.ts `savingChecks`: 节约资金 = 预算 − 实际采购, 节约率 = 节约资金 ÷ 预算) when the sentence lists parts of
 * what was spent before the saving, or names what was spent of the budget with the budget's word; a change
 * checked against the base year's column (`tableChange`) when a second change of the sentence compares with another
 * base; a change's amount of this year taken from the line before under other words (`looselySame`) when two of that
 * line's amounts are so named; a bare rate in brackets after a change (claims/extract.ts `bracketedRate`) printed with
 * its sign.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/analysis';

const doc = (kind: string, body: string) => `# 某县2023年政府采购情况\n部门：某县财政局\n年度：2023\n类型：${kind}\n金额单位：万元\n\n## 情况说明\n${body}\n`;
/** Each narrative error as the figure it stands at. */
const errors = (text: string) => analyze(text, { locale: 'zh' }).findings.filter((f) => f.rule === 'narrative' && f.severity === 'error')
  .map((f) => `${text.slice(f.span.start, f.span.end)} ${f.message}`);

describe('claims: a procurement’s saving and a change against the tables, in wordings of their class (review28)', () => {
  it('takes the amount spent on the budget’s side of a `其中`, never a part listed after it', () => {
    // The 政府采购 paragraphs of 部门决算 print the 中小企业 share of what was spent (`政府采购支出总额33509.75万元,其中授予
    // 中小企业合同金额32407.19万元`, 财政部 2019, https://bj.crntt.com/doc/93_15733_105827854_3_0719103159.html) and a
    // city's procurement report its categories after each measure (`…预算规模为227957.45万元,其中:货物类采购预算金额
    // 97926.37万元;…实际采购规模为205460.49万元,其中:…`, http://www.ocrzy.com/html/.zwxxgzdtczdt.201801t20180113_1072019.html).
    // 98aee13 took the part before the saving as what was spent: 8000 − 6000 ≠ 500 and 8000 − 1500 ≠ 500 (false errors),
    // and summed the saving as a part of what was spent (7500 ≠ 6000 + 500).
    for (const body of [
      '2023年全县政府采购预算8000万元，实际采购金额7500万元，其中授予中小企业合同金额6000万元，节约资金500万元，节约率6.25%。',
      '2023年全县政府采购预算总额8000万元，实际采购金额7500万元，其中：货物类采购2000万元、工程类采购4000万元、服务类采购1500万元，节约资金500万元，资金节约率6.25%。',
    ]) assert.deepEqual(errors(doc('决算', body)), [], body);
    // A wrong saving there is still found, against what the whole spent.
    const wrong = errors(doc('决算', '2023年全县政府采购预算8000万元，实际采购金额7500万元，其中授予中小企业合同金额6000万元，节约资金600万元，节约率7.5%。'));
    assert.ok(wrong.some((e) => e.startsWith('600 ') && /应为 500/.test(e)), wrong.join('\n'));
    // The items of a 其中 that says each measure again are still each measure's (大埔 2019's layout).
    const items = '采购计划金额共计10万元,实际采购金额共计9万元,共节约资金1万元,其中货物类采购计划金额共计5万元,实际采购金额共计4.5万元,共节约资金0.5万元;工程类采购计划金额共计5万元,实际采购金额共计4.5万元,共节约资金0.5万元。';
    const sums = analyze(doc('决算', items)).relations.filter((r) => r.rule === 'narrative' && r.kind === 'sum' && r.terms.every((t) => t.sign > 0))
      .map((r) => `${r.target.text} = ${r.terms.map((t) => t.cell.text).join(' + ')}`);
    assert.deepEqual(sums, ['9 = 4.5 + 4.5', '1 = 0.5 + 0.5']);
  });

  it('does not take what was spent of the budget (`预算执行金额`) for the budget', () => {
    // 98aee13: budget 7500 (its words name 预算), spent 8000: `应为 6.67%` for a right 6.25%.
    assert.deepEqual(errors(doc('决算', '2023年全县政府采购预算8000万元，政府采购预算执行金额7500万元，节约资金500万元，节约率6.25%。')), []);
    assert.equal(errors(doc('决算', '2023年全县政府采购预算8000万元，政府采购预算执行金额7500万元，节约资金500万元，节约率6.67%。')).length, 1);
  });

  it('reads a change’s basis from its own comparison when a change before it in the sentence compared with last year', () => {
    // `比上年减少10万元，比预算减少19.5万元`: the second is against this year's budget (200.00), not last year's 决算
    // (190.50) — 98aee13 read the sentence's `比上年` for both (a false `应为 10.00`).
    const text = (sentence: string) => `# 测试局2024年部门决算\n部门：测试局\n年度：2024\n类型：决算\n金额单位：万元\n\n## 情况说明\n${sentence}\n\n` +
      '## 表 “三公”经费表\n单位：万元\n列：项目 | 上年决算数 | 预算数 | 决算数\n“三公”经费 | 190.50 | 200.00 | 180.50\n公务接待费 | 30.00 | 30.00 | 20.00\n';
    assert.deepEqual(errors(text('2024年“三公”经费决算数为180.5万元，比上年减少10万元，比预算减少19.5万元。')), []);
    // Each change against its own basis: a wrong change against last year is still found, in either order.
    const late = errors(text('2024年“三公”经费决算数为180.5万元，比预算减少19.5万元，比上年减少12万元。'));
    assert.ok(late.some((e) => e.startsWith('12 ') && /应为 10\.00/.test(e)), late.join('\n'));
    const first = errors(text('2024年“三公”经费决算数为180.5万元，比上年减少12万元，比预算减少19.5万元。'));
    assert.ok(first.some((e) => e.startsWith('12 ') && /应为 10\.00/.test(e)), first.join('\n'));
  });

  it('takes this year’s amount from the line before under other words only when one amount there is so named', () => {
    // `其中：一般公共预算财政拨款100万元，政府性基金预算财政拨款20万元` / `财政拨款支出预算比上年增加10万元`: both are 财政拨款
    // but for their words and neither is the whole (120 is of 收入). 98aee13 paired the last (20): a false `应为 100.00%`.
    const body = '2023年财政拨款收入预算120万元，其中：一般公共预算财政拨款100万元，政府性基金预算财政拨款20万元。\n财政拨款支出预算比上年增加10万元，增长9.09%。';
    assert.deepEqual(errors(doc('预算', body)), []);
    // One so named is still paired (临沧 2018: `财政拨款“三公”经费预算总额为2.7万元…` / `“三公”经费预算数比2017年预算数减少
    // 0.06万元,减幅 0.02%`: 0.06 ÷ 2.76 = 2.17%).
    const lincang = errors(doc('预算', '2023年财政拨款“三公”经费预算总额为2.7万元,其中,因公出国(境)费支出0万元,公务用车购置及运行费支出1.5万元,公务接待费支出1.2万元。\n2023年“三公”经费预算数比2022年预算数减少0.06万元,减幅 0.02%。'));
    assert.ok(lincang.some((e) => e.startsWith('0.02%') && /应为 2\.17%/.test(e)), lincang.join('\n'));
  });

  it('reads a signed rate in brackets after a decrease as the decrease’s size (`减少1.5万元（-42.86%）`)', () => {
    // 西安新城区 2019 prints `减少1.5万元(42.86%)` (narr27); the sign written in is as common. 98aee13: `列示 -42.86%，
    // 按 1.5 ÷ (2 + 1.5) 应为 42.86%，相差 85.72%`, a false error.
    assert.deepEqual(errors(doc('预算', '2023年公务接待费预算2万元，比上年减少1.5万元（-42.86%），主要是压减接待批次。')), []);
    // A wrong one is still found, told as printed.
    const wrong = errors(doc('预算', '2023年公务接待费预算2万元，比上年减少1.5万元（-40.00%），主要是压减接待批次。'));
    assert.ok(wrong.some((e) => e.startsWith('-40.00%') && /列示 -40\.00%.*应为 42\.86%/.test(e)), wrong.join('\n'));
  });
});
