/**
 * URIs as the server names files (`file:///…`, `vscode-vfs://github/…`, `vscode-test-web://mount/…`): one spelling
 * (VS Code's, through vscode-uri), containment, and the paths users type in settings. Pure.
 */
import { URI, Utils } from 'vscode-uri';

/** A URI string in one spelling (VS Code's encoding, `.` and `..` resolved), or undefined when it is not a URI. */
export function normalizeUri(uri: string): string | undefined {
  try {
    const u = URI.parse(uri, true);
    return Utils.joinPath(u).toString();
  } catch {
    return undefined;
  }
}

/** The local path of a `file:` URI, else undefined. */
export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return URI.parse(uri, true).fsPath;
  } catch {
    return undefined;
  }
}

/** How a file is named to the user: its local path when it has one, else its URI as it reads (not percent-encoded). */
export function displayName(uri: string): string {
  const path = fsPathOf(uri);
  if (path) return path;
  try {
    return URI.parse(uri, true).toString(true);
  } catch {
    return uri;
  }
}

/** The last segment of a URI's path (a file's name). */
export function baseName(uri: string): string {
  try {
    return Utils.basename(URI.parse(uri, true));
  } catch {
    return uri.split(/[\\/]/).pop() ?? uri;
  }
}

/** The URI of `name` in `folder` (`name` may use `\` or `/`); undefined when it leaves the folder. */
export function childUri(folder: string, name: string): string | undefined {
  const f = normalizeUri(folder);
  if (!f) return undefined;
  const u = Utils.joinPath(URI.parse(f), name.replace(/\\/g, '/')).toString();
  return isInside(f, u) ? u : undefined;
}

/**
 * The URI of a path the user typed in a setting: absolute (`/…`, `C:\…`, `\\server\…`) or a URI as it is; relative to
 * `folder` otherwise (undefined without a folder). A relative path may not leave its folder.
 */
export function uriOfSetting(path: string, folder: string | undefined): string | undefined {
  if (/^[a-z][a-z\d+.-]+:\/\//i.test(path)) return normalizeUri(path);
  // A Windows path (drive letter or UNC): its backslashes separate folders wherever the server runs.
  if (/^[a-z]:[\\/]/i.test(path) || path.startsWith('\\\\')) return URI.file(path.replace(/\\/g, '/')).toString();
  if (path.startsWith('/')) return URI.file(path).toString();
  return folder ? childUri(folder, path) : undefined;
}

/** Whether a path typed in a setting names its file wherever it is (a URI, `/…`, `C:\…`, `\\server\…`), not in a folder. */
export function isAbsoluteSetting(path: string): boolean {
  return /^[a-z][a-z\d+.-]+:\/\//i.test(path) || path.startsWith('/') || /^[a-z]:[\\/]/i.test(path) || path.startsWith('\\\\');
}

function sameFolderKey(uri: URI): string {
  // Windows drive letters and file-system case aside, URIs compare by their encoded spelling.
  return `${uri.scheme}://${uri.authority.toLowerCase()}${uri.scheme === 'file' ? uri.path.replace(/^\/([A-Za-z]):/, (_, d: string) => `/${d.toLowerCase()}:`) : uri.path}`;
}

/** `s` without the slashes it ends with. */
export function withoutTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '/') end--;
  return s.slice(0, end);
}

/** Whether `uri` is `folder` or lies in it (both normalised first). */
export function isInside(folder: string, uri: string): boolean {
  try {
    const f = withoutTrailingSlashes(sameFolderKey(Utils.joinPath(URI.parse(folder, true))));
    const u = sameFolderKey(Utils.joinPath(URI.parse(uri, true)));
    return u === f || u.startsWith(`${f}/`);
  } catch {
    return false;
  }
}
