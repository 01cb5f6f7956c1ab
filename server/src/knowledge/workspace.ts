/** The codes (and column names) used in the `.budget` files of a workspace: candidates for completion, and known codes. */
import type { BudgetDocument } from '../model/document';
import type { CatalogRecord } from './catalog';
import { partCodes, SUBJECT_CODE } from './codes';

export interface WorkspaceCode {
  code: string;
  name?: string;
  year?: number;
  uri: string;
}

interface FileEntry {
  codes: Map<string, WorkspaceCode>;
  columns: string[];
  signature: string;
}

/** What one document contributes to the workspace index. */
export function documentCodes(doc: BudgetDocument, uri: string): { codes: WorkspaceCode[]; columns: string[] } {
  const codes = new Map<string, WorkspaceCode>();
  const columns = new Set<string>();
  const year = doc.header.year;
  for (const t of doc.tables) for (const p of t.parts) {
    for (const c of p.columns) if (c.name) columns.add(c.name);
    for (const cc of partCodes(p)) {
      if (!SUBJECT_CODE.test(cc.code)) continue;
      const had = codes.get(cc.code);
      if (!had || (!had.name && cc.name)) codes.set(cc.code, { code: cc.code, name: cc.name || undefined, year, uri });
    }
  }
  return { codes: [...codes.values()], columns: [...columns] };
}

/** As catalog records (for completion), with the source each one says. */
export function asRecords(codes: Iterable<WorkspaceCode>, source: (c: WorkspaceCode) => CatalogRecord['source']): CatalogRecord[] {
  const out: CatalogRecord[] = [];
  for (const c of codes) if (c.name) out.push({ code: c.code, name: c.name, years: c.year ? [c.year] : [], source: source(c) });
  return out;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly owners = new Map<string, Set<string>>();
  /** Bumped whenever the set of codes changes. */
  revision = 0;

  /** Indexes a document; returns whether the workspace's codes changed. */
  update(uri: string, doc: BudgetDocument): boolean {
    const { codes, columns } = documentCodes(doc, uri);
    const signature = codes.map((c) => `${c.code}:${c.name ?? ''}:${c.year ?? ''}`).sort().join(',');
    const old = this.files.get(uri);
    if (old && old.signature === signature) {
      old.columns = columns;
      return false;
    }
    this.drop(uri);
    this.files.set(uri, { codes: new Map(codes.map((c) => [c.code, c])), columns, signature });
    for (const c of codes) {
      const s = this.owners.get(c.code);
      if (s) s.add(uri); else this.owners.set(c.code, new Set([uri]));
    }
    this.revision++;
    return true;
  }

  /** Forgets a file; returns whether the workspace's codes changed. */
  remove(uri: string): boolean {
    if (!this.files.has(uri)) return false;
    this.drop(uri);
    this.revision++;
    return true;
  }

  private drop(uri: string): void {
    const old = this.files.get(uri);
    if (!old) return;
    for (const code of old.codes.keys()) {
      const s = this.owners.get(code);
      s?.delete(uri);
      if (s && !s.size) this.owners.delete(code);
    }
    this.files.delete(uri);
  }

  get fileCount(): number {
    return this.files.size;
  }

  /** Whether a file other than `except` uses the code. */
  has(code: string, except?: string): boolean {
    const s = this.owners.get(code);
    if (!s) return false;
    return s.size > (except !== undefined && s.has(except) ? 1 : 0);
  }

  /** The codes of every file but `except` (one per code and name). */
  codes(except?: string): WorkspaceCode[] {
    const seen = new Map<string, WorkspaceCode>();
    for (const [uri, f] of this.files) {
      if (uri === except) continue;
      for (const c of f.codes.values()) {
        const k = `${c.code} ${c.name ?? ''}`;
        const had = seen.get(k);
        if (!had || (c.year ?? 0) > (had.year ?? 0)) seen.set(k, c);
      }
    }
    return [...seen.values()];
  }

  private names?: { revision: number; map: Map<string, string> };

  /** A name some file of the workspace prints for the code. */
  nameOf(code: string): string | undefined {
    if (!this.names || this.names.revision !== this.revision) {
      const map = new Map<string, string>();
      for (const f of this.files.values()) for (const c of f.codes.values()) if (c.name && !map.has(c.code)) map.set(c.code, c.name);
      this.names = { revision: this.revision, map };
    }
    return this.names.map.get(code);
  }

  columnNames(): string[] {
    const s = new Set<string>();
    for (const f of this.files.values()) for (const c of f.columns) s.add(c);
    return [...s];
  }

  uris(): string[] {
    return [...this.files.keys()];
  }
}
