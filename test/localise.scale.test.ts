/**
 * Error localisation in a long table full of failures. Proposing a value for a blank culprit asked how the blank's
 * column prints its figures by making every row of the part and spreading all its cells, once per culprit: a
 * 24,000-row table with 800 failing rows took 36 s to analyse (found while measuring the standard sets; #13, #15).
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/analysis';
import { StoredPart } from '../server/src/model/rows';

/** A table whose every 30th row prints a wrong 合计 and leaves 乙 blank (each such row fails, with the blank a culprit). */
function failingTable(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const wrong = i % 30 === 0;
    lines.push(`${100000 + i} | 项目${i} | ${wrong ? '3,000.00' : '2.00'} | 1.00 | ${wrong ? '' : '1.0'}`);
  }
  return `# 某单位\n年度：2023\n\n## 表 表1 某表\n列：行次 | 项目 | 合计[1] | 甲[2] | 乙[3]\n${lines.join('\n')}\n规则：1栏各行=(2+3)栏各行\n`;
}

describe('error localisation at scale', () => {
  it('reads no whole part per culprit: a table of failing rows is analysed without making its rows', () => {
    const rows = Object.getOwnPropertyDescriptor(StoredPart.prototype, 'rows')!;
    let asked = 0;
    Object.defineProperty(StoredPart.prototype, 'rows', { ...rows, get(this: StoredPart) { asked++; return rows.get!.call(this); } });
    try {
      const a = analyze(failingTable(3000));
      const failing = a.findings.filter((f) => f.rule === 'column-formula' && f.severity === 'error');
      assert.equal(failing.length, 100);
      // Before: the part's rows were asked for four times per failing row (400).
      assert.equal(asked, 0);
    } finally {
      Object.defineProperty(StoredPart.prototype, 'rows', rows);
    }
  });

  it('offers the blank culprit a value printed like its column (its decimals, no separators there)', () => {
    const a = analyze(failingTable(300));
    const f = a.findings.find((x) => x.rule === 'column-formula' && x.severity === 'error')!;
    // 合计 3,000.00 = 甲 1.00 + 乙 (blank): 乙 would be 2999.0, printed like its column's 1.0 (one decimal, no separators).
    assert.deepEqual(f.fixes?.map((x) => x.text), ['1.00', '3000.00', '2999.0']);
  });
});
