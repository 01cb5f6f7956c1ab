/**
 * The messages between the VS Code extension and the language server beyond LSP that concern files and trust (the
 * extension imports this file; it imports nothing):
 * - `budgetTables/readDirectory` `{ uri }` → `[name, 'file' | 'directory'][]` (links and others left out)
 * - `budgetTables/readFile` `{ uri, maxBytes }` → base64 of the bytes, or null (missing, a link, not a file, too large)
 * - `budgetTables/didChangeTrust` `{ trusted }` (client → server): the user trusted the workspace
 * - `initialize`'s `initializationOptions`: `InitializationOptions`
 * - the `budgetTables` settings the server pulls carry `catalogFilesFrom: CatalogFilesOrigin` (the extension adds it)
 */
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

/**
 * Where the `catalogFiles` setting the server gets was written: `workspace` (the workspace's or folder's settings,
 * which came with the folder: entries may not leave it) or `user` (the user's own; also what applies in Restricted
 * Mode). Absent (other editors): `user`.
 */
export type CatalogFilesOrigin = 'user' | 'workspace';
