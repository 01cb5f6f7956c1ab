/**
 * Folding ranges: the header, each section (table, form, glossary, narrative), each part of a table, each sub-heading
 * of prose, a glossary entry written over several lines, runs of comment lines, and the 类 → 款 → 项 hierarchy inside
 * a part (a 类 row folds over its 款 and 项 rows, a 款 row over its 项 rows). Ranges are offsets of their first and
 * last lines; every range spans at least two lines once turned into line numbers (the caller drops the others).
 * They nest: a 款 inside its 类, a 类 inside its part, a part inside its section.
 */
import type { Analysis } from '../analysis';
import { FIELD_PART } from '../model/build';
import type { Span } from '../syntax/ast';
import { headedExtent } from './extent';
import { childRuns } from './hierarchy';
import { maxOf } from '../util/arrays';

export interface Fold {
  /** On the first line of the range. */
  start: number;
  /** On the last line of the range. */
  end: number;
  kind: 'region' | 'comment';
}

export function foldingRanges(a: Analysis): Fold[] {
  const tree = a.tree;
  const doc = a.document;
  const lines = tree.lines;
  const out: Fold[] = [];
  const region = (s: Span) => { if (s.end > s.start) out.push({ start: s.start, end: s.end, kind: 'region' }); };
  const tableStarts = new Set(doc.tables.map((t) => t.span.start));

  // Sections, prose sub-headings, the header.
  let headerStart: number | undefined;
  let headerEnd: number | undefined;
  let inProse = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind !== 'heading') continue;
    if (tableStarts.has(l.span.start)) {
      inProse = false;
      region(headedExtent(tree, i, 2));
    } else if (l.level <= 2) {
      if (l.level === 1) {
        headerStart ??= l.span.start;
        inProse = false;
      } else {
        inProse = l.prose;
        region(headedExtent(tree, i, 2));
      }
    } else if (inProse) region(headedExtent(tree, i, l.level));
  }
  for (const f of doc.header.fields) {
    headerStart = Math.min(headerStart ?? f.span.start, f.span.start);
    headerEnd = Math.max(headerEnd ?? f.span.end, f.span.end);
  }
  if (headerStart !== undefined && headerEnd !== undefined) region({ start: headerStart, end: headerEnd });

  // Parts of tables with more than one, and the code hierarchy inside each part.
  for (const t of doc.tables) {
    const parts = t.parts.filter((p) => p.name !== FIELD_PART);
    if (parts.length > 1) {
      const starts = parts.map((p) => p.nameSpan?.start ?? p.columnsSpan?.start ?? p.rows[0]?.span.start);
      parts.forEach((p, i) => {
        const start = starts[i];
        if (start === undefined) return;
        const ends = [p.nameSpan?.end ?? start, p.columnsSpan?.end ?? start, ...p.rows.map((r) => r.span.end), ...p.fields.map((f) => f.span.end)];
        const next = starts.slice(i + 1).find((s) => s !== undefined) ?? t.span.end;
        for (const x of t.texts) if (x.span.start >= start && x.span.start < next) ends.push(x.span.end);
        region({ start, end: maxOf(ends) });
      });
    }
    for (const p of parts) for (const [row, last] of childRuns(p)) region({ start: row.span.start, end: last.span.end });
  }

  // Glossary entries continued over several lines.
  for (const e of doc.glossary) region(e.span);

  // Runs of comment lines.
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].kind !== 'comment') continue;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1].kind === 'comment') j++;
    if (j > i) out.push({ start: lines[i].span.start, end: lines[j].span.end, kind: 'comment' });
    i = j;
  }
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  return out;
}
