/**
 * The recall's shortcuts (standard/apply.ts): a document or section found by the key of its tables (`tablesKey`) is
 * not compared table by table again (the key says each plays the same standard table with the same shape and fields);
 * one found by its text (a section's lines, a document's text, compared) is made no shape of, and a recalled document
 * of the same text judges none of its conditions again. Each case here is one the keys or the comparisons must tell
 * apart (each fails with its key or comparison left out): a recalled result must be exactly what applying the
 * identities gives (`byShape: false`). And completeness's 目录 entries, kept per set, are read with each document's
 * department.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, DocumentAnalyzer, type AnalysisOptions } from '../server/src/analysis';
import { StandardLibrary } from '../server/src/standard/library';
import { ROOT } from './support/lsp';
import { forgetTemplates, tablesHashed } from '../server/src/standard/shapes';
import { generateBudget, generateFinal } from '../bench/standardDocs';
import { judgement } from './support/dump';
import { replaceAfter } from './support/docs';

/** What applying every identity gives, nothing kept across analyzers. */
const applied = (text: string) => judgement(analyze(text, { locale: 'zh', standard: { byShape: false } }));

describe('standard sets: the recall\'s shortcuts', () => {
  beforeEach(() => forgetTemplates());
  after(() => forgetTemplates());

  it('two forms\' project names swapped: their tables are not those recalled (a form\'s fields are in its key)', () => {
    const first = generateBudget();
    analyze(first, { locale: 'zh' });
    const swapped = first.replace('项目名称：项目1\n', '项目名称：项目#\n').replace('项目名称：项目2\n', '项目名称：项目1\n').replace('项目名称：项目#\n', '项目名称：项目2\n');
    assert.notEqual(swapped, first);
    const a = analyze(swapped, { locale: 'zh' });
    assert.notEqual(a.standard.reused, 'recalled');
    const want = applied(swapped);
    assert.deepEqual(judgement(a), want);
    // The forms now name each other's project: their identities fail where the first document's held.
    assert.notDeepEqual(want.findings, applied(first).findings);
  });

  it('a table\'s unit changed: not recalled (its shape is in its key), its identities compared after conversion', () => {
    const first = generateFinal();
    analyze(first, { locale: 'zh' });
    const at = first.indexOf('单位：万元', first.indexOf('公开03表'));
    assert.ok(at > 0);
    const yuan = first.slice(0, at) + '单位：元' + first.slice(at + '单位：万元'.length);
    const a = analyze(yuan, { locale: 'zh' });
    assert.notEqual(a.standard.reused, 'recalled');
    assert.deepEqual(judgement(a), applied(yuan));
  });

  it('a section of the same standard table with a column renamed: not found by its text or its tables, applied', () => {
    const first = generateFinal();
    analyze(first, { locale: 'zh' });
    // The section's own relations (its codes' rollups) are as they were; the identity naming 基本支出 no longer finds it.
    const renamed = replaceAfter(first, '公开03表', '基本支出[2]', '基本经费[2]');
    const a = analyze(renamed, { locale: 'zh' });
    const want = applied(renamed);
    assert.deepEqual(judgement(a), want);
    assert.notDeepEqual(want.standard, applied(first).standard);
  });

  it('a document of the same text is recalled with its conditions as they read; a figure that turns one is judged', () => {
    const text = generateFinal();
    analyze(text, { locale: 'zh' });
    const again = new DocumentAnalyzer({ locale: 'zh' }).analyze(text);
    assert.equal(again.standard.reused, 'recalled');
    assert.ok(again.document.tables.some((t) => again.standard.applied(t).some((x) => x.identity.rule.condition && x.outcome === 'applied')));
    assert.deepEqual(judgement(again), applied(text));
    // Recalled by the key of its tables (the same shapes), but not by its text: its conditions are judged again, and
    // the one it turned is not carried over.
    const turned = replaceAfter(text, '一、一般公共预算财政拨款收入 | 1 |', '236,298.69', '236,298.60');
    const b = analyze(turned, { locale: 'zh' });
    assert.notEqual(b.standard.reused, 'recalled');
    assert.deepEqual(judgement(b), applied(turned));
    // The first text again: the turned one, of the same tables and length, took both its places (one per key).
    const c = analyze(text, { locale: 'zh' });
    assert.notEqual(c.standard.reused, 'recalled');
    assert.deepEqual(judgement(c), applied(text));
  });

  it('a document read after another of the same tables: each recalled as applying gives it (kept by its text when carried)', () => {
    const text = generateFinal();
    analyze(text, { locale: 'zh' });
    // Another narrative (and length): found by its tables, its conditions judged as they read, kept by its text.
    const other = text.replace('### 一、预算绩效情况说明\n', '### 一、预算绩效情况说明\n本部门情况见下。\n');
    assert.notEqual(other, text);
    const a = analyze(other, { locale: 'zh' });
    assert.equal(a.standard.reused, 'recalled');
    assert.deepEqual(judgement(a), applied(other));
    for (const t of [text, other]) {
      const b = analyze(t, { locale: 'zh' });
      assert.equal(b.standard.reused, 'recalled');
      assert.deepEqual(judgement(b), applied(t));
    }
  });

  it('a document of the same tables whose narrative no longer states a condition\'s phrase: judged again', () => {
    const phrase = '本部门在部门决算中反映所有项目绩效自评结果。';
    const stated = generateFinal();
    analyze(stated, { locale: 'zh' });
    const unstated = stated.replace(phrase, '本部门情况。');
    const a = analyze(unstated, { locale: 'zh' });
    assert.deepEqual(judgement(a), applied(unstated));
    assert.notDeepEqual(judgement(a).standard, applied(stated).standard);
  });

  it('a document reopened by its text: each table takes the shape of the one it replaces (its named quantities\' cells as found afresh)', () => {
    // Two 收支总表 of different shapes (a row more before 收入总计 in the second): a quantity's cell is kept per shape.
    const first = generateBudget();
    const at = first.indexOf('## 表 附表4-2');
    const block = first.slice(first.indexOf('## 表 附表4-1'), at);
    const text = first.slice(0, at) + block.replace('收入总计 | 236,298.69', '补充行 | 0.00\n收入总计 | 236,298.69') + first.slice(at);
    const cells = (a: ReturnType<typeof analyze>) => [...a.standard.quantities()].map(([name, list]) => `${name} ${list.map((c) => `${c.span.start}-${c.span.end}`).join(',')}`);
    const want = cells(analyze(text, { locale: 'zh', standard: { byShape: false } }));
    assert.ok(want.some((x) => x.startsWith('收入支出总计 ') && x.includes(',')), 'both tables print 收入总计');
    // Read afresh: each shape's cells found, kept by shape; reopened: each table finds its own shape's.
    assert.deepEqual(cells(analyze(text, { locale: 'zh' })), want);
    const again = new DocumentAnalyzer({ locale: 'zh' }).analyze(text);
    assert.equal(again.standard.reused, 'recalled');
    assert.deepEqual(cells(again), want);
  });

  it('the same section lines under another set: not recalled from the first set\'s (a section\'s text key names its standard tables)', () => {
    // A province's 部门预算 whose 收支总表 checks more (review9's reproduction): the seed read under it, then the same
    // text naming the shipped set — every section but the header's of the same lines.
    const shipped = readFileSync(join(ROOT, 'data', 'standard', 'yusuan.budget'), 'utf8');
    const province = shipped.replace('标准表套：部门预算', '标准表套：某省预算').replace('别名：单位预算；预算', '别名：某省单位预算')
      .replace(/^# 部门预算 标准表套/m, '# 某省预算 标准表套')
      .replace('规则：「本年收入合计」行=（「一般公共预算拨款收入」+…）行\n', (m) => `${m}规则：「收入总计」行=「支出总计」行\n规则：「本年支出合计」行=（「一、一般公共服务支出」+…+「廿五、债务发行费用支出」）行\n`);
    const library = StandardLibrary.with([{ id: 'sheng-y', text: province }]);
    const o: AnalysisOptions = { locale: 'zh', standard: { library } };
    const first = readFileSync(join(ROOT, 'seeds', 'xinzhou-2023-budget.budget'), 'utf8');
    const named = first.replace(/^(年度：.*)$/m, '$1\n标准表：部门预算');
    const bySets = (text: string) => judgement(new DocumentAnalyzer({ ...o, standard: { library, byShape: false } }).analyze(text)).standard;
    assert.notDeepEqual(bySets(first), bySets(named), 'the two sets apply different identities to these tables');
    new DocumentAnalyzer(o).analyze(first);
    assert.deepEqual(judgement(new DocumentAnalyzer(o).analyze(named)).standard, bySets(named));
  });

  it('forms of one length reopened: each found by its text (its lines\' head in its key), no table hashed', () => {
    const text = generateBudget({ kuanPerLei: 2, xiangPerKuan: 4 });
    // Forms of the same number of lines and length (a key of those alone kept one of them, the last read).
    const lengths = text.split(/\n(?=## )/).filter((s) => s.startsWith('## 项目申报表')).map((s) => s.length);
    assert.ok(lengths.length > new Set(lengths).size, 'two forms of one length');
    analyze(text, { locale: 'zh' });
    const before = tablesHashed();
    const again = new DocumentAnalyzer({ locale: 'zh' }).analyze(text);
    assert.equal(again.standard.reused, 'recalled');
    assert.equal(tablesHashed() - before, 0);
    assert.deepEqual(judgement(again), applied(text));
  });

  it('completeness: a 目录 entry naming the department is read with each document\'s department (entries are kept per set)', () => {
    const contents = (text: string) => analyze(text, { locale: 'zh' }).findings.filter((f) => f.rule === 'table-contents').map((f) => f.message);
    const own = generateFinal().replace('三、支出决算表\n', '三、测试部门支出决算表\n');
    assert.deepEqual(contents(own), []);
    // Another department's document: the entry names another unit's table, and 支出决算表 is not listed.
    const other = own.replace('部门：测试部门\n', '部门：其他部门\n');
    assert.deepEqual(contents(other), ['目录中没有本表「支出决算表」']);
    assert.deepEqual(contents(own), []);
    // Each department's reading kept beside the other's (documents of a province read one after the other).
    assert.deepEqual(contents(other), ['目录中没有本表「支出决算表」']);
    assert.deepEqual(contents(own.replace('部门：测试部门\n', '')), ['目录中没有本表「支出决算表」'], 'no department');
    assert.deepEqual(contents(own), []);
    assert.deepEqual(contents(other), ['目录中没有本表「支出决算表」']);
  });
});
