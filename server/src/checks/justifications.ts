/**
 * Justifications (出错说明): the author records in the document why a finding is accepted, and the finding is then
 * shown as acknowledged, with the reason, and not counted as an error (the CLI's `--count-acknowledged` counts it).
 *
 *     说明：95.22%：原文如此（应为 35.23%），照录
 *     说明：narrative 49.98：表中 50.00 为准，正文笔误已报编制单位
 *     说明：情况说明核对：本节金额均为年初预算口径
 *
 * A `说明：` line names what it accepts before a second colon — a figure as printed (with its unit or not), a rule
 * (its id or its title), or both — and gives the reason after it. It applies to the matching findings of the line
 * just above it (the row, the narrative line), else of its section (`##`). A `说明：` without a second colon, or whose
 * first part names no figure or rule (`说明：本部门当年无政府性基金预算财政拨款收入支出。`), is a plain note. A
 * justification that accepts nothing — its finding has gone, or it names what has none — is itself reported
 * (rule `justification`), so a stale one cannot hide a new mistake.
 */
import type { Locale } from '../i18n/messages';
import { justificationMessages } from '../i18n/justifications';
import { formatUnits, parseFigure } from '../numbers/decimal';
import type { Span } from '../syntax/ast';
import { LineIndex, type Positions } from '../syntax/positions';
import { lastAtOrBefore } from '../util/arrays';
import { trimChars } from '../util/text';
import type { Finding, Severity } from './finding';
import { isRuleId, RULE_IDS, RULES, type RuleId } from './ruleIds';

export interface Justification {
  /** The whole `说明：…` line. */
  span: Span;
  rule?: RuleId;
  /** The figure named, normalised (no spaces, thousands separators or unit). */
  figure?: string;
  reason: string;
}

const LINE = /^[ \t\u3000]*说明[ \t\u3000]*[：:]([^：:\n\r]{1,60})[：:](.*)$/;

const BLANKS = ' \t\u3000';
/** The units a figure may be written with; a 说明 names the figure without it (the narrative abbreviates 万元 as 万). */
const UNITS = ['万元', '亿元', '元', '万', '亿'];

/**
 * The one test of "this text is a figure" for justifications: the figure a text names, as a `说明：` line and the
 * findings it accepts compare it, or undefined when the text is not one figure. A figure is what `parseFigure` reads
 * (`2,108.74`, `−3.50`, `.56`), as it is printed or typed: with `％` or `%`, or with a unit (元, 万元, 亿元, 万, 亿), blanks
 * before either, a sign `+`, `，` for a thousands separator (grouped as with `,`). The key is the number with its
 * decimals as printed, without separators, sign `+` or unit, with `%` for a percentage: `2,108.74 万元` → `2108.74`,
 * `95.22％` → `95.22%`, `－3.50` → `-3.50`, `.56` → `0.56` (`1.5` and `1.50` are two prints, two keys). The quick fix
 * (../fixes/justify) names a finding's figure only when this reads it, so the line it writes accepts that finding.
 */
export function figureKey(text: string): string | undefined {
  let t = trimChars(text, BLANKS);
  const percent = t.endsWith('%') || t.endsWith('％');
  const unit = percent ? '%' : UNITS.find((u) => t.endsWith(u));
  if (unit) t = trimChars(t.slice(0, t.length - unit.length), BLANKS);
  if (t.startsWith('+')) {
    t = t.slice(1);
    if (!/^[\d.]/.test(t)) return undefined;
  }
  const f = parseFigure(t.replace(/，/g, ','));
  // A second `%` (`5%%`) is not a figure's.
  if (!f || f.percent) return undefined;
  return formatUnits(f.units, f.decimals, false) + (percent ? '%' : '');
}

/** Whether a line of text is a justification (the narrative's claims leave it alone). */
export function isJustification(line: string): boolean {
  const m = LINE.exec(line);
  return !!m && !!parseReference(m[1]) && !!m[2].trim();
}

/** The rule ids, longest first (a reference names the longest that it starts with). */
const IDS_LONGEST_FIRST = [...RULE_IDS].sort((a, b) => b.length - a.length);

/** What a `说明：` line's first part names, if it names a rule or a figure. */
export function parseReference(ref: string): { rule?: RuleId; figure?: string } | undefined {
  const t = ref.trim();
  if (!t) return undefined;
  const figure = figureKey(t);
  if (figure !== undefined) return { figure };
  for (const id of IDS_LONGEST_FIRST) {
    for (const name of [id, RULES[id].zh, RULES[id].en]) {
      if (!t.startsWith(name)) continue;
      const rest = t.slice(name.length).trim();
      if (!rest) return { rule: id };
      const named = figureKey(rest);
      if (named !== undefined) return { rule: id, figure: named };
    }
  }
  return isRuleId(t) ? { rule: t } : undefined;
}

/**
 * The justifications written in a document, each with its line: only the lines that begin as `LINE` does are read
 * (looked for on every version among all the document's lines, without making their text).
 */
function justificationsOf(lines: Positions): (Justification & { line: number })[] {
  const out: (Justification & { line: number })[] = [];
  for (const k of lines.linesBeginning('说明', BLANKS)) {
    const line = lines.lineText(k);
    const m = LINE.exec(line);
    const ref = m && parseReference(m[1]);
    if (!m || !ref || !m[2].trim()) continue;
    const start = lines.offset({ line: k, character: 0 });
    out.push({ span: { start, end: start + line.length }, ...ref, reason: m[2].trim(), line: k });
  }
  return out;
}

/** The line above line k that holds something (not blank, not a comment, not another 说明), within its heading. */
function lineAbove(lines: Positions, k: number): Span | undefined {
  for (let j = k - 1; j >= 0; j--) {
    const line = lines.lineText(j);
    if (line.startsWith('#')) return undefined;
    if (line.trim() && !/^[ \t\u3000]*\/\//.test(line) && !LINE.test(line)) {
      const start = lines.offset({ line: j, character: 0 });
      return { start, end: start + line.length };
    }
  }
  return undefined;
}

/** The `##` section line k is in (`headings`: the lines that begin with `## `, in order). */
function sectionOf(lines: Positions, headings: number[], k: number): Span {
  const h = lastAtOrBefore(headings.length, (i) => headings[i], k);
  const under = headings.length > 0 && headings[h] <= k;
  const first = under ? headings[h] : 0;
  const next = (under ? headings[h + 1] : headings[0]) ?? lines.lineCount;
  const end = next < lines.lineCount ? lines.offset({ line: next, character: 0 }) - 1 : lines.offset({ line: lines.lineCount, character: 0 });
  return { start: lines.offset({ line: first, character: 0 }), end };
}

/** The text a span covers (a finding's: on one line). */
function textOf(lines: Positions, span: Span): string {
  const a = lines.position(span.start);
  const b = lines.position(span.end);
  const line = lines.lineText(a.line);
  return line.slice(a.character, b.line === a.line ? b.character : line.length);
}

/**
 * The findings with the justifications applied (accepted ones get `acknowledged`; new objects), and a finding for
 * each justification that accepts nothing. `text`: the document's text, or its lines (the analyzer's, not joined).
 */
export function applyJustifications(findings: Finding[], text: string | Positions, locale?: Locale): Finding[] {
  const lines = typeof text === 'string' ? new LineIndex(text) : text;
  const list = justificationsOf(lines);
  if (!list.length) return findings;
  const jm = justificationMessages(locale);
  const out = findings.slice();
  // A figure names the findings that stand on it, and those whose one culprit it is (a sum that fails because of it).
  const names = (f: Finding, figure: string) =>
    figureKey(textOf(lines, f.span)) === figure || (f.fixes?.length === 1 && figureKey(textOf(lines, f.fixes[0].span)) === figure);
  const matches = (f: Finding, j: Justification) =>
    f.rule !== 'justification' && (!j.rule || f.rule === j.rule) && (!j.figure || names(f, j.figure));
  const headings = lines.linesBeginning('## ');
  for (const j of list) {
    const above = lineAbove(lines, j.line);
    const within = (s: Span) => (f: Finding) => f.span.start >= s.start && f.span.start <= s.end;
    let hit = above ? out.map((f, i) => [f, i] as const).filter(([f]) => within(above)(f) && matches(f, j)) : [];
    if (!hit.length) {
      const section = sectionOf(lines, headings, j.line);
      hit = out.map((f, i) => [f, i] as const).filter(([f]) => within(section)(f) && matches(f, j));
    }
    if (!hit.length) {
      out.push({ rule: 'justification', severity: 'warning', span: j.span, related: [], message: jm.unused(lines.lineText(j.line).trim()) });
      continue;
    }
    for (const [f, i] of hit) out[i] = { ...f, acknowledged: { reason: j.reason, span: j.span }, related: [...f.related, { span: j.span, message: jm.related(j.reason) }] };
  }
  return out;
}

/** How a finding is shown: an acknowledged one as information, saying so and why. */
export function shown(f: Finding, locale?: Locale): { severity: Severity; message: string } {
  if (!f.acknowledged) return { severity: f.severity, message: f.message };
  return { severity: f.severity === 'hint' ? 'hint' : 'information', message: justificationMessages(locale).acknowledged(f.message, f.acknowledged.reason) };
}
