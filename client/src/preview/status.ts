/**
 * The status-bar item: for the active `.budget` document (or the one the focused preview shows),
 * `$(error) 2  $(warning) 1  尾差 5`, counted by the server (`budgetTables/summary`, 尾差 included even when the
 * editor hides them); a click opens the Problems panel. Hidden for other documents. Re-asked when diagnostics change
 * and when the active editor changes. In Restricted Mode it says so, and its tooltip says what is limited.
 */
import { env, languages, StatusBarAlignment, window, workspace, type Disposable, type Uri } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { clientMessages } from '../../../server/src/i18n/client';
import { editorMessages } from '../../../server/src/i18n/editor';
import { localeOf } from '../../../server/src/i18n/messages';
import { SUMMARY_REQUEST, type SummaryResponse } from '../../../server/src/preview/protocol';
import { isBudget, whenRunning } from './panel';

export function statusText(s: Pick<SummaryResponse, 'errors' | 'warnings' | 'tails' | 'text'>, restricted?: string): string {
  return `$(error) ${s.errors}  $(warning) ${s.warnings}  ${s.text.tails} ${s.tails}${restricted ? `  $(workspace-untrusted) ${restricted}` : ''}`;
}

export function registerStatusItem(client: LanguageClient, previewed: () => Uri | undefined): Disposable {
  const item = window.createStatusBarItem('budgetTables.summary', StatusBarAlignment.Left, 10);
  item.name = editorMessages(localeOf(env.language)).statusName;
  item.command = 'workbench.actions.view.problems';
  let timer: NodeJS.Timeout | undefined;
  let asked = 0;

  const target = (): Uri | undefined => {
    const doc = window.activeTextEditor?.document;
    return isBudget(doc) ? doc.uri : previewed();
  };

  const refresh = async () => {
    const uri = target();
    if (!uri) { item.hide(); return; }
    const ask = ++asked;
    let s: SummaryResponse | null = null;
    try {
      await whenRunning(client);
      s = await client.sendRequest<SummaryResponse | null>(SUMMARY_REQUEST, { uri: client.code2ProtocolConverter.asUri(uri) });
    } catch {
      s = null;
    }
    if (ask !== asked) return; // a newer refresh is under way
    if (!s || target()?.toString() !== uri.toString()) { if (!s) item.hide(); return; }
    // Restricted Mode says what it limits, where the user looks for the document's state.
    const m = clientMessages(localeOf(env.language));
    item.text = statusText(s, workspace.isTrusted ? undefined : m.restrictedStatus);
    item.tooltip = workspace.isTrusted ? s.text.tooltip : `${s.text.tooltip}\n\n${m.restricted}`;
    item.show();
  };
  const schedule = (delay = 100) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = undefined; void refresh(); }, delay);
  };

  const subs = [
    item,
    window.onDidChangeActiveTextEditor(() => schedule(0)),
    // The preview taking the focus leaves no active text editor: the tab change says so.
    window.tabGroups.onDidChangeTabs(() => schedule(0)),
    workspace.onDidGrantWorkspaceTrust(() => schedule(0)),
    languages.onDidChangeDiagnostics((e) => {
      const uri = target()?.toString();
      if (uri && e.uris.some((u) => u.toString() === uri)) schedule();
    }),
  ];
  schedule(0);
  return { dispose: () => { if (timer) clearTimeout(timer); for (const s of subs) s.dispose(); } };
}
