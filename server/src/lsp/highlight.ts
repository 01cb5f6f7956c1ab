/** Document highlights (../navigation/highlight): a rule's targets and terms, a figure's relations, a code's rows. */
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import { highlightsAt, type HighlightKind } from '../navigation/highlight';
import type { ServerContext } from './context';
import type { Feature } from './features';

const KIND: Record<HighlightKind, DocumentHighlightKind> = {
  text: DocumentHighlightKind.Text,
  read: DocumentHighlightKind.Read,
  write: DocumentHighlightKind.Write,
};

export function highlightFeature(ctx: ServerContext): Feature {
  ctx.connection.onDocumentHighlight((params): DocumentHighlight[] | null => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const an = ctx.analyzed(doc);
    return highlightsAt(an.analysis, an.lines.offset(params.position)).map((h) => ({
      range: { start: an.lines.position(h.span.start), end: an.lines.position(h.span.end) },
      kind: KIND[h.kind],
    }));
  });
  return { capabilities: { documentHighlightProvider: true } };
}
