/** What every editor feature of the language server shares: the connection, the documents and their analyses. */
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../analysis';
import type { Locale } from '../i18n/messages';
import { KnowledgeBase } from '../knowledge/base';
import { LineIndex } from '../syntax/positions';

export interface Settings {
  roundingDiagnostics: boolean;
}

export interface Analyzed {
  version: number;
  analysis: Analysis;
  lines: LineIndex;
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
  // ---

  constructor(readonly connection: Connection, readonly documents: TextDocuments<TextDocument>) {}

  /** The analysis of the document's current version (computed at most once per version). */
  analyzed(doc: TextDocument): Analyzed {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    const t0 = performance.now();
    const analysis = analyze(text, { locale: this.locale, roundingTails: true, knowledge: this.knowledge.forDocument(doc.uri) });
    const a: Analyzed = { version: doc.version, analysis, lines: new LineIndex(text), took: performance.now() - t0 };
    this.cache.set(doc.uri, a);
    return a;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  invalidateAll(): void {
    this.cache.clear();
  }
}
