/**
 * A cell's number in its part's store (model/rows.ts `cellNumber`): the number relations and their indexes by cell use
 * (rules/compact.ts), read back by `StoredPart.cellAt`; error localisation finds a figure's relations by it.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/analysis';
import { cellNumber, StoredPart } from '../server/src/model/rows';
import { GOOD } from './support/docs';

describe('a cell’s number in its part’s store', () => {
  it('is the number the store reads the cell back by, in a part with columns and in one without', () => {
    const text = `${GOOD}\n## 表 表9 未列栏目\n201 | 一般公共服务支出 | 1.00 | 2.00\n202 | 外交支出 | 3.00\n`;
    const a = analyze(text);
    let seen = 0;
    for (const t of a.document.tables) for (const p of t.parts) {
      assert.ok(p instanceof StoredPart);
      for (const row of p.rows) row.cells.forEach((cell) => {
        const n = cellNumber(cell);
        assert.equal(p.cellAt(row.index, n), cell);
        seen++;
      });
    }
    assert.ok(seen > 100);
    assert.equal(a.document.tables.at(-1)!.parts[0].columns.length, 0, 'the last table lists no columns');
  });

  it('is -1 for a cell whose part does not store its rows (a narrative claim’s) and for a cell of no row', () => {
    const a = analyze(`${GOOD}\n## 情况说明\n2023年一般公共服务支出262.40万元。\n`);
    const claims = a.relations.flatMap((r) => [r.target, ...r.terms.map((t) => t.cell)]).filter((c) => !(c.row.part instanceof StoredPart));
    assert.ok(claims.length >= 1, 'the narrative’s figure is a cell of a plain part');
    for (const c of claims) assert.equal(cellNumber(c), -1);
    const row = a.document.tables[0].parts[0].rows[1];
    assert.equal(cellNumber({ ...row.cells[0] }), -1, 'a copy of a cell is not one of its row’s cells');
  });
});
