/**
 * Code actions: quick fixes carried by diagnostics. A finding with a `replacement` (the catalog's name for a code,
 * …) becomes a quick fix that puts the replacement text at its span. More quick-fix kinds can join `fixes`.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../syntax/ast';
import type { ServerContext } from './context';
import type { Feature } from './features';

interface Replacement {
  span: Span;
  text: string;
  title: string;
}

function replacementOf(d: Diagnostic): Replacement | undefined {
  const r = (d.data as { replacement?: Partial<Replacement> } | undefined)?.replacement;
  if (!r || typeof r.text !== 'string' || typeof r.title !== 'string' || !r.span) return undefined;
  const { start, end } = r.span;
  if (typeof start !== 'number' || typeof end !== 'number' || start < 0 || end < start) return undefined;
  return { span: { start, end }, text: r.text, title: r.title };
}

/** Each quick-fix kind: the actions a diagnostic offers. */
const fixes: ((ctx: ServerContext, doc: TextDocument, d: Diagnostic) => CodeAction[])[] = [
  (ctx, doc, d) => {
    const r = replacementOf(d);
    if (!r || r.span.end > doc.getText().length) return [];
    const lines = ctx.analyzed(doc).lines;
    return [{
      title: r.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [doc.uri]: [{ range: { start: lines.position(r.span.start), end: lines.position(r.span.end) }, newText: r.text }] } },
    }];
  },
];

export function codeActionsFeature(ctx: ServerContext): Feature {
  ctx.connection.onCodeAction((params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const out: CodeAction[] = [];
    for (const d of params.context.diagnostics) for (const f of fixes) out.push(...f(ctx, doc, d));
    return out;
  });
  return { capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } } };
}
