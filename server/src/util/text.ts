/**
 * Small string helpers that run in linear time on any input. A pattern such as `/[。.]+$/` or `/\t+$/` is retried
 * from every character of a long run that does not reach the end: quadratic in the run (issue #15).
 */

/** `s` without the characters of `chars` at its end. */
export function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the characters of `chars` at either end. */
export function trimChars(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start])) start++;
  return trimEndChars(s.slice(start), chars);
}

/** At most the first `n` UTF-16 units of `s`, one fewer rather than half of a surrogate pair (a message quoting it). */
export function headOf(s: string, n: number): string {
  if (s.length <= n) return s;
  const c = s.charCodeAt(n - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
}

const DIGITS = '一二三四五六七八九';

/**
 * The value of an item number written in Chinese numerals, 一 to 九十九 (`十二` 12, `二十` 20, `二十一` 21); undefined
 * for anything else.
 */
export function chineseNumeral(s: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || !s || (m[1] && m[3] && !m[2])) return undefined;
  const tens = m[2] ? (m[1] ? DIGITS.indexOf(m[1]) + 1 : 1) : 0;
  const ones = m[2] ? (m[3] ? DIGITS.indexOf(m[3]) + 1 : 0) : DIGITS.indexOf(m[1]!) + 1;
  return tens * 10 + ones;
}
