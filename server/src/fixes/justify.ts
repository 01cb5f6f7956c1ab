/**
 * "Accept this finding": inserts a justification (`说明：95.22%：`) under the line of the finding, naming its figure
 * (or, for a finding that stands on no figure, its rule), for the author to write the reason after the colon. Until a
 * reason is written the line is not a justification (../checks/justifications), so the finding stays. Pure.
 */
import { justificationMessages } from '../i18n/justifications';
import type { Locale } from '../i18n/messages';
import { RELATION_RULES } from '../rules/relation';
import { figureKey } from '../checks/justifications';
import type { RuleId } from '../checks/ruleIds';
import type { Span } from '../syntax/ast';
import { eolOf, nextLineStart, type Fix } from './fix';

/**
 * The findings a quick fix offers to accept with a justification: those about figures (a code's name or a syntax
 * error is mended, not accepted; a `说明：` line typed by hand may still name any rule).
 */
const JUSTIFIABLE = new Set<string>([...RELATION_RULES, 'narrative-reason' satisfies RuleId]);

export function justifiable(rule: string): boolean {
  return JUSTIFIABLE.has(rule);
}

export function justifyFix(text: string, span: Span, rule: string, locale?: Locale): Fix | undefined {
  if (!justifiable(rule)) return undefined;
  if (span.start < 0 || span.end > text.length || span.end < span.start) return undefined;
  const said = text.slice(span.start, span.end).trim();
  // The figure as printed when the 说明 line will read it as one (it then accepts this finding), else the rule.
  const ref = figureKey(said) !== undefined ? said : rule;
  const eol = eolOf(text);
  const at = nextLineStart(text, span.start);
  const atEnd = at === text.length && !/[\r\n]$/.test(text);
  return {
    title: justificationMessages(locale).addJustification,
    edits: [{ span: { start: at, end: at }, text: `${atEnd ? eol : ''}说明：${ref}：${atEnd ? '' : eol}` }],
  };
}
