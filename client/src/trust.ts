/**
 * Workspace trust. In Restricted Mode the extension runs with one limit (the manifest's `untrustedWorkspaces`
 * says so in VS Code's Restricted Mode view): catalog files inside the workspace are not read. VS Code itself ignores
 * the workspace's `budgetTables.catalogFiles` (a restricted setting); the server, told the trust state at start and
 * when it is granted, refuses catalog files inside the workspace folders whatever names them. The status-bar item
 * says so while the workspace is untrusted (./preview/status.ts).
 *
 * The server also needs to know who wrote the `catalogFiles` it gets: an entry from the workspace's settings (which
 * came with the folder) may not leave the folder, one from the user's settings may. The settings it pulls carry
 * `catalogFilesFrom` (see server/src/workspace/protocol.ts), added here.
 */
import { Uri, workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient, Middleware } from 'vscode-languageclient';
import { TRUST_NOTIFICATION, type CatalogFilesOrigin } from '../../server/src/workspace/protocol';

export function registerTrust(context: ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(workspace.onDidGrantWorkspaceTrust(() => {
    if (client.isRunning()) void client.sendNotification(TRUST_NOTIFICATION, { trusted: true });
  }));
}

/** Where VS Code found the `catalogFiles` that apply to `scope`: the workspace's settings, or the user's. */
export function catalogFilesOrigin(scope: Uri | undefined): CatalogFilesOrigin {
  // In Restricted Mode VS Code ignores the workspace's value of a restricted setting: what applies is the user's.
  if (!workspace.isTrusted) return 'user';
  const i = workspace.getConfiguration('budgetTables', scope).inspect<string[]>('catalogFiles');
  return i?.workspaceFolderValue !== undefined || i?.workspaceValue !== undefined ? 'workspace' : 'user';
}

/** Adds `catalogFilesFrom` to every `budgetTables` section the server pulls (`workspace/configuration`). */
export const configurationMiddleware: NonNullable<Middleware['workspace']>['configuration'] = async (params, token, next) => {
  const answers = await next(params, token);
  if (!Array.isArray(answers)) return answers;
  return answers.map((value: unknown, i) => {
    const item = params.items[i];
    if (item?.section !== 'budgetTables' || !value || typeof value !== 'object') return value;
    return { ...value, catalogFilesFrom: catalogFilesOrigin(item.scopeUri ? Uri.parse(item.scopeUri) : undefined) };
  });
};
