/**
 * What the extension does on activation, the same on the desktop (./extension.ts: the server in a Node process) and
 * in VS Code for the Web (./browser.ts: the server in a web worker): one language client for `.budget` documents of
 * any scheme, and the commands, views and providers around it. Thin on purpose: every check, completion and hover is
 * the server's.
 */
import { commands, env, window, workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { clientMessages } from '../../server/src/i18n/client';
import { localeOf } from '../../server/src/i18n/messages';
import type { InitializationOptions } from '../../server/src/workspace/protocol';
import { registerCatalogImport } from './catalog';
import { registerDocuments } from './documents';
import { registerInterchange } from './interchange';
import { registerPreview } from './preview/index';
import { configurationMiddleware, registerTrust } from './trust';
import { registerWorkspaceFiles } from './workspaceFiles';

export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

export async function activateClient(context: ExtensionContext, create: ClientFactory): Promise<BaseLanguageClient> {
  const m = clientMessages(localeOf(env.language));
  // A function: a restart tells the server the trust state of that moment.
  const initializationOptions = (): InitializationOptions => ({ locale: env.language, workspaceFiles: true, trusted: workspace.isTrusted });
  const watchers = [workspace.createFileSystemWatcher('**/*.budget'), workspace.createFileSystemWatcher('**/budget-tables.json')];
  context.subscriptions.push(...watchers);
  const client = create('budgetTables', m.clientName, {
    // Every scheme: files, untitled documents, virtual workspaces (vscode-vfs://github/…), the web's file systems.
    documentSelector: [{ language: 'budget' }],
    // Settings are pulled by the server (workspace/configuration, per folder); the files it indexes are watched here.
    synchronize: { fileEvents: watchers },
    initializationOptions,
    diagnosticCollectionName: 'budgetTables',
    middleware: { workspace: { configuration: configurationMiddleware } },
  });
  context.subscriptions.push(
    ...registerWorkspaceFiles(client),
    commands.registerCommand('budgetTables.restartServer', async () => {
      if (client.isRunning()) await client.stop();
      await client.start();
      void window.showInformationMessage(m.restarted);
    }),
  );
  registerTrust(context, client);
  registerCatalogImport(context);
  registerInterchange(context, client);
  registerPreview(context, client);
  registerDocuments(context);
  await client.start();
  return client;
}
