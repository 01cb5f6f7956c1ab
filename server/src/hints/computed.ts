/**
 * Inlay hints with computed totals: next to a stated figure that is the target of a sum relation, the value its
 * terms add up to (`= 2,098.74`), with the rules that compute it. Pure: analysis in, offsets and labels out.
 *
 * Modes: `differences` (only where the computed value differs from the printed one: errors and 尾差), `all` (every
 * target of a sum), `off`. A figure that several rules compute (a column formula and the 合计 row) shows each
 * distinct value once, each with its own tooltip.
 */
import type { Analysis } from '../analysis';
import { evaluate, type Evaluation } from '../checks/evaluate';
import { editorMessages } from '../i18n/editor';
import { messages, type Locale } from '../i18n/messages';
import type { Cell } from '../model/document';
import type { Relation } from '../rules/relation';
import type { Span } from '../syntax/ast';

export type ComputedTotalsMode = 'differences' | 'all' | 'off';

export const COMPUTED_TOTALS_MODES: readonly ComputedTotalsMode[] = ['differences', 'all', 'off'];

export function computedTotalsMode(value: unknown): ComputedTotalsMode | undefined {
  return COMPUTED_TOTALS_MODES.find((m) => m === value);
}

export type HintStatus = 'error' | 'tail' | 'holds';

export interface ComputedHintPart {
  text: string;
  tooltip: string;
  status: HintStatus;
}

export interface ComputedHint {
  /** Where the hint goes: just after the stated figure. */
  offset: number;
  /** The stated figure's cell. */
  span: Span;
  parts: ComputedHintPart[];
}

const RANK: Record<HintStatus, number> = { error: 2, tail: 1, holds: 0 };

const statusOf = (ev: Evaluation): HintStatus => (!ev.holds ? 'error' : ev.exact ? 'holds' : 'tail');

/** The hints for the stated figures that lie in `range` (offsets; a figure touching it counts). */
export function computedTotalHints(analysis: Analysis, range: Span, mode: ComputedTotalsMode, locale: Locale = 'zh'): ComputedHint[] {
  if (mode === 'off') return [];
  const m = editorMessages(locale);
  // A blank target prints nothing (`ev.stated` ''): told as the messages tell a blank cell.
  const empty = messages(locale).empty;
  const byTarget = new Map<Cell, { rel: Relation; ev: Evaluation }[]>();
  for (const rel of analysis.relations) {
    if (rel.kind !== 'sum') continue;
    const t = rel.target;
    if (t.span.end < range.start || t.span.start > range.end) continue;
    const ev = evaluate(rel);
    if (!ev || (mode === 'differences' && ev.exact)) continue;
    const list = byTarget.get(t);
    if (list) list.push({ rel, ev }); else byTarget.set(t, [{ rel, ev }]);
  }
  const hints: ComputedHint[] = [];
  for (const [cell, found] of byTarget) {
    // One part per distinct computed value, the values in the order their rules come.
    const values = new Map<string, { titles: string[]; ev: Evaluation; status: HintStatus }>();
    for (const { rel, ev } of found) {
      const v = values.get(ev.computed);
      const status = statusOf(ev);
      if (!v) values.set(ev.computed, { titles: [rel.title], ev, status });
      else {
        if (!v.titles.includes(rel.title)) v.titles.push(rel.title);
        if (RANK[status] > RANK[v.status]) { v.status = status; v.ev = ev; }
      }
    }
    const parts = [...values].map(([value, v], i): ComputedHintPart => {
      const verdict = v.status === 'error' ? m.computedFails(v.ev.stated || empty, v.ev.difference)
        : v.status === 'tail' ? m.computedTail(v.ev.stated || empty, v.ev.difference) : m.computedHolds;
      return { text: i === 0 ? m.computed(value) : m.computedMore(value), tooltip: `${m.computedTooltip(v.titles.join(m.previewRuleSeparator))}\n${verdict}`, status: v.status };
    });
    hints.push({ offset: cell.span.end, span: cell.span, parts });
  }
  return hints.sort((a, b) => a.offset - b.offset);
}
