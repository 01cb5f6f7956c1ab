/** Builds the document model from the syntax tree. Never throws; structural problems become findings. */
import { parseFigure } from '../numbers/decimal';
import type { ColumnNode, HeadingLine, Line, Span, SyntaxTree } from '../syntax/ast';
import type {
  BudgetDocument, Cell, CellKind, CodeKind, Column, ColumnRole, Field, GlossaryEntry, Header, Part, Row, Table,
} from './document';

const LINE_COLUMN = /^行次$/;
const CODE_COLUMN = /(编码|代码|编号)$|^科目$/;
const LABEL_COLUMN = /^(项目|科目名称|名称|项目名称|来源项目|单位名称|部门（单位）名称|部门\(单位\)名称|支出项目|收入项目|指标|目标名称|项目活动)$/;
const FIGURE_NAME = /(合计|小计|金额|数|总计|支出|收入|经费|费|结余|预算|决算|占比|比例|率)$/;

export function norm(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

export function classifyCode(code: string): CodeKind | undefined {
  if (/^\d{7}$/.test(code)) return 'functional';
  if (/^[2]\d{2}(\d{2})?$/.test(code)) return 'functional';
  if (/^[35]\d{2}(\d{2})?$/.test(code)) return 'economic';
  if (/^1\d{2}(\d{2}(\d{2}(\d{2})?)?)?$/.test(code)) return 'functional';
  if (/^[0-9A-Za-z]{8,}$/.test(code) && /\d/.test(code)) return 'project';
  return undefined;
}

function classifyCell(text: string): { kind: CellKind; figure?: ReturnType<typeof parseFigure> } {
  if (text === '') return { kind: 'empty' };
  if (/^[-—–－−―]+$/.test(text)) return { kind: 'dash' };
  const figure = parseFigure(text) ?? parseFigure(text.replace(/[ \t\u3000]*(万元|元)$/, ''));
  if (figure) return { kind: 'figure', figure };
  if (/\d/.test(text) && /^[\d\s.,，．%\-−]+$/.test(text)) return { kind: 'broken' };
  return { kind: 'text' };
}

const FIELD_RE = /^([^：:|]{1,24}?)[ \t\u3000]*[：:][ \t\u3000]*(.*)$/;

function fieldOf(text: string, span: Span): Field | undefined {
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

const TABLE_NUMBER = /^(?:[^\s]*\d[^\s]*|公开表\s*\d+)$/;

/** A title that starts with its year (`2017 年政府采购预算表`, `2017年…`): the year is not a table number. */
const YEAR_TITLE = /^\d{4}(?:[ \t\u3000]*年|$)/;

function parseTableHeading(text: string): { number?: string; title: string } {
  const rest = text.replace(/^表[ \t\u3000]*/, '');
  const m = /^(\S+)(?:[ \t\u3000]+(.*))?$/.exec(rest);
  if (m && TABLE_NUMBER.test(m[1]) && /\d/.test(m[1]) && !YEAR_TITLE.test(rest)) return { number: m[1], title: (m[2] ?? '').trim() };
  return { title: rest.trim() };
}

/** The name of the part that holds a table's or form's figure fields. */
export const FIELD_PART = '（字段）';

const GLOSSARY_ENTRY = /^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．][ \t]*)?[ \t\u3000]*([^：:]{1,80}?)[ \t\u3000]*[：:][ \t\u3000]*(.*)$/;
const CODE_PATH = /^(.+?)[(（]类[)）](?:(.+?)[(（]款[)）])?(?:(.+?)[(（]项[)）])?$/;

export function buildDocument(tree: SyntaxTree): BudgetDocument {
  const doc = buildSection(tree, tree.lines, { fields: [] });
  inheritUnits(doc.tables, doc.header);
  return doc;
}

/** A table's money unit: its own `金额单位：`, else the document header's. */
export function inheritUnits(tables: Table[], header: Header): void {
  for (const t of tables) t.unit = t.ownUnit ?? header.unit;
}

/**
 * Builds the model of some lines of a tree: the whole document, or one section of it (../incremental/sections).
 * Header fields go to `header`, which the sections of one document share. Units are inherited afterwards
 * (`inheritUnits`), once the whole header is known.
 */
export function buildSection(tree: SyntaxTree, sectionLines: Line[], header: Header): BudgetDocument {
  const doc: BudgetDocument = { text: tree.text, header, tables: [], glossary: [], narrative: [], structureErrors: [] };
  type Mode = 'header' | 'table' | 'glossary' | 'narrative';
  let mode = 'header' as Mode;
  let table: Table | undefined;
  let part: Part | undefined;
  let sectionTitle = '';
  let subHeading: string | undefined;
  let lastEntry: GlossaryEntry | undefined;
  const warnedParts = new Set<Part>();

  const newPart = (t: Table, name?: string, nameSpan?: Span): Part => {
    const p: Part = { name, nameSpan, columns: [], rows: [], table: t, fields: [] };
    t.parts.push(p);
    return p;
  };

  // A table's span runs from its heading to its last line; set once the table ends.
  let tableEnd = 0;
  const closeTable = () => {
    if (table && tableEnd > table.span.end) table.span = { start: table.span.start, end: tableEnd };
  };

  const startSection = (h: HeadingLine) => {
    closeTable();
    sectionTitle = h.text;
    subHeading = undefined;
    lastEntry = undefined;
    table = undefined;
    part = undefined;
    if (h.prose) {
      mode = /名词解释/.test(h.text) ? 'glossary' : 'narrative';
      return;
    }
    mode = 'table';
    const isTable = /^表([ \t\u3000]|$)/.test(h.text);
    const { number, title } = isTable ? parseTableHeading(h.text) : { number: undefined, title: h.text };
    table = {
      kind: isTable ? 'table' : 'form', number, title, heading: h.text, headingSpan: h.textSpan, span: h.span,
      parts: [], rules: [], notes: [], fields: [], texts: [],
    };
    doc.tables.push(table);
    tableEnd = table.span.end;
  };

  for (const line of sectionLines) {
    switch (line.kind) {
      case 'blank':
      case 'comment':
        break;
      case 'heading':
        if (line.level === 1) {
          doc.title = line.text;
          header.title ??= line.text;
          mode = 'header';
          closeTable();
          table = undefined;
        } else if (line.level === 2 || mode === 'header') startSection(line);
        else if (mode === 'table' && table) {
          part = newPart(table, line.text, line.textSpan);
        } else {
          subHeading = line.text;
          lastEntry = undefined;
        }
        break;
      case 'prose':
        addProse(line.text, line.span);
        break;
      case 'text': {
        if (mode === 'glossary' || mode === 'narrative') { addProse(line.text, line.span); break; }
        const f = fieldOf(line.text, line.span);
        if (mode === 'header' || !table) {
          if (f) addHeaderField(f);
          else doc.structureErrors.push({ say: (m) => m.headerOnlyFields(line.text.slice(0, 20)), span: line.span, rule: 'syntax', severity: 'warning' });
          break;
        }
        if (f) {
          (part ?? table).fields.push(f);
          if (/^(金额)?单位$/.test(norm(f.key)) && unitOf(f.value)) {
            table.ownUnit = unitOf(f.value);
            table.unitField = f;
          }
          else if (f.value) addFieldRow(table, f);
        } else table.texts.push({ text: line.text, span: line.span });
        break;
      }
      case 'note':
        if (table) table.notes.push({ text: line.text, span: line.span });
        else addProse(line.text, line.span);
        break;
      case 'columns': {
        if (!table) {
          doc.structureErrors.push({ say: (m) => m.columnsOutsideTable, span: line.span, rule: 'syntax', severity: 'error' });
          break;
        }
        if (!part || part.columns.length || part.rows.length) part = newPart(table);
        const cols: Column[] = [];
        flattenColumns(line.columns, [], cols);
        assignRoles(cols);
        part.columns = cols;
        part.columnsSpan = line.span;
        break;
      }
      case 'rules':
        if (!table) {
          doc.structureErrors.push({ say: (m) => m.rulesOutsideTable, span: line.span, rule: 'syntax', severity: 'error' });
          break;
        }
        for (const r of line.rules) table.rules.push({ node: r, table });
        break;
      case 'row': {
        if (mode === 'glossary' || mode === 'narrative') { addProse(tree.text.slice(line.span.start - (tree.base ?? 0), line.span.end - (tree.base ?? 0)), line.span); break; }
        if (!table) {
          doc.structureErrors.push({ say: (m) => m.rowOutsideTable, span: line.span, rule: 'syntax', severity: 'error' });
          break;
        }
        part ??= newPart(table);
        if (!part.columns.length && !warnedParts.has(part)) {
          warnedParts.add(part);
          doc.structureErrors.push({ say: (m) => m.missingColumns, span: line.span, rule: 'syntax', severity: 'error' });
        }
        addRow(part, line.cells, line.span);
        break;
      }
    }
    if (table && line.span.end > tableEnd) tableEnd = line.span.end;
  }

  closeTable();

  function addHeaderField(f: Field) {
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

  function addProse(text: string, span: Span) {
    if (mode === 'glossary') {
      const m = GLOSSARY_ENTRY.exec(text);
      if (m && m[1].trim()) {
        const term = m[1].trim();
        const termStart = span.start + text.indexOf(m[1]);
        const entry: GlossaryEntry = { term, definition: m[2].trim(), termSpan: { start: termStart, end: termStart + m[1].length }, span };
        const p = CODE_PATH.exec(norm(term));
        if (p) entry.path = [p[1], p[2], p[3]].filter((x): x is string => !!x);
        doc.glossary.push(entry);
        lastEntry = entry;
      } else if (lastEntry && text.trim()) {
        lastEntry.definition += text.trim();
        lastEntry.span = { start: lastEntry.span.start, end: span.end };
      }
      return;
    }
    doc.narrative.push({ text, span, heading: subHeading, section: sectionTitle });
  }

  /** A field whose value is a figure (`项目总预算：21`) is also a row of the table's field part, so rules can use it. */
  function addFieldRow(t: Table, f: Field) {
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

  function addRow(p: Part, cellNodes: { text: string; span: Span }[], span: Span) {
    const row: Row = { label: '', labelSpan: span, cells: [], span, part: p, index: p.rows.length };
    const cols = p.columns;
    cellNodes.forEach((c, i) => {
      const column = cols[i];
      const role: ColumnRole = column?.role ?? (i === 0 ? 'label' : 'figure');
      let cell: Cell;
      if (role === 'figure') {
        const { kind, figure } = classifyCell(c.text);
        cell = { text: c.text, span: c.span, kind, figure, column, row };
      } else {
        cell = { text: c.text, span: c.span, kind: c.text ? 'text' : 'empty', column, row };
        if (role === 'label') { row.label = c.text; row.labelSpan = c.span; }
        else if (role === 'code' && c.text) {
          const code = norm(c.text);
          row.code = code;
          row.codeKind = classifyCode(code);
          row.codeSpan = c.span;
        } else if (role === 'line' && c.text) {
          const n = Number(norm(c.text));
          if (Number.isInteger(n)) row.lineNo = n;
        }
      }
      row.cells.push(cell);
    });
    if (!row.code && !cols.some((c) => c.role === 'code')) {
      const m = /^(\d{3}|\d{5}|\d{7})[ \t\u3000]+(\S.*)$/.exec(row.label);
      if (m) {
        row.code = m[1];
        row.codeKind = classifyCode(m[1]);
        row.codeSpan = { start: row.labelSpan.start, end: row.labelSpan.start + m[1].length };
        const off = row.label.indexOf(m[2]);
        row.label = m[2];
        row.labelSpan = { start: row.labelSpan.start + off, end: row.labelSpan.end };
      }
    }
    if (cols.length && cellNodes.length > cols.length) {
      const extra = cellNodes[cols.length];
      doc.structureErrors.push({
        say: (m) => m.tooManyCells(cols.length, cellNodes.length),
        span: { start: extra.span.start, end: cellNodes[cellNodes.length - 1].span.end }, rule: 'row-shape', severity: 'error',
      });
    } else if (cols.length && cellNodes.length < cols.length && cellNodes.length > 1) {
      doc.structureErrors.push({
        say: (m) => m.tooFewCells(cols.length, cellNodes.length),
        span, rule: 'row-shape', severity: 'warning',
      });
    }
    p.rows.push(row);
  }

  return doc;
}
