/** Everything an analysis says, as plain data: what the incremental analysis must give exactly as a fresh one does. */
import type { Analysis } from '../../server/src/analysis';
import { computedTotalHints } from '../../server/src/hints/computed';
import { editorMessages } from '../../server/src/i18n/editor';
import { foldingRanges } from '../../server/src/navigation/folding';
import { outline } from '../../server/src/navigation/outline';
import { semanticTokens } from '../../server/src/navigation/tokens';
import { identityState } from '../../server/src/standard/apply';

export const sp = (s: { start: number; end: number } | undefined) => (s ? `${s.start}-${s.end}` : '');

export function dump(a: Analysis): Dumped {
  const d = a.document;
  return {
    lines: a.tree.lines.map((l) => `${l.kind}@${sp(l.span)}${l.kind === 'row' ? `:${l.cells.map((c) => `${c.text}@${sp(c.span)}`).join('|')}` : ''}`),
    errors: a.tree.errors.map((e) => sp(e.span)),
    header: { ...d.header, fields: d.header.fields.map((f) => `${f.key}=${f.value}@${sp(f.span)}/${sp(f.keySpan)}/${sp(f.valueSpan)}`), department: d.header.department?.value },
    title: d.title,
    tables: d.tables.map((t) => ({
      head: `${t.kind} ${t.number ?? ''} ${t.title} ${t.unit ?? ''} @${sp(t.span)} ${sp(t.headingSpan)}`,
      rules: t.rules.map((r) => `${r.node.text}@${sp(r.node.span)}`),
      notes: t.notes.map((n) => `${n.text}@${sp(n.span)}`),
      fields: t.fields.map((f) => `${f.key}=${f.value}@${sp(f.span)}`),
      texts: t.texts.map((n) => `${n.text}@${sp(n.span)}`),
      parts: t.parts.map((p) => ({
        name: `${p.name ?? ''}@${sp(p.nameSpan)} ${sp(p.columnsSpan)}`,
        columns: p.columns.map((c) => `${c.path.join('/')}[${c.number ?? ''}]${c.role}@${sp(c.span)}`),
        rows: p.rows.map((r) => `${r.lineNo ?? ''} ${r.code ?? ''} ${r.label}@${sp(r.span)} ${sp(r.labelSpan)} ${sp(r.codeSpan)}:${r.cells.map((c) => `${c.kind}:${c.text}@${sp(c.span)}`).join('|')}`),
      })),
    })),
    glossary: d.glossary.map((g) => `${g.term}=${g.definition}@${sp(g.span)} ${sp(g.termSpan)}`),
    narrative: d.narrative.map((n) => `${n.section}/${n.heading ?? ''}:${n.text}@${sp(n.span)}`),
    structure: d.structureErrors.map((e) => `${e.rule}@${sp(e.span)}`),
    ...judgement(a),
  };
}

export type Dumped = Record<string, unknown>;

/**
 * What an analysis judged: its relations, each table's standard role with the identities applied to it and what they
 * gave, and its findings (the part of `dump` that does not read the model line by line, for large documents).
 */
export function judgement(a: Analysis): Dumped {
  const d = a.document;
  return {
    relations: a.relations.map((r) => `${r.rule} ${r.kind} ${r.title} ${sp(r.target.span)} = ${r.terms.map((t) => `${t.sign}${sp(t.cell.span)}`).join(' ')} ${sp(r.ruleSpan)}`).sort(),
    // Each table's standard role, and the identities applied to it with what they gave.
    standard: d.tables.map((t) => `${a.standard.tableOf(t)?.title ?? ''}: ${a.standard.applied(t).map((x) => `${x.identity.text} ${x.outcome} ${x.missing ?? ''} ${identityState(x)} ${x.relations.length}`).join('; ')}`),
    findings: a.findings.map((f) => ({
      at: `${f.rule} ${f.severity} ${sp(f.span)}`, message: f.message, related: f.related.map((r) => `${sp(r.span)} ${r.message}`),
      expected: f.expected, replacement: f.replacement && `${sp(f.replacement.span)} ${f.replacement.text}`, tail: f.roundingTail,
    })),
  };
}

/** What the editor features show of an analysis: the outline, folding ranges, semantic tokens and inlay hints. */
export function features(a: Analysis): unknown {
  return {
    outline: outline(a, editorMessages()),
    folding: foldingRanges(a),
    tokens: semanticTokens(a),
    hints: computedTotalHints(a, { start: 0, end: a.tree.text.length }, 'all'),
  };
}
