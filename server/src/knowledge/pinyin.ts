/** Pinyin initials of names (`事业运行` → `syyx`), through pinyin-pro, which reads polyphones in context (`行政` → xz, `银行` → yh). */
import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string>();

/** Lower-case initials of the name's Chinese characters and its Latin letters; digits and punctuation are left out. */
export function initialsOf(name: string): string {
  let s = cache.get(name);
  if (s === undefined) {
    const parts = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' });
    s = parts.join('').toLowerCase().replace(/[^a-z]/g, '');
    cache.set(name, s);
  }
  return s;
}
