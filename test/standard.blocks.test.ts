/**
 * Identities between tables kept as blocks (server/src/standard/apply.ts `Block`): the forms' identities, a run of
 * tables each with all its identities, taken whole by the next version while nothing they read changed — and taken
 * apart, or applied one by one, when a keystroke lands beside or in them. Every version, edit after edit, is what a
 * fresh analysis binding each table gives; a keystroke that leaves the forms standing takes them as blocks.
 */
import { strict as assert } from 'node:assert';
import { generateBudget } from '../bench/standardDocs';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { blocksCarried } from '../server/src/standard/apply';
import { dump, features } from './support/dump';
import { replaceAfter, rowTyped } from './support/docs';

const BOUND = { locale: 'zh', standard: { byShape: false } } as const;

const budget = generateBudget({ kuanPerLei: 3, xiangPerKuan: 6 });
const forms = (budget.match(/^## 项目申报表/gm) ?? []).length;

/** The section of form `n` (its heading to the next one's). */
function form(text: string, n: number): string {
  const at = text.indexOf(`## 项目申报表 项目${n}\n`);
  assert.ok(at >= 0, `form ${n}`);
  return text.slice(at, text.indexOf('\n## ', at) + 1);
}

/** A keystroke the forms' identities stand through (a row typed into the 支出总表, which no form reads). */
const aside = (text: string, i: number) => rowTyped(text, '## 表 附表4-3', 12, `其他支出${i}`);

describe('standard sets: the forms’ kept identities as blocks', () => {
  it('a keystroke beside many forms, in them, in the table they read, forms deleted and inserted: every version as a fresh analysis gives', function () {
    this.timeout(120_000);
    assert.ok(forms >= 30, `${forms} forms`);
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    analyzer.analyze(budget);
    const f5 = form(budget, 5);
    const f7 = form(budget, 7);
    const edits: [string, (t: string) => string][] = [
      ['a form’s figure retyped', (t) => replaceAfter(t, '## 项目申报表 项目5\n', '合计 | 28,421.55', '合计 | 28,421.56')],
      ['a row typed into a form', (t) => replaceAfter(t, '## 项目申报表 项目6\n', '合计 |', '其他资金 | 0.00\n合计 |')],
      ['a row typed into the 项目支出表, which every form reads', (t) => rowTyped(t, '## 表 项目支出表', 1, '临时项目')],
      ['a form deleted', (t) => t.replace(f5, '')],
      ['a form inserted', (t) => t.replace(f7, `${f5}${f7}`)],
      ['a form’s heading edited', (t) => t.replace('## 项目申报表 项目9\n', '## 项目申报表 项目九\n')],
      ['a comment line typed into a form', (t) => t.replace('## 项目申报表 项目11\n', '## 项目申报表 项目11\n// 备注\n')],
      ['a form’s project renamed (its field names another row)', (t) => t.replace('项目名称：项目12\n', '项目名称：项目13\n')],
      // The forms' conditioned identity (`当 「收支总表」「一般公共预算拨款收入」行=「收支总表」「收入总计」行`) turns.
      ['the condition every form asks turned', (t) => replaceAfter(t, '一、一般公共预算拨款收入 |', '3,081,267.25', '3,081,267.24')],
    ];
    let text = budget;
    let i = 0;
    const step = (what: string, next: string, taken: boolean | undefined) => {
      const before = blocksCarried.identities;
      const a = analyzer.analyze(next);
      assert.deepEqual(dump(a), dump(analyze(next, BOUND)), what);
      const carried = blocksCarried.identities - before;
      if (taken !== undefined) assert.equal(carried >= forms, taken, `${what}: ${carried} identities taken in blocks`);
      text = next;
    };
    // Beside the forms: the first keystroke makes the blocks (a fresh pass keeps its identities listed), the next
    // takes them whole.
    step('beside', aside(text, i++), false);
    step('beside', aside(budget, i++), true);
    for (const [what, edit] of edits) {
      step(what, edit(text), undefined);
      // Beside them again, then back: what is kept is what a fresh analysis gives; by the second, blocks again.
      const edited = text;
      step(`${what}, then beside`, aside(edited, i++), undefined);
      step(`${what}, then beside again`, aside(edited, i++), true);
      step(`${what}, undone`, budget, undefined);
    }
  });

  it('what hover and the outline read of each form’s identities is found in the block', () => {
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    analyzer.analyze(budget);
    analyzer.analyze(aside(budget, 1));
    analyzer.analyze(budget);
    const before = blocksCarried.identities;
    const text = aside(budget, 2);
    const a = analyzer.analyze(text);
    assert.ok(blocksCarried.identities - before >= forms, 'taken as blocks');
    const fresh = analyze(text, BOUND);
    assert.deepEqual(features(a), features(fresh));
    // Each form's identities, as applied: their outcome and relations, in the set's order.
    const of = (x: typeof a) => x.document.tables.filter((t) => t.title.startsWith('项目')).map((t) => x.standard.applied(t).map((y) => `${y.identity.text} ${y.outcome} ${y.relations.map((r) => `${r.target.span.start}`).join(',')}`));
    assert.deepEqual(of(a), of(fresh));
    assert.ok(of(a).filter((x) => x.length).length >= forms);
  });
});
