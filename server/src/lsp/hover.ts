/**
 * Hover: on a code (or the name beside it), what the catalogs and the glossaries say of it; on a figure, the
 * relations it takes part in with their computed values; on a term anywhere, its definition from this document's
 * 名词解释, else from a seed document's, cited. The markdown is untrusted: all text from documents, catalogs and
 * glossaries is escaped (./markdown).
 */
import type { Hover } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { cellName, evaluate } from '../checks/evaluate';
import { knowledgeMessages, type KnowledgeMessages } from '../i18n/knowledge';
import { messages, type Locale, type Messages } from '../i18n/messages';
import { standardMessages, type IdentityStateName } from '../i18n/standard';
import { codeCellsOf, type CodeCell } from '../knowledge/codes';
import { documentTerms, termAt, termKey } from '../knowledge/glossary';
import { explainCode, sourceLabel } from '../knowledge/index';
import type { BudgetDocument, Cell, Table } from '../model/document';
import { identityState } from '../standard/apply';
import type { Span } from '../syntax/ast';
import type { ServerContext } from './context';
import type { Feature } from './features';
import { capped, md, quote } from './markdown';

const within = (s: Span | undefined, o: number) => !!s && s.start <= o && o <= s.end;

/** The code cell (or the name printed beside a code) at an offset. */
export function codeAt(doc: BudgetDocument, offset: number): { cc: CodeCell; on: 'code' | 'name' } | undefined {
  for (const t of doc.tables) {
    if (offset < t.span.start || offset > t.span.end) continue;
    for (const p of t.parts) for (const r of p.rows) {
      if (!within(r.span, offset)) continue;
      for (const cc of codeCellsOf(r)) {
        if (within(cc.codeSpan, offset) && cc.codeSpan.end > cc.codeSpan.start) return { cc, on: 'code' };
        if (cc.nameSpan && within(cc.nameSpan, offset) && cc.nameSpan.end > cc.nameSpan.start) return { cc, on: 'name' };
      }
    }
  }
  return undefined;
}

/** The cell of a figure column at an offset. */
export function figureAt(doc: BudgetDocument, offset: number): Cell | undefined {
  for (const t of doc.tables) {
    if (offset < t.span.start || offset > t.span.end) continue;
    for (const p of t.parts) for (const r of p.rows) {
      if (!within(r.span, offset)) continue;
      for (const c of r.cells) if (c.column?.role === 'figure' && c.kind !== 'text' && within(c.span, offset)) return c;
    }
  }
  return undefined;
}

export function hoverFeature(ctx: ServerContext): Feature {
  ctx.connection.onHover((params): Hover | null => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const an = ctx.analyzed(doc);
    const a = an.analysis;
    const offset = an.lines.offset(params.position);
    const m = knowledgeMessages(ctx.locale);
    const range = (s: Span) => ({ start: an.lines.position(s.start), end: an.lines.position(s.end) });

    const heading = a.document.tables.find((t) => within(t.headingSpan, offset));
    const standard = heading && standardHover(a, heading, ctx.locale);
    if (standard) return { contents: { kind: 'markdown', value: standard }, range: range(heading.headingSpan) };
    const code = codeAt(a.document, offset);
    if (code && /^\d{3,}$/.test(code.cc.code) && code.cc.kind !== 'project') {
      const value = codeHover(ctx, a.document, code.cc, m);
      return { contents: { kind: 'markdown', value: capped(value, m.textCut) }, range: range(code.on === 'code' ? code.cc.codeSpan : (code.cc.nameSpan ?? code.cc.codeSpan)) };
    }
    const cell = figureAt(a.document, offset);
    if (cell) {
      const value = relationsHover(a, cell, m, messages(ctx.locale));
      if (value) return { contents: { kind: 'markdown', value: capped(value, m.textCut) }, range: range(cell.span) };
    }
    const term = termHover(ctx, a, offset, m);
    if (term) return { contents: { kind: 'markdown', value: capped(term.value, m.textCut) }, range: range(term.span) };
    return null;
  });
  return { capabilities: { hoverProvider: true } };
}

function docTitle(doc: BudgetDocument): string {
  return doc.header.title ?? doc.title ?? '';
}

function codeHover(ctx: ServerContext, doc: BudgetDocument, cc: CodeCell, m: KnowledgeMessages): string {
  const k = ctx.knowledge;
  const x = explainCode(cc.code, doc, { catalog: k.catalog, glossary: k.glossary, workspace: k.workspace }, cc.name || undefined);
  const e = x.entry;
  const name = e?.name ?? cc.name ?? '';
  const out: string[] = [`**${md(cc.code)} ${md(name)}**`, ''];
  const facts: string[] = [];
  if (x.level) facts.push(m.level[x.level]);
  if (e?.kind) facts.push(m.catalogKind[e.kind]);
  facts.push(e ? `${m.theCatalog(m.years(e.nameYears))}${e.current ? '' : m.hoverNameUsed(m.years(e.nameYears))}` : m.hoverUnknown);
  out.push(facts.map(md).join(' · '), '');
  if (x.path.length > 1) {
    out.push(`${m.hoverPath}：${x.path.map((p) => md(p.name ?? '？')).join(' > ')}（${x.path.map((p) => p.code).join(' > ')}）`, '');
  }
  if (x.printed) out.push(md(m.hoverPrinted(x.printed)), '');
  if (e?.description) out.push(`${m.hoverDescription}：${md(e.description)}${e.descriptionSource ? `（${md(e.descriptionSource)}）` : ''}`, '');
  if (e?.mapsFrom?.length) out.push(`${m.hoverMapsFrom}：${md(m.hoverCodes(e.mapsFrom))}`, '');
  if (x.own) {
    out.push(`**${m.hoverOwnGlossary}**`, '', quote(`${x.own.term}：${x.own.definition}`), '', `—— ${md(docTitle(doc) ? `《${docTitle(doc)}》` : m.thisDocument)}`, '');
  } else if (x.seed) {
    const title = x.seed.document?.title ?? x.seed.entry.document;
    out.push(`**${md(m.hoverSeedGlossary(title))}**`, '', quote(`${x.seed.entry.term}：${x.seed.entry.definition}`), '', `—— ${md(`《${title}》`)}`, '');
  }
  if (e) out.push(`${m.hoverSources}：${e.sources.map((s) => md(sourceLabel(s, s.type === 'catalog' || s.type === 'user' ? e.nameYears : seedYears(ctx, s), m))).join('；')}`);
  return out.join('\n').trimEnd();
}

function seedYears(ctx: ServerContext, s: { type: string; document?: string }): number[] {
  if (s.type !== 'seed' || !s.document) return [];
  const y = ctx.knowledge.glossary.document(s.document)?.year;
  return y ? [y] : [];
}

function relationsHover(a: Analysis, cell: Cell, m: KnowledgeMessages, mm: Messages): string | undefined {
  const rels = a.relationsOf(cell);
  if (!rels.length) return undefined;
  const out: string[] = [`**${m.hoverRules}**（${md(cellName(cell, mm, 'both'))} = ${md(cell.text || mm.empty)}）`, ''];
  for (const rel of rels.slice(0, 12)) {
    const cells = [rel.target, ...rel.terms.map((t) => t.cell)];
    const by = cells.every((c) => c.row === rel.target.row) ? 'column' : cells.every((c) => c.column === rel.target.column) ? 'row' : 'both';
    const terms = rel.terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? '-' : '') : t.sign < 0 ? ' - ' : ' + '}${cellName(t.cell, mm, by)}`).join('');
    const ev = evaluate(rel);
    const status = !ev ? m.hoverNoValue : ev.holds ? (ev.exact ? `✓ ${m.hoverHolds}` : `≈ ${m.hoverTail}`) : `✗ ${m.hoverFails}`;
    const values = ev ? `；${m.hoverComputed(ev.computed, ev.stated || mm.empty, ev.difference)}` : '';
    const role = rel.target === cell ? m.hoverTarget : m.hoverTerm;
    const where = by === 'column' ? `${cellName(rel.target, mm, 'row')}：` : by === 'row' && rel.target.column ? `${cellName(rel.target, mm, 'column')}：` : '';
    out.push(`- ${md(status)} · ${md(rel.title)}（${md(role)}）：${md(`${where}${cellName(rel.target, mm, by)} = ${terms}${values}`)}`);
  }
  if (rels.length > 12) out.push(`- …（${rels.length - 12}）`);
  return out.join('\n');
}

const MARK: Record<IdentityStateName, string> = { holds: '✓', tail: '≈', fails: '✗', condition: '⊘', missing: '–', empty: '○' };
/** At most this many identities are listed (a 项目申报表 has a few, a 收支总表 some twenty). */
const MAX_IDENTITIES = 40;

/** On a table's heading: the standard table it was recognised as, and each identity applied with its state. */
function standardHover(a: Analysis, t: Table, locale?: Locale): string | undefined {
  const st = a.standard.tableOf(t);
  if (!st) return undefined;
  const sm = standardMessages(locale);
  const out = [`**${md(sm.recognised(st.title, st.set.name, st.number ?? ''))}**`, ''];
  const applied = a.standard.applied(t);
  if (applied.length) out.push(`${md(sm.identities)}（${md(sm.identityCount(applied.length, applied.filter((x) => identityState(x) === 'fails').length))}）：`, '');
  for (const x of applied.slice(0, MAX_IDENTITIES)) {
    const state = identityState(x);
    const missing = state === 'missing' && x.missing ? md(sm.missingWhat(x.missing)) : '';
    const source = x.identity.source ? ` — ${md(sm.source(x.identity.source))}` : '';
    out.push(`- ${MARK[state]} ${md(sm.states[state])} · ${md(x.identity.text)}${missing}${source}`);
  }
  if (applied.length > MAX_IDENTITIES) out.push(`- …（${applied.length - MAX_IDENTITIES}）`);
  return out.join('\n');
}

function termHover(ctx: ServerContext, a: Analysis, offset: number, m: KnowledgeMessages): { value: string; span: Span } | undefined {
  const text = a.tree.text;
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  const line = text.slice(start, end);
  const own = documentTerms(a.document);
  const lib = ctx.knowledge.glossary;
  const keys = new Set<string>([...own.keys(), ...lib.termKeys()]);
  // Also the shorter forms of this document's qualified terms (`一般公共预算“三公”经费` → 三公经费).
  for (const k of own.keys()) for (const l of lib.termKeys()) if (k !== l && k.endsWith(l)) keys.add(l);
  const hit = termAt(line, offset, keys, start);
  if (!hit) return undefined;
  const title = docTitle(a.document);
  let ownEntry = own.get(hit.key);
  if (!ownEntry) for (const [k, e] of own) if (k.endsWith(hit.key)) { ownEntry = e; break; }
  const head = `**${md(hit.key)}**`;
  if (ownEntry) {
    return { span: hit.span, value: [head, '', quote(`${ownEntry.term}：${ownEntry.definition}`), '', `—— ${md(`${m.hoverOwnGlossary}${title ? `《${title}》` : ''}`)}`].join('\n') };
  }
  const seed = lib.forTerm(hit.key)[0] ?? lib.entries.find((e) => !e.path && termKey(e.term).endsWith(hit.key));
  if (!seed) return undefined;
  const d = lib.document(seed.document);
  return { span: hit.span, value: [head, '', quote(`${seed.term}：${seed.definition}`), '', `—— ${md(m.hoverSeedGlossary(d?.title ?? seed.document))}`].join('\n') };
}
