/** The VS Code extension: starts the language server over IPC for `.budget` documents. Thin on purpose. */
import * as path from 'node:path';
import { type ExtensionContext, workspace } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCatalogImport } from './catalog';
import { registerInterchange } from './interchange';
import { registerPreview } from './preview/index';
import { registerTasks } from './tasks';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'budget' }],
    synchronize: { configurationSection: 'budgetTables', fileEvents: workspace.createFileSystemWatcher('**/*.budget') },
  };
  client = new LanguageClient('budgetTables', '预决算公开表', serverOptions, clientOptions);
  registerCatalogImport(context);
  registerInterchange(context, client);
  registerPreview(context, client);
  context.subscriptions.push(registerTasks());
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
