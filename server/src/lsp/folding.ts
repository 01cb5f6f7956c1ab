/** Folding ranges (../navigation/folding) as line ranges: sections, parts, sub-headings, comments, 类/款 rows. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { foldingRanges } from '../navigation/folding';
import type { ServerContext } from './context';
import type { Feature } from './features';

export function foldingFeature(ctx: ServerContext): Feature {
  ctx.connection.onFoldingRanges((params): FoldingRange[] | null => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const an = ctx.analyzed(doc);
    // One range per first line (editors keep one): the outermost.
    const byStart = new Map<number, FoldingRange>();
    for (const f of foldingRanges(an.analysis)) {
      const startLine = an.lines.position(f.start).line;
      const endLine = an.lines.position(f.end).line;
      if (endLine <= startLine) continue;
      const had = byStart.get(startLine);
      if (had && had.endLine >= endLine) continue;
      byStart.set(startLine, { startLine, endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region });
    }
    const out = [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
    const limit = ctx.clientCapabilities.textDocument?.foldingRange?.rangeLimit;
    return limit !== undefined && out.length > limit ? out.slice(0, limit) : out;
  });
  return { capabilities: { foldingRangeProvider: true } };
}
