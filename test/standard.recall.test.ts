/**
 * What the standard sets gave a document read afresh, recalled when a document of the same tables is read afresh again
 * (standard/recall.ts; standard/apply.ts `sectionAlike`, `renewedAlike`): a recalled result must be exactly what
 * applying the identities gives (`byShape: false`, which keeps nothing across analyzers), and what cannot be carried
 * over (a condition that reads differently, a list its analyzer took over since) must not be.
 */
import * as assert from 'node:assert/strict';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { Recall } from '../server/src/standard/recall';
import { forgetTemplates } from '../server/src/standard/shapes';
import { generateBudget, generateFinal, generateJiangsu } from '../bench/standardDocs';
import { realDocuments } from './support/documents';
import { judgement } from './support/dump';
import { replaceAfter } from './support/docs';


/** What applying every identity gives, nothing kept across analyzers. */
const applied = (text: string) => judgement(analyze(text, { locale: 'zh', standard: { byShape: false } }));


describe('standard sets: recalled across analyzers', () => {
  beforeEach(() => forgetTemplates());
  after(() => forgetTemplates());

  it('a document read afresh again takes its identities between tables as the first reading gave them, as applying gives them', () => {
    const docs = [...realDocuments(), ['部门决算', generateFinal()], ['部门预算', generateBudget()], ['江苏', generateJiangsu()]] as const;
    let recalled = 0;
    for (const [name, text] of docs) {
      const first = analyze(text, { locale: 'zh' });
      const again = analyze(text, { locale: 'zh' });
      const want = applied(text);
      assert.deepEqual(judgement(first), want, name);
      assert.deepEqual(judgement(again), want, name);
      assert.equal(first.standard.reused, undefined, name);
      // A document of the sets' tables (the 江苏 文件 print only narrative) is recalled.
      if (first.standard.recognitions.size) {
        assert.equal(again.standard.reused, 'recalled', name);
        recalled++;
      }
    }
    assert.ok(recalled >= 14, `${recalled}`);
  });

  it('another document of the same tables with other figures is recalled; one whose condition reads otherwise is applied', () => {
    const text = generateFinal();
    analyze(text, { locale: 'zh' });
    const retyped = replaceAfter(text, '公开03表', '| 30,843.34 | 13.14', '| 30,843.35 | 13.14');
    const a = analyze(retyped, { locale: 'zh' });
    assert.equal(a.standard.reused, 'recalled');
    assert.deepEqual(judgement(a), applied(retyped));
    // The 一般公共预算 income retyped: the identities conditioned on "all money is 一般公共预算" no longer apply.
    const turned = replaceAfter(text, '一、一般公共预算财政拨款收入 | 1 |', '236,298.69', '236,298.60');
    const b = analyze(turned, { locale: 'zh' });
    assert.equal(b.standard.reused, undefined);
    assert.deepEqual(judgement(b), applied(turned));
    assert.notDeepEqual(judgement(b).standard, judgement(a).standard);
  });

  it('the sections\' own identities are recalled too: nothing is applied, from a template or bound', () => {
    for (const text of [generateFinal(), generateBudget(), generateJiangsu()]) {
      analyze(text, { locale: 'zh' });
      const analyzer = new DocumentAnalyzer({ locale: 'zh' });
      const a = analyzer.analyze(text);
      assert.equal(a.standard.reused, 'recalled');
      assert.equal(analyzer.shapes!.uses, 0);
      assert.deepEqual(judgement(a), applied(text));
    }
  });

  it('a phrase its condition asks for, stated in one narrative and not in the other, is read again', () => {
    const phrase = '本部门在部门决算中反映所有项目绩效自评结果。';
    const stated = generateFinal();
    assert.ok(stated.includes(phrase));
    const unstated = stated.replace(phrase, '本部门情况。');
    for (const [first, second] of [[stated, unstated], [unstated, stated]]) {
      forgetTemplates();
      analyze(first, { locale: 'zh' });
      const a = analyze(second, { locale: 'zh' });
      assert.deepEqual(judgement(a), applied(second));
      assert.notDeepEqual(judgement(a).standard, applied(first).standard);
    }
  });

  it('a row typed by the analyzer that read it first: its tables are not what they were, and not carried over', () => {
    // The rows path splices the part's store in place (the old part then reads the edited rows): a short row above a
    // project of the 项目支出表 moves the cells a form's field reads there.
    const text = generateBudget();
    const project = /^(\d{21}) \| 2023年项目1/m.exec(text)!;
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    analyzer.analyze(text);
    analyzer.analyze(text.replace(project[0], `99 | 短\n${project[0]}`));
    const again = analyze(text, { locale: 'zh' });
    assert.deepEqual(judgement(again), applied(text));
    assert.notEqual(again.standard.reused, 'recalled');
  });

  it('what an analyzer took over since (its lists, as it went on editing) is not carried over', () => {
    const text = generateBudget();
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    analyzer.analyze(text);
    // Two figures retyped: the document's list is taken over by the one two versions on (its tables stay as they were).
    const figure = /\| (\d[\d,]*\.\d\d) \|/.exec(text.slice(text.indexOf('2010102 |')))!;
    const at = text.indexOf('2010102 |') + figure.index + 2;
    const retype = (t: string, digit: string) => t.slice(0, at) + digit + t.slice(at + 1);
    analyzer.analyze(retype(text, '9'));
    assert.equal(analyzer.analyze(retype(text, '8')).standard.reused, 'figures');
    const again = analyze(text, { locale: 'zh' });
    assert.deepEqual(judgement(again), applied(text));
    assert.notEqual(again.standard.reused, 'recalled');
    // Read afresh now, it is kept again.
    assert.equal(analyze(text, { locale: 'zh' }).standard.reused, 'recalled');
  });

  it('nothing is recalled without the templates (byShape: false)', () => {
    const text = generateJiangsu();
    analyze(text, { locale: 'zh', standard: { byShape: false } });
    assert.equal(analyze(text, { locale: 'zh', standard: { byShape: false } }).standard.reused, undefined);
  });

  it('keeps at most 40,000 rows of sections or documents: past it, what it kept is dropped', () => {
    const r = new Recall<string, string>();
    r.sections.set('a', 'A', 30_000);
    r.sections.set('b', 'B', 9_000);
    assert.equal(r.sections.get('a'), 'A');
    // Kept again under its key: counted once.
    r.sections.set('a', 'A2', 30_000);
    assert.equal(r.sections.get('b'), 'B');
    r.sections.set('c', 'C', 2_000);
    assert.equal(r.sections.get('a'), undefined);
    assert.equal(r.sections.get('b'), undefined);
    assert.equal(r.sections.get('c'), 'C');
    // One larger than the bound is not kept (nothing is dropped for it).
    r.documents.set('d', 'D', 10);
    r.documents.set('huge', 'H', 50_000);
    assert.equal(r.documents.get('huge'), undefined);
    assert.equal(r.documents.get('d'), 'D');
  });
});
