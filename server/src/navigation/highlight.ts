/**
 * Document highlights:
 * - on a rule (or one of its references): the targets (write) and the terms (read) of the relations it expands to,
 *   and its own references (the left-hand side as write, the right-hand side as read);
 * - on a figure: the cells of the relations it takes part in (targets write, terms read) and the rules those
 *   relations come from (text);
 * - on a code: the rows of the document printing it, and the rule references to them;
 * - on a row's 行次 or label, a column in `列：` or a table heading: it, and the rule references naming it.
 */
import type { Analysis } from '../analysis';
import type { Cell } from '../model/document';
import type { Relation } from '../rules/relation';
import type { Span } from '../syntax/ast';
import { occurrences, referenceQueryAt } from './references';
import { ruleAt, ruleReferences } from './ruleRefs';

export type HighlightKind = 'text' | 'read' | 'write';

export interface Highlight {
  span: Span;
  kind: HighlightKind;
}

const RANK: Record<HighlightKind, number> = { text: 0, read: 1, write: 2 };

export function highlightsAt(a: Analysis, offset: number): Highlight[] {
  const out = new Map<string, Highlight>();
  const add = (span: Span, kind: HighlightKind) => {
    if (span.end <= span.start) return;
    const k = `${span.start}:${span.end}`;
    const had = out.get(k);
    if (!had) out.set(k, { span, kind });
    else if (RANK[kind] > RANK[had.kind]) had.kind = kind;
  };
  const relation = (rel: Relation) => {
    add(rel.target.span, 'write');
    for (const t of rel.terms) add(t.cell.span, 'read');
  };

  const rule = ruleAt(a.document, offset);
  if (rule) {
    const rs = rule.node.span;
    for (const rel of a.relations) if (rel.ruleSpan && rel.ruleSpan.start === rs.start && rel.ruleSpan.end === rs.end) relation(rel);
    for (const r of ruleReferences(a)) if (r.rule === rule) add(r.span, r.side === 'target' ? 'write' : 'read');
    return sorted(out);
  }

  const q = referenceQueryAt(a, offset);
  if (!q) return [];
  if (q.kind === 'cell') {
    const cell: Cell = q.cell;
    const rels = a.relationsOf(cell);
    add(cell.span, rels.some((r) => r.target === cell) ? 'write' : 'read');
    for (const rel of rels) {
      relation(rel);
      if (rel.ruleSpan) add(rel.ruleSpan, 'text');
    }
    return sorted(out);
  }
  for (const o of occurrences(a, q)) add(o.span, o.role === 'use' ? 'read' : 'text');
  return sorted(out);
}

function sorted(m: Map<string, Highlight>): Highlight[] {
  return [...m.values()].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
}
