/**
 * Keeps the server's subject-code knowledge current: the user's catalog files (`budgetTables.catalogFiles`, per
 * workspace folder), and an index of the codes used in the workspace's `.budget` files (open documents as typed, the
 * others as saved). Reads through `ctx.files` only (../workspace/workspace.ts: `.budget` files inside the workspace
 * folders, no links, a size cap; the walk honours `files.exclude`), and re-reads what the client reports changed.
 * In a workspace the user has not trusted, no catalog file inside a workspace folder is read, nor any that workspace
 * settings or budget-tables.json name. A relative catalog path stays inside its folder, also once symbolic links are
 * resolved; workspace settings and budget-tables.json may name no other (absolute paths and `..` are refused with a
 * message). The extension tells which settings the entries come from (`catalogFilesFrom`); other editors' settings
 * are taken as the user's own.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Disposable, type FileSystemWatcher } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { loadMessages } from '../i18n/knowledge';
import type { CatalogRecord } from '../knowledge/catalog';
import { parseCatalog, type LoadedCatalog } from '../knowledge/catalogFile';
import { initialsOf } from '../knowledge/pinyin';
import { buildDocument } from '../model/build';
import { parse } from '../syntax/parser';
import { baseName, displayName, isAbsoluteSetting, normalizeUri, uriOfSetting } from '../workspace/uri';
import type { CatalogFilesOrigin } from '../workspace/protocol';
import { excludeMatcher } from '../workspace/workspace';
import type { ServerContext } from './context';
import type { Feature } from './features';
import { guard, showWarning } from './guard';

/** A catalog larger than this is not read (the official yearly catalog is a few megabytes). */
export const MAX_CATALOG_BYTES = 32 * 1024 * 1024;

/** The `catalogFiles` entries of a `budgetTables` settings object. */
export function catalogFilesOf(settings: Record<string, unknown> | undefined): string[] {
  const v = settings?.catalogFiles;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
}

/**
 * Where the `catalogFiles` of a settings object were written, as the VS Code extension says in `catalogFilesFrom`:
 * `'workspace'` (workspace or folder settings: anyone who wrote the repository) or `'user'`. Other editors say nothing:
 * their settings are the user's own.
 */
export function catalogFilesFrom(settings: Record<string, unknown> | undefined): CatalogFilesOrigin {
  return settings?.catalogFilesFrom === 'workspace' ? 'workspace' : 'user';
}

/** A catalog file as a setting (or budget-tables.json) names it, and who wrote that. */
interface Entry {
  path: string;
  from: CatalogFilesOrigin;
}

const entries = (paths: string[], from: CatalogFilesOrigin): Entry[] => paths.map((path) => ({ path, from }));
const keyOf = (trusted: boolean, list: Entry[]) => `${trusted}\n${list.map((e) => `${e.from}:${e.path}`).join('\n')}`;

export function knowledgeFeature(ctx: ServerContext): Feature {
  const kb = ctx.knowledge;

  const changed = () => {
    ctx.knowledgeChanged();
    ctx.refreshDiagnostics();
  };
  const warn = (message: string) => showWarning(ctx.connection, message);
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string) => {
    if (!warned.has(key)) warn(message);
    warned.add(key);
  };

  // Pinyin initials of a year's names, computed in slices between requests, ahead of the first pinyin completion.
  const warmed = new Set<string>();
  const warm = (uri: string, year: number | undefined) => {
    const scope = ctx.files.folderOf(uri) ?? '';
    const key = `${kb.revision}:${scope}:${year ?? ''}`;
    if (warmed.has(key)) return;
    warmed.add(key);
    const view = ctx.catalogFor(uri).view(year);
    let i = 0;
    const step = () => {
      const end = Math.min(view.entries.length, i + 250);
      for (; i < end; i++) initialsOf(view.entries[i].name);
      if (i < view.entries.length) setImmediate(step);
      else view.warm();
    };
    setImmediate(step);
  };
  const warmOpen = () => {
    for (const d of ctx.documents.all()) warm(d.uri, ctx.analyzed(d).analysis.document.header.year);
  };

  // --- user catalogs ---------------------------------------------------------------------------------------------
  /** Per scope (a folder URI, '' for the rest): the setting's entries as last asked for, and the URIs they named. */
  const wanted = new Map<string, string>();
  const watched = new Map<string, string[]>();
  let global: Entry[] = [];

  /**
   * One round of loading the scopes: a catalog file is read and parsed once, a problem said once (the folders and
   * the rest often name the same file).
   */
  type Read = { ok: true; catalog: LoadedCatalog } | { ok: false; problem: string };
  interface Round { reads: Map<string, Promise<Read | undefined>>; said: Set<string> }
  const readCatalog = async (uri: string): Promise<Read | undefined> => {
    const bytes = await ctx.files.fs.readFile(uri, MAX_CATALOG_BYTES);
    if (!bytes) return undefined;
    try {
      const catalog = await parseCatalog(displayName(uri), bytes, ctx.locale);
      const m = loadMessages(ctx.locale);
      ctx.connection.console.log(m.catalogLoaded(displayName(uri), catalog.records.length));
      if (catalog.problems.length) ctx.connection.console.log(m.catalogProblems(displayName(uri), catalog.problems.length, catalog.problems[0]));
      return { ok: true, catalog };
    } catch (e) {
      return { ok: false, problem: e instanceof Error ? e.message : String(e) };
    }
  };

  /**
   * Loads one scope's catalog files; a relative entry is taken in the scope's folder (for '': the first that has it)
   * and must stay inside it, also once links are resolved. Entries the workspace wrote may only be relative, and are
   * not read at all while the workspace is untrusted; an untrusted workspace's own files are never read.
   */
  const loadScope = async (scope: string, list: Entry[], round: Round) => {
    const say = (message: string) => {
      if (!round.said.has(message)) warn(message);
      round.said.add(message);
    };
    const key = keyOf(ctx.trusted, list);
    wanted.set(scope, key);
    const m = loadMessages(ctx.locale);
    const loaded = new Map<string, CatalogRecord[]>();
    const uris: string[] = [];
    for (const { path: f, from } of list) {
      if (!/\.(csv|xlsx)$/i.test(f)) {
        say(m.notAllowed(f));
        continue;
      }
      const absolute = isAbsoluteSetting(f);
      if (from === 'workspace' && !ctx.trusted) {
        say(m.catalogWorkspaceUntrusted(f));
        continue;
      }
      if (from === 'workspace' && absolute) {
        say(m.catalogAbsolute(f));
        continue;
      }
      const folders = scope ? [scope] : ctx.files.folders;
      const candidates: { uri: string; folder?: string }[] = [];
      for (const folder of absolute || !folders.length ? [undefined] : folders) {
        const uri = uriOfSetting(f, folder);
        if (uri && !candidates.some((c) => c.uri === uri)) candidates.push({ uri, ...(absolute ? {} : { folder }) });
      }
      if (!absolute && !candidates.length) {
        say(m.catalogOutside(f));
        continue;
      }
      let done = false;
      let problem = '';
      for (const { uri, folder } of candidates) {
        uris.push(uri);
        if (folder && !(await ctx.files.reallyInside(folder, uri))) {
          problem = 'outside';
          continue;
        }
        if (!ctx.trusted && ctx.files.contains(uri)) {
          problem = 'untrusted';
          continue;
        }
        let read = round.reads.get(uri);
        if (!read) round.reads.set(uri, (read = readCatalog(uri)));
        const r = await read;
        if (!r) continue;
        if (!r.ok) {
          problem = r.problem;
          continue;
        }
        loaded.set(uri, r.catalog.records);
        done = true;
        break;
      }
      if (!done) say(problem === 'untrusted' ? m.catalogUntrusted(f) : problem === 'outside' ? m.catalogOutside(f) : m.catalogFailed(f, problem || 'ENOENT'));
    }
    if (wanted.get(scope) !== key) return; // the setting changed again meanwhile
    watched.set(scope, uris);
    kb.setUserCatalogs(loaded, scope);
    watchCatalogs();
    changed();
    warmOpen();
  };

  /** (Re)loads the scopes whose catalog files (or the trust state) differ from what was loaded. */
  const syncCatalogs = () => {
    const scopes = new Map<string, Entry[]>([['', global]]);
    for (const [folder, s] of ctx.folderSettings) scopes.set(folder, entries(catalogFilesOf(s.budgetTables), catalogFilesFrom(s.budgetTables)));
    // budget-tables.json's catalogs, after the folder's setting; none from a folder the user has not trusted
    for (const [folder, c] of ctx.projectConfigs) {
      if (!c.config.catalogs.length) continue;
      if (!ctx.trusted) {
        warnOnce(`untrusted-config:${folder}`, loadMessages(ctx.locale).catalogUntrusted(c.config.catalogs.join(', ')));
        continue;
      }
      // (a client that pushes its settings has one set for all folders: the folder starts from it)
      // (the file is the workspace's: its entries are held to what workspace settings may name)
      scopes.set(folder, [...(scopes.get(folder) ?? (ctx.folderSettings.size ? [] : global)), ...entries(c.config.catalogs, 'workspace')]);
    }
    kb.keepScopes([...scopes.keys()]);
    for (const s of [...wanted.keys()]) if (!scopes.has(s)) { wanted.delete(s); watched.delete(s); }
    const round: Round = { reads: new Map(), said: new Set() };
    for (const [scope, list] of scopes) {
      if (wanted.get(scope) === keyOf(ctx.trusted, list)) continue;
      guard(ctx.connection, 'loading catalog files', () => loadScope(scope, list, round));
    }
  };
  ctx.settingsListeners.push((s) => {
    global = entries(catalogFilesOf(s), catalogFilesFrom(s));
    syncCatalogs();
  });
  ctx.trustListeners.push(() => syncCatalogs());
  ctx.configListeners.push(() => syncCatalogs());

  // The catalog files are watched (when the client can watch what the server asks for): an edit reloads them.
  let registration: Promise<Disposable> | undefined;
  let registered = '';
  const watchCatalogs = () => {
    if (!ctx.clientCapabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const uris = [...new Set([...watched.values()].flat())].sort();
    const key = uris.join('\n');
    if (key === registered) return;
    registered = key;
    const relative = ctx.clientCapabilities.workspace.didChangeWatchedFiles.relativePatternSupport === true;
    const watchers: FileSystemWatcher[] = uris.map((u) => {
      const slash = u.lastIndexOf('/');
      return relative
        ? { globPattern: { baseUri: u.slice(0, slash), pattern: baseName(u) }, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete }
        : { globPattern: `**/${baseName(u)}` };
    });
    const previous = registration;
    registration = watchers.length ? ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }) : undefined;
    registration?.catch(() => undefined); // a client refusing the registration must not end the server
    void previous?.then((d) => d.dispose(), () => undefined);
  };

  const reloadCatalog = (uri: string): boolean => {
    let any = false;
    for (const [scope, uris] of watched) if (uris.includes(uri)) {
      wanted.delete(scope);
      any = true;
    }
    if (any) syncCatalogs();
    return any;
  };

  // --- workspace index -------------------------------------------------------------------------------------------
  const indexFile = async (uri: string): Promise<boolean> => {
    if (!ctx.files.contains(uri)) return false;
    if (ctx.documents.get(uri)) return false; // open documents are indexed as typed
    const text = await ctx.files.readText(uri);
    return text === undefined ? kb.workspace.remove(uri) : kb.workspace.update(uri, buildDocument(parse(text)));
  };

  /**
   * Indexes the `.budget` files of each workspace folder not scanned yet with its current `files.exclude` (a folder
   * whose `files.exclude` changed is scanned again, what it now excludes dropped from the index).
   */
  const scanned = new Map<string, string>();
  const scan = async () => {
    const excludes = new Map(ctx.files.folders.map((f) => [f, ctx.folderSettings.get(f)?.exclude ?? {}]));
    const folders = ctx.files.folders.filter((f) => scanned.get(f) !== JSON.stringify(excludes.get(f)));
    if (!folders.length) return;
    for (const f of folders) scanned.set(f, JSON.stringify(excludes.get(f)));
    const found = new Set(await ctx.files.find('.budget', (f) => excludeMatcher(excludes.get(f)), folders));
    let any = false;
    for (const uri of [...kb.workspace.uris()]) {
      const folder = ctx.files.folderOf(uri);
      if (folder && folders.includes(folder) && !found.has(uri) && !ctx.documents.get(uri)) any = kb.workspace.remove(uri) || any;
    }
    for (const uri of found) if (await indexFile(uri)) any = true;
    if (any) changed();
  };

  /** The folders' settings are known, or folders came or went: drop what left, (re)scan, (re)load catalogs. */
  ctx.foldersListeners.push(() => {
    let any = false;
    for (const uri of [...kb.workspace.uris()]) if (!ctx.files.contains(uri)) any = kb.workspace.remove(uri) || any;
    for (const f of [...scanned.keys()]) if (!ctx.files.folders.includes(f)) scanned.delete(f);
    if (any) changed();
    syncCatalogs();
    guard(ctx.connection, 'scanning the workspace', scan);
  });

  ctx.fileChangeListeners.push(async (changes) => {
    let any = false;
    for (const c of changes) {
      const uri = normalizeUri(c.uri);
      if (!uri) continue;
      if (reloadCatalog(uri)) continue;
      if (!uri.endsWith('.budget')) continue;
      if (c.type === FileChangeType.Deleted) any = kb.workspace.remove(uri) || any;
      else any = (await indexFile(uri)) || any;
    }
    if (any) changed();
  });

  // Open documents: indexed from their text as typed (debounced), and from the file again once closed.
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const indexOpen = (doc: TextDocument) => {
    const t = timers.get(doc.uri);
    if (t) clearTimeout(t);
    timers.set(doc.uri, setTimeout(() => guard(ctx.connection, 'indexing an open document', () => {
      timers.delete(doc.uri);
      const current = ctx.documents.get(doc.uri);
      if (!current || !ctx.files.contains(doc.uri)) return;
      if (kb.workspace.update(doc.uri, ctx.analyzed(current).analysis.document)) changed();
    }), 400));
  };
  ctx.documents.onDidOpen((e) => {
    indexOpen(e.document);
    setImmediate(() => guard(ctx.connection, 'warming the catalog', () => {
      if (ctx.documents.get(e.document.uri)) warm(e.document.uri, ctx.analyzed(e.document).analysis.document.header.year);
    }));
  });
  ctx.documents.onDidChangeContent((e) => indexOpen(e.document));
  ctx.documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    guard(ctx.connection, 'indexing a closed document', async () => {
      const any = ctx.files.contains(e.document.uri) ? await indexFile(e.document.uri) : kb.workspace.remove(e.document.uri);
      if (any) changed();
    });
  });

  return { capabilities: {} };
}
