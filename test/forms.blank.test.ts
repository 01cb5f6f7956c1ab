/**
 * A form whose funds sources were all left blank: the set's identities of each column (年度资金总额 = Σ sources) hold only
 * where a source is printed — a condition the set states (`当（…）`, data/standard/juesuan.budget), judged where the
 * identities are applied —, and the form check says once that the sources were not filled in (rules/forms.ts
 * `blankSources`). The generic evaluator knows nothing of forms: a document's own rule over blank cells is judged.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { StandardLibrary } from '../server/src/standard/library';
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

describe('a form\'s sources all left blank: a condition of the set, not a case of the evaluator (forms.blank)', () => {
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

  it('the same set without its condition judges each column: the condition is the set\'s, where its identities are applied', () => {
    const set = readFileSync(join(ROOT, 'data', 'standard', 'juesuan.budget'), 'utf8');
    const conditions = set.match(/ 当（「(?:当年财政拨款|上级补助|财政资金)」[^\n]*/g) ?? [];
    assert.equal(conditions.length, 10, 'each funds identity states its condition');
    const without = set.replace(/ 当（「(?:当年财政拨款|上级补助|财政资金)」[^\n]*/g, '');
    const library = StandardLibrary.with([{ id: 'juesuan-plain', text: without }]);
    assert.deepEqual(errorsOf(blanked, { standard: { library } }).sort(), ['16 cell-formula 880', '16 cell-formula 880', '16 cell-formula 880', '16 form 880']);
    // A source printed: the columns are judged as ever, with and without the condition.
    assert.deepEqual(errorsOf(tianchang.replace(SOURCE, '其中：本年财政拨款 | 870 | | |')).sort(), ['16 cell-formula 880', '16 form 880']);
  });

  it('a document\'s own rule over blank sources is judged: the evaluator has no case for a form\'s funds total', () => {
    const rule = '规则：「年度资金总额：」行「年初预算数」栏=（「其中：本年财政拨款」行「年初预算数」栏+「上年结转资金」行「年初预算数」栏+「其他资金」行「年初预算数」栏）';
    const text = blanked.replace('### 年度总体目标完成情况', `${rule}\n### 年度总体目标完成情况`);
    assert.deepEqual(errorsOf(text).sort(), ['16 cell-formula 880', '16 form 880']);
    // Its condition that a source is printed, written by the document: not judged while they are blank.
    const printed = '当（「其中：本年财政拨款」行「年初预算数」栏+「上年结转资金」行「年初预算数」栏+「其他资金」行「年初预算数」栏）';
    assert.deepEqual(errorsOf(text.replace(rule, `${rule} ${printed}`)), ['16 form 880']);
    const filled = text.replace(rule, `${rule} ${printed}`).replace('其中：本年财政拨款 | | | |', '其中：本年财政拨款 | 870 | 880 | 880 |');
    assert.deepEqual(errorsOf(filled).sort(), ['16 cell-formula 880', '16 cell-formula 880']);
  });
});
