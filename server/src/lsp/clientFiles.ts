/**
 * Files read through the editor: what the web-worker server uses for every file, and the Node server for URIs it
 * cannot open itself (a virtual workspace such as `vscode-vfs://github/…` on the desktop). The VS Code extension
 * answers these requests with `vscode.workspace.fs` (client/src/workspaceFiles.ts) and says so in its initialization
 * options; a client that does not gets no such request.
 *
 * - `budgetTables/readDirectory` `{ uri }` → `[name, 'file' | 'directory'][]` (links and others left out)
 * - `budgetTables/readFile` `{ uri, maxBytes }` → base64 of the bytes, or null (missing, a link, not a file, too large)
 * - `budgetTables/didChangeTrust` `{ trusted }` (client → server): the workspace was trusted (or not)
 */
import type { Connection } from 'vscode-languageserver';
import { fromBase64 } from '../util/base64';
import type { DirectoryEntry, FileSystem } from '../workspace/fileSystem';

export const READ_DIRECTORY_REQUEST = 'budgetTables/readDirectory';
export const READ_FILE_REQUEST = 'budgetTables/readFile';
export const TRUST_NOTIFICATION = 'budgetTables/didChangeTrust';

export type ReadDirectoryResult = [string, 'file' | 'directory'][];

/** What the VS Code extension tells the server in `initialize` (other clients send none of it). */
export interface InitializationOptions {
  /** The editor's display language (`zh-cn`, `en`), when the initialize request's `locale` is missing. */
  locale?: string;
  /** The client answers `budgetTables/readDirectory` and `budgetTables/readFile`. */
  workspaceFiles?: boolean;
  /** Whether the user trusts the workspace (VS Code's workspace trust); later changes come as `budgetTables/didChangeTrust`. */
  trusted?: boolean;
}

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
  };
  return routed;
}
