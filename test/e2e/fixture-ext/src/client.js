// Stand-in client: starts the stand-in language server over IPC, like the real extension does.
const path = require('node:path');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
let client;
exports.activate = async (context) => {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  client = new LanguageClient('budgetTablesFixture', '预决算公开表 (stand-in)',
    { run: { module, transport: TransportKind.ipc }, debug: { module, transport: TransportKind.ipc } },
    { documentSelector: [{ language: 'budget' }] });
  await client.start();
};
exports.deactivate = async () => { await client?.stop(); };
