const assert = require('node:assert/strict');
const { info, open, activeExtension, textOf, vscode } = require('./helpers.cjs');

async function completeAfterTyping(doc, prefix) {
  const editor = await vscode.window.showTextDocument(doc);
  const rowEnd = doc.lineAt(info.qk.line).range.end;
  const ok = await editor.edit((e) => e.insert(rowEnd, `\n${prefix}`));
  assert.ok(ok, 'edit failed');
  const pos = new vscode.Position(info.qk.line + 1, prefix.length);
  editor.selection = new vscode.Selection(pos, pos);
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
  await vscode.commands.executeCommand('undo');
  return list.items;
}

describe('completion', () => {
  before(activeExtension);
  after(() => vscode.commands.executeCommand('workbench.action.files.revert'));

  it('typing 21505 in the code cell of a new row offers 2150502 一般行政管理事务', async () => {
    const items = await completeAfterTyping(await open(info.qk.file), '21505');
    const it = items.find((i) => textOf(i).includes('2150502'));
    assert.ok(it, `no 2150502 among ${items.length} items: ${items.slice(0, 10).map(textOf).join(' | ')}`);
    assert.match(textOf(it), /一般行政管理事务/);
  });

  it('typing 20103 offers 2010350 事业运行', async () => {
    const items = await completeAfterTyping(await open(info.qk.file), '20103');
    const it = items.find((i) => textOf(i).includes('2010350'));
    assert.ok(it, `no 2010350 among ${items.length} items: ${items.slice(0, 10).map(textOf).join(' | ')}`);
    assert.match(textOf(it), /事业运行/);
  });
});
