/**
 * Array helpers for lists as long as a document: `push(...items)` and `Math.max(...xs)` pass every item as an
 * argument, and overflow the stack somewhere past 100,000 of them (a table of 200,000 rows crashed the analysis).
 */

/** Appends every item to `target`, and returns it. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
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
