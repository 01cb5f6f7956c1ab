/** The two server commands of import and export, through the real server over stdio (`workspace/executeCommand`). */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { CancellationTokenSource, ExecuteCommandRequest, HoverRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { analyze } from '../server/src/analysis';
import { exportDocument } from '../server/src/interchange/export';
import type { ExportCommandResult, ImportCommandResult, ImportDocumentCommandResult } from '../server/src/lsp/interchange';
import { ROOT, TestClient } from './support/lsp';

const QIAOKOU = readFileSync(join(ROOT, 'seeds', 'qiaokou-2023-final.budget'), 'utf8');
const PAGE = readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'qiaokou-2023-公开04表.txt'), 'utf8');

describe('import and export commands over stdio', function () {
  this.timeout(60000);
  let client: TestClient;
  let en: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize('zh-cn');
    en = new TestClient();
    await en.initialize('en');
  });
  after(async () => {
    await client.stop();
    await en.stop();
  });

  const importCmd = (c: TestClient, arg: unknown) => c.connection.sendRequest(ExecuteCommandRequest.type, { command: 'budgetTables.server.import', arguments: [arg] }) as Promise<ImportCommandResult>;
  const exportCmd = (c: TestClient, arg: unknown) => c.connection.sendRequest(ExecuteCommandRequest.type, { command: 'budgetTables.server.export', arguments: [arg] }) as Promise<ExportCommandResult>;

  it('imports pasted text: the .budget table, its repairs (with the output line of each) and a summary', async () => {
    const r = await importCmd(client, { name: 'selection.txt', content: PAGE, encoding: 'text' });
    assert.ok(r.ok, r.ok ? '' : r.message);
    const a = analyze(r.text);
    assert.equal(a.findings.filter((f) => f.rule === 'syntax').length, 0);
    assert.equal(a.document.tables[0].number, '公开04表');
    assert.equal(r.summary, `导入自 selection.txt：${r.rows} 行，修复 ${r.repairs.length} 处`);
    const joined = r.repairs.find((x) => x.kind === 'joined-lines')!;
    assert.match(r.text.split('\n')[joined.outputLine!], /^十八、自然资源海洋气象等支出 \|/);
    assert.equal(joined.message, '跨行断开的名称已接合 “十八、自然资源海洋 / 气象等支出” → “十八、自然资源海洋气象等支出”');
  });

  it('imports a file sent as base64: a text file, and an XLSX worksheet by name', async () => {
    const bytes = new TextEncoder().encode(PAGE);
    const r = await importCmd(client, { name: 'page.txt', content: Buffer.from(bytes).toString('base64'), encoding: 'base64' });
    assert.ok(r.ok);
    assert.match(r.text, /\n## 表 公开04表 /);
    const xlsx = await exportDocument(analyze(QIAOKOU).document, { format: 'xlsx' });
    assert.ok(xlsx.ok);
    const s = await importCmd(client, { name: 'q.xlsx', content: Buffer.from(xlsx.data as Uint8Array).toString('base64'), encoding: 'base64', sheet: '公开05表' });
    assert.ok(s.ok, s.ok ? '' : s.message);
    assert.match(s.text, /\n## 表 公开05表 2023年度一般公共预算财政拨款支出决算表\n/);
    assert.match(s.text, /\n2150502 \| 一般行政管理事务 \| 1,666\.02 \|  \| 1,666\.02\n/);
  });

  it('imports a whole document from a PDF sent as base64 (the server process has the PDF engine); a non-PDF is refused', async () => {
    const docCmd = (c: TestClient, arg: unknown) => c.connection.sendRequest(ExecuteCommandRequest.type, { command: 'budgetTables.server.importDocument', arguments: [arg] }) as Promise<ImportDocumentCommandResult>;
    const pdf = readFileSync(join(ROOT, 'test', 'fixtures', 'pdf', 'jiangsu-cppcc-office-2019-budget-表.pdf'));
    const r = await docCmd(client, { name: 'tables.pdf', content: pdf.toString('base64') });
    assert.ok(r.ok, r.ok ? '' : r.message);
    const a = analyze(r.text);
    assert.equal(a.findings.filter((f) => f.rule === 'syntax').length, 0);
    assert.equal(a.document.tables.length, 12);
    assert.match(r.summary, /^导入自 tables\.pdf：12 张表、/);
    for (const d of r.doubts) assert.match(r.text.split('\n')[d.outputLine], /^\/\/ 导入存疑：/);
    const bad = await docCmd(en, { name: 'x.pdf', content: Buffer.from('<html></html>').toString('base64') });
    assert.deepEqual(bad, { ok: false, message: 'Not a PDF file (no %PDF- marker at its start), nor readable text' });
  });

  it('imports a document published as two PDFs (its text, its tables) as one, when both are sent', async () => {
    const pdf = (name: string) => ({ name, content: readFileSync(join(ROOT, 'test', 'fixtures', 'pdf', name)).toString('base64') });
    const r = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'budgetTables.server.importDocument', arguments: [pdf('jiangsu-party-office-2018-budget-表.pdf'), pdf('jiangsu-party-office-2018-budget-文件.pdf')],
    }) as ImportDocumentCommandResult;
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.match(r.summary, /^已合为一份文档：正文取自 jiangsu-party-office-2018-budget-文件\.pdf，/);
    const a = analyze(r.text);
    assert.equal(a.document.tables.filter((t) => t.kind === 'table').length, 12);
    assert.deepEqual(a.findings.filter((f) => f.severity === 'error').map((f) => r.text.slice(f.span.start, f.span.end)), ['80.92%']);
  });

  it('stops a whole-document import when it is cancelled, between two pages of the PDF', async () => {
    // The import read every page on the request path: a cancelled request still read the whole PDF.
    const pdf = readFileSync(join(ROOT, 'test', 'fixtures', 'pdf', 'jiangsu-high-court-2019-budget.pdf'));
    const cancel = new CancellationTokenSource();
    const importing = client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'budgetTables.server.importDocument', arguments: [{ name: 'court.pdf', content: pdf.toString('base64') }] }, cancel.token)
      .then(() => 'finished', (e: unknown) => e);
    // Once the import is under way (a request sent after it is answered first), cancel it.
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///tmp/interchange/none.budget' }, position: { line: 0, character: 0 } });
    cancel.cancel();
    const outcome = await importing;
    assert.ok(outcome instanceof ResponseError && outcome.code === LSPErrorCodes.RequestCancelled, String(outcome));
  });

  it('refuses bad input with a message (Chinese, or English for an English editor), never fails the request', async () => {
    const none = await importCmd(client, { name: 'a.txt', content: '没有表格', encoding: 'text' });
    assert.deepEqual(none, { ok: false, message: '没有找到表格：需要以制表符、逗号分隔的列，或 XLSX 工作表' });
    const broken = await importCmd(client, { name: 'a.xlsx', content: Buffer.from('not a zip').toString('base64'), encoding: 'base64' });
    assert.ok(!broken.ok && /^无法读取该文件/.test(broken.message));
    const junk = await importCmd(client, 42);
    assert.equal(junk.ok, false);
    const english = await importCmd(en, { name: 'a.txt', content: 'no table here', encoding: 'text' });
    assert.ok(!english.ok && /^No table found/.test(english.message));
    const unknown = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'budgetTables.server.nope', arguments: [] }) as { ok: boolean };
    assert.equal(unknown.ok, false);
  });

  it('exports the table at an offset of an open document as CSV, and the whole document as XLSX (base64)', async () => {
    const uri = 'file:///tmp/interchange/qiaokou-2023-final.budget';
    await client.open(uri, QIAOKOU);
    const offset = QIAOKOU.indexOf('2101199 | 其他行政事业单位医疗支出 | 0.50 | 0.50 | \n');
    const at05 = QIAOKOU.lastIndexOf('2101199 | 其他行政事业单位医疗支出');
    const csv = await exportCmd(client, { uri, format: 'csv', offset: at05 });
    assert.ok(csv.ok, csv.ok ? '' : csv.message);
    assert.equal(csv.encoding, 'text');
    assert.deepEqual(csv.tables, ['公开05表']);
    assert.equal(csv.fileName, 'qiaokou-2023-final-公开05表.csv');
    assert.match(csv.data, /^\ufeff公开05表 2023年度一般公共预算财政拨款支出决算表\r\n/);
    assert.ok(offset > 0);
    const xlsx = await exportCmd(client, { uri, format: 'xlsx' });
    assert.ok(xlsx.ok);
    assert.equal(xlsx.encoding, 'base64');
    assert.equal(xlsx.fileName, 'qiaokou-2023-final.xlsx');
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.data, 'base64') as unknown as ArrayBuffer);
    const tables = analyze(QIAOKOU).document.tables.filter((t) => t.parts.some((p) => p.columns.length));
    // Tables by their 表号; forms, which have none, by their position (表10 …).
    assert.deepEqual(wb.worksheets.map((w) => w.name), tables.map((t, k) => t.number ?? `表${k + 1}`));
  });

  it('exports what is typed, not what is saved; refuses documents it does not have, bad formats, offsets outside tables', async () => {
    const uri = 'file:///tmp/interchange/typed.budget';
    const text = '## 表 表1 测试\n列：项目 | 金额\n合计 | 1.00\n';
    await client.open(uri, text);
    await client.change(uri, 2, [{ text: text.replace('1.00', '2.50') }]);
    const r = await exportCmd(client, { uri, format: 'csv', offset: 5 });
    assert.ok(r.ok);
    assert.match(r.data, /\r\n合计,2\.50\r\n/);
    const closed = await exportCmd(client, { uri: 'file:///tmp/not-open.budget', format: 'csv' });
    assert.deepEqual(closed, { ok: false, message: '该文档未在编辑器中打开' });
    const pdf = await exportCmd(client, { uri, format: 'pdf' });
    assert.equal(pdf.ok, false);
    await client.open('file:///tmp/interchange/two.budget', '# 说明\n部门：甲\n\n' + text + '## 表 表2 另一张\n列：项目 | 金额\n合计 | 3.00\n');
    const outside = await exportCmd(client, { uri: 'file:///tmp/interchange/two.budget', format: 'csv', offset: 2 });
    assert.deepEqual(outside, { ok: false, message: '光标不在任何表内' });
    const both = await exportCmd(client, { uri: 'file:///tmp/interchange/two.budget', format: 'csv' });
    assert.ok(!both.ok && /CSV 只能导出一张表/.test(both.message));
  });
  it('suggests a base name for the exported file, whatever the document URI holds (it could contain ../)', async () => {
    const uri = 'file:///tmp/interchange/%2E%2E%2F%2E%2E%2Fevil.budget';
    await client.open(uri, QIAOKOU);
    const r = await exportCmd(client, { uri, format: 'xlsx' });
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.equal(r.fileName, 'evil.xlsx');
  });

  it('answers other requests while a long export runs, and stops the export when it is cancelled', async () => {
    // A 30,000-row table: the export ran on the server's only thread from start to end, every request waiting.
    const rows = Array.from({ length: 30000 }, (_, i) => `${i + 2} | 收入${i + 2} | 2.00 | 1.00 | 1.00`);
    const big = `# 某单位\n年度：2023\n\n## 表 表1 收入决算表\n列：行次 | 项目 | 合计[1] | 甲[2] | 乙[3]\n${rows.join('\n')}\n`;
    const uri = 'file:///tmp/interchange/big.budget';
    await client.open(uri, big);
    const order: string[] = [];
    const exporting = exportCmd(client, { uri, format: 'xlsx' }).then((r) => { order.push('export'); return r; });
    const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 7, character: 12 } }).then(() => order.push('hover'));
    await Promise.all([exporting, hover]);
    assert.deepEqual(order, ['hover', 'export']);
    assert.ok((await exporting).ok);

    const cancel = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'budgetTables.server.export', arguments: [{ uri, format: 'xlsx' }] }, cancel.token)
      .then(() => 'finished', (e: unknown) => e);
    // Once the export is under way (a request sent after it is answered first), cancel it.
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 7, character: 12 } });
    cancel.cancel();
    const outcome = await cancelled;
    assert.ok(outcome instanceof ResponseError && outcome.code === LSPErrorCodes.RequestCancelled, String(outcome));
  });
});
