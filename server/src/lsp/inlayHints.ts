/**
 * Inlay hints: the computed value next to a stated total (../hints/computed). The setting
 * `budgetTables.inlayHints.computedTotals` (`differences` | `all` | `off`) chooses which; on a change the server asks
 * the client to re-request its hints.
 */
import type { InlayHint } from 'vscode-languageserver/node';
import { computedTotalHints, computedTotalsMode, type ComputedTotalsMode } from '../hints/computed';
import type { ServerContext } from './context';
import type { Feature } from './features';

/** The mode in a `budgetTables` settings object: `{ inlayHints: { computedTotals } }` (or the flat dotted key). */
export function modeFromSettings(settings: Record<string, unknown>): ComputedTotalsMode | undefined {
  const nested = settings.inlayHints;
  const value = nested && typeof nested === 'object' ? (nested as Record<string, unknown>).computedTotals : settings['inlayHints.computedTotals'];
  return computedTotalsMode(value);
}

export function inlayHintsFeature(ctx: ServerContext): Feature {
  let mode: ComputedTotalsMode = 'differences';
  ctx.settingsListeners.push((settings) => {
    const next = modeFromSettings(settings);
    if (!next || next === mode) return;
    mode = next;
    // Clients that cannot refresh answer with an error: their hints update on the next edit.
    ctx.connection.languages.inlayHint.refresh().catch(() => undefined);
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
