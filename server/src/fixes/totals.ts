/**
 * "Set a stated total to the computed value": a failing sum's finding carries `expected`, the figure text that makes
 * the relation hold exactly as printed; the fix puts it in place of the stated figure.
 */
import type { Locale } from '../i18n/messages';
import { editorMessages } from '../i18n/editor';
import { parseFigure } from '../numbers/decimal';
import type { Span } from '../syntax/ast';
import type { Fix } from './fix';

/**
 * The fix for a finding at `span` whose relation would hold with `expected`; none when it would change nothing.
 * `title` names the edit otherwise (error localisation's fix at the figure at fault: `将 公开05表「201」行… 改为 261.74`).
 */
export function setTotalFix(text: string, span: Span, expected: string, locale?: Locale, title?: string): Fix | undefined {
  if (span.start < 0 || span.end > text.length || span.end < span.start) return undefined;
  const stated = text.slice(span.start, span.end);
  if (!parseFigure(expected)) return undefined;
  if (stated.trim() === expected) return undefined;
  // Only a figure (or a blank, dash or broken figure) is replaced: never a label or a rule.
  if (stated.trim() && !parseFigure(stated) && !/^[-—–－−―]+$/.test(stated.trim()) && !/^[\d\s.,，．%\-−]+$/.test(stated)) return undefined;
  // An empty cell is an empty span beside its pipes: keep a space on each side.
  let insert = expected;
  if (span.start === span.end) {
    if (/[|｜]/.test(text.charAt(span.start - 1))) insert = ' ' + insert;
    if (/[|｜]/.test(text.charAt(span.end))) insert += ' ';
  }
  return { title: title ?? editorMessages(locale).setTotal(expected), edits: [{ span, text: insert }] };
}
