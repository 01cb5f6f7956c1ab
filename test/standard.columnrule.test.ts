/**
 * A column formula of its own table (`「合计」栏各行=（「基本支出」+「项目支出」）栏各行`) applied past the binding
 * (standard/apply.ts `Applier.columnRule`, bind.ts `ColumnFormula`, declared.ts `DeclaredRules.columnRule`): it must
 * give exactly what binding and expanding it gives — its relations in the same order, what it finds, what the document
 * lacks, the identity's state in hover and outline — the first time a table's shape is met and with shapes met before.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/analysis';
import { columnRules } from '../server/src/standard/apply';
import { forgetTemplates } from '../server/src/standard/shapes';
import { dump, features } from './support/dump';
import { generateBudget, generateFinal } from '../bench/standardDocs';
import { realAndGenerated } from './support/documents';

/** A 部门预算's line replaced (the first that starts so), or a line put after it. */
function edited(text: string, starts: string, line: (was: string) => string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(starts));
  assert.ok(i >= 0, starts);
  lines[i] = line(lines[i]);
  return lines.join('\n');
}

/**
 * What the documents of `realAndGenerated` leave out: a column formula's table printed in two parts, the second
 * without a column a term names (no relation there); a term's column the document does not print (not applicable:
 * what it lacks is named); the document's own rule equal to the identity (the identity takes its relations); a
 * column by another name the set lists (栏名); a minus sign over printed figures; blank and dash cells; a figure
 * that does not add up.
 */
function cases(): [string, string][] {
  const small = { kuanPerLei: 2, xiangPerKuan: 3 };
  const budget = generateBudget(small);
  const own = '规则：「合计」栏各行=（「基本支出」+「项目支出」+「事业单位经营支出」+「上缴上级支出」+「对附属单位补助支出」）栏各行';
  const twoParts = edited(budget, '列：科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 | 事业单位经营支出',
    (l) => `### 本级\n${l}\n201 | 一般公共服务支出 | 3.00 | 1.00 | 2.00 | | - | \n### 下级\n列：科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出\n201 | 一般公共服务支出 | 3.00 | 1.00 | 1.00\n${own}`);
  const lacking = edited(budget, '列：部门(单位)代码 | 部门(单位)名称 | 合计 | 本年收入{小计', (l) => l.replace(' | 上级补助收入', ' | 上级补助'));
  const alias = edited(budget, '列：科目编码 | 科目名称 | 合计 | 基本支出{小计', (l) => l.replace(' | 合计 |', ' | 金额 |'));
  const final = generateFinal(small);
  const minus = edited(final, '列：科目编码 | 科目名称 | 年初结转和结余[1] | 本年收入[2] | 本年支出{小计[3]',
    (l) => `${l}\n2080101 | 行政运行 | 1.00 | 2.00 | 2.50 | 1.00 | 1.50 | 0.50\n2080102 | 一般行政管理事务 | 1.00 | | 0.50 | - | 0.50 | 0.60`);
  return [['two parts', twoParts], ['a column lacking', lacking], ['a column by another name', alias], ['a minus sign', minus]];
}

/** A copy with one figure mistyped: the first one printed after the first table's heading. */
function mistyped(text: string): string {
  const at = text.indexOf('## 表');
  const digit = at + text.slice(at).search(/\d\.\d\d/);
  return text.slice(0, digit) + ((Number(text[digit]) + 1) % 10) + text.slice(digit + 1);
}

/** An analysis as plain data, with the relations in the list's order (the dump sorts them) and the editor's features. */
function seen(text: string): unknown {
  const a = analyze(text, { locale: 'zh' });
  const order = a.relations.map((r) => `${r.title} ${r.target.span.start} ${r.terms.map((t) => `${t.sign}${t.cell.span.start}`).join(' ')}`);
  return { dump: dump(a), order, features: features(a) };
}

/** The document analysed the first time its shapes are met, then with them met before (templates of other identities). */
function twice(text: string, on: boolean): unknown[] {
  columnRules.on = on;
  try {
    forgetTemplates();
    return [seen(text), seen(text)];
  } finally {
    columnRules.on = true;
  }
}

describe('standard identities: a column formula of its own table, past the binding', () => {
  afterEach(() => forgetTemplates());

  it('gives what binding and expanding it gives (seeds, corpus, generated documents, hand-made cases; first and met)', () => {
    columnRules.count = 0;
    for (const [name, text] of [...realAndGenerated(), ...cases()]) {
      for (const t of [text, mistyped(text)]) assert.deepEqual(twice(t, true), twice(t, false), name);
    }
    assert.ok(columnRules.count > 200, `${columnRules.count} identities applied as column formulas`);
  });

  it('hand-made cases: each reaches the path, and what it shows', () => {
    const [twoParts, lacking, alias, minus] = cases().map(([, t]) => t);
    forgetTemplates();
    columnRules.count = 0;
    // Two parts: the first part's row checked (its blank and dash terms too), the second's not (no 事业单位经营支出 there),
    // and the document's own equal rule taken for the identity's relations.
    const two = analyze(twoParts, { locale: 'zh' });
    const table = two.document.tables.find((t) => t.parts.some((p) => p.name === '下级'))!;
    const applied = two.standard.applied(table).filter((x) => x.identity.text.startsWith('「合计」栏各行=（「基本支出」+「项目支出」+「事业单位经营支出」'));
    assert.equal(applied.length, 1);
    assert.equal(applied[0].outcome, 'applied');
    assert.ok(applied[0].relations.every((r) => r.target.row.part.name === '本级'));
    assert.deepEqual(applied[0].relations.map((r) => `${r.rule} ${r.title.startsWith('规则')}`), ['column-formula true'], 'the document’s own relation taken');
    // A term's column not printed: not applicable, and what is lacking is named.
    assert.ok(columnRules.count > 0);
    const lack = analyze(lacking, { locale: 'zh' });
    const income = lack.document.tables.find((t) => t.title.includes('收入总表'))!;
    const sub = lack.standard.applied(income).find((x) => x.identity.text.startsWith('「本年收入/小计」栏各行'))!;
    assert.equal(sub.outcome, 'missing');
    assert.equal(sub.missing, '「本年收入/上级补助收入」');
    assert.ok(columnRules.count > 1);
    // 合计 printed as 金额 (栏名：合计＝金额): applied.
    const al = analyze(alias, { locale: 'zh' });
    const gpb = al.document.tables.find((t) => t.title.includes('一般公共预算支出表'))!;
    assert.equal(al.standard.applied(gpb).find((x) => x.identity.text.startsWith('「合计」栏各行'))?.outcome, 'applied');
    assert.ok(columnRules.count > 2);
    // 年末结转和结余 = 年初 + 本年收入 − 本年支出: the first row holds, the second (0.6 against 0.5) does not.
    const mi = analyze(minus, { locale: 'zh' });
    const fund = mi.document.tables.find((t) => t.title.includes('政府性基金预算财政拨款收入支出决算表'))!;
    const rest = mi.standard.applied(fund).find((x) => x.identity.text.startsWith('「年末结转和结余」栏各行'))!;
    assert.equal(rest.relations.length, 2);
    assert.ok(rest.relations[0].terms.some((t) => t.sign === -1));
    assert.equal(mi.findings.filter((f) => f.severity === 'error' && f.span.start === minus.indexOf('0.60')).length, 1);
    assert.ok(columnRules.count > 3);
  });
});
