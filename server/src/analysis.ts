/**
 * The analysis of one document: parse, build the model, expand the rules, judge every relation.
 * Pure: no editor, no protocol, no file system. The CLI, the language server, tests and benchmarks all call this.
 *
 * The work is done section by section (./incremental/sections: a `#`/`##` heading at column 0 starts one). What a
 * section holds on its own — its lines, its tables, the built-in rollups and the rules that name no other table, the
 * checks of its figures and codes, and their findings — is kept by a `DocumentAnalyzer` and reused for the next
 * version of the text when the section's text is unchanged (moved in place when text before it changed length).
 * What spans sections — rules naming other tables, forms against the 项目支出表, the narrative's claims — is computed
 * again for every version. `analyze(text)` is one fresh pass of the same pipeline.
 */
import { judge } from './checks/evaluate';
import type { Finding } from './checks/finding';
import { figureFindings } from './checks/figures';
import { narrativeRelations } from './claims/narrative';
import { messages, type Locale, type Messages } from './i18n/messages';
import { buildSectionText } from './incremental/build';
import { collectSpans, shiftSpans } from './incremental/shift';
import { sections, type SectionBounds } from './incremental/sections';
import { codeFindings } from './knowledge/check';
import type { CodeKnowledge } from './knowledge/index';
import { inheritUnits } from './model/build';
import type { BudgetDocument, Cell, Header, Rule } from './model/document';
import { rowCount, StoredPart, type TextLines } from './model/rows';
import { builtinInto } from './rules/builtin';
import { RelationList } from './rules/compact';
import { DeclaredRules } from './rules/declared';
import { formRelations } from './rules/forms';
import type { Relation } from './rules/relation';
import type { Line, Span, SyntaxError, SyntaxTree } from './syntax/ast';
import { pushAll } from './util/arrays';

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

/** How much of the last analysis a new one reused (for tests and benchmarks). */
export interface Reuse {
  sections: number;
  reused: number;
  /** Whole-document passes happen when a header section changed, or on the first text. */
  full: boolean;
}

/** One section's own analysis. */
interface Section {
  text: string;
  /** It wrote to the document header (fields, a `#` title): it is reused only where it was, unchanged. */
  header: boolean;
  /** Taken over from an earlier version. */
  reused: boolean;
  start: number;
  /** Its text and document offset, which the views of its rows read. */
  source: TextLines;
  /** Its lines made as objects: all but the rows of tables, which are in their parts' stores. */
  lines: Line[];
  errors: SyntaxError[];
  document: BudgetDocument;
  relations: RelationList;
  /** Rules naming another table (or a table by title): expanded against the whole document every time. */
  crossRules: Rule[];
  /** Syntax, structure, figure, code and rule-reference findings, and the judged local relations, in that order. */
  findings: Finding[];
  /** The spans it holds (but its rows' views, which their parts move), collected when it first has to move. */
  spans?: Span[];
}

export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  return new DocumentAnalyzer(options).analyze(text);
}

/** Analyses successive versions of one document, reusing the sections an edit did not touch. */
export class DocumentAnalyzer {
  private readonly m: Messages;
  private cache: Section[] = [];
  private header: Header = { fields: [] };
  private title?: string;
  /** What the last call reused. */
  lastReuse: Reuse = { sections: 0, reused: 0, full: true };

  constructor(private readonly options: AnalysisOptions = {}) {
    this.m = messages(options.locale);
  }

  analyze(text: string): Analysis {
    const bounds = sections(text);
    const texts = bounds.map((b) => text.slice(b.start, b.end));
    let next = this.cache.length ? this.incremental(text, bounds, texts) : undefined;
    const full = !next;
    if (!next) {
      // A fresh pass: every section's model first (they share the header, which is complete only at the end), then
      // every section's checks.
      this.header = { fields: [] };
      this.title = undefined;
      next = bounds.map((b, i) => this.build(texts[i], b.start));
      for (const s of next) if (s.document.title !== undefined) this.title = s.document.title;
      for (const s of next) this.check(s);
    }
    this.cache = next;
    this.lastReuse = { sections: next.length, reused: full ? 0 : next.filter((s) => s.reused).length, full };
    for (const s of next) s.reused = true;
    return this.assemble(text, next);
  }

  /**
   * The sections of a new version, reusing the old ones whose text is unchanged; undefined when the header may have
   * changed (a header section edited or moved, or a new section that writes to the header), which needs a fresh pass.
   */
  private incremental(text: string, bounds: SectionBounds[], texts: string[]): Section[] | undefined {
    // Old sections by length, then compared by text (hashing every section's text would cost more than comparing).
    const byLength = new Map<number, Section[]>();
    for (const s of this.cache) {
      const list = byLength.get(s.text.length);
      if (list) list.push(s); else byLength.set(s.text.length, [s]);
    }
    const next: (Section | undefined)[] = texts.map((t) => {
      const list = byLength.get(t.length);
      const i = list ? list.findIndex((s) => s.text === t) : -1;
      return i >= 0 ? list!.splice(i, 1)[0] : undefined;
    });
    // Every header section must stay where it was, unchanged.
    const kept = new Set(next);
    for (const s of this.cache) if (s.header && !kept.has(s)) return undefined;
    for (let i = 0; i < bounds.length; i++) if (next[i]?.header && next[i]!.start !== bounds[i].start) return undefined;
    const built: Section[] = [];
    for (let i = 0; i < bounds.length; i++) {
      if (next[i]) continue;
      const s = this.build(texts[i], bounds[i].start);
      if (s.header) return undefined;
      next[i] = s;
      built.push(s);
    }
    for (let i = 0; i < bounds.length; i++) {
      const s = next[i]!;
      if (s.reused && s.start !== bounds[i].start) {
        const delta = bounds[i].start - s.start;
        s.spans ??= collectSpans(this.roots(s));
        shiftSpans(s.spans, delta);
        s.start = bounds[i].start;
        s.source.base = s.start;
        for (const t of s.document.tables) for (const p of t.parts) if (p instanceof StoredPart) p.shift(delta);
      }
    }
    for (const s of built) this.check(s);
    return next as Section[];
  }

  /** A section's lines and model. It is a header section when it wrote to the shared header. */
  private build(slice: string, start: number): Section {
    // The section's own copy of its text, not a slice of the whole text, which it would keep alive.
    const text = detached(slice);
    const before = this.header.fields.length;
    const { lines, errors, document, source } = buildSectionText(text, start, this.header);
    const header = this.header.fields.length !== before || document.title !== undefined;
    return { text, header, start, source, lines, errors, document, relations: new RelationList(), crossRules: [], findings: [], reused: false };
  }

  /** A section's own checks, once the whole header is known. */
  private check(s: Section): void {
    const m = this.m;
    const { document, findings } = s;
    inheritUnits(document.tables, this.header);
    for (const e of s.errors) findings.push({ rule: 'syntax', severity: 'error', message: e.say(m), span: e.span, related: [] });
    for (const e of document.structureErrors) findings.push({ rule: e.rule, severity: e.severity, message: e.say(m), span: e.span, related: [] });
    pushAll(findings, figureFindings(document, m));
    if (this.options.knowledge) pushAll(findings, codeFindings(document, this.options.knowledge, this.options.locale));
    let rows = 0;
    for (const t of document.tables) for (const p of t.parts) rows += rowCount(p);
    const relations = new RelationList(rows);
    builtinInto(document, m, relations);
    const declared = new DeclaredRules(document, m, relations);
    for (const t of document.tables) for (const r of t.rules) {
      if (namesOtherTable(r)) s.crossRules.push(r);
      else declared.expand(r);
    }
    for (const p of declared.problems) findings.push({ rule: p.rule, severity: p.severity, message: p.message, span: p.span, related: [] });
    this.judgeInto(relations, findings);
    s.relations = relations;
  }

  /** Judges every relation of a list: those that hold exactly as printed from the arrays, the others on their object. */
  private judgeInto(relations: RelationList, findings: Finding[]): void {
    const tails = this.options.roundingTails !== false;
    for (let i = 0; i < relations.count; i++) {
      if (relations.printedExactly(i)) continue;
      const f = judge(relations.relation(i), this.m);
      if (f && (tails || !f.roundingTail)) findings.push(f);
    }
  }

  /**
   * What a section's spans hang from (never the shared header). Not its relations, nor the views of its rows, which
   * their parts move (`StoredPart.shift`): no span of these roots is a view's (findings have spans of their own).
   */
  private roots(s: Section): unknown[] {
    const d = s.document;
    return [s.lines, s.errors, d.tables, d.glossary, d.narrative, d.structureErrors, s.findings];
  }

  private assemble(text: string, parts: Section[]): Analysis {
    const m = this.m;
    const all = <T>(f: (s: Section) => readonly T[]): T[] => parts.flatMap(f);
    const tables = all((s) => s.document.tables);
    const glossary = all((s) => s.document.glossary);
    const narrative = all((s) => s.document.narrative);
    const structureErrors = all((s) => s.document.structureErrors);
    const findings = all((s) => s.findings);
    // The lines and the relations are many and seldom all needed (the diagnostics need neither): joined on first use.
    let lines: SyntaxTree['lines'] | undefined;
    let errors: SyntaxTree['errors'] | undefined;
    const tree: SyntaxTree = {
      text,
      get lines() { return (lines ??= all(sectionLines)); },
      get errors() { return (errors ??= all((s) => s.errors)); },
    };
    const document: BudgetDocument = { text, header: this.header, title: this.title, tables, glossary, narrative, structureErrors };

    // What spans sections.
    const global = new RelationList();
    const declared = new DeclaredRules(document, m, global);
    for (const s of parts) for (const r of s.crossRules) declared.expand(r);
    for (const r of formRelations(document, m)) global.add(r);
    for (const r of narrativeRelations(document, m)) global.add(r);
    for (const p of declared.problems) findings.push({ rule: p.rule, severity: p.severity, message: p.message, span: p.span, related: [] });
    this.judgeInto(global, findings);
    let relations: Relation[] | undefined;
    const allRelations = () => (relations ??= all((s) => s.relations.all()).concat(global.all()));

    // In document order; the sort is stable, so findings at one place keep the pipeline's order.
    findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);

    let index: Map<Cell, Relation[]> | undefined;
    return {
      tree, document, findings,
      get relations() { return allRelations(); },
      relationsOf(cell) {
        if (!index) {
          index = new Map();
          for (const r of allRelations()) for (const c of [r.target, ...r.terms.map((t) => t.cell)]) {
            const list = index.get(c);
            if (list) list.push(r); else index.set(c, [r]);
          }
        }
        return index.get(cell) ?? [];
      },
    };
  }
}

/** A section's lines in order: its lines made as objects, and the rows of its tables as lines (made now). */
function sectionLines(s: Section): Line[] {
  const out: Line[] = [];
  const lines = s.lines;
  let k = 0;
  for (const t of s.document.tables) for (const p of t.parts) {
    if (!(p instanceof StoredPart)) continue;
    for (let r = 0; r < p.store.count; r++) {
      const row = p.lineOf(r);
      while (k < lines.length && lines[k].span.start < row.span.start) out.push(lines[k++]);
      out.push(row);
    }
  }
  while (k < lines.length) out.push(lines[k++]);
  return out;
}

/**
 * A copy of a section's text that shares no memory with the document's text. A slice would keep the whole text of
 * the version it was cut from alive for as long as the section is reused (and every label sliced from it would
 * too): in a long session in a large document, one whole old version per section.
 */
function detached(s: string): string {
  // Slicing a concatenation flattens it into a new string first: one copy of the characters, the original left.
  return (' ' + s).slice(1);
}

/** Whether a rule may name a table other than its own: a table reference, or a `「…」` before the row that may be a
 * table's title rather than a part's name. Such rules are expanded against the whole document. */
function namesOtherTable(rule: Rule): boolean {
  for (const side of [rule.node.lhs, rule.node.rhs]) for (const term of side) {
    const op = term.operand;
    if (op.table && op.table.text.replace(/\s+/g, '') !== '本表') return true;
    if (op.kind === 'ref' && op.atoms.length > 1 && op.atoms[0].quoted && !op.atoms[0].unit && !op.atoms[0].eachRow) return true;
  }
  return false;
}
