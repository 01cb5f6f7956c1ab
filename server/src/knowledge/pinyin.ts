/**
 * Pinyin initials of names (`事业运行` → `syyx`), through pinyin-pro, which reads polyphones in context (`行政` → xz,
 * `银行` → yh). The library (and its dictionary) is loaded on the first call: only completion by initials needs it,
 * never the checks (the CLI does not load it).
 */
type Pinyin = typeof import('pinyin-pro').pinyin;

let pinyin: Pinyin | undefined;
const cache = new Map<string, string>();

/** Lower-case initials of the name's Chinese characters and its Latin letters; digits and punctuation are left out. */
export function initialsOf(name: string): string {
  let s = cache.get(name);
  if (s === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when first needed (see above)
    pinyin ??= (require('pinyin-pro') as typeof import('pinyin-pro')).pinyin;
    const parts = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' });
    s = parts.join('').toLowerCase().replace(/[^a-z]/g, '');
    cache.set(name, s);
  }
  return s;
}
