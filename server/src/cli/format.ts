/**
 * `budget-check format [--check] PATH...`: aligns the tables of `.budget` files (../format).
 * Without `--check` it rewrites the files that change, each only after the formatter's safety check passed;
 * with `--check` it writes nothing and exits 1 when some file would change. Exit 2: a path not found, a bad option,
 * or a file the formatter refused (then that file is left as it was).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { formatText } from '../format/index';
import { editorMessages, formatRefusalMessage, type EditorMessages } from '../i18n/editor';
import { localeOf } from '../i18n/messages';
import { collectFiles } from './main';

export function runFormat(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let check = false;
  let lang = process.env.BUDGET_LANG;
  const paths: string[] = [];
  let problem: ((m: EditorMessages) => string) | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') check = true;
    else if (a === '--lang') lang = argv[++i];
    else if (a === '-h' || a === '--help') problem = () => '';
    else if (a.startsWith('-')) problem ??= (m) => m.formatUnknownOption(a);
    else paths.push(a);
  }
  const m = editorMessages(localeOf(lang));
  if (!problem && !paths.length) problem = (x) => x.formatNoPaths;
  if (problem) {
    const p = problem(m);
    if (p) err(`budget-check format: ${p}\n`);
    err(m.formatUsage);
    return p ? 2 : 0;
  }
  const { files, missing } = collectFiles(paths);
  for (const p of missing) err(`budget-check format: ${m.formatMissing(p)}\n`);
  let changed = 0;
  let refused = 0;
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    const text = readFileSync(file, 'utf8');
    const { text: formatted, result } = formatText(text);
    if (result.refused) {
      refused++;
      err(`${m.formatRefusedFile(shown, formatRefusalMessage(m, result.refused))}\n`);
      continue;
    }
    if (formatted === text) continue;
    changed++;
    if (check) out(`${m.formatWouldChange(shown)}\n`);
    else {
      writeFileSync(file, formatted, 'utf8');
      out(`${m.formatWrote(shown)}\n`);
    }
  }
  out(`${m.formatSummary(files.length, changed, check)}\n`);
  if (missing.length || refused) return 2;
  return check && changed ? 1 : 0;
}
