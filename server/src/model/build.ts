/**
 * Builds the document model from the lines of the syntax tree, or of a section (../incremental): `ModelBuilder`
 * takes the lines one by one, and the rows of tables straight from the hand reader (../syntax/reader) into their
 * part's store (./rows), with no syntax object made for them. Never throws; structural problems become findings.
 */
import type { ColumnNode, HeadingLine, Line, RowLine, Span, SyntaxTree } from '../syntax/ast';
import { lineStartOf } from '../syntax/positions';
import { RowScan, scanRow } from '../syntax/reader';
import { classifyCell, columnUnit, inUnit, norm } from './classify';
import type { BudgetDocument, Column, Field, GlossaryEntry, Header, Part, Row, Table } from './document';
import { codePathOf, glossaryLineOf } from './glossaryLine';
import { rowCount, RowStore, StoredPart, TextLines, type LineSource } from './rows';
import { headOf } from '../util/text';

export { classifyCode, norm } from './classify';

const LINE_COLUMN = /^行次$/;
const CODE_COLUMN = /(编码|代码|编号)$|^科目$/;
const LABEL_COLUMN = /^(项目|科目名称|名称|项目名称|来源项目|单位名称|部门（单位）名称|部门\(单位\)名称|支出项目|收入项目|指标|目标名称|项目活动)$/;
const FIGURE_NAME = /(合计|小计|金额|数|总计|支出|收入|经费|费|结余|预算|决算|占比|比例|率)$/;

// The value is the rest of the line (`s`: whatever it holds), so nothing after the `：` can make the pattern backtrack.
const FIELD_RE = /^([^：:|]{1,24}?)[ \t\u3000]*[：:](.*)$/s;

/** A `键：值` line's field, or undefined when the line is not one. */
export function fieldOf(text: string, span: Span): Field | undefined {
  const m = FIELD_RE.exec(text);
  if (!m) return undefined;
  const key = m[1].trim();
  const value = m[2].trim();
  const keyStart = span.start + text.indexOf(m[1]);
  const valueStart = value ? span.start + text.lastIndexOf(value) : span.end;
  return {
    key, value,
    keySpan: { start: keyStart, end: keyStart + key.length },
    valueSpan: { start: valueStart, end: valueStart + value.length },
    span,
  };
}

function unitOf(v: string): '万元' | '元' | undefined {
  const n = norm(v);
  if (n === '万元') return '万元';
  if (n === '元') return '元';
  return undefined;
}

function flattenColumns(nodes: ColumnNode[], path: string[], out: Column[]): void {
  for (const n of nodes) {
    const p = n.name ? [...path, n.name] : path;
    if (n.children?.length) flattenColumns(n.children, p, out);
    else out.push({ name: n.name, path: p, number: n.number, role: 'figure', index: out.length, span: n.span });
  }
}

function assignRoles(cols: Column[]): void {
  let label = false;
  for (const c of cols) {
    const n = norm(c.name);
    if (LINE_COLUMN.test(n)) c.role = 'line';
    else if (CODE_COLUMN.test(n)) c.role = 'code';
    else if (!label && c.number === undefined && (LABEL_COLUMN.test(n) || !FIGURE_NAME.test(n))) {
      c.role = 'label';
      label = true;
    } else c.role = 'figure';
  }
  const figures = cols.filter((c) => c.role === 'figure');
  figures.forEach((c, i) => { c.figureIndex = i; });
  // A table that prints no 栏次 numbers its figure columns 1, 2, 3 … in order, as the printed 栏次 rows do.
  if (!cols.some((c) => c.number !== undefined)) figures.forEach((c, i) => { c.number = i + 1; });
}

const TABLE_NUMBER = /^(?:[^\s\d]*\d\S*|公开表\s*\d+|(?:公开表|附表|表)[一二三四五六七八九十]+)$/;

/** A title that starts with its year (`2017 年政府采购预算表`, `2017年…`): the year is not a table number. */
const YEAR_TITLE = /^\d{4}(?:[ \t\u3000]*年|$)/;

function parseTableHeading(text: string): { number?: string; title: string } {
  const rest = text.replace(/^表[ \t\u3000]*/, '');
  // The first word is the number when blanks (or nothing) follow it, unless it is the year a title starts with.
  const number = /^\S+/.exec(rest)?.[0];
  const after = number ? rest.slice(number.length) : '';
  if (number && (!after || ' \t\u3000'.includes(after[0])) && TABLE_NUMBER.test(number) && !YEAR_TITLE.test(rest)) return { number, title: after.trim() };
  return { title: rest.trim() };
}

/** The name of the part that holds a table's or form's figure fields. */
export const FIELD_PART = '（字段）';

/**
 * A table's fields (`键：值` lines): its own, printed before its first part, then each part's, in document order. Read
 * by what looks for a field anywhere in a table (a stated phrase, a form's 项目名称, a 目录's entries).
 */
export function fieldsOf(t: Table): readonly Field[] {
  if (!t.parts.some((p) => p.fields.length)) return t.fields;
  const out = t.fields.slice();
  for (const p of t.parts) for (const f of p.fields) out.push(f);
  return out;
}

/**
 * A score column of a performance form (绩效自评表): `得分`, `自评得分`, `得分 (20分*执行率)`, not a rate (`得分率`). Its
 * figures are points: one printed without decimals is a whole number of points, not an amount rounded to one.
 */
export function isScoreColumn(name: string): boolean {
  return SCORE_COLUMN.test(norm(name));
}
const SCORE_COLUMN = /^(?:自评|评价)?得分(?!率)/;

/** A weight column of a performance form (`分值`, `权重`): points too (`isPointsColumn`). */
export function isWeightColumn(name: string): boolean {
  return WEIGHT_COLUMN.test(norm(name));
}
const WEIGHT_COLUMN = /^(?:分值|权重)$/;

/**
 * The funds total of a performance form (the national 项目支出绩效自评表's `年度资金总额`, Sichuan's `总额`), the row its
 * `其中` sources add up to: a form whose sources were all left blank is judged once, by the form check (rules/forms.ts
 * `blankSources`), not column by column (the standard set's identities of each column hold only where a source is
 * printed: `当（…）`, data/standard/juesuan.budget).
 */
export function isFundsTotal(label: string): boolean {
  return FUNDS_TOTAL.test(norm(label));
}
const FUNDS_TOTAL = /^(?:年度资金总额|总额)[：:]?$/;

/** A column of points: a score or a weight (whole figures in it are whole points: checks/evaluate `valueOf`). */
export function isPointsColumn(name: string): boolean {
  return isScoreColumn(name) || isWeightColumn(name);
}

/** A part's columns of figures (not its text columns: 科目编码, 科目名称, 单位名称), in order. */
export function figureColumns(p: Part): Column[] {
  return p.columns.filter((c) => c.role === 'figure');
}

/** A part's first column of figures. */
export function firstFigureColumn(p: Part): Column | undefined {
  return p.columns.find((c) => c.role === 'figure');
}

export function buildDocument(tree: SyntaxTree): BudgetDocument {
  const source = new TextLines(tree.text, tree.base ?? 0);
  const b = new ModelBuilder({ fields: [] }, source, source);
  for (const l of tree.lines) b.line(l);
  const doc = b.finish();
  inheritUnits(doc.tables, doc.header);
  return doc;
}

/**
 * A table's money unit: its own `金额单位：`, else the document header's; its figures printed with their own unit
 * (`150万`) are read in it (`RowStore.setUnit`, ./classify `inUnit`: the figures printed so, and nothing when the
 * unit is the one they were read in), or in their column's where its name prints one (`金额（元）`: `columnUnit`).
 */
export function inheritUnits(tables: Table[], header: Header): void {
  for (const t of tables) {
    const unit = (t.unit = t.ownUnit ?? header.unit);
    for (const p of t.parts) {
      if (p instanceof StoredPart) p.store.setUnit(unit);
      else for (const r of p.rows) for (const c of r.cells) if (c.figure?.unitPower !== undefined) c.figure = inUnit(c.figure, columnUnit(c.column, unit));
    }
  }
}

/**
 * Builds the model of some lines of a tree: the whole document, or one section of it (../incremental/sections).
 * Header fields go to `header`, which the sections of one document share. Units are inherited afterwards
 * (`inheritUnits`), once the whole header is known.
 */
export function buildSection(tree: SyntaxTree, sectionLines: Line[], header: Header): BudgetDocument {
  const source = new TextLines(tree.text, tree.base ?? 0);
  const b = new ModelBuilder(header, source, source);
  for (const l of sectionLines) b.line(l);
  return b.finish();
}

type Mode = 'header' | 'table' | 'glossary' | 'narrative';

/**
 * The model of a run of lines, built line by line: `line` for a parsed line, `row` for a row read by hand. Rows of
 * tables go into their part's store, under the key `source` knows their line by (a section's line number, or where
 * the line starts in one text).
 */
export class ModelBuilder {
  readonly doc: BudgetDocument;
  private mode: Mode = 'header';
  private table: Table | undefined;
  private part: Part | undefined;
  private sectionTitle = '';
  private subHeading: string | undefined;
  private lastEntry: GlossaryEntry | undefined;
  private readonly warnedParts = new Set<Part>();
  /** A table's span runs from its heading to its last line; set once the table ends. */
  private tableEnd = 0;
  private readonly scan = new RowScan();

  /**
   * `trees`: the text of the syntax tree whose lines `line` is given, when they include rows (which are read again
   * into their stores, keyed by where their line starts in that text). `rows`: room to make in a new part's store
   * (a guess: the lines of the text).
   */
  constructor(private readonly header: Header, readonly source: LineSource, private readonly trees?: TextLines, private readonly rows = 16) {
    this.doc = { text: trees?.text ?? '', header, tables: [], glossary: [], narrative: [], structureErrors: [] };
  }

  /** The model, once every line is in. */
  finish(): BudgetDocument {
    this.closeTable();
    return this.doc;
  }

  private newPart(t: Table, name?: string, nameSpan?: Span): StoredPart {
    const p = new StoredPart(t, new RowStore(this.source, this.rows), name, nameSpan);
    t.parts.push(p);
    return p;
  }

  private closeTable(): void {
    const table = this.table;
    if (table && this.tableEnd > table.span.end) table.span = { start: table.span.start, end: this.tableEnd };
  }

  private startSection(h: HeadingLine): void {
    this.closeTable();
    this.sectionTitle = h.text;
    this.subHeading = undefined;
    this.lastEntry = undefined;
    this.table = undefined;
    this.part = undefined;
    if (h.prose) {
      this.mode = /名词解释/.test(h.text) ? 'glossary' : 'narrative';
      return;
    }
    this.mode = 'table';
    const isTable = /^表([ \t\u3000]|$)/.test(h.text);
    const { number, title } = isTable ? parseTableHeading(h.text) : { number: undefined, title: h.text };
    const table: Table = {
      kind: isTable ? 'table' : 'form', number, title, heading: h.text, headingSpan: h.textSpan, span: h.span,
      parts: [], rules: [], notes: [], fields: [], texts: [],
    };
    this.table = table;
    this.doc.tables.push(table);
    this.tableEnd = table.span.end;
  }

  /**
   * A row or text line read by hand: `scan` of `text` (which starts at document offset `base`), the line being
   * `key` to the source and starting at `lineStart` in `text`. As the parser would give it: a row of a table goes
   * into its part's store and gives undefined; any other line is made and built as the parser's line would be, and
   * returned (the caller keeps it among the tree's lines).
   */
  row(key: number, text: string, base: number, lineStart: number, scan: RowScan): Line | undefined {
    if (scan.pipes && this.mode === 'table' && this.table) {
      this.addRow(key, text, lineStart, scan, { start: base + scan.contentStart, end: base + scan.spanEnd });
      return undefined;
    }
    const line = scanned(text, base, scan);
    if (line.kind === 'row') this.looseRow(line, text.slice(scan.contentStart, scan.spanEnd));
    else this.line(line);
    return line;
  }

  /** A row outside any table: prose in a glossary or narrative, else a mistake. */
  private looseRow(line: RowLine, text: string): void {
    if (this.mode === 'glossary' || this.mode === 'narrative') this.addProse(text, line.span);
    else this.doc.structureErrors.push({ say: (m) => m.rowOutsideTable, span: line.span, rule: 'syntax', severity: 'error' });
    if (this.table && line.span.end > this.tableEnd) this.tableEnd = line.span.end;
  }

  /** A line of the syntax tree; true when it is a row that went into its part's store. */
  line(line: Line): boolean {
    const doc = this.doc;
    let stored = false;
    switch (line.kind) {
      case 'blank':
      case 'comment':
        break;
      case 'heading':
        if (line.level === 1) {
          doc.title = line.text;
          this.header.title ??= line.text;
          this.mode = 'header';
          this.closeTable();
          this.table = undefined;
        } else if (line.level === 2 || this.mode === 'header') this.startSection(line);
        else if (this.mode === 'table' && this.table) {
          this.part = this.newPart(this.table, line.text, line.textSpan);
        } else {
          this.subHeading = line.text;
          this.lastEntry = undefined;
        }
        break;
      case 'prose':
        this.addProse(line.text, line.span);
        break;
      case 'text': {
        if (this.mode === 'glossary' || this.mode === 'narrative') { this.addProse(line.text, line.span); break; }
        const f = fieldOf(line.text, line.span);
        const table = this.table;
        if (this.mode === 'header' || !table) {
          if (f) this.addHeaderField(f);
          else doc.structureErrors.push({ say: (m) => m.headerOnlyFields(headOf(line.text, 20)), span: line.span, rule: 'syntax', severity: 'warning' });
          break;
        }
        if (f) {
          (this.part ?? table).fields.push(f);
          if (/^(金额)?单位$/.test(norm(f.key)) && unitOf(f.value)) {
            table.ownUnit = unitOf(f.value);
            table.unitField = f;
          }
          else if (f.value) addFieldRow(table, f);
        } else table.texts.push({ text: line.text, span: line.span });
        break;
      }
      case 'note':
        if (this.table) this.table.notes.push({ text: line.text, span: line.span });
        else this.addProse(line.text, line.span);
        break;
      case 'columns': {
        const table = this.table;
        if (!table) {
          doc.structureErrors.push({ say: (m) => m.columnsOutsideTable, span: line.span, rule: 'syntax', severity: 'error' });
          break;
        }
        if (!this.part || this.part.columns.length || rowCount(this.part)) this.part = this.newPart(table);
        const cols: Column[] = [];
        flattenColumns(line.columns, [], cols);
        assignRoles(cols);
        this.part.columns = cols;
        this.part.columnsSpan = line.span;
        break;
      }
      case 'rules': {
        const table = this.table;
        if (!table) {
          doc.structureErrors.push({ say: (m) => m.rulesOutsideTable, span: line.span, rule: 'syntax', severity: 'error' });
          break;
        }
        for (const r of line.rules) table.rules.push({ node: r, table });
        break;
      }
      case 'row': {
        const tree = this.trees;
        if (!tree) throw new Error('a row line without its text');
        const { text, base } = tree;
        if (this.mode === 'glossary' || this.mode === 'narrative' || !this.table) {
          this.looseRow(line, text.slice(line.span.start - base, line.span.end - base));
          break;
        }
        // Read again by hand into the store: the same cells (a row line is a flat run of tokens).
        const lineStart = lineStartOf(text, line.span.start - base);
        this.addRow(lineStart, text, lineStart, scanRow(text, lineStart, line.span.end - base, this.scan), line.span);
        stored = true;
        break;
      }
    }
    if (this.table && line.span.end > this.tableEnd) this.tableEnd = line.span.end;
    return stored;
  }

  private addRow(key: number, text: string, lineStart: number, scan: RowScan, span: Span): void {
    const table = this.table!;
    const part = (this.part ??= this.newPart(table));
    if (!part.columns.length && !this.warnedParts.has(part)) {
      this.warnedParts.add(part);
      this.doc.structureErrors.push({ say: (m) => m.missingColumns, span, rule: 'syntax', severity: 'error' });
    }
    const problem = (part as StoredPart).store.add(part.columns, key, text, lineStart, scan);
    if (problem) this.doc.structureErrors.push(problem);
    if (span.end > this.tableEnd) this.tableEnd = span.end;
  }

  private addHeaderField(f: Field): void {
    const { header, doc } = this;
    header.fields.push(f);
    const k = norm(f.key);
    if (k === '部门' || k === '单位' || k === '单位名称' || k === '部门名称') {
      const u = unitOf(f.value);
      if (u) header.unit = u;
      else header.department = f;
    } else if (k === '年度' || k === '年份') {
      const y = /\d{4}/.exec(f.value);
      if (y) header.year = Number(y[0]);
      else doc.structureErrors.push({ say: (m) => m.badYear(f.value), span: f.valueSpan, rule: 'syntax', severity: 'error' });
    } else if (k === '类型') {
      const v = norm(f.value);
      if (v.includes('决算')) header.kind = '决算';
      else if (v.includes('预算')) header.kind = '预算';
      else doc.structureErrors.push({ say: (m) => m.badKind(f.value), span: f.valueSpan, rule: 'syntax', severity: 'error' });
    } else if (k === '金额单位') {
      const u = unitOf(f.value);
      if (u) header.unit = u;
      else doc.structureErrors.push({ say: (m) => m.badUnit(f.value), span: f.valueSpan, rule: 'syntax', severity: 'error' });
    } else if (k === '标题') header.title = f.value;
  }

  private addProse(text: string, span: Span): void {
    if (this.mode === 'glossary') {
      const m = glossaryLineOf(text);
      if (m) {
        const { term } = m;
        const entry: GlossaryEntry = { term, definition: m.definition, termSpan: { start: span.start + m.termStart, end: span.start + m.termEnd }, span };
        const path = codePathOf(norm(term));
        if (path) entry.path = path;
        this.doc.glossary.push(entry);
        this.lastEntry = entry;
      } else if (this.lastEntry && text.trim()) {
        this.lastEntry.definition += text.trim();
        this.lastEntry.span = { start: this.lastEntry.span.start, end: span.end };
      }
      return;
    }
    this.doc.narrative.push({ text, span, heading: this.subHeading, section: this.sectionTitle });
  }
}

/** A field whose value is a figure (`项目总预算：21`) is also a row of the table's field part, so rules can use it. */
function addFieldRow(t: Table, f: Field): void {
  const { kind, figure } = classifyCell(f.value);
  if (kind !== 'figure') return;
  let fp = t.parts.find((p) => p.name === FIELD_PART);
  if (!fp) {
    fp = { name: FIELD_PART, columns: [], rows: [], table: t, fields: [] };
    fp.columns = [
      { name: '键', path: ['键'], role: 'label', index: 0, span: f.keySpan },
      { name: '值', path: ['值'], role: 'figure', index: 1, number: 1, figureIndex: 0, span: f.valueSpan },
    ];
    t.parts.push(fp);
  }
  const row: Row = { label: f.key, labelSpan: f.keySpan, cells: [], span: f.span, part: fp, index: fp.rows.length };
  row.cells.push({ text: f.key, span: f.keySpan, kind: 'text', column: fp.columns[0], row });
  row.cells.push({ text: f.value, span: f.valueSpan, kind, figure, column: fp.columns[1], row });
  fp.rows.push(row);
}

/** The line a hand-read row or text line is, as the parser makes it (spans in the document: `base` added). */
export function scanned(text: string, base: number, scan: RowScan): RowLine | Line {
  const comment = scan.comment >= 0 ? text.slice(scan.comment + 2, scan.end).trim() : undefined;
  if (!scan.pipes) {
    const span = { start: base + scan.contentStart, end: base + scan.contentEnd };
    return { kind: 'text', text: text.slice(scan.contentStart, scan.contentEnd), span, comment };
  }
  const cells = [];
  for (let i = 0; i < scan.count; i++) {
    const a = scan.cellStart(i);
    const b = scan.cellEnd(i);
    cells.push({ text: text.slice(a, b), span: { start: base + a, end: base + b } });
  }
  return { kind: 'row', cells, span: { start: base + scan.contentStart, end: base + scan.spanEnd }, comment };
}
