import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../server/src/analysis';
import { buildDocument } from '../server/src/model/build';
import { parse } from '../server/src/syntax/parser';
import { LineIndex } from '../server/src/syntax/positions';
import type { Line, RowLine, RulesLine } from '../server/src/syntax/ast';
import { generate } from '../bench/generate';
import { dump } from './support/dump';
import { ROOT } from './support/lsp';

const slice = (t: string, s: { start: number; end: number }) => t.slice(s.start, s.end);

describe('parser', () => {
  it('reads the header, headings, columns with groups and 栏次, rows, notes, rules, comments and prose', () => {
    const text = `// 注释
# 武汉市硚口区大数据中心 2023 年度部门决算
部门：武汉市硚口区大数据中心
年度：2023
类型：决算
金额单位：万元

## 表 公开05表 一般公共预算财政拨款支出决算表
列：科目编码 | 科目名称 | 本年支出{小计[1] | 基本支出[2] | 项目支出[3]}
 | 合计 | 2,098.74 | 348.21 | 1,750.53 // 合计行
2150502 | 一般行政管理事务 | 1,666.02 | - | 1,666.02
注：本表反映部门本年度一般公共预算财政拨款支出情况。
规则：1 栏各行 = (2+3) 栏各行；「合计」行1栏=公开03表「合计」行1栏

## 名词解释
一、财政拨款收入：指本级财政当年拨付的资金。
一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)事业运行(项)：反映行政单位的基本支出。

## 情况说明
### 一、收入支出决算总体情况说明
2023 年度收、支总计均为 2,098.74 万元。| 这不是表格 // 也不是注释
`;
    const a = analyze(text);
    const d = a.document;
    assert.equal(d.title, '武汉市硚口区大数据中心 2023 年度部门决算');
    assert.equal(d.header.department?.value, '武汉市硚口区大数据中心');
    assert.equal(d.header.year, 2023);
    assert.equal(d.header.kind, '决算');
    assert.equal(d.header.unit, '万元');
    const t = d.tables[0];
    assert.equal(t.number, '公开05表');
    assert.equal(t.title, '一般公共预算财政拨款支出决算表');
    const cols = t.parts[0].columns;
    assert.deepEqual(cols.map((c) => c.role), ['code', 'label', 'figure', 'figure', 'figure']);
    assert.deepEqual(cols[2].path, ['本年支出', '小计']);
    assert.deepEqual(cols.map((c) => c.number), [undefined, undefined, 1, 2, 3]);
    const [total, row] = t.parts[0].rows;
    assert.equal(total.label, '合计');
    assert.equal(total.cells[2].figure?.units, 209874n);
    assert.equal(row.code, '2150502');
    assert.equal(row.codeKind, 'functional');
    assert.equal(row.cells[3].kind, 'dash');
    assert.equal(t.notes.length, 1);
    assert.equal(t.rules.length, 2);
    assert.equal(t.rules[1].node.rhs[0].operand.kind, 'ref');
    assert.equal(d.glossary.length, 2);
    assert.equal(d.glossary[0].term, '财政拨款收入');
    assert.deepEqual(d.glossary[1].path, ['一般公共服务支出', '政府办公厅(室)及相关机构事务', '事业运行']);
    assert.equal(d.narrative.length, 1);
    assert.equal(d.narrative[0].text, '2023 年度收、支总计均为 2,098.74 万元。| 这不是表格 // 也不是注释');
    assert.equal(d.narrative[0].heading, '一、收入支出决算总体情况说明');
    assert.deepEqual(a.findings.filter((f) => f.rule === 'syntax'), []);
  });

  it('reads a table number, and never takes the year a title starts with for one', () => {
    const heads = (h: string) => analyze(`## 表 ${h}\n列：项目 | 金额\n合计 | 1.00\n`).document.tables.map((t) => [t.number, t.title]);
    assert.deepEqual(heads('公开01表 2023 年度收入支出决算总表'), [['公开01表', '2023 年度收入支出决算总表']]);
    assert.deepEqual(heads('附表4-1 收支总表'), [['附表4-1', '收支总表']]);
    assert.deepEqual(heads('2017 年政府采购预算表'), [[undefined, '2017 年政府采购预算表']]);
    assert.deepEqual(heads('2017年政府采购预算表'), [[undefined, '2017年政府采购预算表']]);
  });

  it('accepts full-width and half-width punctuation in rules alike', () => {
    for (const r of ['27行=（1+2+3）行', '27行=(1+2+3)行', '27 行 ＝ （1＋2＋3） 行', '58行=（32+33+…+57）行', '6栏各行=(1+2-3)栏各行', '1栏=(2+3+6)栏']) {
      const tree = parse(`## 表 表1 x\n规则：${r}\n`);
      assert.deepEqual(tree.errors, [], r);
      const line = tree.lines.find((l) => l.kind === 'rules') as RulesLine;
      assert.equal(line.rules.length, 1, r);
    }
    const sub = (parse('## 表 表1 x\n规则：6栏各行=(1+2-3)栏各行\n').lines[1] as RulesLine).rules[0];
    const group = sub.rhs[0].operand;
    assert.equal(group.kind, 'group');
    if (group.kind === 'group') assert.deepEqual(group.items.map((i) => i.sign), [1, 1, -1]);
  });

  it('recovers from a broken line: a clear error at its place, the rest still analysed', () => {
    const text = `## 表 表1 x
列：项目 | 合计[1] | 甲[2] | 乙[3]
合计 | 10.00 | 4.00 | 5.00
规则：1栏各行=(2+3栏各行
规则：1栏各行=(2+3)栏各行
`;
    const a = analyze(text);
    const syntax = a.findings.filter((f) => f.rule === 'syntax');
    assert.equal(syntax.length, 1);
    assert.match(syntax[0].message, /右括号/);
    assert.equal(a.tree.text.split('\n')[new LineIndex(text).position(syntax[0].span.start).line], '规则：1栏各行=(2+3栏各行');
    const errs = a.findings.filter((f) => f.rule === 'column-formula');
    assert.equal(errs.length, 1, 'the valid rule on the next line is still checked');
    assert.equal(slice(text, errs[0].span), '10.00');
  });

  it('gives exact UTF-16 ranges with CJK, emoji, CRLF and a BOM', () => {
    const text = '\ufeff## 表 表1 𝄞预算😀\r\n列：项目 | 合计[1] | 甲[2]\r\n「一般」😀公共 | 9.00 | 8.00\r\n规则：1栏各行=(2)栏各行\r\n';
    const a = analyze(text);
    const doc = TextDocument.create('u', 'budget', 1, text);
    const idx = new LineIndex(text);
    const row = a.tree.lines.find((l) => l.kind === 'row') as RowLine;
    assert.equal(slice(text, row.cells[0].span), '「一般」😀公共');
    assert.equal(slice(text, row.cells[1].span), '9.00');
    for (const off of [0, 1, 5, 14, row.cells[1].span.start, text.length]) {
      assert.deepEqual(idx.position(off), doc.positionAt(off), `offset ${off}`);
      assert.equal(idx.offset(idx.position(off)), doc.offsetAt(doc.positionAt(off)));
    }
    const f = a.findings.find((x) => x.severity === 'error');
    assert.ok(f);
    assert.equal(doc.getText({ start: idx.position(f.span.start), end: idx.position(f.span.end) }), '9.00');
  });

  it('flags numbers broken by extraction and rows before columns, without losing text', () => {
    const text = '## 表 表1 x\n甲 | 3 07.24\n列：项目 | 合计[1]\n乙 | . 0 0\n';
    const a = analyze(text);
    const rules = a.findings.map((f) => f.rule);
    assert.ok(rules.includes('figure-format'));
    assert.ok(a.findings.some((f) => /缺少列定义/.test(f.message)));
    const broken = a.findings.find((f) => f.rule === 'figure-format' && slice(text, f.span) === '3 07.24');
    assert.ok(broken);
    assert.match(broken.message, /307\.24/);
  });
});

describe('rows read by hand (the parser’s fast path)', () => {
  const SEEDS = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.budget')).map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));
  const plain = (lines: Line[]) => lines.map((l) => JSON.stringify(l));

  it('gives the lines, errors and model the parser gives, on the seeds and a generated document', () => {
    for (const text of [...SEEDS, generate(800).text]) {
      const tree = parse(text);
      const a = analyze(text);
      assert.deepEqual(plain(a.tree.lines), plain(tree.lines));
      assert.deepEqual(a.tree.errors.map((e) => e.span), tree.errors.map((e) => e.span));
      assert.deepEqual(dump(a).tables, dump({ ...a, document: buildDocument(tree) }).tables);
    }
  });

  it('gives the lines the parser gives on random lines of pipes, figures, blanks, comments and keywords', () => {
    const atoms = ['|', '｜', ' ', '\t', '\u3000', '\ufeff', '\u00a0', '1', '2,098.74', '-3.5', '.5', '42.40%', '3 07.24', '−', '-', '/', '//', '// 注', '合计',
      '201', '列：', '列', '规则：1栏各行=(2+3)栏各行', '注：', '备注：', '#', '## 表 表2 x', '## 名词解释', '## 情况说明', '万元', 'a', '\r\n', '\n', '\r', '𠀋', '（', '「合计」'];
    const heads = ['## 表 表1 x\n列：科目编码 | 科目名称 | 合计[1] | 小计[2]\n', '## 情况说明\n', '# 标题\n', '## 名词解释\n三公经费：定义\n  ## 缩进的标题\n'];
    fc.assert(fc.property(fc.constantFrom(...heads), fc.array(fc.constantFrom(...atoms), { maxLength: 40 }), (head, parts) => {
      const text = `${head}${parts.join('')}\n201 | 一 | 1.00 | 1.00\n`;
      const tree = parse(text);
      const a = analyze(text);
      assert.deepEqual(plain(a.tree.lines), plain(tree.lines));
      assert.deepEqual(a.tree.errors.map((e) => e.span), tree.errors.map((e) => e.span));
      assert.deepEqual(dump(a).tables, dump({ ...a, document: buildDocument(tree) }).tables);
    }), { numRuns: 1000 });
  });

  it('puts a `列：` line without columns where it stands (not at the start of the document)', () => {
    const text = '## 表 表1 x\n列：\n';
    const line = analyze(text).tree.lines[1];
    assert.equal(line.kind, 'columns');
    assert.deepEqual(line.span, { start: text.indexOf('列'), end: text.indexOf('列') + 2 });
    assert.deepEqual(parse(text).lines[1].span, line.span);
  });
});
