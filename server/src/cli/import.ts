/**
 * `budget-check import FILE [--sheet N|NAME] [--title T] [-o OUT] [--force]`: a table from a PDF text extraction, a
 * CSV or an XLSX sheet as `.budget` text, on standard output or in OUT (an existing OUT only with `--force`, never
 * the input itself); what was repaired goes to standard error.
 * Exit codes: 0 imported, 1 no table found in the input, 2 bad usage or a file that cannot be read or written.
 */
import { basename } from 'node:path';
import { cliLocale, cliMessages } from '../i18n/cli';
import { editorMessages } from '../i18n/editor';
import { importFile } from '../interchange/import';
import { subcommandArgs } from './args';
import { readRegularFile, writeOutput } from './files';

type Write = (s: string) => void;

export async function runImport(argv: string[], out: Write, err: Write): Promise<number> {
  const locale = cliLocale(argv);
  const m = cliMessages(locale);
  const fail = (problem: string, usage = true) => {
    err(`budget-check import: ${problem}\n${usage ? m.importUsage : ''}`);
    return 2;
  };
  const a = subcommandArgs(argv, { values: ['--sheet', '--title', '-o', '--output', '--lang'], flags: ['--force'] }, m);
  if ('help' in a) { out(m.importUsage); return 0; }
  if ('problem' in a) return fail(a.problem);
  if (a.positional.length > 1) return fail(m.importOneFile);
  const file = a.positional[0];
  if (!file) return fail(m.importNoFile);
  const output = a.values['-o'] ?? a.values['--output'];
  const title = a.values['--title'];
  const sheet = a.values['--sheet'];
  const read = readRegularFile(file, m);
  if (!read.ok) return fail(read.message, false);
  const r = await importFile(file, read.bytes, { locale, ...(title ? { title } : {}), ...(sheet !== undefined ? { sheet: /^\d+$/.test(sheet) ? Number(sheet) : sheet } : {}) });
  if (!r.ok) {
    err(`budget-check import: ${m.fileProblem(file, r.message)}\n`);
    return 1;
  }
  if (output) {
    const why = writeOutput(output, r.text, { force: a.flags.has('--force'), sources: [file] }, m);
    if (why) return fail(why, false);
  } else out(r.text);
  const e = editorMessages(locale);
  err(`${e.importSummary(basename(file), r.rows, r.repairs.length)}\n`);
  for (const x of r.repairs) err(`  ${e.importSourceLine(x.line)}${locale === 'en' ? ': ' : '：'}${x.message}\n`);
  return 0;
}
