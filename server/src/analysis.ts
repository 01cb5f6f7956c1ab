/**
 * The analysis of one document: parse, build the model, expand the rules, judge every relation.
 * Pure: no editor, no protocol, no file system. The CLI, the language server, tests and benchmarks all call this.
 */
import { judge } from './checks/evaluate';
import type { Finding } from './checks/finding';
import { figureFindings } from './checks/figures';
import { codeFindings } from './knowledge/check';
import type { CodeKnowledge } from './knowledge/index';
import { messages, type Locale } from './i18n/messages';
import { buildDocument } from './model/build';
import type { BudgetDocument, Cell } from './model/document';
import { builtinRelations } from './rules/builtin';
import { DeclaredRules } from './rules/declared';
import { formRelations } from './rules/forms';
import { narrativeRelations } from './claims/narrative';
import type { Relation } from './rules/relation';
import { parse } from './syntax/parser';
import type { SyntaxTree } from './syntax/ast';

export interface AnalysisOptions {
  locale?: Locale;
  /** Report information-level 尾差 findings (default true). */
  roundingTails?: boolean;
  /** Subject-code knowledge (catalogs, workspace codes): when given, codes are checked against it (unknown code,
   * name differing from the catalog's, code of the wrong kind for its table). */
  knowledge?: CodeKnowledge;
}

export interface Analysis {
  tree: SyntaxTree;
  document: BudgetDocument;
  relations: Relation[];
  findings: Finding[];
  /** The relations each cell takes part in (as target or term). */
  relationsOf(cell: Cell): Relation[];
}

export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  const m = messages(options.locale);
  const tree = parse(text);
  const document = buildDocument(tree);
  const findings: Finding[] = [];
  for (const e of tree.errors) findings.push({ rule: 'syntax', severity: 'error', message: e.say(m), span: e.span, related: [] });
  for (const e of document.structureErrors) findings.push({ rule: e.rule, severity: e.severity, message: e.say(m), span: e.span, related: [] });
  findings.push(...figureFindings(document, m));
  if (options.knowledge) findings.push(...codeFindings(document, options.knowledge, options.locale));

  const relations = builtinRelations(document, m);
  const declared = new DeclaredRules(document, m);
  for (const t of document.tables) for (const r of t.rules) declared.expand(r);
  relations.push(...declared.relations, ...formRelations(document, m), ...narrativeRelations(document, m));
  for (const p of declared.problems) findings.push({ rule: p.rule, severity: p.severity, message: p.message, span: p.span, related: [] });

  const tails = options.roundingTails !== false;
  for (const rel of relations) {
    const f = judge(rel, m);
    if (f && (tails || !f.roundingTail)) findings.push(f);
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);

  let index: Map<Cell, Relation[]> | undefined;
  return {
    tree, document, relations, findings,
    relationsOf(cell) {
      if (!index) {
        index = new Map();
        for (const r of relations) for (const c of [r.target, ...r.terms.map((t) => t.cell)]) {
          const list = index.get(c);
          if (list) list.push(r); else index.set(c, [r]);
        }
      }
      return index.get(cell) ?? [];
    },
  };
}
