/**
 * The named quantities the narrative reads (server/src/standard/apply.ts `StandardReport.quantity`): looked for only in
 * the document's tables whose standard table holds the name (each set's holders by name, the document's tables as runs
 * of one standard table), they are what reading every table in the set's order gives — the same cells, in the same
 * order, with tables of two sets at one place in their orders interleaved as the document prints them.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBudget } from '../bench/standardDocs';
import { analyze } from '../server/src/analysis';
import type { Cell, Table } from '../server/src/model/document';
import type { StandardReport } from '../server/src/standard/apply';
import { refIsOwnByName } from '../server/src/standard/bind';
import { StandardLibrary } from '../server/src/standard/library';
import type { Quantity, StandardTable } from '../server/src/standard/set';
import { ROOT } from './support/lsp';

/** The report's own finder of a quantity's cell in one table (private: the oracle below reads every table with it). */
type CellOf = { cellOf(q: Quantity, st: StandardTable, t: Table): Cell | undefined };

/** What reading every recognised table in the set's order (stable: the document's order within one place) gives. */
function everyTable(report: StandardReport, name: string): Cell[] {
  const out: Cell[] = [];
  const ordered = [...report.recognitions].sort((a, b) => a[1].index - b[1].index);
  for (const [t, st] of ordered) {
    for (const q of st.quantities) {
      if (q.name !== name) continue;
      const cell = (report as unknown as CellOf).cellOf(q, st, t);
      if (cell) out.push(cell);
    }
  }
  return out;
}

/** Every quantity name of the sets the report's document may follow, and a few names no set knows. */
function namesOf(library: StandardLibrary): string[] {
  const names = new Set<string>(['收入', '不是数量的名称', '']);
  for (const set of library.sets) for (const st of set.tables) for (const q of st.quantities) names.add(q.name);
  return [...names];
}

function same(report: StandardReport, names: string[], what: string): number {
  let cells = 0;
  for (const name of names) {
    const got = report.quantity(name);
    const want = everyTable(report, name);
    assert.equal(got.length, want.length, `${what}: ${name}`);
    got.forEach((c, i) => assert.equal(c, want[i], `${what}: ${name} #${i}`));
    assert.equal(report.quantity(name), got, `${what}: ${name} asked again`);
    cells += got.length;
  }
  return cells;
}

describe('standard sets: the named quantities', () => {
  it('the seeds, the corpus and a generated 部门预算 with its forms: each name’s cells as reading every table gives', () => {
    const names = namesOf(StandardLibrary.shipped());
    const texts = [
      ...readdirSync(join(ROOT, 'seeds')).map((f) => join(ROOT, 'seeds', f)),
      ...readdirSync(join(ROOT, 'test', 'fixtures', 'corpus')).filter((f) => f.endsWith('.budget')).map((f) => join(ROOT, 'test', 'fixtures', 'corpus', f)),
    ].map((f) => readFileSync(f, 'utf8'));
    texts.push(generateBudget({ kuanPerLei: 2, xiangPerKuan: 3 }));
    let cells = 0;
    texts.forEach((text, i) => { cells += same(analyze(text, { locale: 'zh' }).standard, names, `document ${i}`); });
    assert.ok(cells > 100, `cells found: ${cells}`);
  });

  it('two sets holding one name: the tables of both, at one place in their orders in the document’s order', () => {
    // A province's set of the same kind: its table is the first of its order, as the shipped 收支总表 is of its own.
    const library = StandardLibrary.with([{ id: 'sheng', text: [
      '# 某省预算', '标准表套：某省预算', '类型：预算', '',
      '## 表 某省收入表', '必备：否', '数量：本年收入合计＝「本年收入合计」行', '数量：某省数＝「某省数」行', '',
    ].join('\n') }]);
    const seed = readFileSync(join(ROOT, 'seeds', 'xinzhou-2023-budget.budget'), 'utf8');
    const province = (n: string) => ['## 表 某省收入表', '列：项目 | 金额', `本年收入合计 | ${n}`, `某省数 | ${n}`, ''].join('\n');
    const at = seed.indexOf('## 表 附表4-1 收支总表');
    const end = seed.indexOf('\n## ', at + 1) + 1;
    // Before the 收支总表, after it, both, and twice in a row (one run of two tables).
    const docs = [
      seed.slice(0, at) + province('1.00') + seed.slice(at),
      seed.slice(0, end) + province('2.00') + seed.slice(end),
      seed.slice(0, at) + province('1.00') + seed.slice(at, end) + province('2.00') + seed.slice(end),
      seed.slice(0, at) + province('1.00') + province('3.00') + seed.slice(at),
    ];
    const names = namesOf(library);
    const totals: string[][] = [];
    for (const [i, text] of docs.entries()) {
      const report = analyze(text, { locale: 'zh', standard: { library } }).standard;
      same(report, names, `document ${i}`);
      totals.push(report.quantity('本年收入合计').map((c) => c.text));
    }
    // Each document's own totals, the province's table where the document prints it.
    const shipped = analyze(seed, { locale: 'zh' }).standard.quantity('本年收入合计').map((c) => c.text);
    assert.ok(shipped.length > 0);
    assert.deepEqual(totals[0], ['1.00', ...shipped]);
    assert.deepEqual(totals[1], [...shipped, '2.00']);
    assert.deepEqual(totals[2], ['1.00', ...shipped, '2.00']);
    assert.deepEqual(totals[3], ['1.00', '3.00', ...shipped]);
  });

  it('a quantity’s reference names its own table by names alone, or not (known once per reference and table)', () => {
    const library = StandardLibrary.with([{ id: 'sheng', text: [
      '# 某省预算', '标准表套：某省预算', '类型：预算', '',
      '## 表 公开01表 限额表', '数量：本表总额＝「总额」行', '',
      '## 项目表', '数量：限额总额＝「限额表」「总额」行', '数量：本项目数＝「限额表」「{项目名称}」行', '数量：本项目行＝「{项目名称}」行', '数量：本表支出＝「支出」行', '',
    ].join('\n') }]);
    const set = library.sets[0];
    const expected: Record<string, boolean> = { 本表总额: true, 限额总额: false, 本项目数: false, 本项目行: false, 本表支出: true };
    for (let round = 0; round < 2; round++) {
      for (const st of set.tables) for (const q of st.quantities) assert.equal(refIsOwnByName(q.ref, st), expected[q.name], `${q.name} (${round})`);
    }
    // The same reference read as another table's: named by its own table there too, and back.
    const [limits, form] = set.tables;
    const own = limits.quantities[0];
    assert.equal(refIsOwnByName(own.ref, form), true);
    assert.equal(refIsOwnByName(form.quantities[0].ref, limits), true, 'the 限额表 names itself: its own table');
    assert.equal(refIsOwnByName(form.quantities[0].ref, form), false);
  });
});
