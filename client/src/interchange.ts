/**
 * The editor side of import and export: picks the source or the target, reads and writes the files with
 * `vscode.workspace.fs`, and asks the server (`budgetTables.server.import` / `.export`) for the work.
 */
import { commands, env, type ExtensionContext, ProgressLocation, type QuickPickItem, Range, Selection, type TextEditor, TextEditorRevealType, Uri, window, workspace } from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { editorMessages, type EditorMessages } from '../../server/src/i18n/editor';
import { fromBase64, toBase64 } from '../../server/src/util/base64';
import { baseName } from '../../server/src/workspace/uri';

interface Repair { line: number; message: string; outputLine?: number }
type ImportResult = { ok: true; text: string; repairs: Repair[]; summary: string } | { ok: false; message: string };
type ImportDocumentResult = { ok: true; text: string; summary: string; doubts: { message: string; outputLine: number }[] } | { ok: false; message: string };
type ExportResult = { ok: true; format: 'csv' | 'xlsx'; encoding: 'text' | 'base64'; data: string; tables: string[]; fileName: string } | { ok: false; message: string };

const messages = (): EditorMessages => editorMessages(/^en\b/i.test(env.language) ? 'en' : 'zh');

async function request<T>(client: LanguageClient, command: string, ...args: unknown[]): Promise<T> {
  if (!client.isRunning()) await client.start();
  return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as T;
}

export function registerInterchange(context: ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('budgetTables.importTable', () => importTable(client)),
    commands.registerCommand('budgetTables.exportTable', () => exportTable(client)),
    // From the explorer, the file clicked and every file selected with it (one document published as several PDFs).
    commands.registerCommand('budgetTables.importDocument', (file?: Uri, selected?: Uri[]) => importDocument(client, file, selected)),
  );
}

async function importTable(client: LanguageClient): Promise<void> {
  const m = messages();
  const editor = window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  const items: (QuickPickItem & { id: 'file' | 'selection' | 'clipboard' })[] = [
    { id: 'file', label: m.importFromFile },
    ...(selected ? [{ id: 'selection' as const, label: m.importFromSelection }] : []),
    { id: 'clipboard', label: m.importFromClipboard },
  ];
  const pick = await window.showQuickPick(items, { placeHolder: m.importPickSource });
  if (!pick) return;
  let arg: { name: string; content: string; encoding: 'text' | 'base64'; sheet?: string };
  if (pick.id === 'file') {
    const files = await window.showOpenDialog({ canSelectMany: false, filters: { 'TXT / CSV / XLSX': ['txt', 'tsv', 'csv', 'xlsx'] } });
    if (!files?.length) return;
    const bytes = await workspace.fs.readFile(files[0]);
    arg = { name: baseName(files[0].toString()), content: toBase64(bytes), encoding: 'base64' };
    if (/\.xlsx$/i.test(arg.name)) {
      const sheet = await window.showInputBox({ prompt: m.importPickSheet, value: '' });
      if (sheet === undefined) return;
      if (sheet.trim()) arg.sheet = sheet.trim();
    }
  } else {
    const text = pick.id === 'selection' ? selected : await env.clipboard.readText();
    if (!text.trim()) {
      void window.showWarningMessage(m.importNothing);
      return;
    }
    arg = { name: pick.id === 'selection' ? 'selection.txt' : 'clipboard.txt', content: text, encoding: 'text' };
  }
  const r = await request<ImportResult>(client, 'budgetTables.server.import', arg);
  if (!r.ok) {
    void window.showErrorMessage(r.message);
    return;
  }
  // Into the .budget document at the cursor (replacing the selection it was made from), else a new document.
  let target: TextEditor;
  let firstLine: number;
  if (editor && editor.document.languageId === 'budget') {
    target = editor;
    const sel = editor.selection;
    const line = editor.document.lineAt(sel.start.line);
    const at = pick.id === 'selection' ? sel.start : line.isEmptyOrWhitespace ? line.range.start : line.range.end;
    const lead = pick.id !== 'selection' && !line.isEmptyOrWhitespace ? '\n' : '';
    firstLine = at.line + (lead ? 1 : 0);
    await editor.edit((b) => {
      if (pick.id === 'selection') b.replace(sel, r.text);
      else b.insert(at, lead + r.text);
    });
  } else {
    const doc = await workspace.openTextDocument({ language: 'budget', content: r.text });
    target = await window.showTextDocument(doc);
    firstLine = 0;
  }
  if (!r.repairs.length) {
    void window.showInformationMessage(`${r.summary}（${m.importNoRepairs}）`);
    return;
  }
  if ((await window.showInformationMessage(r.summary, m.importShowRepairs)) !== m.importShowRepairs) return;
  const chosen = await window.showQuickPick(
    r.repairs.map((x) => ({ label: x.message, description: m.importSourceLine(x.line), repair: x })),
    { placeHolder: m.importRepairsTitle, matchOnDescription: true },
  );
  if (!chosen || chosen.repair.outputLine === undefined) return;
  const line = firstLine + chosen.repair.outputLine;
  if (line < target.document.lineCount) {
    const range = target.document.lineAt(line).range;
    target.selection = new Selection(range.start, range.start);
    target.revealRange(new Range(range.start, range.end), TextEditorRevealType.InCenter);
    await window.showTextDocument(target.document, target.viewColumn);
  }
}

/**
 * 从 PDF 导入整份文档…: a PDF (or the text of `pdftotext -layout`) becomes a new `.budget` document, opened in an
 * editor; its doubts are listed on request, each a jump to its line. From the explorer's context menu the files are
 * given (the one clicked and those selected with it); else they are picked. Several files are one document published
 * as several (its text and its tables): the server joins them.
 */
async function importDocument(client: LanguageClient, given?: Uri, selected?: Uri[]): Promise<void> {
  const m = messages();
  let files = Array.isArray(selected) && selected.length > 1 ? selected.filter((u) => u instanceof Uri) : given instanceof Uri ? [given] : [];
  if (!files.length) {
    const picked = await window.showOpenDialog({ canSelectMany: true, title: m.importDocumentPick, filters: { PDF: ['pdf'], 'pdftotext -layout': ['txt'] } });
    if (!picked?.length) return;
    files = picked;
  }
  const contents = await Promise.all(files.map(async (f) => ({ name: baseName(f.toString()), content: toBase64(await workspace.fs.readFile(f)) })));
  const name = contents.map((c) => c.name).join('、');
  const r = await window.withProgress({ location: ProgressLocation.Notification, title: m.importDocumentProgress(name) }, () =>
    request<ImportDocumentResult>(client, 'budgetTables.server.importDocument', ...contents));
  if (!r.ok) {
    void window.showErrorMessage(r.message);
    return;
  }
  const doc = await workspace.openTextDocument({ language: 'budget', content: r.text });
  const editor = await window.showTextDocument(doc);
  if (!r.doubts.length) {
    void window.showInformationMessage(r.summary);
    return;
  }
  if ((await window.showInformationMessage(r.summary, m.importDocumentShowDoubts)) !== m.importDocumentShowDoubts) return;
  const chosen = await window.showQuickPick(
    r.doubts.map((d) => ({ label: d.message, description: `${d.outputLine + 1}`, doubt: d })),
    { placeHolder: m.importDocumentDoubtsTitle, matchOnDescription: true },
  );
  if (!chosen || chosen.doubt.outputLine >= editor.document.lineCount) return;
  const range = editor.document.lineAt(chosen.doubt.outputLine).range;
  editor.selection = new Selection(range.start, range.start);
  editor.revealRange(new Range(range.start, range.end), TextEditorRevealType.InCenter);
}

async function exportTable(client: LanguageClient): Promise<void> {
  const m = messages();
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'budget') {
    void window.showErrorMessage(m.exportNeedsBudget);
    return;
  }
  const items: (QuickPickItem & { format: 'csv' | 'xlsx'; whole: boolean })[] = [
    { label: m.exportTableXlsx, format: 'xlsx', whole: false },
    { label: m.exportTableCsv, format: 'csv', whole: false },
    { label: m.exportDocumentXlsx, format: 'xlsx', whole: true },
  ];
  const pick = await window.showQuickPick(items, { placeHolder: m.exportPick });
  if (!pick) return;
  const doc = editor.document;
  const r = await request<ExportResult>(client, 'budgetTables.server.export', {
    uri: doc.uri.toString(), format: pick.format, ...(pick.whole ? {} : { offset: doc.offsetAt(editor.selection.active) }),
  });
  if (!r.ok) {
    void window.showErrorMessage(r.message);
    return;
  }
  const folder = doc.uri.scheme === 'file' ? Uri.joinPath(doc.uri, '..') : workspace.workspaceFolders?.[0]?.uri;
  const target = await window.showSaveDialog({
    ...(folder ? { defaultUri: Uri.joinPath(folder, r.fileName) } : {}),
    filters: r.format === 'csv' ? { CSV: ['csv'] } : { XLSX: ['xlsx'] },
  });
  if (!target) return;
  const bytes = r.encoding === 'base64' ? fromBase64(r.data) : new TextEncoder().encode(r.data);
  try {
    await workspace.fs.writeFile(target, bytes);
  } catch (e) {
    void window.showErrorMessage(m.interchangeFailed(e instanceof Error ? e.message : String(e)));
    return;
  }
  void window.showInformationMessage(m.exportSaved(target.scheme === 'file' ? target.fsPath : target.toString(true)));
}
