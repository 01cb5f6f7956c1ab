/**
 * The workspace's files as the language server may use them: which files it may read on its own (regular files inside
 * the workspace folders, at most 8 MiB each, no symbolic links — the file system keeps the last two rules), and the
 * walk that lists the workspace's `.budget` files (skipping hidden entries, `node_modules` and the folder's
 * `files.exclude` patterns; at most 5,000 files, 24 levels deep). Pure: every access goes through a `FileSystem`.
 * test/workspace.test.ts pins the rules with an in-memory file system; test/sandbox.test.ts checks the real server.
 */
import { Minimatch } from 'minimatch';
import { decodeText } from '../util/decode';
import type { FileSystem } from './fileSystem';
import { childUri, isInside, normalizeUri, withoutTrailingSlashes } from './uri';

export const MAX_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_FILES = 5000;
export const MAX_DEPTH = 24;

/** `files.exclude` as VS Code writes it: glob → true/false, or a `{ when }` sibling condition (not applied here). */
export type ExcludeSetting = Record<string, unknown>;

/** A test for workspace-relative paths (`a/b/c.budget`) from a `files.exclude` setting. */
export function excludeMatcher(setting: ExcludeSetting | undefined): (relative: string) => boolean {
  const patterns = Object.entries(setting ?? {})
    // `{ "when": "$(basename).ts" }` excludes only beside a sibling: rare for .budget files, and never excluding is the
    // safe side (the file is indexed).
    .filter(([glob, on]) => on === true && glob.trim() !== '')
    .map(([glob]) => new Minimatch(withoutTrailingSlashes(glob.replace(/^\.\//, '')), { dot: true }));
  if (!patterns.length) return () => false;
  return (relative) => patterns.some((p) => p.match(relative));
}

export class Workspace {
  private roots: string[] = [];

  constructor(readonly fs: FileSystem) {}

  /** The workspace folders, as normalised URIs. */
  get folders(): readonly string[] {
    return this.roots;
  }

  setFolders(uris: readonly string[]): void {
    const out: string[] = [];
    for (const u of uris) {
      const n = normalizeUri(u);
      if (n && !out.includes(n)) out.push(n);
    }
    this.roots = out;
  }

  /** Whether `uri` lies in a workspace folder. */
  contains(uri: string): boolean {
    return this.roots.some((f) => isInside(f, uri));
  }

  /** The workspace folder holding `uri` (the innermost when folders nest), if any. */
  folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const f of this.roots) if (isInside(f, uri) && (!best || f.length > best.length)) best = f;
    return best;
  }

  /**
   * Whether `uri` lies in `folder` also once symbolic links are resolved: a linked folder inside the workspace may lead
   * out of it (issue #15). Where the file system resolves no links, whether it lies there as written.
   */
  async reallyInside(folder: string, uri: string): Promise<boolean> {
    if (!isInside(folder, uri)) return false;
    if (!this.fs.realUri) return true;
    const [f, u] = await Promise.all([this.fs.realUri(folder), this.fs.realUri(uri)]);
    return !!f && !!u && isInside(f, u);
  }

  /** The text of a workspace file the server may read on its own, or undefined (outside the folders, a link, too large, gone). */
  async readText(uri: string): Promise<string | undefined> {
    const folder = this.folderOf(uri);
    if (!folder || !(await this.reallyInside(folder, uri))) return undefined;
    const bytes = await this.fs.readFile(uri, MAX_FILE_BYTES);
    return bytes === undefined ? undefined : decodeText(bytes);
  }

  /**
   * The files of the workspace folders (or of some of them) whose name ends with `suffix`, in walk order: no hidden
   * entries, no `node_modules`, nothing `exclude(folder)` matches, at most `MAX_FILES` in all, `MAX_DEPTH` levels deep.
   */
  async find(suffix: string, exclude: (folder: string) => (relative: string) => boolean = () => () => false, folders: readonly string[] = this.roots): Promise<string[]> {
    const found: string[] = [];
    const walk = async (dir: string, relative: string, depth: number, skip: (r: string) => boolean): Promise<void> => {
      if (depth > MAX_DEPTH || found.length >= MAX_FILES) return;
      const entries = await this.fs.readDirectory(dir);
      for (const e of entries) {
        if (found.length >= MAX_FILES) return;
        if (e.name.startsWith('.') || e.name === 'node_modules' || /[\\/]/.test(e.name) || e.name === '..') continue;
        const rel = relative ? `${relative}/${e.name}` : e.name;
        if (skip(rel)) continue;
        const uri = childUri(dir, e.name);
        if (!uri) continue;
        if (e.kind === 'directory') await walk(uri, rel, depth + 1, skip);
        else if (e.name.endsWith(suffix)) found.push(uri);
      }
    };
    for (const f of folders) if (this.roots.includes(f)) await walk(f, '', 0, exclude(f));
    return found;
  }
}
