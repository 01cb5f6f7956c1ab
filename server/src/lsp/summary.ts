/**
 * The status-bar item's counts: `budgetTables/summary` `{ uri }` → `{ errors, warnings, tails, information }` of the
 * document's current version. 尾差 are counted even when `budgetTables.roundingDiagnostics` hides them.
 */
import { editorMessages } from '../i18n/editor';
import { SUMMARY_REQUEST, type DocumentParams, type SummaryResponse } from '../preview/protocol';
import { countFindings } from '../preview/summary';
import type { ServerContext } from './context';
import type { Feature } from './features';

export function summaryFeature(ctx: ServerContext): Feature {
  ctx.connection.onRequest(SUMMARY_REQUEST, (params: DocumentParams): SummaryResponse | null => {
    const doc = typeof params?.uri === 'string' ? ctx.documents.get(params.uri) : undefined;
    if (!doc) return null;
    const counts = countFindings(ctx.analyzed(doc).analysis.findings);
    const m = editorMessages(ctx.locale);
    return {
      uri: doc.uri, version: doc.version, ...counts,
      text: { tails: m.statusTails, tooltip: m.statusTooltip(counts.errors, counts.warnings, counts.tails) },
    };
  });
  return { capabilities: {} };
}
