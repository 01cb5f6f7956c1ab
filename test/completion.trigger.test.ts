/**
 * Completion while typing a code: digits are trigger characters (VS Code never suggests on its own while the word is
 * a number), and a digit opens a list only in a code cell — typing a figure, a 行次 or a rule's row number gets none.
 * Through the real server over stdio; the list opening on typed digits in a real editor is checked by the e2e tests
 * (test/e2e/run.mjs in code-server, test/e2e/web.mjs in the web build).
 */
import { strict as assert } from 'node:assert';
import { CompletionRequest, CompletionTriggerKind, InitializeRequest, type CompletionList } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from './support/lsp';

const TEXT = `# 测试单位 2023 年度部门决算
部门：测试单位
年度：2023
类型：决算
金额单位：万元

## 表 公开05表 一般公共预算财政拨款支出决算表
列：科目编码 | 科目名称 | 合计[1] | 基本支出[2] | 项目支出[3]
 | 合计 | 1.00 | | 1.00
215 | 资源勘探工业信息等支出 | 1.00 | | 1.00
21505 | 工业和信息产业监管 | 1.00 | | 1.00
21505 | 工业 | 1.0
规则：1栏各行=(2+3)栏各行

## 表 公开01表 收入支出决算总表
列：项目 | 行次 | 金额[1]
一、一般公共预算财政拨款收入 | 1 | 2
`;

describe('completion while typing digits', function () {
  let client: TestClient;
  const uri = 'file:///tmp/trigger.budget';
  const doc = TextDocument.create(uri, 'budget', 1, TEXT);
  before(async () => {
    client = new TestClient();
    await client.initialize();
    await client.open(uri, TEXT);
  });
  after(() => client.stop());

  /** Completion after the `nth` occurrence of `before` in the text, as VS Code asks when `char` was typed. */
  const typed = (before: string, char: string, nth = 1) => {
    let at = -1;
    for (let i = 0; i < nth; i++) at = TEXT.indexOf(before, at + 1);
    assert.ok(at >= 0, before);
    return client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri }, position: doc.positionAt(at + before.length),
      context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: char },
    }) as Promise<CompletionList | null>;
  };

  it('declares the ten digits as trigger characters', async () => {
    const other = new TestClient();
    try {
      const r = await other.connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
      const chars = r.capabilities.completionProvider?.triggerCharacters ?? [];
      for (const d of '0123456789') assert.ok(chars.includes(d), `no trigger character ${d}: ${chars.join(' ')}`);
    } finally {
      await other.stop();
    }
  });

  it('a digit typed in a code cell opens the list of codes with that prefix, marked incomplete so it re-queries', async () => {
    const list = await typed('\n21505', '5', 2);
    assert.ok(list, 'no list');
    assert.equal(list.isIncomplete, true);
    assert.ok(list.items.some((i) => i.label.startsWith('2150502')), list.items.map((i) => i.label).slice(0, 5).join(' | '));
  });

  it('a digit typed in a figure cell opens nothing', async () => {
    assert.equal(await typed('| 工业 | 1.0', '0'), null);
    assert.equal(await typed('| 工业 | 1', '1'), null);
  });

  it('a digit typed in a 行次 cell, a figure of another table or a rule opens nothing', async () => {
    assert.equal(await typed('财政拨款收入 | 1', '1'), null);
    assert.equal(await typed('财政拨款收入 | 1 | 2', '2'), null);
    assert.equal(await typed('规则：1', '1'), null);
    assert.equal(await typed('规则：1栏各行=(2', '2'), null);
  });

  it('invoked by hand (Ctrl+Space) the same places still answer as before', async () => {
    const at = TEXT.indexOf('规则：1栏') + '规则：'.length;
    const list = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri }, position: doc.positionAt(at), context: { triggerKind: CompletionTriggerKind.Invoked },
    }) as CompletionList | null;
    assert.ok(list && list.items.some((i) => i.label === '公开01表'), 'the table references of a rule line');
  });
});
