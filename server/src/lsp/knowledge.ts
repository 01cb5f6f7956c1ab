/**
 * Keeps the server's subject-code knowledge current: the user's catalog files (`budgetTables.catalogFiles`, per
 * workspace folder), and an index of the codes used in the workspace's `.budget` files (open documents as typed, the
 * others as saved). Reads through `ctx.files` only (../workspace/workspace.ts: `.budget` files inside the workspace
 * folders, no links, a size cap; the walk honours `files.exclude`), and re-reads what the client reports changed.
 * In a workspace the user has not trusted, no catalog file inside a workspace folder is read.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Disposable, type FileSystemWatcher } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { loadMessages } from '../i18n/knowledge';
import type { CatalogRecord } from '../knowledge/catalog';
import { parseCatalog, type LoadedCatalog } from '../knowledge/catalogFile';
import { initialsOf } from '../knowledge/pinyin';
import { buildDocument } from '../model/build';
import { parse } from '../syntax/parser';
import { baseName, displayName, normalizeUri, uriOfSetting } from '../workspace/uri';
import { excludeMatcher } from '../workspace/workspace';
import type { ServerContext } from './context';
import type { Feature } from './features';

/** A catalog larger than this is not read (the official yearly catalog is a few megabytes). */
export const MAX_CATALOG_BYTES = 32 * 1024 * 1024;

/** The `catalogFiles` entries of a `budgetTables` settings object. */
export function catalogFilesOf(settings: Record<string, unknown> | undefined): string[] {
  const v = settings?.catalogFiles;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
}

export function knowledgeFeature(ctx: ServerContext): Feature {
  const kb = ctx.knowledge;

  const changed = () => {
    ctx.knowledgeChanged();
    ctx.refreshDiagnostics();
  };
  /**
   * A warning the user sees. It goes as a request whatever its typing says (`window/showMessageRequest`): a client
   * that cannot show one refuses it, which must not end the server (an unhandled rejection would).
   */
  const warn = (message: string) => {
    void Promise.resolve(ctx.connection.window.showWarningMessage(message) as unknown).catch(() => undefined);
  };
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
  let globalFiles: string[] = [];

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

  /** Loads one scope's catalog files; a relative entry is taken in the scope's folder (for '': the first that has it). */
  const loadScope = async (scope: string, files: string[], round: Round) => {
    const say = (message: string) => {
      if (!round.said.has(message)) warn(message);
      round.said.add(message);
    };
    const key = `${ctx.trusted}\n${files.join('\n')}`;
    wanted.set(scope, key);
    const m = loadMessages(ctx.locale);
    const loaded = new Map<string, CatalogRecord[]>();
    const uris: string[] = [];
    for (const f of files) {
      if (!/\.(csv|xlsx)$/i.test(f)) {
        say(m.notAllowed(f));
        continue;
      }
      const folders = scope ? [scope] : ctx.files.folders;
      const candidates = [...new Set((folders.length ? folders : [undefined]).map((w) => uriOfSetting(f, w)).filter((u): u is string => !!u))];
      let done = false;
      let problem = '';
      for (const uri of candidates) {
        uris.push(uri);
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
      if (!done) say(problem === 'untrusted' ? m.catalogUntrusted(f) : m.catalogFailed(f, problem || 'ENOENT'));
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
    const scopes = new Map<string, string[]>([['', globalFiles]]);
    for (const [folder, s] of ctx.folderSettings) scopes.set(folder, catalogFilesOf(s.budgetTables));
    // budget-tables.json's catalogs, after the folder's setting; none from a folder the user has not trusted
    for (const [folder, c] of ctx.projectConfigs) {
      if (!c.config.catalogs.length) continue;
      if (!ctx.trusted) {
        warnOnce(`untrusted-config:${folder}`, loadMessages(ctx.locale).catalogUntrusted(c.config.catalogs.join(', ')));
        continue;
      }
      // (a client that pushes its settings has one set for all folders: the folder starts from it)
      scopes.set(folder, [...(scopes.get(folder) ?? (ctx.folderSettings.size ? [] : globalFiles)), ...c.config.catalogs]);
    }
    kb.keepScopes([...scopes.keys()]);
    for (const s of [...wanted.keys()]) if (!scopes.has(s)) { wanted.delete(s); watched.delete(s); }
    const round: Round = { reads: new Map(), said: new Set() };
    for (const [scope, files] of scopes) {
      if (wanted.get(scope) === `${ctx.trusted}\n${files.join('\n')}`) continue;
      void loadScope(scope, files, round);
    }
  };
  ctx.settingsListeners.push((s) => {
    globalFiles = catalogFilesOf(s);
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
    void scan();
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
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const current = ctx.documents.get(doc.uri);
      if (!current || !ctx.files.contains(doc.uri)) return;
      if (kb.workspace.update(doc.uri, ctx.analyzed(current).analysis.document)) changed();
    }, 400));
  };
  ctx.documents.onDidOpen((e) => {
    indexOpen(e.document);
    setImmediate(() => {
      if (ctx.documents.get(e.document.uri)) warm(e.document.uri, ctx.analyzed(e.document).analysis.document.header.year);
    });
  });
  ctx.documents.onDidChangeContent((e) => indexOpen(e.document));
  ctx.documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    void (async () => {
      const any = ctx.files.contains(e.document.uri) ? await indexFile(e.document.uri) : kb.workspace.remove(e.document.uri);
      if (any) changed();
    })();
  });

  return { capabilities: {} };
}
