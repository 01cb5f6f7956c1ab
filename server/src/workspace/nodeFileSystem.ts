/**
 * The file system of a Node process (the language server over stdio or IPC, the CLI): `file:` URIs only, read with
 * `fs`. Symbolic links are neither listed nor read (`lstat`, not `stat`); a file over the cap is not read.
 * Never bundled into the web-worker server.
 */
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { DirectoryEntry, FileSystem } from './fileSystem';
import { fsPathOf, normalizeUri } from './uri';

export const nodeFileSystem: FileSystem = {
  async readDirectory(uri: string): Promise<DirectoryEntry[]> {
    const path = fsPathOf(uri);
    if (!path) return [];
    try {
      const out: DirectoryEntry[] = [];
      for (const e of await readdir(path, { withFileTypes: true })) {
        if (e.isFile()) out.push({ name: e.name, kind: 'file' });
        else if (e.isDirectory()) out.push({ name: e.name, kind: 'directory' });
      }
      return out;
    } catch {
      return [];
    }
  },

  async readFile(uri: string, maxBytes: number): Promise<Uint8Array | undefined> {
    const path = fsPathOf(uri);
    if (!path) return undefined;
    try {
      const st = await lstat(path);
      if (!st.isFile() || st.size > maxBytes) return undefined;
      const bytes = await readFile(path);
      return bytes.length > maxBytes ? undefined : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch {
      return undefined;
    }
  },

  async realUri(uri: string): Promise<string | undefined> {
    const path = fsPathOf(uri);
    if (!path) return undefined;
    try {
      return normalizeUri(pathToFileURL(await realpath(path)).href);
    } catch {
      return undefined;
    }
  },
};
