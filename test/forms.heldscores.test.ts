/**
 * A form's scores that hold are relations error localisation weighs (../server/src/rules/forms.ts `heldScores`, asked
 * through ../server/src/analysis.ts `relationSource`, as `heldRates`): `得分 = 分值 × 执行率` and `总分 = Σ 得分` that hold
 * are listed nowhere (a document of 3,000 forms would make them at every keystroke), so a set that changes a rate, or a
 * score, broke them unseen. The layout is a real 项目支出绩效自评表 (永德县明朗中学 2022, test/fixtures/forms/others,
 * its scores adding up to its 总分 96), its funds rows (and 总分) replaced by planted figures.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { ROOT } from './support/lsp';

const FORM = readFileSync(join(ROOT, 'test', 'fixtures', 'forms', 'others', 'yunnan-yongde-mingzhong-2022.budget'), 'utf8');
const ROWS = `年度资金总额 | | 387664.62 | 387664.62 | 10 | 100% | 10
其中：当年财政拨款 | | 387664.62 | 387664.62 | — | | —`;
const TOTAL = '总分 | | | | | | | 100 | 96 | 优';

/** The form with its funds rows replaced, its funds score 8 (so its 总分 94: 96 − 10 + 8). */
function form(rows: string): string {
  assert.ok(FORM.includes(ROWS) && FORM.includes(TOTAL));
  return FORM.replace(ROWS, rows).replace(TOTAL, '总分 | | | | | | | 100 | 94 | 优');
}

const errors = (text: string) => analyze(text).findings.filter((f) => f.severity === 'error');
const fixesOf = (text: string) => errors(text).flatMap((f) => (f.fixes ?? []).map((x) => `${text.slice(x.span.start, x.span.end)}→${x.text}`));

describe('forms: the scores that hold weigh in error localisation', () => {
  it('a sum mended by changing a rate is not explained where the rate\'s score, which holds, would break', () => {
    // 全年执行数: 当年财政拨款 360,000.00 (its rate 90%, which holds) under a 年度资金总额 of 320,000.00 (80%, score 8 of 10).
    // Either row's amount with its rate mends the sum (weight 4 each), but 320,000.00 → 360,000.00 makes the funds rate
    // 90% and its score 9, not the 8 printed (which holds, and adds up to the 总分): BASE named both as a tie.
    const text = form(`年度资金总额 | | 400000.00 | 320000.00 | 10 | 80% | 8
其中：当年财政拨款 | | 400000.00 | 360000.00 | — | 90% | —`);
    const errs = errors(text);
    assert.equal(errs.length, 1, errs.map((e) => e.message).join('\n'));
    assert.match(errs[0].message, /可能有误的是 「其中：当年财政拨款」行「全年执行数」栏、「其中：当年财政拨款」行「执行率」栏$/, errs[0].message);
  });

  it('a score that does not hold is not fixed alone where its form\'s 总分, which holds, adds it up', () => {
    // 10 × 90% = 9 printed 8, and 总分 94 = 8 + the indicators' 86 exactly: 8 → 9 (BASE's fix) makes the scores add up to
    // 95 under 94. The score with the 总分 (or with another score) is the explanation; no fix of one figure.
    const text = form(`年度资金总额 | | 400000.00 | 360000.00 | 10 | 90% | 8
其中：当年财政拨款 | | 400000.00 | 360000.00 | — | | —`);
    const errs = errors(text);
    assert.equal(errs.length, 1, errs.map((e) => e.message).join('\n'));
    assert.deepEqual(fixesOf(text), []);
    assert.match(errs[0].message, /「年度资金总额」行「得分」栏、「总分」行「得分」栏/, errs[0].message);
    // Not the rate with the budget (80% of 450,000.00): the score pins the rate, the 全年预算数's sum the budget, and
    // 360,000.00 ÷ 400,000.00 is 90% (a ratio's percentage and whole both free are bounded together, session 27).
    assert.doesNotMatch(errs[0].message, /「执行率」栏/, errs[0].message);
  });

  it('稷山 2020 (a published mistake): the funds score 9 for 10 × 99% is the one figure at fault, its 总分 94 counting 10', () => {
    // test/fixtures/forms/others/shanxi-jishan-medical-2020.budget: 年度资金总额 65.66 | 65.07 | 10 | 99% | 9, the scores
    // adding up to 93 under a 总分 of 94. 9 → 10 mends both: 10 × 99% = 9.9 is a score of 10 as printed (a printed score is
    // judged at its precision), and 93 + 1 = 94. BASE required the new score itself within [9.85, 9.95], so 10 (which
    // the 总分's whole points hold exactly) was no explanation; it named the score with its rate (a rate the amounts'
    // ratio, 65.07 ÷ 65.66 = 99.10%, confirms) and offered no fix.
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'forms', 'others', 'shanxi-jishan-medical-2020.budget'), 'utf8');
    const errs = errors(text);
    assert.equal(errs.length, 2, errs.map((e) => e.message).join('\n'));
    for (const e of errs) assert.doesNotMatch(e.message, /执行率」栏/, e.message);
    assert.deepEqual(fixesOf(text), ['9→10', '9→10']);
  });

  it('the real form, whose scores hold, has no error', () => {
    assert.deepEqual(analyze(FORM).findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
  });
});
