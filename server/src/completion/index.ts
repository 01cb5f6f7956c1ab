/**
 * Completion, as plain data: subject codes in code cells (by code prefix, name fragment or pinyin initials, ranked by
 * the rows above and limited to the table's kind), names in name cells, column names after `列：`, table references
 * and row labels inside `规则：`, and glossary terms in `## 名词解释`. The language server turns these entries into the
 * protocol's items (../lsp/completion.ts); nothing here knows the protocol.
 *
 * Every request costs what is near the cursor, not what the document holds: the line is read from the positions, the
 * nearest code above is looked for backwards, and the document's own codes are kept per part (./documentCodes.ts).
 */
import type { Analysis } from '../analysis';
import { knowledgeMessages, type KnowledgeMessages } from '../i18n/knowledge';
import type { Locale } from '../i18n/messages';
import { Catalog, type CatalogEntry, type CatalogView } from '../knowledge/catalog';
import { economicFamily, partCodeKind, partCodes } from '../knowledge/codes';
import type { GlossaryLibrary } from '../knowledge/glossary';
import { termKey } from '../knowledge/glossary';
import { pathOf, printedNames, sourceLabel } from '../knowledge/index';
import { initialsOf } from '../knowledge/pinyin';
import { searchCodes, type CodeMatch, type Origin } from '../knowledge/search';
import { asRecords, type WorkspaceIndex } from '../knowledge/workspace';
import type { Part, Table } from '../model/document';
import { glossaryTermStart } from '../model/glossaryLine';
import { eachRowHead, rowCount, rowsEndingBy } from '../model/rows';
import type { Span } from '../syntax/ast';
import type { Positions } from '../syntax/positions';
import { cellsOf, lineAt, partAbove, tableAt, tableOfLine, type LineInfo } from './cursor';
import { documentCatalog } from './documentCodes';

const LIMIT = 100;

/** What completion needs to know beyond the document. */
export interface CompletionKnowledge {
  /** The catalog that applies to the document (its folder's). */
  catalog: Catalog;
  workspace: WorkspaceIndex;
  glossary: GlossaryLibrary;
  /** Column names the seeds declare. */
  columns: string[];
}

export interface CompletionRequest {
  analysis: Analysis;
  lines: Positions;
  offset: number;
  uri: string;
  locale: Locale;
  knowledge: CompletionKnowledge;
}

export type EntryKind = 'code' | 'column' | 'value' | 'reference' | 'term';

export interface Edit {
  span: Span;
  text: string;
}

/** One thing to offer. */
export interface CompletionEntry {
  label: string;
  kind: EntryKind;
  detail?: string;
  /** Shown beside the label (where a code comes from). */
  description?: string;
  sortText: string;
  filterText?: string;
  edit: Edit;
  extra?: Edit[];
  /** Markdown, untrusted text escaped. */
  documentation?: string;
  /** For a code: what its documentation is made from (`codeDocumentation`). */
  code?: { code: string; origins: Origin[] };
}

export interface Completion {
  /** The list changes as more is typed (codes are searched again). */
  isIncomplete: boolean;
  entries: CompletionEntry[];
}

export function complete(q: CompletionRequest): Completion | null {
  const a = q.analysis;
  const line = lineAt(q.lines, q.offset);
  const m = knowledgeMessages(q.locale);
  if (/^[\s\u3000]*列[\s\u3000]*[：:]/.test(line.text)) return columnEntries(q, line, m);
  if (/^[\s\u3000]*规则[\s\u3000]*[：:]/.test(line.text)) return ruleEntries(a, line, q.offset);
  if (/^[\s\u3000]*(\/\/|#)/.test(line.text)) return null;
  const section = tableAt(a, line.start);
  if (!section) return null;
  if (section.heading.prose) {
    if (section.heading.text.startsWith('名词解释') && !/[：:]/.test(line.before)) return glossaryEntries(q, line, m);
    return null;
  }
  if (!section.table) return null;
  return codeEntries(q, section.table, line, m);
}

// ---------------------------------------------------------------------------------------------------------------
// Codes

/** The nearest code above the line in the part, in the code column asked (looked for backwards from the line). */
function anchorAbove(part: Part, lineStart: number, column: Part['columns'][number] | undefined): string | undefined {
  for (let r = rowsEndingBy(part, lineStart) - 1; r >= 0; r--) {
    for (const c of partCodes(part, r, r + 1)) {
      if (c.column && column && c.column !== column) continue;
      // The row's first code in that column decides.
      if (/^\d{3}(\d{2}){0,2}$/.test(c.code)) return c.code;
      break;
    }
  }
  return undefined;
}

interface CodeContext {
  q: CompletionRequest;
  view: CatalogView;
  year: number | undefined;
  printed: { get(code: string): string | undefined };
  m: KnowledgeMessages;
  anchor?: string;
  kind?: 'functional' | 'economic';
  family?: '3' | '5';
  extras: { view: CatalogView; origin: Origin }[];
}

function codeEntries(q: CompletionRequest, table: Table, line: LineInfo, m: KnowledgeMessages): Completion | null {
  const a = q.analysis;
  const offset = q.offset;
  const part = partAbove(table, line.start);
  if (!part || !part.columns.length) return null;
  if (/[：:]/.test(line.text) && !/[|｜]/.test(line.text)) return null; // a field (`金额单位：万元`) or a note
  const cells = cellsOf(line);
  const index = (line.before.match(/[|｜]/g) ?? []).length;
  const cell = cells[index];
  const columns = part.columns;
  const column = columns[index];
  const codeIndex = columns.findIndex((c) => c.role === 'code');
  if (!column || !cell) return null;

  const doc = a.document;
  const year = doc.header.year;
  const view = q.knowledge.catalog.view(year);
  const typed = offset >= cell.contentStart ? line.text.slice(cell.contentStart - line.start, offset - line.start) : '';
  const editSpan = { start: Math.min(cell.contentStart, offset), end: Math.max(cell.contentEnd, offset) };

  const codeColumn = codeIndex >= 0 ? columns[codeIndex] : undefined;
  const anchor = anchorAbove(part, line.start, column.role === 'code' ? column : codeColumn);
  const kind = partCodeKind(part, column.role === 'code' ? column : codeColumn)?.kind;
  // The document's names, made only when a code's path is not in the catalog.
  let names: Map<string, string> | undefined;
  const printed = { get: (code: string) => (names ??= printedNames(doc)).get(code) };
  const family = kind === 'economic' ? economicFamily(part) : undefined;
  const docCodes = documentCatalog(doc, line);
  const ws = workspaceCatalog(q);
  const extras = [{ view: docCodes.view(year), origin: 'document' as const }, { view: ws.view(year), origin: 'workspace' as const }];
  const context: CodeContext = { q, view, year, printed, m, anchor, kind, family, extras };

  if (column.role === 'code') {
    // A code cell: insert the code, and the name in the name cell after it.
    const next = columns[index + 1];
    const nameCell = cells[index + 1];
    const withName = next?.role === 'label';
    const more = columns.length > index + 2;
    return codeList(context, typed, (e) => {
      if (!withName) return { edit: { span: editSpan, text: e.code } };
      if (nameCell) {
        const extra: Edit[] = [];
        if (nameCell.text !== e.name) {
          const s = nameCell.contentStart > nameCell.start ? nameCell.contentStart : nameCell.start;
          extra.push({ span: { start: s, end: Math.max(nameCell.contentEnd, s) }, text: nameCell.contentStart > nameCell.start ? e.name : ` ${e.name}` });
        }
        return { edit: { span: editSpan, text: e.code }, extra };
      }
      return { edit: { span: editSpan, text: `${e.code} | ${e.name}${more ? ' | ' : ''}` } };
    });
  }
  if (column.role === 'label' && codeIndex >= 0 && codeIndex < index) {
    // A name cell after a code cell: the name, with its code in the code cell. The printed code's own name first.
    const codeCell = cells[codeIndex];
    const hasCode = codeCell && /^\d{3,}$/.test(codeCell.text);
    if (!typed.trim() && !hasCode) return null;
    return codeList(context, typed.trim() ? typed : (codeCell?.text ?? ''), (e) => {
      const extra: Edit[] = [];
      if (codeCell && codeCell.text !== e.code) {
        const s = codeCell.contentStart;
        extra.push({ span: { start: s, end: Math.max(codeCell.contentEnd, s) }, text: codeCell.contentStart > codeCell.start || codeIndex === 0 ? e.code : ` ${e.code}` });
      }
      return { edit: { span: editSpan, text: e.name }, extra };
    });
  }
  if (column.role === 'label' && codeIndex < 0) {
    // A table without a code column: a label may start with its code (`2010350 事业运行`).
    let coded = false;
    eachRowHead(part, (r) => { coded = !!r.code && r.codeKind !== 'project'; return !coded; });
    const digits = /^\d+/.exec(typed.trim())?.[0];
    if (!coded && !digits) return null;
    if (!typed.trim() && !coded) return null;
    return codeList(context, digits ?? typed, (e) => ({ edit: { span: editSpan, text: `${e.code} ${e.name}` } }));
  }
  return null;
}

/** The workspace's codes as a catalog, made again only when the workspace's codes change. */
let workspaceCodes: { index: WorkspaceIndex; revision: number; uri: string; catalog: Catalog } | undefined;
function workspaceCatalog(q: CompletionRequest): Catalog {
  const ws = q.knowledge.workspace;
  if (!workspaceCodes || workspaceCodes.index !== ws || workspaceCodes.revision !== ws.revision || workspaceCodes.uri !== q.uri) {
    const catalog = new Catalog(asRecords(ws.codes(q.uri), (c) => ({ type: 'workspace', uri: c.uri })));
    workspaceCodes = { index: ws, revision: ws.revision, uri: q.uri, catalog };
  }
  return workspaceCodes.catalog;
}

function codeList(c: CodeContext, typed: string, edits: (e: CatalogEntry) => { edit: Edit; extra?: Edit[] }): Completion {
  const query = typed.trim();
  const matches = searchCodes(c.view, c.extras, { text: query, kind: c.kind, family: c.family, anchor: c.anchor, limit: LIMIT });
  return { isIncomplete: true, entries: matches.map((x, i) => codeEntry(c, x, i, query, edits(x.entry))) };
}

function codeEntry(c: CodeContext, x: CodeMatch, i: number, query: string, edit: { edit: Edit; extra?: Edit[] }): CompletionEntry {
  const { m } = c;
  const e = x.entry;
  const path = pathOf(e.code, c.view, c.printed, c.q.knowledge.workspace);
  const pathText = path.map((p) => p.name ?? p.code).join(' > ');
  const origins = x.origins.map((o) => (o === 'catalog' ? m.theCatalog(m.years(e.nameYears)) : o === 'document' ? m.thisDocument : m.workspace));
  return {
    label: `${e.code} ${e.name}`,
    description: origins.join(' · '),
    kind: 'code',
    detail: `${pathText} · ${origins.join(' · ')}`,
    sortText: String(i).padStart(4, '0'),
    filterText: /^\d*$/.test(query) ? e.code : `${query} ${e.code} ${e.name}`,
    edit: edit.edit,
    ...(edit.extra?.length ? { extra: edit.extra } : {}),
    code: { code: e.code, origins: x.origins },
  };
}

/** The documentation of a code entry: its path with codes, the description, every source (markdown, escaped). */
export function codeDocumentation(a: Analysis, code: string, origins: Origin[], k: CompletionKnowledge, locale: Locale, md: (s: string) => string): string {
  const view = k.catalog.view(a.document.header.year);
  const m = knowledgeMessages(locale);
  const printed = printedNames(a.document);
  const e = view.get(code);
  const name = e?.name ?? printed.get(code) ?? k.workspace.nameOf(code) ?? '';
  const path = pathOf(code, view, printed, k.workspace);
  const out: string[] = [`**${md(code)} ${md(name)}**`, '', md(path.map((p) => `${p.code} ${p.name ?? ''}`.trim()).join(' > '))];
  if (e?.description) out.push('', md(e.description));
  const sources = e ? e.sources.map((s) => sourceLabel(s, s.type === 'catalog' || s.type === 'user' || s.type === 'seed' ? e.years : [], m)) : [];
  if (origins.includes('document')) sources.push(m.thisDocument);
  if (origins.includes('workspace')) sources.push(m.workspace);
  if (sources.length) out.push('', `${m.hoverSources}：${sources.map(md).join('；')}`);
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Column names after `列：`

function columnEntries(q: CompletionRequest, line: LineInfo, m: KnowledgeMessages): Completion | null {
  const b = line.before;
  let segStart = Math.max(b.lastIndexOf('|'), b.lastIndexOf('｜'), b.lastIndexOf('{'), b.lastIndexOf('}'), b.search(/[：:]/)) + 1;
  while (segStart < b.length && /[\s\u3000]/.test(b[segStart])) segStart++;
  const query = b.slice(segStart);
  if (/[[\]]/.test(query)) return null;
  const rest = line.text.slice(b.length);
  const stop = rest.search(/[|｜{}[]/);
  let segEnd = b.length + (stop < 0 ? rest.length : stop);
  while (segEnd > b.length && /[\s\u3000]/.test(line.text[segEnd - 1])) segEnd--;
  const seen = new Map<string, string>();
  const add = (name: string, from: string) => { if (name && !seen.has(name)) seen.set(name, from); };
  for (const t of q.analysis.document.tables) for (const p of t.parts) for (const c of p.columns) for (const n of c.path) add(n, m.thisDocument);
  for (const n of q.knowledge.workspace.columnNames()) add(n, m.workspace);
  for (const n of q.knowledge.columns) add(n, m.seedColumns);
  const text = query.trim();
  const ascii = /^[a-z]+$/i.test(text);
  const entries: CompletionEntry[] = [];
  for (const [name, from] of seen) {
    if (text && !(ascii ? initialsOf(name).startsWith(text.toLowerCase()) : name.includes(text))) continue;
    entries.push({
      label: name, kind: 'column', detail: from,
      sortText: `${name.startsWith(text) ? 0 : 1}${String(entries.length).padStart(4, '0')}`,
      filterText: ascii ? `${text}${name}` : name,
      edit: { span: { start: line.start + segStart, end: line.start + Math.max(segEnd, segStart) }, text: name },
    });
    if (entries.length >= 200) break;
  }
  return { isIncomplete: false, entries };
}

// ---------------------------------------------------------------------------------------------------------------
// Table references and row labels inside `规则：`

/** The run at the end of `s` of characters that `stop` does not match (scanned backwards: linear in the run). */
function trailingRun(s: string, stop: RegExp): string {
  let i = s.length;
  while (i > 0 && !stop.test(s[i - 1])) i--;
  return s.slice(i);
}

function ruleEntries(a: Analysis, line: LineInfo, offset: number): Completion | null {
  const b = line.before;
  const open = Math.max(b.lastIndexOf('「'), b.lastIndexOf('“'));
  const close = Math.max(b.lastIndexOf('」'), b.lastIndexOf('”'));
  const here = tableOfLine(a, line.start);
  const entries: CompletionEntry[] = [];
  if (open > close) {
    // Inside 「…」: a row label (or, after `行`, a column name) of the table named before it, else of this table.
    const closer = b[open] === '“' ? '”' : '」';
    const query = b.slice(open + 1);
    const head = b.slice(0, open);
    const named = head.endsWith('表') ? trailingRun(head, /[\s=+\-－（）()；;，,、「」“”…⋯]/) : undefined;
    const target = named ? a.document.tables.find((t) => t.number === named || t.number?.replace(/\s/g, '') === named.replace(/\s/g, '')) ?? here : here;
    if (!target) return null;
    const wantsColumn = /[行」”][\s]*$/.test(head) && /行[\s]*$/.test(head);
    const after = line.text.slice(b.length);
    const suffix = after.startsWith(closer) ? '' : closer;
    const seen = new Set<string>();
    const push = (label: string, detail: string, kind: EntryKind) => {
      if (!label || seen.has(label) || (query && !label.includes(query))) return;
      seen.add(label);
      entries.push({ label, kind, detail, sortText: String(entries.length).padStart(4, '0'), edit: { span: { start: line.start + open + 1, end: offset }, text: `${label}${suffix}` } });
    };
    if (wantsColumn) {
      for (const p of target.parts) for (const c of p.columns) if (c.role === 'figure') push(c.name, `${target.number ?? target.title} ${c.number !== undefined ? `${c.number}栏` : ''}`.trim(), 'column');
    } else {
      for (const p of target.parts) {
        if (!rowCount(p)) continue;
        eachRowHead(p, (r) => {
          const where = `${target.number ?? target.title}${p.name ? ` ${p.name}` : ''}${r.lineNo !== undefined ? ` ${r.lineNo}行` : ''}`;
          if (r.label) push(r.label, where, 'value');
          const code = r.code;
          if (code) push(code, `${r.label} · ${where}`, 'code');
        });
      }
    }
    return { isIncomplete: false, entries };
  }
  // Elsewhere: a table reference.
  const word = trailingRun(b, /[\s=+\-－（）()；;，,、「」“”…⋯：:]/);
  const start = line.start + b.length - word.length;
  for (const t of a.document.tables) {
    if (t === here) continue;
    const label = t.number ?? `「${t.title}」`;
    if (word && !label.includes(word)) continue;
    entries.push({ label, kind: 'reference', detail: t.title, sortText: String(entries.length).padStart(4, '0'), edit: { span: { start, end: offset }, text: label } });
  }
  return { isIncomplete: false, entries };
}

// ---------------------------------------------------------------------------------------------------------------
// Glossary terms in `## 名词解释`

function glossaryEntries(q: CompletionRequest, line: LineInfo, m: KnowledgeMessages): Completion | null {
  const doc = q.analysis.document;
  // A glossary term's enumerator: a row label's item number, as the glossary reads it (model/glossaryLine.ts).
  const lead = glossaryTermStart(line.text);
  if (line.before.length < lead) return null;
  const query = line.before.slice(lead).trim();
  const span = { start: line.start + lead, end: line.end };
  const own = new Set(doc.glossary.map((e) => termKey(e.term)));
  const explained = new Set<string>();
  const k = q.knowledge;
  const view = k.catalog.view(doc.header.year);
  const printed = printedNames(doc);
  const entries: CompletionEntry[] = [];
  const push = (label: string, definition: string, detail: string) => {
    if (query && !termKey(label).includes(termKey(query))) return;
    entries.push({
      label, kind: 'term', detail, sortText: String(entries.length).padStart(4, '0'),
      ...(definition ? { documentation: definition } : {}),
      edit: { span, text: `${label}：${definition}` },
    });
  };
  // The 项 this document's tables use, as `类(类)款(款)项(项)` terms, for those its glossary does not explain yet.
  for (const e of doc.glossary) if (e.path) explained.add(termKey(e.path[e.path.length - 1]));
  const codes = [...printed.keys()].filter((c) => c.length === 7 && c[0] === '2').sort();
  for (const code of codes) {
    const path = pathOf(code, view, printed, k.workspace);
    if (path.some((p) => !p.name) || explained.has(termKey(path[2].name ?? ''))) continue;
    const term = `${path[0].name}(类)${path[1].name}(款)${path[2].name}(项)`;
    if (own.has(termKey(term))) continue;
    const seed = k.glossary.forCode(code)[0];
    const d = seed ? k.glossary.document(seed.document) : undefined;
    push(term, seed?.definition ?? '', `${code}${d ? ` · ${m.hoverSeedGlossary(d.title)}` : ''}`);
  }
  // Terms the seeds explain and this document does not.
  const seen = new Set<string>();
  for (const e of k.glossary.entries) {
    if (e.path) continue;
    const key = termKey(e.term);
    if (own.has(key) || seen.has(key)) continue;
    seen.add(key);
    const d = k.glossary.document(e.document);
    push(e.term, e.definition, d ? m.hoverSeedGlossary(d.title) : e.document);
  }
  return { isIncomplete: false, entries };
}
