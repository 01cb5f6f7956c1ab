/**
 * One test of "this text is a figure" for justifications (`figureKey`, checks/justifications.ts): the quick fix that
 * accepts a finding (fixes/justify.ts) names the finding's figure exactly when the `说明：` line it writes will read it
 * as that figure — so the line, once given a reason, accepts the finding — for every way a figure is printed or typed.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/analysis';
import { applyJustifications, figureKey, parseReference } from '../server/src/checks/justifications';
import type { Finding } from '../server/src/checks/finding';
import { justifyFix } from '../server/src/fixes/justify';
import { vary } from './fixtures/narrative/document';

/** Figures as tables and the narrative print them, and as authors type them in a 说明 line, with their keys. */
const FIGURES: [string, string][] = [
  ['95.22%', '95.22%'],
  ['95.22％', '95.22%'],
  ['95.22 %', '95.22%'],
  ['42.40%', '42.40%'],
  ['2,108.74', '2108.74'],
  ['2,108.74 万元', '2108.74'],
  ['2108.74万元', '2108.74'],
  ['2108.74\u3000万元', '2108.74'],
  ['12.00元', '12.00'],
  ['3.5 亿元', '3.5'],
  ['45.6 万', '45.6'],
  ['2 亿', '2'],
  ['-3.50', '-3.50'],
  ['−3.50', '-3.50'],
  ['－3.50', '-3.50'],
  ['.56', '0.56'],
  ['+5.4%', '5.4%'],
  ['1，234.00', '1234.00'],
  ['1，234.00 万元', '1234.00'],
  ['12,345,678.90', '12345678.90'],
];

/** Texts that are not one figure (a 说明 naming one of them names no figure). */
const NOT_FIGURES = ['', '万元', '%', '五万元', '1，2', '1,23', '12,34.5', '+-3', '+ 5', '5%%', '3.', '1.2.3', '约 5 万元', '5 万人', '２３'];

/** A finding standing on `said` in a line of its own, the line below it free. */
function findingOn(said: string): { text: string; finding: Finding } {
  const before = '本年支出决算为 ';
  const text = `## 情况说明\n${before}${said}，比上年有所变动。\n\n`;
  const start = text.indexOf(before) + before.length;
  return { text, finding: { rule: 'narrative', severity: 'error', message: '不符', span: { start, end: start + said.length }, related: [] } };
}

function applied(text: string, edit: { span: { start: number; end: number }; text: string }): string {
  return text.slice(0, edit.span.start) + edit.text + text.slice(edit.span.end);
}

describe('justifications: one test of a figure, for the quick fix and the 说明 line', () => {
  it('reads each way a figure is printed as that figure, its unit and separators left out', () => {
    for (const [said, key] of FIGURES) {
      assert.equal(figureKey(said), key, said);
      assert.deepEqual(parseReference(said), { figure: key }, said);
      assert.deepEqual(parseReference(`narrative ${said}`), { rule: 'narrative', figure: key }, said);
    }
    for (const said of NOT_FIGURES) assert.equal(figureKey(said), undefined, said);
  });

  it('the quick fix names the figure as printed; given a reason, its line accepts the finding', () => {
    for (const [said] of FIGURES) {
      const { text, finding } = findingOn(said);
      const fix = justifyFix(text, finding.span, finding.rule);
      assert.ok(fix, said);
      const edit = fix.edits[0];
      assert.equal(edit.text, `说明：${said}：\n`, `${said}: the 说明 names the figure, not the rule`);
      const written = applied(text, edit).replace(`说明：${said}：\n`, `说明：${said}：照录原文\n`);
      const [f] = applyJustifications([finding], written);
      assert.equal(f.acknowledged?.reason, '照录原文', said);
    }
  });

  it('the quick fix names the rule for a finding on what is not one figure, and that line accepts it too', () => {
    for (const said of NOT_FIGURES.filter(Boolean)) {
      const { text, finding } = findingOn(said);
      const edit = justifyFix(text, finding.span, finding.rule)!.edits[0];
      assert.equal(edit.text, '说明：narrative：\n', said);
      const [f] = applyJustifications([finding], applied(text, edit).replace('说明：narrative：\n', '说明：narrative：另文说明\n'));
      assert.equal(f.acknowledged?.reason, '另文说明', said);
    }
  });

  it('a full-width percentage in the narrative is accepted by the line the quick fix writes', () => {
    const wrong = vary(
      '2024 年度机关运行经费支出 45.6 万元。比上年减少了 5.4 万元，减少 10.59%。',
      '2024 年度机关运行经费支出 45.6 万元。比上年减少了 5.4 万元，减少 9.81％。',
    );
    const said = (t: string, f: Finding) => t.slice(f.span.start, f.span.end);
    const f = analyze(wrong).findings.find((x) => x.severity === 'error' && said(wrong, x) === '9.81％');
    assert.ok(f, 'the wrong rate is found');
    const edit = justifyFix(wrong, f.span, f.rule)!.edits[0];
    assert.equal(edit.text, '说明：9.81％：\n');
    const reasoned = applied(wrong, edit).replace('说明：9.81％：\n', '说明：9.81％：照录原文\n');
    const after = analyze(reasoned).findings.find((x) => said(reasoned, x) === '9.81％');
    assert.equal(after?.acknowledged?.reason, '照录原文');
  });
});
