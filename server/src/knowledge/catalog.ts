/**
 * Subject-code catalogs (政府收支分类科目), by fiscal year. Pure: records come in from the loaders (shipped data files,
 * user CSV/XLSX catalogs, the workspace's documents); a view per year resolves each code's name for that year and
 * indexes the entries for lookup by code prefix, by name fragment and by pinyin initials.
 */
import { catalogKindOf, levelOf, pathCodes, type CatalogKind, type Level } from './codes';
import { initialsOf } from './pinyin';

/** Where a record comes from. */
export type EntrySource =
  /** A shipped catalog file (`data/catalog/*.csv`): codes printed in real disclosures, with their provenance ids. */
  | { type: 'catalog'; file: string; refs?: string; confidence?: string }
  /** A seed document (`data/catalog/seed-codes.json`). */
  | { type: 'seed'; document: string; title: string }
  /** A catalog file the user configured (`budgetTables.catalogFiles`), e.g. the MOF《政府收支分类科目》 tables. */
  | { type: 'user'; file: string }
  /** The document being edited. */
  | { type: 'document' }
  /** Another `.budget` file of the workspace. */
  | { type: 'workspace'; uri: string };

export interface CatalogRecord {
  code: string;
  name: string;
  /** Fiscal years the name is known for; empty: every year (a user catalog that names no year). */
  years: number[];
  source: EntrySource;
  description?: string;
  /** Where the description comes from (a provenance id or a file). */
  descriptionSource?: string;
  /** Other names printed for the code, with their years: renames, or names cut short by a PDF's line wrapping. */
  variants?: { name: string; years: number[] }[];
  /** 政府预算支出经济分类: the 部门预算 economic codes it takes in. */
  mapsFrom?: string[];
}

/** A code as a catalog view knows it for its year. */
export interface CatalogEntry {
  code: string;
  /** The name for the view's year (or from the nearest year the code is known for). */
  name: string;
  level?: Level;
  kind?: CatalogKind;
  /** The name is known for the view's year (else it comes from `nameYears`, the nearest ones). */
  current: boolean;
  /** The years the chosen name is known for (empty: every year). */
  nameYears: number[];
  /** Every year the code is known for, across sources. */
  years: number[];
  /** Names a document of the view's year may print for the code. */
  accepted: string[];
  description?: string;
  descriptionSource?: string;
  mapsFrom?: string[];
  /** The source of the chosen name first, then every other source of the code. */
  sources: EntrySource[];
}

const RANK: Record<EntrySource['type'], number> = { user: 0, catalog: 1, seed: 2, document: 3, workspace: 4 };

/** Names compare without spaces, with ASCII and full-width parentheses alike. */
export function nameKey(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

export class Catalog {
  private readonly byCode = new Map<string, CatalogRecord[]>();
  private readonly views = new Map<string, CatalogView>();
  /** The fiscal years the user's catalogs are for (`all`: a user catalog with no year applies to every year). */
  private readonly userYears = new Set<number | 'all'>();

  constructor(records: Iterable<CatalogRecord> = []) {
    this.add(records);
  }

  add(records: Iterable<CatalogRecord>): void {
    for (const r of records) {
      const list = this.byCode.get(r.code);
      if (list) list.push(r); else this.byCode.set(r.code, [r]);
      if (r.source.type === 'user') {
        if (!r.years.length) this.userYears.add('all');
        for (const y of r.years) this.userYears.add(y);
      }
    }
    this.views.clear();
  }

  /** How many records it holds (a code may have several: one per source and name). */
  get recordCount(): number {
    let n = 0;
    for (const list of this.byCode.values()) n += list.length;
    return n;
  }

  get size(): number {
    return this.byCode.size;
  }

  /** Whether the code is known for any year. */
  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /**
   * Whether the user loaded a catalog for this fiscal year (one whose file or rows name the year, or one with no year):
   * only then is the catalog taken as complete for the year. The shipped catalog is partial: it holds the codes seen
   * in real documents.
   */
  hasUserCatalogFor(year: number | undefined): boolean {
    return this.userYears.has('all') || (year !== undefined && this.userYears.has(year));
  }

  /** Whether any code of this kind is known (a catalog without revenue codes cannot judge them). */
  knowsKind(kind: CatalogKind): boolean {
    for (const code of this.byCode.keys()) if (catalogKindOf(code) === kind) return true;
    return false;
  }

  records(code: string): readonly CatalogRecord[] {
    return this.byCode.get(code) ?? [];
  }

  /** The catalog as it applies to a fiscal year (cached until records are added). */
  view(year?: number): CatalogView {
    const key = String(year ?? '');
    let v = this.views.get(key);
    if (!v) {
      const entries: CatalogEntry[] = [];
      for (const [code, recs] of this.byCode) entries.push(resolve(code, recs, year));
      v = new CatalogView(entries, year);
      this.views.set(key, v);
    }
    return v;
  }
}

function distance(years: number[], year: number): number {
  if (!years.length) return 0;
  let d = Infinity;
  for (const y of years) d = Math.min(d, Math.abs(y - year));
  return d;
}

/** Picks a code's name for a year: a name known for that year (user catalogs first, then the shipped catalog, then the
 * seeds), else the name of the nearest year (the newer one on a tie). */
function resolve(code: string, recs: CatalogRecord[], year: number | undefined): CatalogEntry {
  if (recs.length === 1) return resolveOne(code, recs[0], year);
  const ordered = recs.map((r, i) => ({ r, i })).sort((a, b) => RANK[a.r.source.type] - RANK[b.r.source.type] || a.i - b.i).map((x) => x.r);
  const exact = year === undefined ? ordered : ordered.filter((r) => !r.years.length || r.years.includes(year));
  let chosen: CatalogRecord;
  if (exact.length) chosen = exact[0];
  else {
    const y = year ?? 0;
    chosen = ordered.slice().sort((a, b) =>
      distance(a.years, y) - distance(b.years, y) || Math.max(...b.years) - Math.max(...a.years) || RANK[a.source.type] - RANK[b.source.type])[0];
  }
  const accepted: string[] = [];
  const accept = (n: string) => { if (!accepted.some((a) => sameName(a, n))) accepted.push(n); };
  accept(chosen.name);
  if (exact.length) {
    for (const r of exact) {
      accept(r.name);
      // A variant is another accepted name for its years, unless it is the name cut short (a PDF's line wrapping).
      for (const v of r.variants ?? []) if (year !== undefined && v.years.includes(year) && !nameKey(r.name).includes(nameKey(v.name))) accept(v.name);
    }
  }
  const years = [...new Set(recs.flatMap((r) => r.years))].sort((a, b) => a - b);
  const described = ordered.find((r) => r.description);
  const sources: EntrySource[] = [chosen.source];
  for (const r of ordered) if (!sources.some((s) => sameSource(s, r.source))) sources.push(r.source);
  return {
    code, name: chosen.name, level: levelOf(code), kind: catalogKindOf(code),
    current: exact.length > 0, nameYears: chosen.years, years, accepted,
    ...(described ? { description: described.description, descriptionSource: described.descriptionSource } : {}),
    ...(ordered.find((r) => r.mapsFrom?.length) ? { mapsFrom: ordered.find((r) => r.mapsFrom?.length)?.mapsFrom } : {}),
    sources,
  };
}

/** The common case, a code one source knows (a user catalog of thousands of codes): no sorting, no merging. */
function resolveOne(code: string, r: CatalogRecord, year: number | undefined): CatalogEntry {
  const current = year === undefined || !r.years.length || r.years.includes(year);
  const accepted = [r.name];
  if (current && year !== undefined) {
    for (const v of r.variants ?? []) if (v.years.includes(year) && !nameKey(r.name).includes(nameKey(v.name)) && !accepted.some((a) => sameName(a, v.name))) accepted.push(v.name);
  }
  return {
    code, name: r.name, level: levelOf(code), kind: catalogKindOf(code), current, nameYears: r.years, years: r.years, accepted,
    ...(r.description ? { description: r.description, descriptionSource: r.descriptionSource } : {}),
    ...(r.mapsFrom?.length ? { mapsFrom: r.mapsFrom } : {}),
    sources: [r.source],
  };
}

function sameSource(a: EntrySource, b: EntrySource): boolean {
  if (a === b) return true;
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'catalog': return b.type === 'catalog' && a.file === b.file;
    case 'user': return b.type === 'user' && a.file === b.file;
    case 'seed': return b.type === 'seed' && a.document === b.document;
    case 'workspace': return b.type === 'workspace' && a.uri === b.uri;
    case 'document': return true;
  }
}

/** A catalog for one year, indexed. */
export class CatalogView {
  /** Entries sorted by code. */
  readonly entries: readonly CatalogEntry[];
  private readonly byCode = new Map<string, CatalogEntry>();
  private readonly codes: string[];
  private readonly keys: string[];
  private initials?: string[];

  constructor(entries: CatalogEntry[], readonly year: number | undefined) {
    this.entries = entries.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    this.codes = this.entries.map((e) => e.code);
    this.keys = this.entries.map((e) => nameKey(e.name));
    for (const e of this.entries) this.byCode.set(e.code, e);
  }

  get size(): number {
    return this.entries.length;
  }

  get(code: string): CatalogEntry | undefined {
    return this.byCode.get(code);
  }

  /** The entries for the code's 类, 款 and 项 (those known). */
  path(code: string): (CatalogEntry | undefined)[] {
    return pathCodes(code).map((c) => this.byCode.get(c));
  }

  /** Entries whose code starts with the prefix, in code order: a binary search, then a walk. */
  byPrefix(prefix: string, limit = Infinity): CatalogEntry[] {
    let lo = 0;
    let hi = this.codes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.codes[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    const out: CatalogEntry[] = [];
    for (let i = lo; i < this.codes.length && out.length < limit && this.codes[i].startsWith(prefix); i++) out.push(this.entries[i]);
    return out;
  }

  /** The codes directly under a code (款 of a 类, 项 of a 款). */
  children(code: string): CatalogEntry[] {
    return this.byPrefix(code).filter((e) => e.code.length === code.length + 2);
  }

  /** Entries whose name contains the fragment (spaces and parenthesis widths ignored); names that start with it first. */
  byName(fragment: string, limit = Infinity): CatalogEntry[] {
    const f = nameKey(fragment);
    if (!f) return [];
    const starts: CatalogEntry[] = [];
    const inside: CatalogEntry[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      const at = this.keys[i].indexOf(f);
      if (at === 0) starts.push(this.entries[i]);
      else if (at > 0) inside.push(this.entries[i]);
    }
    return [...starts, ...inside].slice(0, limit);
  }

  /** Entries whose name's pinyin initials contain the letters (`syyx` → 事业运行); initials that start with them first. */
  byInitials(letters: string, limit = Infinity): CatalogEntry[] {
    const q = letters.toLowerCase();
    if (!q) return [];
    this.initials ??= this.entries.map((e) => initialsOf(e.name));
    const starts: CatalogEntry[] = [];
    const inside: CatalogEntry[] = [];
    for (let i = 0; i < this.initials.length; i++) {
      const at = this.initials[i].indexOf(q);
      if (at === 0) starts.push(this.entries[i]);
      else if (at > 0) inside.push(this.entries[i]);
    }
    return [...starts, ...inside].slice(0, limit);
  }

  /** Computes the pinyin initials of every name now (so that the first pinyin query is as fast as the others). */
  warm(): void {
    this.initials ??= this.entries.map((e) => initialsOf(e.name));
  }
}

/** `2017;2018`, `2018-2020 (对照表 …)`, `2023`: the years a catalog column lists. */
export function parseYears(s: string | undefined): number[] {
  if (!s) return [];
  const years = new Set<number>();
  for (const m of s.matchAll(/(\d{4})\s*[-–~～至]\s*(\d{4})/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    for (let y = Math.min(a, b); y <= Math.max(a, b) && y - a < 50; y++) years.add(y);
  }
  const rest = s.replace(/(\d{4})\s*[-–~～至]\s*(\d{4})/g, ' ');
  for (const m of rest.matchAll(/(?<!\d)(\d{4})(?!\d)/g)) years.add(Number(m[1]));
  return [...years].sort((a, b) => a - b);
}
