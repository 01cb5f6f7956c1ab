/**
 * Export to XLSX and CSV: every figure of the document is in the sheet as a number whose format prints it exactly as
 * the document does (read back with exceljs), and an exported table imports back to the same figures.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook, type Worksheet } from 'exceljs';
import { analyze } from '../server/src/analysis';
import { exportDocument, exportFileName, type Exported } from '../server/src/interchange/export';
import { importCsv, importXlsx, type Imported } from '../server/src/interchange/import';
import { FIELD_PART } from '../server/src/model/build';
import type { BudgetDocument, Part, Table } from '../server/src/model/document';
import { parseFigure } from '../server/src/numbers/decimal';
import { ROOT } from './support/lsp';
import { groupThousands } from '../server/src/numbers/decimal';

const SEEDS = ['qiaokou-2023-final.budget', 'xinzhou-2023-budget.budget', 'wuhan-info-center-2022-budget.budget', 'huangpi-2023-final.budget', 'dongxihu-2020-budget.budget'];

function seed(name: string): BudgetDocument {
  return analyze(readFileSync(join(ROOT, 'seeds', name), 'utf8')).document;
}

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  assert.ok(r.ok, (r as { message?: string }).message);
  return r as Extract<T, { ok: true }>;
}

/** The printed text of a worksheet number, written here independently of the product: decimals and grouping from the format. */
function printed(value: number, numFmt: string): string {
  const [pos, neg] = numFmt.split(';');
  const fmt = value < 0 && neg ? neg.replace(/^"[^"]*"/, '') : pos;
  const sign = value < 0 ? (neg ? /^"([^"]*)"/.exec(neg)?.[1] ?? '' : '-') : '';
  const percent = fmt.includes('%');
  const decimals = (/\.(0+)/.exec(fmt)?.[1] ?? '').length;
  let s = (percent ? Math.abs(value) * 100 : Math.abs(value)).toFixed(decimals);
  if (fmt.includes(',')) {
    const [int, frac] = s.split('.');
    s = groupThousands(int) + (frac !== undefined ? `.${frac}` : '');
  }
  if (!fmt.split('.')[0].includes('0')) s = s.replace(/^0\./, '.');
  return sign + s + (percent ? '%' : '');
}

/** The document's figures of one table, as printed (cells that are plain figures). */
function documentFigures(t: Table): string[] {
  return t.parts.filter((p) => p.name !== FIELD_PART).flatMap((p) => p.rows.flatMap((r) => r.cells))
    .filter((c) => c.column?.role === 'figure' && c.kind === 'figure' && parseFigure(c.text)).map((c) => c.text);
}

/** The sheet's numbers (outside the 栏次 row), printed with their formats. */
function sheetFigures(ws: Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (values.some((v) => v === '栏次')) return;
    row.eachCell((cell) => {
      if (typeof cell.value === 'number') out.push(printed(cell.value, cell.numFmt));
    });
  });
  return out;
}

function figures(p: Part): string[][] {
  return p.rows.map((r) => [r.code ?? '', ...r.cells.filter((c) => c.column?.role === 'figure').map((c) => c.text)]);
}

function parsed(r: Imported): Table {
  const a = analyze(r.text);
  assert.deepEqual(a.findings.filter((f) => f.rule === 'syntax' || f.rule === 'row-shape').map((f) => f.message), []);
  assert.equal(a.document.tables.length, 1);
  return a.document.tables[0];
}

async function workbook(data: Exported['data']): Promise<Workbook> {
  assert.ok(data instanceof Uint8Array);
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return wb;
}

describe('export: XLSX', function () {
  this.timeout(60000);
  for (const name of SEEDS) {
    it(`${name}: one worksheet per table, every figure a number printing exactly as in the document`, async () => {
      const doc = seed(name);
      const r = ok(await exportDocument(doc, { format: 'xlsx' }));
      const wb = await workbook(r.data);
      const tables = doc.tables.filter((t) => t.parts.some((p) => p.name !== FIELD_PART && p.columns.length));
      assert.equal(wb.worksheets.length, tables.length);
      let total = 0;
      tables.forEach((t, k) => {
        const ws = wb.worksheets[k];
        if (t.number) assert.equal(ws.name, t.number);
        const want = documentFigures(t);
        total += want.length;
        // Same figures, as decimal strings, in the same order (rows left to right, sides next to each other by row).
        assert.deepEqual([...sheetFigures(ws)].sort(), [...want].sort(), `${name} ${t.heading}`);
      });
      assert.ok(total > 0);
    });
  }

  it('codes are text, merged header cells are the column groups, the 栏次 row, notes and rules under the table', async () => {
    const doc = seed('xinzhou-2023-budget.budget');
    const wb = await workbook(ok(await exportDocument(doc, { format: 'xlsx', table: '附表4-5' })).data);
    const ws = wb.worksheets[0];
    const find = (text: string) => {
      let at: { row: number; col: number } | undefined;
      ws.eachRow((row, r) => row.eachCell((c, col) => { if (!at && c.value === text) at = { row: r, col }; }));
      assert.ok(at, text);
      return at;
    };
    const code = find('2010102');
    assert.equal(ws.getCell(code.row, code.col).numFmt, '@');
    const group = find('基本支出');
    for (let k = 0; k < 3; k++) assert.equal(ws.getCell(group.row, group.col + k).master.address, ws.getCell(group.row, group.col).address);
    assert.equal(ws.getCell(group.row + 1, group.col).value, '小计');
    // 合计 has no group over it: its name reaches down over the two header rows.
    const total = find('合计');
    assert.equal(ws.getCell(total.row + 1, total.col).master.address, ws.getCell(total.row, total.col).address);
    assert.ok(ws.getCell(total.row + 2, total.col + 1).value === '合计' || ws.getCell(total.row + 2, total.col).value === 307.24);
    find('金额单位：万元');
    find('新洲区大数据中心 2023 年部门预算');
    const q = await workbook(ok(await exportDocument(seed('qiaokou-2023-final.budget'), { format: 'xlsx', table: '公开03表' })).data);
    const lanci: unknown[] = [];
    const texts: unknown[] = [];
    q.worksheets[0].eachRow((row) => { const v = (row.values as unknown[]).slice(1); texts.push(...v); if (v[0] === '栏次') lanci.push(...v); });
    assert.deepEqual(lanci, ['栏次', undefined, '1', '2', '3', '4', '5', '6']);
    // The rule printed under the table (its 注 line) goes under it too.
    assert.ok(texts.some((v) => typeof v === 'string' && v.startsWith('规则：1栏各行=(2+3+4+5+6)栏各行')), texts.filter((v) => typeof v === 'string' && v.startsWith('规则')).join(' / '));
  });

  it('percentages are percentages, thousands separators and decimals as printed', async () => {
    const text = '# 测试\n金额单位：万元\n## 表 表1 占比\n列：项目 | 金额 | 占比\n甲 | 2,098.74 | 42.40%\n乙 | 1000.5 | 7%\n丙 | 0 | -3.125%\n丁 | .56 | −2.50%\n';
    const doc = analyze(text).document;
    const ws = (await workbook(ok(await exportDocument(doc, { format: 'xlsx' })).data)).worksheets[0];
    const cells: [unknown, string][] = [];
    ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'number') cells.push([c.value, c.numFmt]); }));
    assert.deepEqual(cells, [[2098.74, '#,##0.00'], [0.424, '0.00%'], [1000.5, '0.0'], [0.07, '0%'], [0, '0'], [-0.03125, '0.000%'], [0.56, '#.00'], [-0.025, '0.00%;"−"0.00%']]);
    assert.deepEqual(sheetFigures(ws), ['2,098.74', '42.40%', '1000.5', '7%', '0', '-3.125%', '.56', '−2.50%']);
    // and the importer reads them back as printed
    const back = ok(await importXlsx(ok(await exportDocument(doc, { format: 'xlsx' })).data as Uint8Array));
    assert.deepEqual(figures(parsed(back).parts[0]), [['', '2,098.74', '42.40%'], ['', '1000.5', '7%'], ['', '0', '-3.125%'], ['', '.56', '−2.50%']]);
  });
});

describe('export and import back', function () {
  this.timeout(60000);
  const cases: [string, string][] = [
    ['qiaokou-2023-final.budget', '公开05表'], ['qiaokou-2023-final.budget', '公开01表'], ['qiaokou-2023-final.budget', '公开04表'],
    ['xinzhou-2023-budget.budget', '附表4-5'], ['xinzhou-2023-budget.budget', '附表4-2'], ['wuhan-info-center-2022-budget.budget', '公开表7'],
    ['huangpi-2023-final.budget', '公开09表'],
  ];
  for (const [name, number] of cases) {
    it(`${name} ${number}: CSV and XLSX import back to the same figures, columns and rules`, async () => {
      const doc = seed(name);
      const t = doc.tables.find((x) => x.number === number)!;
      const csv = ok(await exportDocument(doc, { format: 'csv', table: number }));
      assert.equal(typeof csv.data, 'string');
      assert.ok((csv.data as string).startsWith('\ufeff'));
      const fromCsv = parsed(ok(importCsv(csv.data as string)));
      const xlsx = ok(await exportDocument(doc, { format: 'xlsx', table: number }));
      const fromXlsx = parsed(ok(await importXlsx(xlsx.data as Uint8Array)));
      for (const back of [fromCsv, fromXlsx]) {
        assert.equal(back.number, t.number);
        assert.equal(back.title, t.title);
        const parts = t.parts.filter((p) => p.name !== FIELD_PART);
        assert.equal(back.parts.length, parts.length);
        parts.forEach((p, k) => {
          assert.deepEqual(figures(back.parts[k]), figures(p));
          assert.deepEqual(back.parts[k].rows.map((r) => r.label), p.rows.map((r) => r.label));
          assert.deepEqual(back.parts[k].columns.map((c) => `${c.path.join('/')}:${c.role}`), p.columns.map((c) => `${c.path.join('/')}:${c.role}`));
          assert.equal(back.parts[k].name, parts.length > 1 ? p.name : undefined);
        });
        assert.deepEqual(back.rules.map((r) => r.node.text), t.rules.map((r) => r.node.text));
        assert.deepEqual(back.notes.map((n) => n.text), t.notes.map((n) => n.text));
      }
    });
  }

  it('refuses what it cannot do, with a message', async () => {
    const doc = seed('qiaokou-2023-final.budget');
    const all = await exportDocument(doc, { format: 'csv' });
    assert.ok(!all.ok && /CSV 只能导出一张表/.test(all.message));
    const none = await exportDocument(doc, { format: 'xlsx', table: '公开99表' });
    assert.ok(!none.ok && /没有找到表“公开99表”。本文档的表：公开01表、公开02表/.test(none.message));
    const outside = await exportDocument(doc, { format: 'csv', offset: 10 });
    assert.ok(!outside.ok && /光标不在任何表内/.test(outside.message));
    const empty = await exportDocument(analyze('# 只有标题\n').document, { format: 'xlsx', locale: 'en' });
    assert.ok(!empty.ok && /no tables/.test(empty.message));
    const at = doc.text.indexOf('2,098.74 | 348.21');
    const byOffset = ok(await exportDocument(doc, { format: 'csv', offset: at }));
    assert.deepEqual(byOffset.tables, ['公开03表']);
  });
});

describe('export of hostile documents (issue #15)', function () {
  this.timeout(30000);

  it('reads a rule line once, however many rules it holds (40,000 rules on one line: minutes; 20,000 took 22 s)', async () => {
    const text = `## 表 表1 x\n列：项目 | 合计[1] | 甲[2]\n合计 | 1.00 | 1.00\n规则：${'1栏=2栏；'.repeat(40000)}\n`;
    const doc = analyze(text).document;
    const csv = ok(await exportDocument(doc, { format: 'csv', table: '表1' })).data as string;
    // Longer than a worksheet cell holds: on rows of its own, every character kept.
    const after = csv.slice(csv.indexOf('规则：')).split('\r\n').join('');
    assert.equal(after, `规则：${'1栏=2栏；'.repeat(40000)}`);
  });

  it('writes a note longer than a worksheet cell holds on as many rows as it needs, every character kept', async () => {
    const note = `注：${'甲'.repeat(40000)}😀${'乙'.repeat(30000)}`;
    const doc = analyze(`## 表 表1 x\n列：项目 | 合计\n合计 | 1.00\n${note}\n`).document;
    const ws = (await workbook(ok(await exportDocument(doc, { format: 'xlsx' })).data)).worksheets[0];
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string' && /^[注甲乙😀]/u.test(c.value)) texts.push(c.value); }));
    assert.ok(texts.length >= 3 && texts.every((t) => t.length <= 32767), texts.map((t) => t.length).join(' '));
    assert.equal(texts.join(''), note);
  });

  it('gives every other row only its own cells when one row has 20,000', async () => {
    const wide = `合计 | ${'1 | '.repeat(20000)}1`;
    const rows = Array.from({ length: 3000 }, (_, i) => `行${i} | 1.00`);
    const doc = analyze(`## 表 表1 x\n列：项目 | 合计\n${wide}\n${rows.join('\n')}\n`).document;
    const csv = ok(await exportDocument(doc, { format: 'csv', table: '表1' })).data as string;
    assert.ok(csv.includes('\r\n行2999,1.00\r\n') || csv.endsWith('行2999,1.00\r\n'), csv.slice(-40));
  });

  it('suggests a base name for the file: no folder, no .., no character a file system refuses', () => {
    assert.equal(exportFileName('file:///home/u/%E7%A1%9A%E5%8F%A32023.budget', '公开05表', 'xlsx'), '硚口2023-公开05表.xlsx');
    assert.equal(exportFileName('file:///home/u/a.budget', undefined, 'csv'), 'a.csv');
    for (const uri of ['file:///a/%2E%2E%2F%2E%2E%2Fevil.budget', 'file:///a/x%5C..%5C..%5Cevil.budget', 'untitled:../../evil', 'file:///a/..%2F', 'file:///a/%00%1F.budget']) {
      for (const table of [undefined, '../../表', 'a\\b/c:d*e?"<>|']) {
        const name = exportFileName(uri, table, 'xlsx');
        assert.ok(!/[\\/:*?"<>|\u0000-\u001f]/.test(name.replace(/\.xlsx$/, '')), `${uri} ${table}: ${name}`);
        assert.ok(!name.startsWith('.') && !name.includes('..'), `${uri} ${table}: ${name}`);
        assert.ok(name.endsWith('.xlsx') && name.length > 5, name);
      }
    }
  });
});
