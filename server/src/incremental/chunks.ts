/**
 * Chunks: runs of lines inside a section, parsed (lexed and parsed) on their own and reused from the last version
 * when their text is unchanged, so typing in a table of thousands of rows re-parses a few lines, not the table.
 *
 * A section can be chunked when no line but its first starts with `#` (after blanks): the lexer mode is then the same
 * at every line start after the first line — prose when the section's heading is 名词解释 / 情况说明 …, main otherwise.
 * Cuts are chosen by the lines' own text (content-defined, as rsync does), so an edit moves no cut but its own.
 */
import type { Line, Span, SyntaxError, SyntaxTree } from '../syntax/ast';
import { parseRange, type LexerMode } from '../syntax/parser';
import { collectSpans, shiftSpans } from './shift';

export interface Chunk {
  text: string;
  mode: LexerMode;
  start: number;
  lines: Line[];
  errors: SyntaxError[];
  /** Its spans, collected when it first has to move. */
  spans?: Span[];
}

/** The chunks of discarded sections, offered to the sections parsed again. Each chunk is given out once. */
export class ChunkPool {
  private readonly byKey = new Map<string, Chunk[]>();

  constructor(chunks: Iterable<Chunk>) {
    for (const c of chunks) {
      const key = c.mode + c.text;
      const list = this.byKey.get(key);
      if (list) list.push(c); else this.byKey.set(key, [c]);
    }
  }

  /** Whether the pool holds a chunk of this text in this mode. */
  has(text: string, mode: LexerMode): boolean {
    return this.byKey.size > 0 && !!this.byKey.get(mode + text)?.length;
  }

  take(text: string, mode: LexerMode, start: number): Chunk | undefined {
    const c = this.byKey.get(mode + text)?.shift();
    if (!c) return undefined;
    if (c.start !== start) {
      c.spans ??= collectSpans([c.lines, c.errors]);
      shiftSpans(c.spans, start - c.start);
      c.start = start;
    }
    return c;
  }
}

const MIN_LINES = 8;
const MAX_LINES = 128;

/** Whether a line's text ends a chunk (about one line in 16): a hash of its length and a few of its characters. */
function cutAfter(text: string, from: number, to: number): boolean {
  const n = to - from;
  let h = n * 0x9e3779b1;
  h = Math.imul(h ^ text.charCodeAt(from), 0x85ebca6b);
  h = Math.imul(h ^ text.charCodeAt(from + (n >> 1)), 0xc2b2ae35);
  h = Math.imul(h ^ text.charCodeAt(to - 2), 0x27d4eb2f);
  h ^= h >>> 15;
  return (h & 15) === 0;
}

/**
 * Parses a section [start, end) of `text` chunk by chunk, reusing the pool's chunks. The tree's text is the section's
 * own, a copy (see `detached`); its spans are offsets in `text`.
 */
export function parseSection(text: string, start: number, end: number, pool: ChunkPool): { tree: SyntaxTree; chunks: Chunk[] } {
  const own = detached(text.slice(start, end));
  const at = (from: number, to: number) => own.slice(from - start, to - start);
  // Line starts in the section.
  const starts: number[] = [start];
  // (Searched in the section's own text: a search of the whole text from here would scan to its end for every section.)
  if (!own.includes('\r')) {
    // Only `\n` ends lines here: let indexOf find them.
    for (let i = text.indexOf('\n', start); i >= 0 && i + 1 < end; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        if (i + 1 < end) starts.push(i + 1);
      }
    }
  }
  // Where the chunks end: the whole section when it cannot be chunked; else its first line (the heading, which
  // decides the mode of the rest), then cuts chosen by the lines' text.
  const cuts: number[] = [];
  if (chunkable(text, starts, end)) {
    let count = 0;
    for (let k = 0; k < starts.length; k++) {
      const lineEnd = k + 1 < starts.length ? starts[k + 1] : end;
      count++;
      if (k === 0 || lineEnd === end || count >= MAX_LINES || (count >= MIN_LINES && cutAfter(text, starts[k], lineEnd))) {
        cuts.push(lineEnd);
        count = 0;
      }
    }
  } else cuts.push(end);

  const chunks: Chunk[] = [];
  const fresh = (from: number, to: number, mode: LexerMode, tree: SyntaxTree): Chunk =>
    ({ text: at(from, to), mode, start: from, lines: tree.lines, errors: tree.errors });
  // The first chunk (the heading line, or the whole section) starts in main mode.
  chunks.push(pool.take(at(start, cuts[0]), 'main', start) ?? fresh(start, cuts[0], 'main', parseRange(own, start, cuts[0], 'main', start)));
  const l0 = chunks[0].lines[0];
  const mode: LexerMode = (l0?.kind === 'heading' && l0.prose) ? 'prose' : 'main';
  // Runs of chunks the pool does not have are parsed in one go (the same lines as chunk by chunk), then dealt out.
  let k = 1;
  while (k < cuts.length) {
    const from = cuts[k - 1];
    const old = pool.take(at(from, cuts[k]), mode, from);
    if (old) {
      chunks.push(old);
      k++;
      continue;
    }
    let j = k + 1;
    while (j < cuts.length && !pool.has(at(cuts[j - 1], cuts[j]), mode)) j++;
    const tree = parseRange(own, from, cuts[j - 1], mode, start);
    let li = 0;
    let ei = 0;
    for (let c = k; c < j; c++) {
      const cTo = cuts[c];
      const last = c === j - 1;
      const part: SyntaxTree = { text: own, base: start, lines: [], errors: [] };
      while (li < tree.lines.length && (last || tree.lines[li].span.start < cTo)) part.lines.push(tree.lines[li++]);
      while (ei < tree.errors.length && (last || tree.errors[ei].span.start < cTo)) part.errors.push(tree.errors[ei++]);
      chunks.push(fresh(cuts[c - 1], cTo, mode, part));
    }
    k = j;
  }
  const lines: Line[] = [];
  const errors: SyntaxError[] = [];
  for (const c of chunks) {
    for (const l of c.lines) lines.push(l);
    for (const e of c.errors) errors.push(e);
  }
  return { tree: { text: own, base: start, lines, errors }, chunks };
}

/**
 * A copy of a section's text that shares no memory with the document's text. A slice would keep the whole text of
 * the version it was cut from alive for as long as the section is reused (and every token, cell and label sliced
 * from it would too): in a long session in a large document, one whole old version per section.
 */
function detached(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

/** No line but the first starts with `#` (after blanks). */
function chunkable(text: string, starts: number[], end: number): boolean {
  for (let k = 1; k < starts.length; k++) {
    let i = starts[k];
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 0x3000 && c !== 0xfeff && c !== 0xa0) break;
      i++;
    }
    if (text.charCodeAt(i) === 35) return false;
  }
  return true;
}
