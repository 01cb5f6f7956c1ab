/**
 * A section's text as lines: each line a string of its own, its line break included, and where each starts in the
 * section. An edit replaces the lines it touches; no text longer than those lines is made again (a keystroke in a
 * table of 10,000 rows makes one new line, not a new copy of the table). The model's stores read their rows'
 * text from here (a row's key is its line's number in the section), and `base`, the section's document offset, is
 * all that changes when text before the section changes length.
 */
import type { LineSource } from '../model/rows';
import { lastAtOrBefore } from '../util/arrays';

export class SectionLines implements LineSource {
  /** starts[k]: where line k starts in the section; starts[lines.length] is the section's length. */
  starts: number[];

  /** `first`: the key of lines[0] (0 for a section; a batch of new lines read on their own starts elsewhere). */
  constructor(public lines: string[], public base: number, private readonly first = 0) {
    this.starts = startsOf(lines);
  }

  get length(): number {
    return this.starts[this.lines.length];
  }

  get count(): number {
    return this.lines.length;
  }

  offsetOf(line: number): number {
    return this.base + this.starts[line - this.first];
  }

  slice(line: number, from: number, to: number): string {
    return this.lines[line - this.first].slice(from, to);
  }

  lineString(line: number): string {
    return this.lines[line - this.first];
  }

  lineStart(): number {
    return 0;
  }

  /** Line k's text without its line break ends here (an offset in the line). */
  contentEnd(k: number): number {
    return contentEnd(this.lines[k]);
  }

  /** The line holding section offset `at` (the last line when `at` is the section's length). */
  lineAt(at: number): number {
    const s = this.starts;
    return lastAtOrBefore(this.lines.length, (i) => s[i], at);
  }

  /** Replaces lines [from, to) with `added`. */
  replace(from: number, to: number, added: string[]): void {
    this.lines.splice(from, to - from, ...added);
    const s = this.starts;
    const old = s.length;
    const delta = added.length - (to - from);
    const next = new Array<number>(this.lines.length + 1);
    for (let k = 0; k <= from; k++) next[k] = s[k];
    for (let k = from; k < from + added.length; k++) next[k + 1] = next[k] + added[k - from].length;
    const shift = next[from + added.length] - s[to];
    for (let k = to + 1; k < old; k++) next[k + delta] = s[k] + shift;
    this.starts = next;
  }

  /** The section's text (made now). */
  text(): string {
    return this.lines.join('');
  }
}

function startsOf(lines: string[]): number[] {
  const starts = new Array<number>(lines.length + 1);
  starts[0] = 0;
  for (let k = 0; k < lines.length; k++) starts[k + 1] = starts[k] + lines[k].length;
  return starts;
}

/** Where a line's text ends, its line break left out. */
export function contentEnd(line: string): number {
  let e = line.length;
  if (e && line.charCodeAt(e - 1) === 10) e--;
  if (e && line.charCodeAt(e - 1) === 13) e--;
  return e;
}

/** The lines of a text [from, to), each with its line break (`\r\n`, `\r` or `\n`); the last may have none. */
export function splitLines(text: string, from = 0, to = text.length): string[] {
  const out: string[] = [];
  // Searched in [from, to) only: a search of the whole text from here would read to its end for every section.
  const cr = text.slice(from, to).includes('\r');
  let i = from;
  while (i < to) {
    let e: number;
    if (!cr) {
      e = text.indexOf('\n', i);
      e = e < 0 || e >= to ? to : e + 1;
    } else {
      e = i;
      while (e < to) {
        const c = text.charCodeAt(e);
        if (c === 10) { e++; break; }
        if (c === 13) { e += e + 1 < to && text.charCodeAt(e + 1) === 10 ? 2 : 1; break; }
        e++;
      }
    }
    out.push(text.slice(i, e));
    i = e;
  }
  return out;
}
