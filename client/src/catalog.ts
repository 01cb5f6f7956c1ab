/** The command that adds a subject-code catalog (CSV/XLSX) to `budgetTables.catalogFiles`; the server loads it. */
import * as path from 'node:path';
import { commands, ConfigurationTarget, env, type ExtensionContext, window, workspace } from 'vscode';

export function registerCatalogImport(context: ExtensionContext): void {
  context.subscriptions.push(commands.registerCommand('budgetTables.importCatalog', importCatalog));
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
