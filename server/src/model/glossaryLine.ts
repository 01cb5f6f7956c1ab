/**
 * A line of a 名词解释 (glossary): `术语：定义`, the term optionally numbered (`一、` `（一）` `1.`), and the path a
 * `…(类)…(款)…(项)` term names. Read by scanning, in time linear in the line: the regular expression this replaces
 * backtracked over blanks before a missing `：` (800 blanks took 44 s, issue #15).
 */
import { itemNumberLength } from './classify';

/** A term is at most this long (a longer text before the first `：` is a sentence, not a term). */
export const MAX_TERM = 80;

export interface GlossaryLine {
  /** The term, trimmed. */
  term: string;
  /** Where the term stands in the line (UTF-16 offsets). */
  termStart: number;
  termEnd: number;
  /** The text after the first `：`, trimmed. */
  definition: string;
}

const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\u3000';

/**
 * Where the term of a glossary line being typed begins (no `：` yet): after the blanks, the item number (`一、`
 * `（一）` `(3)` `1.`: model/classify.ts `itemNumberLength`, a row label's) and the blanks after it, as
 * `glossaryLineOf` reads the term.
 */
export function glossaryTermStart(text: string): number {
  const n = itemNumberLength(text);
  if (n) return n;
  let start = 0;
  while (start < text.length && isBlank(text[start])) start++;
  return afterBullet(text, start, text.length);
}

/**
 * The line as a glossary entry, or undefined (no `：`, no term, or a term longer than MAX_TERM). Other provinces write
 * an entry without a colon (`（1）基本支出，是指…`, `财政拨款收入是指…`: the definition from `是指`/`系指`/`即指` — or, on
 * a numbered line, `反映` (`8.文化旅游体育与传媒支出反映政府在…`) —, the term
 * before it holding no punctuation — a definition's continuation line `其中，人员经费是指…` is none), after a bullet
 * (`● 事业收入：…`) or with the term in lenticular brackets (`【财政拨款收入】：…`).
 */
export function glossaryLineOf(text: string): GlossaryLine | undefined {
  const a = text.indexOf('：');
  const b = text.indexOf(':');
  let colon = a < 0 ? b : b < 0 ? a : Math.min(a, b);
  let definitionStart = colon + 1;
  // No colon: the term ends where `是指` (or a comma before it) begins, the definition is from `是指` on.
  const byWord = colon < 0;
  if (byWord) {
    // A numbered line may also say what a 科目 covers (`8.文化旅游体育与传媒支出反映政府在…方面的支出`); an unnumbered
    // one so worded continues the entry before it (`公务用车购置及运行费反映单位…`, in the 三公 entry).
    const words = itemNumberLength(text) ? DEFINES_NUMBERED : DEFINES;
    const w = words.exec(text.length > MAX_TERM + 3 ? text.slice(0, MAX_TERM + 3) : text);
    if (!w) return undefined;
    colon = w.index;
    definitionStart = w.index + w[1].length;
  }
  let end = colon;
  while (end > 0 && isBlank(text[end - 1])) end--;
  let start = 0;
  while (start < end && isBlank(text[start])) start++;
  // The term follows the item number and the blanks after it. Nothing but an item number before the `：`: directly
  // before it, it is the term (`一、：…`); with blanks between, the line names no term.
  const n = itemNumberLength(text);
  if (n && n < end) start = n;
  else if (n && /\s/.test(text[n - 1])) return undefined;
  else start = afterBullet(text, start, end);
  if (end - start > MAX_TERM) return undefined;
  // Other white space (U+FEFF, no-break space) is not part of the term either.
  const raw = text.slice(start, end);
  let term = raw.trim();
  let termStart = start + raw.indexOf(term);
  if (term.length > 2 && term[0] === '【' && term[term.length - 1] === '】') {
    term = term.slice(1, -1).trim();
    termStart = text.indexOf(term, termStart);
  }
  if (!term || (byWord && /[。；;，,：:]/.test(term))) return undefined;
  return { term, termStart, termEnd: termStart + term.length, definition: text.slice(definitionStart).trim() };
}

/** The words that define a term written without a colon (a comma before them is no part of the term). */
const DEFINES = /([，,]?)(?:是指|系指|即指)/;
const DEFINES_NUMBERED = /([，,]?)(?:是指|系指|即指|反映)/;
/** Bullets an entry may start with. */
const BULLETS = '●•■◆▲★□○◇➢►▪·';

/** Past a bullet and the blanks after it, from `start` (not beyond `end`). */
function afterBullet(text: string, start: number, end: number): number {
  if (start >= end || !BULLETS.includes(text[start])) return start;
  let i = start + 1;
  while (i < end && isBlank(text[i])) i++;
  return i;
}

/** A `(类)` / `(款)` / `(项)` mark (either kind of bracket) at `i`. */
function markAt(s: string, i: number, level: string): boolean {
  return i >= 0 && i + 3 <= s.length && (s[i] === '(' || s[i] === '（') && s[i + 1] === level && (s[i + 2] === ')' || s[i + 2] === '）');
}

/**
 * The names along the path a term of the form `名(类)名(款)名(项)` gives (`一般公共服务支出(类)人大事务(款)行政运行(项)`
 * → the three names; also `名(类)`, `名(类)名(款)` and `名(类)名(项)`), or undefined. The term is compared without
 * blanks (`norm`). Same answers as `/^(.+?)类(?:(.+?)款)?(?:(.+?)项)?$/` with the marks in brackets (test/regex.test.ts
 * compares them), in linear time: the pattern backtracked cubically over repeated marks.
 */
export function codePathOf(term: string): string[] | undefined {
  const n = term.length;
  const endsKuan = markAt(term, n - 3, '款');
  const endsXiang = markAt(term, n - 3, '项');
  let k = 0; // the next (款) mark to consider, moving forward with the (类) mark
  for (let p = 1; p + 3 <= n; p++) {
    if (!markAt(term, p, '类')) continue;
    const name = term.slice(0, p);
    if (endsXiang) {
      // The first (款) after a non-empty name, leaving a non-empty name before the (项); else no (款) at all.
      k = Math.max(k, p + 4);
      while (k <= n - 7 && !markAt(term, k, '款')) k++;
      if (k <= n - 7) return [name, term.slice(p + 3, k), term.slice(k + 3, n - 3)];
      if (p <= n - 7) return [name, term.slice(p + 3, n - 3)];
    } else if (endsKuan) {
      if (p + 4 <= n - 3) return [name, term.slice(p + 3, n - 3)];
    } else if (p + 3 === n) return [name];
  }
  return undefined;
}
