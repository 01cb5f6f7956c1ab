/**
 * `budget-check format [--check] PATH...`: aligns the tables of `.budget` files (../format).
 * Without `--check` it rewrites the files that change, each only after the formatter's safety check passed, through
 * a temporary file renamed over it (./files); with `--check` it writes nothing and exits 1 when some file would change.
 * It never rewrites a file whose bytes do not decode, a file not in UTF-8 (it would change its encoding), a symbolic
 * link found while walking a folder, or a read-only file. Exit 2: a bad option, a path not found, or a file left as it
 * was for one of those reasons.
 */
import { realpathSync } from 'node:fs';
import { formatText } from '../format/index';
import { cliLocale, cliMessages } from '../i18n/cli';
import { editorMessages, formatRefusalMessage } from '../i18n/editor';
import { decode } from '../util/decode';
import { shownName } from './check';
import { findFiles, readRegularFile, rewriteFile } from './files';

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export function runFormat(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const locale = cliLocale(argv);
  const m = cliMessages(locale);
  let check = false;
  const paths: string[] = [];
  let problem: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') check = true;
    else if (a === '--lang') i++;
    else if (a.startsWith('--lang=')) continue;
    else if (a === '-h' || a === '--help') {
      out(m.formatUsage);
      return 0;
    } else if (a.startsWith('-')) problem ??= m.unknownOption(a);
    else paths.push(a);
  }
  if (!problem && !paths.length) problem = m.noPaths;
  if (problem) {
    err(`budget-check format: ${problem}\n${m.formatUsage}`);
    return 2;
  }
  const found = findFiles(paths, m);
  const say = (s: string) => err(`budget-check format: ${s}\n`);
  for (const s of found.skipped) say(s);
  let failed = found.failed.length;
  for (const s of found.failed) say(s);
  let changed = 0;
  let checked = 0;
  for (const file of found.files) {
    const shown = shownName(file.path);
    const read = readRegularFile(file.path, m);
    if (!read.ok) {
      failed++;
      say(read.message);
      continue;
    }
    const d = decode(read.bytes);
    if (!d.ok) {
      failed++;
      say(m.undecodable(shown, d.at.line, d.at.column));
      continue;
    }
    checked++;
    const { text: formatted, result } = formatText(d.text);
    if (result.refused) {
      failed++;
      say(m.fileProblem(shown, formatRefusalMessage(editorMessages(locale), result.refused)));
      continue;
    }
    if (formatted === d.text) continue;
    changed++;
    if (check) {
      out(`${m.formatWouldChange(shown)}\n`);
      continue;
    }
    const why = file.viaLink ? m.formatLinkSkipped(shown)
      : d.encoding !== 'utf-8' && d.encoding !== 'utf-8-bom' ? m.formatNotUtf8(shown, d.encoding.toUpperCase())
      // A file named directly may be a link: its target is rewritten, the link stays.
      : rewriteFile(realOr(file.path), d.encoding === 'utf-8-bom' ? `\ufeff${formatted}` : formatted, m);
    if (why) {
      failed++;
      say(why);
    } else out(`${m.formatWrote(shown)}\n`);
  }
  out(`${m.formatSummary(checked, changed, check)}\n`);
  if (failed) return 2;
  return check && changed ? 1 : 0;
}
