/**
 * The extension in VS Code for the Web (vscode.dev, github.dev): the same client, the language server in a web worker
 * (dist/web/server.js, built from server/src/mainBrowser.ts). Nothing this file loads may need Node.
 */
import { Uri, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { activateClient } from './activate';

// The web extension host's Worker (the DOM typings are not part of this project's `lib`).
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[2];

let client: BaseLanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const main = Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  client = await activateClient(context, (id, name, options) => new LanguageClient(id, name, new Worker(main.toString(true)), options));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
