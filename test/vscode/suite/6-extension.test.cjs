// The extension's own commands and manifest, as VS Code runs them: the new-file template, the walkthrough's sample,
// restarting the language server, the snippets in the display language, Restricted Mode and the web entry declared.
const assert = require('node:assert/strict');
const { info, waitFor, activeExtension, vscode } = require('./helpers.cjs');

const errorsOf = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);
const docOf = (item) => (typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? '');

describe('the extension’s commands and manifest', () => {
  before(activeExtension);
  afterEach(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  it('New File… → a budget document with the header every disclosure starts with', async () => {
    await vscode.commands.executeCommand('budgetTables.newFile');
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.languageId === 'budget' && vscode.window.activeTextEditor, 10_000, 'the new document');
    const text = editor.document.getText();
    assert.equal(editor.document.isUntitled, true);
    assert.match(text, /^# 部门名称 \d{4} 年部门预算\n部门：部门名称\n年度：\d{4}\n类型：预算\n金额单位：万元\n/);
    assert.match(text, new RegExp(`年度：${new Date().getFullYear()}`));
    const menus = vscode.extensions.getExtension(info.extensionId).packageJSON.contributes.menus['file/newFile'];
    assert.deepEqual(menus.map((m) => m.command), ['budgetTables.newFile']);
  });

  it('the walkthrough’s sample opens as an untitled copy, its wrong 合计 squiggled', async () => {
    await vscode.commands.executeCommand('budgetTables.openSample');
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.getText().includes('317.24') && vscode.window.activeTextEditor, 10_000, 'the sample');
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'budget');
    const errors = await waitFor(() => { const e = errorsOf(editor.document.uri); return e.length ? e : null; }, 30_000, 'errors on the sample');
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith(' | 合计 | 317.24'));
    assert.ok(errors.some((d) => d.range.start.line === line), `no error on the 317.24 line: ${errors.map((d) => `${d.range.start.line}: ${d.message}`).join(' | ')}`);
    const walkthroughs = vscode.extensions.getExtension(info.extensionId).packageJSON.contributes.walkthroughs;
    assert.deepEqual(walkthroughs[0].steps.map((s) => s.id), ['openSample', 'squiggle', 'importPdf', 'exportExcel']);
  });

  it('Restart the language server: the server answers again afterwards', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'budget', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('budgetTables.restartServer');
    const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(vscode.extensions.getExtension(info.extensionId).extensionUri, 'samples', 'sample.budget')));
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), sample));
    await waitFor(() => errorsOf(doc.uri).length > 0, 30_000, 'diagnostics from the restarted server');
  });

  it('snippets of the standard tables, described in the display language', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'budget', content: '# 测试\n\ngk0' });
    await vscode.window.showTextDocument(doc);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, 3));
    const snippet = list.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && /gk01|公开01表/.test(labelOf(i)));
    assert.ok(snippet, `no gk01 snippet among ${list.items.length}: ${list.items.slice(0, 8).map(labelOf).join(' | ')}`);
    const described = `${snippet.detail ?? ''} ${docOf(snippet)}`;
    // The snippets file is the manifest's `%snippets.path%`: an extension under development reads package.nls.json
    // (Chinese) whatever the display language; an installed one follows it (package.nls.en.json points English users
    // at dist/snippets/budget.en.json, see test/manifest.test.ts).
    assert.match(described, /决算 公开01表 收入支出决算总表：收入 1—31 行/);
  });

  it('declares limited support in Restricted Mode (what is limited, in words), virtual workspaces, the web entry and the trace setting', () => {
    const pkg = vscode.extensions.getExtension(info.extensionId).packageJSON;
    const untrusted = pkg.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.deepEqual(untrusted.restrictedConfigurations, ['budgetTables.catalogFiles']);
    // (an extension under development shows package.nls.json, whatever the display language)
    assert.match(untrusted.description, /受限模式下不读取工作区中的科目目录文件/);
    assert.equal(pkg.capabilities.virtualWorkspaces, true);
    assert.equal(pkg.browser, './dist/web/client.js');
    const trace = vscode.workspace.getConfiguration('budgetTables').inspect('trace.server');
    assert.equal(trace.defaultValue, 'off');
    assert.equal(vscode.workspace.isTrusted, true, 'the suite runs in a trusted workspace');
  });
});
