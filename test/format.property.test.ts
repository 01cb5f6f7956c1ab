/**
 * Property test of the formatter over thousands of random small documents: tables with CJK, emoji and full-width text,
 * figures of every shape (`-`, blanks, `1,234.56`, percentages, broken numbers), groups in `列：` lines, comments,
 * random blanks around pipes, junk lines, prose sections, LF or CRLF, a BOM. The formatter never throws, never
 * refuses, keeps every figure, cell, non-blank character and line, and formatting twice changes nothing.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatText } from '../server/src/format/index';
import { figureTokens } from '../server/src/format/verify';
import type { ColumnNode } from '../server/src/syntax/ast';
import { parse } from '../server/src/syntax/parser';
import { groupThousands } from '../server/src/numbers/decimal';

const CHARS = [
  ...'一般公共服务支出合计基本项目人员经费（室）、：，。“”《》',
  ...'ＡＢＣ１２３｛｝［］＋－＝％',
  '😀', '👍🏽', '𝄞', 'é', 'e\u0301', '\u200d',
  ...'abcXYZ019.,-%/#:{}[]「」 ', '\t', '\u3000', '|', '｜',
];
const textArb = fc.array(fc.constantFrom(...CHARS), { maxLength: 10 }).map((a) => a.join(''));

const intArb = fc.oneof(fc.nat({ max: 999 }), fc.nat({ max: 99_999_999 }), fc.constant(0));
const withCommas = (n: number) => groupThousands(String(n));
const figureArb = fc.oneof(
  fc.tuple(fc.boolean(), intArb, fc.boolean(), fc.nat({ max: 9999 }), fc.constantFrom('', '', '%', ' 万元', '万元')).map(
    ([neg, i, commas, frac, suffix]) => `${neg ? '-' : ''}${commas ? withCommas(i) : String(i)}${frac % 3 ? `.${String(frac).padStart(frac % 3, '0')}` : ''}${suffix}`),
  fc.constantFrom('', '', '-', '—', '－', '0', '0.00', '.5', '3 07.24', '1,23.4', '12,3456', '１２３', '1e5', '≥95%', '≦2小时', '20 个', '--', '..', '1..2', '(3)'),
);
// Blanks the formatter owns, and now and then a character it must keep although it looks blank (U+FEFF, a no-break
// space, NUL, control characters).
const padArb = fc.constantFrom('', ' ', ' ', '  ', '   ', '\t', '\u3000', ' \u3000 ', '', ' ', '  ', '\t', '\u3000', ' \u3000 ', '\ufeff', ' \u00a0', '\u0000', '\u000b ', '\u001f');
const pipeArb = fc.constantFrom('|', '|', '|', '｜');

const cellArb = fc.oneof({ weight: 3, arbitrary: figureArb }, { weight: 2, arbitrary: textArb });
const commentArb = fc.option(textArb.map((t) => `//${t}`), { freq: 5 });

const rowArb = fc.tuple(
  fc.array(fc.tuple(padArb, cellArb, padArb, pipeArb), { minLength: 1, maxLength: 6 }),
  fc.tuple(padArb, cellArb), commentArb, padArb,
).map(([cells, [lead, last], comment, trail]) =>
  cells.map(([a, c, b, p]) => `${a}${c}${b}${p}`).join('') + `${lead}${last}${comment ? ` ${comment}` : ''}${trail}`);

const nameArb = fc.oneof(fc.constantFrom('科目编码', '科目名称', '项目', '行次', '合计', '金额', '决算数', '基本支出', '项目支出'), textArb.map((t) => t.replace(/[|｜{}[\]［］｛｝/]/g, '')));
const leafArb = fc.tuple(nameArb, fc.option(fc.nat({ max: 20 }), { freq: 2 }), padArb).map(([n, k, p]) => `${n}${p}${k === null ? '' : `[${k}]`}`);
const columnArb = fc.oneof(
  { weight: 4, arbitrary: leafArb },
  { weight: 1, arbitrary: fc.tuple(nameArb, fc.array(leafArb, { minLength: 1, maxLength: 3 }), padArb).map(([n, kids, p]) => `${n}{${kids.join(`${p}|${p}`)}}`) },
);
const columnsArb = fc.tuple(fc.array(fc.tuple(columnArb, padArb, pipeArb), { maxLength: 5 }), columnArb, commentArb).map(
  ([cols, last, comment]) => `列：${cols.map(([c, p, pipe]) => `${c}${p}${pipe}${p}`).join('')}${last}${comment ? ` ${comment}` : ''}`);

const junkArb = fc.oneof(
  fc.constantFrom('', '注：本表反映 | 情况 1,234.56', '规则：1栏各行=(2+3)栏各行', '规则：27行=（1+2+…+8）行；((((', '金额单位：万元', '部门：某部门 | 2',
    '### 收入', '### 支出', '// 注释 | 1 | 2', '说明：本部门无', '列：{{{{[', '列：', '# 标题', '## 情况说明', '## 名词解释', '一、术语 | 1：定义 | 2'),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '')),
  rowArb,
);

const lineArb = fc.oneof({ weight: 6, arbitrary: rowArb }, { weight: 1, arbitrary: columnsArb }, { weight: 2, arbitrary: junkArb });
const tableArb = fc.tuple(fc.constantFrom('## 表 公开01表 收入支出决算总表', '## 表 表1 测试', '## 项目申报表 某项目', '## 表 附表4-5 一般公共预算支出表'), columnsArb, fc.array(lineArb, { maxLength: 12 }))
  .map(([h, c, ls]) => [h, c, ...ls]);

const docArb = fc.tuple(fc.boolean(), fc.constantFrom('\n', '\r\n', '\r\n', '\n'), fc.array(fc.oneof(tableArb, junkArb.map((j) => [j])), { maxLength: 4 }), fc.boolean())
  .map(([bom, eol, blocks, finalEol]) => `${bom ? '\ufeff' : ''}# 测试\n年度：2023\n`.replace(/\n/g, eol) + blocks.flat().join(eol) + (finalEol ? eol : ''));

function columnsKey(cols: ColumnNode[]): string {
  return cols.map((c) => `${c.name}[${c.number ?? ''}]${c.children ? `{${columnsKey(c.children)}}` : ''}`).join('|');
}
function cellsOf(text: string): string[] {
  return parse(text).lines.map((l) =>
    l.kind === 'row' ? `row ${JSON.stringify(l.cells.map((c) => c.text))} ${l.comment ?? ''}` : l.kind === 'columns' ? `columns ${columnsKey(l.columns)}` : l.kind);
}
const lineCount = (t: string) => t.split(/\r\n|\r|\n/).length;

describe('formatter properties (fast-check)', function () {
  this.timeout(120000);

  it('never throws or refuses; keeps figures, cells, non-blank text and lines; is idempotent', () => {
    fc.assert(fc.property(docArb, (text) => {
      const first = formatText(text);
      assert.equal(first.result.refused, undefined);
      const out = first.text;
      assert.equal(lineCount(out), lineCount(text));
      assert.deepEqual(out.match(/\r\n|\r|\n/g), text.match(/\r\n|\r|\n/g));
      // Only the blanks it owns (spaces, tabs, ideographic spaces) come and go.
      assert.equal(out.replace(/[ \t\u3000]+/g, ''), text.replace(/[ \t\u3000]+/g, ''));
      assert.equal(out.startsWith('\ufeff'), text.startsWith('\ufeff'));
      assert.deepEqual(figureTokens(out), figureTokens(text));
      assert.deepEqual(cellsOf(out), cellsOf(text));
      const second = formatText(out);
      assert.equal(second.result.refused, undefined);
      assert.deepEqual(second.result.edits, []);
      assert.equal(second.text, out);
    }), { numRuns: 2000 });
  });

  it('formats a range exactly as the document format does on those lines', () => {
    fc.assert(fc.property(docArb, fc.nat(), fc.nat({ max: 6 }), (text, a, n) => {
      const lines = text.split(/\r\n|\r|\n/);
      const start = a % lines.length;
      const end = Math.min(lines.length - 1, start + n);
      const whole = formatText(text).text.split(/\r\n|\r|\n/);
      const part = formatText(text, { lines: { start, end } });
      assert.equal(part.result.refused, undefined);
      const got = part.text.split(/\r\n|\r|\n/);
      got.forEach((l, i) => assert.equal(l, i >= start && i <= end ? whole[i] : lines[i]));
    }), { numRuns: 800 });
  });
});
