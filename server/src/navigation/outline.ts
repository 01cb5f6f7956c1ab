/**
 * The document's outline: the header, each table or form (its parts, its 类 rows, its rules and notes, a form's
 * fields), the glossary (each term, under the glossary's own sub-headings) and the narrative's headings.
 *
 * Rows: only 类 rows are listed (`201 一般公共服务支出`), each covering the 款 and 项 rows printed under it, so the
 * outline and the breadcrumbs follow the cursor through a long table without listing every row (a 10,000-row
 * document has some 900 类 rows against 9,000 款 and 项).
 */
import type { Analysis } from '../analysis';
import type { EditorMessages } from '../i18n/editor';
import type { Locale } from '../i18n/messages';
import { standardMessages, type StandardMessages } from '../i18n/standard';
import { identityState, type StandardReport } from '../standard/apply';
import { codeCellsOf } from '../knowledge/codes';
import { FIELD_PART } from '../model/build';
import type { Field, Part, Row, Table } from '../model/document';
import type { HeadingLine, Span, SyntaxTree } from '../syntax/ast';
import { headedExtent, lineIndexAt } from './extent';
import { childRuns } from './hierarchy';
import { maxOf, minOf, pushAll } from '../util/arrays';

export type OutlineKind =
  | 'header' | 'field' | 'table' | 'form' | 'part' | 'row' | 'fields' | 'rules' | 'rule' | 'notes' | 'note'
  | 'glossary' | 'term' | 'narrative' | 'heading';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** Everything the symbol covers. */
  span: Span;
  /** What to select when it is picked (its name as printed); always inside `span`. */
  selection: Span;
  children: OutlineSymbol[];
}

const CLIP = 40;

/** At most `n` characters (code points), with `…` when cut; blanks collapsed. */
export function clip(text: string, n = CLIP): string {
  const s = text.replace(/[\s\u3000]+/g, ' ').trim();
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : s;
}

function cover(spans: Span[]): Span {
  return { start: minOf(spans.map((s) => s.start)), end: maxOf(spans.map((s) => s.end)) };
}

/** A symbol whose selection is clamped inside its span and whose name is never empty (editors refuse both). */
function symbol(name: string, fallback: string, kind: OutlineKind, span: Span, selection: Span, children: OutlineSymbol[] = [], detail?: string): OutlineSymbol {
  const start = Math.min(Math.max(selection.start, span.start), span.end);
  const end = Math.max(start, Math.min(selection.end, span.end));
  const s: OutlineSymbol = { name: name.trim() || fallback, kind, span, selection: { start, end }, children };
  if (detail) s.detail = detail;
  return s;
}

export function outline(a: Analysis, m: EditorMessages, locale?: Locale): OutlineSymbol[] {
  const tree = a.tree;
  const sm = standardMessages(locale);
  const doc = a.document;
  const out: OutlineSymbol[] = [];
  const tables = new Map<number, Table>(doc.tables.map((t) => [t.span.start, t]));
  const ruleStats = ruleStatistics(a);

  let title: HeadingLine | undefined;
  for (let i = 0; i < tree.lines.length; i++) {
    const l = tree.lines[i];
    if (l.kind !== 'heading') continue;
    const table = tables.get(l.span.start);
    if (table) out.push(tableSymbol(tree, table, i, m, ruleStats, a.standard, sm));
    else if (l.level === 1) title ??= l;
    else if (l.level === 2 && l.prose) out.push(proseSymbol(a, i, m));
  }

  const fields = doc.header.fields;
  if (title || fields.length) {
    const spans = [...(title ? [title.span] : []), ...fields.map((f) => f.span)];
    const span = cover(spans);
    const head = symbol(m.header, m.header, 'header', span, title ? title.textSpan : fields[0].keySpan, fields.map(fieldSymbol), doc.header.title ?? doc.title);
    out.push(head);
  }
  out.sort((x, y) => x.span.start - y.span.start);
  return out;
}

function fieldSymbol(f: Field): OutlineSymbol {
  return symbol(f.key, f.key || '…', 'field', f.span, f.keySpan, [], clip(f.value));
}

/** How many relations each declared rule expands to, and how many of them fail (by the rule's span). */
function ruleStatistics(a: Analysis): Map<string, { relations: number; errors: number }> {
  const stats = new Map<string, { relations: number; errors: number }>();
  const key = (s: Span) => `${s.start}:${s.end}`;
  for (const r of a.relations) {
    if (!r.ruleSpan) continue;
    const k = key(r.ruleSpan);
    const s = stats.get(k);
    if (s) s.relations++; else stats.set(k, { relations: 1, errors: 0 });
  }
  for (const f of a.findings) {
    if (f.severity !== 'error') continue;
    for (const r of f.related) {
      const s = stats.get(key(r.span));
      if (s) { s.errors++; break; }
    }
  }
  return stats;
}

function tableSymbol(
  tree: SyntaxTree, t: Table, index: number, m: EditorMessages, stats: Map<string, { relations: number; errors: number }>,
  standard: StandardReport, sm: StandardMessages,
): OutlineSymbol {
  const span = headedExtent(tree, index, 2);
  const children: OutlineSymbol[] = [];
  if (t.kind === 'form' && t.fields.length) {
    children.push(symbol(m.fields, m.fields, 'fields', cover(t.fields.map((f) => f.span)), t.fields[0].keySpan, t.fields.map(fieldSymbol)));
  }
  const parts = t.parts.filter((p) => p.name !== FIELD_PART);
  const rowCount = parts.reduce((n, p) => n + p.rows.length, 0);
  if (parts.length === 1 && parts[0].name === undefined) pushAll(children, leiRows(parts[0]));
  else {
    const starts = parts.map(partStart);
    parts.forEach((p, i) => {
      const start = starts[i];
      const next = i + 1 < parts.length ? starts[i + 1] : span.end;
      const ends = [
        p.nameSpan?.end ?? start, p.columnsSpan?.end ?? start,
        ...p.rows.map((r) => r.span.end), ...p.fields.map((f) => f.span.end),
        ...t.texts.filter((x) => x.span.start >= start && x.span.start < next).map((x) => x.span.end),
      ];
      const pspan = { start: lineStartOf(tree, start), end: maxOf(ends) };
      const sel = p.nameSpan ?? p.columnsSpan ?? p.rows[0]?.span ?? { start, end: start };
      const kids = [...p.fields.map(fieldSymbol), ...leiRows(p)];
      children.push(symbol(p.name ?? m.unnamedPart(i + 1), m.unnamedPart(i + 1), 'part', pspan, sel, kids, p.rows.length ? m.rowsDetail(p.rows.length) : undefined));
    });
  }
  if (t.rules.length) {
    const rules = t.rules.map((r) => {
      const s = stats.get(`${r.node.span.start}:${r.node.span.end}`);
      return symbol(r.node.text, '…', 'rule', r.node.span, r.node.span, [], s ? m.ruleDetail(s.relations, s.errors) : undefined);
    });
    const first = t.rules[0].node.span;
    const lines = tree.lines;
    const firstLine = lines[lineIndexAt(tree, first.start)].span;
    const lastLine = lines[lineIndexAt(tree, t.rules[t.rules.length - 1].node.span.start)].span;
    children.push(symbol(m.rules, m.rules, 'rules', cover([firstLine, lastLine]), firstLine, rules));
  }
  if (t.notes.length) {
    const notes = t.notes.map((n) => symbol(clip(n.text), '…', 'note', n.span, n.span));
    children.push(symbol(m.notes, m.notes, 'notes', cover(t.notes.map((n) => n.span)), t.notes[0].span, notes));
  }
  const st = standard.tableOf(t);
  const applied = standard.applied(t);
  if (st && applied.length) {
    // The standard identities checked on the table: they have no line of their own, so they stand at its heading.
    const states = applied.map(identityState);
    const items = applied.map((x, i) => symbol(clip(x.identity.text), '…', 'rule', t.headingSpan, t.headingSpan, [], sm.states[states[i]]));
    const failing = states.filter((x) => x === 'fails').length;
    children.push(symbol(sm.identities, sm.identities, 'rules', t.headingSpan, t.headingSpan, items, sm.identityCount(applied.length, failing)));
  }
  children.sort((x, y) => x.span.start - y.span.start);
  const name = t.number ? `${t.number} ${t.title}` : t.title || t.heading;
  const detail = `${t.kind === 'table' ? m.table : m.form} · ${m.rowsDetail(rowCount)}${st ? ` · ${st.title}` : ''}`;
  return symbol(name, t.kind === 'table' ? m.table : m.form, t.kind, span, t.headingSpan, children, detail);
}

function partStart(p: Part): number {
  return p.nameSpan?.start ?? p.columnsSpan?.start ?? p.rows[0]?.span.start ?? p.fields[0]?.span.start ?? 0;
}

function lineStartOf(tree: SyntaxTree, offset: number): number {
  const l = tree.lines[lineIndexAt(tree, offset)];
  return l && l.span.start <= offset ? l.span.start : offset;
}

/** The 类 rows of a part, each covering the 款 and 项 rows printed right below it. */
function leiRows(p: Part): OutlineSymbol[] {
  const runs = childRuns(p);
  const out: OutlineSymbol[] = [];
  for (const r of p.rows) {
    for (const cc of codeCellsOf(r)) {
      if (cc.code.length !== 3 || (cc.kind !== 'functional' && cc.kind !== 'economic')) continue;
      const last = r.code === cc.code ? runs.get(r) : undefined;
      const span = last ? { start: r.span.start, end: last.span.end } : r.span;
      out.push(symbol(`${cc.code} ${cc.name ?? ''}`, cc.code, 'row', span, cc.codeSpan, [], figureAfter(r, cc.codeSpan)));
    }
  }
  return out;
}

/** The first figure printed after `from` in the row (the row's total, as the tables print it first). */
function figureAfter(r: Row, from: Span): string | undefined {
  return r.cells.find((c) => c.span.start > from.start && c.column?.role === 'figure' && c.kind === 'figure')?.text;
}

/** A prose section: the glossary (its terms under its own sub-headings) or narrative text (its headings). */
function proseSymbol(a: Analysis, index: number, m: EditorMessages): OutlineSymbol {
  const tree = a.tree;
  const head = tree.lines[index] as HeadingLine;
  const span = headedExtent(tree, index, 2);
  const glossary = /名词解释/.test(head.text);
  const root = symbol(head.text, glossary ? m.glossary : head.text, glossary ? 'glossary' : 'narrative', span, head.textSpan);
  // Sub-headings nest by level; glossary entries go under the innermost heading above them.
  const stack: { level: number; sym: OutlineSymbol }[] = [{ level: 2, sym: root }];
  const entries = glossary ? a.document.glossary.filter((e) => e.span.start > span.start && e.span.start <= span.end) : [];
  let e = 0;
  const addEntriesBefore = (offset: number) => {
    for (; e < entries.length && entries[e].span.start < offset; e++) {
      const x = entries[e];
      stack[stack.length - 1].sym.children.push(symbol(x.term, '…', 'term', x.span, x.termSpan, [], clip(x.definition)));
    }
  };
  for (let i = index + 1; i < tree.lines.length; i++) {
    const l = tree.lines[i];
    if (l.span.start > span.end) break;
    if (l.kind !== 'heading' || l.level <= 2) continue;
    addEntriesBefore(l.span.start);
    while (stack.length > 1 && stack[stack.length - 1].level >= l.level) stack.pop();
    const sub = symbol(l.text, '#'.repeat(l.level), 'heading', headedExtent(tree, i, l.level), l.textSpan);
    stack[stack.length - 1].sym.children.push(sub);
    stack.push({ level: l.level, sym: sub });
  }
  addEntriesBefore(Infinity);
  if (glossary) root.detail = m.termsDetail(entries.length);
  // A heading's extent stops at the next heading: let each end with its last child (a term's continuation lines).
  extendToChildren(root);
  return root;
}

function extendToChildren(s: OutlineSymbol): void {
  for (const c of s.children) {
    extendToChildren(c);
    if (c.span.end > s.span.end) s.span = { start: s.span.start, end: c.span.end };
  }
}
