/**
 * `budget-check import FILE… [--document] [--sheet N|NAME] [--title T] [-o OUT] [--force]`: a whole document from a
 * PDF (or from the text of `pdftotext -layout`) — from several, one document published as several files, joined
 * (../interchange/join.ts) —, or one table from a PDF text extraction, a CSV or an XLSX sheet, as
 * `.budget` text, on standard output or in OUT (an existing OUT only with `--force`, never the input itself); the
 * summary, the repairs and the doubts go to standard error.
 * Exit codes: 0 imported, 1 nothing to import (no table; not a PDF, a broken PDF, no text layer), 2 bad usage or a
 * file that cannot be read or written.
 */
import { basename } from 'node:path';
import { cliLocale, cliMessages } from '../i18n/cli';
import { editorMessages } from '../i18n/editor';
import { importDocument } from '../interchange/document';
import { joinImported, type ImportedFile } from '../interchange/join';
import { importFile } from '../interchange/table';
import { isPdf } from '../interchange/pdf';
import { registerNodePdfEngine } from '../interchange/pdfNode';
import { subcommandArgs } from './args';
import { readRegularFile, writeOutput } from './files';

type Write = (s: string) => void;

/** A text (not a workbook, not CSV) with form feeds is the text of a whole document (pdftotext separates its pages so). */
function hasPageBreaks(file: string, bytes: Uint8Array): boolean {
  return !/\.(xlsx|csv)$/i.test(file) && !bytes.includes(0) && bytes.includes(0x0c);
}

export async function runImport(argv: string[], out: Write, err: Write): Promise<number> {
  const locale = cliLocale(argv);
  const m = cliMessages(locale);
  const fail = (problem: string, usage = true) => {
    err(`budget-check import: ${problem}\n${usage ? m.importUsage : ''}`);
    return 2;
  };
  const a = subcommandArgs(argv, { values: ['--sheet', '--title', '-o', '--output', '--lang'], flags: ['--force', '--document'] }, m);
  if ('help' in a) { out(m.importUsage); return 0; }
  if ('problem' in a) return fail(a.problem);
  const files = a.positional;
  if (!files.length) return fail(m.importNoFile);
  const output = a.values['-o'] ?? a.values['--output'];
  const title = a.values['--title'];
  const sheet = a.values['--sheet'];
  const reads: { file: string; bytes: Uint8Array }[] = [];
  for (const file of files) {
    const read = readRegularFile(file, m);
    if (!read.ok) return fail(read.message, false);
    reads.push({ file, bytes: read.bytes });
  }
  const e = editorMessages(locale);
  /** Writes the text to OUT or standard output; an exit code when it cannot. */
  const deliver = (text: string): number | undefined => {
    if (!output) { out(text); return undefined; }
    const why = writeOutput(output, text, { force: a.flags.has('--force'), sources: files }, m);
    return why ? fail(why, false) : undefined;
  };
  const isDocument = ({ file, bytes }: { file: string; bytes: Uint8Array }) =>
    isPdf(bytes) || /\.pdf$/i.test(file) || a.flags.has('--document') || hasPageBreaks(file, bytes);
  if (reads.every(isDocument)) {
    // A whole document; several files are one document published as several (its text, its tables), joined.
    registerNodePdfEngine();
    const imported: ImportedFile[] = [];
    for (const { file, bytes } of reads) {
      const d = await importDocument(bytes, { locale, name: basename(file) });
      if (!d.ok) { err(`budget-check import: ${m.fileProblem(file, d.message)}\n`); return 1; }
      imported.push({ name: basename(file), document: d });
    }
    const d = joinImported(imported, locale);
    const code = deliver(d.text);
    if (code !== undefined) return code;
    err(`${d.message}\n`);
    if (d.skippedPages.length) err(`  ${e.pdfImagePages(d.skippedPages)}\n`);
    // Where to look: each doubt at its line of the output (1-based, as editors count).
    for (const x of d.doubts) err(`  ${output ?? '-'}:${x.outputLine + 1}: ${e.importDoubt(x.message)}\n`);
    return 0;
  }
  if (reads.length > 1) return fail(m.importOneFile);
  const { file, bytes } = reads[0];
  const r = await importFile(file, bytes, { locale, ...(title ? { title } : {}), ...(sheet !== undefined ? { sheet: /^\d+$/.test(sheet) ? Number(sheet) : sheet } : {}) });
  if (!r.ok) { err(`budget-check import: ${m.fileProblem(file, r.message)}\n`); return 1; }
  const code = deliver(r.text);
  if (code !== undefined) return code;
  err(`${e.importSummary(basename(file), r.rows, r.repairs.length)}\n`);
  for (const x of r.repairs) err(`  ${e.importSourceLine(x.line)}${locale === 'en' ? ': ' : '：'}${x.message}\n`);
  return 0;
}

