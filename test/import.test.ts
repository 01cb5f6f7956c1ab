/**
 * Import of real PDF text extractions (snippets of ../shared/seeds/*.txt, copied into test/fixtures/import/): the
 * repaired tables must hold exactly the figures of the tables transcribed by hand in seeds/*.budget.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { decodeText } from '../server/src/util/decode';
import { importCsv, importGrid, importText, textGrid, type Imported, type ImportOutcome } from '../server/src/interchange/import';
import { repairFigure } from '../server/src/interchange/repair';
import { importTableText } from '../server/src/interchange/table';
import type { Part, Table } from '../server/src/model/document';
import { ROOT } from './support/lsp';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'import');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

function seedTable(seed: string, number: string): Table {
  const a = analyze(readFileSync(join(ROOT, 'seeds', seed), 'utf8'));
  const t = a.document.tables.find((x) => x.number === number);
  assert.ok(t, `${seed} has no ${number}`);
  return t;
}

function ok(r: ImportOutcome): Imported {
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r;
}

/** The imported text parses without a syntax or row-shape error; its only table is returned. */
function parsed(r: Imported): Table {
  const a = analyze(r.text);
  const bad = a.findings.filter((f) => f.rule === 'syntax' || f.rule === 'row-shape');
  assert.deepEqual(bad.map((f) => `${f.message} @${r.text.slice(f.span.start, f.span.end)}`), []);
  assert.equal(a.document.tables.length, 1, r.text);
  return a.document.tables[0];
}

/** Each row as code, then the printed text of every figure cell. */
function figures(p: Part): string[][] {
  return p.rows.map((r) => [r.code ?? '', ...r.cells.filter((c) => c.column?.role === 'figure').map((c) => c.text)]);
}

function labels(p: Part): string[] {
  return p.rows.map((r) => r.label);
}

function columns(p: Part): string[] {
  return p.columns.map((c) => `${c.path.join('/')}${c.number !== undefined ? `[${c.number}]` : ''}:${c.role}`);
}

describe('import: real PDF text extractions', () => {
  it('qiaokou 公开03表 (tabs, 类/款/项 header, spaced column names): the figures of seeds/qiaokou 公开03表', () => {
    const r = ok(importText(fixture('qiaokou-2023-公开03表.txt')));
    const t = parsed(r);
    const seed = seedTable('qiaokou-2023-final.budget', '公开03表');
    assert.equal(t.number, '公开03表');
    assert.equal(t.title, '2023 年度支出决算表');
    assert.equal(t.unit, '万元');
    assert.deepEqual(figures(t.parts[0]), figures(seed.parts[0]));
    assert.deepEqual(labels(t.parts[0]), labels(seed.parts[0]));
    assert.deepEqual(t.parts[0].columns.map((c) => `${c.name}[${c.number}]`).slice(2), seed.parts[0].columns.map((c) => `${c.name}[${c.number}]`).slice(2));
    assert.deepEqual(t.rules.map((x) => x.node.text.replace(/\s/g, '')), ['1栏各行=(2+3+4+5+6)栏各行']);
    assert.deepEqual(t.notes.map((n) => n.text), ['注：本表反映部门本年度各项支出情况。']);
    // What was repaired: the column names' spaces, the 表号, and the dashes under the table (kept as a comment).
    assert.ok(r.repairs.some((x) => x.kind === 'cjk-space' && x.before === '对附属 单位补 助支出' && x.after === '对附属单位补助支出'));
    assert.ok(r.repairs.some((x) => x.kind === 'table-number' && x.before === '公开 03 表' && x.after === '公开03表' && x.line === 5));
    const dashes = r.repairs.find((x) => x.kind === 'dropped' && x.before.startsWith('---'));
    assert.ok(dashes && r.text.split('\n')[dashes.outputLine!].startsWith('// '));
  });

  it('qiaokou 公开01表 (收入 | 支出 side by side, 行次, 栏次 row): two parts with the seed\'s rows, 行次 and figures', () => {
    const t = parsed(ok(importText(fixture('qiaokou-2023-公开01表.txt'))));
    const seed = seedTable('qiaokou-2023-final.budget', '公开01表');
    assert.deepEqual(t.parts.map((p) => p.name), ['收入', '支出']);
    for (let k = 0; k < 2; k++) {
      assert.deepEqual(columns(t.parts[k]), columns(seed.parts[k]));
      assert.deepEqual(t.parts[k].rows.map((r) => [r.label, r.lineNo, ...figures({ ...t.parts[k], rows: [r] })[0]]),
        seed.parts[k].rows.map((r) => [r.label, r.lineNo, ...figures({ ...seed.parts[k], rows: [r] })[0]]));
    }
    assert.equal(t.rules.length, 4);
  });

  it('qiaokou 公开04表: the 决算数 group over four columns, and the label broken over a page joined', () => {
    const r = ok(importText(fixture('qiaokou-2023-公开04表.txt')));
    const t = parsed(r);
    const seed = seedTable('qiaokou-2023-final.budget', '公开04表');
    for (let k = 0; k < 2; k++) {
      assert.deepEqual(columns(t.parts[k]), columns(seed.parts[k]));
      assert.deepEqual(figures(t.parts[k]), figures(seed.parts[k]));
      assert.deepEqual(labels(t.parts[k]), labels(seed.parts[k]));
    }
    const joined = r.repairs.find((x) => x.kind === 'joined-lines');
    assert.ok(joined);
    assert.equal(joined.after, '十八、自然资源海洋气象等支出');
    const lines = r.text.split('\n');
    assert.match(lines[joined.outputLine! - 1], /^\/\/ 导入修复（原文第 .*行）：跨行断开的名称已接合 “十八、自然资源海洋 \/ 气象等支出”/);
    assert.match(lines[joined.outputLine!], /^十八、自然资源海洋气象等支出 \| 50 \|/);
  });

  it('xinzhou 附表4-5 (numbers and names split by spaces, 基本支出 group): the figures of seeds/xinzhou 附表4-5, every repair commented', () => {
    const r = ok(importText(fixture('xinzhou-2023-附表4-5.txt')));
    const t = parsed(r);
    const seed = seedTable('xinzhou-2023-budget.budget', '附表4-5');
    // The extraction prints no 表号 over this table (the seed supplies it): the title is the printed one.
    assert.equal(t.number, undefined);
    assert.equal(t.title, '一般公共预算支出表');
    assert.deepEqual(figures(t.parts[0]), figures(seed.parts[0]));
    assert.deepEqual(labels(t.parts[0]), labels(seed.parts[0]));
    assert.deepEqual(columns(t.parts[0]), columns(seed.parts[0]));
    const joins = r.repairs.filter((x) => x.kind === 'joined-digits');
    assert.ok(joins.some((x) => x.before === '3 07.24' && x.after === '307.24'));
    assert.ok(joins.some((x) => x.before === '15 7.50' && x.after === '157.50'));
    assert.ok(joins.some((x) => x.before === '7.5 0' && x.after === '7.50'));
    // Every figure repair keeps the digits, in order.
    for (const x of joins) assert.equal(x.after.replace(/\D/g, ''), x.before.replace(/\D/g, ''));
    // Each repaired row has its comment line just above it, naming the input line.
    const lines = r.text.split('\n');
    for (const x of r.repairs.filter((y) => y.kind === 'joined-digits')) {
      assert.match(lines[x.outputLine! - 1], new RegExp(`^// 导入修复（原文第 (\\d+、)*${x.line}(、\\d+)* 行）：.*“${x.before.replace(/[.]/g, '\\.')}” → “${x.after.replace(/[.]/g, '\\.')}”`));
    }
  });

  it('xinzhou 附表4-1 (two sides, the empty left cells of the 支出 rows): the seed\'s 收入 and 支出 rows', () => {
    const t = parsed(ok(importText(fixture('xinzhou-2023-附表4-1.txt'))));
    const seed = seedTable('xinzhou-2023-budget.budget', '附表4-1');
    assert.equal(t.number, '附表4-1');
    assert.equal(t.unit, '万元');
    for (let k = 0; k < 2; k++) {
      assert.deepEqual(figures(t.parts[k]), figures(seed.parts[k]));
      assert.deepEqual(labels(t.parts[k]), labels(seed.parts[k]));
    }
  });

  it('wuhan 公开表5 (clean tabs, thousands separators) and 公开表7 (a table of figures only, nested group)', () => {
    const t5 = parsed(ok(importText(fixture('wuhan-2022-公开表5.txt'))));
    const s5 = seedTable('wuhan-info-center-2022-budget.budget', '公开表5');
    assert.deepEqual(figures(t5.parts[0]), figures(s5.parts[0]));
    assert.deepEqual(labels(t5.parts[0]), labels(s5.parts[0]));
    assert.deepEqual(columns(t5.parts[0]), columns(s5.parts[0]));
    const r7 = ok(importText(fixture('wuhan-2022-公开表7.txt')));
    const t7 = parsed(r7);
    const s7 = seedTable('wuhan-info-center-2022-budget.budget', '公开表7');
    assert.deepEqual(figures(t7.parts[0]), figures(s7.parts[0]));
    assert.deepEqual(columns(t7.parts[0]), columns(s7.parts[0]));
    assert.deepEqual(r7.repairs.map((x) => x.kind), ['table-number']);
  });

  it('huangpi 公开05表 (OCR): figures with a comma for the point are kept as printed and reported, the checker flags them', () => {
    const r = ok(importText(fixture('huangpi-2023-公开05表.txt')));
    const t = parsed(r);
    const total = t.parts[0].rows.find((x) => x.label === '合计');
    assert.ok(total);
    assert.deepEqual(total.cells.slice(2).map((c) => [c.text, c.kind]), [['123, 55', 'broken'], ['112, 55', 'broken'], ['11.00', 'figure']]);
    assert.deepEqual(r.repairs.filter((x) => x.kind === 'ambiguous').map((x) => x.before), ['123, 55', '112, 55', '5, 82', '10, 44']);
    assert.ok(r.repairs.some((x) => x.kind === 'debris' && x.before === '类款项'));
    const a = analyze(r.text);
    assert.ok(a.findings.some((f) => r.text.slice(f.span.start, f.span.end) === '123, 55' && f.severity === 'error'));
    // `96. 31` is only a space after the point: joined.
    assert.ok(r.repairs.some((x) => x.kind === 'joined-digits' && x.before === '96. 31' && x.after === '96.31'));
    // The rule with a superscript first digit does not parse: it is kept as a comment, not lost.
    assert.match(r.text, /\n\/\/ 未导入（不是表格行）：¹栏各行= \(2\+3\) 栏各行。/);
  });
});

describe('import: figure repairs never invent or change a digit', () => {
  const cases: [string, string, string[]][] = [
    ['3 07.24', '307.24', ['joined-digits']],
    ['30 7. 24', '307.24', ['joined-digits']],
    ['0.0 0', '0.00', ['joined-digits']],
    ['. 0 0', '0.00', ['joined-digits', 'leading-zero']],
    ['.56', '.56', []],
    ['2,098.74', '2,098.74', []],
    ['1 2', '1 2', ['ambiguous']],
    ['123 55', '123 55', ['ambiguous']],
    ['123, 55', '123, 55', ['ambiguous']],
    ['07 .2 4', '07 .2 4', ['ambiguous']],
    ['96.31 96.31', '96.31 96.31', ['ambiguous']],
    ['42. 40%', '42.40%', ['joined-digits']],
  ];
  for (const [input, output, kinds] of cases) {
    it(`${input} → ${output}`, () => {
      const r = repairFigure(input);
      assert.equal(r.text, output);
      assert.deepEqual(r.repairs.map((x) => x.kind), kinds);
    });
  }
});

describe('import: CSV, pasted text, bad input', () => {
  it('a CSV sheet with a merged-looking group row, a 栏次 row, quoted thousands', () => {
    const csv = [
      '公开05表 一般公共预算财政拨款支出决算表,,,,',
      '金额单位：万元,,,,',
      '科目编码,科目名称,本年支出,,',
      ',,小计,基本支出,项目支出',
      '栏次,,1,2,3',
      ',合计,"2,098.74",348.21,"1,750.53"',
      '201,一般公共服务支出,261.74,250.03,11.71',
      '注：本表反映部门本年度一般公共预算财政拨款支出情况。,,,,',
      '规则：1栏各行=(2+3)栏各行,,,,',
    ].join('\r\n');
    const r = ok(importCsv(csv));
    const t = parsed(r);
    assert.equal(t.number, '公开05表');
    assert.deepEqual(columns(t.parts[0]), ['科目编码:code', '科目名称:label', '本年支出/小计[1]:figure', '本年支出/基本支出[2]:figure', '本年支出/项目支出[3]:figure']);
    assert.deepEqual(figures(t.parts[0]), [['', '2,098.74', '348.21', '1,750.53'], ['201', '261.74', '250.03', '11.71']]);
    assert.equal(t.rules.length, 1);
    assert.equal(t.notes.length, 1);
    assert.deepEqual(r.repairs, []);
  });

  it('cells holding | or // are escaped so the row keeps its cells, and a first cell that would start a heading', () => {
    const text = '项目\t金额\n# 一、收入 | 其他\t1.00\n二、a//b\t2.00\n';
    const r = ok(importText(text));
    const t = parsed(r);
    assert.deepEqual(labels(t.parts[0]), ['＃ 一、收入 / 其他', '二、a/ /b']);
    assert.deepEqual(figures(t.parts[0]), [['', '1.00'], ['', '2.00']]);
    assert.deepEqual(r.repairs.map((x) => x.kind).sort(), ['comment', 'keyword', 'pipe']);
  });

  it('files are read as UTF-8, or as GB18030 when they are not UTF-8', () => {
    assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe5, 0x90, 0x88, 0xe8, 0xae, 0xa1])), '合计');
    assert.equal(decodeText(new Uint8Array([0xba, 0xcf, 0xbc, 0xc6, 0x09, 0x31, 0x2e, 0x30, 0x30])), '合计\t1.00');
  });

  it('text without a table is refused with a message, never a crash', () => {
    for (const bad of ['', '\n\n', '只是一段文字。\n第二段。', '\u0000\u0001', '1\t\n']) {
      const r = importText(bad);
      assert.equal(r.ok, false, bad);
      if (!r.ok) assert.match(r.message, /没有找到表格/);
    }
    const en = importText('', { locale: 'en' });
    assert.ok(!en.ok && /No table found/.test(en.message));
  });

  it('--title replaces the title; a leading 表号 in it becomes the number', () => {
    const r = ok(importText(fixture('xinzhou-2023-附表4-5.txt'), { title: '附表4-5 一般公共预算支出表' }));
    const t = parsed(r);
    assert.equal(t.number, '附表4-5');
    assert.equal(t.title, '一般公共预算支出表');
    const digits = ok(importGrid(textGrid('2023 年度收入表\n\n项目\t金额\n合计\t1.00\n')));
    assert.equal(parsed(digits).number, undefined);
  });

  it('every fixture, cut at any line, still imports to text that parses (or is refused)', () => {
    for (const name of ['qiaokou-2023-公开04表.txt', 'xinzhou-2023-附表4-1.txt', 'huangpi-2023-公开05表.txt']) {
      const lines = fixture(name).split('\n');
      for (let k = 0; k < lines.length; k += 3) {
        const cut = lines.slice(k).join('\n');
        const r = importText(cut);
        if (!r.ok) continue;
        const a = analyze(r.text);
        assert.deepEqual(a.findings.filter((f) => f.rule === 'syntax').map((f) => f.message), [], `${name} from line ${k + 1}`);
      }
    }
  });
});

describe('import: thousands separators are not CSV', () => {
  it('lines whose only commas group thousands (24,169.74) are columns split by spaces, each figure whole', () => {
    const r = ok(importText('项目      金额\n合计      24,169.74\n一般公共服务支出      1,000.00\n'));
    const t = parsed(r);
    assert.deepEqual(figures(t.parts[0]), [['', '24,169.74'], ['', '1,000.00']]);
  });

  it('a real CSV with thousands inside quotes is still CSV', () => {
    const r = ok(importText('项目,金额\n合计,"24,169.74"\n一般公共服务支出,"1,000.00"\n'));
    assert.deepEqual(figures(parsed(r).parts[0]), [['', '24,169.74'], ['', '1,000.00']]);
  });
});

describe('import: a two-sided table from pdftotext -layout text (columns aligned by blanks)', () => {
  // test/fixtures/import/jiangsu-shengwei-2018-财政拨款收支预算总表.txt: lines 120–136 of
  // ../shared/corpus/jiangsu/江苏省委办公厅2018年度部门预算公开表.txt (pdftotext -layout).
  it('each side\'s rows in their part, no figure glued to the next side\'s label', () => {
    const r = ok(importTableText(fixture('jiangsu-shengwei-2018-财政拨款收支预算总表.txt')));
    const t = parsed(r);
    // (收入 stands over the gap between its two columns; the 支出 side is named by both names over it, 支出 and
    // 支出用途, as the PDF of the same page gives)
    assert.deepEqual(t.parts.map((p) => p.name), ['收入', '支出 支出用途']);
    assert.deepEqual(labels(t.parts[0]), ['一、一般公共预算', '二、政府性基金预算']);
    // (a table pasted at the cursor has no pages to speak of)
    assert.doesNotMatch(r.text, /第 \d+ 页/);
    assert.deepEqual(figures(t.parts[0]).map((f) => f.filter((x) => x)), [['24,458.43'], []]);
    assert.deepEqual(labels(t.parts[1]), ['一、基本支出', '二、项目支出']);
    assert.deepEqual(figures(t.parts[1]).map((f) => f.filter((x) => x)), [['10,403.11'], ['12,081.46']]);
  });
});
