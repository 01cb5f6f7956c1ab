/** What every editor feature of the language server shares: the connection, the documents and their analyses. */
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, AnalysisOptions } from '../analysis';
import type { Locale } from '../i18n/messages';
import { KnowledgeBase } from '../knowledge/base';
import type { CodeKnowledge } from '../knowledge/index';
import type { Positions } from '../syntax/positions';
import { EditedDocument } from './documents';

export interface Settings {
  roundingDiagnostics: boolean;
}

export interface Analyzed {
  version: number;
  analysis: Analysis;
  lines: Positions;
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
  /** The workspace folders' paths (from initialize). */
  workspaceFolders: string[] = [];
  /** What the client said it supports (from initialize): hierarchical symbols, location links … */
  clientCapabilities: ClientCapabilities = {};
  /** Called with the `budgetTables` settings whenever the server reads them. */
  readonly settingsListeners: ((settings: Record<string, unknown>) => void)[] = [];
  /** Called once the client has said `initialized`. */
  readonly initializedListeners: (() => void)[] = [];
  /** Re-publishes the diagnostics of every open document (set by the server). */
  refreshDiagnostics: () => void = () => {};
  /** `workspace/executeCommand` handlers by command, which features add (the server answers them all in one place). */
  readonly commands = new Map<string, (args: unknown[]) => unknown>();
  // ---

  constructor(readonly connection: Connection, readonly documents: TextDocuments<EditedDocument>) {}

  /** The options a document's analyzer is made with: the knowledge is read live (catalogs are replaced as set). */
  private optionsFor(uri: string): AnalysisOptions {
    const kb = this.knowledge;
    const knowledge: CodeKnowledge = {
      get catalog() { return kb.catalog; },
      get glossary() { return kb.glossary; },
      workspace: kb.workspace,
      self: uri,
    };
    return { locale: this.locale, roundingTails: true, knowledge };
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
    const a: Analyzed = { version: doc.version, analysis, lines: analyzer.positions(), took: performance.now() - t0 };
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
