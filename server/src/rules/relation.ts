/** A relation between printed figures: a stated figure and the figures it is computed from. */
import type { Cell } from '../model/document';
import type { Decimal } from '../numbers/decimal';
import type { Span } from '../syntax/ast';

import type { RuleId } from '../checks/ruleIds';

/** The rules whose findings judge relations between figures. */
export type RelationRuleId = Extract<RuleId,
  | 'column-formula' | 'row-formula' | 'cell-formula' | 'cross-table'
  | 'code-hierarchy' | 'total-row' | 'share' | 'form' | 'narrative'>;

/** Every relation rule, once (a compact relation stores its rule as its number here). */
export const RELATION_RULES: readonly RelationRuleId[] = ['column-formula', 'row-formula', 'cell-formula', 'cross-table', 'code-hierarchy', 'total-row', 'share', 'form', 'narrative'];

export interface Term {
  sign: 1 | -1;
  cell: Cell;
  /**
   * The power of ten applied to the term's printed figure to express it in the target's unit: a 元 figure in a 万元
   * relation has shift −4, a 万元 figure in a 元 relation +4. Judged with the interval semantics (checks/evaluate).
   */
  shift?: number;
}

export interface Relation {
  rule: RelationRuleId;
  /**
   * `sum`: target = Σ terms, each figure an interval. `same`: one quantity printed twice.
   * `ratio`: target (a percentage) = terms[0] ÷ terms[1], or with more terms ÷ Σ terms[1…] (a whole implied by its parts,
   * terms[0] one of them: checks/evaluate.ts `partArithmetic`); `change`: target (a percentage) = terms[0] ÷ (terms[1] − terms[0]);
   * `growth`: target (a percentage) = s·(terms[0] − terms[1]) ÷ terms[1], s terms[0]'s sign (this year's amount and the
   * base, the change not stated).
   * `score`: target (points) = factor × min(terms[0], 100 %), a performance form's score of its weight (`factor`) and a
   * rate (`得分 (20分*执行率)`: a percentage, or a fraction; a rate above 100 % scores the full weight).
   */
  kind: 'sum' | 'same' | 'ratio' | 'change' | 'growth' | 'score';
  /** A `score`'s weight: exact, as the form prints it (in the column's name, a 分值 cell or the section's title). */
  factor?: Decimal;
  /** How the rule reads (`规则 1栏各行=(2+3)栏各行`, `类 = Σ款`). */
  title: string;
  target: Cell;
  terms: Term[];
  /** Where the rule is written, for declared rules. */
  ruleSpan?: Span;
}

export interface RuleProblem {
  rule: RuleId;
  message: string;
  span: Span;
  severity: 'error' | 'warning';
}

const cellLists = new WeakMap<Relation, readonly Cell[]>();

/** A relation's figures: its target, then its terms' (one list per relation, made once). */
export function cellsOf(rel: Relation): readonly Cell[] {
  let l = cellLists.get(rel);
  if (!l) cellLists.set(rel, (l = [rel.target, ...rel.terms.map((t) => t.cell)]));
  return l;
}
