/**
 * A form whose funds sources were all left blank: the form check says once that the sources were not filled in
 * (rules/forms.ts `blankSources`), and the set's identities of each column (年度资金总额 = Σ sources) give no sum wrong per
 * column (checks/evaluate.ts `sumArithmetic` leaves such a sum unjudged: a condition of the set `当（…）` did it in session
 * 23 and cost a keystroke beside 3,000 forms twice its time — docs/performance.md).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { LineIndex } from '../server/src/syntax/positions';
import { ROOT } from './support/lsp';

const read = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'forms', 'others', `${name}.budget`), 'utf8');
const errorsOf = (text: string, options = {}) => {
  const idx = new LineIndex(text);
  return analyze(text, { locale: 'zh', ...options }).findings.filter((f) => f.severity === 'error').map((f) => `${idx.position(f.span.start).line + 1} ${f.rule} ${text.slice(f.span.start, f.span.end)}`);
};

const tianchang = read('anhui-tianchang-water-2022');
const SOURCE = '其中：本年财政拨款 | 880 | 880 | 880 |';
const blanked = tianchang.replace(SOURCE, '其中：本年财政拨款 | | | |');

describe('a form\'s sources all left blank: one finding at the total (forms.blank)', () => {
  it('the shipped set: one form finding at the total, no sum wrong per column', () => {
    assert.ok(tianchang.includes(SOURCE));
    assert.deepEqual(errorsOf(blanked), ['16 form 880']);
  });

  it('the 衔接资金 form (本年财政拨款 + 其他资金, no 上年结转资金): one form finding at the total, as the national form', () => {
    const xiaoxian = read('anhui-xiaoxian-yanglou-2023');
    const rows = ['其中：本年财政拨款 | 8.408 | 8.408 | 10 | 100.00% | 10', '其他资金 | 0 | 0 | | |'];
    assert.ok(rows.every((r) => xiaoxian.includes(r)));
    assert.deepEqual(errorsOf(xiaoxian), []);
    const blank = xiaoxian.replace(rows[0], '其中：本年财政拨款 | | | 10 | 100.00% | 10').replace(rows[1], '其他资金 | | | | |');
    assert.deepEqual(errorsOf(blank).map((e) => e.split(' ').slice(1).join(' ')), ['form 8.408']);
  });
});
