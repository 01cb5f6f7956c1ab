/** Completion, hover and quick fixes of subject-code knowledge, through the real server over stdio. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeActionRequest, CompletionRequest, DidChangeConfigurationNotification, HoverRequest,
  type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type Hover, type MarkupContent, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { qiaokou } from './support/qiaokou';
import { fileUri, TestClient } from './support/lsp';

const HEAD = `# 测试单位 2023 年度部门决算
部门：测试单位
年度：2023
类型：决算
金额单位：万元
`;

const FUNCTIONAL = `${HEAD}
## 表 公开05表 一般公共预算财政拨款支出决算表
列：科目编码 | 科目名称 | 合计[1] | 基本支出[2] | 项目支出[3]
 | 合计 | 1.00 | | 1.00
215 | 资源勘探工业信息等支出 | 1.00 | | 1.00
21505 | 工业和信息产业监管 | 1.00 | | 1.00
`;

const ECONOMIC = `${HEAD}
## 表 公开06表 一般公共预算财政拨款基本支出决算明细表
列：科目代码 | 科目名称 | 决算数
301 | 工资福利支出 | 1.00
30101 | 基本工资 | 1.00
`;

/** The text of a hover, with the markdown escapes taken out. */
function plain(h: Hover | null): string {
  assert.ok(h, 'no hover');
  const v = (h.contents as MarkupContent).value;
  return v.replace(/\\(.)/g, '$1');
}

function raw(h: Hover | null): string {
  assert.ok(h, 'no hover');
  return (h.contents as MarkupContent).value;
}

describe('subject-code knowledge over stdio', function () {
  let client: TestClient;
  let n = 0;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.stop());

  /** Opens `text` + `typed` and asks for completion at the end of `typed` (or at `at`). */
  async function completeAt(text: string, at: number): Promise<CompletionList> {
    const uri = `file:///tmp/knowledge-${++n}.budget`;
    await client.open(uri, text);
    const doc = TextDocument.create(uri, 'budget', 1, text);
    const r = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: doc.positionAt(at) });
    assert.ok(r && !Array.isArray(r), 'a completion list');
    return r;
  }
  const completeLine = (base: string, typed: string) => completeAt(base + typed, (base + typed).length);
  const labels = (l: CompletionList) => l.items.map((i) => i.label);

  async function hoverAt(uri: string, text: string, at: number): Promise<Hover | null> {
    const doc = TextDocument.create(uri, 'budget', 1, text);
    return client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(at) });
  }

  it('completes the code prefix 21505 to 2150502 一般行政管理事务, inserting code and name in the row layout', async () => {
    const l = await completeLine(FUNCTIONAL, '21505');
    const item = l.items.find((i) => i.label === '2150502 一般行政管理事务');
    assert.ok(item, `got ${labels(l).join(', ')}`);
    assert.ok(l.items.every((i) => i.label.startsWith('21505')));
    assert.equal((item.textEdit as { newText: string }).newText, '2150502 | 一般行政管理事务 | ');
    assert.match(item.detail ?? '', /^资源勘探工业信息等支出 > 工业和信息产业监管 > 一般行政管理事务 · /);
    assert.match(item.detail ?? '', /2023 年目录/);
  });

  it('completes the name fragment 一般行政 to 2150502 (first below a 21505 row)', async () => {
    const l = await completeLine(FUNCTIONAL, '一般行政');
    assert.equal(l.items[0]?.label, '2150502 一般行政管理事务', `got ${labels(l).join(', ')}`);
    assert.ok(l.items.length > 1 && l.items.every((i) => i.label.includes('一般行政')));
  });

  it('completes 20103 to 2010350 事业运行 and syyx (pinyin initials) to 事业运行', async () => {
    const a = await completeLine(FUNCTIONAL, '20103');
    assert.ok(labels(a).includes('2010350 事业运行'), `got ${labels(a).join(', ')}`);
    assert.ok(labels(a).includes('20103 政府办公厅（室）及相关机构事务'));
    const b = await completeLine(FUNCTIONAL, 'syyx');
    assert.ok(labels(b).some((x) => x.endsWith(' 事业运行')), `got ${labels(b).join(', ')}`);
  });

  it('offers the children of the row above first: 201xx below 201, 21505xx below 21505', async () => {
    const below201 = `${HEAD}
## 表 公开05表 一般公共预算财政拨款支出决算表
列：科目编码 | 科目名称 | 合计[1]
201 | 一般公共服务支出 | 1.00
`;
    const a = await completeLine(below201, '');
    assert.ok(a.items.length > 3);
    for (const i of a.items.slice(0, 3)) assert.match(i.label, /^201\d\d /);
    const b = await completeLine(FUNCTIONAL, '');
    assert.match(b.items[0]?.label ?? '', /^21505\d\d /);
  });

  it('offers only economic codes in an economic-classification table', async () => {
    const a = await completeLine(ECONOMIC, '');
    assert.ok(a.items.length > 0);
    assert.ok(a.items.every((i) => /^[35]/.test(i.label)), `got ${labels(a).join(', ')}`);
    assert.match(a.items[0].label, /^301\d\d /);
    const b = await completeLine(ECONOMIC, '住房公积金');
    assert.deepEqual(labels(b), ['30113 住房公积金']);
  });

  it('in a name cell, offers the catalog name for the code and fills the code cell for other picks', async () => {
    const l = await completeLine(FUNCTIONAL, '2150502 | ');
    assert.equal(l.items[0]?.label, '2150502 一般行政管理事务');
    assert.equal((l.items[0].textEdit as { newText: string }).newText, '一般行政管理事务');
    const m = await completeLine(FUNCTIONAL, '2150502 | syyx');
    const other = m.items.find((i) => i.label.endsWith('事业运行'));
    assert.ok(other?.additionalTextEdits?.length, 'the code cell is updated');
  });

  it('completes column names after 列：, tables and row labels in 规则：, and glossary terms', async () => {
    const cols = await completeLine(`${FUNCTIONAL}\n## 表 公开06表 基本支出\n`, '列：科目代码 | 科目');
    assert.ok(labels(cols).includes('科目名称'), `got ${labels(cols).join(', ')}`);
    const twoTables = `${FUNCTIONAL}\n## 表 公开03表 支出决算表\n列：科目编码 | 科目名称 | 合计[1]\n | 合计 | 1.00\n`;
    const tables = await completeLine(twoTables, '规则：「合计」行1栏=公开0');
    assert.ok(labels(tables).includes('公开05表'), `got ${labels(tables).join(', ')}`);
    const rows = await completeLine(twoTables, '规则：「合计」行1栏=公开05表「');
    assert.ok(labels(rows).includes('工业和信息产业监管') && labels(rows).includes('21505'), `got ${labels(rows).join(', ')}`);
    const terms = await completeLine(`${FUNCTIONAL}\n## 名词解释\n`, '三公');
    assert.ok(terms.items.some((i: CompletionItem) => i.label.replace(/[“”"]/g, '') === '三公经费'), `got ${labels(terms).join(', ')}`);
    const paths = await completeLine(`${FUNCTIONAL}2150502 | 一般行政管理事务 | 1.00 | | 1.00\n\n## 名词解释\n`, '');
    assert.ok(labels(paths).includes('资源勘探工业信息等支出(类)工业和信息产业监管(款)一般行政管理事务(项)'), `got ${labels(paths).join(', ')}`);
  });

  it('hovering 2150502 in the 硚口 final accounts shows its name, path and that document’s 名词解释 entry', async () => {
    const { text } = qiaokou();
    const uri = 'file:///tmp/qiaokou-2023-final.budget';
    await client.open(uri, text);
    const at = text.indexOf('\n2150502 |', text.indexOf('公开05表')) + 3;
    const h = plain(await hoverAt(uri, text, at));
    assert.match(h, /\*\*2150502 一般行政管理事务\*\*/);
    assert.ok(h.includes('资源勘探工业信息等支出 > 工业和信息产业监管 > 一般行政管理事务'), h);
    assert.ok(h.includes('项 · 支出功能分类'), h);
    assert.ok(h.includes('本文档名词解释'), h);
    assert.ok(h.includes('指机关事业单位用于信息化项目维护及运行、信息化项目管理与服务、运维及精密空调更换'), h);
    assert.ok(h.includes('资源勘探工业信息等支出(类)工业和信息等产业监督(款)一般行政管理事务(项)'), h);
    assert.ok(h.includes('——《2023 年度武汉市硚口区大数据中心部门决算》') || h.includes('—— 《2023 年度武汉市硚口区大数据中心部门决算》'), h);
  });

  it('hovering 三公经费 shows the document’s own definition, cited', async () => {
    const { text } = qiaokou();
    const uri = 'file:///tmp/qiaokou-sangong.budget';
    await client.open(uri, text);
    const at = text.indexOf('2023 年度“三公”经费财政拨款支出') + '2023 年度“'.length + 1;
    const h = plain(await hoverAt(uri, text, at));
    assert.match(h, /^\*\*三公经费\*\*/);
    assert.ok(h.includes('纳入省级财政预决算管理的“三公”经费，是指省直部门用财政拨款安排的因公出国(境)费'), h);
    assert.ok(h.includes('本文档名词解释《2023 年度武汉市硚口区大数据中心部门决算》'), h);
  });

  it('hovering a term the document does not explain cites a seed’s glossary', async () => {
    const text = `${FUNCTIONAL}\n## 情况说明\n本年度机关运行经费支出 0 万元。\n`;
    const uri = 'file:///tmp/knowledge-term.budget';
    await client.open(uri, text);
    const h = plain(await hoverAt(uri, text, text.indexOf('机关运行经费') + 2));
    assert.match(h, /^\*\*机关运行经费\*\*/);
    assert.match(h, /指为保障行政单位/);
    assert.match(h, /——《.+》名词解释|—— 《.+》名词解释/);
  });

  it('hovering a figure lists the relations it takes part in with their computed values', async () => {
    const { text } = qiaokou();
    const uri = 'file:///tmp/qiaokou-figure.budget';
    await client.open(uri, text);
    const row = text.indexOf('\n215 |', text.indexOf('公开05表'));
    const at = text.indexOf('1,666.02', row) + 2;
    const h = plain(await hoverAt(uri, text, at));
    assert.match(h, /参与的勾稽关系/);
    assert.match(h, /类 = Σ款/);
    assert.match(h, /计算值 1,666\.02，列示 1,666\.02/);
  });

  it('hover markdown is untrusted: document text cannot become links, commands or HTML', async () => {
    const evil = `${HEAD}
## 表 公开05表 支出表
列：科目编码 | 科目名称 | 合计[1]
2999999 | [点我](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **粗** | 1.00
`;
    const uri = 'file:///tmp/knowledge-evil.budget';
    await client.open(uri, evil);
    const h = raw(await hoverAt(uri, evil, evil.indexOf('2999999') + 1));
    assert.ok(!/(^|[^\\])[[\]()<]/.test(h), `an unescaped bracket in: ${h}`);
    assert.ok(!h.includes('](command:'), h);
    assert.ok(h.includes('\\<img'), h);
    assert.ok(h.includes('\\[点我\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)'), h);
  });

  it('warns of a name that differs from the catalog and offers the catalog name as a quick fix', async () => {
    const text = `${FUNCTIONAL}2150502 | 一般行政管理 | 1.00 | | 1.00\n2999998 | 无此科目 | 0 | | 0\n30101 | 基本工资 | 0 | | 0\n`;
    const uri = 'file:///tmp/knowledge-fix.budget';
    const p = await client.open(uri, text);
    const name = p.diagnostics.find((d) => d.code === 'code-name');
    assert.ok(name, JSON.stringify(p.diagnostics));
    assert.equal(name.severity, 2);
    const doc = TextDocument.create(uri, 'budget', 1, text);
    assert.equal(doc.getText(name.range), '一般行政管理');
    assert.ok(p.diagnostics.some((d) => d.code === 'code-unknown' && doc.getText(d.range) === '2999998'));
    assert.ok(p.diagnostics.some((d) => d.code === 'code-kind' && doc.getText(d.range) === '30101'));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: name.range, context: { diagnostics: [name] },
    })) as CodeAction[];
    // The fix for this diagnostic, and nothing else that claims it (range fixes, here inserting the missing parents
    // of 2999998 and 30101, are offered too, without a diagnostic).
    const forName = actions.filter((a) => a.diagnostics?.some((d) => d.code === 'code-name'));
    assert.equal(forName.length, 1, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(forName[0].title, '改为目录名称“一般行政管理事务”');
    assert.ok(actions.some((a) => !a.diagnostics && /上级科目行/.test(a.title)), JSON.stringify(actions.map((a) => a.title)));
    const edit = forName[0].edit?.changes?.[uri]?.[0];
    assert.ok(edit);
    assert.deepEqual(edit.range, name.range);
    assert.equal(edit.newText, '一般行政管理事务');
  });

  it('speaks English when the editor does', async () => {
    const en = new TestClient();
    try {
      await en.initialize('en');
      const { text } = qiaokou();
      const uri = 'file:///tmp/qiaokou-en.budget';
      await en.open(uri, text);
      const doc = TextDocument.create(uri, 'budget', 1, text);
      const at = text.indexOf('\n2150502 |', text.indexOf('公开05表')) + 3;
      const h = await en.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(at) });
      const v = plain(h);
      assert.match(v, /Path：资源勘探工业信息等支出 > 工业和信息产业监管 > 一般行政管理事务/);
      assert.match(v, /item \(项\)/);
    } finally {
      await en.stop();
    }
  });
});

describe('user catalogs and the workspace index over stdio', function () {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'budget-knowledge-'));
    writeFileSync(join(dir, '2024年政府收支分类科目.csv'), '\ufeff科目编码,科目名称,说明\n215,资源勘探工业信息等支出,\n21505,工业和信息产业监管,\n2150599,其他工业和信息产业监管支出,反映除上述项目以外其他用于工业和信息产业监管方面的支出。\n');
    writeFileSync(join(dir, 'other.budget'), `${HEAD.replace('2023', '2024')}\n## 表 公开05表 支出表\n列：科目编码 | 科目名称 | 合计[1]\n2999901 | 工作区里的科目 | 1.00\n`);
    client = new TestClient();
    await client.initialize('zh-cn', fileUri(dir));
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Waits until the diagnostics published for `uri` satisfy `ok`. */
  async function until(uri: string, ok: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + 10000;
    for (;;) {
      const p = client.published.get(uri);
      if (p && ok(p)) return p;
      if (Date.now() > deadline) throw new Error(`timed out; last: ${JSON.stringify(p?.diagnostics.map((d: Diagnostic) => d.message))}`);
      await Promise.race([client.diagnostics(uri), new Promise((r) => setTimeout(r, 200))]);
    }
  }

  it('loads a catalog file from the budgetTables.catalogFiles setting: its codes become known, with their descriptions', async () => {
    const text = `${HEAD.replace('2023', '2024')}\n## 表 公开05表 支出表\n列：科目编码 | 科目名称 | 合计[1]\n2150599 | 其他工业和信息产业监管支出 | 1.00\n`;
    const uri = fileUri(join(dir, 'open.budget'));
    writeFileSync(join(dir, 'open.budget'), text);
    await client.open(uri, text);
    await until(uri, (p) => p.diagnostics.some((d) => d.code === 'code-unknown'));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { budgetTables: { catalogFiles: ['2024年政府收支分类科目.csv'] } } });
    await until(uri, (p) => !p.diagnostics.some((d) => d.code === 'code-unknown'));
    const doc = TextDocument.create(uri, 'budget', 1, text);
    const h = plain(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(text.indexOf('2150599') + 1) }));
    assert.match(h, /反映除上述项目以外其他用于工业和信息产业监管方面的支出/);
    assert.match(h, /用户目录 2024年政府收支分类科目\.csv（2024 年）/);
  });

  it('knows the codes other .budget files of the workspace use, and offers them marked as such', async () => {
    const text = `${HEAD.replace('2023', '2024')}\n## 表 公开05表 支出表\n列：科目编码 | 科目名称 | 合计[1]\n2999901 | 工作区里的科目 | 1.00\n`;
    const uri = fileUri(join(dir, 'second.budget'));
    writeFileSync(join(dir, 'second.budget'), text);
    await client.open(uri, text);
    await until(uri, (p) => !p.diagnostics.some((d) => d.code === 'code-unknown'));
    const typed = `${text}29999`;
    const doc = TextDocument.create(uri, 'budget', 2, typed);
    await client.change(uri, 2, [{ range: { start: doc.positionAt(text.length), end: doc.positionAt(text.length) }, text: '29999' }], false);
    const l = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: doc.positionAt(typed.length) })) as CompletionList;
    const item = l.items.find((i) => i.label === '2999901 工作区里的科目');
    assert.ok(item, JSON.stringify(l.items.map((i) => i.label)));
    assert.match(item.detail ?? '', /工作区/);
  });
});
