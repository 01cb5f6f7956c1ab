/**
 * What the standard sets gave a document analysed afresh, recalled when a document of the same tables is analysed
 * afresh again (the document reopened in the language server; the CLI reads each file once and asks for none): its
 * sections' own identities, and its identities between tables, by what its tables are (their roles, shapes and
 * fields), and by their text (a document reopened: its tables are not even hashed). The caller (./apply) carries
 * them over only after the checks it makes when a section is read again as it was, but those the key says already
 * (`sectionAlike`, `renewedAlike`: the roles, the relations before them, the conditions read again unless the text
 * is the same): a recalled result is exactly what applying the identities would make.
 *
 * Bounded: each way of keeping them holds at most `ROWS` rows (past it, all it holds are dropped). What is kept
 * holds the analysis it came from alive (its tables and relation lists) until it is dropped. Its analyzer may go on
 * editing that analysis: a list it has taken over since (a section's at its next version, the document's two
 * versions on) is found empty, and a table whose part it renewed (a row typed splices the part's store in place) no
 * longer has the parts it had; neither is carried over (./apply).
 */
const ROWS = 40_000;

/** Values by key, of at most `ROWS` rows in all. */
class Bounded<V> {
  private readonly byKey = new Map<string, { value: V; rows: number }>();
  private rows = 0;

  get(key: string): V | undefined {
    return this.byKey.get(key)?.value;
  }

  /** Keeps `value` (of `rows` rows) under `key`; past the bound, all are dropped first (one past it alone: not kept). */
  set(key: string, value: V, rows: number): void {
    if (rows > ROWS) {
      this.rows -= this.byKey.get(key)?.rows ?? 0;
      this.byKey.delete(key);
      return;
    }
    const had = this.byKey.get(key)?.rows ?? 0;
    if (this.rows - had + rows > ROWS) {
      this.byKey.clear();
      this.rows = 0;
    } else this.rows -= had;
    this.byKey.set(key, { value, rows });
    this.rows += rows;
  }
}

export class Recall<Section, Document> {
  /** Sections by their tables. */
  readonly sections = new Bounded<Section>();
  /** Documents by their tables. */
  readonly documents = new Bounded<Document>();
  /**
   * Sections by their text: their tables' standard tables and units, and their lines' number and length (the caller
   * compares the lines: of the same lines, the same tables, figures and all).
   */
  readonly sectionTexts = new Bounded<Section>();
  /** Documents by their text: their tables' standard tables and their text's length (the caller compares the text). */
  readonly documentTexts = new Bounded<Document>();
}
