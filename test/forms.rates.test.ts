/**
 * A form's rates that hold are relations error localisation weighs (../server/src/rules/forms.ts `heldRates`, asked
 * through ../server/src/analysis.ts `relationSource`): a quick fix that mends a 年度资金总额 sum never breaks the
 * 执行率 its row prints. The layout is a real 项目支出绩效自评表 (廊坊市食品工程学校 2019, test/fixtures/forms/others),
 * its funds rows replaced by planted figures.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { searches } from '../server/src/checks/localise';
import { ROOT } from './support/lsp';

const FORM = readFileSync(join(ROOT, 'test', 'fixtures', 'forms', 'others', 'hebei-langfang-foodschool-2019.budget'), 'utf8');
const ROWS = `年度资金总额 | 43.2 | 43.2 | 37.24 | 10 | 86% | 9
其中：当年财政拨款 | 43.2 | 43.2 | 37.24 | | |
上年结转资金 | | | | | |`;

function form(rows: string): string {
  assert.ok(FORM.includes(ROWS));
  return FORM.replace(ROWS, rows);
}

const errors = (text: string) => analyze(text).findings.filter((f) => f.severity === 'error');
const fixesOf = (text: string) => errors(text).flatMap((f) => (f.fixes ?? []).map((x) => `${text.slice(x.span.start, x.span.end)}→${x.text}`));

describe('forms: the rates that hold weigh in error localisation', () => {
  it('a sum that fails is mended at the one figure no printed rate reads, not at a figure whose rate holds', () => {
    // 全年预算数: 100 + 210 = 310 printed 300. 300 → 310 would break 240 ÷ 300 = 80.00% (240 ÷ 310 = 77.42%), 100 → 90
    // would break 90 ÷ 100 = 90.00%; 上年结转资金 prints no rate: 210 → 200 alone mends everything.
    const text = form(`年度资金总额 | 300 | 300 | 240 | 10 | 80.00% | 8
其中：当年财政拨款 | 100 | 100 | 90 | | 90.00% |
上年结转资金 | 200 | 210 | 150 | | |`);
    const errs = errors(text);
    assert.equal(errs.length, 1, errs.map((e) => e.message).join('\n'));
    assert.match(errs[0].message, /可能有误的是 「上年结转资金」行「全年预算数」栏/, errs[0].message);
    assert.deepEqual(fixesOf(text), ['210→200']);
  });

  it('the two sums broken by a row whose 预算数 and 执行数 were both typed wrong, linked by its rate that holds, are explained together by those two figures', () => {
    // The same row. Each sum alone is explained by two figures (the 合计 row's amount and its rate 80.00% — 300.00 →
    // 310.00 with 240.00 ÷ 310.00 = 77.42%, its score 10 × 77.42% still 8 — or the other rows' amount and rate, weight 4
    // each); together those are three figures (300.00, 240.00, 80.00%: weight 7), while 110.00 → 100.00 and 99.00 → 90.00
    // mend both sums and keep the row's 90.00% (weight 6): the Fellegi–Holt explanation of the two. BASE searched the sums
    // apart and named 「年度资金总额」行「全年预算数」栏、「执行率」栏 for one and 「全年执行数」栏、「执行率」栏 for the other.
    const text = form(`年度资金总额 | 300.00 | 300.00 | 240.00 | 10 | 80.00% | 8
其中：当年财政拨款 | 100.00 | 110.00 | 99.00 | | 90.00% |
上年结转资金 | 200.00 | 200.00 | 150.00 | | 75.00% |`);
    const errs = errors(text);
    assert.equal(errs.length, 2, errs.map((e) => e.message).join('\n'));
    for (const e of errs) assert.match(e.message, /可能有误的是 「其中：当年财政拨款」行「全年预算数」栏、「其中：当年财政拨款」行「全年执行数」栏$/, e.message);
    // Two figures named together: their values depend on each other, so no fix — and none that breaks a rate that
    // holds (session 26's base offered 300.00 → 310.00, 240.00 ÷ 310.00 = 77.42% for 80.00%; 110.00 → 100.00, 99.00 ÷
    // 100.00 = 99.00% for 90.00%; 200.00 → 190.00, 75.00% becoming 78.95%).
    assert.deepEqual(fixesOf(text), []);
  });

  it('the explanations weighing its rates are taken from the cache after an edit elsewhere, as a fresh analysis gives them', () => {
    const text = form(`年度资金总额 | 300.00 | 300.00 | 240.00 | 10 | 80.00% | 8
其中：当年财政拨款 | 100.00 | 110.00 | 99.00 | | 90.00% |
上年结转资金 | 200.00 | 200.00 | 150.00 | | 75.00% |`) + '\n## 表 其他情况表\n列：项目 | 金额\n甲 | 1\n乙 | 2\n';
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(text);
    // A figure retyped in another section: the form's section, and its groups, as they were.
    const after = text.replace('乙 | 2', '乙 | 3');
    const before = searches.count;
    const shown = (fs: ReturnType<typeof errors>) => fs.filter((f) => f.severity === 'error').map((f) => [f.span, f.message, f.fixes]);
    const again = analyzer.analyze(after).findings;
    assert.equal(searches.count, before, 'no group searched again');
    assert.deepEqual(shown(again), shown(analyze(after).findings));
    assert.equal(shown(again).length, 2);
  });

  it('a rate that holds costs nothing when no search reaches its form: the findings of a correct form are none', () => {
    const text = form(`年度资金总额 | 300.00 | 300.00 | 240.00 | 10 | 80.00% | 8
其中：当年财政拨款 | 100.00 | 100.00 | 90.00 | | 90.00% |
上年结转资金 | 200.00 | 200.00 | 150.00 | | 75.00% |`);
    assert.deepEqual(errors(text), []);
  });
});
