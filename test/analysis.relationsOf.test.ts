/**
 * `Analysis.relationsOf(cell)` (hover, highlights, references): the relations a figure takes part in, found where error
 * localisation finds them (its section's list by cell, the rules and standard identities between tables through their
 * index, the forms' and the narrative's by their figures) — answering what a scan of every relation answers, for a
 * stored cell, a form's field (a part that is not stored), a claim of the narrative, and after an edit.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentAnalyzer, type Analysis } from '../server/src/analysis';
import { isClaimCell } from '../server/src/claims/checks';
import { cellsOf } from '../server/src/rules/relation';
import { FIELD_PART } from '../server/src/model/build';
import type { Cell } from '../server/src/model/document';
import { StoredPart } from '../server/src/model/rows';
import { generateBudget } from '../bench/standardDocs';
import { FIELD_RULE_TABLE } from './support/docs';

const root = join(__dirname, '..', '..');

/** What a scan of every relation gives: each relation the cell is in, once, in the order of `relations`. */
const scan = (a: Analysis, cell: Cell) => a.relations.filter((r) => cellsOf(r).includes(cell));

/** Every figure of every relation, and every cell of every part (most in none). */
function cellsOfAll(a: Analysis): Set<Cell> {
  const out = new Set<Cell>();
  for (const r of a.relations) for (const c of cellsOf(r)) out.add(c);
  for (const t of a.document.tables) for (const p of t.parts) for (const r of p.rows) for (const c of r.cells) out.add(c);
  return out;
}

function sameAsScan(a: Analysis, cells: Iterable<Cell>): number {
  let n = 0;
  for (const c of cells) {
    assert.deepEqual(a.relationsOf(c), scan(a, c), `${c.row.part.table.heading} ${c.row.label} ${c.text}`);
    n++;
  }
  return n;
}

describe('Analysis.relationsOf', () => {
  // The generated 部门预算 (standard identities between tables, project forms whose 项目当年预算 field an identity
  // reads, the forms' own relations), a paragraph whose claims restate 收支总表 figures, and a table whose field a
  // rule of its own reads (a relation kept as an object in its section's list, at a figure outside the stores).
  const good = generateBudget({ kuanPerLei: 2, xiangPerKuan: 5 });
  const total = good.slice(good.indexOf('收入总计 | ') + '收入总计 | '.length).split('\n')[0];
  const text = `${good}
${FIELD_RULE_TABLE}
## 部门预算情况说明
2023年收支总预算${total}万元。一般公共预算拨款收入${total}万元，本年支出合计${total}万元。
`;

  function check(a: Analysis): void {
    const rels = a.relations;
    const stored = rels.find((r) => r.rule === 'cross-table' && r.target.row.part instanceof StoredPart)!.target;
    const fields = rels.flatMap((r) => cellsOf(r)).filter((c) => c.row.part.name === FIELD_PART);
    const readBetween = fields.find((c) => scan(a, c).some((r) => r.rule === 'cross-table'));
    const ownRule = fields.find((c) => c.row.part.table.heading.includes('项目核对表'));
    const claim = rels.flatMap((r) => cellsOf(r)).find(isClaimCell);
    assert.ok(stored && readBetween && ownRule && claim, 'each kind of figure is there');
    assert.ok(scan(a, stored).length >= 2, 'the stored figure takes part in its section’s relations and in one between tables');
    assert.equal(scan(a, ownRule).length, 1);
    for (const c of [stored, readBetween, ownRule, claim]) assert.ok(a.relationsOf(c).length > 0);
    sameAsScan(a, [stored, readBetween, ownRule, claim]);
    assert.ok(sameAsScan(a, cellsOfAll(a)) > 1000);
  }

  it('a stored figure, a form’s field, a field a rule of its table reads and a claim: what a scan of every relation gives', () => {
    check(new DocumentAnalyzer().analyze(text));
  });

  it('the same after edits: a figure retyped, then a line added to a table', () => {
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(text);
    const at = text.indexOf('甲 | 40.00') + '甲 | '.length;
    const retyped = `${text.slice(0, at)}5${text.slice(at + 1)}`;
    check(analyzer.analyze(retyped));
    assert.equal(analyzer.lastReuse.unit, 'figures');
    const row = retyped.indexOf('\n301 | ', retyped.indexOf('## 表 附表4-6')) + 1;
    check(analyzer.analyze(`${retyped.slice(0, row)}\n${retyped.slice(row)}`));
    assert.equal(analyzer.lastReuse.unit, 'rows');
  });

  it('a relation a figure appears in twice is listed once (a 合计 row’s share: its amount is also the whole)', () => {
    // 新洲 2023: the 部门整体支出绩效目标申报表's 合计 row is 100% of itself, 307.24 ÷ 307.24.
    const a = new DocumentAnalyzer().analyze(readFileSync(join(root, 'seeds', 'xinzhou-2023-budget.budget'), 'utf8'));
    const share = a.relations.find((r) => r.rule === 'share' && r.terms[0].cell === r.terms[1].cell);
    assert.ok(share, 'the 合计 row’s share');
    const amount = share.terms[0].cell;
    assert.equal(a.relationsOf(amount).filter((r) => r === share).length, 1);
    assert.deepEqual(a.relationsOf(amount), scan(a, amount));
  });

  it('the seeds and the corpus: every figure, what a scan of every relation gives', () => {
    const files = [
      ...['dongxihu-2020-budget', 'huangpi-2023-final', 'qiaokou-2023-final', 'wuhan-info-center-2022-budget', 'xinzhou-2023-budget'].map((f) => join(root, 'seeds', `${f}.budget`)),
      join(root, 'test', 'fixtures', 'corpus', 'jiangsu-high-court-2019-budget.budget'),
      join(root, 'test', 'fixtures', 'corpus', 'shanghai-2024-final-template.budget'),
    ];
    for (const f of files) {
      const a = new DocumentAnalyzer().analyze(readFileSync(f, 'utf8'));
      assert.ok(sameAsScan(a, cellsOfAll(a)) > 0, f);
    }
  });
});
