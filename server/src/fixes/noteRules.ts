/**
 * "Declare a rule printed in a 注 line": the printed documents state their row and column formulas in the note under
 * a table (`注：27行=（1+2+…+8）行；1栏各行=(2+3)栏各行`). A rule found there that the table does not declare is
 * offered as a `规则：` line, inserted after the table's rules (or after its notes).
 */
import { editorMessages } from '../i18n/editor';
import type { Locale } from '../i18n/messages';
import type { BudgetDocument, Table } from '../model/document';
import { parse } from '../syntax/parser';
import type { Span } from '../syntax/ast';
import { eolOf, nextLineStart, overlaps, type Fix } from './fix';
import { maxOf } from '../util/arrays';
import { trimEndChars } from '../util/text';

export interface PrintedRule {
  /** The rule as printed, spaces taken out. */
  text: string;
  /** Where it is printed. */
  span: Span;
  /** The note or text line it is printed in. */
  line: Span;
}

/** A rule's text in a canonical form: half-width punctuation, no blanks, ranges of numbers written out. */
export function ruleKey(text: string, table?: Table): string {
  let s = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(').replace(/）/g, ')').replace(/＝/g, '=').replace(/＋/g, '+').replace(/[－−]/g, '-')
    .replace(/⋯+|\.{2,}|·{2,}|…+/g, '…')
    .replace(/"([^"]*)"/g, '「$1」').replace(/[“『【]/g, '「').replace(/[”』】]/g, '」');
  s = trimEndChars(s, '。.');
  if (table?.number) s = s.split(table.number.replace(/\s+/g, '')).join('');
  s = s.replace(/本表/g, '');
  // `1+2+…+5` → `1+2+3+4+5`
  s = s.replace(/(?<!\d)(\d+)\+…\+(\d+)/g, (all, a: string, b: string) => {
    const lo = Number(a);
    const hi = Number(b);
    if (!(hi > lo) || hi - lo > 2000) return all;
    return Array.from({ length: hi - lo + 1 }, (_, i) => String(lo + i)).join('+');
  });
  // `(1+2+3)`: a range written out in full reads the same as one with an ellipsis.
  return s;
}

const SEPARATORS = /[，。；;,、：:\r\n]/;
const PLAUSIBLE_START = /[\d０-９「“"『【本公附表]/;

/** The one rule `candidate` is, exactly (nothing left over), or undefined. */
function asRule(candidate: string): string | undefined {
  const source = `规则：${candidate}`;
  const tree = parse(source);
  if (tree.errors.length) return undefined;
  const line = tree.lines[0];
  if (!line || line.kind !== 'rules' || line.rules.length !== 1 || tree.lines.some((l, i) => i > 0 && l.kind !== 'blank')) return undefined;
  const rule = line.rules[0];
  if (source.slice(rule.span.end).trim() !== '' || source.slice(3, rule.span.start).trim() !== '') return undefined;
  return rule.text;
}

/** The rules printed in a text (a note), with their places; `offset` is where the text starts in the document. */
export function rulesIn(text: string, offset: number): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  let start = 0;
  const chunks: { s: string; at: number }[] = [];
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || SEPARATORS.test(text[i])) {
      // A separator inside 「…」 does not end a chunk.
      const before = text.slice(start, i);
      if (i < text.length && (before.split('「').length > before.split('」').length)) continue;
      chunks.push({ s: before, at: start });
      start = i + 1;
    }
  }
  for (const { s, at } of chunks) {
    if (!/[=＝]/.test(s)) continue;
    for (let i = 0; i < s.length; i++) {
      if (!PLAUSIBLE_START.test(s[i])) continue;
      if (i > 0 && /[\d０-９]/.test(s[i - 1]) && /[\d０-９]/.test(s[i])) continue;
      const cand = s.slice(i).trimEnd();
      const rule = asRule(cand);
      if (rule) {
        out.push({ text: rule.replace(/[\s\u3000]+/g, ''), span: { start: offset + at + i, end: offset + at + i + cand.length } });
        break;
      }
    }
  }
  return out;
}

/** The rules printed in a table's notes that the table does not declare. */
export function undeclaredNoteRules(table: Table): PrintedRule[] {
  const declared = new Set(table.rules.map((r) => ruleKey(r.node.text, table)));
  const out: PrintedRule[] = [];
  const lines = [...table.notes, ...table.texts].sort((a, b) => a.span.start - b.span.start);
  for (const l of lines) {
    for (const r of rulesIn(l.text, l.span.start)) {
      const key = ruleKey(r.text, table);
      if (declared.has(key)) continue;
      declared.add(key);
      out.push({ text: r.text, span: r.span, line: l.span });
    }
  }
  return out;
}

/** Where a table's new `规则：` line goes: after its last rules line, else after its last note, else at its end. */
function insertionPoint(text: string, table: Table): number {
  const ruleEnds = table.rules.map((r) => r.node.span.end);
  const noteEnds = [...table.notes, ...table.texts].map((n) => n.span.end);
  const rowEnds = table.parts.flatMap((p) => p.rows.map((r) => r.span.end));
  const anchor = ruleEnds.length ? maxOf(ruleEnds) : noteEnds.length ? maxOf(noteEnds) : rowEnds.length ? maxOf(rowEnds) : table.span.end;
  return nextLineStart(text, anchor);
}

/** Quick fixes declaring the rules printed in the notes that `range` touches. */
export function noteRuleFixes(text: string, doc: BudgetDocument, range: Span, locale?: Locale): Fix[] {
  const m = editorMessages(locale);
  const out: Fix[] = [];
  for (const table of doc.tables) {
    if (!overlaps(table.span, range)) continue;
    const found = undeclaredNoteRules(table).filter((r) => overlaps(r.line, range));
    if (!found.length) continue;
    const at = insertionPoint(text, table);
    const eol = eolOf(text);
    const lead = at === text.length && at > 0 && !/[\r\n]$/.test(text) ? eol : '';
    const rules = found.map((r) => r.text).join('；');
    out.push({ title: m.declareNoteRule(rules), edits: [{ span: { start: at, end: at }, text: `${lead}规则：${rules}${eol}` }], preferred: true });
  }
  return out;
}
