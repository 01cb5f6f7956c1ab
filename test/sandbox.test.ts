/**
 * The language server touches nothing but what it must: it reads its own files (the bundle, the shipped data), the
 * workspace's `.budget` files and the catalog files the user configured; it writes no file and opens no network
 * connection. The real server runs with a probe preloaded (support/access-probe.js) through a whole session: open,
 * edit, complete, hover, format, code actions, a configured catalog inside and one outside the workspace, a file
 * that changes on disk. Every access it logs is checked.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest, CompletionRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest,
} from 'vscode-languageserver-protocol';
import { fileUri, ROOT, TestClient } from './support/lsp';

const HEAD = '# 测试\n部门：测试单位\n年度：2024\n类型：决算\n金额单位：万元\n';
const TABLE = `${HEAD}\n## 表 公开05表 支出表\n列：科目编码 | 科目名称 | 合计[1] | 基本支出[2] | 项目支出[3]\n | 合计 | 3.00 | 1.00 | 2.00\n215 | 资源勘探工业信息等支出 | 3.00 | 1.00 | 2.00\n21505 | 工业和信息产业监管 | 3.00 | 1.00 | 2.00\n2150502 | 一般行政管理事务 | 3.00 | 1.00 | 2.00\n规则：1栏各行=(2+3)栏各行\n`;

describe('what the server touches', function () {
  this.timeout(60000);
  let root: string;
  let ws: string;
  let outside: string;
  let logFile: string;
  let client: TestClient;

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'budget-sandbox-')));
    ws = join(root, 'workspace');
    outside = join(root, 'elsewhere');
    mkdirSync(join(ws, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(ws, 'a.budget'), TABLE);
    writeFileSync(join(ws, 'sub', 'b.budget'), TABLE.replace('2150502 | 一般行政管理事务', '2150599 | 其他工业和信息产业监管支出'));
    writeFileSync(join(ws, '目录2024.csv'), '科目编码,科目名称\n2159901,工作区目录里的科目\n');
    writeFileSync(join(outside, '目录2024.csv'), '科目编码,科目名称\n2159902,外面目录里的科目\n');
    writeFileSync(join(outside, 'secret.budget'), TABLE);
    logFile = join(root, 'access.log');
    writeFileSync(logFile, '');
    client = new TestClient(['--stdio'], { NODE_OPTIONS: `--require ${join(ROOT, 'test', 'support', 'access-probe.js')}`, BUDGET_ACCESS_LOG: logFile });
    await client.initialize('zh-cn', fileUri(ws));
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reads only its own files, the workspace and the configured catalogs; writes nothing; no network', async () => {
    const uri = fileUri(join(ws, 'a.budget'));
    await client.open(uri, TABLE);
    const typed = TABLE.replace(' | 合计 | 3.00', ' | 合计 | 4.00');
    const doc = TextDocument.create(uri, 'budget', 2, typed);
    await client.change(uri, 2, [{ text: typed }]);
    await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: doc.positionAt(typed.indexOf('21505 |') + 3) });
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(typed.indexOf('2150502') + 2) });
    const at = doc.positionAt(typed.indexOf('4.00'));
    await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    // A catalog in the workspace (relative), one outside it (absolute): both configured by the user.
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { budgetTables: { catalogFiles: ['目录2024.csv', join(outside, '目录2024.csv')] } } });
    // A file outside the workspace reported as changed must not be read.
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [
      { uri: fileUri(join(outside, 'secret.budget')), type: FileChangeType.Changed },
      { uri: fileUri(join(ws, 'sub', 'b.budget')), type: FileChangeType.Changed },
    ] });
    await new Promise((r) => setTimeout(r, 1500)); // the workspace scan, the catalogs, the debounced indexing

    const entries = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: string; what: string });
    assert.ok(entries.some((e) => e.kind === 'read' && e.what.endsWith(`${sep}sub${sep}b.budget`)), 'the probe saw the workspace scan');
    assert.ok(entries.some((e) => e.kind === 'read' && e.what === join(outside, '目录2024.csv')), 'the probe saw the outside catalog being read');
    const own = [join(ROOT, 'dist'), join(ROOT, 'data'), join(ROOT, 'node_modules'), join(ROOT, 'bin'), join(ROOT, 'out'), join(ROOT, 'package.json')];
    const allowed = (p: string) => {
      const full = resolve(p);
      return [ws, ...own].some((d) => full === d || full.startsWith(d + sep)) || full === join(outside, '目录2024.csv');
    };
    const bad = entries.filter((e) => e.kind !== 'read' || !allowed(e.what));
    assert.deepEqual(bad, []);
  });
});
