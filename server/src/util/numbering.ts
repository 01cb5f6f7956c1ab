/**
 * A number for each object, given the first time it is asked and the same while the object lives: where a key or an
 * index needs an object as a number (a part, a cell, a standard table). Numbers are never given twice.
 */
export class Numbering<T extends object> {
  private readonly ids = new WeakMap<T, number>();
  private last: number;

  /** `first`: the number the first object gets. */
  constructor(first = 1) {
    this.last = first - 1;
  }

  of(x: T): number {
    let id = this.ids.get(x);
    if (id === undefined) this.ids.set(x, (id = ++this.last));
    return id;
  }
}
