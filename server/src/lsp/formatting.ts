/**
 * Document and range formatting: aligns the cells of every table part (../format). When the formatter's safety check
 * refuses (the result would change what the document says), no edit is returned and the user is told why.
 */
import type { Connection, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatDocument, type FormatOptions, type FormatRefusal } from '../format/index';
import { editorMessages, formatRefusalMessage } from '../i18n/editor';
import type { Locale } from '../i18n/messages';
import type { ServerContext } from './context';
import type { Feature } from './features';
import { showWarning } from './guard';

function edits(ctx: ServerContext, doc: TextDocument, options: FormatOptions): TextEdit[] {
  const { analysis, lines } = ctx.analyzed(doc);
  const result = formatDocument(analysis, options);
  if (result.refused) {
    warn(ctx.connection, ctx.locale, result.refused);
    return [];
  }
  return result.edits.map((e) => ({ range: { start: lines.position(e.span.start), end: lines.position(e.span.end) }, newText: e.text }));
}

function warn(connection: Connection, locale: Locale, why: FormatRefusal): void {
  const m = editorMessages(locale);
  showWarning(connection, formatRefusalMessage(m, why));
}

export function formattingFeature(ctx: ServerContext): Feature {
  ctx.connection.onDocumentFormatting((params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    return doc ? edits(ctx, doc, {}) : null;
  });
  ctx.connection.onDocumentRangeFormatting((params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const { start, end } = params.range;
    // A selection of whole lines ends at the start of the next line: that line is not part of it.
    const last = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
    return edits(ctx, doc, { lines: { start: start.line, end: last } });
  });
  return { capabilities: { documentFormattingProvider: true, documentRangeFormattingProvider: true } };
}
