/**
 * Keeps the server's subject-code knowledge current: the user's catalog files (`budgetTables.catalogFiles`, per
 * workspace folder), and an index of the codes used in the workspace's `.budget` files (open documents as typed, the
 * others as saved). Reads through `ctx.files` only (../workspace/workspace.ts: `.budget` files inside the workspace
 * folders, no links, a size cap; the walk honours `files.exclude`), and re-reads what the client reports changed.
 * In a workspace the user has not trusted, no catalog file inside a workspace folder is read, nor any that workspace
 * settings name. A relative catalog path stays inside its folder, also once symbolic links are resolved; workspace
 * settings may name no other (absolute paths and `..` are refused with a message). The extension tells which settings
 * the entries come from (`catalogFilesFrom`); other editors' settings are taken as the user's own.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Disposable, type FileSystemWatcher } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { loadMessages } from '../i18n/knowledge';
import type { CatalogRecord } from '../knowledge/catalog';
import { parseCatalog } from '../knowledge/catalogFile';
import { initialsOf } from '../knowledge/pinyin';
import { buildDocument } from '../model/build';
import { parse } from '../syntax/parser';
import { baseName, displayName, isAbsoluteSetting, normalizeUri, uriOfSetting } from '../workspace/uri';
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
export function catalogFilesFrom(settings: Record<string, unknown> | undefined): 'user' | 'workspace' {
  return settings?.catalogFilesFrom === 'workspace' ? 'workspace' : 'user';
}

export function knowledgeFeature(ctx: ServerContext): Feature {
  const kb = ctx.knowledge;

  const changed = () => {
    ctx.invalidateAll();
    ctx.refreshDiagnostics();
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
  let global: { files: string[]; from: 'user' | 'workspace' } = { files: [], from: 'user' };

  /**
   * Loads one scope's catalog files; a relative entry is taken in the scope's folder (for '': the first that has it)
   * and must stay inside it, also once links are resolved. Entries written in workspace settings may only be relative,
   * and are not read at all while the workspace is untrusted; an untrusted workspace's own files are never read.
   */
  const loadScope = async (scope: string, files: string[], from: 'user' | 'workspace') => {
    const key = `${ctx.trusted}\n${from}\n${files.join('\n')}`;
    wanted.set(scope, key);
    const m = loadMessages(ctx.locale);
    const loaded = new Map<string, CatalogRecord[]>();
    const uris: string[] = [];
    const warn = (message: string) => showWarning(ctx.connection, message);
    for (const f of files) {
      if (!/\.(csv|xlsx)$/i.test(f)) {
        warn(m.notAllowed(f));
        continue;
      }
      const absolute = isAbsoluteSetting(f);
      if (from === 'workspace' && !ctx.trusted) {
        warn(m.catalogWorkspaceUntrusted(f));
        continue;
      }
      if (from === 'workspace' && absolute) {
        warn(m.catalogAbsolute(f));
        continue;
      }
      const folders = scope ? [scope] : ctx.files.folders;
      const candidates: { uri: string; folder?: string }[] = [];
      for (const folder of absolute || !folders.length ? [undefined] : folders) {
        const uri = uriOfSetting(f, folder);
        if (uri && !candidates.some((c) => c.uri === uri)) candidates.push({ uri, ...(absolute ? {} : { folder }) });
      }
      if (!absolute && !candidates.length) {
        warn(m.catalogOutside(f));
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
        const bytes = await ctx.files.fs.readFile(uri, MAX_CATALOG_BYTES);
        if (!bytes) continue;
        try {
          const r = await parseCatalog(displayName(uri), bytes, ctx.locale);
          loaded.set(uri, r.records);
          ctx.connection.console.log(m.catalogLoaded(displayName(uri), r.records.length));
          if (r.problems.length) ctx.connection.console.log(m.catalogProblems(displayName(uri), r.problems.length, r.problems[0]));
          done = true;
          break;
        } catch (e) {
          problem = e instanceof Error ? e.message : String(e);
        }
      }
      if (!done) warn(problem === 'untrusted' ? m.catalogUntrusted(f) : problem === 'outside' ? m.catalogOutside(f) : m.catalogFailed(f, problem || 'ENOENT'));
    }
    if (wanted.get(scope) !== key) return; // the setting changed again meanwhile
    watched.set(scope, uris);
    kb.setUserCatalogs(loaded, scope);
    watchCatalogs();
    changed();
    warmOpen();
  };

  /** (Re)loads the scopes whose settings differ from what was loaded; `force` reloads them all. */
  const syncCatalogs = (force = false) => {
    const scopes = new Map<string, { files: string[]; from: 'user' | 'workspace' }>([['', global]]);
    for (const [folder, s] of ctx.folderSettings) scopes.set(folder, { files: catalogFilesOf(s.budgetTables), from: catalogFilesFrom(s.budgetTables) });
    kb.keepScopes([...scopes.keys()]);
    for (const s of [...wanted.keys()]) if (!scopes.has(s)) { wanted.delete(s); watched.delete(s); }
    for (const [scope, { files, from }] of scopes) {
      if (!force && wanted.get(scope) === `${ctx.trusted}\n${from}\n${files.join('\n')}`) continue;
      guard(ctx.connection, 'loading catalog files', () => loadScope(scope, files, from));
    }
  };
  ctx.settingsListeners.push((s) => {
    global = { files: catalogFilesOf(s), from: catalogFilesFrom(s) };
    syncCatalogs();
  });
  ctx.trustListeners.push(() => syncCatalogs());

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

  /** Indexes the `.budget` files of the workspace folders not scanned yet (all of them after `forget`). */
  const scanned = new Set<string>();
  const scan = async () => {
    const folders = ctx.files.folders.filter((f) => !scanned.has(f));
    if (!folders.length) return;
    for (const f of folders) scanned.add(f);
    const exclude = (folder: string) => excludeMatcher(ctx.folderSettings.get(folder)?.exclude);
    let any = false;
    for (const uri of await ctx.files.find('.budget', exclude, folders)) if (await indexFile(uri)) any = true;
    if (any) changed();
  };

  /** Workspace folders came or went, or their settings changed: drop what left, scan what came, reload catalogs. */
  ctx.foldersListeners.push(() => {
    let any = false;
    for (const uri of [...kb.workspace.uris()]) if (!ctx.files.contains(uri)) any = kb.workspace.remove(uri) || any;
    for (const f of [...scanned]) if (!ctx.files.folders.includes(f)) scanned.delete(f);
    if (any) changed();
    syncCatalogs();
    guard(ctx.connection, 'scanning the workspace', scan);
  });
  ctx.initializedListeners.push(() => guard(ctx.connection, 'scanning the workspace', scan));

  ctx.connection.onDidChangeWatchedFiles(async (p) => {
    let any = false;
    for (const c of p.changes) {
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
