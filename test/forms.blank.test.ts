/**
 * A form whose funds sources were all left blank: the set's identities of each column (年度资金总额 = Σ sources) hold only
 * where a source is printed — a condition the set states (`当（…）`, data/standard/juesuan.budget), judged where the
 * identities are applied —, and the form check says once that the sources were not filled in (rules/forms.ts
 * `blankSources`). The generic evaluator knows nothing of forms: a document's own rule over blank cells is judged.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { dump } from './support/dump';
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
    // Filled in (年初预算数 870 for 880): judged — one finding, the document's rule and the set's identity being one
    // relation of the form's own (both applied with its section: a condition of its own figures keeps an identity local).
    assert.deepEqual(errorsOf(filled).sort(), ['16 cell-formula 880']);
  });

  it('typed key by key beside and in forms whose sources are blank or filled: every version as fresh, the condition kept with its own form', function () {
    this.timeout(120_000);
    // One document of twelve such forms, every third with its sources blank (a condition not holding), one of them
    // its 年初预算数 alone.
    const head = tianchang.slice(0, tianchang.indexOf('## 绩效自评表'));
    const form = tianchang.slice(tianchang.indexOf('## 绩效自评表'));
    const forms: string[] = [];
    for (let i = 0; i < 12; i++) {
      let f = form.replace('项目名称：水旱灾害防御经费', `项目名称：水旱灾害防御经费${i}`).replace('项目支出绩效自评表（2022年度）', `项目支出绩效自评表（2022年度）${i}`);
      if (i % 3 === 0) f = f.replace(SOURCE, '其中：本年财政拨款 | | | |');
      if (i === 4) f = f.replace(SOURCE, '其中：本年财政拨款 | | 880 | 880 |');
      forms.push(f);
    }
    const original = head + forms.join('\n');
    const follow = (edits: [number, number, string][]) => {
      const analyzer = new DocumentAnalyzer({ locale: 'zh' });
      let text = original;
      analyzer.analyze(text);
      for (const [from, to, insert] of edits) {
        analyzer.edit(from, to, insert);
        text = text.slice(0, from) + insert + text.slice(to);
        assert.deepEqual(dump(analyzer.analysis()), dump(analyze(text, { locale: 'zh' })), `${JSON.stringify(text.slice(Math.max(0, from - 20), from + insert.length + 20))}`);
      }
      return text;
    };
    const blankAt = (k: number) => original.indexOf('其中：本年财政拨款 | |', original.indexOf(`水旱灾害防御经费${k}\n`)) + '其中：本年财政拨款 | '.length;
    // A source typed into a blank form (the condition turns), then taken out again, key by key.
    const at = blankAt(6);
    const typed = follow([[at, at, '8'], [at + 1, at + 1, '8'], [at + 2, at + 2, '0'], [at + 2, at + 3, ''], [at + 1, at + 2, ''], [at, at + 1, '']]);
    assert.equal(typed, original);
    // A figure retyped in a filled source (only figures: the condition reads as it did), and in a total beside blank
    // sources; a row typed in another form and deleted.
    const filled = original.indexOf(SOURCE, original.indexOf('水旱灾害防御经费7\n')) + '其中：本年财政拨款 | '.length;
    const total = original.indexOf('年度资金总额： | 880', original.indexOf('水旱灾害防御经费9\n')) + '年度资金总额： | '.length;
    const row = original.indexOf('上年结转资金 |', original.indexOf('水旱灾害防御经费2\n'));
    follow([[filled + 2, filled + 3, '1'], [filled + 2, filled + 3, '0'], [total, total + 1, '9'], [total, total + 1, '8'],
      [row, row, '其他资金 | | | | - | | -\n'], [row, row + '其他资金 | | | | - | | -\n'.length, '']]);
    // One finding at each form whose sources are blank in a column (form 4: its 年初预算数), no sum per column.
    assert.deepEqual(errorsOf(original).map((e) => e.split(' ').slice(1).join(' ')), ['form 880', 'form 880', 'form 880', 'form 880', 'form 880']);
  });
});
