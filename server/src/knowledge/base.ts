/**
 * All the knowledge a long-lived process (the language server) holds: the shipped records, the user's catalogs, the
 * seeds' glossaries and column names, and the workspace index. Pure: the loaders hand it records.
 */
import { Catalog, type CatalogRecord } from './catalog';
import { GlossaryLibrary } from './glossary';
import type { CodeKnowledge } from './index';
import { WorkspaceIndex } from './workspace';
import { pushAll } from '../util/arrays';

export class KnowledgeBase {
  private shipped: CatalogRecord[] = [];
  /** The user's catalogs (file → records) by scope: a workspace folder's URI, or '' for everything else. */
  private user = new Map<string, Map<string, CatalogRecord[]>>();
  private catalogs = new Map<string, Catalog>();
  glossary = new GlossaryLibrary();
  /** Column names the seeds declare. */
  columns: string[] = [];
  readonly workspace = new WorkspaceIndex();
  /** Bumped whenever the catalogs change. */
  revision = 0;

  setShipped(records: CatalogRecord[], glossary: GlossaryLibrary, columns: string[]): void {
    this.shipped = records;
    this.glossary = glossary;
    this.columns = columns;
    this.changed();
  }

  /**
   * Replaces the user catalogs (file → records) of a scope: a workspace folder (its `catalogFiles` setting applies to
   * the documents in it) or '' (documents outside every folder, and every document when settings are not per folder).
   */
  setUserCatalogs(files: Map<string, CatalogRecord[]>, scope = ''): void {
    this.user.set(scope, files);
    this.changed();
  }

  /** Forgets the catalogs of every scope but these (workspace folders that were removed). */
  keepScopes(scopes: readonly string[]): void {
    let any = false;
    for (const s of [...this.user.keys()]) if (s && !scopes.includes(s)) any = this.user.delete(s) || any;
    if (any) this.changed();
  }

  userCatalogFiles(scope = ''): string[] {
    return [...(this.user.get(scope) ?? new Map()).keys()];
  }

  private changed(): void {
    this.catalogs.clear();
    this.revision++;
  }

  /** The catalog for documents of a scope (a workspace folder's URI; undefined or '' outside every folder). */
  catalogFor(scope: string | undefined): Catalog {
    const key = scope && this.user.has(scope) ? scope : '';
    let c = this.catalogs.get(key);
    if (!c) {
      const all: CatalogRecord[] = [];
      for (const r of (this.user.get(key) ?? new Map<string, CatalogRecord[]>()).values()) pushAll(all, r);
      pushAll(all, this.shipped);
      c = new Catalog(all);
      this.catalogs.set(key, c);
    }
    return c;
  }

  /** The catalog outside every workspace folder. */
  get catalog(): Catalog {
    return this.catalogFor(undefined);
  }

  /** What the analysis of one document uses: its folder's catalog, the workspace without that document. */
  forDocument(uri: string, scope?: string): CodeKnowledge {
    return { catalog: this.catalogFor(scope), glossary: this.glossary, workspace: this.workspace, self: uri };
  }
}
