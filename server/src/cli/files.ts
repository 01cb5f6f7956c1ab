/**
 * The CLI's file system: finding `.budget` files in folders, reading a file, writing one. Nothing here blocks or
 * throws on what a folder may hold:
 *   - the walk skips symbolic-link loops (a link to `.` or to a folder above), links to a folder already walked,
 *     dangling links, FIFOs, devices and sockets, each with one message, and goes on with everything else;
 *   - a file is opened without blocking (a FIFO named `x.budget` would wait forever for a writer) and read only when
 *     it is a regular file, so neither a FIFO nor `/dev/zero` is ever read;
 *   - a write goes to a temporary file in the same folder, renamed over the target once complete (a failed write —
 *     disk full, quota — leaves the old file whole); it never replaces the input document, never follows a symbolic
 *     link, and never overwrites an existing file unless asked (`--force`).
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync, closeSync, constants, fstatSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync,
  renameSync, statSync, unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CliMessages } from '../i18n/cli';

/** Larger files are not read (a `.budget` document of 200,000 rows is about 20 MiB). */
export const MAX_MIB = 256;

export interface FoundFile {
  path: string;
  /** Reached through a symbolic link found while walking a folder: read, never written. */
  viaLink: boolean;
}

export interface Found {
  files: FoundFile[];
  /** Entries skipped on the way (loops, dangling links, FIFOs …): said once each; the rest is checked. */
  skipped: string[];
  /** Paths that could not be read at all (missing, unreadable, not a file): the run is incomplete. */
  failed: string[];
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
}

function kindOf(st: Stats): 'fifo' | 'device' | 'socket' | 'other' {
  return st.isFIFO() ? 'fifo' : st.isCharacterDevice() || st.isBlockDevice() ? 'device' : st.isSocket() ? 'socket' : 'other';
}

/** The `.budget` files of the given paths: a file as given (whatever its name), a folder walked for `*.budget`. */
export function findFiles(paths: string[], m: CliMessages): Found {
  const out: Found = { files: [], skipped: [], failed: [] };
  const walked = new Set<string>();

  const walk = (dir: string, real: string, above: ReadonlySet<string>, viaLink: boolean) => {
    walked.add(real);
    const stack = new Set(above).add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      out.failed.push(m.unreadable(dir, code(e)));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const q = join(dir, e.name);
      const isBudget = e.name.endsWith('.budget');
      if (e.isSymbolicLink()) {
        let st: Stats;
        try {
          st = statSync(q);
        } catch (err) {
          out.skipped.push(code(err) === 'ELOOP' ? m.linkCycle(q) : m.dangling(q));
          continue;
        }
        if (st.isDirectory()) {
          let r: string;
          try {
            r = realpathSync(q);
          } catch (err) {
            out.skipped.push(m.unreadable(q, code(err)));
            continue;
          }
          if (stack.has(r)) out.skipped.push(m.linkLoop(q));
          else if (walked.has(r)) out.skipped.push(m.linkSeen(q));
          else walk(q, r, stack, true);
        } else if (isBudget) {
          if (st.isFile()) out.files.push({ path: q, viaLink: true });
          else out.skipped.push(m.notRegular(q, m.kinds[kindOf(st)]));
        }
      } else if (e.isDirectory()) {
        let r = q;
        try {
          r = realpathSync(q);
        } catch {
          // unreadable on the way: readdir will say so
        }
        if (!walked.has(r)) walk(q, r, stack, viaLink);
      } else if (isBudget) {
        if (e.isFile()) out.files.push({ path: q, viaLink });
        else {
          let st: Stats | undefined;
          try { st = lstatSync(q); } catch { /* gone meanwhile */ }
          out.skipped.push(m.notRegular(q, m.kinds[st ? kindOf(st) : 'other']));
        }
      }
    }
  };

  for (const p of paths) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      const c = code(e);
      let link = false;
      try { link = lstatSync(p).isSymbolicLink(); } catch { /* not there at all */ }
      out.failed.push(c === 'ENOENT' ? (link ? m.dangling(p) : m.notFound(p)) : c === 'ELOOP' ? m.linkCycle(p) : m.unreadable(p, c));
      continue;
    }
    if (st.isDirectory()) {
      let r = p;
      try { r = realpathSync(p); } catch { /* readdir will say */ }
      if (!walked.has(r)) walk(p, r, new Set(), false);
    } else if (st.isFile()) out.files.push({ path: p, viaLink: false });
    else out.failed.push(m.notRegular(p, m.kinds[kindOf(st)]));
  }
  return out;
}

export type Read = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** The bytes of a regular file, opened without blocking; a FIFO, a device or a folder is refused unread. */
export function readRegularFile(path: string, m: CliMessages): Read {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO does not wait for a writer (Windows has no such flag and no FIFOs to fear).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, message: code(e) === 'ENOENT' ? m.notFound(path) : m.unreadable(path, code(e)) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, message: st.isDirectory() ? m.unreadable(path, 'EISDIR') : m.notRegular(path, m.kinds[kindOf(st)]) };
    if (st.size > MAX_MIB * 1024 * 1024) return { ok: false, message: m.tooLarge(path, MAX_MIB) };
    return { ok: true, bytes: readFileSync(fd) };
  } catch (e) {
    return { ok: false, message: m.unreadable(path, code(e)) };
  } finally {
    closeSync(fd);
  }
}

/** Standard input, whole. */
export async function readStdin(m: CliMessages): Promise<Read> {
  try {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (e) {
    return { ok: false, message: m.unreadable('-', code(e)) };
  }
}

/** Writes `data` to `target` through a temporary file in its folder, renamed over it; an error message or undefined. */
function replace(target: string, data: string | Uint8Array, mode: number | undefined, m: CliMessages): string | undefined {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode ?? 0o666);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
    return undefined;
  } catch (e) {
    if (fd !== undefined) try { closeSync(fd); } catch { /* already failed */ }
    try { unlinkSync(tmp); } catch { /* never created */ }
    return m.writeFailed(target, code(e));
  }
}

/**
 * Writes an output file (an export, an import's `.budget`): refused when `target` is one of the `sources`, a symbolic
 * link or not a regular file, or exists and `force` is not given. An error message, or undefined when written.
 */
export function writeOutput(target: string, data: string | Uint8Array, o: { force: boolean; sources: string[] }, m: CliMessages): string | undefined {
  let st: Stats | undefined;
  try {
    st = lstatSync(target);
  } catch (e) {
    if (code(e) !== 'ENOENT') return m.writeFailed(target, code(e));
  }
  if (st) {
    if (st.isSymbolicLink()) return m.isLink(target);
    if (!st.isFile()) return m.notFile(target);
    const same = o.sources.some((s) => {
      try {
        const x = statSync(s);
        return x.dev === st.dev && x.ino === st.ino;
      } catch {
        return false;
      }
    });
    if (same) return m.isSource(target);
    if (!o.force) return m.exists(target);
  }
  return replace(target, data, st?.mode, m);
}

/** Rewrites a file in place (the formatter): only a regular, writable file, keeping its permissions. */
export function rewriteFile(path: string, data: string, m: CliMessages): string | undefined {
  let st: Stats;
  try {
    st = lstatSync(path);
    if (!st.isFile()) return m.notFile(path);
    accessSync(path, constants.W_OK);
  } catch (e) {
    return code(e) === 'EACCES' || code(e) === 'EROFS' || code(e) === 'EPERM' ? m.readOnly(path) : m.writeFailed(path, code(e));
  }
  return replace(path, data, st.mode & 0o7777, m);
}
