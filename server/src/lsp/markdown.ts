/**
 * Untrusted markdown for hovers and completion documentation. Everything that comes from a document, a catalog or a
 * glossary goes through `md()`: every ASCII punctuation character is backslash-escaped (CommonMark), so no text can
 * become a link, a command link, an image, HTML, code or emphasis; line breaks and runs of spaces collapse to one
 * space (no headings, lists, quotes or code blocks). The server never marks any markdown as trusted.
 */
export function md(text: string): string {
  return text
    .replace(/[\s\u0085\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~"'&$%:;=?@^,/]/g, (c) => `\\${c}`);
}

/** A block quote of untrusted text. */
export function quote(text: string): string {
  return `> ${md(text)}`;
}
