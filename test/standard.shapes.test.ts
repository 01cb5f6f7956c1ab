/**
 * Identities applied once per table shape (server/src/standard/shapes.ts): a document's forms of one shape get from
 * the first one's template exactly what binding each of them gives — relations, findings, identity states —, fresh and
 * edit by edit; a form that differs (a row more, its project's row printed otherwise) is bound on its own.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBudget } from '../bench/standardDocs';
import { analyze, DocumentAnalyzer, type Analysis } from '../server/src/analysis';
import { StandardLibrary } from '../server/src/standard/library';
import { dump, sp } from './support/dump';
import { replaceAfter } from './support/docs';
import { ROOT } from './support/lsp';

const BOUND = { locale: 'zh', standard: { byShape: false } } as const;
const errors = (a: Analysis) => a.findings.filter((f) => f.severity === 'error');


/** A 部门预算 with many project forms of one shape (bench/standardDocs: one form per 项 with a project). */
const budget = generateBudget({ kuanPerLei: 3, xiangPerKuan: 6 });
const forms = (budget.match(/^## 项目申报表/gm) ?? []).length;

/**
 * Analyses `text` with a fresh analyzer, returning it with the analysis (the analyzer says what its templates did):
 * nothing recalled from the documents read before (standard/recall.ts; test/standard.recall.test.ts), the templates alone.
 */
function fresh(text: string): { a: Analysis; analyzer: DocumentAnalyzer } {
  const analyzer = new DocumentAnalyzer({ locale: 'zh', standard: { recall: false } });
  return { a: analyzer.analyze(text), analyzer };
}

/** The seeds and the corpus documents, as text. */
const realDocuments = (): [string, string][] => [
  ...readdirSync(join(ROOT, 'seeds')).map((f) => join(ROOT, 'seeds', f)),
  ...readdirSync(join(ROOT, 'test', 'fixtures', 'corpus')).filter((f) => f.endsWith('.budget')).map((f) => join(ROOT, 'test', 'fixtures', 'corpus', f)),
].map((f) => [f, readFileSync(f, 'utf8')]);

describe('standard sets: identities applied per table shape', () => {
  it('the generated 部门预算’s project forms: taken from the templates, exactly what binding each gives', () => {
    assert.ok(forms >= 10, `${forms} forms`);
    const { a, analyzer } = fresh(budget);
    // Three identities per form: the local one (资金来源 合计) and two with the project's row in the 项目支出表; the first
    // two forms of a shape are bound (the first marks the shape, the second makes the template).
    assert.ok(analyzer.shapes!.uses >= 3 * (forms - 2), `${analyzer.shapes!.uses} identities taken from a template`);
    assert.deepEqual(dump(a), dump(analyze(budget, BOUND)));
  });

  it('a real form (新洲 2023, with its 测算 and 绩效 parts) printed three times: the third taken from a template, as binding gives', () => {
    const seed = readFileSync(join(ROOT, 'seeds', 'xinzhou-2023-budget.budget'), 'utf8');
    const start = seed.indexOf('## 项目申报表');
    const end = seed.indexOf('\n## ', start + 1);
    assert.ok(start > 0 && end > start);
    const form = seed.slice(start, end + 1);
    const text = seed.slice(0, end + 1) + form + form + seed.slice(end + 1);
    const { a, analyzer } = fresh(text);
    assert.ok(analyzer.shapes!.uses > 0, 'no identity taken from a template');
    assert.deepEqual(dump(a), dump(analyze(text, BOUND)));
  });

  it('a mistake in one form of many is found at that form, as binding it finds it', () => {
    // The 9th form's 资金来源 合计 one cent off: the local identity (from the template) fails there.
    const text = replaceAfter(budget, '## 项目申报表 项目9\n', '合计 | ', '合计 | 1');
    const { a, analyzer } = fresh(text);
    assert.ok(analyzer.shapes!.uses > 0);
    const at = text.indexOf('合计 | 1', text.indexOf('## 项目申报表 项目9\n'));
    const found = errors(a).filter((f) => f.span.start === at + '合计 | '.length);
    assert.equal(found.length, 1, errors(a).map((f) => f.message).join('\n'));
    assert.deepEqual(dump(a), dump(analyze(text, BOUND)));
  });

  it('a form whose project row prints text where the first prints a figure reads the column binding finds for it', () => {
    // 项目2's 合计 in the 项目支出表 is text: its forms' identities read the next figure column (一般公共预算), a
    // template made from 项目1 (合计) must not be taken for it.
    const row = budget.split('\n').find((l) => l.includes('| 2023年项目2 |'))!;
    const cells = row.split(' | ');
    const text = budget.replace(row, [...cells.slice(0, 3), '见说明', ...cells.slice(4)].join(' | '));
    const { a } = fresh(text);
    assert.deepEqual(dump(a), dump(analyze(text, BOUND)));
    const reads = (x: Analysis) => x.document.tables.filter((t) => t.heading.includes('项目2') && !t.heading.includes('项目2'.concat('0')))
      .flatMap((t) => x.standard.applied(t)).flatMap((ap) => ap.relations).flatMap((r) => r.terms.map((t) => t.cell.row.part.columns[t.cell.row.cells.indexOf(t.cell)]?.name));
    assert.ok(reads(a).includes('一般公共预算'), reads(a).join(','));
  });

  it('edit by edit: a figure retyped, a row added to a form and deleted, a project renamed in the 项目支出表, as a fresh analysis and as binding give', () => {
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    let text = budget;
    analyzer.analyze(text);
    const edits: [string, (t: string) => string][] = [
      ['a figure of the 5th form retyped', (t) => replaceAfter(t, '## 项目申报表 项目5\n', '1. 一般公共预算财政拨款收入 | ', '1. 一般公共预算财政拨款收入 | 9')],
      ['a row added to the 6th form (a shape of its own)', (t) => replaceAfter(t, '## 项目申报表 项目6\n', '4. 单位资金 |', '5. 其他资金 | 1.00\n4. 单位资金 |')],
      ['that row deleted', (t) => replaceAfter(t, '## 项目申报表 项目6\n', '5. 其他资金 | 1.00\n', '')],
      ['the 3rd project renamed in the 项目支出表 (its form no longer finds its row)', (t) => replaceAfter(t, '## 表 项目支出表', '2023年项目3 |', '2023年工程3 |')],
      ['its name back', (t) => replaceAfter(t, '## 表 项目支出表', '2023年工程3 |', '2023年项目3 |')],
    ];
    for (const [what, edit] of edits) {
      text = edit(text);
      const a = analyzer.analyze(text);
      assert.deepEqual(dump(a), dump(analyze(text, { locale: 'zh' })), what);
      assert.deepEqual(dump(a), dump(analyze(text, BOUND)), what);
    }
    assert.ok(analyzer.shapes!.uses > 0);
  });
});

describe('standard sets: a condition naming a row by the form’s field is judged for each form', () => {
  // A province's set whose form identity holds only when the form's cap is the one its project has in another table:
  // the condition reads that table's row of the form's own project — another row for every form of one shape.
  const library = StandardLibrary.with([{ id: 'sheng', text: [
    '# 某省预算', '标准表套：某省预算', '类型：预算', '',
    '## 表 公开01表 限额表', '', '## 项目表', '来源：省表式', '规则：「支出」行=「上限」行 当 「限额表」「{项目名称}」行=「上限」行', '',
  ].join('\n') }]);
  const form = (name: string, spent: string) => [`## 项目表 ${name}`, `项目名称：${name}`, '列：项目 | 金额', '上限 | 1.00', `支出 | ${spent}`, ''];
  const text = [
    '# 某部门 2024 年预算', '部门：某部门', '年度：2024', '类型：预算', '金额单位：万元', '',
    '## 表 公开01表 限额表', '列：项目 | 金额', '甲 | 1.00', '乙 | 9.00', '丙 | 1.00', '丁 | 9.00', '戊 | 1.00', '',
    // 甲 and 丙 hold their cap (丙 spends past it: the one finding); 乙 and 丁 have another cap: not checked.
    ...form('甲', '1.00'), ...form('乙', '2.00'), ...form('丙', '2.00'), ...form('丁', '2.00'), ...form('戊', '1.00'),
  ].join('\n');
  it('each form’s condition reads its own project’s row, fresh and with the templates of earlier passes', () => {
    const options = { locale: 'zh', standard: { library } } as const;
    const bound = analyze(text, { ...options, standard: { library, byShape: false } });
    assert.equal(errors(bound).length, 1, errors(bound).map((f) => f.message).join('\n'));
    for (let round = 0; round < 3; round++) assert.deepEqual(dump(new DocumentAnalyzer(options).analyze(text)), dump(bound), `round ${round + 1}`);
  });
});

describe('standard sets: a template reads another table’s named row again once that table changed', () => {
  // A province's set whose form identity names a row of another table by name (not by the form's field): a template
  // keeps its place as a row number, which an inserted row moves.
  const library = StandardLibrary.with([{ id: 'sheng', text: [
    '# 某省预算', '标准表套：某省预算', '类型：预算', '',
    '## 表 公开01表 限额表', '', '## 项目表', '来源：省表式', '规则：「上限」行=「限额表」「单项上限」行', '',
  ].join('\n') }]);
  const form = (name: string, cap: string) => [`## 项目表 ${name}`, `项目名称：${name}`, '列：项目 | 金额', `上限 | ${cap}`, `支出 | 1.00`, ''];
  const doc = (limits: string[]) => [
    '# 某部门 2024 年预算', '部门：某部门', '年度：2024', '类型：预算', '金额单位：万元', '',
    '## 表 公开01表 限额表', '列：项目 | 金额', ...limits, '',
    ...form('甲', '5.00'), ...form('乙', '5.00'), ...form('丙', '5.00'), ...form('丁', '6.00'),
  ].join('\n');
  it('a row inserted above it: the forms read the named row where it now is', () => {
    const options = { locale: 'zh', standard: { library } } as const;
    const analyzer = new DocumentAnalyzer(options);
    let text = doc(['总额 | 20.00', '单项上限 | 5.00']);
    const first = analyzer.analyze(text);
    assert.ok(analyzer.shapes!.uses >= 1, 'the third and fourth forms from the template');
    assert.equal(errors(first).length, 1, errors(first).map((f) => f.message).join('\n'));
    text = doc(['总额 | 20.00', '其中：专项 | 6.00', '单项上限 | 5.00']);
    const a = analyzer.analyze(text);
    assert.deepEqual(dump(a), dump(analyze(text, { ...options, standard: { library, byShape: false } })));
    assert.equal(errors(a).length, 1, errors(a).map((f) => f.message).join('\n'));
  });
});

/** The document's named quantities, with their cells' places. */
const quantities = (a: Analysis) => [...a.standard.quantities()].map(([name, cells]) => `${name}: ${cells.map((c) => sp(c.span)).join(' ')}`);

describe('standard sets: templates shared by every analyzer of one language', () => {
  it('the seeds and the corpus, each analysed three times by a fresh analyzer, take templates from earlier passes and from one another, and give what binding gives', () => {
    const docs = realDocuments();
    let uses = 0;
    let applied = 0;
    for (let round = 0; round < 3; round++) {
      for (const [f, text] of docs) {
        const { a, analyzer } = fresh(text);
        if (round === 2) {
          uses += analyzer.shapes!.uses;
          for (const t of a.document.tables) applied += a.standard.applied(t).length;
        }
        const bound = analyze(text, BOUND);
        assert.deepEqual(dump(a), dump(bound), `${f}, round ${round + 1}`);
        // The named quantities the narrative's claims read: found at the place the shape's first table gave.
        assert.deepEqual(quantities(a), quantities(bound), `${f}, round ${round + 1}`);
      }
    }
    // Every table was met twice before the third round: all but a few identities come from a template (forms whose
    // project the 项目支出表 does not list are bound every time: their message names the project).
    assert.ok(uses >= 0.9 * applied, `${uses} of ${applied} identities taken from a template in the third round`);
  });

  it('a table of a shape seen in another document, whose other tables differ, is bound as binding gives', () => {
    // 硚口's 决算 met twice (its templates made), then a copy whose 支出决算表 (公开03表) has a row more: the identities of
    // the other tables that read it (收支总表's 本年支出合计, 公开05表's columns …) cannot take the templates made beside
    // the first 支出决算表, and bind; the tables that read none take theirs.
    const seed = readFileSync(join(ROOT, 'seeds', 'qiaokou-2023-final.budget'), 'utf8');
    fresh(seed);
    fresh(seed);
    const at = seed.indexOf('\n', seed.indexOf('列：', seed.indexOf('## 表 公开03表'))) + 1;
    const copy = `${seed.slice(0, at)}2010399 | 其他政府办公厅（室）及相关机构事务支出 | 1.00 | | 1.00 | | |\n${seed.slice(at)}`;
    assert.notEqual(copy, seed);
    const { a, analyzer } = fresh(copy);
    assert.ok(analyzer.shapes!.uses > 0, 'the tables of unchanged shape still take their templates');
    assert.deepEqual(dump(a), dump(analyze(copy, BOUND)));
  });

  it('more contexts than a shape keeps: the oldest templates dropped, every analysis still what binding gives', () => {
    // 硚口's 决算 in ten variants whose 支出决算表 differs (a row of its own each): the tables that read it meet their
    // shapes in ten contexts, each twice (a template made for each), more than a shape keeps (8).
    const seed = readFileSync(join(ROOT, 'seeds', 'qiaokou-2023-final.budget'), 'utf8');
    const at = seed.indexOf('\n', seed.indexOf('列：', seed.indexOf('## 表 公开03表'))) + 1;
    const variant = (i: number) => `${seed.slice(0, at)}2010399 | 其他事务支出${i} | 1.00 | | 1.00 | | |\n${seed.slice(at)}`;
    for (let i = 0; i < 10; i++) { fresh(variant(i)); fresh(variant(i)); }
    const uses = (i: number) => {
      const { a, analyzer } = fresh(variant(i));
      assert.deepEqual(dump(a), dump(analyze(variant(i), BOUND)), `variant ${i}`);
      return analyzer.shapes!.uses;
    };
    // The latest variant's templates are kept; the first's were dropped: its tables that read 公开03表 bind again,
    // and take templates again once it is met twice more.
    const latest = uses(9);
    assert.ok(uses(0) < latest, 'the oldest context was dropped');
    uses(0);
    assert.equal(uses(0), latest, 'met twice again (a template is made the second time), it has its templates back');
  });

  it('a quantity naming another table is found in each document: a document without that table changes nothing for the next', () => {
    // A province's quantity of its form that names another table's row: missing where that table is, not a fact of the
    // form's shape.
    const library = StandardLibrary.with([{ id: 'sheng', text: [
      '# 某省预算', '标准表套：某省预算', '类型：预算', '',
      '## 表 公开01表 限额表', '', '## 项目表', '数量：限额总额＝「限额表」「总额」行', '',
    ].join('\n') }]);
    const doc = (limits: boolean) => [
      '# 某部门 2024 年预算', '部门：某部门', '年度：2024', '类型：预算', '金额单位：万元', '',
      ...(limits ? ['## 表 公开01表 限额表', '列：项目 | 金额', '总额 | 20.00', ''] : []),
      '## 项目表 甲', '项目名称：甲', '列：项目 | 金额', '支出 | 1.00', '',
    ].join('\n');
    const options = { locale: 'zh', standard: { library } } as const;
    const total = (text: string) => new DocumentAnalyzer(options).analyze(text).standard.quantity('限额总额').map((c) => c.text);
    assert.deepEqual(total(doc(true)), ['20.00']);
    assert.deepEqual(total(doc(false)), []);
    assert.deepEqual(total(doc(false)), []);
    assert.deepEqual(total(doc(true)), ['20.00']);
  });

  it('an English analyzer makes its own templates (titles and messages in its language)', () => {
    const seed = readFileSync(join(ROOT, 'seeds', 'xinzhou-2023-budget.budget'), 'utf8');
    fresh(seed);
    fresh(seed);
    const en = { locale: 'en' } as const;
    for (let i = 0; i < 3; i++) assert.deepEqual(dump(new DocumentAnalyzer(en).analyze(seed)), dump(analyze(seed, { ...en, standard: { byShape: false } })));
  });
});
