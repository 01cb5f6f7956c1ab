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
  private user = new Map<string, CatalogRecord[]>();
  private current?: Catalog;
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

  /** Replaces the user catalogs (file → records). */
  setUserCatalogs(files: Map<string, CatalogRecord[]>): void {
    this.user = files;
    this.changed();
  }

  userCatalogFiles(): string[] {
    return [...this.user.keys()];
  }

  private changed(): void {
    this.current = undefined;
    this.revision++;
  }

  get catalog(): Catalog {
    if (!this.current) {
      const all: CatalogRecord[] = [];
      for (const r of this.user.values()) pushAll(all, r);
      pushAll(all, this.shipped);
      this.current = new Catalog(all);
    }
    return this.current;
  }

  /** What the analysis of one document uses: the workspace without that document. */
  forDocument(uri: string): CodeKnowledge {
    return { catalog: this.catalog, glossary: this.glossary, workspace: this.workspace, self: uri };
  }
}
