/** An in-memory file system for tests: what the client of the web-worker server serves, without a client. */
import type { DirectoryEntry, FileSystem } from '../../server/src/workspace/fileSystem';
import { normalizeUri } from '../../server/src/workspace/uri';

/**
 * Files by URI (`memfs:/ws/a.budget` → text, in any spelling of the URI); folders are implied by the paths. Keeps
 * the URIs it was asked to read and list.
 */
export function memoryFileSystem(files: Record<string, string | Uint8Array>): FileSystem & { reads: string[]; listed: string[] } {
  const key = (uri: string) => normalizeUri(uri) ?? uri;
  const bytes = new Map(Object.entries(files).map(([k, v]) => [key(k), typeof v === 'string' ? new TextEncoder().encode(v) : v]));
  const fs = {
    reads: [] as string[],
    listed: [] as string[],
    async readDirectory(uri: string): Promise<DirectoryEntry[]> {
      fs.listed.push(uri);
      const prefix = key(uri).endsWith('/') ? key(uri) : `${key(uri)}/`;
      const out = new Map<string, DirectoryEntry>();
      for (const k of bytes.keys()) {
        if (!k.startsWith(prefix)) continue;
        const [name, ...rest] = k.slice(prefix.length).split('/').map(decodeURIComponent);
        out.set(name, { name, kind: rest.length ? 'directory' : 'file' });
      }
      return [...out.values()];
    },
    async readFile(uri: string, maxBytes: number): Promise<Uint8Array | undefined> {
      fs.reads.push(uri);
      const b = bytes.get(key(uri));
      return b && b.length <= maxBytes ? b : undefined;
    },
  };
  return fs;
}
