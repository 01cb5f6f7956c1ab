/**
 * Semantic tokens: what the analysis knows about the text, beyond what the TextMate grammar can see.
 * - subject codes by classification and level: functional 类/款/项, economic 类/款, project codes;
 * - figures, marked when a relation fails at them (`mismatch`) or holds only within rounding (`roundingTail`, 尾差):
 *   the figure that carries the finding, as the diagnostics do; also the amounts the narrative's claims are read from;
 * - references in rules: rows (`27行`, `「合计」行`), columns (`1栏`, `「基本支出」栏`), tables (`公开05表`, `本表`);
 * - what they refer to, as declarations: 行次 cells, 栏次 in `列：` (`[1]`), table numbers in headings.
 * Tokens are offsets (UTF-16), sorted, never overlapping, each on one line.
 */
import type { Analysis } from '../analysis';
import { codeCellsOf } from '../knowledge/codes';
import type { Cell, CodeKind } from '../model/document';
import type { RelationRuleId } from '../rules/relation';
import type { ColumnNode, Span } from '../syntax/ast';
import { ruleReferences } from './ruleRefs';

/** Token types: `number` is LSP's own; the others are declared in package.json (`contributes.semanticTokenTypes`). */
export const TOKEN_TYPES = ['number', 'functionalCode', 'economicCode', 'projectCode', 'rowReference', 'columnReference', 'tableReference'] as const;
/** Token modifiers: `declaration` is LSP's own; the others are declared in package.json (`semanticTokenModifiers`). */
export const TOKEN_MODIFIERS = ['declaration', 'lei', 'kuan', 'xiang', 'mismatch', 'roundingTail'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  span: Span;
  type: TokenType;
  modifiers: readonly TokenModifier[];
}

const RELATION_RULES = new Set<string>([
  'column-formula', 'row-formula', 'cell-formula', 'cross-table', 'code-hierarchy', 'total-row', 'share', 'form', 'narrative',
] satisfies RelationRuleId[]);

// Shared (never mutated) modifier lists: a large document has tens of thousands of tokens.
const NONE: readonly TokenModifier[] = [];
const DECLARATION: readonly TokenModifier[] = ['declaration'];
const LEVELS: Record<number, readonly TokenModifier[]> = { 3: ['lei'], 5: ['kuan'], 7: ['xiang'] };
const MODIFIERS: Record<string, readonly TokenModifier[]> = { mismatch: ['mismatch'], roundingTail: ['roundingTail'] };

export interface TokenOptions {
  /** Mark figures whose relations hold only within rounding (default true; follows `budgetTables.roundingDiagnostics`). */
  roundingTails?: boolean;
}

export function semanticTokens(a: Analysis, options: TokenOptions = {}): SemanticToken[] {
  const doc = a.document;
  const tails = options.roundingTails !== false;
  const out: SemanticToken[] = [];
  const push = (span: Span | undefined, type: TokenType, modifiers: readonly TokenModifier[] = NONE) => {
    if (span && span.end > span.start) out.push({ span, type, modifiers });
  };

  // How each figure that carries a finding of a relation is judged.
  const status = new Map<number, TokenModifier>();
  for (const f of a.findings) {
    if (!RELATION_RULES.has(f.rule)) continue;
    const s = f.severity === 'error' ? 'mismatch' : f.roundingTail && tails ? 'roundingTail' : undefined;
    if (s && status.get(f.span.start) !== 'mismatch') status.set(f.span.start, s);
  }
  const figure = (c: Cell) => {
    const s = status.get(c.span.start);
    push(c.span, 'number', s ? MODIFIERS[s] : NONE);
  };
  const code = (text: string, kind: CodeKind | undefined, span: Span) => {
    if (kind === 'functional') push(span, 'functionalCode', LEVELS[text.length] ?? NONE);
    else if (kind === 'economic') push(span, 'economicCode', text.length === 7 ? NONE : LEVELS[text.length] ?? NONE);
    else if (kind === 'project') push(span, 'projectCode');
  };

  for (const t of doc.tables) {
    if (t.number) {
      const at = t.heading.indexOf(t.number, 1);
      if (at >= 0) push({ start: t.headingSpan.start + at, end: t.headingSpan.start + at + t.number.length }, 'tableReference', DECLARATION);
    }
    for (const p of t.parts) {
      // A part with one code column: each row's own code (codeCellsOf finds the same, allocating).
      const single = p.columns.filter((c) => c.role === 'code').length <= 1;
      for (const r of p.rows) {
        if (single) {
          if (r.code && r.codeSpan) code(r.code, r.codeKind, r.codeSpan);
        } else for (const cc of codeCellsOf(r)) code(cc.code, cc.kind, cc.codeSpan);
        for (const c of r.cells) {
          const role = c.column?.role;
          if (role === 'line' && c.text) push(c.span, 'rowReference', DECLARATION);
          else if (role === 'figure' && c.kind === 'figure') figure(c);
        }
      }
    }
  }
  // The amounts of the narrative and of forms' texts, as the claims read them (the tables' own cells are done).
  const tables = new Set(doc.tables);
  const claimed = new Set<Cell>();
  const claim = (c: Cell) => {
    if (c.kind !== 'figure' || tables.has(c.row.part.table) || claimed.has(c)) return;
    claimed.add(c);
    figure(c);
  };
  for (const rel of a.relations) {
    if (rel.rule !== 'narrative') continue;
    claim(rel.target);
    for (const t of rel.terms) claim(t.cell);
  }

  // 栏次 in the `列：` lines.
  const columnNumbers = (nodes: ColumnNode[]) => {
    for (const n of nodes) {
      push(n.numberSpan, 'columnReference', DECLARATION);
      if (n.children) columnNumbers(n.children);
    }
  };
  for (const l of a.tree.lines) if (l.kind === 'columns') columnNumbers(l.columns);

  // References in rules.
  for (const r of ruleReferences(a)) {
    push(r.tableSpan, 'tableReference');
    push(r.partSpan, 'tableReference');
    if (r.range) continue;
    push(r.rowSpan, 'rowReference');
    push(r.columnSpan, 'columnReference');
  }

  out.sort((x, y) => x.span.start - y.span.start || y.span.end - x.span.end);
  // Never overlapping (an editor drops or misplaces overlapping tokens): the first of two that overlap stays.
  const kept: SemanticToken[] = [];
  let end = -1;
  for (const t of out) {
    if (t.span.start < end) continue;
    kept.push(t);
    end = t.span.end;
  }
  return kept;
}
