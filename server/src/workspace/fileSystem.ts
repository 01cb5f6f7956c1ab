/**
 * The file system as the core sees it (as Langium's `FileSystemProvider`): the only way anything outside `lsp/` and the
 * process entry points reaches files. The Node language server and the CLI implement it with `fs`
 * (./nodeFileSystem.ts); the web-worker language server asks the editor, which reads through `vscode.workspace.fs`
 * (../lsp/clientFileSystem.ts). Files are named by URI strings (`file:///…`, `vscode-vfs://github/…`), never by paths.
 *
 * Both implementations keep the same rules: symbolic links are neither listed nor read, and a file larger than the
 * caller's cap is not read. Which files may be read at all (inside the workspace folders) is decided above them, in
 * ./workspace.ts.
 */

export type EntryKind = 'file' | 'directory';

export interface DirectoryEntry {
  name: string;
  kind: EntryKind;
}

export interface FileSystem {
  /** The files and folders in a folder (symbolic links and anything else left out); [] when it cannot be read. */
  readDirectory(uri: string): Promise<DirectoryEntry[]>;
  /** A regular file's bytes; undefined when it is missing, a link, not a file, or larger than `maxBytes`. */
  readFile(uri: string, maxBytes: number): Promise<Uint8Array | undefined>;
  /**
   * The URI with every symbolic link along its path resolved (a folder inside the workspace may be a link leading out
   * of it); undefined when it does not exist. A file system without links (the editor's) leaves it out.
   */
  realUri?(uri: string): Promise<string | undefined>;
}

/** A file system with nothing in it: what a server without access to files uses. */
export const NO_FILES: FileSystem = {
  readDirectory: async () => [],
  readFile: async () => undefined,
};
