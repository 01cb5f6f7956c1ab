/**
 * Which files the language server may read on its own: `.budget` files inside the workspace folders, regular files
 * (no symbolic links), at most 8 MiB each. The workspace index (./knowledge) and find-references (./references) both
 * read closed files through these rules; test/sandbox.test.ts checks that nothing else is read.
 */
import { lstat, readFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../util/decode';

export const MAX_BYTES = 8 * 1024 * 1024;

/** The local path of a `file:` URI, else undefined. */
export function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `path` lies in `folder` (or is it). */
export function inside(folder: string, path: string): boolean {
  const r = relative(folder, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

export function insideAny(folders: readonly string[], path: string): boolean {
  return folders.some((f) => inside(f, path));
}

/** The text of a workspace file the server may read, or undefined (outside the folders, a link, too large, gone). */
export async function readWorkspaceFile(folders: readonly string[], path: string): Promise<string | undefined> {
  if (!insideAny(folders, path)) return undefined;
  try {
    const st = await lstat(path);
    if (!st.isFile() || st.size > MAX_BYTES) return undefined;
    // Decoded as every file the product reads (UTF-8, GB18030 …), as an editor would show it.
    return decodeText(await readFile(path));
  } catch {
    return undefined;
  }
}
