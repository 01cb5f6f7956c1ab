/**
 * The server's documents: each keeps its text in its analyzer (../analysis `DocumentAnalyzer`: sections of lines)
 * and takes the editor's changes as edits, so a keystroke makes no new copy of the text: the line it touches is made
 * again, and the analysis brings the edit in by the smallest unit it allows. The whole text is joined only when a
 * feature asks for it (`getText`), once per version. Positions come from the sections' lines.
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { DocumentAnalyzer, type AnalysisOptions } from '../analysis';
import { LineIndex, type Position, type Positions } from '../syntax/positions';

type Range = { start: Position; end: Position };

export class EditedDocument implements TextDocument {
  private analyzer?: DocumentAnalyzer;
  /** The text, while no analyzer holds it (before the first analysis). */
  private text?: string;
  private own?: LineIndex;

  constructor(readonly uri: string, readonly languageId: string, public version: number, text: string) {
    this.text = text;
  }

  /** The document's analyzer, made with `options` the first time (its options stay). */
  analyzerWith(options: () => AnalysisOptions): DocumentAnalyzer {
    if (!this.analyzer) {
      this.analyzer = new DocumentAnalyzer(options());
      this.analyzer.open(this.text ?? '');
      this.text = undefined;
      this.own = undefined;
    }
    return this.analyzer;
  }

  private get positions(): Positions {
    return this.analyzer ? this.analyzer.positions() : (this.own ??= new LineIndex(this.text ?? ''));
  }

  getText(range?: Range): string {
    const text = this.analyzer ? this.analyzer.text : this.text ?? '';
    if (!range) return text;
    return text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    return this.positions.position(offset);
  }

  offsetAt(position: Position): number {
    return this.positions.offset(position);
  }

  get lineCount(): number {
    return this.positions.lineCount;
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = this.offsetAt({ line, character: 0 });
    const end = this.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const end = this.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
    const next = line + 1 < this.lineCount ? this.offsetAt({ line: line + 1, character: 0 }) : end;
    return this.getText().slice(end, next);
  }

  /** The options read live (budget-tables.json: thresholds, standard set) changed: the analyzer assembles again, or starts afresh. */
  optionsChanged(): void {
    this.analyzer?.optionsChanged();
  }

  /** The knowledge the code checks use changed: the analyzer redoes its code findings. */
  knowledgeChanged(): void {
    this.analyzer?.knowledgeChanged();
  }

  /** The editor's changes, in order, as edits of the text. */
  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const c of changes) {
      if ('range' in c && c.range) {
        const start = this.offsetAt(c.range.start);
        const end = Math.max(start, this.offsetAt(c.range.end));
        if (this.analyzer) this.analyzer.edit(start, end, c.text);
        else {
          const t = this.text ?? '';
          this.text = t.slice(0, start) + c.text + t.slice(end);
          this.own = undefined;
        }
      } else if (this.analyzer) this.analyzer.open(c.text);
      else {
        this.text = c.text;
        this.own = undefined;
      }
    }
    this.version = version;
  }
}

/** How the protocol's document manager makes and changes documents (`new TextDocuments(editedDocuments)`). */
export const editedDocuments: ConstructorParameters<typeof TextDocuments<EditedDocument>>[0] = {
  create: (uri, languageId, version, content) => new EditedDocument(uri, languageId, version, content),
  update: (doc, changes, version) => {
    doc.update(changes, version);
    return doc;
  },
};
