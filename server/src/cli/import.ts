/**
 * `budget-check import FILE [--document] [--sheet N|NAME] [--title T] [-o OUT] [--force]`: a whole document from a
 * PDF (or from the text of `pdftotext -layout`), or one table from a PDF text extraction, a CSV or an XLSX sheet, as
 * `.budget` text, on standard output or in OUT (an existing OUT only with `--force`, never the input itself); the
 * summary, the repairs and the doubts go to standard error.
 * Exit codes: 0 imported, 1 nothing to import (no table; not a PDF, a broken PDF, no text layer), 2 bad usage or a
 * file that cannot be read or written.
 */
import { basename } from 'node:path';
import { cliLocale, cliMessages } from '../i18n/cli';
import { editorMessages } from '../i18n/editor';
import { importDocument, type ImportedDocument } from '../interchange/document';
import { joinImported } from '../interchange/join';
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
  if (a.positional.length > 1) return runImportDocuments(a.positional, { output: a.values['-o'] ?? a.values['--output'], force: a.flags.has('--force'), document: a.flags.has('--document'), locale }, out, err);
  const file = a.positional[0];
  if (!file) return fail(m.importNoFile);
  const output = a.values['-o'] ?? a.values['--output'];
  const title = a.values['--title'];
  const sheet = a.values['--sheet'];
  const read = readRegularFile(file, m);
  if (!read.ok) return fail(read.message, false);
  const e = editorMessages(locale);
  /** Refuses (exit 1) or writes the text to OUT or standard output; undefined when written. */
  const deliver = (r: { ok: true; text: string } | { ok: false; message: string }): number | undefined => {
    if (!r.ok) {
      err(`budget-check import: ${m.fileProblem(file, r.message)}\n`);
      return 1;
    }
    if (!output) { out(r.text); return undefined; }
    const why = writeOutput(output, r.text, { force: a.flags.has('--force'), sources: [file] }, m);
    return why ? fail(why, false) : undefined;
  };
  if (isPdf(read.bytes) || /\.pdf$/i.test(file) || a.flags.has('--document') || hasPageBreaks(file, read.bytes)) {
    registerNodePdfEngine();
    const d = await importDocument(read.bytes, { locale, name: basename(file) });
    const code = deliver(d);
    if (code !== undefined || !d.ok) return code ?? 1;
    err(`${d.message}\n`);
    if (d.skippedPages.length) err(`  ${e.pdfImagePages(d.skippedPages.join('、'))}\n`);
    // Where to look: each doubt at its line of the output (1-based, as editors count).
    for (const x of d.doubts) err(`  ${output ?? '-'}:${x.outputLine + 1}: ${e.importDoubt(x.message)}\n`);
    return 0;
  }
  const r = await importFile(file, read.bytes, { locale, ...(title ? { title } : {}), ...(sheet !== undefined ? { sheet: /^\d+$/.test(sheet) ? Number(sheet) : sheet } : {}) });
  const code = deliver(r);
  if (code !== undefined || !r.ok) return code ?? 1;
  err(`${e.importSummary(basename(file), r.rows, r.repairs.length)}\n`);
  for (const x of r.repairs) err(`  ${e.importSourceLine(x.line)}${locale === 'en' ? ': ' : '：'}${x.message}\n`);
  return 0;
}

/**
 * `budget-check import A.pdf B.pdf … [-o OUT]`: one document published as several files (its text and its tables),
 * each imported as a whole document and joined (../interchange/join.ts). Every file must be a document (a PDF or the
 * text of `pdftotext -layout`); one that cannot be imported stops it (exit 1).
 */
async function runImportDocuments(files: string[], o: { output?: string; force: boolean; document: boolean; locale: ReturnType<typeof cliLocale> }, out: Write, err: Write): Promise<number> {
  const m = cliMessages(o.locale);
  const e = editorMessages(o.locale);
  registerNodePdfEngine();
  const imported: { name: string; document: ImportedDocument }[] = [];
  for (const file of files) {
    const read = readRegularFile(file, m);
    if (!read.ok) { err(`budget-check import: ${read.message}\n${m.importUsage}`); return 2; }
    if (!(isPdf(read.bytes) || /\.pdf$/i.test(file) || o.document || hasPageBreaks(file, read.bytes))) {
      err(`budget-check import: ${m.importOneFile}\n${m.importUsage}`);
      return 2;
    }
    const d = await importDocument(read.bytes, { locale: o.locale, name: basename(file) });
    if (!d.ok) { err(`budget-check import: ${m.fileProblem(file, d.message)}\n`); return 1; }
    imported.push({ name: basename(file), document: d });
  }
  const d = joinImported(imported, o.locale);
  if (!o.output) out(d.text);
  else {
    const why = writeOutput(o.output, d.text, { force: o.force, sources: files }, m);
    if (why) { err(`budget-check import: ${why}\n${m.importUsage}`); return 2; }
  }
  err(`${d.message}\n`);
  for (const x of d.doubts) err(`  ${o.output ?? '-'}:${x.outputLine + 1}: ${e.importDoubt(x.message)}\n`);
  return 0;
}
