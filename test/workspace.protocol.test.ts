/**
 * The server's workspace through the protocol, as the VS Code extension drives it: files read through the client
 * (`budgetTables/readDirectory`, `budgetTables/readFile`, as in the web worker or a virtual workspace), settings
 * pulled per folder (`workspace/configuration` with `scopeUri`: each folder's `catalogFiles` and `files.exclude`),
 * workspace folders added later, catalog files watched and reloaded, and workspace trust. The real server over stdio;
 * this test plays the client.
 */
import { strict as assert } from 'node:assert';
import {
  CompletionRequest, ConfigurationRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification,
  FileChangeType, InitializedNotification, InitializeRequest, RegistrationRequest, ShowMessageNotification, ShowMessageRequest,
  type CompletionList, type ConfigurationItem, type PublishDiagnosticsParams, type Registration, type ShowMessageParams,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateFinal } from '../bench/standardDocs';
import { toBase64 } from '../server/src/util/base64';
import { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, TRUST_NOTIFICATION } from '../server/src/workspace/protocol';
import { TestClient } from './support/lsp';
import { memoryFileSystem } from './support/memfs';

const HEAD = '# 测试单位 2023 年度部门决算\n部门：测试单位\n年度：2023\n类型：决算\n金额单位：万元\n\n';
const TABLE = '## 表 公开05表 一般公共预算财政拨款支出决算表\n列：科目编码 | 科目名称 | 合计[1] | 基本支出[2] | 项目支出[3]\n | 合计 | 1.00 | | 1.00\n';
const row = (code: string, name: string) => `${HEAD}${TABLE}${code} | ${name} | 1.00 | | 1.00\n`;
const TYPING = `${HEAD}${TABLE}215 | 资源勘探工业信息等支出 | 1.00 | | 1.00\n21505`;

const A = 'memfs:/a';
const B = 'memfs:/b';

interface Session {
  client: TestClient;
  /** `budgetTables` settings per scope ('' = no scopeUri) and `files.exclude` per folder, as the client answers them. */
  settings: Map<string, Record<string, unknown>>;
  excludes: Map<string, Record<string, unknown>>;
  files: ReturnType<typeof memoryFileSystem>;
  registrations: Registration[];
  messages: ShowMessageParams[];
  configurationAsked: ConfigurationItem[][];
}

async function start(files: Record<string, string | Uint8Array>, folders: string[], options: { trusted?: boolean } = {}): Promise<Session> {
  const client = new TestClient();
  const s: Session = { client, settings: new Map(), excludes: new Map(), files: memoryFileSystem(files), registrations: [], messages: [], configurationAsked: [] };
  const c = client.connection;
  c.onRequest(ConfigurationRequest.type, (p) => {
    s.configurationAsked.push(p.items);
    return p.items.map((i) => (i.section === 'files.exclude' ? s.excludes.get(i.scopeUri ?? '') ?? {} : s.settings.get(i.scopeUri ?? '') ?? {}));
  });
  c.onRequest(READ_DIRECTORY_REQUEST, async (p: { uri: string }) => (await s.files.readDirectory(p.uri)).map((e) => [e.name, e.kind]));
  c.onRequest(READ_FILE_REQUEST, async (p: { uri: string; maxBytes: number }) => {
    const b = await s.files.readFile(p.uri, p.maxBytes);
    return b ? toBase64(b) : null;
  });
  c.onRequest(RegistrationRequest.type, (p) => { s.registrations.push(...p.registrations); });
  c.onNotification(ShowMessageNotification.type, (p) => { s.messages.push(p); });
  c.onRequest(ShowMessageRequest.type, (p) => { s.messages.push(p); return null; });
  await c.sendRequest(InitializeRequest.type, {
    processId: null, rootUri: null, locale: 'zh-cn',
    capabilities: { workspace: {
      configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    } },
    workspaceFolders: folders.map((uri) => ({ uri, name: uri })),
    initializationOptions: { workspaceFiles: true, ...(options.trusted === undefined ? {} : { trusted: options.trusted }) },
  });
  return s;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The completion labels at the end of `text`, opened as `uri` (a fresh version each time). */
let version = 0;
async function labels(s: Session, uri: string, text = TYPING): Promise<string[]> {
  version++;
  await s.client.open(uri, text, version);
  const doc = TextDocument.create(uri, 'budget', version, text);
  const list = (await s.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: doc.positionAt(text.length) })) as CompletionList | null;
  await s.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return (list?.items ?? []).map((i) => i.label);
}

/** Polls `labels` until `ok` holds (the server loads and indexes in the background). */
async function until(s: Session, uri: string, ok: (l: string[]) => boolean, what: string): Promise<string[]> {
  let last: string[] = [];
  for (let i = 0; i < 40; i++) {
    last = await labels(s, uri);
    if (ok(last)) return last;
    await sleep(100);
  }
  throw new Error(`${what}: ${last.join(' | ')}`);
}

/**
 * The first diagnostics published for `uri` from now on that `ok` accepts. The server may publish the document again
 * before a change it was told of takes effect (a background refresh — the workspace's codes indexed, settings
 * pulled — analyses with what it knows then, and reading a changed file takes a turn): those are passed over.
 */
async function publishedUntil(s: Session, uri: string, ok: (p: PublishDiagnosticsParams) => boolean, what: string, ms = 10000): Promise<PublishDiagnosticsParams> {
  const end = Date.now() + ms;
  for (;;) {
    const left = end - Date.now();
    if (left <= 0) throw new Error(`no diagnostics of ${uri} for ${what} within ${ms} ms`);
    const p = await Promise.race([s.client.diagnostics(uri), sleep(left).then(() => undefined)]);
    if (p && ok(p)) return p;
  }
}

describe('the workspace through the client', function () {
  this.timeout(30000);
  let s: Session | undefined;
  afterEach(async () => { await s?.client.stop(); s = undefined; });

  it('indexes closed files it lists and reads through the client, honouring each folder’s files.exclude', async () => {
    s = await start({
      [`${A}/closed.budget`]: row('2150588', '工作区里的科目'),
      [`${A}/hidden/x.budget`]: row('2150566', '被排除的科目'),
      [`${B}/other.budget`]: row('2150577', '另一个文件夹里的科目'),
    }, [A, B]);
    s.excludes.set(A, { '**/hidden': true });
    await s.client.connection.sendNotification(InitializedNotification.type, {});
    const got = await until(s, `${A}/typing.budget`, (l) => l.some((x) => x.startsWith('2150588')) && l.some((x) => x.startsWith('2150577')), 'codes of both folders');
    assert.ok(!got.some((x) => x.startsWith('2150566')), 'the excluded file was indexed');
    assert.ok(!s.files.listed.some((u) => u.startsWith(`${A}/hidden`)), 'the excluded folder was walked');
    assert.ok(s.configurationAsked.some((items) => items.some((i) => i.scopeUri === A && i.section === 'files.exclude')), 'files.exclude pulled per folder');
    assert.ok(s.registrations.some((r) => r.method === DidChangeConfigurationNotification.method), 'registered for configuration changes (the pull model)');
  });

  it('reads each folder’s catalogFiles for the documents of that folder only', async () => {
    s = await start({ [`${A}/目录2023.csv`]: '科目编码,科目名称\n2150571,甲文件夹目录的科目\n', [`${B}/目录2023.csv`]: '科目编码,科目名称\n2150572,乙文件夹目录的科目\n' }, [A, B]);
    s.settings.set(A, { catalogFiles: ['目录2023.csv'] });
    s.settings.set(B, { catalogFiles: [] });
    await s.client.connection.sendNotification(InitializedNotification.type, {});
    await until(s, `${A}/t.budget`, (l) => l.some((x) => x.startsWith('2150571')), 'folder A’s catalog in folder A');
    const inB = await labels(s, `${B}/t.budget`);
    assert.ok(!inB.some((x) => x.startsWith('2150571')), 'folder A’s catalog applied in folder B');
    // B's setting changes: the client says so, the server pulls again
    s.settings.set(B, { catalogFiles: ['目录2023.csv'] });
    await s.client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await until(s, `${B}/t.budget`, (l) => l.some((x) => x.startsWith('2150572')), 'folder B’s catalog after its setting changed');
  });

  it('watches the catalog files it loaded and reloads one that changes', async () => {
    const catalog = `${A}/目录2023.csv`;
    const files: Record<string, string> = { [catalog]: '科目编码,科目名称\n2150571,旧的科目\n' };
    s = await start(files, [A]);
    s.settings.set(A, { catalogFiles: ['目录2023.csv'] });
    await s.client.connection.sendNotification(InitializedNotification.type, {});
    await until(s, `${A}/t.budget`, (l) => l.some((x) => x.startsWith('2150571')), 'the catalog');
    const watch = s.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method);
    assert.ok(watch, 'no file watcher registered');
    assert.deepEqual((watch.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map((w) => w.globPattern), [{ baseUri: A, pattern: '目录2023.csv' }]);
    const next = memoryFileSystem({ [catalog]: '科目编码,科目名称\n2150579,新的科目\n' });
    s.files.readFile = next.readFile;
    await s.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: 'memfs:/a/%E7%9B%AE%E5%BD%952023.csv', type: FileChangeType.Changed }] });
    const after = await until(s, `${A}/t.budget`, (l) => l.some((x) => x.startsWith('2150579')), 'the changed catalog');
    assert.ok(!after.some((x) => x.startsWith('2150571')), 'the old catalog stayed');
  });

  it('scans a workspace folder added later, and forgets one removed', async () => {
    s = await start({ [`${B}/other.budget`]: row('2150577', '后加的文件夹里的科目') }, [A]);
    await s.client.connection.sendNotification(InitializedNotification.type, {});
    await sleep(300);
    assert.ok(!(await labels(s, `${A}/t.budget`)).some((x) => x.startsWith('2150577')));
    await s.client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [{ uri: B, name: 'b' }], removed: [] } });
    await until(s, `${A}/t.budget`, (l) => l.some((x) => x.startsWith('2150577')), 'the added folder’s code');
    await s.client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [{ uri: B, name: 'b' }] } });
    await until(s, `${A}/t.budget`, (l) => !l.some((x) => x.startsWith('2150577')), 'the removed folder’s code gone');
  });

  it('reads each folder’s budget-tables.json through the client: its catalogs, its rule severities, its problems at their place, again when it changes', async () => {
    const config = `${A}/budget-tables.json`;
    const files: Record<string, string> = {
      [config]: '{\n  "catalogs": ["目录2023.csv"],\n  "rules": { "total-row": "warning" },\n  "bogus": 1\n}\n',
      [`${A}/目录2023.csv`]: '科目编码,科目名称\n2150571,配置里的目录的科目\n',
    };
    s = await start(files, [A]);
    const problems = s.client.diagnostics(config);
    await s.client.connection.sendNotification(InitializedNotification.type, {});
    const published = await problems;
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.line]), [['config', 3]], 'the unknown key, at its line');
    await until(s, `${A}/t.budget`, (l) => l.some((x) => x.startsWith('2150571')), 'the configuration’s catalog');
    // a wrong 合计: an error of rule total-row, shown as the configuration says (a warning)
    const wrong = `${HEAD}${TABLE.replace(' | 合计 | 1.00 | | 1.00', ' | 合计 | 2.00 | | 2.00')}215 | 资源勘探工业信息等支出 | 1.00 | | 1.00\n`;
    const severities = async (v: number) => {
      const p = await s!.client.open(`${A}/wrong.budget`, wrong, v);
      await s!.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: `${A}/wrong.budget` } });
      return p.diagnostics.filter((d) => d.code === 'total-row').map((d) => d.severity);
    };
    assert.deepEqual([...new Set(await severities(100))], [2]);
    // the file changes: no more severity for total-row, an error again
    const next = memoryFileSystem({ ...files, [config]: '{ "catalogs": ["目录2023.csv"] }' });
    s.files.readFile = next.readFile;
    const cleared = s.client.diagnostics(config);
    await s.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: config, type: FileChangeType.Changed }] });
    assert.deepEqual((await cleared).diagnostics, []);
    assert.deepEqual([...new Set(await severities(101))], [1]);
  });

  it('the narrative’s change thresholds come from budget-tables.json', async () => {
    const config = `${A}/budget-tables.json`;
    const doc = `${HEAD}## 情况说明\n2023 年度机关运行经费支出 145.6 万元，比上年增加 45.6 万元，增长 45.60%。\n`;
    const files: Record<string, string> = { [config]: '{ "thresholds": { "changePercent": 50, "changeAmount": 10 } }' };
    s = await start(files, [A]);
    await s.client.connection.sendNotification(InitializedNotification.type, {});
    await sleep(300);
    const reasons = async (v: number) => {
      const p = await s!.client.open(`${A}/reason.budget`, doc, v);
      await s!.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: `${A}/reason.budget` } });
      return p.diagnostics.filter((d) => d.code === 'narrative-reason').length;
    };
    assert.equal(await reasons(1), 0, 'a 45.6% change is under the configured 50%');
    s.files.readFile = memoryFileSystem({ [config]: '{}' }).readFile;
    await s.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: config, type: FileChangeType.Changed }] });
    await sleep(300);
    assert.equal(await reasons(2), 1, 'the default thresholds (10%, 10 万元) want a reason');
  });

  it('takes the standard set budget-tables.json names (`standardSet`), and again for an open document when the file changes', async () => {
    // The generated 部门决算 with its 支出决算表 合计 typed 10.00 too high: only the set's identities between tables see it.
    const good = generateFinal();
    const at = good.indexOf('## 表 公开03表');
    const total = good.slice(at).split('\n').find((l) => l.startsWith(' | 合计 | '))!;
    const figure = total.split(' | ')[2];
    const bumped = (Number(figure.replace(/,/g, '')) + 10).toLocaleString('en-US', { minimumFractionDigits: 2 });
    const wrong = good.slice(0, at) + good.slice(at).replace(total, total.replace(figure, bumped));
    const config = `${A}/budget-tables.json`;
    s = await start({ [config]: '{ "standardSet": "off" }' }, [A]);
    const loaded = s.client.diagnostics(config);
    await s.client.connection.sendNotification(InitializedNotification.type, {});
    await loaded;
    const standard = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => String(d.message).includes('标准表')).map((d) => String(d.message));
    const uri = `${A}/wrong.budget`;
    assert.deepEqual(standard(await s.client.open(uri, wrong)), [], 'standardSet off: no identity of the set');
    s.files.readFile = memoryFileSystem({ [config]: '{ "standardSet": "部门决算" }' }).readFile;
    const again = publishedUntil(s, uri, (p) => standard(p).length > 0, 'the set named: its identities between tables find the 合计');
    await s.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: config, type: FileChangeType.Changed }] });
    assert.ok(standard(await again).length > 0);
  });

  it('in an untrusted workspace reads no catalog file inside it, says so, and reads it once trusted', async () => {
    s = await start({ [`${A}/目录2023.csv`]: '科目编码,科目名称\n2150571,目录里的科目\n' }, [A], { trusted: false });
    s.settings.set(A, { catalogFiles: ['目录2023.csv'] });
    await s.client.connection.sendNotification(InitializedNotification.type, {});
    await sleep(500);
    assert.ok(!(await labels(s, `${A}/t.budget`)).some((x) => x.startsWith('2150571')), 'an untrusted catalog was loaded');
    assert.ok(!s.files.reads.some((u) => u.endsWith('.csv')), 'the catalog file was read');
    assert.ok(s.messages.some((m) => /受限模式|信任/.test(m.message)), `no message: ${s.messages.map((m) => m.message).join(' | ')}`);
    await s.client.connection.sendNotification(TRUST_NOTIFICATION, { trusted: true });
    await until(s, `${A}/t.budget`, (l) => l.some((x) => x.startsWith('2150571')), 'the catalog once trusted');
  });
});
