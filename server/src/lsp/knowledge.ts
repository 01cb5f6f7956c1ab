/**
 * Keeps the server's subject-code knowledge current: the shipped catalogs and glossaries, the catalog files of the
 * `budgetTables.catalogFiles` setting, and an index of the codes used in the workspace's `.budget` files (open
 * documents as typed, the others as saved). Reads nothing but the shipped data, the configured catalog files and
 * `.budget` files inside the workspace folders (symbolic links are not followed).
 */
import { lstat, readdir } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type InitializeParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { loadMessages } from '../i18n/knowledge';
import type { CatalogRecord } from '../knowledge/catalog';
import { loadCatalogFile, shippedKnowledge } from '../knowledge/load';
import { initialsOf } from '../knowledge/pinyin';
import { buildDocument } from '../model/build';
import { parse } from '../syntax/parser';
import type { ServerContext } from './context';
import type { Feature } from './features';
import { insideAny, pathOf, readWorkspaceFile } from './workspaceFiles';

const MAX_FILES = 5000;

/** The workspace folders of an initialize request, as paths (file: URIs only). */
export function workspacePaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const out: string[] = [];
  for (const u of uris) {
    try {
      if (u.startsWith('file:')) out.push(fileURLToPath(u));
    } catch {
      // not a local folder
    }
  }
  return out;
}


export function knowledgeFeature(ctx: ServerContext): Feature {
  const kb = ctx.knowledge;
  const shipped = shippedKnowledge();
  kb.setShipped(shipped.records, shipped.glossary, shipped.columns);

  const changed = () => {
    ctx.knowledgeChanged();
    ctx.refreshDiagnostics();
  };

  // Pinyin initials of a year's names, computed in slices between requests, ahead of the first pinyin completion.
  const warmed = new Set<string>();
  const warm = (year: number | undefined) => {
    const key = `${kb.revision}:${year ?? ''}`;
    if (warmed.has(key)) return;
    warmed.add(key);
    const view = kb.catalog.view(year);
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
    for (const d of ctx.documents.all()) warm(ctx.analyzed(d).analysis.document.header.year);
  };
  const insideWorkspace = (path: string) => insideAny(ctx.workspaceFolders, path);

  // --- user catalogs ---------------------------------------------------------------------------------------------
  let wanted = '';
  const loadCatalogs = async (files: string[]) => {
    const m = loadMessages(ctx.locale);
    const loaded = new Map<string, CatalogRecord[]>();
    for (const f of files) {
      if (!/\.(csv|xlsx)$/i.test(f)) {
        void ctx.connection.window.showWarningMessage(m.notAllowed(f));
        continue;
      }
      // A relative path is taken in the (first) workspace folder that has it.
      const candidates = isAbsolute(f) ? [f] : ctx.workspaceFolders.map((w) => resolve(w, f));
      let done = false;
      let lastError = '';
      for (const path of candidates) {
        try {
          const st = await lstat(path);
          if (!st.isFile()) continue;
          const r = await loadCatalogFile(path);
          loaded.set(path, r.records);
          ctx.connection.console.log(m.catalogLoaded(path, r.records.length));
          if (r.problems.length) ctx.connection.console.log(m.catalogProblems(path, r.problems.length, r.problems[0]));
          done = true;
          break;
        } catch (e) {
          lastError = e instanceof Error ? e.message : String(e);
        }
      }
      if (!done) void ctx.connection.window.showWarningMessage(m.catalogFailed(f, lastError || 'ENOENT'));
    }
    if (files.join('\n') !== wanted) return; // the setting changed again meanwhile
    kb.setUserCatalogs(loaded);
    changed();
    warmOpen();
  };
  ctx.settingsListeners.push((s) => {
    const files = Array.isArray(s.catalogFiles) ? s.catalogFiles.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
    const key = files.join('\n');
    if (key === wanted) return;
    wanted = key;
    void loadCatalogs(files);
  });

  // --- workspace index -------------------------------------------------------------------------------------------
  const indexText = (uri: string, text: string): boolean => kb.workspace.update(uri, buildDocument(parse(text)));

  const indexFile = async (path: string): Promise<boolean> => {
    if (!insideWorkspace(path)) return false;
    const uri = pathToFileURL(path).href;
    if (ctx.documents.get(uri)) return false; // open documents are indexed as typed
    const text = await readWorkspaceFile(ctx.workspaceFolders, path);
    return text === undefined ? kb.workspace.remove(uri) : indexText(uri, text);
  };

  const scan = async () => {
    let count = 0;
    let any = false;
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (depth > 24 || count >= MAX_FILES) return;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (count >= MAX_FILES) return;
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) await walk(p, depth + 1);
        else if (e.isFile() && e.name.endsWith('.budget')) {
          count++;
          if (await indexFile(p)) any = true;
        }
      }
    };
    for (const f of ctx.workspaceFolders) await walk(f, 0);
    if (any) changed();
  };
  ctx.initializedListeners.push(() => void scan());

  ctx.connection.onDidChangeWatchedFiles(async (p) => {
    let any = false;
    for (const c of p.changes) {
      const path = pathOf(c.uri);
      if (!path || !path.endsWith('.budget')) continue;
      if (c.type === FileChangeType.Deleted) any = kb.workspace.remove(pathToFileURL(path).href) || any;
      else any = (await indexFile(path)) || any;
    }
    if (any) changed();
  });

  // Open documents: indexed from their text as typed (debounced), and from disk again once closed.
  const timers = new Map<string, NodeJS.Timeout>();
  const indexOpen = (doc: TextDocument) => {
    const t = timers.get(doc.uri);
    if (t) clearTimeout(t);
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const current = ctx.documents.get(doc.uri);
      if (!current) return;
      const path = pathOf(doc.uri);
      if (!path || !insideWorkspace(path)) return;
      if (kb.workspace.update(doc.uri, ctx.analyzed(current).analysis.document)) changed();
    }, 400));
  };
  ctx.documents.onDidOpen((e) => {
    indexOpen(e.document);
    setImmediate(() => {
      if (ctx.documents.get(e.document.uri)) warm(ctx.analyzed(e.document).analysis.document.header.year);
    });
  });
  ctx.documents.onDidChangeContent((e) => indexOpen(e.document));
  ctx.documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    const path = pathOf(e.document.uri);
    if (!path) return;
    void (async () => {
      const any = insideWorkspace(path) ? await indexFile(path) : kb.workspace.remove(e.document.uri);
      if (any) changed();
    })();
  });

  return { capabilities: {} };
}
