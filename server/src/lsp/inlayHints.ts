/**
 * Inlay hints: the computed value next to a stated total (../hints/computed). The setting
 * `budgetTables.inlayHints.computedTotals` (`differences` | `all` | `off`) chooses which; on a change the server asks
 * the client to re-request its hints.
 */
import type { InlayHint } from 'vscode-languageserver';
import { computedTotalHints, computedTotalsMode, type ComputedTotalsMode } from '../hints/computed';
import type { ServerContext } from './context';
import type { Feature } from './features';

/** The mode in a `budgetTables` settings object, as the client sends it: `{ inlayHints: { computedTotals } }`. */
export function modeFromSettings(settings: Record<string, unknown>): ComputedTotalsMode | undefined {
  const nested = settings.inlayHints;
  return nested && typeof nested === 'object' ? computedTotalsMode((nested as Record<string, unknown>).computedTotals) : undefined;
}

export function inlayHintsFeature(ctx: ServerContext): Feature {
  let mode: ComputedTotalsMode = 'differences';
  ctx.settingsListeners.push((settings) => {
    const next = modeFromSettings(settings);
    if (!next || next === mode) return;
    mode = next;
    // Only clients that say they can refresh are asked to; the others update their hints on the next edit.
    if (ctx.clientCapabilities.workspace?.inlayHint?.refreshSupport) ctx.connection.languages.inlayHint.refresh().catch(() => undefined);
  });
  ctx.connection.languages.inlayHint.on((params): InlayHint[] => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc || mode === 'off') return [];
    const { analysis, lines } = ctx.analyzed(doc);
    const range = { start: lines.offset(params.range.start), end: lines.offset(params.range.end) };
    return computedTotalHints(analysis, range, mode, ctx.locale).map((h) => ({
      position: lines.position(h.offset),
      label: h.parts.map((p) => ({ value: p.text, tooltip: p.tooltip })),
      paddingLeft: true,
    }));
  });
  return { capabilities: { inlayHintProvider: true } };
}
