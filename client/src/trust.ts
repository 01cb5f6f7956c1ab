/**
 * Workspace trust. In Restricted Mode the extension runs with one limit (the manifest's `untrustedWorkspaces`
 * says so in VS Code's Restricted Mode view): catalog files inside the workspace are not read. VS Code itself ignores
 * the workspace's `budgetTables.catalogFiles` (a restricted setting); the server, told the trust state at start and
 * when it is granted, refuses catalog files inside the workspace folders whatever names them. The status-bar item
 * says so while the workspace is untrusted (./preview/status.ts).
 */
import { workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { TRUST_NOTIFICATION } from '../../server/src/workspace/protocol';

export function registerTrust(context: ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(workspace.onDidGrantWorkspaceTrust(() => {
    if (client.isRunning()) void client.sendNotification(TRUST_NOTIFICATION, { trusted: true });
  }));
}
