/**
 * Completion: subject codes in code cells (by code prefix, name fragment or pinyin initials, ranked by the rows above
 * and limited to the table's kind), names in name cells, column names after `列：`, table references and row labels
 * inside `规则：`, and glossary terms in `## 名词解释`.
 */
import { CompletionItemKind, CompletionTriggerKind, type CompletionItem, type CompletionList, type Range, type TextEdit } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { knowledgeMessages, type KnowledgeMessages } from '../i18n/knowledge';
import { Catalog, type CatalogEntry, type CatalogView } from '../knowledge/catalog';
import { codeCellsOf, economicFamily, partCodeKind } from '../knowledge/codes';
import { termKey } from '../knowledge/glossary';
import { pathOf, printedNames, sourceLabel } from '../knowledge/index';
import { initialsOf } from '../knowledge/pinyin';
import { searchCodes, type CodeMatch, type Origin } from '../knowledge/search';
import { asRecords } from '../knowledge/workspace';
import type { Part, Table } from '../model/document';
import type { HeadingLine } from '../syntax/ast';
import type { Positions } from '../syntax/positions';
import type { Analyzed, ServerContext } from './context';
import type { Feature } from './features';
import { capped, md } from './markdown';

const LIMIT = 100;

/**
 * Typing a digit asks for completion (VS Code never suggests on its own while a word is a number): the answer is a list
 * only in a code cell (see onCompletion).
 */
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

interface LineInfo {
  start: number;
  end: number;
  text: string;
  /** The line's text before the cursor. */
  before: string;
}

interface CellInfo {
  /** After the pipe before it (or the line's start). */
  start: number;
  /** Before the pipe after it (or the line's end). */
  end: number;
  contentStart: number;
  contentEnd: number;
  text: string;
  /** A pipe follows it on the line. */
  closed: boolean;
}

function lineAt(text: string, offset: number): LineInfo {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end, text: text.slice(start, end), before: text.slice(start, offset) };
}

function cellsOf(line: LineInfo): CellInfo[] {
  const out: CellInfo[] = [];
  let from = 0;
  const s = line.text;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === '|' || s[i] === '｜') {
      let a = from;
      let b = i;
      while (a < b && /[\s\u3000]/.test(s[a])) a++;
      while (b > a && /[\s\u3000]/.test(s[b - 1])) b--;
      out.push({ start: line.start + from, end: line.start + i, contentStart: line.start + a, contentEnd: line.start + b, text: s.slice(a, b), closed: i < s.length });
      from = i + 1;
    }
  }
  return out;
}

function range(lines: Positions, start: number, end: number): Range {
  return { start: lines.position(start), end: lines.position(end) };
}

/** The `##` heading (or level-1 title) above an offset. */
function sectionAt(a: Analysis, offset: number): HeadingLine | undefined {
  let h: HeadingLine | undefined;
  for (const l of a.tree.lines) {
    if (l.span.start > offset) break;
    if (l.kind === 'heading' && l.level <= 2 && l.span.end <= offset) h = l;
  }
  return h;
}

export function completionFeature(ctx: ServerContext): Feature {
  const docCatalogs = new WeakMap<Analysis, Catalog>();
  let wsCatalog: { revision: number; uri: string; catalog: Catalog } | undefined;

  const extrasFor = (uri: string, a: Analysis, year: number | undefined, skipLine?: LineInfo): { view: CatalogView; origin: Origin }[] => {
    let dc = docCatalogs.get(a);
    if (!dc) {
      const codes = [];
      for (const t of a.document.tables) for (const p of t.parts) for (const r of p.rows) {
        if (skipLine && r.span.start >= skipLine.start && r.span.start <= skipLine.end) continue;
        for (const c of codeCellsOf(r)) if (c.name) codes.push({ code: c.code, name: c.name, year, uri });
      }
      dc = new Catalog(asRecords(codes, () => ({ type: 'document' })));
      docCatalogs.set(a, dc);
    }
    const ws = ctx.knowledge.workspace;
    if (!wsCatalog || wsCatalog.revision !== ws.revision || wsCatalog.uri !== uri) {
      wsCatalog = { revision: ws.revision, uri, catalog: new Catalog(asRecords(ws.codes(uri), (c) => ({ type: 'workspace', uri: c.uri }))) };
    }
    return [{ view: dc.view(year), origin: 'document' }, { view: wsCatalog.catalog.view(year), origin: 'workspace' }];
  };

  ctx.connection.onCompletionResolve((item): CompletionItem => {
    const data = item.data as Partial<ItemData> | undefined;
    if (item.documentation || !data || typeof data.uri !== 'string' || typeof data.code !== 'string' || !Array.isArray(data.origins)) return item;
    const value = codeDocumentation(ctx, data as ItemData);
    return value ? { ...item, documentation: { kind: 'markdown', value: capped(value, knowledgeMessages(ctx.locale).textCut) } } : item;
  });

  ctx.connection.onCompletion((params): CompletionList | null => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const an = ctx.analyzed(doc);
    const offset = an.lines.offset(params.position);
    const list = complete(ctx, doc.uri, an, offset, extrasFor);
    // A digit opens the list only where a code is being typed (a code list, which re-queries as the code grows: it is
    // incomplete); a figure, a 行次 or a rule's row number typed elsewhere gets no list in its way.
    if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && DIGITS.includes(params.context.triggerCharacter ?? '')) {
      return list?.isIncomplete && list.items.length ? list : null;
    }
    return list;
  });

  return { capabilities: { completionProvider: { triggerCharacters: ['|', '｜', '「', '：', ':', '{', ...DIGITS], resolveProvider: true } } };
}

type Extras = (uri: string, a: Analysis, year: number | undefined, skipLine?: LineInfo) => { view: CatalogView; origin: Origin }[];

function complete(ctx: ServerContext, uri: string, an: Analyzed, offset: number, extras: Extras): CompletionList | null {
  const a = an.analysis;
  const line = lineAt(a.tree.text, offset);
  const m = knowledgeMessages(ctx.locale);
  if (/^[\s\u3000]*列[\s\u3000]*[：:]/.test(line.text)) return columnItems(ctx, a, an.lines, line);
  if (/^[\s\u3000]*规则[\s\u3000]*[：:]/.test(line.text)) return ruleItems(a, an.lines, line, offset);
  if (/^[\s\u3000]*(\/\/|#)/.test(line.text)) return null;
  const section = sectionAt(a, line.start);
  if (!section) return null;
  if (section.prose) {
    if (/^名词解释/.test(section.text) && !/[：:]/.test(line.before)) return glossaryItems(ctx, uri, a, an.lines, line, m);
    return null;
  }
  const table = a.document.tables.find((t) => t.span.start === section.span.start);
  if (!table) return null;
  return codeItems(ctx, uri, a, an.lines, table, line, offset, m, extras);
}

// ---------------------------------------------------------------------------------------------------------------
// Codes

function codeItems(ctx: ServerContext, uri: string, a: Analysis, lines: Positions, table: Table, line: LineInfo, offset: number, m: KnowledgeMessages, extras: Extras): CompletionList | null {
  // The part whose columns are declared above the line.
  let part: Part | undefined;
  for (const p of table.parts) if (p.columnsSpan && p.columnsSpan.start < line.start) part = p;
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
  const view = ctx.catalogFor(uri).view(year);
  const typed = offset >= cell.contentStart ? a.tree.text.slice(cell.contentStart, offset) : '';
  const editRange = range(lines, Math.min(cell.contentStart, offset), Math.max(cell.contentEnd, offset));

  // The nearest coded row above, in the same code column.
  let anchor: string | undefined;
  const codeColumn = codeIndex >= 0 ? columns[codeIndex] : undefined;
  for (const r of part.rows) {
    if (r.span.end > line.start) break;
    const c = codeCellsOf(r).find((x) => !x.cell || !codeColumn || x.cell.column === (column.role === 'code' ? column : codeColumn));
    if (c && /^\d{3}(\d{2}){0,2}$/.test(c.code)) anchor = c.code;
  }
  const kind = partCodeKind(part, column.role === 'code' ? column : codeColumn)?.kind;
  const printed = printedNames(doc);
  const family = kind === 'economic' ? economicFamily(part) : undefined;
  const context = { ctx, uri, a, view, year, printed, m, anchor, kind, family, extras: extras(uri, a, year, line) };

  if (column.role === 'code') {
    // A code cell: insert the code, and the name in the name cell after it.
    const next = columns[index + 1];
    const nameCell = cells[index + 1];
    const withName = next?.role === 'label';
    const more = columns.length > index + 2;
    return codeList(context, typed, (e) => {
      if (!withName) return { edit: { range: editRange, newText: e.code } };
      if (nameCell) {
        const extra: TextEdit[] = [];
        if (nameCell.text !== e.name) {
          const s = nameCell.contentStart > nameCell.start ? nameCell.contentStart : nameCell.start;
          extra.push({ range: range(lines, s, Math.max(nameCell.contentEnd, s)), newText: nameCell.contentStart > nameCell.start ? e.name : ` ${e.name}` });
        }
        return { edit: { range: editRange, newText: e.code }, extra };
      }
      return { edit: { range: editRange, newText: `${e.code} | ${e.name}${more ? ' | ' : ''}` } };
    });
  }
  if (column.role === 'label' && codeIndex >= 0 && codeIndex < index) {
    // A name cell after a code cell: the name, with its code in the code cell. The printed code's own name first.
    const codeCell = cells[codeIndex];
    const hasCode = codeCell && /^\d{3,}$/.test(codeCell.text);
    if (!typed.trim() && !hasCode) return null;
    return codeList(context, typed.trim() ? typed : (codeCell?.text ?? ''), (e) => {
      const extra: TextEdit[] = [];
      if (codeCell && codeCell.text !== e.code) {
        const s = codeCell.contentStart;
        extra.push({ range: range(lines, s, Math.max(codeCell.contentEnd, s)), newText: codeCell.contentStart > codeCell.start || codeIndex === 0 ? e.code : ` ${e.code}` });
      }
      return { edit: { range: editRange, newText: e.name }, extra };
    });
  }
  if (column.role === 'label' && codeIndex < 0) {
    // A table without a code column: a label may start with its code (`2010350 事业运行`).
    const coded = part.rows.some((r) => r.code && r.codeKind !== 'project');
    const digits = /^\d+/.exec(typed.trim())?.[0];
    if (!coded && !digits) return null;
    if (!typed.trim() && !coded) return null;
    return codeList(context, digits ?? typed, (e) => ({ edit: { range: editRange, newText: `${e.code} ${e.name}` } }));
  }
  return null;
}

interface CodeContext {
  ctx: ServerContext;
  uri: string;
  a: Analysis;
  view: CatalogView;
  year: number | undefined;
  printed: Map<string, string>;
  m: KnowledgeMessages;
  anchor?: string;
  kind?: 'functional' | 'economic';
  family?: '3' | '5';
  extras: { view: CatalogView; origin: Origin }[];
}

function codeList(c: CodeContext, typed: string, edits: (e: CatalogEntry) => { edit: TextEdit; extra?: TextEdit[] }): CompletionList {
  const query = typed.trim();
  const matches = searchCodes(c.view, c.extras, { text: query, kind: c.kind, family: c.family, anchor: c.anchor, limit: LIMIT });
  const items = matches.map((x, i) => codeItem(c, x, i, query, edits(x.entry)));
  return { isIncomplete: true, items };
}

/** What a code item carries to `completionItem/resolve`, which adds its documentation. */
interface ItemData {
  uri: string;
  code: string;
  origins: Origin[];
}

function codeItem(c: CodeContext, x: CodeMatch, i: number, query: string, edit: { edit: TextEdit; extra?: TextEdit[] }): CompletionItem {
  const { m } = c;
  const e = x.entry;
  const path = pathOf(e.code, c.view, c.printed, c.ctx.knowledge.workspace);
  const pathText = path.map((p) => p.name ?? p.code).join(' > ');
  const origins = x.origins.map((o) => (o === 'catalog' ? m.theCatalog(m.years(e.nameYears)) : o === 'document' ? m.thisDocument : m.workspace));
  const data: ItemData = { uri: c.uri, code: e.code, origins: x.origins };
  return {
    label: `${e.code} ${e.name}`,
    labelDetails: { description: origins.join(' · ') },
    kind: CompletionItemKind.EnumMember,
    detail: `${pathText} · ${origins.join(' · ')}`,
    sortText: String(i).padStart(4, '0'),
    filterText: /^\d*$/.test(query) ? e.code : `${query} ${e.code} ${e.name}`,
    textEdit: edit.edit,
    ...(edit.extra?.length ? { additionalTextEdits: edit.extra } : {}),
    data,
  };
}

/** The documentation of a code item: its path with codes, the description, every source (untrusted markdown). */
function codeDocumentation(ctx: ServerContext, data: ItemData): string | undefined {
  const doc = ctx.documents.get(data.uri);
  if (!doc) return undefined;
  const a = ctx.analyzed(doc).analysis;
  const view = ctx.catalogFor(data.uri).view(a.document.header.year);
  const m = knowledgeMessages(ctx.locale);
  const printed = printedNames(a.document);
  const e = view.get(data.code);
  const name = e?.name ?? printed.get(data.code) ?? ctx.knowledge.workspace.nameOf(data.code) ?? '';
  const path = pathOf(data.code, view, printed, ctx.knowledge.workspace);
  const out: string[] = [`**${md(data.code)} ${md(name)}**`, '', md(path.map((p) => `${p.code} ${p.name ?? ''}`.trim()).join(' > '))];
  if (e?.description) out.push('', md(e.description));
  const sources = e ? e.sources.map((s) => sourceLabel(s, s.type === 'catalog' || s.type === 'user' || s.type === 'seed' ? e.years : [], m)) : [];
  if (data.origins.includes('document')) sources.push(m.thisDocument);
  if (data.origins.includes('workspace')) sources.push(m.workspace);
  if (sources.length) out.push('', `${m.hoverSources}：${sources.map(md).join('；')}`);
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Column names after `列：`

function columnItems(ctx: ServerContext, a: Analysis, lines: Positions, line: LineInfo): CompletionList | null {
  const b = line.before;
  let segStart = Math.max(b.lastIndexOf('|'), b.lastIndexOf('｜'), b.lastIndexOf('{'), b.lastIndexOf('}'), b.search(/[：:]/)) + 1;
  while (segStart < b.length && /[\s\u3000]/.test(b[segStart])) segStart++;
  const query = b.slice(segStart);
  if (/[[\]]/.test(query)) return null;
  const rest = line.text.slice(b.length);
  const stop = rest.search(/[|｜{}[]/);
  let segEnd = b.length + (stop < 0 ? rest.length : stop);
  while (segEnd > b.length && /[\s\u3000]/.test(line.text[segEnd - 1])) segEnd--;
  const m = knowledgeMessages(ctx.locale);
  const seen = new Map<string, string>();
  const add = (name: string, from: string) => { if (name && !seen.has(name)) seen.set(name, from); };
  for (const t of a.document.tables) for (const p of t.parts) for (const c of p.columns) for (const n of c.path) add(n, m.thisDocument);
  for (const n of ctx.knowledge.workspace.columnNames()) add(n, m.workspace);
  for (const n of ctx.knowledge.columns) add(n, m.seedColumns);
  const q = query.trim();
  const ascii = /^[a-z]+$/i.test(q);
  const items: CompletionItem[] = [];
  for (const [name, from] of seen) {
    if (q && !(ascii ? initialsOf(name).startsWith(q.toLowerCase()) : name.includes(q))) continue;
    items.push({
      label: name, kind: CompletionItemKind.Field, detail: from,
      sortText: `${name.startsWith(q) ? 0 : 1}${String(items.length).padStart(4, '0')}`,
      filterText: ascii ? `${q}${name}` : name,
      textEdit: { range: range(lines, line.start + segStart, line.start + Math.max(segEnd, segStart)), newText: name },
    });
    if (items.length >= 200) break;
  }
  return { isIncomplete: false, items };
}

// ---------------------------------------------------------------------------------------------------------------
// Table references and row labels inside `规则：`

/** The run at the end of `s` of characters that `stop` does not match (scanned backwards: linear in the run). */
function trailingRun(s: string, stop: RegExp): string {
  let i = s.length;
  while (i > 0 && !stop.test(s[i - 1])) i--;
  return s.slice(i);
}

function tableOfLine(a: Analysis, offset: number): Table | undefined {
  let t: Table | undefined;
  for (const x of a.document.tables) if (x.span.start <= offset) t = x;
  return t;
}

function ruleItems(a: Analysis, lines: Positions, line: LineInfo, offset: number): CompletionList | null {
  const b = line.before;
  const open = Math.max(b.lastIndexOf('「'), b.lastIndexOf('“'));
  const close = Math.max(b.lastIndexOf('」'), b.lastIndexOf('”'));
  const here = tableOfLine(a, line.start);
  const items: CompletionItem[] = [];
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
    const end = offset;
    const suffix = after.startsWith(closer) ? '' : closer;
    const seen = new Set<string>();
    const push = (label: string, detail: string, kind: CompletionItemKind) => {
      if (!label || seen.has(label) || (query && !label.includes(query))) return;
      seen.add(label);
      items.push({
        label, kind, detail, sortText: String(items.length).padStart(4, '0'),
        textEdit: { range: range(lines, line.start + open + 1, end), newText: `${label}${suffix}` },
      });
    };
    if (wantsColumn) {
      for (const p of target.parts) for (const c of p.columns) if (c.role === 'figure') push(c.name, `${target.number ?? target.title} ${c.number !== undefined ? `${c.number}栏` : ''}`.trim(), CompletionItemKind.Field);
    } else {
      for (const p of target.parts) for (const r of p.rows) {
        const where = `${target.number ?? target.title}${p.name ? ` ${p.name}` : ''}${r.lineNo !== undefined ? ` ${r.lineNo}行` : ''}`;
        if (r.label) push(r.label, where, CompletionItemKind.Value);
        if (r.code) push(r.code, `${r.label} · ${where}`, CompletionItemKind.EnumMember);
      }
    }
    return { isIncomplete: false, items };
  }
  // Elsewhere: a table reference.
  const word = trailingRun(b, /[\s=+\-－（）()；;，,、「」“”…⋯：:]/);
  const start = line.start + b.length - word.length;
  for (const t of a.document.tables) {
    if (t === here) continue;
    const label = t.number ?? `「${t.title}」`;
    if (word && !label.includes(word)) continue;
    items.push({
      label, kind: CompletionItemKind.Reference, detail: t.title, sortText: String(items.length).padStart(4, '0'),
      textEdit: { range: range(lines, start, offset), newText: label },
    });
  }
  return { isIncomplete: false, items };
}

// ---------------------------------------------------------------------------------------------------------------
// Glossary terms in `## 名词解释`

function glossaryItems(ctx: ServerContext, uri: string, a: Analysis, lines: Positions, line: LineInfo, m: KnowledgeMessages): CompletionList | null {
  const doc = a.document;
  const lead = /^[\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])?[\s\u3000]*/.exec(line.text)?.[0].length ?? 0;
  if (line.before.length < lead) return null;
  const query = line.before.slice(lead).trim();
  const r = range(lines, line.start + lead, line.end);
  const own = new Set(doc.glossary.map((e) => termKey(e.term)));
  const explained = new Set<string>();
  const kb = ctx.knowledge;
  const view = ctx.catalogFor(uri).view(doc.header.year);
  const printed = printedNames(doc);
  const items: CompletionItem[] = [];
  const push = (label: string, definition: string, detail: string) => {
    if (query && !termKey(label).includes(termKey(query))) return;
    items.push({
      label, kind: CompletionItemKind.Text, detail, sortText: String(items.length).padStart(4, '0'),
      ...(definition ? { documentation: { kind: 'markdown', value: capped(md(definition), m.textCut) } } : {}),
      textEdit: { range: r, newText: `${label}：${definition}` },
    });
  };
  // The 项 this document's tables use, as `类(类)款(款)项(项)` terms, for those its glossary does not explain yet.
  for (const e of doc.glossary) if (e.path) explained.add(termKey(e.path[e.path.length - 1]));
  const codes = [...printed.keys()].filter((c) => c.length === 7 && c[0] === '2').sort();
  for (const code of codes) {
    const path = pathOf(code, view, printed, kb.workspace);
    if (path.some((p) => !p.name) || explained.has(termKey(path[2].name ?? ''))) continue;
    const term = `${path[0].name}(类)${path[1].name}(款)${path[2].name}(项)`;
    if (own.has(termKey(term))) continue;
    const seed = kb.glossary.forCode(code)[0];
    const d = seed ? kb.glossary.document(seed.document) : undefined;
    push(term, seed?.definition ?? '', `${code}${d ? ` · ${m.hoverSeedGlossary(d.title)}` : ''}`);
  }
  // Terms the seeds explain and this document does not.
  const seen = new Set<string>();
  for (const e of kb.glossary.entries) {
    if (e.path) continue;
    const k = termKey(e.term);
    if (own.has(k) || seen.has(k)) continue;
    seen.add(k);
    const d = kb.glossary.document(e.document);
    push(e.term, e.definition, d ? m.hoverSeedGlossary(d.title) : e.document);
  }
  return { isIncomplete: false, items };
}

