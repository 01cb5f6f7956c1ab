/**
 * Array helpers for lists as long as a document: `push(...items)` and `Math.max(...xs)` pass every item as an
 * argument, and overflow the stack somewhere past 100,000 of them (a table of 200,000 rows crashed the analysis).
 */

/** Appends every item to `target`, and returns it. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}

/**
 * Appends `v` to the list `map` holds under `k` (made when new). `once`: not when it is that list's last item already
 * (a relation that holds one figure twice is listed once under it).
 */
export function pushTo<K, V>(map: Map<K, V[]>, k: K, v: V, once = false): void {
  const list = map.get(k);
  if (!list) map.set(k, [v]);
  else if (!once || list[list.length - 1] !== v) list.push(v);
}

/**
 * A list's items, each once, in the order first met (a new array). A short list is searched (no set made: asked for
 * what each identity bound read); a long one goes through a set.
 */
export function distinct<T>(list: readonly T[]): T[] {
  if (list.length > 16) return [...new Set(list)];
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) if (!out.includes(list[i])) out.push(list[i]);
  return out;
}

/**
 * `count` numbers from `first`, in a list (a loop: `Array.from` with a callback reading `first` allocated a closure
 * context at each call, twelve thousand a met pass of the 33k-row 部门预算 in standard/apply.ts).
 */
export function range(first: number, count: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < count; j++) out.push(first + j);
  return out;
}

/** Whether two lists hold the same objects in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The largest number, or `empty` when there is none. */
export function maxOf(xs: Iterable<number>, empty = -Infinity): number {
  let m = empty;
  let any = false;
  for (const x of xs) {
    if (!any || x > m) m = x;
    any = true;
  }
  return m;
}

/** The smallest number, or `empty` when there is none. */
export function minOf(xs: Iterable<number>, empty = Infinity): number {
  let m = empty;
  let any = false;
  for (const x of xs) {
    if (!any || x < m) m = x;
    any = true;
  }
  return m;
}

/**
 * The last index in [0, count) whose key is ≤ x, the keys ascending (0 when none is, or when count is 0): the line,
 * section or tree line holding an offset, by binary search.
 */
export function lastAtOrBefore(count: number, keyAt: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keyAt(mid) <= x) lo = mid; else hi = mid - 1;
  }
  return lo;
}
