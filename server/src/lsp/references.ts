/**
 * Find references (../navigation/references). For a subject code: the rows printing it in every open document (from
 * their analyses) and in the workspace's other `.budget` files (read through `ctx.files`: only inside the workspace
 * folders, no symbolic links, at most 8 MiB each; the files the workspace index of ./knowledge.ts lists), and the rule
 * references to them. For a row, column, table or figure: the rule references in the document that use it.
 */
import { LSPErrorCodes, ResponseError, type Location } from 'vscode-languageserver';
import { buildDocument } from '../model/build';
import { codeOccurrences, occurrences, referenceQueryAt } from '../navigation/references';
import { parse } from '../syntax/parser';
import { LineIndex } from '../syntax/positions';
import type { ServerContext } from './context';
import type { Feature } from './features';
import { pushAll } from '../util/arrays';
import { normalizeUri } from '../workspace/uri';

export function referencesFeature(ctx: ServerContext): Feature {
  /** The code's rows in a closed workspace file, or none when it cannot be read. */
  const fromDisk = async (uri: string, code: string): Promise<Location[]> => {
    const text = await ctx.files.readText(uri);
    if (text === undefined || !text.includes(code)) return [];
    const lines = new LineIndex(text);
    return codeOccurrences(buildDocument(parse(text)), code).map((s) => ({ uri, range: { start: lines.position(s.start), end: lines.position(s.end) } }));
  };

  ctx.connection.onReferences(async (params, token): Promise<Location[] | ResponseError | null> => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const an = ctx.analyzed(doc);
    const q = referenceQueryAt(an.analysis, an.lines.offset(params.position));
    if (!q) return null;
    const withDeclaration = params.context?.includeDeclaration !== false;
    const out: Location[] = [];
    for (const o of occurrences(an.analysis, q)) {
      if (o.role === 'declaration' && !withDeclaration) continue;
      out.push({ uri: doc.uri, range: { start: an.lines.position(o.span.start), end: an.lines.position(o.span.end) } });
    }
    if (q.kind !== 'code') return out;

    // The code in the other documents: open ones as typed, the workspace's others as saved.
    const seen = new Set<string>([normalizeUri(doc.uri) ?? doc.uri]);
    for (const other of ctx.documents.all()) {
      const key = normalizeUri(other.uri) ?? other.uri;
      if (seen.has(key)) continue;
      seen.add(key);
      const o = ctx.analyzed(other);
      for (const s of codeOccurrences(o.analysis.document, q.code)) out.push({ uri: other.uri, range: { start: o.lines.position(s.start), end: o.lines.position(s.end) } });
    }
    const closed: string[] = [];
    for (const uri of ctx.knowledge.workspace.uris()) {
      const key = normalizeUri(uri) ?? uri;
      if (seen.has(key)) continue;
      seen.add(key);
      closed.push(uri);
    }
    // A few files at a time (a workspace may hold thousands); between two batches the server answers other messages,
    // and a cancelled search stops.
    for (let i = 0; i < closed.length; i += 16) {
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      const batch = await Promise.all(closed.slice(i, i + 16).map((uri) => fromDisk(uri, q.code)));
      for (const list of batch) pushAll(out, list);
    }
    return out;
  });
  return { capabilities: { referencesProvider: true } };
}
