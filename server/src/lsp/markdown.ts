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

/**
 * Hovers and completion documentation are at most this long (UTF-16 units): a catalog description or a glossary
 * definition can be any length, and one hover of 2,000,374 characters held up the editor (issue #15).
 */
export const MAX_MARKDOWN = 20_000;

/**
 * `value` (markdown built with `md()`) cut to MAX_MARKDOWN with `note` under it, or `value` itself when it is short
 * enough. The cut never ends in a backslash that would escape the note, nor inside a surrogate pair.
 */
export function capped(value: string, note: string, max = MAX_MARKDOWN): string {
  if (value.length <= max) return value;
  let end = max;
  const c = value.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  let slashes = 0;
  while (slashes < end && value[end - 1 - slashes] === '\\') slashes++;
  if (slashes % 2) end--;
  return `${value.slice(0, end)}\n\n${md(note)}`;
}
