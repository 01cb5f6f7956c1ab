/**
 * The language server: a thin adapter from LSP to the analysis core. The same server runs in a Node process (over IPC
 * for the VS Code extension, over stdio — `budget-language-server --stdio` — for any other editor; ../main.ts) and in
 * a web worker for VS Code in the browser (../mainBrowser.ts). The entry points differ only in the connection and the
 * `ServerHost`: how files are read and where the shipped data comes from.
 */
import {
  DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind, type ConfigurationItem, type Connection, type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { editorMessages } from '../i18n/editor';
import { localeOf } from '../i18n/messages';
import type { ShippedKnowledge } from '../knowledge/shipped';
import type { FileSystem } from '../workspace/fileSystem';
import { Workspace, type ExcludeSetting } from '../workspace/workspace';
import { TRUST_NOTIFICATION, type InitializationOptions } from '../workspace/protocol';
import { clientFileSystem, routedFileSystem } from './clientFiles';
import { ServerContext, type FolderSettings } from './context';
import { VERSION } from '../version';
import { registerDiagnostics } from './diagnostics';
import { editedDocuments } from './documents';
import { features } from './features';

export interface ServerHost {
  /** How `file:` URIs are read (the Node server: `fs`); other schemes, and all of them without it, ask the client. */
  localFiles?: FileSystem;
  /** The data the product ships (`data/` on disk, or bundled into the web worker). */
  shipped: ShippedKnowledge;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(editedDocuments);
  const routed = routedFileSystem(host.localFiles);
  const ctx = new ServerContext(connection, documents, new Workspace(routed));
  ctx.knowledge.setShipped(host.shipped.records, host.shipped.glossary, host.shipped.columns);
  const registered = features.map((f) => f(ctx));

  connection.onInitialize((params): InitializeResult => {
    const options = (record(params.initializationOptions) ?? {}) as InitializationOptions;
    ctx.locale = localeOf(params.locale ?? options.locale);
    ctx.clientCapabilities = params.capabilities ?? {};
    if (options.workspaceFiles === true) routed.client = clientFileSystem(connection);
    if (typeof options.trusted === 'boolean') ctx.trusted = options.trusted;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    ctx.files.setFolders(folders);
    const capabilities: InitializeResult['capabilities'] = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    for (const r of registered) Object.assign(capabilities, r.capabilities);
    if (ctx.commands.size) capabilities.executeCommandProvider = { commands: [...ctx.commands.keys()] };
    return { capabilities, serverInfo: { name: 'budget-language-server', version: VERSION } };
  });

  // Every feature's commands, answered here (one handler per connection).
  connection.onExecuteCommand(async (params, token) => {
    const run = ctx.commands.get(params.command);
    return run ? run(params.arguments ?? [], token) : { ok: false, message: editorMessages(ctx.locale).unknownCommand(params.command) };
  });

  const diagnostics = registerDiagnostics(ctx);
  ctx.refreshDiagnostics = () => diagnostics.refresh();

  // --- settings: pulled (`workspace/configuration`, each folder as `scopeUri`) when the client can answer, else as
  // pushed in `workspace/didChangeConfiguration` (one set for every folder).
  const applyGlobal = (s: Record<string, unknown>) => {
    if (typeof s.roundingDiagnostics === 'boolean') ctx.settings.roundingDiagnostics = s.roundingDiagnostics;
    for (const l of ctx.settingsListeners) l(s);
  };
  const foldersChanged = () => {
    for (const l of ctx.foldersListeners) l();
  };
  let pulls = 0;
  /** Pulls the settings (when the client can answer), then tells the folders' listeners (who scan with them). */
  const pullSettings = async () => {
    if (!ctx.clientCapabilities.workspace?.configuration) return foldersChanged();
    const ask = ++pulls;
    const folders = [...ctx.files.folders];
    const items: ConfigurationItem[] = [{ section: 'budgetTables' }];
    for (const f of folders) items.push({ scopeUri: f, section: 'budgetTables' }, { scopeUri: f, section: 'files.exclude' });
    let answers: unknown[] | undefined;
    try {
      answers = (await connection.workspace.getConfiguration(items)) as unknown[];
    } catch {
      // the client could not answer: keep what we have
    }
    if (ask !== pulls) return; // a newer pull is under way
    if (answers) {
      const next = new Map<string, FolderSettings>();
      folders.forEach((f, i) => next.set(f, { budgetTables: record(answers[1 + 2 * i]) ?? {}, exclude: (record(answers[2 + 2 * i]) ?? {}) as ExcludeSetting }));
      ctx.folderSettings = next;
      applyGlobal(record(answers[0]) ?? {});
    }
    foldersChanged();
    diagnostics.refresh();
  };

  connection.onInitialized(() => {
    const caps = ctx.clientCapabilities.workspace;
    // Told of every change of our settings (and of files.exclude), then pulled: the client sends no values.
    if (caps?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: ['budgetTables', 'files.exclude'] }).catch(() => undefined);
    }
    if (caps?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const gone = new Set(e.removed.map((f: WorkspaceFolder) => f.uri));
        ctx.files.setFolders([...ctx.files.folders.filter((f) => !gone.has(f)), ...e.added.map((f: WorkspaceFolder) => f.uri)]);
        for (const f of [...ctx.folderSettings.keys()]) if (!ctx.files.folders.includes(f)) ctx.folderSettings.delete(f);
        void pullSettings();
      });
    }
    for (const l of ctx.initializedListeners) l();
    // The first pull (or, without one, at once) tells the folders' listeners: the workspace is scanned with the
    // folders' files.exclude known.
    void pullSettings();
  });
  connection.onDidChangeConfiguration((change) => {
    const pushed = record(record(change.settings)?.budgetTables);
    if (pushed && !ctx.clientCapabilities.workspace?.configuration) {
      applyGlobal(pushed);
      diagnostics.refresh();
    } else void pullSettings();
  });

  // --- files the client watches (`.budget` files, catalogs, budget-tables.json): every feature that cares listens
  connection.onDidChangeWatchedFiles(async (p) => {
    for (const l of ctx.fileChangeListeners) await l(p.changes);
  });

  // --- workspace trust (VS Code's Restricted Mode), as the client reports it
  connection.onNotification(TRUST_NOTIFICATION, (p: unknown) => {
    const trusted = record(p)?.trusted;
    if (typeof trusted !== 'boolean' || trusted === ctx.trusted) return;
    ctx.trusted = trusted;
    for (const l of ctx.trustListeners) l();
  });

  documents.listen(connection);
  connection.listen();
}
