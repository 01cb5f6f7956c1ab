/**
 * Completion over the protocol: the core's entries (../completion) as completion items, their spans as ranges. A code
 * item's documentation comes with `completionItem/resolve`.
 */
import { CompletionItemKind, CompletionTriggerKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { codeDocumentation, complete, type CompletionEntry, type CompletionKnowledge, type EntryKind } from '../completion';
import type { Origin } from '../knowledge/search';
import type { Positions } from '../syntax/positions';
import type { ServerContext } from './context';
import type { Feature } from './features';
import { knowledgeMessages } from '../i18n/knowledge';
import { capped, md } from './markdown';

/**
 * Typing a digit asks for completion (VS Code never suggests on its own while a word is a number): the answer is a list
 * only in a code cell (see onCompletion).
 */
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const KIND: Record<EntryKind, CompletionItemKind> = {
  code: CompletionItemKind.EnumMember,
  column: CompletionItemKind.Field,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  term: CompletionItemKind.Text,
};

/** What a code item carries to `completionItem/resolve`, which adds its documentation. */
interface ItemData {
  uri: string;
  code: string;
  origins: Origin[];
}

function knowledgeFor(ctx: ServerContext, uri: string): CompletionKnowledge {
  const kb = ctx.knowledge;
  return { catalog: ctx.catalogFor(uri), workspace: kb.workspace, glossary: kb.glossary, columns: kb.columns };
}

function item(e: CompletionEntry, lines: Positions, uri: string, cut: string): CompletionItem {
  const range = (s: { start: number; end: number }) => ({ start: lines.position(s.start), end: lines.position(s.end) });
  const out: CompletionItem = {
    label: e.label, kind: KIND[e.kind], sortText: e.sortText,
    textEdit: { range: range(e.edit.span), newText: e.edit.text },
  };
  if (e.description) out.labelDetails = { description: e.description };
  if (e.detail) out.detail = e.detail;
  if (e.filterText !== undefined) out.filterText = e.filterText;
  if (e.extra?.length) out.additionalTextEdits = e.extra.map((x) => ({ range: range(x.span), newText: x.text }));
  if (e.documentation) out.documentation = { kind: 'markdown', value: capped(md(e.documentation), cut) };
  if (e.code) out.data = { uri, code: e.code.code, origins: e.code.origins } satisfies ItemData;
  return out;
}

export function completionFeature(ctx: ServerContext): Feature {
  ctx.connection.onCompletionResolve((it): CompletionItem => {
    const data = it.data as Partial<ItemData> | undefined;
    if (it.documentation || !data || typeof data.uri !== 'string' || typeof data.code !== 'string' || !Array.isArray(data.origins)) return it;
    const doc = ctx.documents.get(data.uri);
    if (!doc) return it;
    const a = ctx.analyzed(doc).analysis;
    const value = codeDocumentation(a, data.code, data.origins as Origin[], knowledgeFor(ctx, data.uri), ctx.locale, md);
    return { ...it, documentation: { kind: 'markdown', value: capped(value, knowledgeMessages(ctx.locale).textCut) } };
  });

  ctx.connection.onCompletion((params): CompletionList | null => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const an = ctx.analyzed(doc);
    const offset = an.lines.offset(params.position);
    const c = complete({ analysis: an.analysis, lines: an.lines, offset, uri: doc.uri, locale: ctx.locale, knowledge: knowledgeFor(ctx, doc.uri) });
    const cut = knowledgeMessages(ctx.locale).textCut;
    const list = c && { isIncomplete: c.isIncomplete, items: c.entries.map((e) => item(e, an.lines, doc.uri, cut)) };
    // A digit opens the list only where a code is being typed (a code list, which re-queries as the code grows: it is
    // incomplete); a figure, a 行次 or a rule's row number typed elsewhere gets no list in its way.
    if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && DIGITS.includes(params.context.triggerCharacter ?? '')) {
      return list?.isIncomplete && list.items.length ? list : null;
    }
    return list;
  });

  return { capabilities: { completionProvider: { triggerCharacters: ['|', '｜', '「', '：', ':', '{', ...DIGITS], resolveProvider: true } } };
}
