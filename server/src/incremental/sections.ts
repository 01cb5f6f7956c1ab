/**
 * Sections: where a `.budget` text can be cut so that each piece parses and builds on its own exactly as it does in
 * the whole text. A cut goes before every `#` or `##` heading written at column 0:
 *   - the lexer is then in its main mode whatever came before (a heading leaves or enters prose by its own text, and
 *     the `列：`/`规则：` modes end at every line end), so the piece lexes to the same tokens;
 *   - the model builder's state there is set by the heading alone (a `#` starts the header, a `##` a new section).
 * An indented `## …` is a heading only outside prose, so it is not a cut: it stays inside its section.
 */

export interface SectionBounds {
  start: number;
  end: number;
}

/** Cuts a text into sections (at least one, even for an empty text). */
export function sections(text: string): SectionBounds[] {
  const out: SectionBounds[] = [];
  let start = 0;
  // `#` is rare in these documents: find each one, then look at what stands before and after it.
  for (let at = text.indexOf('#', 1); at >= 0; at = text.indexOf('#', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (before !== 10 && before !== 13) continue; // not at a line start
    if (text.charCodeAt(at + 1) === 35 && text.charCodeAt(at + 2) === 35) continue; // `###`: a part, not a section
    out.push({ start, end: at });
    start = at;
  }
  out.push({ start, end: text.length });
  return out;
}
