/**
 * The preview panel's data: `budgetTables/preview` `{ uri }` answers the document's view model (../preview/model),
 * built from the analysis of its current version, with that version. The rendering is the client's.
 */
import { buildPreview } from '../preview/model';
import { PREVIEW_REQUEST, type DocumentParams, type PreviewResponse } from '../preview/protocol';
import type { Analyzed, ServerContext } from './context';
import type { Feature } from './features';

/** The last segment of a URI's path, decoded (`file:///a/%E7%A1%9A.budget` → `硚.budget`). */
export function fileNameOf(uri: string): string {
  const query = uri.search(/[?#]/);
  const last = (query < 0 ? uri : uri.slice(0, query)).split('/').pop() || uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function previewFeature(ctx: ServerContext): Feature {
  // Built once per analysed version: asking again for a version (the panel shown again, another document and back)
  // answers from here. A new version, or new settings, is a new analysis.
  const built = new WeakMap<Analyzed, PreviewResponse>();
  ctx.connection.onRequest(PREVIEW_REQUEST, (params: DocumentParams): PreviewResponse | null => {
    const doc = typeof params?.uri === 'string' ? ctx.documents.get(params.uri) : undefined;
    if (!doc) return null;
    const a = ctx.analyzed(doc);
    let response = built.get(a);
    if (!response) {
      response = { uri: doc.uri, version: doc.version, ...buildPreview(a.analysis, { locale: ctx.locale, name: fileNameOf(doc.uri), lines: a.lines }) };
      built.set(a, response);
    }
    return response;
  });
  return { capabilities: {} };
}
