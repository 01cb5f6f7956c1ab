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
