/**
 * What a workspace may make the server read and show (issue #15): `budgetTables.catalogFiles` from workspace settings
 * read files anywhere (absolute paths, `../`, a symbolic link to a folder outside) and showed their contents in hovers.
 * Over stdio, with a workspace in a temporary folder; a catalog outside it holds a secret the hovers must never show.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeConfigurationNotification, HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { capped, MAX_MARKDOWN, md } from '../server/src/lsp/markdown';
import { fileUri, TestClient, until } from './support/lsp';

const CODE = '2150599';
const TEXT = `# 某单位\n年度：2024\n\n## 表 公开05表 支出表\n列：科目编码 | 科目名称 | 合计[1]\n${CODE} | 其他工业和信息产业监管支出 | 1.00\n`;
const catalog = (description: string) => `编码,名称,说明\n${CODE},其他工业和信息产业监管支出,${description}\n`;

describe('trust: what a workspace may make the server read (over stdio)', function () {
  this.timeout(60000);
  let root: string;
  let ws: string;
  let outside: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'budget-trust-'));
    ws = join(root, 'ws');
    outside = join(root, 'outside');
    mkdirSync(ws);
    mkdirSync(outside);
    writeFileSync(join(outside, '2024年目录.csv'), catalog('机密说明：工作区外的文件'));
    writeFileSync(join(ws, '2024年目录.csv'), catalog('工作区内的目录说明'));
    writeFileSync(join(ws, 'a.budget'), TEXT);
    // A folder inside the workspace that is a link to the folder outside.
    symlinkSync(outside, join(ws, 'linked'), 'dir');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** A server on the workspace, the document open; `configure` sends `budgetTables` settings. */
  async function start(options?: Record<string, unknown>) {
    const client = new TestClient();
    await client.initialize('zh-cn', fileUri(ws), options);
    const uri = fileUri(join(ws, 'a.budget'));
    await client.open(uri, TEXT);
    const hover = async () => {
      const doc = TextDocument.create(uri, 'budget', 1, TEXT);
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(TEXT.indexOf(CODE) + 1) });
      return ((h as Hover | null)?.contents as MarkupContent | undefined)?.value ?? '';
    };
    const configure = (settings: Record<string, unknown>) =>
      client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { budgetTables: settings } });
    return { client, hover, configure };
  }

  it('refuses ../, absolute paths and linked folders from workspace settings, each with a message; reads a relative path inside', async () => {
    const { client, hover, configure } = await start();
    try {
      const outsideFile = join(outside, '2024年目录.csv');
      await configure({ catalogFilesFrom: 'workspace', catalogFiles: ['../outside/2024年目录.csv', outsideFile, 'linked/2024年目录.csv', '2024年目录.csv'] });
      await until(() => client.logs.some((l) => l.includes('已从') && l.includes('2024年目录.csv')), 'the catalog inside the workspace to load');
      await until(() => client.shown.length >= 3, 'three refusals');
      assert.ok(client.shown.some((s) => s.includes('../outside/2024年目录.csv') && s.includes('相对路径必须位于其工作区文件夹之内')), client.shown.join('\n'));
      assert.ok(client.shown.some((s) => s.includes(outsideFile) && s.includes('工作区设置只能以相对路径指定')), client.shown.join('\n'));
      assert.ok(client.shown.some((s) => s.includes('linked/2024年目录.csv') && s.includes('符号链接')), client.shown.join('\n'));
      const h = await hover();
      assert.match(h, /工作区内的目录说明/);
      assert.doesNotMatch(h, /机密说明/);
    } finally {
      await client.stop();
    }
  });

  it('reads a file outside the workspace named by an absolute path in the user’s own settings, never one through a linked folder', async () => {
    const { client, hover, configure } = await start();
    try {
      await configure({ catalogFilesFrom: 'user', catalogFiles: ['linked/2024年目录.csv'] });
      await until(() => client.shown.some((s) => s.includes('linked/2024年目录.csv')), 'the refusal of the linked folder');
      assert.doesNotMatch(await hover(), /机密说明/);
      await configure({ catalogFilesFrom: 'user', catalogFiles: [join(outside, '2024年目录.csv')] });
      await until(() => client.logs.some((l) => l.includes('已从') && l.includes('outside')), 'the user’s catalog to load');
      assert.match(await hover(), /机密说明：工作区外的文件/);
    } finally {
      await client.stop();
    }
  });

  it('in an untrusted workspace reads no catalog its settings name, nor any inside it, until the user trusts it', async () => {
    const { client, hover, configure } = await start({ trusted: false });
    try {
      await configure({ catalogFilesFrom: 'workspace', catalogFiles: ['2024年目录.csv'] });
      await until(() => client.shown.some((s) => s.includes('尚未受信任的工作区的设置')), 'the refusal of the workspace’s setting');
      await configure({ catalogFilesFrom: 'user', catalogFiles: ['2024年目录.csv'] });
      await until(() => client.shown.some((s) => s.includes('位于尚未受信任的工作区中')), 'the refusal of a file inside the workspace');
      assert.doesNotMatch(await hover(), /工作区内的目录说明/);
      await client.connection.sendNotification('budgetTables/didChangeTrust', { trusted: true });
      await until(() => client.logs.some((l) => l.includes('已从') && l.includes('2024年目录.csv')), 'the catalog to load once trusted');
      assert.match(await hover(), /工作区内的目录说明/);
    } finally {
      await client.stop();
    }
  });

  it('cuts a hover longer than an editor shows quickly, and says so (one was 2,000,374 characters)', async () => {
    const client = new TestClient();
    try {
      await client.initialize('zh-cn', null);
      const definition = '很长的定义'.repeat(100000);
      const text = `# 某单位\n年度：2024\n\n## 名词解释\n三公经费：${definition}\n\n## 情况说明\n本年三公经费支出 1.00 万元。\n`;
      const uri = 'file:///tmp/trust-long.budget';
      await client.open(uri, text);
      const doc = TextDocument.create(uri, 'budget', 1, text);
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(text.lastIndexOf('三公经费') + 1) });
      const value = ((h as Hover | null)?.contents as MarkupContent | undefined)?.value ?? '';
      assert.ok(value.includes('很长的定义'), value.slice(0, 200));
      assert.ok(value.length <= MAX_MARKDOWN + 100, `${value.length} characters`);
      assert.ok(value.endsWith('（内容过长，其余部分已省略）'), value.slice(-80));
    } finally {
      await client.stop();
    }
  });
});

describe('capped markdown', () => {
  it('is cut at the cap, never after a lone escaping backslash or inside a surrogate pair, with the note after it', () => {
    assert.equal(capped('short', '（略）'), 'short');
    const pair = `${'a'.repeat(9)}😀tail`; // the pair occupies 9–10: a cap of 10 would split it
    assert.equal(capped(pair, 'cut', 10), `${'a'.repeat(9)}\n\ncut`);
    const escaped = `${'a'.repeat(9)}\\*tail`; // `\*` at 9–10: a cap of 10 would leave the backslash escaping the note
    assert.equal(capped(escaped, 'cut', 10), `${'a'.repeat(9)}\n\ncut`);
    const twice = `${'a'.repeat(8)}\\\\tail`; // `\\` at 8–9 is an escaped backslash: kept whole
    assert.equal(capped(twice, 'cut', 10), `${'a'.repeat(8)}\\\\\n\ncut`);
    assert.equal(capped('x'.repeat(MAX_MARKDOWN + 1), '（内容过长）').length, MAX_MARKDOWN + 2 + md('（内容过长）').length);
  });
});
