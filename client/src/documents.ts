/**
 * New documents: *New File… → 预决算公开表文档* (`budgetTables.newFile`: an untitled `.budget` document with the header
 * every disclosure starts with, as a snippet to fill in) and the walkthrough's sample (`budgetTables.openSample`:
 * samples/sample.budget, shipped with the extension, opened as an untitled copy so that editing it changes nothing).
 */
import { commands, SnippetString, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { decodeText } from '../../server/src/util/decode';

/** The header of a new document: department, year, budget or final accounts, unit. */
export function newFileTemplate(year: number): string {
  return [
    `# \${1:部门名称} \${2:${year}} 年部门\${3|预算,决算|}`,
    '部门：${1}',
    '年度：${2}',
    '类型：${3}',
    '金额单位：${4|万元,元|}',
    '',
    '$0',
  ].join('\n');
}

export function registerDocuments(context: ExtensionContext): void {
  context.subscriptions.push(
    commands.registerCommand('budgetTables.newFile', async () => {
      const doc = await workspace.openTextDocument({ language: 'budget', content: '' });
      const editor = await window.showTextDocument(doc);
      await editor.insertSnippet(new SnippetString(newFileTemplate(new Date().getFullYear())));
    }),
    commands.registerCommand('budgetTables.openSample', async () => {
      const bytes = await workspace.fs.readFile(Uri.joinPath(context.extensionUri, 'samples', 'sample.budget'));
      const doc = await workspace.openTextDocument({ language: 'budget', content: decodeText(bytes) });
      await window.showTextDocument(doc);
    }),
  );
}
