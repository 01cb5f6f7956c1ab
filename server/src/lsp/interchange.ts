/**
 * Import and export as server commands (`workspace/executeCommand`), so the editor needs neither exceljs nor the
 * analysis core. The client reads and writes the files: the server only turns the content it is sent into `.budget`
 * text, and an open document's tables into CSV text or an XLSX file (base64). It never touches the file system.
 *
 * - `budgetTables.server.import` `[{ name, content, encoding?: 'base64' | 'text', sheet?, title? }]`
 *   → `{ ok: true, text, repairs, rows, title, summary }` or `{ ok: false, message }`
 * - `budgetTables.server.importDocument` `[{ name, content }, …]` (content: base64 of a PDF, or of the text of
 *   `pdftotext -layout`; several: one document published as several files, joined by ../interchange/join.ts)
 *   → `{ ok: true, text, summary, doubts, skippedPages }` or `{ ok: false, message }`
 * - `budgetTables.server.export` `[{ uri, format: 'csv' | 'xlsx', offset?, table? }]` (without offset and table: every
 *   table) → `{ ok: true, format, encoding: 'text' | 'base64', data, tables, fileName }` or `{ ok: false, message }`
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { editorMessages } from '../i18n/editor';
import { exportDocument, exportFileName } from '../interchange/export';
import { importDocument } from '../interchange/document';
import { joinImported, type ImportedFile } from '../interchange/join';
import type { Doubt, Repair } from '../interchange/import';
import { importFile } from '../interchange/table';
import { fromBase64, toBase64 } from '../util/base64';
import type { ServerContext } from './context';
import type { Feature } from './features';

export const IMPORT_COMMAND = 'budgetTables.server.import';
export const EXPORT_COMMAND = 'budgetTables.server.export';
export const IMPORT_DOCUMENT_COMMAND = 'budgetTables.server.importDocument';

/** Larger input is refused rather than parsed (a disclosure table is a few hundred kilobytes at most). */
const MAX_BYTES = 32 * 1024 * 1024;

export type ImportCommandResult =
  | { ok: true; text: string; repairs: Repair[]; rows: number; title: string; summary: string }
  | { ok: false; message: string };

export type ImportDocumentCommandResult =
  | { ok: true; text: string; summary: string; doubts: Doubt[]; skippedPages: number[] }
  | { ok: false; message: string };

export type ExportCommandResult =
  | { ok: true; format: 'csv' | 'xlsx'; encoding: 'text' | 'base64'; data: string; tables: string[]; fileName: string }
  | { ok: false; message: string };

function record(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Thrown at a pause of a cancelled export. */
const CANCELLED = new Error('cancelled');

/**
 * Between two steps of a long export: let the messages that came meanwhile be handled (an immediate runs after the
 * connection's queued messages), and stop when the request was cancelled.
 */
function pause(token: CancellationToken | undefined): () => Promise<void> {
  return () => new Promise((resolve, reject) => setImmediate(() => (token?.isCancellationRequested ? reject(CANCELLED) : resolve())));
}

export function interchangeFeature(ctx: ServerContext): Feature {
  const runImport = async (arg: unknown): Promise<ImportCommandResult> => {
    const m = editorMessages(ctx.locale);
    const a = record(arg);
    if (!a || typeof a.content !== 'string') return { ok: false, message: m.interchangeFailed('content') };
    const name = typeof a.name === 'string' && a.name ? a.name : 'pasted.txt';
    if (a.content.length > MAX_BYTES * 1.4) return { ok: false, message: m.interchangeFailed('> 32 MB') };
    const content = a.encoding === 'base64' ? fromBase64(a.content) : a.content;
    const sheet = typeof a.sheet === 'number' || (typeof a.sheet === 'string' && a.sheet) ? (/^\d+$/.test(String(a.sheet)) ? Number(a.sheet) : String(a.sheet)) : undefined;
    const r = await importFile(name, content, {
      locale: ctx.locale,
      ...(typeof a.title === 'string' && a.title.trim() ? { title: a.title } : {}),
      ...(sheet !== undefined ? { sheet } : {}),
    });
    if (!r.ok) return r;
    const shown = name.split(/[\\/]/).pop() ?? name;
    return { ok: true, text: r.text, repairs: r.repairs, rows: r.rows, title: r.title, summary: m.importSummary(shown, r.rows, r.repairs.length) };
  };

  /** Each argument a file (`{ name, content }`); several are one document published as several files, joined. */
  const runImportDocument = async (args: unknown[], token?: CancellationToken): Promise<ImportDocumentCommandResult> => {
    const m = editorMessages(ctx.locale);
    if (!args.length) return { ok: false, message: m.interchangeFailed('content') };
    const files: ImportedFile[] = [];
    for (const arg of args) {
      const a = record(arg);
      if (!a || typeof a.content !== 'string') return { ok: false, message: m.interchangeFailed('content') };
      if (a.content.length > MAX_BYTES * 1.4) return { ok: false, message: m.interchangeFailed('> 32 MB') };
      const name = typeof a.name === 'string' && a.name ? a.name.split(/[\\/]/).pop() ?? a.name : 'document.pdf';
      // A long PDF is read a page at a time, other requests answered between pages; a cancelled request stops it.
      const r = await importDocument(fromBase64(a.content), { locale: ctx.locale, name, checkpoint: pause(token) });
      if (!r.ok) return { ok: false, message: args.length > 1 ? `${name}：${r.message}` : r.message };
      files.push({ name, document: r });
    }
    const r = joinImported(files, ctx.locale);
    return { ok: true, text: r.text, summary: r.message, doubts: r.doubts, skippedPages: r.skippedPages };
  };

  const runExport = async (arg: unknown, token?: CancellationToken): Promise<ExportCommandResult> => {
    const m = editorMessages(ctx.locale);
    const a = record(arg);
    if (!a || typeof a.uri !== 'string') return { ok: false, message: m.interchangeFailed('uri') };
    if (a.format !== 'csv' && a.format !== 'xlsx') return { ok: false, message: m.interchangeFailed(`format: ${String(a.format)}`) };
    const doc = ctx.documents.get(a.uri);
    if (!doc) return { ok: false, message: m.exportNotOpen };
    const { analysis } = ctx.analyzed(doc);
    const offset = typeof a.offset === 'number' && Number.isInteger(a.offset) ? Math.max(0, Math.min(a.offset, doc.getText().length)) : undefined;
    // The analysis is of this version: edits that arrive while the export pauses do not change what it writes.
    const r = await exportDocument(analysis.document, {
      format: a.format, locale: ctx.locale, checkpoint: pause(token),
      ...(typeof a.table === 'string' && a.table ? { table: a.table } : offset !== undefined ? { offset } : {}),
    });
    if (!r.ok) return r;
    const one = offset !== undefined || typeof a.table === 'string';
    const fileName = exportFileName(doc.uri, one ? r.tables[0] : undefined, r.format);
    return typeof r.data === 'string'
      ? { ok: true, format: r.format, encoding: 'text', data: r.data, tables: r.tables, fileName }
      : { ok: true, format: r.format, encoding: 'base64', data: toBase64(r.data), tables: r.tables, fileName };
  };

  const guarded = (run: (arg: unknown, token?: CancellationToken) => Promise<unknown>) => guardedAll((args, token) => run(args[0], token));
  function guardedAll(run: (args: unknown[], token?: CancellationToken) => Promise<unknown>) {
    return async (args: unknown[], token?: CancellationToken) => {
      try {
        return await run(args, token);
      } catch (e) {
        if (e === CANCELLED) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        // Never a crash: whatever went wrong is the answer.
        return { ok: false, message: editorMessages(ctx.locale).interchangeFailed(e instanceof Error ? e.message : String(e)) };
      }
    };
  }
  ctx.commands.set(IMPORT_COMMAND, guarded(runImport));
  ctx.commands.set(EXPORT_COMMAND, guarded(runExport));
  ctx.commands.set(IMPORT_DOCUMENT_COMMAND, guardedAll(runImportDocument));
  return { capabilities: {} };
}
