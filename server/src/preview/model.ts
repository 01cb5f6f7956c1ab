/**
 * The preview's view model: what the preview panel shows of a document, built from its `Analysis`. Pure, and plain
 * JSON (it crosses the protocol): the tables with their header rows (column groups as colspan/rowspan, the 栏次 row),
 * their rows (code level, 合计 rows) and cells (text, kind, role), the fields, notes and rules around them, the
 * glossary and the narrative as text. Everything shown carries its source range (LSP positions: line and UTF-16
 * character) and a stable id, so a click can select its source; and the findings on it, as a status and messages.
 * Every string the panel shows comes in the analysis' locale.
 *
 * Findings are placed on the smallest thing shown that contains them: a cell, a header cell, a rule, a field, a span
 * of text in a note or the narrative; else a row, a rules line, a columns line; else the table. What lies nowhere
 * shown (a stray line before the first table …) is listed as `other`. Nothing is lost: the counts are of all findings.
 */
import type { Analysis } from '../analysis';
import type { Finding } from '../checks/finding';
import { editorMessages } from '../i18n/editor';
import type { Locale } from '../i18n/messages';
import { FIELD_PART, norm } from '../model/build';
import type { CellKind, ColumnRole, Field, GlossaryEntry, NarrativeLine, Part, Row, Table } from '../model/document';
import type { ColumnNode, ColumnsLine, RuleNode, RulesLine, Span } from '../syntax/ast';
import { LineIndex, type Position, type Positions } from '../syntax/positions';
import { countFindings, statusOf, type FindingCounts, type Status } from './summary';
import { maxOf, pushAll } from '../util/arrays';

export interface SourceRange {
  start: Position;
  end: Position;
}

/** error: a relation or figure that is wrong; tail: a 尾差 (holds within rounding only); info: any other note. */
export { statusOf, type Status } from './summary';

/** Something shown that comes from the source text: a click on it selects `range` in the editor. */
export interface Located {
  /** Stable within a document version and across edits elsewhere: `t2.p0.r5.c3` is table 2, part 0, row 5, cell 3. */
  id: string;
  range: SourceRange;
  /** The worst finding on it. */
  status?: Status;
  /** The findings' messages, worst first. */
  messages?: string[];
}

export interface PreviewCell extends Located {
  text: string;
  /** The model's cell kind; `missing` for a cell the row does not print (it has fewer cells than columns). */
  kind: CellKind | 'missing';
  /** The role of its column; `extra` for a cell beyond the last column. */
  role: ColumnRole | 'extra';
  /** For code and label cells of a coded row: 0 类, 1 款, 2 项. */
  level?: number;
}

export interface HeaderCell extends Located {
  text: string;
  colspan: number;
  rowspan: number;
  /** A column group (`基本支出{…}`) rather than a column. */
  group: boolean;
  role?: ColumnRole;
}

/** A cell of the 栏次 row. */
export interface NumberCell {
  text: string;
  id?: string;
  range?: SourceRange;
}

export interface PreviewRow extends Located {
  cells: PreviewCell[];
  /** 0 类, 1 款, 2 项 (functional and economic codes). */
  level?: number;
  /** A 合计/总计 row. */
  total: boolean;
}

export interface PreviewField extends Located {
  key: string;
  value: string;
}

/** A table, or one side or sub-table of one (`### 收入`). Its range is its `###` heading, else its `列：` line. */
export interface PreviewPart extends Located {
  name?: string;
  fields: PreviewField[];
  /** Header rows, outermost group first; empty when the part has no `列：` line. */
  header: HeaderCell[][];
  /** The 栏次 row, when the source prints 栏次 (`合计[1]`). */
  numbers?: NumberCell[];
  /** Number of columns every row spans. */
  width: number;
  rows: PreviewRow[];
}

/** A piece of a line of text: the pieces with findings on them are located, the others are plain. */
export interface Segment {
  text: string;
  id?: string;
  range?: SourceRange;
  status?: Status;
  messages?: string[];
}

export interface PreviewText extends Located {
  segments: Segment[];
}

export interface PreviewRule extends Located {
  text: string;
}

export interface PreviewRules extends Located {
  rules: PreviewRule[];
}

export type TableBlock =
  | { kind: 'fields'; fields: PreviewField[] }
  | { kind: 'parts'; layout: 'side-by-side' | 'stacked'; parts: PreviewPart[] }
  | { kind: 'note' | 'text'; line: PreviewText }
  | { kind: 'rules'; line: PreviewRules };

export interface TableSection extends Located {
  kind: 'table' | 'form';
  number?: string;
  title: string;
  unit?: Located & { text: string };
  /** In source order. */
  blocks: TableBlock[];
}

export interface PreviewHeading extends Located {
  kind: 'heading';
  text: string;
}

export interface PreviewEntry extends Located {
  kind: 'entry';
  term: string;
  definition: string;
}

export interface GlossarySection extends Located {
  kind: 'glossary';
  heading: string;
  items: (PreviewHeading | PreviewEntry)[];
}

export interface NarrativeSection extends Located {
  kind: 'narrative';
  heading: string;
  items: (PreviewHeading | ({ kind: 'line' } & PreviewText))[];
}

export type PreviewSection = TableSection | GlossarySection | NarrativeSection;

export interface PreviewStrings {
  title: string;
  empty: string;
  errors: string;
  warnings: string;
  tails: string;
  information: string;
  clean: string;
  next: string;
  columnNumbers: string;
  rules: string;
  ruleSeparator: string;
  other: string;
  hint: string;
}

export interface PreviewModel {
  locale: Locale;
  title?: Located & { text: string };
  /** The document header's fields (部门, 年度, 类型, 金额单位). */
  header: PreviewField[];
  counts: FindingCounts;
  /** Findings on nothing the preview shows. */
  other: (Located & { text: string })[];
  sections: PreviewSection[];
  strings: PreviewStrings;
}

export interface PreviewOptions {
  locale?: Locale;
  /** The document's file name, for the panel's title. */
  name?: string;
  /** The analysis text's line index, when the caller has one. */
  lines?: Positions;
}

const RANK: Record<Status, number> = { error: 3, warning: 2, tail: 1, info: 0 };


function mark(target: { status?: Status; messages?: string[] }, found: readonly Finding[]): void {
  if (!found.length) return;
  const sorted = [...found].sort((a, b) => RANK[statusOf(b)] - RANK[statusOf(a)]);
  target.status = statusOf(sorted[0]);
  target.messages = [...new Set(sorted.map((f) => f.message))];
}

const contains = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end;

interface Anchor {
  span: Span;
  found: Finding[];
  /** Puts the findings on what is shown (default: the target's status and messages). */
  finish: (found: Finding[]) => void;
}

/**
 * Where findings go. Three levels, finest first; within a level the spans do not overlap (cells, header cells, rules,
 * fields, text lines; rows, rules lines, columns lines; tables), so a binary search finds the one that contains a span.
 */
class Anchors {
  private readonly levels: Anchor[][] = [[], [], []];

  add(level: 0 | 1 | 2, span: Span, target: { status?: Status; messages?: string[] }): void {
    this.levels[level].push({ span, found: [], finish: (found) => mark(target, found) });
  }

  addText(span: Span, finish: (found: Finding[]) => void): void {
    this.levels[0].push({ span, found: [], finish });
  }

  /** Places each finding; returns those that lie in nothing shown. */
  place(findings: readonly Finding[]): Finding[] {
    for (const l of this.levels) l.sort((a, b) => a.span.start - b.span.start || (a.span.end - a.span.start) - (b.span.end - b.span.start));
    const loose: Finding[] = [];
    for (const f of findings) {
      const a = this.levels.map((l) => containing(l, f.span)).find((x) => x);
      if (a) a.found.push(f); else loose.push(f);
    }
    for (const l of this.levels) for (const a of l) a.finish(a.found);
    return loose;
  }
}

function containing(sorted: Anchor[], span: Span): Anchor | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].span.start <= span.start) { last = mid; lo = mid + 1; } else hi = mid - 1;
  }
  // Non-overlapping spans: the last one starting at or before `span` is the candidate; an empty one just before it
  // (an empty cell where a finding starts) too.
  let best: Anchor | undefined;
  for (let i = last; i >= 0 && i >= last - 2; i--) {
    const a = sorted[i];
    if (contains(a.span, span) && (!best || a.span.end - a.span.start < best.span.end - best.span.start)) best = a;
  }
  return best;
}

/** A line of text cut into segments where findings lie in it. */
function segmentsOf(text: string, span: Span, source: string, found: Finding[], idPrefix: string, place: (s: Span) => SourceRange): Segment[] {
  if (!found.length) return [{ text }];
  if (source.slice(span.start, span.end) !== text) {
    // The shown text is not the source's verbatim: mark it whole.
    const seg: Segment = { text, id: `${idPrefix}.s0`, range: place(span) };
    mark(seg, found);
    return [seg];
  }
  const cuts = new Set<number>([0, text.length]);
  for (const f of found) {
    cuts.add(f.span.start - span.start);
    cuts.add(f.span.end - span.start);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  // A finding on an empty span (a missing figure) marks the character after it, or before it at the end.
  const covers = (f: Finding, a: number, b: number) => {
    const s = f.span.start - span.start;
    const e = f.span.end - span.start;
    if (s === e) return s === a || (s === text.length && b === text.length);
    return s <= a && b <= e;
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const on = found.filter((f) => covers(f, a, b));
    const seg: Segment = { text: text.slice(a, b) };
    if (on.length) {
      seg.id = `${idPrefix}.s${out.length}`;
      seg.range = place({ start: span.start + a, end: span.start + b });
      mark(seg, on);
    }
    const prev = out[out.length - 1];
    // Neighbours marked by the same findings are one segment.
    if (prev && prev.status === seg.status && String(prev.messages) === String(seg.messages) && prev.range && seg.range) {
      prev.text += seg.text;
      prev.range = { start: prev.range.start, end: seg.range.end };
    } else if (prev && !prev.id && !seg.id) prev.text += seg.text;
    else out.push(seg);
  }
  return out.filter((s) => s.text || s.id);
}

const TOTAL_LABEL = /(合计|总计)$/;
const LEVELS: Record<number, number> = { 3: 0, 5: 1, 7: 2 };

function levelOf(r: Row): number | undefined {
  if (!r.code || (r.codeKind !== 'functional' && r.codeKind !== 'economic')) return undefined;
  return LEVELS[r.code.length];
}

function depth(n: ColumnNode): number {
  return n.children?.length ? 1 + maxOf(n.children.map(depth)) : 1;
}

function leafCount(n: ColumnNode): number {
  return n.children?.length ? n.children.reduce((s, c) => s + leafCount(c), 0) : 1;
}

function leaves(nodes: ColumnNode[], out: ColumnNode[] = []): ColumnNode[] {
  for (const n of nodes) {
    if (n.children?.length) leaves(n.children, out);
    else out.push(n);
  }
  return out;
}

const nonEmpty = (s: Span | undefined, fallback: Span): Span => (s && s.end > s.start ? s : fallback);

export function buildPreview(analysis: Analysis, options: PreviewOptions = {}): PreviewModel {
  const locale = options.locale ?? 'zh';
  const m = editorMessages(locale);
  const { tree, document: doc } = analysis;
  const source = tree.text;
  const lines = options.lines ?? new LineIndex(source);
  const place = (s: Span): SourceRange => ({ start: lines.position(s.start), end: lines.position(s.end) });
  const anchors = new Anchors();

  const columnsLines = new Map<number, ColumnsLine>();
  const rulesLineOf = new Map<RuleNode, RulesLine>();
  for (const l of tree.lines) {
    if (l.kind === 'columns') columnsLines.set(l.span.start, l);
    else if (l.kind === 'rules') for (const r of l.rules) rulesLineOf.set(r, l);
  }

  const fieldView = (f: Field, id: string): PreviewField => {
    const v: PreviewField = { id, range: place(nonEmpty(f.valueSpan, f.keySpan)), key: f.key, value: f.value };
    anchors.add(0, f.span, v);
    return v;
  };

  const textView = (text: string, span: Span, id: string): PreviewText => {
    const v: PreviewText = { id, range: place(span), segments: [{ text }] };
    anchors.addText(span, (found) => { v.segments = segmentsOf(text, span, source, found, id, place); });
    return v;
  };

  function partView(p: Part, id: string): PreviewPart {
    const line = p.columnsSpan ? columnsLines.get(p.columnsSpan.start) : undefined;
    const nodes = line?.columns ?? [];
    const leafNodes = leaves(nodes);
    const width = p.rows.reduce((w, r) => Math.max(w, r.cells.length), p.columns.length);
    const rangeSpan = p.nameSpan ?? p.columnsSpan ?? p.rows[0]?.span ?? p.table.headingSpan;
    const view: PreviewPart = {
      id, range: place(rangeSpan), name: p.name, fields: p.fields.map((f, k) => fieldView(f, `${id}.f${k}`)),
      header: [], width, rows: [],
    };
    if (p.nameSpan) anchors.add(0, p.nameSpan, view);
    if (p.columnsSpan) anchors.add(1, p.columnsSpan, view);

    // Header rows: a group spans its leaves; a leaf spans the rows below its level.
    const headerDepth = nodes.length ? maxOf(nodes.map(depth)) : 0;
    const header: HeaderCell[][] = Array.from({ length: headerDepth }, () => []);
    let leafIndex = 0;
    const walk = (ns: ColumnNode[], level: number) => {
      for (const n of ns) {
        const k = header[level].length;
        const group = !!n.children?.length;
        const span = group ? nonEmpty(n.nameSpan, n.span) : n.span;
        const cell: HeaderCell = {
          id: `${id}.h${level}.${k}`, range: place(nonEmpty(n.nameSpan, n.span)), text: n.name,
          colspan: group ? leafCount(n) : 1, rowspan: group ? 1 : headerDepth - level, group,
        };
        if (!group) cell.role = p.columns[leafIndex++]?.role;
        anchors.add(0, span, cell);
        header[level].push(cell);
        if (group) walk(n.children!, level + 1);
      }
    };
    walk(nodes, 0);
    if (headerDepth && width > leafNodes.length) {
      for (let i = leafNodes.length; i < width; i++) {
        header[0].push({ id: `${id}.h0.${header[0].length}`, range: place(p.columnsSpan ?? rangeSpan), text: '', colspan: 1, rowspan: headerDepth, group: false });
      }
    }
    view.header = header;

    if (leafNodes.some((n) => n.number !== undefined)) {
      let labelled = false;
      view.numbers = [];
      for (let i = 0; i < width; i++) {
        const n = leafNodes[i];
        const col = p.columns[i];
        if (n && col?.role === 'figure' && n.number !== undefined) {
          // The digits inside `[n]`.
          const text = String(n.number);
          const s = n.numberSpan ?? n.span;
          const k = source.slice(s.start, s.end).indexOf(text);
          view.numbers.push({ text, id: `${id}.n${i}`, range: place(k >= 0 ? { start: s.start + k, end: s.start + k + text.length } : s) });
        } else if (col && col.role !== 'figure' && !labelled) {
          labelled = true;
          view.numbers.push({ text: m.previewColumnNumbers });
        } else view.numbers.push({ text: '' });
      }
    }

    p.rows.forEach((r, ri) => {
      const rid = `${id}.r${ri}`;
      const level = levelOf(r);
      const row: PreviewRow = { id: rid, range: place(r.span), cells: [], total: TOTAL_LABEL.test(norm(r.label)) };
      if (level !== undefined) row.level = level;
      anchors.add(1, r.span, row);
      r.cells.forEach((c, ci) => {
        const role: PreviewCell['role'] = c.column?.role ?? 'extra';
        const cell: PreviewCell = { id: `${rid}.c${ci}`, range: place(c.span), text: c.text, kind: c.kind, role };
        if (level !== undefined && (role === 'code' || role === 'label')) cell.level = level;
        anchors.add(0, c.span, cell);
        row.cells.push(cell);
      });
      const end = place({ start: r.span.end, end: r.span.end });
      for (let i = r.cells.length; i < width; i++) {
        row.cells.push({ id: `${rid}.m${i}`, range: end, text: '', kind: 'missing', role: p.columns[i]?.role ?? 'extra' });
      }
      view.rows.push(row);
    });
    return view;
  }

  function tableView(t: Table, ti: number): TableSection {
    const id = `t${ti}`;
    const section: TableSection = { id, range: place(t.headingSpan), kind: t.kind, number: t.number, title: t.title, blocks: [] };
    anchors.add(0, t.headingSpan, section);
    anchors.add(2, t.span, section);
    // The field the table's unit was read from, if it declares one (a field the checker did not read, such as
    // `金额单位：千元`, stays a field, shown as written).
    const unitField = t.unitField;
    const parts = t.parts.filter((p) => p.name !== FIELD_PART);
    if (t.unit && parts.some((p) => p.columns.some((c) => c.role === 'figure'))) {
      section.unit = { text: m.previewUnit(t.unit), id: `${id}.unit`, range: place(unitField?.valueSpan ?? t.headingSpan) };
      if (unitField) anchors.add(0, unitField.span, section.unit);
    }

    // The blocks in source order; consecutive fields, and consecutive parts, go together.
    type Item = { at: number; block: TableBlock };
    const items: Item[] = [];
    t.fields.forEach((f, k) => {
      if (f === unitField && section.unit) return;
      items.push({ at: f.span.start, block: { kind: 'fields', fields: [fieldView(f, `${id}.f${k}`)] } });
    });
    parts.forEach((p) => {
      const pi = t.parts.indexOf(p);
      const at = (p.nameSpan ?? p.columnsSpan ?? p.rows[0]?.span ?? t.headingSpan).start;
      items.push({ at, block: { kind: 'parts', layout: 'stacked', parts: [partView(p, `${id}.p${pi}`)] } });
    });
    const texts = [...t.notes.map((n) => ({ kind: 'note' as const, ...n })), ...t.texts.map((x) => ({ kind: 'text' as const, ...x }))]
      .sort((a, b) => a.span.start - b.span.start);
    texts.forEach((x, k) => items.push({ at: x.span.start, block: { kind: x.kind, line: textView(x.text, x.span, `${id}.l${k}`) } }));
    const byLine = new Map<RulesLine | RuleNode, RuleNode[]>();
    for (const r of t.rules) {
      const key = rulesLineOf.get(r.node) ?? r.node;
      const list = byLine.get(key);
      if (list) list.push(r.node); else byLine.set(key, [r.node]);
    }
    let k = 0;
    for (const [key, nodes] of byLine) {
      const rid = `${id}.r${k++}`;
      const line: PreviewRules = {
        id: rid, range: place(key.span),
        rules: nodes.map((n, j) => {
          const v: PreviewRule = { id: `${rid}.${j}`, range: place(n.span), text: n.text };
          anchors.add(0, n.span, v);
          return v;
        }),
      };
      if (key.span !== nodes[0].span) anchors.add(1, key.span, line);
      items.push({ at: key.span.start, block: { kind: 'rules', line } });
    }
    items.sort((a, b) => a.at - b.at);
    for (const { block } of items) {
      const prev = section.blocks[section.blocks.length - 1];
      if (prev?.kind === 'fields' && block.kind === 'fields') pushAll(prev.fields, block.fields);
      else if (prev?.kind === 'parts' && block.kind === 'parts') pushAll(prev.parts, block.parts);
      else section.blocks.push(block);
    }
    for (const b of section.blocks) {
      // Two sides of one table (收入 | 支出), narrow enough, are printed side by side.
      if (b.kind === 'parts' && t.kind === 'table' && b.parts.length === 2 && b.parts.every((p) => p.name && p.rows.length)
        && b.parts.reduce((s, p) => s + p.width, 0) <= 10) b.layout = 'side-by-side';
    }
    return section;
  }

  // --- the document, section by section in source order ---
  const sections: PreviewSection[] = [];
  const tableAt = new Map<number, number>();
  doc.tables.forEach((t, i) => tableAt.set(t.headingSpan.start, i));
  const narrativeAt = new Map<number, NarrativeLine>(doc.narrative.map((n) => [n.span.start, n]));
  const glossaryAt = new Map<number, GlossaryEntry>(doc.glossary.map((g) => [g.span.start, g]));
  let title: PreviewModel['title'];
  let prose: GlossarySection | NarrativeSection | undefined;
  let inHeader = true;
  let proseCount = 0;
  const startProse = (kind: 'glossary' | 'narrative', heading: string, span: Span) => {
    const s = { id: `s${proseCount++}`, range: place(span), kind, heading, items: [] } as GlossarySection | NarrativeSection;
    anchors.add(0, span, s);
    sections.push(s);
    return s;
  };
  const addEntry = (s: GlossarySection | NarrativeSection, g: GlossaryEntry) => {
    const v: PreviewEntry = { kind: 'entry', id: `${s.id}.i${s.items.length}`, range: place(g.termSpan), term: g.term, definition: g.definition };
    anchors.add(0, g.span, v);
    (s.items as PreviewEntry[]).push(v);
  };
  const addLine = (s: NarrativeSection, n: NarrativeLine) => {
    // The same object the anchor fills in later (not a copy).
    s.items.push(Object.assign(textView(n.text, n.span, `${s.id}.i${s.items.length}`), { kind: 'line' as const }));
  };
  for (const line of tree.lines) {
    if (line.kind === 'heading') {
      if (line.level === 1) {
        if (!title) {
          title = { id: 'title', range: place(line.textSpan), text: doc.header.title ?? line.text };
          anchors.add(0, line.textSpan, title);
        }
        prose = undefined;
        inHeader = true;
        continue;
      }
      const ti = tableAt.get(line.textSpan.start);
      if (ti !== undefined) {
        sections.push(tableView(doc.tables[ti], ti));
        prose = undefined;
        inHeader = false;
        continue;
      }
      if (line.prose && (line.level === 2 || inHeader)) {
        prose = startProse(/名词解释/.test(line.text) ? 'glossary' : 'narrative', line.text, line.textSpan);
        inHeader = false;
      } else if (prose) {
        const h: PreviewHeading = { kind: 'heading', id: `${prose.id}.i${prose.items.length}`, range: place(line.textSpan), text: line.text };
        anchors.add(0, line.textSpan, h);
        prose.items.push(h);
      }
      continue;
    }
    if (!prose) continue;
    const g = glossaryAt.get(line.span.start);
    const n = narrativeAt.get(line.span.start);
    if (g && prose.kind === 'glossary') { addEntry(prose, g); glossaryAt.delete(g.span.start); }
    else if (n && prose.kind === 'narrative') { addLine(prose, n); narrativeAt.delete(n.span.start); }
  }
  // Whatever the walk did not meet (it mirrors the model builder; this is a safety net): shown at the end.
  if (narrativeAt.size) {
    const s = startProse('narrative', '', [...narrativeAt.values()][0].span) as NarrativeSection;
    for (const n of narrativeAt.values()) addLine(s, n);
  }
  if (glossaryAt.size) {
    const s = startProse('glossary', '', [...glossaryAt.values()][0].span);
    for (const g of glossaryAt.values()) addEntry(s, g);
  }

  const header = doc.header.fields.map((f, k) => fieldView(f, `h.f${k}`));
  const loose = anchors.place(analysis.findings);
  const counts = countFindings(analysis.findings);
  const other = loose.map((f, k) => ({ id: `o${k}`, range: place(f.span), text: f.message, status: statusOf(f), messages: [f.message] }));
  const name = options.name ?? title?.text ?? '';
  return {
    locale, title, header, counts, other, sections,
    strings: {
      title: m.previewTitle(name),
      empty: m.previewEmpty,
      errors: m.previewErrors(counts.errors),
      warnings: m.previewWarnings(counts.warnings),
      tails: m.previewTails(counts.tails),
      information: m.previewInformation(counts.information),
      clean: m.previewClean,
      next: m.previewNext,
      columnNumbers: m.previewColumnNumbers,
      rules: m.previewRules,
      ruleSeparator: m.previewRuleSeparator,
      other: m.previewOther,
      hint: m.previewHint,
    },
  };
}
