/**
 * Whether a cell prints a figure other than zero, read from the row store (model/rows.ts `isNonZeroFigure`: no view
 * is made; the completeness check asks it of every figure of a table it judges empty): what the cell's view says.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBudget, generateFinal } from '../bench/standardDocs';
import { analyze } from '../server/src/analysis';
import type { Cell } from '../server/src/model/document';
import { isNonZeroFigure, rowCount, StoredPart } from '../server/src/model/rows';
import { GOOD } from './support/docs';
import { ROOT } from './support/lsp';

/** What the view says: a figure cell whose figure's units are not zero. */
const viewSays = (c: Cell | undefined) => c?.kind === 'figure' && !!c.figure && c.figure.units !== 0n;

describe('a figure other than zero, read from the store', () => {
  it('is what each cell’s view says, in every part of the seeds, the corpus and generated documents, past the columns too', () => {
    const texts = [
      ...readdirSync(join(ROOT, 'seeds')).map((f) => join(ROOT, 'seeds', f)),
      ...readdirSync(join(ROOT, 'test', 'fixtures', 'corpus')).filter((f) => f.endsWith('.budget')).map((f) => join(ROOT, 'test', 'fixtures', 'corpus', f)),
    ].map((f) => readFileSync(f, 'utf8'));
    // Zeros, blanks and dashes, percentages, figures past 2^53, negative and broken ones, more cells than columns.
    texts.push(generateBudget(), generateFinal(), `${GOOD}
## 表 表9 各种数
列：项目 | 甲 | 乙 | 丙
零 | 0.00 | 0 | -
空 |  | — | －
比例 | 0% | 12.5% | 0.0%
大数 | 123,456,789,012,345,678.90 | 0.000 | -3.00
坏数 | 3 07.24 | . 0 0 | 1.2.3
多出 | 1.00 | 2.00 | 3.00 | 4.00 | 0.00
`);
    let seen = 0;
    let nonZero = 0;
    let stored = 0;
    for (const text of texts) for (const t of analyze(text).document.tables) for (const p of t.parts) {
      if (p instanceof StoredPart) stored++;
      for (let r = 0; r < rowCount(p); r++) {
        const cells: Cell[] = p.rows[r].cells;
        for (let i = 0; i <= Math.max(cells.length, p.columns.length); i++) {
          const says = viewSays(cells[i]);
          assert.equal(isNonZeroFigure(p, r, i), says, `${t.title} row ${r} cell ${i}: ${cells[i]?.text}`);
          seen++;
          if (says) nonZero++;
        }
      }
    }
    assert.ok(seen > 10_000 && nonZero > 2_000 && nonZero < seen, `${nonZero} of ${seen}`);
    assert.ok(stored > 100, `${stored} stored parts`);
  });

  it('reads a cell of a part that does not store its rows (a narrative claim’s) from its view', () => {
    const a = analyze(`${GOOD}\n## 情况说明\n2023年一般公共服务支出262.40万元，比上年减少0.00万元。\n`);
    const claims = a.relations.flatMap((r) => [r.target, ...r.terms.map((t) => t.cell)]).filter((c) => !(c.row.part instanceof StoredPart));
    assert.ok(claims.length >= 1);
    for (const c of claims) assert.equal(isNonZeroFigure(c.row.part, c.row.index, c.row.cells.indexOf(c)), viewSays(c));
    assert.ok(claims.some((c) => isNonZeroFigure(c.row.part, c.row.index, c.row.cells.indexOf(c))));
  });
});
