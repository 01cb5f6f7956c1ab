/**
 * Glossaries (名词解释): a document's own, and those of the seed documents shipped as data. Finds the entry that
 * explains a code, and the terms a line of text mentions.
 */
import type { BudgetDocument, GlossaryEntry } from '../model/document';
import type { Span } from '../syntax/ast';
import { nameKey, sameName } from './catalog';
import { pushTo } from '../util/arrays';

export interface GlossaryDocument {
  id: string;
  title: string;
  department?: string;
  year?: number;
  kind?: string;
}

/** An entry of a shipped glossary, as its document prints it. */
export interface LibraryEntry {
  document: string;
  term: string;
  definition: string;
  /** For `…(类)…(款)…(项)` entries: the names along the path. */
  path?: string[];
  /** The codes of its document the entry explains. */
  codes?: string[];
}

const QUOTES = /[“”"'‘’「」『』《》\s\u3000]/g;

/** How a term is compared: without quotes and spaces (`“三公”经费` and `三公经费` are one term). */
export function termKey(term: string): string {
  return nameKey(term.replace(QUOTES, ''));
}

/** The glossaries of the seed documents. */
export class GlossaryLibrary {
  private readonly docs = new Map<string, GlossaryDocument>();
  private readonly byTerm = new Map<string, LibraryEntry[]>();
  private readonly byCode = new Map<string, LibraryEntry[]>();

  constructor(documents: GlossaryDocument[] = [], readonly entries: LibraryEntry[] = []) {
    for (const d of documents) this.docs.set(d.id, d);
    for (const e of entries) {
      if (!e.path) pushTo(this.byTerm, termKey(e.term), e);
      for (const c of e.codes ?? []) pushTo(this.byCode, c, e);
    }
  }

  document(id: string): GlossaryDocument | undefined {
    return this.docs.get(id);
  }

  /** Entries explaining a code, newest document first. */
  forCode(code: string): LibraryEntry[] {
    return this.newestFirst(this.byCode.get(code) ?? []);
  }

  /** Entries for a term (its key), newest document first. */
  forTerm(key: string): LibraryEntry[] {
    return this.newestFirst(this.byTerm.get(key) ?? []);
  }

  /** Every term key (entries that are not code paths). */
  termKeys(): string[] {
    return [...this.byTerm.keys()];
  }

  private newestFirst(list: LibraryEntry[]): LibraryEntry[] {
    return list.slice().sort((a, b) => (this.docs.get(b.document)?.year ?? 0) - (this.docs.get(a.document)?.year ?? 0));
  }
}


/**
 * The entry of a glossary that explains a code, given the names along the code's path (类, 款, 项; any may be unknown).
 * A path entry must name the code's own level and name, and its 类 when both are known; its 款 only counts as a
 * tie-breaker (documents print 款 names loosely: 工业和信息等产业监督 for 工业和信息产业监管). An entry without a path
 * (a list of 项 names under a heading) matches by name.
 */
export function entryForCode<E extends { term: string; path?: string[] }>(entries: readonly E[], code: string, names: (string | undefined)[]): E | undefined {
  const own = names[names.length - 1];
  if (!own) return undefined;
  let best: E | undefined;
  let bestScore = -1;
  for (const e of entries) {
    let score: number;
    if (e.path) {
      if ([3, 5, 7][e.path.length - 1] !== code.length) continue;
      if (!sameName(e.path[e.path.length - 1], own)) continue;
      if (e.path.length > 1 && names[0] && !sameName(e.path[0], names[0])) continue;
      score = 2 + (e.path.length > 2 && names[1] && sameName(e.path[1], names[1]) ? 1 : 0);
    } else {
      if (!sameName(e.term, own)) continue;
      score = 1;
    }
    if (score > bestScore) { best = e; bestScore = score; }
  }
  return best;
}

/** A term found in a text, with its place. */
export interface TermHit {
  key: string;
  span: Span;
}

/**
 * The longest term among `keys` that the text mentions at `offset` (quotes inside the text are skipped: `“三公”经费`
 * mentions 三公经费). `base` is the text's offset in the document.
 */
export function termAt(text: string, offset: number, keys: Iterable<string>, base = 0): TermHit | undefined {
  // The text without quotes and spaces, with each kept character's place in the original.
  let flat = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/[“”"'‘’「」『』《》\s\u3000]/.test(ch)) continue;
    flat += ch === '(' ? '（' : ch === ')' ? '）' : ch;
    at.push(i);
  }
  const rel = offset - base;
  let best: TermHit | undefined;
  for (const key of keys) {
    if (key.length < 2 || (best && key.length <= best.key.length)) continue;
    let from = 0;
    for (;;) {
      const i = flat.indexOf(key, from);
      if (i < 0) break;
      const start = at[i];
      const end = at[i + key.length - 1] + 1;
      if (start <= rel && rel <= end) {
        best = { key, span: { start: base + start, end: base + end } };
        break;
      }
      if (start > rel) break;
      from = i + 1;
    }
  }
  return best;
}

/** A document's own glossary entries by term key (code paths left out). */
export function documentTerms(doc: BudgetDocument): Map<string, GlossaryEntry> {
  const m = new Map<string, GlossaryEntry>();
  for (const e of doc.glossary) if (!e.path && e.definition.trim()) m.set(termKey(e.term), e);
  return m;
}
