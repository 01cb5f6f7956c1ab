/** The preview panel, its command and serializer, and the status-bar item: registered from `activate` in one call. */
import { commands, window, type ExtensionContext, type Uri } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PREVIEW_VIEW_TYPE, PreviewManager } from './panel';
import { registerStatusItem } from './status';

export function registerPreview(context: ExtensionContext, client: LanguageClient): void {
  const previews = new PreviewManager(context, client);
  context.subscriptions.push(
    previews,
    commands.registerCommand('budgetTables.showPreview', (resource?: Uri) => previews.show(resource)),
    window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, previews),
    registerStatusItem(client, () => previews.activeUri),
  );
}
