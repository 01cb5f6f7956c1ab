import type { Relation } from '../rules/relation';
import type { Span } from '../syntax/ast';
import type { RuleId } from './ruleIds';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** One thing the checker says about a document: at a place, naming the rule that failed. */
export interface Finding {
  /** The rule that failed, from the one list of rule ids (./ruleIds). */
  rule: RuleId;
  severity: Severity;
  message: string;
  span: Span;
  related: { span: Span; message: string }[];
  /** An information-level 尾差: the relation holds, printed figures differ only by rounding. */
  roundingTail?: boolean;
  /** For quick fixes: the figure text that would make the relation hold exactly as printed. */
  expected?: string;
  /** Other quick-fix payloads (a catalog name …). */
  replacement?: { span: Span; text: string; title: string };
  /**
   * The relation a judged finding reports (error localisation reads it). Set with `withRelation`: not enumerable, so
   * never serialised, copied by a spread, nor walked when a kept section's spans move (its cells are views).
   */
  relation?: Relation;
  /**
   * Edits that would mend the finding by changing the figure at fault (error localisation, ./localise): one when the
   * culprit is known, several when explanations tie. When present, they replace `expected` (which would write into
   * the finding's own figure, possibly not the one at fault). A fix at the finding's own figure has no title: the
   * editor's usual one applies (`将此数改为计算值 …`).
   */
  fixes?: { span: Span; text: string; title?: string }[];
  /** The author accepted the finding in the document (`说明：…`), with this reason (./justifications). */
  acknowledged?: { reason: string; span: Span };
}

/** `f` reporting `rel` (`Finding.relation`, kept out of the finding's enumerable fields). */
export function withRelation<T extends Finding>(f: T, rel: Relation): T {
  Object.defineProperty(f, 'relation', { value: rel, enumerable: false, writable: true, configurable: true });
  return f;
}
