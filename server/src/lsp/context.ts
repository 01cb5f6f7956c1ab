/** What every editor feature of the language server shares: the connection, the documents and their analyses. */
import type { CancellationToken, ClientCapabilities, Connection, FileEvent, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, AnalysisOptions } from '../analysis';
import type { Finding } from '../checks/finding';
import { applyRuleSettings, type ProjectConfig } from '../config/project';
import type { Locale } from '../i18n/messages';
import { KnowledgeBase } from '../knowledge/base';
import type { Catalog } from '../knowledge/catalog';
import type { CodeKnowledge } from '../knowledge/index';
import type { Positions } from '../syntax/positions';
import { NO_FILES } from '../workspace/fileSystem';
import { Workspace, type ExcludeSetting } from '../workspace/workspace';
import { EditedDocument } from './documents';

export interface Settings {
  roundingDiagnostics: boolean;
}

/** What the server pulls per workspace folder (`workspace/configuration` with the folder as `scopeUri`). */
export interface FolderSettings {
  /** The folder's `budgetTables` settings (its `catalogFiles` are resource-scoped). */
  budgetTables: Record<string, unknown>;
  /** The folder's `files.exclude`, honoured by the workspace scan. */
  exclude: ExcludeSetting;
}

export interface Analyzed {
  version: number;
  analysis: Analysis;
  lines: Positions;
  /** The document's lines' shape (`DocumentAnalyzer.layout`): the same, and a span's offsets give the same positions. */
  layout: number;
  /** Milliseconds the analysis took. */
  took: number;
}

export class ServerContext {
  locale: Locale = 'zh';
  settings: Settings = { roundingDiagnostics: true };
  private readonly cache = new Map<string, Analyzed>();
  // --- subject-code knowledge (lsp/knowledge.ts keeps it up to date) ---
  /** Catalogs by fiscal year, glossaries, and the codes of the workspace's `.budget` files. */
  readonly knowledge = new KnowledgeBase();
  /** Whether the user trusts the workspace (VS Code's workspace trust; a client that does not say: trusted). */
  trusted = true;
  /** Called when the trust state changes. */
  readonly trustListeners: (() => void)[] = [];
  /** Each workspace folder's `budget-tables.json`, by folder URI (./projectConfig.ts keeps it). */
  readonly projectConfigs = new Map<string, { uri: string; config: ProjectConfig }>();
  /** Called when a folder's `budget-tables.json` changed. */
  readonly configListeners: (() => void)[] = [];
  /** Called with the files the client reports created, changed or deleted (`workspace/didChangeWatchedFiles`). */
  readonly fileChangeListeners: ((changes: FileEvent[]) => Promise<void> | void)[] = [];
  /** Each workspace folder's settings, by folder URI (empty until pulled; a client without the pull model: none). */
  folderSettings = new Map<string, FolderSettings>();
  /**
   * Called once the folders' settings are known (after `initialized`: the first pull, or at once for a client that
   * cannot answer it), and whenever the workspace folders or their settings change.
   */
  readonly foldersListeners: (() => void)[] = [];
  /** What the client said it supports (from initialize): hierarchical symbols, location links … */
  clientCapabilities: ClientCapabilities = {};
  /** Called with the `budgetTables` settings whenever the server reads them. */
  readonly settingsListeners: ((settings: Record<string, unknown>) => void)[] = [];
  /** Called once the client has said `initialized`. */
  readonly initializedListeners: (() => void)[] = [];
  /** Re-publishes the diagnostics of every open document (set by the server). */
  refreshDiagnostics: () => void = () => {};
  /** `workspace/executeCommand` handlers by command, which features add (the server answers them all in one place). */
  readonly commands = new Map<string, (args: unknown[], token?: CancellationToken) => unknown>();
  // ---

  /**
   * @param files the workspace folders and the file system the server reads them through (the Node server: `fs` for
   * `file:` URIs; the web-worker server: the client)
   */
  constructor(readonly connection: Connection, readonly documents: TextDocuments<EditedDocument>, readonly files = new Workspace(NO_FILES)) {
    // Options read live from budget-tables.json (the narrative's thresholds, the standard set): the documents are
    // assembled again, or started afresh.
    this.configListeners.push(() => {
      this.cache.clear();
      for (const d of this.documents.all()) d.optionsChanged();
    });
  }

  /**
   * The options a document's analyzer is made with. The knowledge is read live: the folder's catalog is replaced as
   * the catalogs are set, and `knowledgeChanged` tells the analyzers; so are the narrative's thresholds and the
   * project's standard set.
   */
  private optionsFor(uri: string): AnalysisOptions {
    const catalog = () => this.catalogFor(uri);
    const glossary = () => this.knowledge.glossary;
    const knowledge: CodeKnowledge = {
      get catalog() { return catalog(); },
      get glossary() { return glossary(); },
      workspace: this.knowledge.workspace,
      self: uri,
    };
    const config = () => this.projectConfigOf(uri);
    return {
      locale: this.locale, roundingTails: true, knowledge,
      // Read live: `configListeners` tells the analyzers when budget-tables.json changes (the thresholds are read as
      // each version is assembled; a change of the standard set has the document checked afresh).
      get thresholds() { return config()?.thresholds; },
      get standard() { return { set: config()?.standardSet }; },
    };
  }

  /** The project configuration that applies to a document: its workspace folder's `budget-tables.json`, if any. */
  projectConfigOf(uri: string): ProjectConfig | undefined {
    const folder = this.files.folderOf(uri);
    return folder ? this.projectConfigs.get(folder)?.config : undefined;
  }

  /** A document's findings as its project configuration wants them (per-rule severities, rules `off`). */
  configuredFindings(uri: string, findings: Finding[]): Finding[] {
    const config = this.projectConfigOf(uri);
    return config ? applyRuleSettings(findings, config.rules) : findings;
  }

  /** Whether 尾差 are reported for a document: its `budget-tables.json` says, else the editor's setting. */
  roundingDiagnosticsFor(uri: string): boolean {
    return this.projectConfigOf(uri)?.roundingDiagnostics ?? this.settings.roundingDiagnostics;
  }

  /** The catalog that applies to a document: its workspace folder's (the folder's `catalogFiles`). */
  catalogFor(uri: string): Catalog {
    return this.knowledge.catalogFor(this.files.folderOf(uri));
  }

  /**
   * The analysis of the document's current version (assembled at most once per version; the document's analyzer
   * has brought each change in as it came). Its positions are the current version's.
   */
  analyzed(doc: TextDocument): Analyzed {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const edited = doc instanceof EditedDocument ? doc : new EditedDocument(doc.uri, doc.languageId, doc.version, doc.getText());
    const t0 = performance.now();
    const analyzer = edited.analyzerWith(() => this.optionsFor(doc.uri));
    const analysis = analyzer.analysis();
    const a: Analyzed = { version: doc.version, analysis, lines: analyzer.positions(), layout: analyzer.layout, took: performance.now() - t0 };
    this.cache.set(doc.uri, a);
    return a;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The catalogs or the workspace's codes changed: each open document's code findings are redone (nothing else). */
  knowledgeChanged(): void {
    this.cache.clear();
    for (const d of this.documents.all()) d.knowledgeChanged();
  }
}
