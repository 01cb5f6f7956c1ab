/**
 * Files read through the editor: what the web-worker server uses for every file, and the Node server for URIs it
 * cannot open itself (a virtual workspace such as `vscode-vfs://github/…` on the desktop). The VS Code extension
 * answers the requests of ../workspace/protocol.ts with `vscode.workspace.fs` (client/src/workspaceFiles.ts) and says
 * so in its initialization options; a client that does not gets no such request.
 */
import type { Connection } from 'vscode-languageserver';
import { fromBase64 } from '../util/base64';
import type { DirectoryEntry, FileSystem } from '../workspace/fileSystem';
import { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST } from '../workspace/protocol';

/** The file system behind the client's requests. A request that fails reads as nothing. */
export function clientFileSystem(connection: Pick<Connection, 'sendRequest'>): FileSystem {
  return {
    async readDirectory(uri: string): Promise<DirectoryEntry[]> {
      try {
        const r = (await connection.sendRequest(READ_DIRECTORY_REQUEST, { uri })) as unknown;
        if (!Array.isArray(r)) return [];
        const out: DirectoryEntry[] = [];
        for (const e of r) {
          if (Array.isArray(e) && typeof e[0] === 'string' && (e[1] === 'file' || e[1] === 'directory')) out.push({ name: e[0], kind: e[1] });
        }
        return out;
      } catch {
        return [];
      }
    },
    async readFile(uri: string, maxBytes: number): Promise<Uint8Array | undefined> {
      try {
        const r = (await connection.sendRequest(READ_FILE_REQUEST, { uri, maxBytes })) as unknown;
        if (typeof r !== 'string') return undefined;
        const bytes = fromBase64(r);
        return bytes.length > maxBytes ? undefined : bytes;
      } catch {
        return undefined;
      }
    },
  };
}

/** `file:` URIs through `local` (when there is one), everything else through `client` (once the client offers it). */
export function routedFileSystem(local: FileSystem | undefined): FileSystem & { client?: FileSystem } {
  const pick = (uri: string, self: { client?: FileSystem }) => (local && uri.startsWith('file:') ? local : self.client);
  const routed: FileSystem & { client?: FileSystem } = {
    async readDirectory(uri) {
      return (await pick(uri, routed)?.readDirectory(uri)) ?? [];
    },
    async readFile(uri, maxBytes) {
      return pick(uri, routed)?.readFile(uri, maxBytes);
    },
    async realUri(uri) {
      const fs = pick(uri, routed);
      return fs?.realUri ? fs.realUri(uri) : uri;
    },
  };
  return routed;
}
