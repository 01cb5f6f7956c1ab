/**
 * Identities between tables kept from one version to the next (server/src/standard/apply.ts `Kept`, `Unchanged`): a
 * kept identity is taken again while the tables it read have their parts and the roles it asked for their tables —
 * asked of the few tables and roles that changed. A form's identities read its own table and the one that prints its
 * project (one list of those for all the forms: shapes.ts `othersOf`): a row typed elsewhere keeps them, a row typed
 * into the table they read applies them again; either way what a fresh analysis and binding each table give.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBudget } from '../bench/standardDocs';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { dump } from './support/dump';
import { replaceAfter, rowTyped } from './support/docs';
import { ROOT } from './support/lsp';

const BOUND = { locale: 'zh', standard: { byShape: false } } as const;

/** A 部门预算 with many project forms (bench/standardDocs: one form per 项 with a project). */
const budget = generateBudget({ kuanPerLei: 3, xiangPerKuan: 6 });
const forms = (budget.match(/^## 项目申报表/gm) ?? []).length;

describe('standard sets: identities between tables kept from one version to the next', () => {
  it('a row typed into a table no form reads keeps the forms’ identities (none applied again), as a fresh analysis and binding give', () => {
    assert.ok(forms >= 10, `${forms} forms`);
    const analyzer = new DocumentAnalyzer({ locale: 'zh', standard: { recall: false } });
    analyzer.analyze(budget);
    // Twice the same text: every form's identities are then kept (the first pass made them, the second took them).
    analyzer.analyze(budget);
    let uses = analyzer.shapes!.uses;
    for (let i = 0; i < 4; i++) {
      const text = i % 2 ? budget : rowTyped(budget, '## 表 附表4-3', 12, `其他支出${i}`);
      const a = analyzer.analyze(text);
      assert.deepEqual(dump(a), dump(analyze(text, BOUND)), `keystroke ${i}`);
      // The forms' identities were taken as they were, not made again from their templates.
      assert.ok(analyzer.shapes!.uses - uses < forms, `keystroke ${i}: ${analyzer.shapes!.uses - uses} identities made from templates`);
      uses = analyzer.shapes!.uses;
    }
  });

  it('a row typed into the 项目支出表, which every form reads, applies the forms’ identities again: about its new rows', () => {
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    analyzer.analyze(budget);
    analyzer.analyze(budget);
    for (let i = 0; i < 4; i++) {
      // Above the projects' rows: every project's row moves down one (a kept identity would read the old places).
      const text = i % 2 ? budget : rowTyped(budget, '## 表 项目支出表', 1, `临时项目${i}`);
      const a = analyzer.analyze(text);
      assert.deepEqual(dump(a), dump(analyze(text, BOUND)), `keystroke ${i}`);
    }
  });

  it('many tables renewed at once (a row typed into a dozen forms, then one into the 项目支出表): their forms’ identities applied again', () => {
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    analyzer.analyze(budget);
    analyzer.analyze(budget);
    let text = budget;
    // Above the rows its identities read: a kept identity would read the old places.
    for (let i = 1; i <= 12; i++) text = replaceAfter(text, `## 项目申报表 项目${i}\n`, '合计 |', '其他资金 | 0.00\n合计 |');
    const both = rowTyped(text, '## 表 项目支出表', 1, '临时项目');
    for (const t of [text, budget, text, both, text]) assert.deepEqual(dump(analyzer.analyze(t)), dump(analyze(t, BOUND)));
  });
});

describe('standard sets: an identity of many relations, one of which the document’s own rule gives', () => {
  // The 支出总表's 「合计」栏 against the 一般公共预算支出表's, row by row (46 relations): the document's own rule for its
  // sixth row is taken in place of the identity's (copied at once, then dropped from that row on: apply.ts `BULK`).
  const budget = generateBudget({ kuanPerLei: 2, xiangPerKuan: 3 });
  const at = budget.indexOf('## 表 附表4-4');
  const rule = '规则：「一般事务1-3」行「合计」栏=附表4-5「一般事务1-3」行「合计」栏';
  const text = `${budget.slice(0, at)}${rule}\n\n${budget.slice(at)}`;
  const between = (a: ReturnType<typeof analyze>) => {
    const table = a.document.tables.find((t) => t.title === '支出总表')!;
    return a.standard!.applied(table).find((x) => !x.identity.local && x.identity.text.startsWith('「合计」栏各行=「一般公共预算支出表」'))!;
  };

  it('takes the document’s relation for that row, its own for the others, in their order', () => {
    const without = analyze(budget, { locale: 'zh' });
    const a = analyze(text, { locale: 'zh' });
    const applied = between(a);
    assert.ok(applied.relations.length >= 16, `${applied.relations.length} relations`);
    assert.deepEqual(applied.relations.map((r, i) => (r.ruleSpan ? i : -1)).filter((i) => i >= 0), [5]);
    assert.equal(applied.relations[5].target.row.label, '一般事务1-3');
    assert.deepEqual(applied.relations.map((r) => r.target.row.label), between(without).relations.map((r) => r.target.row.label));
    // The rule's relation stands for the identity's: no relation more.
    assert.equal(a.relations.length, without.relations.length);
    assert.deepEqual(dump(a), dump(analyze(text, BOUND)));
  });

  it('edit by edit, as a fresh analysis gives', () => {
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    for (const t of [budget, text, rowTyped(text, '## 表 附表4-3', 6, '临时'), text, budget]) assert.deepEqual(dump(analyzer.analyze(t)), dump(analyze(t, { locale: 'zh' })));
  });
});

describe('standard sets: a kept identity whose own table changed', () => {
  // Found by the session-8 review's differential fuzzer (test/fixtures/kept/forms-edited.budget: a generated 部门预算,
  // edited and shortened): one form's row renumbered (`2. ` → `十八、`) renews that form's table but no table its
  // identities read besides it; a comment typed into another form next. The renumbered form's kept identities must not
  // be taken again (apply.ts `Unchanged.stand`: its own table is among those that changed).
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'kept', 'forms-edited.budget'), 'utf8');
  const lines = text.split('\n');

  it('is applied again, as a fresh analysis and binding give, version by version', () => {
    assert.equal(lines[577], '2. 政府性基金预算财政拨款收入 | ');
    assert.equal(lines[433], '项目名称：项目7');
    const renumbered = [...lines.slice(0, 577), '十八、政府性基金预算财政拨款收入 | ', ...lines.slice(578)];
    const commented = [...renumbered.slice(0, 433), '// 核', ...renumbered.slice(433)];
    const analyzer = new DocumentAnalyzer({ locale: 'zh' });
    for (const [i, t] of [text, renumbered.join('\n'), commented.join('\n')].entries()) {
      assert.deepEqual(dump(analyzer.analyze(t)), dump(analyze(t, BOUND)), `version ${i}`);
    }
  });
});

describe('standard sets: a kept identity naming rows, over rows put in and taken out before its terms', () => {
  // 「年度资金总额」行「预算数」栏=（「当年财政拨款」行…+「上年结转资金」行…+…）: its relation reads other rows of its part,
  // and a name may name another row once a row is put in or taken out (apply.ts `moved` is for rules over a column's rows
  // only). A source row duplicated, then its first copy deleted: every version as a fresh analysis gives.
  for (const name of ['anhui-tianchang-water-2022', 'hubei-ezhou-approval-2021', 'anhui-xiaoxian-yanglou-2023']) {
    it(`each row of ${name} duplicated, then its first copy deleted`, () => {
      const t0 = readFileSync(join(ROOT, 'test', 'fixtures', 'forms', 'others', `${name}.budget`), 'utf8');
      const lines = t0.split('\n');
      let at = 0;
      for (const line of lines) {
        if (line.includes('|')) {
          const z = new DocumentAnalyzer({ locale: 'zh' });
          z.analyze(t0);
          const dup = `${line}\n`;
          z.edit(at, at, dup);
          assert.deepEqual(dump(z.analysis()), dump(analyze(t0.slice(0, at) + dup + t0.slice(at), { locale: 'zh' })), `${line}: duplicated`);
          z.edit(at, at + dup.length, '');
          assert.deepEqual(dump(z.analysis()), dump(analyze(t0, { locale: 'zh' })), `${line}: its first copy deleted`);
        }
        at += line.length + 1;
      }
    });
  }
});
