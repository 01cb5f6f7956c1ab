/** The extension on the desktop (and code-server): the language server runs in a Node process, over IPC. */
import { type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { activateClient } from './activate';
import { registerTasks } from './tasks';

let client: BaseLanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = await activateClient(context, (id, name, options) => new LanguageClient(id, name, serverOptions, options));
  // The budget-check task type runs the CLI in a shell: the desktop only (VS Code for the Web has no shell).
  context.subscriptions.push(registerTasks());
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
