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
 *
 * The standard table sets (./standard) take part in both: a section's tables are recognised and checked for the
 * identities that need no other table with the section; the identities between tables, the completeness of the set
 * and the 目录 with the whole document. Which sets apply depends on the header only.
 */
import { judge } from './checks/evaluate';
import type { Finding } from './checks/finding';
import { figureFindings } from './checks/figures';
import { hygieneFindings } from './checks/hygiene';
import { narrativeRelations } from './claims/narrative';
import { messages, type Locale, type Messages } from './i18n/messages';
import { standardMessages, type StandardMessages } from './i18n/standard';
import { ChunkPool, parseSection, type Chunk } from './incremental/chunks';
import { collectSpans, shiftSpans } from './incremental/shift';
import { sections, type SectionBounds } from './incremental/sections';
import { codeFindings } from './knowledge/check';
import type { CodeKnowledge } from './knowledge/index';
import { buildSection, inheritUnits } from './model/build';
import type { BudgetDocument, Cell, Header, Rule, Table } from './model/document';
import { builtinRelations } from './rules/builtin';
import { DeclaredRules, findTable } from './rules/declared';
import { formRelations } from './rules/forms';
import type { Relation } from './rules/relation';
import { applyDocument, applySection, type SectionStandard, type StandardCache, type StandardContext, type StandardReport } from './standard/apply';
import { completenessFindings } from './standard/completeness';
import { StandardLibrary, type SetChoice } from './standard/library';
import { tableNamed } from './standard/set';
import type { Span, SyntaxTree } from './syntax/ast';
import { pushAll } from './util/arrays';

export interface AnalysisOptions {
  locale?: Locale;
  /** Report information-level 尾差 findings (default true). */
  roundingTails?: boolean;
  /** Subject-code knowledge (catalogs, workspace codes): when given, codes are checked against it (unknown code,
   * name differing from the catalog's, code of the wrong kind for its table). */
  knowledge?: CodeKnowledge;
  /**
   * The standard table sets: `library` (default: the shipped sets, data/standard) and `set`, the one the project
   * names (`auto` — chosen by each document's 类型 —, `off`, or a set's name: budget-tables.json's `standardSet`).
   * A document's own `标准表：` line wins over `set`. `false`: no standard set at all.
   */
  standard?: false | { library?: StandardLibrary; set?: string };
}

export interface Analysis {
  tree: SyntaxTree;
  document: BudgetDocument;
  relations: Relation[];
  findings: Finding[];
  /** The relations each cell takes part in (as target or term). */
  relationsOf(cell: Cell): Relation[];
  /** What the standard sets say: each table's standard role, the identities applied, the named quantities. */
  standard: StandardReport;
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
  tree: SyntaxTree;
  document: BudgetDocument;
  relations: Relation[];
  /** Rules naming another table (or a table by title): expanded against the whole document every time. */
  crossRules: Rule[];
  /** Syntax, structure, figure, code and rule-reference findings, and the judged local relations, in that order. */
  findings: Finding[];
  /** Its lines, as parsed chunk by chunk. */
  chunks: Chunk[];
  /** Its tables' standard roles and the identities checked within them. */
  standard?: SectionStandard;
  /** The spans it holds, collected when it first has to move. */
  spans?: Span[];
}

export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  return new DocumentAnalyzer(options).analyze(text);
}

/** Analyses successive versions of one document, reusing the sections an edit did not touch. */
export class DocumentAnalyzer {
  private readonly m: Messages;
  private readonly sm: StandardMessages;
  private cache: Section[] = [];
  /** The standard sets the document follows, chosen from the header (set by each fresh pass). */
  private choice: SetChoice = { sets: [] };
  /** The identities between tables applied to the last version (taken again where their tables are unchanged). */
  private standardCache?: StandardCache;
  private header: Header = { fields: [] };
  private title?: string;
  /** What the last call reused. */
  lastReuse: Reuse = { sections: 0, reused: 0, full: true };

  constructor(private readonly options: AnalysisOptions = {}) {
    this.m = messages(options.locale);
    this.sm = standardMessages(options.locale);
  }

  /** The standard sets the header (or the options) choose. */
  private chooseSets(): SetChoice {
    const o = this.options.standard;
    if (o === false) return { sets: [] };
    return (o?.library ?? StandardLibrary.shipped()).choose(this.header, o?.set);
  }

  private standardContext(): StandardContext {
    return { sets: this.choice.sets, department: this.header.department?.value, m: this.m, sm: this.sm };
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
      const pool = new ChunkPool(this.cache.flatMap((s) => s.chunks));
      next = bounds.map((b) => this.build(text, b.start, b.end, pool));
      for (const s of next) if (s.document.title !== undefined) this.title = s.document.title;
      this.choice = this.chooseSets();
      this.standardCache = undefined;
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
    const pool = new ChunkPool(this.cache.filter((s) => !kept.has(s)).flatMap((s) => s.chunks));
    for (let i = 0; i < bounds.length; i++) {
      if (next[i]) continue;
      const s = this.build(text, bounds[i].start, bounds[i].end, pool);
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
        for (const c of s.chunks) c.start += delta;
      }
    }
    for (const s of built) this.check(s);
    return next as Section[];
  }

  /** A section's lines and model. It is a header section when it wrote to the shared header. */
  private build(text: string, start: number, end: number, pool: ChunkPool): Section {
    const { tree, chunks } = parseSection(text, start, end, pool);
    const before = this.header.fields.length;
    const document = buildSection(tree, tree.lines, this.header);
    const header = this.header.fields.length !== before || document.title !== undefined;
    // The tree's text is the section's own copy, not a slice of the whole text, which it would keep alive.
    return { text: tree.text, header, start, tree, document, relations: [], crossRules: [], findings: [], reused: false, chunks };
  }

  /** A section's own checks, once the whole header is known. */
  private check(s: Section): void {
    const m = this.m;
    const { tree, document, findings } = s;
    inheritUnits(document.tables, this.header);
    for (const e of tree.errors) findings.push({ rule: 'syntax', severity: 'error', message: e.say(m), span: e.span, related: [] });
    for (const e of document.structureErrors) findings.push({ rule: e.rule, severity: e.severity, message: e.say(m), span: e.span, related: [] });
    pushAll(findings, figureFindings(document, m));
    if (this.options.knowledge) pushAll(findings, codeFindings(document, this.options.knowledge, this.options.locale));
    const relations = builtinRelations(document, m);
    const declared = new DeclaredRules(document, m);
    for (const t of document.tables) for (const r of t.rules) {
      if (namesOtherTable(r)) s.crossRules.push(r);
      else declared.expand(r);
    }
    pushAll(relations, declared.relations);
    for (const p of declared.problems) findings.push({ rule: p.rule, severity: p.severity, message: p.message, span: p.span, related: [] });
    s.standard = applySection(document, this.standardContext(), relations);
    pushAll(relations, s.standard.relations);
    pushAll(findings, hygieneFindings(tree.lines, this.header, this.sm));
    this.judgeInto(relations, findings);
    s.relations = relations;
  }

  private judgeInto(relations: Relation[], findings: Finding[]): void {
    const tails = this.options.roundingTails !== false;
    for (const rel of relations) {
      const f = judge(rel, this.m);
      if (f && (tails || !f.roundingTail)) findings.push(f);
    }
  }

  /** What a section's spans hang from (never the shared header). */
  private roots(s: Section): unknown[] {
    const d = s.document;
    return [s.tree.lines, s.tree.errors, d.tables, d.glossary, d.narrative, d.structureErrors, s.relations, s.findings];
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
      get lines() { return (lines ??= all((s) => s.tree.lines)); },
      get errors() { return (errors ??= all((s) => s.tree.errors)); },
    };
    const document: BudgetDocument = { text, header: this.header, title: this.title, tables, glossary, narrative, structureErrors };

    // What spans sections.
    const global: Relation[] = [];
    const ctx = this.standardContext();
    const sectionStandards = parts.map((s) => s.standard ?? { recognitions: new Map(), applied: [], relations: [] });
    // A rule may name a table by its standard title (「收入决算表」) when the document's own titles do not name it.
    const roles = new Map<string, Table[]>();
    for (const st of sectionStandards) for (const [t, x] of st.recognitions) {
      const list = roles.get(x.title);
      if (list) list.push(t); else roles.set(x.title, [t]);
    }
    const byRole = (text: string, current: Table): Table | undefined => {
      const own = findTable(document, text, current);
      if (own) return own;
      for (const set of ctx.sets) {
        const st = tableNamed(set, text);
        const tables = st && roles.get(st.title);
        if (tables?.length === 1) return tables[0];
      }
      return undefined;
    };
    const declared = new DeclaredRules(document, m, byRole);
    for (const s of parts) for (const r of s.crossRules) declared.expand(r);
    pushAll(global, declared.relations);
    const std = applyDocument(document, ctx, sectionStandards, declared.relations, this.standardCache);
    this.standardCache = std.cache;
    pushAll(global, std.relations);
    if (std.report.set) pushAll(findings, completenessFindings(document, std.report.set, std.report.recognitions, this.sm));
    const { unknown, field } = this.choice;
    if (unknown !== undefined && field) {
      const o = this.options.standard;
      const known = (o === false ? [] : (o?.library ?? StandardLibrary.shipped()).sets).map((x) => x.name);
      findings.push({ rule: 'standard-set', severity: 'error', span: field.valueSpan, message: this.sm.unknownSet(unknown, known.join('、')), related: [] });
    }
    pushAll(global, formRelations(document, m));
    pushAll(global, narrativeRelations(document, m));
    for (const p of declared.problems) findings.push({ rule: p.rule, severity: p.severity, message: p.message, span: p.span, related: [] });
    this.judgeInto(global, findings);
    let relations: Relation[] | undefined;
    const allRelations = () => (relations ??= all((s) => s.relations).concat(global));

    // In document order; the sort is stable, so findings at one place keep the pipeline's order.
    findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);

    let index: Map<Cell, Relation[]> | undefined;
    return {
      tree, document, findings, standard: std.report,
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

/** Whether a rule may name a table other than its own: a table reference, or a `「…」` before the row that may be a
 * table's title rather than a part's name. Such rules are expanded against the whole document. */
function namesOtherTable(rule: Rule): boolean {
  const c = rule.node.condition;
  if (c && !c.rhs.length) return true; // a phrase the whole document may state
  for (const side of [rule.node.lhs, rule.node.rhs, ...(c ? [c.lhs, c.rhs] : [])]) for (const term of side) {
    const op = term.operand;
    if (op.table && op.table.text.replace(/\s+/g, '') !== '本表') return true;
    if (op.kind === 'ref' && op.atoms.length > 1 && op.atoms[0].quoted && !op.atoms[0].unit && !op.atoms[0].eachRow) return true;
  }
  return false;
}
