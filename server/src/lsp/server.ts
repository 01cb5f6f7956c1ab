/**
 * The language server: a thin adapter from LSP to the analysis core.
 * Runs over IPC for the VS Code extension and over stdio (`budget-language-server --stdio`) for any other editor.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editorMessages } from '../i18n/editor';
import { localeOf } from '../i18n/messages';
import { VERSION } from '../version';
import { ServerContext } from './context';
import { registerDiagnostics } from './diagnostics';
import { features } from './features';
import { workspacePaths } from './knowledge';

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const ctx = new ServerContext(connection, documents);
  const registered = features.map((f) => f(ctx));

  connection.onInitialize((params): InitializeResult => {
    ctx.locale = localeOf(params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale);
    ctx.workspaceFolders = workspacePaths(params);
    ctx.clientCapabilities = params.capabilities ?? {};
    const capabilities: InitializeResult['capabilities'] = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    };
    for (const r of registered) Object.assign(capabilities, r.capabilities);
    if (ctx.commands.size) capabilities.executeCommandProvider = { commands: [...ctx.commands.keys()] };
    return { capabilities, serverInfo: { name: 'budget-language-server', version: VERSION } };
  });

  // Every feature's commands, answered here (one handler per connection).
  connection.onExecuteCommand(async (params) => {
    const run = ctx.commands.get(params.command);
    return run ? run(params.arguments ?? []) : { ok: false, message: editorMessages(ctx.locale).unknownCommand(params.command) };
  });

  const diagnostics = registerDiagnostics(ctx);
  ctx.refreshDiagnostics = () => diagnostics.refresh();

  connection.onInitialized(() => {
    for (const l of ctx.initializedListeners) l();
    void refreshSettings();
  });
  const refreshSettings = async () => {
    try {
      const s = (await connection.workspace.getConfiguration('budgetTables')) as { roundingDiagnostics?: boolean } | null;
      if (s && typeof s.roundingDiagnostics === 'boolean') ctx.settings.roundingDiagnostics = s.roundingDiagnostics;
      if (s) for (const l of ctx.settingsListeners) l(s);
    } catch {
      // The client does not support workspace/configuration: keep the defaults.
    }
    diagnostics.refresh();
  };
  connection.onDidChangeConfiguration((change) => {
    const s = (change.settings as { budgetTables?: { roundingDiagnostics?: boolean } } | null)?.budgetTables;
    if (s) for (const l of ctx.settingsListeners) l(s);
    if (s && typeof s.roundingDiagnostics === 'boolean') {
      ctx.settings.roundingDiagnostics = s.roundingDiagnostics;
      diagnostics.refresh();
    } else void refreshSettings();
  });

  documents.listen(connection);
  connection.listen();
}
