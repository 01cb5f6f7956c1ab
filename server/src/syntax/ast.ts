/** The syntax tree: one node per source line, with source offsets (UTF-16 code units). */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface HeadingLine {
  kind: 'heading';
  level: number;
  /** The heading text after the `#` marks, trimmed. */
  text: string;
  textSpan: Span;
  span: Span;
  prose: boolean;
}
export interface CommentLine { kind: 'comment'; text: string; span: Span }
export interface NoteLine { kind: 'note'; text: string; span: Span }
export interface ProseLine { kind: 'prose'; text: string; span: Span }
/** A line of text outside prose: a field (`键：值`) or free text. */
export interface TextLine { kind: 'text'; text: string; span: Span; comment?: string }

export interface CellNode {
  /** The cell's text, trimmed. */
  text: string;
  /** The trimmed text's span; an empty cell has an empty span where it stands. */
  span: Span;
}
export interface RowLine { kind: 'row'; cells: CellNode[]; span: Span; comment?: string }

export interface ColumnNode {
  name: string;
  nameSpan: Span;
  number?: number;
  numberSpan?: Span;
  children?: ColumnNode[];
  span: Span;
}
export interface ColumnsLine { kind: 'columns'; columns: ColumnNode[]; span: Span }

export type Unit = 'row' | 'column';

/** `27`, `「合计」`, with an optional unit (`行`, `栏`, `栏各行`). */
export interface AtomNode {
  value: string;
  quoted: boolean;
  unit?: Unit;
  eachRow?: boolean;
  span: Span;
}
/** A reference: an optional table, then atoms (`公开03表「201」行1栏`). */
export interface RefNode {
  kind: 'ref';
  table?: { text: string; span: Span };
  atoms: AtomNode[];
  span: Span;
}
export interface GroupItem {
  sign: 1 | -1;
  atom?: AtomNode;
  ellipsis?: Span;
}
/** `(1+2+…+8)行` */
export interface GroupNode {
  kind: 'group';
  table?: { text: string; span: Span };
  items: GroupItem[];
  unit?: Unit;
  eachRow?: boolean;
  span: Span;
  /**
   * A sum of references in brackets with no unit after them (`(「基本支出」行1栏+「项目支出」行1栏)`): each reference's
   * atoms, with its sign. The parser writes such a group as its terms (`expr`); it is set on no node it returns.
   */
  sum?: { sign: 1 | -1; atoms: AtomNode[] }[];
}
export interface TermNode {
  sign: 1 | -1;
  operand: RefNode | GroupNode;
}
export interface RuleNode {
  lhs: TermNode[];
  rhs: TermNode[];
  /** The rule's text (`lhs=rhs`, without its condition). */
  text: string;
  /** The span of `lhs=rhs`. */
  span: Span;
  /** `当 C=D`: the rule applies only when C = D holds. */
  condition?: ConditionNode;
}
/**
 * The condition of a rule: an equality (`当「本年收入合计」行=「总计」行`), or a phrase the document states
 * (`当「反映所有项目绩效自评结果」`: `lhs` one quoted name, `rhs` empty).
 */
export interface ConditionNode {
  lhs: TermNode[];
  rhs: TermNode[];
  text: string;
  span: Span;
}
export interface RulesLine { kind: 'rules'; rules: RuleNode[]; span: Span }
export interface BlankLine { kind: 'blank'; span: Span }

export type Line = HeadingLine | CommentLine | NoteLine | ProseLine | TextLine | RowLine | ColumnsLine | RulesLine | BlankLine;

/** A message in the reader's language: rendered from the message catalog when the analysis knows the locale. */
export type Say = (m: import('../i18n/messages').Messages) => string;

export interface SyntaxError {
  say: Say;
  span: Span;
}

export interface SyntaxTree {
  /** The text parsed; for a part of a document (a section, see ../incremental/chunks), that part's own text. */
  text: string;
  /** The document offset of `text`'s first character, when `text` is a part (spans are always document offsets). */
  base?: number;
  lines: Line[];
  errors: SyntaxError[];
}
