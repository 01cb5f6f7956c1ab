/**
 * Subject-code knowledge: catalogs by fiscal year, glossaries, and the workspace's codes, as one object the analysis,
 * the CLI and the language server share. Pure (the file system is in ./load).
 */
import type { BudgetDocument, GlossaryEntry } from '../model/document';
import { knowledgeMessages, yearsText, type KnowledgeMessages } from '../i18n/knowledge';
import type { Locale } from '../i18n/messages';
import { Catalog, type CatalogEntry, type CatalogView, type EntrySource } from './catalog';
import { levelOf, partCodes, pathCodes, type Level } from './codes';
import { entryForCode, GlossaryLibrary, type GlossaryDocument, type LibraryEntry } from './glossary';
import type { WorkspaceIndex } from './workspace';

export { Catalog, CatalogView, type CatalogEntry, type CatalogRecord, type EntrySource } from './catalog';
export { GlossaryLibrary } from './glossary';
export { WorkspaceIndex } from './workspace';

/** What the analysis needs to check codes (`AnalysisOptions.knowledge`). */
export interface CodeKnowledge {
  catalog: Catalog;
  glossary?: GlossaryLibrary;
  workspace?: WorkspaceIndex;
  /** The analysed document's uri: left out of the workspace when deciding whether a code is known elsewhere. */
  self?: string;
}

export function emptyKnowledge(): CodeKnowledge {
  return { catalog: new Catalog(), glossary: new GlossaryLibrary() };
}

/** How a source reads in a message or a completion item. */
export function sourceLabel(s: EntrySource, years: number[], m: KnowledgeMessages): string {
  switch (s.type) {
    case 'catalog': return m.catalogSource(s.file, m.years(years));
    case 'user': return m.userSource(s.file, m.years(years));
    case 'seed': return m.seedSource(s.title, m.years(years));
    case 'document': return m.thisDocument;
    case 'workspace': return m.workspaceFile(s.uri.replace(/^.*[\\/]/, ''));
  }
}

/** Where the name of an entry comes from, for a message: `2023 年目录` / `《…》（2023 年）`. */
export function nameOrigin(e: CatalogEntry, m: KnowledgeMessages): string {
  return sourceLabel(e.sources[0], e.nameYears, m);
}

/** The names printed for each code in the document (the first print of each). */
export function printedNames(doc: BudgetDocument): Map<string, string> {
  let names = printedNamesCache.get(doc);
  if (names) return names;
  names = new Map<string, string>();
  printedNamesCache.set(doc, names);
  for (const t of doc.tables) for (const p of t.parts) for (const c of partCodes(p)) {
    if (c.name && !names.has(c.code)) names.set(c.code, c.name);
  }
  return names;
}

/** A document's names by code, for the requests of one version (each version is a new document object). */
const printedNamesCache = new WeakMap<BudgetDocument, Map<string, string>>();

export interface PathStep {
  code: string;
  name?: string;
  level?: Level;
  /** Where the name comes from. */
  from?: 'catalog' | 'document' | 'workspace';
}

/** The code's 类 > 款 > 项 with names: from the catalog, else as the document (or the workspace) prints them. */
export function pathOf(code: string, view: CatalogView, printed?: { get(code: string): string | undefined }, workspace?: WorkspaceIndex): PathStep[] {
  return pathCodes(code).map((c) => {
    const e = view.get(c);
    if (e) return { code: c, name: e.name, level: levelOf(c), from: 'catalog' as const };
    const p = printed?.get(c);
    if (p) return { code: c, name: p, level: levelOf(c), from: 'document' as const };
    const w = workspace?.nameOf(c);
    if (w) return { code: c, name: w, level: levelOf(c), from: 'workspace' as const };
    return { code: c, level: levelOf(c) };
  });
}

/** What is known of a code, for a hover. */
export interface CodeExplanation {
  code: string;
  entry?: CatalogEntry;
  level?: Level;
  path: PathStep[];
  /** The name the document prints for it, when it differs from the catalog's. */
  printed?: string;
  /** The document's own 名词解释 entry for it. */
  own?: GlossaryEntry;
  /** Else: a seed document's entry, with its document. */
  seed?: { entry: LibraryEntry; document?: GlossaryDocument };
}

export function explainCode(code: string, doc: BudgetDocument, k: CodeKnowledge, printedName?: string): CodeExplanation {
  const view = k.catalog.view(doc.header.year);
  // The shared map stays as the document prints it: the name printed beside this code goes into a copy.
  const shared = printedNames(doc);
  const printed = printedName && shared.get(code) !== printedName ? new Map(shared).set(code, printedName) : shared;
  const path = pathOf(code, view, printed, k.workspace);
  const entry = view.get(code);
  const names = path.map((p) => p.name);
  // The document's glossary may explain the code under the name it prints, or under the catalog's.
  const own = entryForCode(doc.glossary, code, names)
    ?? (printed.get(code) ? entryForCode(doc.glossary, code, [...names.slice(0, -1), printed.get(code)]) : undefined);
  const x: CodeExplanation = { code, entry, level: levelOf(code), path };
  const p = printed.get(code);
  if (p && entry && !entry.accepted.some((a) => a.replace(/\s/g, '') === p.replace(/\s/g, ''))) x.printed = p;
  if (own) x.own = own;
  else if (k.glossary) {
    const seeds = k.glossary.forCode(code);
    const pick = seeds[0] ?? entryForCode(k.glossary.entries.filter((e) => e.path), code, names);
    if (pick) x.seed = { entry: pick, document: k.glossary.document(pick.document) };
  }
  return x;
}

export { knowledgeMessages, yearsText };
export type { Locale };
