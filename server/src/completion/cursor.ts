/**
 * What is under the cursor, for completion: its line (read from the analysis's positions, not from the whole text),
 * the cells of that line, and the section, table and part it stands in. Plain data; no protocol.
 */
import type { Analysis } from '../analysis';
import type { Part, Table } from '../model/document';
import type { Positions } from '../syntax/positions';

export interface LineInfo {
  /** Offsets of the line's start and end (its line break left out). */
  start: number;
  end: number;
  text: string;
  /** The line's text before the cursor. */
  before: string;
}

export interface CellInfo {
  /** After the pipe before it (or the line's start). */
  start: number;
  /** Before the pipe after it (or the line's end). */
  end: number;
  contentStart: number;
  contentEnd: number;
  text: string;
  /** A pipe follows it on the line. */
  closed: boolean;
}

/** The line holding `offset`. */
export function lineAt(lines: Positions, offset: number): LineInfo {
  const line = lines.position(offset).line;
  const start = lines.offset({ line, character: 0 });
  const text = lines.lineText(line);
  return { start, end: start + text.length, text, before: text.slice(0, offset - start) };
}

function isBlank(c: string): boolean {
  return /[\s\u3000]/.test(c);
}

/** A line's cells, between pipes, each with its content trimmed. */
export function cellsOf(line: LineInfo): CellInfo[] {
  const out: CellInfo[] = [];
  let from = 0;
  const s = line.text;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === '|' || s[i] === '｜') {
      let a = from;
      let b = i;
      while (a < b && isBlank(s[a])) a++;
      while (b > a && isBlank(s[b - 1])) b--;
      out.push({ start: line.start + from, end: line.start + i, contentStart: line.start + a, contentEnd: line.start + b, text: s.slice(a, b), closed: i < s.length });
      from = i + 1;
    }
  }
  return out;
}

/** The table a line stands in: the one whose `##` heading is the last above it. */
export function tableAt(a: Analysis, offset: number): { heading: { text: string; prose: boolean }; table?: Table } | undefined {
  const h = a.headingAbove(offset);
  if (!h) return undefined;
  return { heading: h, table: a.document.tables.find((t) => t.span.start === h.span.start) };
}

/** The part of a table whose columns are declared above the line. */
export function partAbove(table: Table, lineStart: number): Part | undefined {
  let part: Part | undefined;
  for (const p of table.parts) if (p.columnsSpan && p.columnsSpan.start < lineStart) part = p;
  return part;
}

/** The table a `规则：` line belongs to: the last one starting before it. */
export function tableOfLine(a: Analysis, offset: number): Table | undefined {
  let t: Table | undefined;
  for (const x of a.document.tables) if (x.span.start <= offset) t = x;
  return t;
}
