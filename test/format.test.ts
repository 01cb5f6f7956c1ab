import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { applyEdits, checkFormatting, checkRowLines, displayWidth, formatDocument, formatText } from '../server/src/format/index';
import { figureTokens } from '../server/src/format/verify';
import { parse } from '../server/src/syntax/parser';
import type { ColumnNode, RowLine } from '../server/src/syntax/ast';
import { GOOD } from './support/docs';
import { ROOT } from './support/lsp';

const HEAD = '# 测试\n部门：测试中心\n年度：2023\n类型：决算\n金额单位：万元\n\n';

function fmt(text: string): string {
  const r = formatText(text);
  assert.equal(r.result.refused, undefined, `refused: ${r.result.refused}`);
  return r.text;
}

/** Display columns at which the pipes of a line stand. */
function pipeColumns(line: string): number[] {
  const out: number[] = [];
  let col = 0;
  for (const ch of line) {
    if (ch === '|' || ch === '｜') out.push(col);
    col += displayWidth(ch);
  }
  return out;
}

/** The display column where a figure's integer part ends (its decimal point, or its end). */
function decimalColumn(line: string, figure: string): number {
  const at = line.indexOf(figure);
  assert.ok(at >= 0, `${figure} in ${line}`);
  const dot = figure.search(/[.%]/);
  return displayWidth(line.slice(0, at)) + displayWidth(dot < 0 ? figure : figure.slice(0, dot));
}

function columnsKey(cols: ColumnNode[]): unknown {
  return cols.map((c) => ({ name: c.name, number: c.number, children: c.children ? columnsKey(c.children) : undefined }));
}

/** Every row's cells and every columns line's columns, in order: what the formatter must never change. */
function cellsOf(text: string): unknown[] {
  return parse(text).lines.flatMap((l): unknown[] =>
    l.kind === 'row' ? [{ row: l.cells.map((c) => c.text), comment: l.comment }] : l.kind === 'columns' ? [{ columns: columnsKey(l.columns) }] : []);
}

describe('display width', () => {
  it('counts CJK, full-width and emoji as 2, ASCII as 1, combining marks as 0', () => {
    assert.equal(displayWidth('合计'), 4);
    assert.equal(displayWidth('（室）'), 6);
    assert.equal(displayWidth('ＡＢ１'), 6);
    assert.equal(displayWidth('｜'), 2);
    assert.equal(displayWidth('😀'), 2);
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('2,098.74'), 8);
    assert.equal(displayWidth('“三公”'), 6); // ambiguous quotes are narrow
    assert.equal(displayWidth(''), 0);
  });
});

describe('formatter', () => {
  it('aligns the pipes of a part by display width, with CJK labels', () => {
    const text = `${HEAD}## 表 公开03表 支出决算表\n列：科目编码 | 科目名称 | 本年支出合计[1] | 基本支出[2] | 项目支出[3]\n | 合计 | 2,098.74 | 348.21 | 1,750.53\n201 | 一般公共服务支出 | 261.74 | 250.03 | 11.71\n2010350 | 事业运行 | 261.74 | 250.03 | 11.71\n`;
    const out = fmt(text);
    const rows = out.split('\n').slice(7, 11);
    const cols = pipeColumns(rows[0]);
    assert.equal(cols.length, 4);
    for (const r of rows) assert.deepEqual(pipeColumns(r), cols, r);
    assert.deepEqual(rows, [
      '列：科目编码 | 科目名称         | 本年支出合计[1] | 基本支出[2] | 项目支出[3]',
      '             | 合计             |        2,098.74 |      348.21 |    1,750.53',
      '201          | 一般公共服务支出 |          261.74 |      250.03 |       11.71',
      '2010350      | 事业运行         |          261.74 |      250.03 |       11.71',
    ]);
  });

  it('aligns figures on the decimal point: 2,098.74, 26.22, 0, 42.40%, -3.5, - and 10 万元', () => {
    const figures = ['2,098.74', '26.22', '0', '42.40%', '-3.5', '-', '7%', '10 万元', '.5'];
    const text = `${HEAD}## 表 表1 测试\n列：项目 | 金额\n${figures.map((f, i) => `项目${i} | ${f}`).join('\n')}\n`;
    const out = fmt(text);
    const lines = out.split('\n');
    const rowOf = (i: number) => lines.find((l) => l.startsWith(`项目${i} `)) ?? '';
    const point = decimalColumn(rowOf(0), '2,098.74');
    for (const [i, f] of figures.entries()) {
      if (f === '10 万元') assert.equal(decimalColumn(rowOf(i), '10'), point, f);
      else assert.equal(decimalColumn(rowOf(i), f), point, f);
    }
  });

  it('right-aligns figures and left-aligns text cells of a figure column under a wider name', () => {
    const text = `${HEAD}## 表 表1 测试\n列：指标 | 指标值很长的列名\n甲 | 12.5\n乙 | 计划标准\n丙 | 3\n`;
    const lines = fmt(text).split('\n');
    assert.equal(lines.find((l) => l.startsWith('甲')), '甲       |             12.5');
    assert.equal(lines.find((l) => l.startsWith('乙')), '乙       | 计划标准');
    assert.equal(lines.find((l) => l.startsWith('丙')), '丙       |              3');
  });

  it('aligns the 列 line with its rows, keeping groups and 栏次 as they are', () => {
    const text = `${HEAD}## 表 附表4-5 一般公共预算支出表\n列：科目编码 | 科目名称 | 合计[1] | 基本支出{小计[2] | 人员经费[3] | 公用经费 [4]} | 项目支出[5]\n | 合计 | 317.24 | 197.25 | 157.50 | 39.76 | 109.99\n201 | 一般公共服务支出 | 262.40 | 152.41 | 112.65 | 39.76 | 109.99\n规则：1栏各行=(2+5)栏各行\n`;
    const out = fmt(text);
    const lines = out.split('\n');
    const head = lines.find((l) => l.startsWith('列：')) ?? '';
    assert.match(head, /^列：科目编码 \| 科目名称 +\| 合计\[1\] \| 基本支出\{小计\[2\] \| 人员经费\[3\] \| 公用经费 \[4\]\} \| 项目支出\[5\]$/);
    const cols = pipeColumns(head);
    for (const l of lines.filter((x) => x.includes(' | ') && !x.startsWith('列'))) assert.deepEqual(pipeColumns(l), cols, l);
    assert.deepEqual(cellsOf(out), cellsOf(text));
    // The same findings before and after.
    const msgs = (t: string) => analyze(t).findings.map((f) => `${f.rule} ${f.message}`);
    assert.deepEqual(msgs(out), msgs(text));
  });

  it('keeps CRLF line endings and a BOM', () => {
    const text = `\ufeff${HEAD}## 表 表1 测试\n列：项目 | 金额\n合计 | 1,234.50\n一、收入 | 4.5\n`.replace(/\n/g, '\r\n');
    const out = fmt(text);
    assert.ok(out.startsWith('\ufeff# 测试\r\n'));
    assert.equal(out.split('\r\n').length, text.split('\r\n').length);
    assert.doesNotMatch(out.replace(/\r\n/g, ''), /[\r\n]/);
    assert.ok(out.includes('\r\n合计     | 1,234.50\r\n一、收入 |     4.5\r\n'));
  });

  it('leaves rows outside any table alone (a BOM-started first line too)', () => {
    const out = fmt('\ufeffa | 1\nbbb | 22\n');
    // Rows before any table are not part of one: left alone.
    assert.equal(out, '\ufeffa | 1\nbbb | 22\n');
  });

  it('keeps trailing comments (lined up) and comment lines, and rows whose first cell is empty', () => {
    const text = `${HEAD}## 表 表1 测试\n列：项目 | 行次 | 金额[1]\n一、一般公共预算财政拨款收入 | 1 | 2,098.74 // 提取文本为 "2 098.74"\n// 一行注释 | 不是行\n | 9 |   // 空行\n总计 | 31 | 2,098.74\n`;
    const out = fmt(text);
    const lines = out.split('\n');
    const a = lines.find((l) => l.startsWith('一、')) ?? '';
    const b = lines.find((l) => l.includes('// 空行')) ?? '';
    assert.ok(a.endsWith(' // 提取文本为 "2 098.74"'));
    assert.ok(b.startsWith('                             |    9 |'));
    assert.equal(displayWidth(a.slice(0, a.indexOf('//'))), displayWidth(b.slice(0, b.indexOf('//'))));
    assert.ok(lines.includes('// 一行注释 | 不是行'));
    assert.ok(lines.includes('总计                         |   31 | 2,098.74'));
    assert.deepEqual(cellsOf(out), cellsOf(text));
  });

  it('never touches headings, fields, notes, rules, text, glossary or narrative', () => {
    const text = `${HEAD}## 表 表1   测试  \n部门：  某部门\n列：项目 | 金额\n合计 |  3\n注：本表 | 反映  1 | 2\n规则：「合计」行 = ( 「甲」 ) 行   \n说明：  本部门  无\n## 名词解释\n一、财政拨款收入 | 1 ：指  财政部门 | 2\n## 情况说明\n甲 | 1  |   2\n  收入 | 3\n`;
    const out = fmt(text);
    const keep = text.split('\n').filter((l) => !/^(列：项目|合计 \|)/.test(l));
    const outLines = out.split('\n');
    for (const l of keep) assert.ok(outLines.includes(l), `kept verbatim: ${JSON.stringify(l)}`);
    assert.ok(outLines.includes('合计     |    3'));
  });

  it('is idempotent on every seed, and keeps its figures, cells and findings', function () {
    this.timeout(60000);
    const dir = join(ROOT, 'seeds');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.budget'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      const once = fmt(text);
      assert.notEqual(once, text, f);
      assert.equal(fmt(once), once, f);
      assert.deepEqual(formatDocument(analyze(once)).edits, [], f);
      assert.deepEqual(figureTokens(once), figureTokens(text), f);
      assert.deepEqual(cellsOf(once), cellsOf(text), f);
      assert.equal(once.split('\n').length, text.split('\n').length, f);
      const findings = (t: string) => analyze(t).findings.map((x) => `${x.rule} ${x.severity} ${x.message}`);
      assert.deepEqual(findings(once), findings(text), f);
    }
  });

  it('makes one edit per changed line, none for lines already aligned', () => {
    const text = `${HEAD}## 表 表1 测试\n列：项目 | 金额\n甲       |    1\n乙乙 | 22\n丙       |   3\n`;
    const r = formatDocument(analyze(text));
    assert.deepEqual(r.edits.map((e) => text.slice(e.span.start, e.span.end)), ['乙乙 | 22', '丙       |   3']);
    assert.deepEqual(r.edits.map((e) => e.text), ['乙乙     |   22', '丙       |    3']);
  });

  it('formats a range with the widths of its whole part, as a document format of those lines', () => {
    const text = `${HEAD}## 表 表1 测试\n列：项目 | 金额\n甲 | 1\n乙乙乙乙乙乙 | 22.5\n丙 | 333\n## 表 表2 其他\n列：项目 | 金额\n丁 | 4\n`;
    const lines = text.split('\n');
    const at = lines.indexOf('丙 | 333');
    const a = analyze(text);
    const r = formatDocument(a, { lines: { start: at, end: at } });
    assert.equal(r.edits.length, 1);
    const out = applyEdits(text, r.edits).split('\n');
    const whole = fmt(text).split('\n');
    assert.equal(out[at], whole[at]);
    assert.equal(out[at], '丙           | 333');
    out.forEach((l, i) => { if (i !== at) assert.equal(l, lines[i]); });
  });

  it('formats what it can in a document with syntax errors, and never corrupts it', () => {
    const text = `${HEAD}## 表 表1 测试\n列：项目 | {金额[ | x\n甲 | 1\n乙乙乙 | 2\n规则：((((\n## 表 表2 好表\n列：项目 | 金额\n丁 | 4\n戊戊戊 | 5.5\n`;
    const out = fmt(text);
    assert.ok(out.includes('列：项目 | {金额[ | x'), 'the broken columns line is left alone');
    assert.ok(out.includes('规则：(((('));
    assert.ok(out.includes('甲     | 1\n乙乙乙 | 2\n'), 'rows under a broken columns line are aligned among themselves');
    assert.ok(out.includes('列：项目 | 金额\n丁       |  4\n戊戊戊   |  5.5\n'));
    assert.deepEqual(figureTokens(out), figureTokens(text));
    assert.deepEqual(cellsOf(out), cellsOf(text));
  });

  it('keeps full-width pipes and inner blanks of cells as written', () => {
    const text = `${HEAD}## 表 表1 测试\n列：项目 ｜ 金额\n甲  乙 ｜ 10 万元\n丙|3\n`;
    const out = fmt(text);
    assert.ok(out.includes('列：项目 ｜ 金额\n甲  乙   ｜ 10 万元\n丙       |  3\n'));
    assert.deepEqual(cellsOf(out), cellsOf(text));
  });

  it('never deletes a character it does not own: U+FEFF, a no-break space, NUL and control characters stay', () => {
    // `合计 | \ufeff1.00` lost its U+FEFF (issue #15). The formatter owns only spaces, tabs and ideographic spaces.
    const owned = /[ \t\u3000]+/g;
    const lines = [
      '合计 | \ufeff1.00', '甲 |\u00a01.00', '乙 | 2.00\u0000', '丙 | 3.00 // 注释\u000b', '丁\u0001 | 4.00', '戊 | 5.00\u000c',
      '\ufeff己 | 6.00', '庚 | 7.00', '辛|8.00',
    ];
    for (const columns of ['列：项目 | 金额', '列：\ufeff项目 | 金额', '列：项目\u00a0| 金额', '列：项目 | 金额 // x\u001f']) {
      const text = `${HEAD}## 表 表1 测试\n${columns}\n${lines.join('\n')}\n`;
      const out = fmt(text);
      assert.equal(out.replace(owned, ''), text.replace(owned, ''), JSON.stringify(out));
      assert.deepEqual(cellsOf(out), cellsOf(text));
      // The lines without such characters are still aligned.
      const laid = out.split('\n');
      assert.deepEqual(pipeColumns(laid.find((l) => l.startsWith('庚'))!), pipeColumns(laid.find((l) => l.startsWith('辛'))!));
    }
  });

  it('formats a whole seed table as expected (GOOD)', () => {
    const out = fmt(GOOD);
    assert.ok(out.includes([
      '列：科目编码 | 科目名称                         | 合计   | 基本支出{小计 | 人员经费 | 公用经费} | 项目支出',
      '             | 合计                             | 307.24 |        197.25 |   157.50 |     39.76 |   109.99',
      '201          | 一般公共服务支出                 | 262.40 |        152.41 |   112.65 |     39.76 |   109.99',
    ].join('\n')), out);
  });
});

describe('formatter safety check', () => {
  const text = `${HEAD}## 表 表1 测试\n列：项目 | 金额 | 备注\n合计 | 10 20 | 甲 乙\n一、收入 | 1,234.56 | x\n`;

  it('accepts a real formatting', () => {
    assert.equal(checkFormatting(text, fmt(text)), undefined);
  });

  it('refuses a changed line count or line ending', () => {
    assert.equal(checkFormatting(text, text.replace('合计 |', '合计\n|')), 'lines');
    assert.equal(checkFormatting(text, text.replace('\n一、', '\r\n一、')), 'lines');
    assert.equal(checkFormatting(text, text.replace('\n一、', '一、')), 'lines');
  });

  it('refuses changed non-blank text, or a lost BOM', () => {
    assert.equal(checkFormatting(text, text.replace('1,234.56', '1,234.57')), 'text');
    // U+FEFF, a no-break space, a control character are text, not blanks the formatter may drop.
    for (const ch of ['\ufeff', '\u00a0', '\u000b', '\u0000']) assert.equal(checkFormatting(text.replace('| 甲', `| ${ch}甲`), text), 'text', JSON.stringify(ch));
    assert.equal(checkFormatting(text, text.replace('收入', '支出')), 'text');
    assert.equal(checkFormatting(`\ufeff${text}`, text), 'text');
  });

  it('refuses figures that differ although the non-blank text is the same', () => {
    assert.equal(checkFormatting(text, text.replace('10 20', '1020')), 'figures');
    assert.equal(checkFormatting(text, text.replace('1,234.56', '1, 234.56')), 'figures');
  });

  it('refuses cells that differ although text and figures are the same', () => {
    assert.equal(checkFormatting(text, text.replace('甲 乙', '甲乙')), 'cells');
    assert.equal(checkFormatting(text, text.replace('列：项目', '列：  项目')), 'cells');
    assert.equal(checkFormatting(text, text.replace('## 表 表1', '##  表 表1')), 'cells');
    assert.equal(checkFormatting('a | b/ // c\n', 'a | b/// c\n'), 'cells');
  });

  it('checks changed row lines against the parse of the original', () => {
    const before = '合计 | 10 20 | 甲 乙 // 注';
    const parsed = parse(`## 表 表1 x\n列：a | b | c\n${before}\n`).lines.find((l): l is RowLine => l.kind === 'row');
    assert.ok(parsed);
    const change = (after: string) => checkRowLines([{ before, parsed, after }]);
    assert.equal(change('合计   |   10 20 | 甲 乙      // 注'), undefined);
    assert.equal(change('合计 | 1020 | 甲 乙 // 注'), 'figures');
    assert.equal(change('合计 | 10 20 | 甲乙 // 注'), 'cells');
    assert.equal(change('合计 | 10 20 甲 乙 // 注'), 'text');
    assert.equal(change('合计 | 10 20 | 甲 乙 //注'), 'cells', 'a comment is kept as written');
    assert.equal(change('合计 | 10 20 | 甲 乙 |// 注'), 'text');
    assert.equal(change('合计 | 10 20 | | 甲 乙 // 注'), 'text', 'an extra empty cell');
    assert.equal(checkRowLines([{ before, parsed, after: '合计 | 10 20 | 甲 乙 // 注' }, { before, parsed, after: '合计 | 10 20 | 甲乙 // 注' }]), 'cells');
  });

  it('formatDocument refuses, with no edits, when its own checks find what a bug in the layout would do', () => {
    const a = analyze(text);
    assert.ok(formatDocument(a).edits.length > 0);
    // A row whose figure the layout broke apart, a row whose cells it merged, a 列： line it changed.
    assert.deepEqual(formatDocument(a, { alter: (l) => l.replace(/10 20/, '1020') }), { edits: [], refused: 'figures' });
    assert.deepEqual(formatDocument(a, { alter: (l) => (l.startsWith('合计') ? l.replace(/\|(?=[^|]*$)/, ' ') : l) }), { edits: [], refused: 'text' });
    assert.deepEqual(formatDocument(a, { alter: (l) => l.replace(/^列：/, '列: ') }), { edits: [], refused: 'text' });
  });
});
