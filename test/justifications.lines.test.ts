/**
 * Finding a document's `说明：` lines without making the text of each of its lines on every version
 * (`Positions.linesBeginning`): the analyzer's positions over its sections answer as `LineIndex` over the joined text
 * and as reading every line does, and applying justifications makes only the text of the lines it reads.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DocumentAnalyzer } from '../server/src/analysis';
import { applyJustifications } from '../server/src/checks/justifications';
import { LineIndex, type Positions } from '../server/src/syntax/positions';
import { generate } from '../bench/generate';

/** The lines of `lines` whose text begins with `prefix` after characters of `skip`, read line by line. */
function readEach(lines: Positions, prefix: string, skip: string): number[] {
  const out: number[] = [];
  for (let k = 0; k < lines.lineCount; k++) {
    const t = lines.lineText(k);
    let i = 0;
    while (i < t.length && skip.includes(t[i])) i++;
    if (t.startsWith(prefix, i)) out.push(k);
  }
  return out;
}

/** `p`, counting the lines whose text it makes. */
function counting(p: Positions): { positions: Positions; made: () => number } {
  let made = 0;
  return {
    made: () => made,
    positions: {
      get lineCount() { return p.lineCount; },
      position: (o) => p.position(o),
      offset: (q) => p.offset(q),
      lineText: (k) => { made++; return p.lineText(k); },
      linesBeginning: (prefix, skip) => p.linesBeginning(prefix, skip),
    },
  };
}

describe('justifications: their lines found without making every line', () => {
  it('the analyzer’s positions find the lines that begin so as LineIndex does, and as reading each line does', () => {
    const PIECES = ['说明：', '说明', '说', '明', ' ', '\t', '\u3000', '## ', '## 表 x\n', '#', 'a', '𠀋', '\n', '\r\n', '\r', '| 1 |'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const analyzer = new DocumentAnalyzer({ standard: false });
      analyzer.analyze(text);
      const sections = analyzer.positions();
      const index = new LineIndex(text);
      for (const [prefix, skip] of [['说明', ' \t\u3000'], ['## ', ''], ['#', ''], ['说', '明'], ['明', ' ']]) {
        const want = readEach(index, prefix, skip);
        assert.deepEqual(index.linesBeginning(prefix, skip), want, `${JSON.stringify(text)} ${prefix}`);
        assert.deepEqual(sections.linesBeginning(prefix, skip), want, `${JSON.stringify(text)} ${prefix}`);
      }
    }), { numRuns: 500 });
  });

  it('a document of 10,000 rows: no line’s text made without a 说明 line, few with one', () => {
    const g = generate(10000).text;
    const analyzer = new DocumentAnalyzer();
    const a = analyzer.analyze(g);
    const none = counting(analyzer.positions());
    assert.equal(applyJustifications(a.findings, none.positions), a.findings);
    assert.equal(none.made(), 0, 'no line made');

    // A figure mistyped (its last digit), accepted under its row.
    const row = /^\d{7} \| [^|\n]+ \| ([\d,.]+) \|/m.exec(g.slice(g.length >> 1))!;
    const at = g.indexOf(row[0], g.length >> 1) + row[0].length - 2;
    const typed = `${row[1].slice(0, -1)}${(Number(row[1].slice(-1)) + 5) % 10}`;
    const end = g.indexOf('\n', at);
    const wrong = `${g.slice(0, at - row[1].length)}${typed}${g.slice(at, end)}\n说明：${typed}：原文如此${g.slice(end)}`;
    const b = analyzer.analyze(wrong);
    assert.ok(b.findings.some((f) => f.acknowledged?.reason === '原文如此'), 'the finding is accepted');
    const some = counting(analyzer.positions());
    const again = applyJustifications(b.findings.map((f) => ({ ...f, acknowledged: undefined })), some.positions);
    assert.ok(again.some((f) => f.acknowledged?.reason === '原文如此'));
    assert.ok(some.made() < 20, `${some.made()} lines made`);
  });
});
