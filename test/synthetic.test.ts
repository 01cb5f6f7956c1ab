/**
 * A figure printed inside a text — an indicator's points in its label, a narrative's claim — is made a cell of its own
 * by one helper (model/synthetic.ts `syntheticCell`) for both: a row appended to the part given, the cell in a column
 * numbered by that row.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import type { Column, Part, Table } from '../server/src/model/document';
import { syntheticCell } from '../server/src/model/synthetic';
import { parseFigure } from '../server/src/numbers/decimal';
import { ROOT } from './support/lsp';

describe('synthetic target cells: one helper for a label\'s points and a narrative\'s claims', () => {
  it('appends a row holding the one cell, in a column numbered by that row', () => {
    const column: Column = { name: '', path: [], role: 'figure', index: 0, span: { start: 0, end: 0 } };
    const part: Part = { columns: [column], rows: [], table: {} as Table, fields: [] };
    const span = { start: 3, end: 5 };
    const a = syntheticCell(part, column, { label: '甲', labelSpan: span, span }, { text: '50', span, figure: parseFigure('50')! });
    const b = syntheticCell(part, column, { label: '乙', labelSpan: span, span }, { text: '7.5', span, figure: parseFigure('7.5')! });
    assert.deepEqual(part.rows.map((r) => [r.index, r.label, r.cells.length]), [[0, '甲', 1], [1, '乙', 1]]);
    assert.equal(a.column, column, 'the column itself for the row of its index');
    assert.deepEqual([b.column?.index, b.row, b.kind], [1, part.rows[1], 'figure']);
  });

  it('rules/forms.ts and claims/checks.ts make no such row of their own', () => {
    for (const file of ['server/src/rules/forms.ts', 'server/src/claims/checks.ts']) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      assert.ok(source.includes('syntheticCell('), file);
      assert.ok(!/\.cells\.push\(/.test(source), `${file} pushes a cell into a row`);
    }
  });

  it('the targets made: an indicator\'s points (55分) and a narrative\'s rate, each in a row of its own', () => {
    const form = readFileSync(join(ROOT, 'test', 'fixtures', 'forms', 'others', 'shanxi-jishan-medical-2020.budget'), 'utf8').replace('(50分)', '(55分)');
    const points = analyze(form).relations.find((r) => r.rule === 'form' && r.target.text === '55');
    assert.ok(points);
    assert.deepEqual([points.target.row.part.rows.length, points.target.row.cells[0] === points.target, points.target.column?.index], [1, true, 0]);
    const text = '# t\n年度：2023\n类型：决算\n## 情况说明\n支出10万元，比上年增加1万元，增长11.1%；支出20万元，比上年增加2万元，增长11.1%。\n';
    const rates = analyze(text).relations.filter((r) => r.rule === 'narrative' && r.kind === 'change');
    assert.equal(rates.length, 2);
    for (const r of rates) assert.deepEqual([r.target.row.cells[0] === r.target, r.target.column?.index], [true, r.target.row.index]);
  });
});
