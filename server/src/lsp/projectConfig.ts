/**
 * The project configuration, `budget-tables.json` at the root of each workspace folder (../config/project.ts parses
 * it; the CLI reads the same file): read through `ctx.files`, read again when the client reports it changed (the
 * extension watches `**\/budget-tables.json`), its problems published as diagnostics on the file. What it says applies
 * to the documents of its folder: its catalogs (loaded by ./knowledge.ts with the folder's `catalogFiles`), its
 * per-rule severities and its `roundingDiagnostics` (./diagnostics.ts). A folder the user has not trusted may not
 * name catalogs (Restricted Mode): they are not loaded. (`ctx.projectConfigOf`, `ctx.configuredFindings` apply it.)
 */
import { CONFIG_FILE, parseProjectConfig } from '../config/project';
import { LineIndex } from '../syntax/positions';
import { childUri, normalizeUri } from '../workspace/uri';
import type { ServerContext } from './context';
import { toDiagnostic } from './diagnostics';
import type { Feature } from './features';

export function projectConfigFeature(ctx: ServerContext): Feature {
  /** What each folder's file said last, to publish and notify only on a change. */
  const seen = new Map<string, string>();

  const load = async (folder: string): Promise<boolean> => {
    const uri = childUri(folder, CONFIG_FILE);
    if (!uri) return false;
    const text = await ctx.files.readText(uri);
    const key = text ?? '\0 no file';
    if (seen.get(folder) === key) return false;
    seen.set(folder, key);
    if (text === undefined) {
      const had = ctx.projectConfigs.delete(folder);
      if (had) void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      return had;
    }
    const parsed = parseProjectConfig(text, ctx.locale);
    ctx.projectConfigs.set(folder, { uri, config: parsed.config });
    const lines = new LineIndex(text);
    void ctx.connection.sendDiagnostics({ uri, diagnostics: parsed.problems.map((f) => toDiagnostic(f, lines, uri, ctx.locale)) });
    return true;
  };

  const loadAll = async () => {
    let any = false;
    for (const f of [...ctx.projectConfigs.keys()]) if (!ctx.files.folders.includes(f)) { ctx.projectConfigs.delete(f); seen.delete(f); any = true; }
    for (const f of ctx.files.folders) any = (await load(f)) || any;
    if (any) changed();
  };
  const changed = () => {
    for (const l of ctx.configListeners) l();
    ctx.refreshDiagnostics();
  };

  ctx.foldersListeners.push(() => void loadAll());
  ctx.fileChangeListeners.push(async (changes) => {
    let any = false;
    for (const c of changes) {
      const uri = normalizeUri(c.uri);
      const folder = uri && ctx.files.folders.find((f) => childUri(f, CONFIG_FILE) === uri);
      if (folder) any = (await load(folder)) || any;
    }
    if (any) changed();
  });
  return { capabilities: {} };
}
