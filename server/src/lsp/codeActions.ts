/**
 * Code actions: quick fixes carried by diagnostics. A finding with a `replacement` (the catalog's name for a code,
 * …) becomes a quick fix that puts the replacement text at its span. More quick-fix kinds can join `fixes`.
 * Fixes that need no diagnostic (a missing parent row, a rule printed in a note) join `rangeFixes`: they are offered
 * where the cursor or selection is. The fix logic is pure (../fixes); this file only converts.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { justifyFix, noteRuleFixes, parentRowFixes, setTotalFix, type Fix } from '../fixes/index';
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

/** The `span` a diagnostic's data carries (./diagnostics), when it is one within the text. */
function spanOf(data: unknown, length: number): Span | undefined {
  const s = (data as { span?: Partial<Span> } | undefined)?.span;
  if (!s || typeof s.start !== 'number' || typeof s.end !== 'number') return undefined;
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start || s.end > length) return undefined;
  return { start: s.start, end: s.end };
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
  // --- editor craft: set a stated total to the computed value (data.expected) ---
  (ctx, doc, d) => {
    const expected = (d.data as { expected?: unknown } | undefined)?.expected;
    if (typeof expected !== 'string') return [];
    const lines = ctx.analyzed(doc).lines;
    // The figure's own span, as published in the diagnostic's data: a client may send the range back in other units
    // (Neovim 0.7 counts columns in bytes), which would point elsewhere on a line with Chinese text.
    const span = spanOf(d.data, doc.getText().length) ?? { start: lines.offset(d.range.start), end: lines.offset(d.range.end) };
    const fix = setTotalFix(doc.getText(), span, expected, ctx.locale);
    return fix ? [toAction(ctx, doc, fix, [d])] : [];
  },
  // --- justification: accept a finding about figures in the document (`说明：<figure>：<reason>`) ---
  (ctx, doc, d) => {
    if ((d.severity !== 1 && d.severity !== 2) || typeof d.code !== 'string') return [];
    const span = spanOf(d.data, doc.getText().length);
    const fix = span && justifyFix(doc.getText(), span, d.code, ctx.locale);
    return fix ? [toAction(ctx, doc, fix, [d])] : [];
  },
  // --- error localisation: the figure at fault set to the value that makes every relation hold (data.fixes) ---
  (ctx, doc, d) => {
    const list = (d.data as { fixes?: unknown } | undefined)?.fixes;
    if (!Array.isArray(list)) return [];
    const text = doc.getText();
    const out: CodeAction[] = [];
    for (const x of list as Partial<Replacement>[]) {
      if (!x || typeof x.text !== 'string') continue;
      const span = spanOf(x, text.length);
      const fix = span && setTotalFix(text, span, x.text, ctx.locale, typeof x.title === 'string' ? x.title : undefined);
      if (fix) out.push(toAction(ctx, doc, { ...fix, preferred: list.length === 1 }, [d]));
    }
    return out;
  },
];

/** A pure fix as a code action. */
function toAction(ctx: ServerContext, doc: TextDocument, fix: Fix, diagnostics?: Diagnostic[]): CodeAction {
  const lines = ctx.analyzed(doc).lines;
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    ...(diagnostics ? { diagnostics } : {}),
    ...(fix.preferred ? { isPreferred: true } : {}),
    edit: { changes: { [doc.uri]: fix.edits.map((e) => ({ range: { start: lines.position(e.span.start), end: lines.position(e.span.end) }, newText: e.text })) } },
  };
}

/** Quick fixes offered where the cursor or selection is, without a diagnostic. */
const rangeFixes: ((ctx: ServerContext, doc: TextDocument, range: Range) => CodeAction[])[] = [
  (ctx, doc, range) => {
    const an = ctx.analyzed(doc);
    const text = doc.getText();
    const span = { start: an.lines.offset(range.start), end: an.lines.offset(range.end) };
    const d = an.analysis.document;
    const view = ctx.catalogFor(doc.uri).view(d.header.year);
    const parts = d.tables.flatMap((t) => t.parts);
    return [
      ...parentRowFixes(text, parts, span, (code) => view.get(code)?.name, ctx.locale),
      ...noteRuleFixes(text, d, span, ctx.locale),
    ].map((f) => toAction(ctx, doc, f));
  },
];
// ---

export function codeActionsFeature(ctx: ServerContext): Feature {
  ctx.connection.onCodeAction((params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const out: CodeAction[] = [];
    for (const d of params.context.diagnostics) for (const f of fixes) out.push(...f(ctx, doc, d));
    for (const f of rangeFixes) out.push(...f(ctx, doc, params.range));
    // The same edit offered twice (two diagnostics of one cell expecting the same value, or naming the same figure at
    // fault): once, for all of them.
    const seen = new Map<string, CodeAction>();
    return out.filter((a) => {
      const key = `${a.title}\n${JSON.stringify(a.edit)}`;
      const first = seen.get(key);
      if (first) {
        if (a.diagnostics?.length) first.diagnostics = [...(first.diagnostics ?? []), ...a.diagnostics];
        return false;
      }
      seen.set(key, a);
      return true;
    });
  });
  return { capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } } };
}
