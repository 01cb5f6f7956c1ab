/** What every editor feature of the language server shares: the connection, the documents and their analyses. */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../analysis';
import type { Locale } from '../i18n/messages';
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

  constructor(readonly connection: Connection, readonly documents: TextDocuments<TextDocument>) {}

  /** The analysis of the document's current version (computed at most once per version). */
  analyzed(doc: TextDocument): Analyzed {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    const t0 = performance.now();
    const analysis = analyze(text, { locale: this.locale, roundingTails: true });
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
