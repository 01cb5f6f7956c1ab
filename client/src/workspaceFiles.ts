/**
 * The editor side of server/src/lsp/clientFiles.ts: lists and reads workspace files for the language server through
 * `vscode.workspace.fs`, so the same server works where it cannot open files itself (the web worker of VS Code for the
 * Web; a virtual workspace on the desktop). The server decides what it may read; the rules of its file system are
 * kept here too: symbolic links are neither listed nor read, and nothing larger than the server's cap is read.
 */
import { FileType, Uri, workspace, type Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, type ReadDirectoryResult } from '../../server/src/workspace/protocol';
import { toBase64 } from '../../server/src/util/base64';

function param(p: unknown, key: string): unknown {
  return p && typeof p === 'object' ? (p as Record<string, unknown>)[key] : undefined;
}

export async function readDirectory(uri: Uri): Promise<ReadDirectoryResult> {
  const out: ReadDirectoryResult = [];
  try {
    for (const [name, type] of await workspace.fs.readDirectory(uri)) {
      if (type & FileType.SymbolicLink) continue;
      if (type === FileType.File) out.push([name, 'file']);
      else if (type === FileType.Directory) out.push([name, 'directory']);
    }
  } catch {
    // unreadable: nothing in it
  }
  return out;
}

export async function readFile(uri: Uri, maxBytes: number): Promise<string | null> {
  try {
    const st = await workspace.fs.stat(uri);
    if (st.type !== FileType.File || st.size > maxBytes) return null;
    const bytes = await workspace.fs.readFile(uri);
    return bytes.length > maxBytes ? null : toBase64(bytes);
  } catch {
    return null;
  }
}

export function registerWorkspaceFiles(client: BaseLanguageClient): Disposable[] {
  return [
    client.onRequest(READ_DIRECTORY_REQUEST, (p: unknown) => {
      const uri = param(p, 'uri');
      return typeof uri === 'string' ? readDirectory(Uri.parse(uri, true)) : [];
    }),
    client.onRequest(READ_FILE_REQUEST, (p: unknown) => {
      const uri = param(p, 'uri');
      const max = param(p, 'maxBytes');
      return typeof uri === 'string' && typeof max === 'number' ? readFile(Uri.parse(uri, true), max) : null;
    }),
  ];
}
