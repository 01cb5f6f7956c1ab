/**
 * The command that adds a subject-code catalog (CSV/XLSX) to `budgetTables.catalogFiles`; the server loads it. A file
 * inside a workspace folder is added to that folder's setting as a path relative to it (so the setting travels with
 * the folder); any other file to the user's settings by its path (or URI, in a virtual workspace).
 */
import { commands, ConfigurationTarget, env, window, workspace, type ExtensionContext } from 'vscode';
import { clientMessages } from '../../server/src/i18n/client';
import { localeOf } from '../../server/src/i18n/messages';

export function registerCatalogImport(context: ExtensionContext): void {
  context.subscriptions.push(commands.registerCommand('budgetTables.importCatalog', importCatalog));
}

async function importCatalog(): Promise<void> {
  const m = clientMessages(localeOf(env.language));
  const picked = await window.showOpenDialog({ canSelectMany: false, filters: { [m.catalogFilter]: ['csv', 'xlsx'] } });
  if (!picked?.length) return;
  const file = picked[0];
  const folder = workspace.getWorkspaceFolder(file);
  const entry = folder ? workspace.asRelativePath(file, false) : file.scheme === 'file' ? file.fsPath : file.toString();
  const config = workspace.getConfiguration('budgetTables', folder?.uri);
  // A file in a folder: that folder's own value when there are several folders, else the workspace's (the entry is
  // relative and travels with the folder). A file outside every folder: the user's settings — the server accepts a
  // path that leaves the workspace only from the user (workspace settings come with the folder, see ./trust.ts).
  const target = !folder ? ConfigurationTarget.Global
    : (workspace.workspaceFolders?.length ?? 0) > 1 ? ConfigurationTarget.WorkspaceFolder : ConfigurationTarget.Workspace;
  const inspected = config.inspect<string[]>('catalogFiles');
  const current = (target === ConfigurationTarget.WorkspaceFolder ? inspected?.workspaceFolderValue
    : target === ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  if (!current.includes(entry)) await config.update('catalogFiles', [...current, entry], target);
  void window.showInformationMessage(m.catalogAdded(entry));
}
