/** The VS Code extension: starts the language server over IPC for `.budget` documents. Thin on purpose. */
import * as path from 'node:path';
import { commands, ConfigurationTarget, env, type ExtensionContext, window, workspace } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerInterchange } from './interchange';
import { registerPreview } from './preview/index';

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
  context.subscriptions.push(commands.registerCommand('budgetTables.importCatalog', importCatalog));
  registerInterchange(context, client);
  registerPreview(context, client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Picks a CSV/XLSX catalog and adds it to `budgetTables.catalogFiles` (workspace-relative when it lies inside). */
async function importCatalog(): Promise<void> {
  const picked = await window.showOpenDialog({ canSelectMany: false, filters: { 'CSV / XLSX': ['csv', 'xlsx'] } });
  if (!picked?.length) return;
  const folder = workspace.getWorkspaceFolder(picked[0]);
  const entry = folder ? path.relative(folder.uri.fsPath, picked[0].fsPath) : picked[0].fsPath;
  const config = workspace.getConfiguration('budgetTables');
  const files = config.get<string[]>('catalogFiles') ?? [];
  if (!files.includes(entry)) {
    const target = workspace.workspaceFolders?.length ? ConfigurationTarget.Workspace : ConfigurationTarget.Global;
    await config.update('catalogFiles', [...files, entry], target);
  }
  const en = /^en\b/i.test(env.language);
  void window.showInformationMessage(en ? `Catalog added to budgetTables.catalogFiles: ${entry}` : `已将科目目录加入 budgetTables.catalogFiles：${entry}`);
}
