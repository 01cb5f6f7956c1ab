/**
 * Semantic tokens (../navigation/tokens): full, delta (against the last full or delta result of the document) and
 * range. Positions are the line index's (UTF-16, `\r\n` aware). The legend's custom types and modifiers are
 * declared in package.json, with the TextMate scopes that let every theme colour them.
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES, type SemanticToken } from '../navigation/tokens';
import type { Span } from '../syntax/ast';
import type { ServerContext } from './context';
import type { Feature } from './features';

export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE_INDEX = new Map<string, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const MODIFIER_BIT = new Map<string, number>(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

export function semanticTokensFeature(ctx: ServerContext): Feature {
  // The builder of each document's last result, for deltas against it.
  const builders = new Map<string, SemanticTokensBuilder>();

  const fill = (builder: SemanticTokensBuilder, doc: TextDocument, within?: Span) => {
    const an = ctx.analyzed(doc);
    const tokens = semanticTokens(an.analysis, { roundingTails: ctx.settings.roundingDiagnostics });
    for (const t of tokens) {
      if (within && (t.span.end < within.start || t.span.start > within.end)) continue;
      push(builder, an.lines, t);
    }
  };
  const push = (builder: SemanticTokensBuilder, lines: { position(o: number): { line: number; character: number } }, t: SemanticToken) => {
    const start = lines.position(t.span.start);
    const end = lines.position(t.span.end);
    if (end.line !== start.line || end.character <= start.character) return; // tokens never span lines
    let modifiers = 0;
    for (const m of t.modifiers) modifiers |= MODIFIER_BIT.get(m) ?? 0;
    builder.push(start.line, start.character, end.character - start.character, TYPE_INDEX.get(t.type)!, modifiers);
  };

  const full = (uri: string): SemanticTokens => {
    const doc = ctx.documents.get(uri);
    if (!doc) return { data: [] };
    const builder = new SemanticTokensBuilder();
    builders.set(uri, builder);
    fill(builder, doc);
    return builder.build();
  };

  ctx.connection.languages.semanticTokens.on((params) => full(params.textDocument.uri));
  ctx.connection.languages.semanticTokens.onDelta((params): SemanticTokens | SemanticTokensDelta => {
    const uri = params.textDocument.uri;
    const doc = ctx.documents.get(uri);
    const builder = builders.get(uri);
    if (!doc || !builder) return full(uri);
    builder.previousResult(params.previousResultId);
    fill(builder, doc);
    return builder.buildEdits();
  });
  ctx.connection.languages.semanticTokens.onRange((params): SemanticTokens => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return { data: [] };
    const lines = ctx.analyzed(doc).lines;
    const builder = new SemanticTokensBuilder();
    fill(builder, doc, { start: lines.offset(params.range.start), end: lines.offset(params.range.end) });
    return builder.build();
  });
  ctx.documents.onDidClose((e) => builders.delete(e.document.uri));

  // Turning 尾差 diagnostics off (or on) changes which figures are marked.
  let tails = ctx.settings.roundingDiagnostics;
  ctx.settingsListeners.push(() => setImmediate(() => {
    if (ctx.settings.roundingDiagnostics === tails) return;
    tails = ctx.settings.roundingDiagnostics;
    if (ctx.clientCapabilities.workspace?.semanticTokens?.refreshSupport) void ctx.connection.languages.semanticTokens.refresh().catch(() => undefined);
  }));

  return { capabilities: { semanticTokensProvider: { legend: LEGEND, full: { delta: true }, range: true } } };
}
