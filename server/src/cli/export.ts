/**
 * `budget-check export FILE.budget --to csv|xlsx [--table 公开05表] [-o OUT] [--force]`: one table (CSV or XLSX) or
 * every table (XLSX, one worksheet each). CSV goes to standard output unless OUT is given; XLSX is written to OUT, by
 * default beside the input (`a.budget` → `a.xlsx`, `a-公开05表.xlsx`). The output never replaces the input document,
 * and an existing file only with `--force` (./files). Exit codes: 0 exported, 1 the document has no such table (or CSV
 * was asked for several), 2 bad usage or a file that cannot be read or written.
 */
import { analyze } from '../analysis';
import { cliLocale, cliMessages } from '../i18n/cli';
import { editorMessages } from '../i18n/editor';
import { exportDocument, type ExportFormat } from '../interchange/export';
import { decode } from '../util/decode';
import { readRegularFile, writeOutput } from './files';
import { subcommandArgs } from './args';

type Write = (s: string) => void;

export async function runExport(argv: string[], out: Write, err: Write): Promise<number> {
  const locale = cliLocale(argv);
  const m = cliMessages(locale);
  const fail = (problem: string, usage = true) => {
    err(`budget-check export: ${problem}\n${usage ? m.exportUsage : ''}`);
    return 2;
  };
  const a = subcommandArgs(argv, { values: ['--to', '--table', '-o', '--output', '--lang'], flags: ['--force'] }, m);
  if ('help' in a) { out(m.exportUsage); return 0; }
  if ('problem' in a) return fail(a.problem);
  if (a.positional.length > 1) return fail(m.exportOneFile);
  const file = a.positional[0];
  if (!file) return fail(m.exportNoFile);
  const output = a.values['-o'] ?? a.values['--output'];
  const table = a.values['--table'];
  const to = a.values['--to'] ?? (output && /\.(csv|xlsx)$/i.exec(output)?.[1].toLowerCase());
  if (to !== 'csv' && to !== 'xlsx') return fail(m.exportBadTo);
  const format: ExportFormat = to;
  const read = readRegularFile(file, m);
  if (!read.ok) return fail(read.message, false);
  const d = decode(read.bytes);
  if (!d.ok) return fail(m.undecodable(file, d.at.line, d.at.column), false);
  const r = await exportDocument(analyze(d.text, { locale }).document, { format, locale, ...(table !== undefined ? { table } : {}) });
  if (!r.ok) {
    err(`budget-check export: ${m.fileProblem(file, r.message)}\n`);
    return 1;
  }
  if (format === 'csv' && !output) {
    out(r.data as string);
    return 0;
  }
  const target = output ?? `${file.replace(/\.budget$/i, '')}${table ? `-${r.tables[0].replace(/[\\/:*?"<>|]/g, '-')}` : ''}.${format}`;
  const why = writeOutput(target, r.data, { force: a.flags.has('--force'), sources: [file] }, m);
  if (why) return fail(why, false);
  err(`${editorMessages(locale).exportSaved(target)}\n`);
  return 0;
}
