/** The document model: what a `.budget` text says, in the domain's terms. */
import type { Figure } from '../numbers/decimal';
import type { HeadingLine, RuleNode, Say, Span } from '../syntax/ast';
import type { RuleId } from '../checks/ruleIds';

export type DocumentKind = '预算' | '决算';
export type MoneyUnit = '万元' | '元';

export interface Field {
  key: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
  span: Span;
}

export interface Header {
  department?: Field;
  year?: number;
  kind?: DocumentKind;
  unit?: MoneyUnit;
  title?: string;
  fields: Field[];
}

export type ColumnRole = 'line' | 'code' | 'label' | 'figure';

export interface Column {
  /** The column's own name. */
  name: string;
  /** The names of its groups, outermost first, then its own. */
  path: string[];
  /** The 栏次 printed for it. */
  number?: number;
  role: ColumnRole;
  /** Position among the leaf columns of its part. */
  index: number;
  /** Position among the figure columns of its part. */
  figureIndex?: number;
  span: Span;
}

export type CellKind = 'figure' | 'empty' | 'dash' | 'text' | 'broken';

export interface Cell {
  text: string;
  span: Span;
  kind: CellKind;
  figure?: Figure;
  column?: Column;
  row: Row;
}

export type CodeKind = 'functional' | 'economic' | 'project';

export interface Row {
  /** 行次 */
  lineNo?: number;
  code?: string;
  codeKind?: CodeKind;
  codeSpan?: Span;
  label: string;
  labelSpan: Span;
  cells: Cell[];
  span: Span;
  part: Part;
  /** Index within its part. */
  index: number;
}

/** A table, or one side or sub-table of one (`### 收入`, `### 项目资金来源`). */
export interface Part {
  name?: string;
  nameSpan?: Span;
  columns: Column[];
  columnsSpan?: Span;
  rows: Row[];
  table: Table;
  fields: Field[];
}

export interface Rule {
  node: RuleNode;
  table: Table;
}

export type SectionKind = 'table' | 'form' | 'glossary' | 'narrative';

export interface Table {
  kind: 'table' | 'form';
  /** 公开01表, 附表4-1, 表1 … */
  number?: string;
  title: string;
  /** The heading text after `##`. */
  heading: string;
  headingSpan: Span;
  span: Span;
  parts: Part[];
  rules: Rule[];
  notes: { text: string; span: Span }[];
  fields: Field[];
  /** Free text lines (forms keep long texts this way). */
  texts: { text: string; span: Span }[];
  /** The money unit that applies: the table's own, else the header's. */
  unit?: MoneyUnit;
  /** The unit the table itself declares (`金额单位：万元` under its heading), and the field that declares it. */
  ownUnit?: MoneyUnit;
  unitField?: Field;
}

export interface GlossaryEntry {
  term: string;
  definition: string;
  termSpan: Span;
  span: Span;
  /** For `…(类)…(款)…(项)` entries: the names along the path. */
  path?: string[];
}

export interface NarrativeLine {
  text: string;
  span: Span;
  /** The `###` heading above it, if any. */
  heading?: string;
  section: string;
}

export interface BudgetDocument {
  text: string;
  header: Header;
  title?: string;
  tables: Table[];
  glossary: GlossaryEntry[];
  narrative: NarrativeLine[];
  /**
   * The heading lines (`##`, `###` …) of the text outside its tables and forms — its parts, narrative sections,
   * glossary —, in order, when the document was assembled from its sections (analysis.ts; made when first asked). A
   * section built alone has none.
   */
  readonly headings?: readonly HeadingLine[];
  /** Problems the model builder finds in the structure (a row before any 列, …). */
  structureErrors: { say: Say; span: Span; rule: RuleId; severity: 'error' | 'warning' }[];
}
