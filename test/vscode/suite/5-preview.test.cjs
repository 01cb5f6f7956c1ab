const assert = require('node:assert/strict');
const path = require('node:path');
const { info, open, waitFor, activeExtension, chinese, vscode } = require('./helpers.cjs');

const previewTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
  .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('budgetTables.preview'));
const labelOf = (h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));

describe('preview panel', () => {
  before(activeExtension);
  after(async () => { await vscode.window.tabGroups.close(previewTabs()); });

  it('budgetTables.showPreview opens one preview beside the editor, named after the document', async () => {
    await open(info.wrong.file);
    await vscode.commands.executeCommand('budgetTables.showPreview');
    const [tab] = await waitFor(() => (previewTabs().length ? previewTabs() : null), 20_000, 'the preview tab');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath.endsWith(info.wrong.file), true, 'the editor keeps the focus');
    assert.notEqual(tab.group.viewColumn, vscode.window.activeTextEditor.viewColumn, 'beside the editor');
    const title = chinese() ? `预览：${info.wrong.file}` : `Preview: ${info.wrong.file}`;
    await waitFor(() => previewTabs()[0]?.label === title, 20_000, `the tab title ${title}`);
    await vscode.commands.executeCommand('budgetTables.showPreview');
    assert.equal(previewTabs().length, 1, 'the same panel again, not a second one');
  });

  it('follows the active .budget editor', async () => {
    await open(info.qk.file);
    const name = path.basename(info.qk.file);
    await waitFor(() => previewTabs()[0]?.label.endsWith(name), 20_000, `the preview of ${name}`);
  });
});

describe('inlay hints with computed totals', () => {
  before(activeExtension);
  const config = () => vscode.workspace.getConfiguration('budgetTables');
  after(() => config().update('inlayHints.computedTotals', undefined, vscode.ConfigurationTarget.Global));

  it('show the computed value next to the wrong 合计 by default, every total with "all", none with "off"', async () => {
    const doc = await open(info.wrong.file);
    const hints = () => vscode.commands.executeCommand('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
    const first = await waitFor(async () => {
      const h = await hints();
      return h.some((x) => x.position.line === info.wrong.line) ? h : null;
    }, 30_000, `an inlay hint on line ${info.wrong.line + 1}`);
    const onWrong = first.filter((x) => x.position.line === info.wrong.line).map(labelOf).join(' ');
    assert.ok(onWrong.includes(`= ${info.wrong.original}`) || onWrong.includes(`= ${info.wrong.original.replace(/,/g, '')}`),
      `hint “${onWrong}” lacks = ${info.wrong.original}`);

    await config().update('inlayHints.computedTotals', 'all', vscode.ConfigurationTarget.Global);
    await waitFor(async () => (await hints()).length > first.length, 20_000, 'more hints with "all"');
    await config().update('inlayHints.computedTotals', 'off', vscode.ConfigurationTarget.Global);
    await waitFor(async () => (await hints()).length === 0, 20_000, 'no hints with "off"');
  });
});
