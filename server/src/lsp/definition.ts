/**
 * Go to definition (../navigation/definition): from a reference in a rule to the table, row, column or cell it names;
 * from a 款/项 code to its parent row. Location links (with the reference as origin) for clients that take them.
 */
import type { Definition, LocationLink } from 'vscode-languageserver';
import { definitionAt } from '../navigation/definition';
import type { Span } from '../syntax/ast';
import type { ServerContext } from './context';
import type { Feature } from './features';

export function definitionFeature(ctx: ServerContext): Feature {
  ctx.connection.onDefinition((params): Definition | LocationLink[] | null => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const an = ctx.analyzed(doc);
    const found = definitionAt(an.analysis, an.lines.offset(params.position));
    if (!found) return null;
    const range = (s: Span) => ({ start: an.lines.position(s.start), end: an.lines.position(s.end) });
    if (ctx.clientCapabilities.textDocument?.definition?.linkSupport) {
      return found.targets.map((t) => ({
        originSelectionRange: range(found.origin),
        targetUri: doc.uri,
        targetRange: range(t.span),
        targetSelectionRange: range(t.selection),
      }));
    }
    return found.targets.map((t) => ({ uri: doc.uri, range: range(t.selection) }));
  });
  return { capabilities: { definitionProvider: true } };
}
