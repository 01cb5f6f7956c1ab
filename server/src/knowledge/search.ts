/**
 * Finds codes for what a user typed in a code position: a code prefix (`20103`), a name fragment (`一般行政`) or
 * pinyin initials (`syyx`), ranked by where the user is (below a 201 row: 201xx first) and limited to the table's
 * kind of codes (functional or economic).
 */
import type { CatalogEntry, CatalogView } from './catalog';
import type { TableCodeKind } from './codes';

export type Origin = 'catalog' | 'document' | 'workspace';

export interface CodeQuery {
  /** What the user typed (may be empty). */
  text: string;
  /** Only codes of this kind (functional: 2xx; economic: 3xx and 5xx). */
  kind?: TableCodeKind;
  /** For economic tables: only 部门预算 (`3`) or 政府预算 (`5`) economic codes. */
  family?: '3' | '5';
  /** The code of the nearest coded row above: its children and next siblings come first. */
  anchor?: string;
  limit?: number;
}

export interface CodeMatch {
  entry: CatalogEntry;
  origins: Origin[];
}

export type QueryMode = 'code' | 'pinyin' | 'name' | 'empty';

export function queryMode(text: string): QueryMode {
  const t = text.trim();
  if (!t) return 'empty';
  if (/^\d+$/.test(t)) return 'code';
  if (/^[a-zA-Z]+$/.test(t)) return 'pinyin';
  return 'name';
}

function kindOk(code: string, kind: TableCodeKind | undefined, family: string | undefined): boolean {
  if (!kind) return true;
  if (kind === 'functional') return code[0] === '2';
  return family ? code[0] === family : code[0] === '3' || code[0] === '5';
}

/** How near a code is to the anchor: its children 0, then codes sharing a longer prefix; codes before it last. */
export function nearness(code: string, anchor: string | undefined): number {
  if (!anchor) return 0;
  if (code.startsWith(anchor) && code.length > anchor.length) return code.length === anchor.length + 2 ? 0 : 1;
  let lcp = 0;
  while (lcp < code.length && lcp < anchor.length && code[lcp] === anchor[lcp]) lcp++;
  const shared = lcp >= 7 ? 7 : lcp >= 5 ? 5 : lcp >= 3 ? 3 : 0;
  // Siblings of the anchor (same parent) first, then codes of its 款, its 类, others.
  const parentLen = anchor.length - 2;
  let rank = shared >= parentLen && code.length === anchor.length ? 2 : 3 + (7 - shared);
  if (code < anchor) rank += 10; // already passed: a table lists codes in order
  return rank;
}

/** Beyond this many prefix matches (`2` matches every functional code), only the codes one level below are offered. */
const BROAD = 400;

function candidates(view: CatalogView, q: CodeQuery, mode: QueryMode): { entry: CatalogEntry; quality: number }[] {
  const text = q.text.trim();
  switch (mode) {
    case 'code': {
      let found = view.byPrefix(text);
      if (found.length > BROAD) {
        const depth = Math.max(3, text.length + (text.length % 2 === 0 ? 1 : 2));
        found = found.filter((e) => e.code.length <= depth);
      }
      return found.map((entry) => ({ entry, quality: 0 }));
    }
    case 'pinyin':
      return view.byInitials(text.toLowerCase()).map((entry) => ({ entry, quality: 0.5 }));
    case 'name':
      return view.byName(text).map((entry) => ({ entry, quality: entry.name.startsWith(text) ? 0 : 1 }));
    case 'empty': {
      // Nothing typed: what belongs near the anchor (its 类), and every 类.
      const out = q.anchor ? view.byPrefix(q.anchor.slice(0, 3)) : [];
      for (const e of view.entries) if (e.code.length === 3 && (!q.anchor || !e.code.startsWith(q.anchor.slice(0, 3)))) out.push(e);
      return out.map((entry) => ({ entry, quality: 0 }));
    }
  }
}

/**
 * Searches the catalog view and the extra views (the document's own codes, the workspace's), merges by code (a code
 * the catalog knows keeps the catalog's entry and gains the other origins) and ranks.
 */
export function searchCodes(view: CatalogView, extras: { view: CatalogView; origin: Origin }[], q: CodeQuery): CodeMatch[] {
  const mode = queryMode(q.text);
  const byCode = new Map<string, { m: CodeMatch; quality: number }>();
  const add = (v: CatalogView, origin: Origin) => {
    for (const { entry, quality } of candidates(v, q, mode)) {
      if (!kindOk(entry.code, q.kind, q.family)) continue;
      const had = byCode.get(entry.code);
      if (had) {
        if (!had.m.origins.includes(origin)) had.m.origins.push(origin);
        had.quality = Math.min(had.quality, quality);
      } else byCode.set(entry.code, { m: { entry, origins: [origin] }, quality });
    }
  };
  add(view, 'catalog');
  for (const x of extras) add(x.view, x.origin);
  // A code the catalog knows may also be used by the document or the workspace even if its name there differs.
  for (const x of extras) for (const { m } of byCode.values()) if (!m.origins.includes(x.origin) && x.view.get(m.entry.code)) m.origins.push(x.origin);
  // One number per candidate (match quality, then nearness to the anchor, then known for the year), then the code.
  const ranked = [...byCode.values()].map((x) => ({
    m: x.m,
    score: x.quality * 1e4 + nearness(x.m.entry.code, q.anchor) * 10 + (x.m.entry.current ? 0 : 1),
  }));
  ranked.sort((a, b) => a.score - b.score || (a.m.entry.code < b.m.entry.code ? -1 : a.m.entry.code > b.m.entry.code ? 1 : 0));
  return ranked.slice(0, q.limit ?? 100).map((x) => x.m);
}
