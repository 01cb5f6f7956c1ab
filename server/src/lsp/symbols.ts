/**
 * Document symbols: the outline (../navigation/outline), hierarchical for clients that support it (VS Code's
 * outline and breadcrumbs), else flat with each symbol's container named.
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { editorMessages } from '../i18n/editor';
import { diagnosticSource } from '../i18n/messages';
import { outline, type OutlineKind, type OutlineSymbol } from '../navigation/outline';
import type { Positions } from '../syntax/positions';
import type { ServerContext } from './context';
import type { Feature } from './features';

const KIND: Record<OutlineKind, SymbolKind> = {
  header: SymbolKind.Module,
  field: SymbolKind.Property,
  table: SymbolKind.Struct,
  form: SymbolKind.Class,
  part: SymbolKind.Namespace,
  row: SymbolKind.EnumMember,
  fields: SymbolKind.Namespace,
  rules: SymbolKind.Namespace,
  rule: SymbolKind.Operator,
  notes: SymbolKind.Namespace,
  note: SymbolKind.String,
  glossary: SymbolKind.Module,
  term: SymbolKind.Key,
  narrative: SymbolKind.Module,
  heading: SymbolKind.String,
};

function toSymbol(s: OutlineSymbol, lines: Positions): DocumentSymbol {
  const d: DocumentSymbol = {
    name: s.name,
    kind: KIND[s.kind],
    range: { start: lines.position(s.span.start), end: lines.position(s.span.end) },
    selectionRange: { start: lines.position(s.selection.start), end: lines.position(s.selection.end) },
    children: s.children.map((c) => toSymbol(c, lines)),
  };
  if (s.detail) d.detail = s.detail;
  return d;
}

function flatten(list: DocumentSymbol[], uri: string, container: string | undefined, out: SymbolInformation[]): SymbolInformation[] {
  for (const s of list) {
    const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
    if (container) info.containerName = container;
    out.push(info);
    if (s.children) flatten(s.children, uri, s.name, out);
  }
  return out;
}

export function symbolsFeature(ctx: ServerContext): Feature {
  ctx.connection.onDocumentSymbol((params): DocumentSymbol[] | SymbolInformation[] | null => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const an = ctx.analyzed(doc);
    const symbols = outline(an.analysis, editorMessages(ctx.locale), ctx.locale).map((s) => toSymbol(s, an.lines));
    if (ctx.clientCapabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport) return symbols;
    return flatten(symbols, doc.uri, undefined, []);
  });
  // The label is read when the capabilities are sent, after initialize set the locale.
  return { capabilities: { documentSymbolProvider: { get label() { return diagnosticSource(ctx.locale); } } } };
}
