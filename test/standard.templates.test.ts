/**
 * What the identities of one table ask alike, asked once per table and pass (server/src/standard/shapes.ts `Fitting`,
 * standard/apply.ts `Applier.asked`): the table's shape and its fields' rows, whether its other tables fit a
 * template's context (one context object for the templates made in the same one), its shape's templates. Each answer
 * is kept for the table last asked about: tables of other shapes in a row, and one table's identities made in other
 * contexts, must each get their own — every analysis exactly what binding each table gives.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBudget } from '../bench/standardDocs';
import { analyze, DocumentAnalyzer, type Analysis } from '../server/src/analysis';
import type { Table } from '../server/src/model/document';
import { StandardLibrary } from '../server/src/standard/library';
import { forgetTemplates, tableKey } from '../server/src/standard/shapes';
import { dump } from './support/dump';
import { ROOT } from './support/lsp';

const BOUND = { locale: 'zh', standard: { byShape: false } } as const;

/** A fresh analyzer's analysis of `text` (nothing recalled: the templates alone), and how many identities it took from them. */
function fresh(text: string): { a: Analysis; uses: number } {
  const analyzer = new DocumentAnalyzer({ locale: 'zh', standard: { recall: false } });
  const a = analyzer.analyze(text);
  return { a, uses: analyzer.shapes!.uses };
}

describe('standard sets: what a table’s identities ask alike, asked once per table', () => {
  beforeEach(() => forgetTemplates());
  after(() => forgetTemplates());

  it('project forms of two shapes in turn: each form read as its own shape, with its own project’s row', () => {
    // Every other form has a source row more (another shape): the forms' identities are applied form after form in one
    // pass, and what the last form asked (its shape, its project's row, whether its tables fit) is not the next one's.
    const budget = generateBudget({ kuanPerLei: 2, xiangPerKuan: 4 });
    let n = 0;
    const text = budget.replace(/^4\. 单位资金 \| $/gm, (line) => (n++ % 2 ? `${line}\n5. 其他资金 | ` : line));
    assert.ok(n >= 8, `${n} forms`);
    const bound = dump(analyze(text, BOUND));
    for (let pass = 0; pass < 3; pass++) {
      const { a, uses } = fresh(text);
      // The third reading: every shape met twice beside the same tables, every identity taken from its template.
      if (pass === 2) assert.equal(uses, a.document.tables.reduce((k, t) => k + a.standard.applied(t).length, 0), 'identities taken from templates');
      assert.deepEqual(dump(a), bound, `pass ${pass}`);
    }
  });

  it('one table’s identities made beside other tables, one of which changed shape: each takes its template only where its own context still fits', () => {
    // 硚口's 决算 met twice (its templates made), then a copy whose 收入决算表 (公开02表) has a row more. The
    // 收入支出决算总表's identities read it (本年收入合计 …) or not (本年支出合计 reads the 支出决算表): one table's
    // identities of other contexts, asked about in a row — those whose context holds the 收入决算表 bind, the others
    // take their templates.
    const seed = readFileSync(join(ROOT, 'seeds', 'qiaokou-2023-final.budget'), 'utf8');
    fresh(seed);
    fresh(seed);
    const unchanged = fresh(seed).uses;
    const at = seed.indexOf('\n', seed.indexOf('列：', seed.indexOf('## 表 公开02表'))) + 1;
    const copy = `${seed.slice(0, at)}2010399 | 其他政府办公厅（室）及相关机构事务支出 | 1.00 | 1.00 | | | | |\n${seed.slice(at)}`;
    assert.notEqual(copy, seed);
    const { a, uses } = fresh(copy);
    assert.ok(uses > 0 && uses < unchanged, `${uses} of ${unchanged} identities taken from templates`);
    assert.deepEqual(dump(a), dump(analyze(copy, BOUND)));
  });

  it('forms that differ only in a short text (a plain row’s label, a column’s name) are of other shapes: each read as binding reads it', () => {
    // A shape numbers its short texts (shapes.ts `textNumber`): two texts must never share a number. Every third form
    // calls its 项目当年预算 otherwise (an identity names that row: not applicable there), every third its first column.
    const budget = generateBudget({ kuanPerLei: 2, xiangPerKuan: 4 });
    let n = 0;
    let m = 0;
    const text = budget
      .replace(/^项目当年预算：/gm, (line) => (n++ % 3 === 1 ? '项目本年预算：' : line))
      .replace(/^列：来源项目 \| 金额$/gm, (line) => (m++ % 3 === 2 ? '列：资金来源 | 金额' : line));
    assert.ok(n >= 9 && m >= 9, `${n}, ${m} forms`);
    const bound = dump(analyze(text, BOUND));
    for (let pass = 0; pass < 3; pass++) assert.deepEqual(dump(fresh(text).a), bound, `pass ${pass}`);
    // The forms' shapes: one for each of their three kinds, as their columns and rows tell them apart.
    const forms = analyze(text, BOUND).document.tables.filter((t) => t.heading.startsWith('项目申报表'));
    const kind = (t: Table) => t.parts.map((p) => `${p.columns.map((c) => c.name).join('|')}/${p.rows.map((r) => r.label).join('|')}`).join('//');
    assert.equal(new Set(forms.map(kind)).size, 3);
    for (const a of forms) for (const b of forms) assert.equal(tableKey(a) === tableKey(b), kind(a) === kind(b), `${a.heading}, ${b.heading}`);
  });

  it('two sets whose tables share their titles (a province’s copy of 部门预算 beside the shipped one): each set’s templates read its own tables', () => {
    // Found by review (review9): templates made in contexts that name tables of the same titles, of two sets, shared
    // one context — the first set's tables — and the second set's then fitted where no table plays those roles.
    const yusuan = readFileSync(join(ROOT, 'data', 'standard', 'yusuan.budget'), 'utf8')
      .replace('标准表套：部门预算', '标准表套：某省预算').replace('别名：单位预算；预算', '别名：某省单位预算').replace(/^# 部门预算 标准表套/m, '# 某省预算 标准表套');
    assert.ok(yusuan.includes('标准表套：某省预算'));
    const library = StandardLibrary.with([{ id: 'sheng', text: yusuan }]);
    const seed = readFileSync(join(ROOT, 'seeds', 'xinzhou-2023-budget.budget'), 'utf8');
    const heading = '## 表 附表4-6 一般公共预算基本支出表';
    assert.ok(seed.includes(heading));
    const without = seed.replace(heading, '## 表 某某附表');
    const shipped = without.replace(/^(年度：.*)$/m, '$1\n标准表：部门预算');
    const options = { locale: 'zh', standard: { recall: false, library } } as const;
    for (const text of [shipped, shipped, without, without]) analyze(text, options);
    assert.deepEqual(dump(analyze(seed, options)), dump(analyze(seed, { locale: 'zh', standard: { byShape: false, library } })));
  });
  it('forms whose project table no table plays take templates as identities that name no field — only where it is still missing', () => {
    // Without a 项目支出表, the forms' identities naming 「项目支出表」「{项目名称}」行 read no field (bind.ts
    // `noneIsPlayed`): bound once per shape, then taken from a template like any other. The document that prints the
    // 项目支出表 again, read with those templates kept, must bind each form's own project row: a template made without
    // the table is not taken beside it (its context records the role asked for, played by none).
    const budget = generateBudget({ kuanPerLei: 2, xiangPerKuan: 4 });
    const at = budget.indexOf('## 表 项目支出表');
    const end = budget.indexOf('\n## ', at + 1);
    assert.ok(at > 0 && end > at);
    const without = budget.slice(0, at) + budget.slice(end + 1);
    const bound = dump(analyze(without, BOUND));
    assert.ok((bound.standard as string[]).some((line) => line.includes('「项目支出表」「{项目名称}」行 missing 「项目支出表」')), 'the forms’ identities not applicable');
    for (let pass = 0; pass < 3; pass++) {
      const { a, uses } = fresh(without);
      if (pass === 2) assert.equal(uses, a.document.tables.reduce((k, t) => k + a.standard.applied(t).length, 0), 'identities taken from templates');
      assert.deepEqual(dump(a), bound, `pass ${pass}`);
    }
    // The table back: each form's identities read its own project's row (a template of the forms without it would give
    // every form the same, or nothing).
    const withTable = dump(analyze(budget, BOUND));
    for (let pass = 0; pass < 3; pass++) assert.deepEqual(dump(fresh(budget).a), withTable, `with the table, pass ${pass}`);
    assert.deepEqual(dump(fresh(without).a), bound, 'without it again');
  });
});
