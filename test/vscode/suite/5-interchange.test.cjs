const assert = require('node:assert/strict');
const { info, open, activeExtension, vscode } = require('./helpers.cjs');

// Import and export in a real VS Code: the commands are contributed, and the server commands answer through the
// language client (which registers every command of the server's executeCommandProvider).
describe('import / export', () => {
  it('contributes budgetTables.importTable and budgetTables.exportTable, and the server commands are reachable', async () => {
    const doc = await open(info.qk.file);
    await activeExtension();
    const all = await vscode.commands.getCommands(true);
    for (const c of ['budgetTables.importTable', 'budgetTables.exportTable', 'budgetTables.server.import', 'budgetTables.server.export']) {
      assert.ok(all.includes(c), `${c} is not registered`);
    }
    const text = doc.getText();
    const offset = text.indexOf('2150502');
    const csv = await vscode.commands.executeCommand('budgetTables.server.export', { uri: doc.uri.toString(), format: 'csv', offset });
    assert.ok(csv && csv.ok, JSON.stringify(csv));
    assert.equal(csv.encoding, 'text');
    assert.match(csv.data, /2150502,/);
    const back = await vscode.commands.executeCommand('budgetTables.server.import', { name: 'table.csv', content: csv.data, encoding: 'text' });
    assert.ok(back && back.ok, JSON.stringify(back));
    assert.match(back.text, /\n2150502 \| /);
  });
});
