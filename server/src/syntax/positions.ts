/** Offsets ↔ line/character positions (0-based, UTF-16 code units; `\r\n`, `\r` and `\n` end a line, as in LSP). */
import { lastAtOrBefore } from '../util/arrays';

export interface Position {
  line: number;
  character: number;
}

/** Offsets ↔ positions of one text: `LineIndex` computes them; the language server asks its text documents. */
export interface Positions {
  readonly lineCount: number;
  position(offset: number): Position;
  offset(p: Position): number;
  /** A line's text without its line ending. */
  lineText(line: number): string;
  /**
   * The lines that begin with `prefix` (not empty), after any run of the characters of `skip`, in order: found without
   * making each line's text (a check that looks for a few lines among 10,000 on every version). Neither holds a line
   * break.
   */
  linesBeginning(prefix: string, skip?: string): number[];
}

export class LineIndex implements Positions {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.text.length));
    // Inside a `\r\n`: the position of the `\r` (as TextDocument answers).
    if (o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10) o--;
    const lo = lastAtOrBefore(this.starts.length, (i) => this.starts[i], o);
    return { line: lo, character: o - this.starts[lo] };
  }

  offset(p: Position): number {
    if (p.line >= this.starts.length) return this.text.length;
    if (p.line < 0) return 0;
    const start = this.starts[p.line];
    const next = p.line + 1 < this.starts.length ? this.starts[p.line + 1] : this.text.length;
    let end = next;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return Math.min(start + Math.max(0, p.character), end);
  }

  lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    return this.text.slice(start, this.offset({ line, character: Number.MAX_SAFE_INTEGER }));
  }

  linesBeginning(prefix: string, skip = ''): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.starts.length; k++) if (beginsAt(this.text, this.starts[k], prefix, skip)) out.push(k);
    return out;
  }
}

/**
 * Whether `text` holds `prefix` (not empty) at `at`, after any run of the characters of `skip` (which does not hold
 * the prefix's first). A line's beginning when neither holds a line break: the line's break is neither skipped nor
 * matched.
 */
export function beginsAt(text: string, at: number, prefix: string, skip = ''): boolean {
  const first = prefix.charCodeAt(0);
  let i = at;
  // Most lines begin with neither: one comparison each.
  for (let c = text.charCodeAt(i); c !== first; c = text.charCodeAt(++i)) if (!skipped(skip, c)) return false;
  for (let j = 1; j < prefix.length; j++) if (text.charCodeAt(i + j) !== prefix.charCodeAt(j)) return false;
  return true;
}

function skipped(skip: string, c: number): boolean {
  for (let j = 0; j < skip.length; j++) if (skip.charCodeAt(j) === c) return true;
  return false;
}

/** The offset where the line holding `offset` begins (after the `\n` or `\r` before it). */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}
