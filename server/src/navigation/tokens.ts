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
import type { Cell } from '../model/document';
import type { RuleId } from '../rules/relation';
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
  modifiers: TokenModifier[];
}

const RELATION_RULES = new Set<string>([
  'column-formula', 'row-formula', 'cell-formula', 'cross-table', 'code-hierarchy', 'total-row', 'share', 'form', 'narrative',
] satisfies RuleId[]);

const LEVEL: Record<number, TokenModifier> = { 3: 'lei', 5: 'kuan', 7: 'xiang' };

export interface TokenOptions {
  /** Mark figures whose relations hold only within rounding (default true; follows `budgetTables.roundingDiagnostics`). */
  roundingTails?: boolean;
}

export function semanticTokens(a: Analysis, options: TokenOptions = {}): SemanticToken[] {
  const doc = a.document;
  const tails = options.roundingTails !== false;
  const out: SemanticToken[] = [];
  const push = (span: Span | undefined, type: TokenType, modifiers: TokenModifier[] = []) => {
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
    push(c.span, 'number', s ? [s] : []);
  };

  const seen = new Set<Cell>();
  for (const t of doc.tables) {
    if (t.number) {
      const at = t.heading.indexOf(t.number, 1);
      if (at >= 0) push({ start: t.headingSpan.start + at, end: t.headingSpan.start + at + t.number.length }, 'tableReference', ['declaration']);
    }
    for (const p of t.parts) for (const r of p.rows) {
      for (const cc of codeCellsOf(r)) {
        if (cc.kind === 'functional' || cc.kind === 'economic') {
          const level = LEVEL[cc.code.length];
          push(cc.codeSpan, cc.kind === 'functional' ? 'functionalCode' : 'economicCode', level && !(cc.kind === 'economic' && level === 'xiang') ? [level] : []);
        } else if (cc.kind === 'project') push(cc.codeSpan, 'projectCode');
      }
      for (const c of r.cells) {
        const role = c.column?.role;
        if (role === 'line' && c.text) push(c.span, 'rowReference', ['declaration']);
        else if (role === 'figure' && c.kind === 'figure') {
          seen.add(c);
          figure(c);
        }
      }
    }
  }
  // The amounts of the narrative and of forms' texts, as the claims read them.
  for (const rel of a.relations) {
    for (const c of [rel.target, ...rel.terms.map((t) => t.cell)]) {
      if (seen.has(c) || c.kind !== 'figure') continue;
      seen.add(c);
      figure(c);
    }
  }

  // 栏次 in the `列：` lines.
  const columnNumbers = (nodes: ColumnNode[]) => {
    for (const n of nodes) {
      push(n.numberSpan, 'columnReference', ['declaration']);
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
