/**
 * The analysis of one document: parse, build the model, expand the rules, judge every relation.
 * Pure: no editor, no protocol, no file system. The CLI, the language server, tests and benchmarks all call this.
 *
 * A `DocumentAnalyzer` holds a document as sections (./incremental/sections: a `#`/`##` heading at column 0 starts
 * one), each as lines (./incremental/lines), and takes edits (`edit`, or `analyze` of a next version, which finds the
 * edit). What a section holds on its own — its lines, its tables, the built-in rollups and the rules that name no
 * other table, the checks of its figures and codes, and their findings — is kept until an edit touches it; a section
 * after an edit only moves (its offset, and the spans it holds). An edit is brought in by the smallest unit it allows:
 *   - figures: rows of one table retyped with the same cells, codes and labels: the rows are read again into their
 *     store, and only the relations those cells take part in are judged again (views of the rows are updated);
 *   - rows: rows of one table added, removed or changed: the rows are read again into their store, the section's
 *     relations rebuilt from the arrays and judged;
 *   - section: anything else (a heading, a `列：` or `规则：` line, a note …): the sections it touches are built again;
 *   - document: an edit that touches the header (every table inherits its unit and year) starts afresh.
 * What spans sections — rules naming other tables, forms, the narrative's claims — is computed again for every
 * version. `analyze(text)` of a fresh analyzer is one fresh pass of the same pipeline.
 *
 * The standard table sets (./standard) take part in both: a section's tables are recognised and checked for the
 * identities that need no other table with the section; the identities between tables, the completeness of the set
 * and the 目录 with the whole document. Which sets apply depends on the header only.
 *
 * Invariant (test/incremental.test.ts): whatever the edits, the analysis is exactly a fresh analysis of the text.
 * An `Analysis` is valid until the analyzer takes the next edit (its sections' objects are moved and updated).
 */
import { forgetColumnPrecision, columnPrecision, judge } from './checks/evaluate';
import type { Finding } from './checks/finding';
import { figureFindings, partFigureFindings } from './checks/figures';
import { hygieneFindings } from './checks/hygiene';
import { importDoubtFindings } from './checks/importDoubts';
import { applyJustifications } from './checks/justifications';
import { explanationCache, localise, relationKey, type RelationSource } from './checks/localise';
import { claimChecks } from './claims/checks';
import { culpritOptions } from './claims/culprits';
import type { Thresholds } from './claims/reasons';
import { messages, type Locale, type Messages } from './i18n/messages';
import { standardMessages, type StandardMessages } from './i18n/standard';
import { buildSection, readTableLines } from './incremental/build';
import { contentEnd, SectionLines, splitLines } from './incremental/lines';
import { collectSpans, moveSpans, shiftSpans } from './incremental/shift';
import { sections as cutSections } from './incremental/sections';
import { codeFindings, partCodeFindings, partKinds, sameKinds } from './knowledge/check';
import type { CodeKnowledge } from './knowledge/index';
import { inheritUnits } from './model/build';
import type { BudgetDocument, Cell, Header, Rule, Table } from './model/document';
import { cellNumber, HeadsChange, rowsIn, StoredPart } from './model/rows';
import { builtinInto } from './rules/builtin';
import { RelationList, type CellRange } from './rules/compact';
import { conditionKind, DeclaredRules, findTable } from './rules/declared';
import { formRelations, heldRates, heldScores } from './rules/forms';
import { cellsOf, type Relation } from './rules/relation';
import { ShapeTemplates } from './standard/shapes';
import { applyDocument, applySection, type SectionStandard, type StandardCache, type StandardContext, type StandardReport } from './standard/apply';
import { completenessFindings } from './standard/completeness';
import { StandardLibrary, type SetChoice } from './standard/library';
import { tableNamed } from './standard/set';
import type { HeadingLine, Line, Span, SyntaxError, SyntaxTree } from './syntax/ast';
import { beginsAt, type Position, type Positions } from './syntax/positions';
import { lastAtOrBefore, pushTo, sameItems } from './util/arrays';
import { Numbering } from './util/numbering';

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
  standard?: false | {
    library?: StandardLibrary; set?: string;
    /** Apply each identity once per table shape and copy it to the tables of that shape (default true; standard/shapes.ts). */
    byShape?: boolean;
    /**
     * With `byShape`: what a document read afresh was given is recalled when a document of the same tables is read
     * afresh again (default true; standard/recall.ts). False: the templates alone (their tests, the bench).
     */
    recall?: boolean;
  };
  /** The narrative's change thresholds above which a reason is required (budget-tables.json `thresholds`). */
  thresholds?: Thresholds;
}

export interface Analysis {
  tree: SyntaxTree;
  document: BudgetDocument;
  relations: Relation[];
  findings: Finding[];
  /** What the standard sets say: each table's standard role, the identities applied, the named quantities. */
  standard: StandardReport;
  /** The relations each cell takes part in (as target or term). */
  relationsOf(cell: Cell): readonly Relation[];
  /** The last `#` or `##` heading that ends at or before `offset` (the section a line belongs to), without making the tree's lines. */
  headingAbove(offset: number): HeadingLine | undefined;
}

/** How much of the last analysis a new one reused (for tests and benchmarks). */
export interface Reuse {
  sections: number;
  reused: number;
  /** Whole-document passes happen when a header section changed, or on the first text. */
  full: boolean;
  /** The unit the last edit was brought in by (see the module's comment). */
  unit: 'document' | 'section' | 'rows' | 'figures' | 'none';
}

/** A section's findings, by the step of the pipeline that made them (their order in a fresh pass). */
interface Found {
  /** Syntax errors, then structure findings. */
  base: Finding[];
  /** Broken figures, in document order. */
  figures: Finding[];
  codes: Finding[];
  /** Local rules' reference problems. */
  problems: Finding[];
  /** Placeholders, years, the unit's name, punctuation (./checks/hygiene). */
  hygiene: Finding[];
  /** Each relation's finding, by its number in the section's relation list. */
  judged: (Finding | undefined)[];
}

interface Section {
  /** Its lines, and its document offset (`src.base`). */
  src: SectionLines;
  /** It wrote to the document header (fields, a `#` title): it is reused only where it was, unchanged. */
  header: boolean;
  /** Taken over from the last version unchanged (perhaps moved). */
  reused: boolean;
  /** Its lines made as objects: all but the rows of tables, which are in their parts' stores. */
  lines: Line[];
  errors: SyntaxError[];
  document: BudgetDocument;
  /** Every line is read in main mode: rows can be read again on their own. */
  mainOnly: boolean;
  relations: RelationList;
  /** Rules naming another table (or a table by title): expanded against the whole document every time. */
  crossRules: Rule[];
  /** Its tables' standard roles and the identities checked within them. */
  standard?: SectionStandard;
  /**
   * A local rule or identity of it has a condition that is an equality: whether it holds depends on figures, so a
   * figure retyped rebuilds its relations.
   */
  conditional: boolean;
  found: Found;
  /** Changes whenever its figures or relations may have (error localisation reuses an explanation only while it stays). */
  version: number;
  /** The spans it holds (but its rows' views, which their parts move), collected when it first has to move. */
  spans?: Span[];
  /** Its heading lines, when first asked (`sectionHeadings`). */
  headings?: HeadingLine[];
}

export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  return new DocumentAnalyzer(options).analyze(text);
}

/** Analyses successive versions of one document, bringing in each edit by the smallest unit it allows. */
export class DocumentAnalyzer {
  private readonly m: Messages;
  private readonly sm: StandardMessages;
  /** The standard sets the document follows, chosen from the header (set by each fresh pass). */
  private choice: SetChoice = { sets: [] };
  /** The identities between tables applied to the last version (taken again where their tables are unchanged). */
  private standardCache?: StandardCache;
  /** Identities applied per table shape, for every version of the document (none: `standard.byShape` false). */
  readonly shapes?: ShapeTemplates;
  private sections: Section[] = [];
  private header: Header = { fields: [] };
  private title?: string;
  private joined?: string;
  private current?: Analysis;
  private lineIndex?: SectionPositions;
  /** What the last edit reused. */
  lastReuse: Reuse = { sections: 0, reused: 0, full: true, unit: 'document' };
  /** Error localisation's explanations of the last version, reused where nothing they read changed. */
  private readonly explanations = explanationCache();
  /** The relations spanning sections of the last version (what its explanations were searched with). */
  private spanning?: Spanning;
  /**
   * The cells whose figures may have changed since the last version was assembled: figures retyped in place
   * (`editRows`), every cell of a section read again (`readAgain`); a section moved or deleted adds none (what it
   * held is the same, or gone with its relations). Undefined after the document was read afresh or the options
   * changed. The relations between tables that read none of them, and held then, are not judged again when they
   * are the same relations (`assemble`).
   */
  private retyped?: CellRange[];
  /** The last version's findings of the relations between tables up to the end of the standard identities', by number. */
  private judgedBetween?: { end: number; found: (Finding | undefined)[] };
  /** The list of relations between tables of the version before the last: its arrays are taken over by the next one. */
  private spareList?: RelationList;
  /**
   * Counts the versions whose lines changed shape (a line break added or removed): while it stays the same, a span at
   * the same offsets stands at the same line and character.
   */
  layout = 0;

  constructor(readonly options: AnalysisOptions = {}) {
    this.m = messages(options.locale);
    this.sm = standardMessages(options.locale);
    const o = options.standard;
    if (o !== false && o?.byShape !== false) this.shapes = ShapeTemplates.shared(this.sm);
  }

  /** The standard sets the header (or the options) choose. */
  private chooseSets(): SetChoice {
    const o = this.options.standard;
    if (o === false) return { sets: [] };
    return (o?.library ?? StandardLibrary.shipped()).choose(this.header, o?.set);
  }

  private standardContext(): StandardContext {
    const o = this.options.standard;
    const recall = !!this.shapes && !(o && o.recall === false);
    return { sets: this.choice.sets, department: this.header.department?.value, m: this.m, sm: this.sm, ...(this.shapes ? { shapes: this.shapes } : {}), recall };
  }

  /** Analyses `text`: the first text afresh, a later one as the edit that turns the current text into it. */
  analyze(text: string): Analysis {
    if (!this.sections.length) this.open(text);
    else {
      const old = this.text;
      if (old !== text) {
        // The edit: what lies between the common beginning and the common end.
        let a = 0;
        const n = Math.min(old.length, text.length);
        while (a < n && old.charCodeAt(a) === text.charCodeAt(a)) a++;
        let b = 0;
        while (b < n - a && old.charCodeAt(old.length - 1 - b) === text.charCodeAt(text.length - 1 - b)) b++;
        this.edit(a, old.length - b, text.slice(a, text.length - b));
        this.joined = text;
      } else this.lastReuse = { sections: this.sections.length, reused: this.sections.length, full: false, unit: 'none' };
    }
    return this.analysis();
  }

  /** The current text (joined from the sections' lines when first asked). */
  get text(): string {
    return (this.joined ??= this.sections.map((s) => s.src.text()).join(''));
  }

  /** Line and character positions of the current text, from the sections' lines (no scan of the text). */
  positions(): Positions {
    return (this.lineIndex ??= new SectionPositions(this.sections.map((s) => s.src)));
  }

  /** The analysis of the current text. */
  analysis(): Analysis {
    return (this.current ??= this.assemble());
  }

  /**
   * Options read live changed (the project's `thresholds`, `standard.set`): the next `analysis()` assembles again;
   * when the standard sets the document follows changed, every section is checked afresh (a section applies its
   * tables' own identities).
   */
  optionsChanged(): void {
    this.current = undefined;
    this.retyped = undefined;
    if (!this.sections.length) return;
    const choice = this.chooseSets();
    const was = this.choice;
    if (choice.unknown !== was.unknown || !sameItems(choice.sets, was.sets)) this.open(this.text);
  }

  /** The knowledge the code checks use changed (a catalog, the workspace's codes): only the code findings are redone. */
  knowledgeChanged(): void {
    if (!this.options.knowledge) return;
    for (const s of this.sections) {
      s.found.codes = codeFindings(s.document, this.options.knowledge, this.options.locale);
      s.spans = undefined;
    }
    this.current = undefined;
  }

  /** Starts afresh with `text`. */
  open(text: string): void {
    this.layout++;
    this.retyped = undefined;
    this.header = { fields: [] };
    this.title = undefined;
    this.sections = cutSections(text).map((b) => this.build(splitLines(text, b.start, b.end), b.start));
    for (const s of this.sections) if (s.document.title !== undefined) this.title = s.document.title;
    this.choice = this.chooseSets();
    this.standardCache = undefined;
    for (const s of this.sections) this.check(s);
    this.changed(text);
    this.lastReuse = { sections: this.sections.length, reused: 0, full: true, unit: 'document' };
  }

  /** Replaces [start, end) of the current text with `inserted`. */
  edit(start: number, end: number, inserted: string): void {
    if (!this.sections.length) return this.open(inserted);
    if (/[\r\n]/.test(inserted) || (end > start && this.positions().position(start).line !== this.positions().position(end).line)) this.layout++;
    const sections = this.sections;
    let k0 = this.sectionAt(start);
    // An edit in a section's heading line (text put before it, a third `#` typed into `## 表…`, a `#` deleted) may
    // make it no heading: the section before may take its lines, and is read with it (unchanged, it is reused).
    if (k0 > 0 && start - sections[k0].src.base < (sections[k0].src.lines[0]?.length ?? 0)) k0--;
    const k1 = this.sectionAt(end);
    if (k0 === k1 && this.editRows(k0, start, end, inserted)) return;
    if (sections.slice(k0, k1 + 1).some((s) => s.header)) return this.open(this.edited(start, end, inserted));
    // The sections it touches, built again from their new text; the rest reused.
    const from = sections[k0].src.base;
    const old = sections.slice(k0, k1 + 1);
    const joined = old.map((s) => s.src.text()).join('');
    const text = joined.slice(0, start - from) + inserted + joined.slice(end - from);
    const byText = new Map<string, Section[]>();
    for (const s of old) {
      const t = s.src.text();
      const list = byText.get(t);
      if (list) list.push(s); else byText.set(t, [s]);
    }
    const next: Section[] = [];
    const blocks = text || sections.length > old.length ? cutSections(text).filter((b) => b.start !== b.end) : [];
    // One section read again in place of one: its tables' identities may be carried over (standard/apply.ts).
    const before = old.length === 1 && blocks.length === 1 ? old[0] : undefined;
    // A text gone entirely (a section deleted) leaves no section, unless it was the whole document.
    for (const b of blocks) {
      const t = text.slice(b.start, b.end);
      const same = byText.get(t)?.shift();
      if (same) {
        if (same.header && same.src.base !== from + b.start) return this.open(this.edited(start, end, inserted));
        this.move(same, from + b.start);
        same.reused = true;
        next.push(same);
        continue;
      }
      const s = this.build(splitLines(t), from + b.start);
      if (s.header) return this.open(this.edited(start, end, inserted));
      this.check(s, undefined, before);
      this.readAgain(s);
      next.push(s);
    }
    for (const s of sections) s.reused = true;
    for (const s of next) if (!old.includes(s)) s.reused = false;
    const delta = inserted.length - (end - start);
    // A header section must stay where it was: the header's fields are not moved with it.
    if (delta && sections.slice(k1 + 1).some((s) => s.header)) return this.open(this.edited(start, end, inserted));
    sections.splice(k0, k1 - k0 + 1, ...next);
    for (let k = k0 + next.length; k < sections.length; k++) this.move(sections[k], sections[k].src.base + delta);
    this.changed();
    this.lastReuse = { sections: sections.length, reused: sections.filter((s) => s.reused).length, full: false, unit: 'section' };
  }

  /** The whole current text with an edit applied. */
  private edited(start: number, end: number, inserted: string): string {
    const t = this.text;
    return t.slice(0, start) + inserted + t.slice(end);
  }

  /** The section holding offset `at` (the last one starting at or before it). */
  private sectionAt(at: number): number {
    const s = this.sections;
    return lastAtOrBefore(s.length, (i) => s[i].src.base, at);
  }

  /** A new version: what was made of the last one goes. */
  private changed(text?: string): void {
    this.joined = text;
    this.current = undefined;
    this.lineIndex = undefined;
  }

  /** A section's lines and model. It is a header section when it wrote to the shared header. */
  private build(lines: string[], start: number): Section {
    const before = this.header.fields.length;
    const src = new SectionLines(lines, start);
    const { lines: objects, errors, document, mainOnly } = buildSection(src, this.header);
    const header = this.header.fields.length !== before || document.title !== undefined;
    return {
      src, header, reused: false, lines: objects, errors, document, mainOnly, relations: new RelationList(), crossRules: [], conditional: false,
      found: { base: [], figures: [], codes: [], problems: [], hygiene: [], judged: [] },
      version: 0,
    };
  }

  /** Moves a section to document offset `to`: its spans, its rows' views, its lines' offsets. */
  private move(s: Section, to: number): void {
    const delta = to - s.src.base;
    if (!delta) return;
    s.spans ??= collectSpans(roots(s));
    shiftSpans(s.spans, delta);
    s.src.base = to;
    for (const t of s.document.tables) for (const p of t.parts) if (p instanceof StoredPart) p.shift(delta);
  }

  /** Every cell of a section read again, as changed (`retyped`). */
  private readAgain(s: Section): void {
    if (this.retyped) for (const t of s.document.tables) for (const part of t.parts) this.retyped.push({ part, from: -1, to: Infinity });
  }

  /**
   * A section's own checks, once the whole header is known (its code findings given, when they are known). `before`:
   * the section it replaces, read again after an edit (its lists as they were).
   */
  private check(s: Section, codes?: Finding[], before?: Section): void {
    const m = this.m;
    const { document } = s;
    inheritUnits(document.tables, this.header);
    s.found.base = baseFindings(s, m);
    s.found.figures = figureFindings(document, m);
    s.found.codes = codes ?? (this.options.knowledge ? codeFindings(document, this.options.knowledge, this.options.locale) : []);
    const rows = rowsIn(document.tables);
    // The section's last list is replaced: its arrays are taken over (an Analysis is valid until the next edit).
    const relations = new RelationList(rows, s.relations);
    builtinInto(document, m, relations);
    const declared = new DeclaredRules(document, m, undefined, relations);
    declared.reportDegenerate = true;
    s.crossRules = [];
    s.conditional = false;
    for (const t of document.tables) for (const r of t.rules) {
      if (namesOtherTable(r)) s.crossRules.push(r);
      else {
        declared.expand(r);
        // (An equality may hold or not with other figures; figures printed, `当（…）`, read only the kinds of cells, which
        // figures retyped keep.)
        if (conditionKind(r.node.condition) === 'equality') s.conditional = true;
      }
    }
    s.found.problems = declared.problems.map((p) => ({ rule: p.rule, severity: p.severity, message: p.message, span: p.span, related: [] }));
    const was = before?.standard && { document: before.document, relations: before.relations, standard: before.standard };
    s.standard = applySection(document, this.standardContext(), relations, was);
    if (s.standard.applied.some((a) => a.identity.conditionKind === 'equality')) s.conditional = true;
    s.found.hygiene = hygieneFindings(s.lines, document.tables, this.header, this.sm);
    // The last list of judged relations is written over (a new array of a table's 20,000 relations per edit is a large
    // object: the old generation grows and is collected again and again).
    const judged = s.found.judged;
    judged.length = relations.count;
    for (let i = 0; i < relations.count; i++) judged[i] = this.judged(relations, i);
    s.relations = relations;
    s.spans = undefined;
    s.version = ++versions;
  }

  /** Relation i of a list judged: from the arrays when it holds exactly as printed, else on its object. */
  private judged(relations: RelationList, i: number): Finding | undefined {
    if (relations.printedExactly(i)) return undefined;
    const f = judge(relations.relation(i), this.m);
    return f && (this.options.roundingTails !== false || !f.roundingTail) ? f : undefined;
  }

  /**
   * An edit inside section k that only changes lines of one part of a table — its rows, and blank or text lines
   * among them (a row being typed is text until its first `|`): the rows are read again into the part's store.
   * False (nothing done) when the edit is anything else.
   */
  private editRows(k: number, start: number, end: number, inserted: string): boolean {
    const s = this.sections[k];
    const src = s.src;
    if (!s.mainOnly || !src.count) return false;
    const rs = start - src.base;
    const re = end - src.base;
    // The lines it replaces, [l0, l1), and the text of those that replace them.
    const l0 = src.lineAt(rs);
    let l1: number;
    let text: string;
    if (rs === re && rs === src.starts[l0] && (inserted === '' || /[\r\n]$/.test(inserted))) {
      // Whole lines put before line l0.
      l1 = l0;
      text = inserted;
    } else {
      l1 = (re > rs ? src.lineAt(re - 1) : l0) + 1;
      text = src.lines[l0].slice(0, rs - src.starts[l0]) + inserted + src.lines[l1 - 1].slice(re - src.starts[l1 - 1]);
      // Text that no longer ends with a line break joins the line after it.
      if (text && !/[\r\n]$/.test(text) && l1 < src.count) text += src.lines[l1++];
    }
    // Not the heading, nor the section's last line (the table's span ends there); no `\r` meeting a `\n`.
    if (l0 === 0 || l1 >= src.count || (/\r$/.test(text) && src.lines[l1].charCodeAt(0) === 10)) return false;
    const from = src.base + src.starts[l0];
    const to = src.base + src.starts[l1];
    const inside = (sp: Span) => sp.start >= from && sp.start < to;

    // The part the lines are in: the part of the last row before them, unless a `列：` line or heading stands between
    // (then the part that line starts).
    let part: StoredPart | undefined;
    let lastRow = -1;
    for (const t of s.document.tables) for (const p of t.parts) {
      if (!(p instanceof StoredPart)) continue;
      const r = p.store.rowAtLine(l0) - 1;
      if (r >= 0 && p.store.line(r) > lastRow) { lastRow = p.store.line(r); part = p; }
    }
    let boundary: Line | undefined;
    for (const l of s.lines) {
      if (l.span.start >= from) break;
      if (l.kind === 'columns' || l.kind === 'heading') boundary = l;
    }
    if (boundary && (lastRow < 0 || boundary.span.start > src.base + src.starts[lastRow])) {
      part = undefined;
      for (const t of s.document.tables) for (const p of t.parts) if (p instanceof StoredPart && p.columnsSpan === boundary.span) part = p;
    }
    if (!part || !part.columns.length) return false;
    const table = part.table;
    const store = part.store;
    // What the old lines are: rows of that part (and of no other), blank lines, texts of the table.
    const r0 = store.rowAtLine(l0);
    const removed = store.rowAtLine(l1) - r0;
    for (const t of s.document.tables) for (const p of t.parts) {
      if (p !== part && p instanceof StoredPart && p.store.rowAtLine(l0) !== p.store.rowAtLine(l1)) return false;
    }
    const oldLines = s.lines.filter((l) => inside(l.span));
    if (oldLines.some((l) => l.kind !== 'blank' && !(l.kind === 'text' && table.texts.some((x) => x.span === l.span)))) return false;
    if (removed + oldLines.length !== l1 - l0) return false;
    const lines = splitLines(text);
    const read = readTableLines(new SectionLines(lines, from, l0), l0, part.columns, part.store.unit);
    if (!read) return false;
    const added = read.rows;
    // Only figures changed: the relations are the same, but for rows whose code repeats (whether a repeated code's
    // first row stands for the others depends on their figures).
    // A condition that is an equality may hold or not with other figures.
    const figures = !s.conditional && !oldLines.length && !read.lines.length && added.count === removed && store.sameShape(r0, added) && !store.repeatsCode(r0, r0 + removed);
    const heads = store.headsChange(r0, removed, added);
    // What the removed rows were called, read while their lines are there (what other tables found by those names
    // is carried over the splice: ./rules/declared `counterparts`); not for a block of rows deleted at once, whose
    // names the store would keep through its next splices (those counterparts are found again).
    const removedNames = heads !== HeadsChange.None && removed <= NAMED_REMOVALS ? store.namesOf(r0, removed) : undefined;
    const delta = text.length - (to - from);
    // A header section after it must not move (the header's fields do not move with their section).
    if (delta && this.sections.slice(k + 1).some((x) => x.header)) return false;

    // The part's kinds of codes before (its rows' code findings depend on them).
    const knowledge = this.options.knowledge;
    const kindsBefore = knowledge ? partKinds(part) : undefined;
    // Findings, structure errors, lines and texts of the old lines go; what is after them moves.
    s.document.structureErrors = s.document.structureErrors.filter((e) => !inside(e.span));
    s.found.figures = s.found.figures.filter((f) => !inside(f.span));
    s.found.codes = s.found.codes.filter((f) => !inside(f.span));
    s.lines = s.lines.filter((l) => !inside(l.span));
    s.headings = undefined;
    table.texts = table.texts.filter((x) => !inside(x.span));
    s.spans ??= collectSpans(roots(s));
    // A blank line's span holds its line break: one ending where the rows go in is before them, not stretched over
    // them (moveSpans moves every end at or after `to`).
    moveSpans(s.spans, to, delta, s.lines.filter((l) => l.kind === 'blank' && l.span.end === to && l.span.start < to).map((l) => l.span));
    for (const t of s.document.tables) for (const p of t.parts) if (p instanceof StoredPart) p.shiftFrom(to, delta);
    // The new lines in.
    src.replace(l0, l1, lines);
    const precision = figures && columnPrecision(part);
    store.splice(r0, removed, added, lines.length - (l1 - l0), heads, removedNames);
    // A figure's precision is its column's finest (../checks/evaluate `valueOf`): when that changes, every relation
    // of the column may be judged differently: all of the section's are judged again.
    let rejudge = false;
    if (precision) {
      forgetColumnPrecision(part);
      rejudge = !samePrecision(precision, columnPrecision(part));
    }
    let after = false;
    for (const t of s.document.tables) for (const p of t.parts) {
      if (!(p instanceof StoredPart)) continue;
      if (after) p.store.moveLines(0, lines.length - (l1 - l0));
      if (p === part) after = true;
    }
    insertAt(s.lines, read.lines, from);
    insertAt(table.texts, read.texts, from);
    const shapes = [];
    for (let r = r0; r < r0 + added.count; r++) {
      const problem = store.shapeProblem(r, part.columns.length);
      if (problem) shapes.push(problem);
    }
    insertAt(s.document.structureErrors, shapes, from);

    if (figures) {
      part.refresh(r0, r0 + added.count);
      s.found.base = baseFindings(s, this.m);
      insertAt(s.found.figures, partFigureFindings(part, this.m, r0, r0 + added.count), from);
      s.found.hygiene = hygieneFindings(s.lines, s.document.tables, this.header, this.sm);
      if (knowledge) insertAt(s.found.codes, partCodeFindings(s.document, part, knowledge, this.options.locale, r0, r0 + added.count, [], kindsBefore), from);
      if (rejudge) for (let i = 0; i < s.relations.count; i++) s.found.judged[i] = this.judged(s.relations, i);
      else for (const i of s.relations.touching(part, store.firstCell(r0), store.endCell(r0 + added.count - 1))) s.found.judged[i] = this.judged(s.relations, i);
      // The relations between tables that read these figures; every figure of the part when its column's precision
      // changed (a share's or a change's tolerance is its figures' precision).
      this.retyped?.push(rejudge ? { part, from: 0, to: store.cellCount } : { part, from: store.firstCell(r0), to: store.endCell(r0 + added.count - 1) });
      s.version = ++versions;
    } else {
      // The part's rows changed: a new part (views, and every index kept on the old one, go), the section's checks
      // again from the arrays; the code findings of the other rows stay when the part lists the same kinds of codes.
      const renewed = part.renewed();
      table.parts[table.parts.indexOf(part)] = renewed;
      const kinds = knowledge ? partKinds(renewed) : undefined;
      const codes = knowledge && kindsBefore && kinds && sameKinds(kindsBefore, kinds)
        ? insertAt(s.found.codes, partCodeFindings(s.document, renewed, knowledge, this.options.locale, r0, r0 + added.count, [], kinds), from)
        : undefined;
      this.check(s, codes);
      this.readAgain(s);
    }
    s.spans = undefined;
    s.reused = false;
    for (let j = k + 1; j < this.sections.length; j++) this.move(this.sections[j], this.sections[j].src.base + delta);
    for (const x of this.sections) if (x !== s) x.reused = true;
    this.changed();
    this.lastReuse = { sections: this.sections.length, reused: this.sections.length - 1, full: false, unit: figures ? 'figures' : 'rows' };
    return true;
  }

  private assemble(): Analysis {
    const m = this.m;
    const parts = this.sections;
    const all = <T>(f: (s: Section) => readonly T[]): T[] => parts.flatMap(f);
    const text = () => this.text;
    const tables = all((s) => s.document.tables);
    const glossary = all((s) => s.document.glossary);
    const narrative = all((s) => s.document.narrative);
    const structureErrors = all((s) => s.document.structureErrors);
    const findings: Finding[] = [];
    for (const s of parts) {
      const f = s.found;
      for (const list of [f.base, f.figures, f.codes, f.problems, f.hygiene]) for (const x of list) findings.push(x);
      for (const x of f.judged) if (x) findings.push(x);
    }
    // The lines and the relations are many and seldom all needed (the diagnostics need neither): joined on first use.
    let lines: SyntaxTree['lines'] | undefined;
    let errors: SyntaxTree['errors'] | undefined;
    const tree: SyntaxTree = {
      get text() { return text(); },
      get lines() { return (lines ??= all(sectionLines)); },
      get errors() { return (errors ??= all((s) => s.errors)); },
    };
    let headings: HeadingLine[] | undefined;
    const document: BudgetDocument = {
      get text() { return text(); },
      header: this.header, title: this.title, tables, glossary, narrative, structureErrors,
      // Asked by completeness when a 目录 lists the document's parts: each section's taken from its lines once, none of a
      // table's or form's section (a 部门预算 of 3,000 forms has 6,000 headings, asked at every keystroke).
      get headings() {
        if (!headings) {
          headings = [];
          for (const s of parts) if (!s.document.tables.length) for (const h of sectionHeadings(s)) headings.push(h);
        }
        return headings;
      },
    };

    // What spans sections (in the arrays of the list of the version before the last, which nothing reads any more).
    const global = new RelationList(0, this.spareList);
    this.spareList = this.spanning?.list;
    const ctx = this.standardContext();
    const sectionStandards = parts.map((s) => s.standard ?? { recognitions: new Map(), applied: [] });
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
    const declared = new DeclaredRules(document, m, byRole, global);
    declared.reportDegenerate = true;
    for (const s of parts) for (const r of s.crossRules) declared.expand(r);
    const std = applyDocument(document, ctx, sectionStandards, global, this.standardCache);
    this.standardCache = std.cache;
    const standardEnd = global.count;
    if (std.report.set) for (const f of completenessFindings(document, std.report.set, std.report.recognitions, this.sm)) findings.push(f);
    const { unknown, field } = this.choice;
    if (unknown !== undefined && field) {
      const o = this.options.standard;
      const known = (o === false ? [] : (o?.library ?? StandardLibrary.shipped()).sets).map((x) => x.name);
      findings.push({ rule: 'standard-set', severity: 'error', span: field.valueSpan, message: this.sm.unknownSet(unknown, known), related: [] });
    }
    for (const r of formRelations(document, m)) global.add(r);
    for (const p of declared.problems) findings.push({ rule: p.rule, severity: p.severity, message: p.message, span: p.span, related: [] });
    // The same relations between tables as in the last version (the identities' taken as they were, or about the
    // parts of tables read again alike — `reused`: every part swapped in is of a section read again, whose cells
    // `retyped` holds — or the same list): those that held and read no figure changed since hold still (a figure's
    // precision is its column's: `retyped` names every figure of a part whose column's precision changed — a rounding
    // tail hidden, a share's tolerance, depend on it).
    const was = this.judgedBetween;
    const last = this.spanning?.list;
    // Relations this list and the last begin with alike, when compared here (error localisation goes on from there).
    let known = 0;
    // (A recalled document's relations are another analysis's: never this analyzer's last version's — a fresh
    // analyzer has judged none, and `open` forgets what was retyped.)
    const asBefore = (std.report.reused !== undefined && std.report.reused !== 'recalled')
      || (!!last && !!this.retyped && was?.end === standardEnd && (known = global.commonPrefix(last)) >= standardEnd);
    const retyped = was?.end === standardEnd && asBefore ? this.retyped : undefined;
    const again = retyped && global.marksTouching(retyped, standardEnd);
    const between: (Finding | undefined)[] = new Array<Finding | undefined>(standardEnd);
    for (let i = 0; i < global.count; i++) {
      const skip = again && i < standardEnd && !again[i] && !was!.found[i];
      if (!skip && i < standardEnd) betweenJudged.count++;
      const f = skip ? undefined : this.judged(global, i);
      if (i < standardEnd) between[i] = f;
      if (f) findings.push(f);
    }
    this.judgedBetween = { end: standardEnd, found: between };
    this.retyped = [];
    // The narrative's claims come judged (their findings word what the text says); their relations are objects.
    const claims = claimChecks(document, m, { locale: this.options.locale, thresholds: this.options.thresholds, quantity: (name) => std.report.quantity(name) });
    for (const r of claims.relations) global.add(r);
    for (const f of claims.findings) findings.push(f);
    let relations: Relation[] | undefined;
    const allRelations = () => (relations ??= all((s) => s.relations.all()).concat(global.all()));

    // Which figure is wrong: each failing relation's finding names the culprit and offers the fix only there.
    // Then the author's justifications (`说明：…`): accepted findings are shown as acknowledged, unused ones reported.
    const before = this.spanning;
    const spanning: Spanning = (this.spanning = { list: global, kept: standardEnd, ...(before?.index ? { index: before.index } : {}) });
    const sources = relationSource(parts, spanning, before, known, m);
    const localised = applyJustifications(localise(findings, sources, culpritOptions(m, this.options.locale), this.explanations), this.positions(), this.options.locale);

    // In document order; the sort is stable, so findings at one place keep the pipeline's order.
    localised.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);

    return {
      tree, document, findings: localised, standard: std.report,
      headingAbove: (offset) => {
        for (let k = this.sectionAt(offset); k >= 0; k--) {
          const lines = parts[k].lines;
          for (let i = lines.length - 1; i >= 0; i--) {
            const l = lines[i];
            if (l.kind === 'heading' && l.level <= 2 && l.span.end <= offset) return l;
          }
        }
        return undefined;
      },
      get relations() { return allRelations(); },
      relationsOf: (cell) => sources.listed(cell),
    };
  }
}

/**
 * Where a figure's relations are (error localisation's source, and `Analysis.relationsOf`): its section's (through the
 * list's index by cell, no relation made but those it asks for) and those spanning sections. A figure's stamp is its
 * section's version: an explanation is reused only while no figure it read was retyped or had its relations changed.
 * `known`: how many relations spanning sections this version and `before` were found to begin with alike already.
 */
function relationSource(sections: Section[], spanning: Spanning, before: Spanning | undefined, known: number, m: Messages): RelationSource & { listed(cell: Cell): readonly Relation[] } {
  const global = spanning.list;
  let sectionOfTable: Map<Table, Section> | undefined;
  const sectionOf = (t: Table) => {
    if (!sectionOfTable) {
      sectionOfTable = new Map();
      for (const s of sections) for (const x of s.document.tables) sectionOfTable.set(x, s);
    }
    return sectionOfTable.get(t);
  };
  // A section's relations kept as objects by their figures outside the stores (a form's fields), when first asked.
  const looseOfSection = new Map<Section, Map<Cell, number[]>>();
  const ownOf = (s: Section, cell: Cell): readonly number[] => {
    const p = cell.row.part;
    if (p instanceof StoredPart) {
      const c = cellNumber(cell);
      return c < 0 ? [] : s.relations.touching(p, c, c + 1);
    }
    let loose = looseOfSection.get(s);
    if (!loose) looseOfSection.set(s, (loose = byFigure(s.relations, 0, true)));
    return loose.get(cell) ?? [];
  };
  // How many relations spanning sections this version and the last begin with alike: compared once, when first asked.
  let common: number | undefined;
  const commonPrefix = () => (common ??= before ? global.commonPrefix(before.list, known) : 0);
  // The relations spanning sections by figure: the rules and standard identities through their index (kept while
  // they stay the same), the forms' and the narrative's (made for every version) by their cells.
  let rest: Map<Cell, number[]> | undefined;
  const shared = new Map<Cell, Relation[]>();
  const sharedOf = (cell: Cell): Relation[] => {
    let had = shared.get(cell);
    if (had) return had;
    const p = cell.row.part;
    const c = cellNumber(cell);
    if (p instanceof StoredPart && c < 0) had = [];
    else {
      const index = keptIndex(spanning, before, commonPrefix);
      const kept = p instanceof StoredPart ? index.list.touching(p, c, c + 1) : (index.loose ??= byFigure(index.list, 0, true)).get(cell) ?? [];
      const more = (rest ??= byFigure(global, spanning.kept, false)).get(cell);
      had = (more ? kept.concat(more) : kept).map((i) => global.relation(i));
    }
    shared.set(cell, had);
    return had;
  };
  // The rates and scores of a form that hold, which the list leaves out (../rules/forms `heldRates`, `heldScores`): made
  // when a figure of them is first asked, one object per relation (by `relationKey`) for every figure of it; none
  // that the list holds already (a ratio `scoreRelations` adds beside a score that does not hold).
  const held = new Map<string, Relation>();
  const sums = new Map<Table, Relation[]>();
  const heldOf = (cell: Cell, listed: readonly Relation[]): Relation[] => {
    const out: Relation[] = [];
    for (const r of [...heldRates(cell, m), ...heldScores(cell, m, sums)]) {
      const k = relationKey(r);
      const had = held.get(k);
      if (had) { if (!listed.includes(had)) out.push(had); continue; }
      const same = listed.find((x) => x.kind === r.kind && x.target === r.target && x.terms.length === r.terms.length && x.terms.every((t, i) => t.cell === r.terms[i].cell));
      if (same) { held.set(k, same); continue; }
      held.set(k, r);
      out.push(r);
    }
    return out;
  };
  const all = new Map<Cell, Relation[]>();
  const withHeld = new Map<Cell, readonly Relation[]>();
  let live: Set<number> | undefined;
  let changed: Set<string> | undefined;
  const listed = (cell: Cell): Relation[] => {
    let had = all.get(cell);
    if (had) return had;
    const s = sectionOf(cell.row.part.table);
    const own = s ? ownOf(s, cell).map((i) => s.relations.relation(i)) : [];
    const more = sharedOf(cell);
    had = own.length && more.length ? own.concat(more) : own.length ? own : more;
    all.set(cell, had);
    return had;
  };
  return {
    /** The relations listed (hover, highlights, references: `Analysis.relationsOf`). */
    listed,
    /** Error localisation's: those listed, and the form's rates that hold beside them. */
    relationsOf(cell) {
      let had = withHeld.get(cell);
      if (had) return had;
      const rels = listed(cell);
      const held = heldOf(cell, rels);
      withHeld.set(cell, (had = held.length ? rels.concat(held) : rels));
      return had;
    },
    stamp(cell) {
      return sectionOf(cell.row.part.table)?.version ?? cell;
    },
    current(stamp) {
      // A section's version is never given again: one that is still a section's was not edited since. A figure of no
      // section (a claim of the narrative) stands for itself.
      if (typeof stamp !== 'number') return true;
      live ??= new Set(sections.map((s) => s.version));
      return live.has(stamp);
    },
    spanningChanged: () => (changed ??= spanningChanged(before, spanning, commonPrefix())),
    place,
  };
}

/**
 * The relations spanning sections of one version: the list, and where the rules naming other tables and the standard
 * identities between tables end in it (the forms' and the narrative's, made anew for every version, follow).
 */
interface Spanning {
  list: RelationList;
  kept: number;
  /**
   * Its first `kept` relations by figure: the index last made, by this version or an earlier one (one that searched
   * nothing passes it on), this version's once `keptIndex` checked it.
   */
  index?: KeptIndex;
}

/**
 * Relations [0, kept) of a version's list, alone (`touching` indexes them by stored cell), and by figure outside the
 * stores; `of`: the list of the latest version they were found to be the first relations of.
 */
interface KeptIndex { list: RelationList; loose?: Map<Cell, number[]>; of: RelationList }

/** How many relations spanning sections were indexed by figure for error localisation (tests count them). */
export const spanningIndexed = { count: 0 };

/** How many relations between tables (rules and standard identities) were judged, for tests. */
export const betweenJudged = { count: 0 };

/**
 * The index of the rules and standard identities of `now`: the last one made while they are the relations it was made
 * of — known without comparing again when it was the last version's and this version begins as that one did
 * (`commonPrefix`, compared once per version), else compared with its own list (versions between may have made none
 * and checked none) — else made.
 */
function keptIndex(now: Spanning, before: Spanning | undefined, commonPrefix: () => number): KeptIndex {
  let index = now.index;
  if (index && index.of !== now.list) {
    const same = before && index.of === before.list
      ? before.kept === now.kept && commonPrefix() >= now.kept
      : index.list.count === now.kept && now.list.commonPrefix(index.list) === now.kept;
    if (same) index.of = now.list;
    else index = undefined;
  }
  if (!index) {
    const list = new RelationList();
    list.copyRange(now.list, 0, now.kept);
    spanningIndexed.count += now.kept;
    index = { list, of: now.list };
  }
  return (now.index = index);
}

/**
 * Relations [from, count) of a list by their figures (`loose`: only those kept as objects, by their figures outside the
 * stores — the narrative's own parts, a form's fields).
 */
function byFigure(list: RelationList, from: number, loose: boolean): Map<Cell, number[]> {
  const out = new Map<Cell, number[]>();
  for (let i = from; i < list.count; i++) {
    if (loose && list.termsOf(i) >= 0) continue;
    for (const c of cellsOf(list.relation(i))) if (!loose || !(c.row.part instanceof StoredPart)) pushTo(out, c, i, true);
  }
  return out;
}

/** How many relations spanning sections were keyed by content to tell what changed (tests count them). */
export const spanningKeyed = { count: 0 };

/**
 * The places of the figures whose relations spanning sections were added or taken between two versions. The lists
 * are compared as they stand (`commonPrefix`: the same cells of the same parts, kinds and signs) — a figure retyped
 * copies the rules and standard identities unchanged (`RelationList.copyRange`), and the forms' and the narrative's
 * are made again over the same figures — and keyed by content (`byContent`) only from where they differ: what an edit
 * costs here is what it changed, not every relation of the document. The relations both lists begin with cancel, so
 * one that moved across that point is keyed on one side only and its figures are named, which costs a search, never a
 * miss. The last version's list is keyed now, as its arrays and objects hold it; a figure of a part renewed since is
 * named by that part, which no current figure is.
 */
function spanningChanged(before: Spanning | undefined, now: Spanning, common: number): Set<string> {
  const out = new Set<string>();
  if (!before) return out;
  const was = byContent(before.list, common);
  const is = byContent(now.list, common);
  for (const [k, places] of is) if (!was.has(k)) for (const p of places) out.add(p);
  for (const [k, places] of was) if (!is.has(k)) for (const p of places) out.add(p);
  return out;
}

/** A figure's place: its stored part (by identity, kept while the part's rows keep their shape) and cell number. */
function place(cell: Cell): string {
  const c = cellNumber(cell);
  if (c >= 0) return `${partId(cell.row.part as StoredPart)}.${c}`;
  return `c${looseIds.of(cell)}`;
}
const looseIds = new Numbering<Cell>();

/**
 * Relations [from, count) of a list by content: each relation's key (kind, target and term places, signs; without
 * making objects of those kept in the arrays) and its figures' places.
 */
function byContent(list: RelationList, from: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  spanningKeyed.count += list.count - from;
  for (let i = from; i < list.count; i++) {
    const t = list.targetAt(i);
    if (!t) {
      const r = list.relation(i);
      out.set(relationKey(r), cellsOf(r).map(place));
      continue;
    }
    const places = [`${partId(t.part)}.${t.cell}`];
    let k = `${list.kindOf(i)}:${places[0]}=`;
    for (let j = 0, n = list.termsOf(i); j < n; j++) {
      const x = list.termAt(i, j);
      const at = `${partId(x.part)}.${x.cell}`;
      places.push(at);
      k += `${x.sign}${at},`;
    }
    out.set(k, places);
  }
  return out;
}

const partIds = new Numbering<StoredPart>();
function partId(p: StoredPart): number {
  return partIds.of(p);
}

/** How many rows removed at once a splice keeps the names of (`editRows`). */
const NAMED_REMOVALS = 256;

/** Sections' versions (`Section.version`): one counter for all analyzers, so that no two states share a number. */
let versions = 0;

function samePrecision(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Puts `items` into a list in document order, where those that start at `at` belong; returns the list. */
function insertAt<T extends { span: Span }>(list: T[], items: T[], at: number): T[] {
  if (!items.length) return list;
  let i = 0;
  while (i < list.length && list[i].span.start < at) i++;
  list.splice(i, 0, ...items);
  return list;
}

/** A section's syntax errors, then its structure findings (as a fresh pass makes them). */
function baseFindings(s: Section, m: Messages): Finding[] {
  const out: Finding[] = [];
  for (const e of s.errors) out.push({ rule: 'syntax', severity: 'error', message: e.say(m), span: e.span, related: [] });
  for (const e of s.document.structureErrors) out.push({ rule: e.rule, severity: e.severity, message: e.say(m), span: e.span, related: [] });
  for (const f of importDoubtFindings(s.lines, m)) out.push(f);
  return out;
}

/**
 * What a section's spans hang from (never the shared header). Not its relations, nor the views of its rows, which
 * their parts move (`StoredPart.shift`): no span of these roots is a view's (findings have spans of their own).
 */
function roots(s: Section): unknown[] {
  const d = s.document;
  const f = s.found;
  return [s.lines, s.errors, d.tables, d.glossary, d.narrative, d.structureErrors, f.base, f.figures, f.codes, f.problems, f.hygiene, f.judged];
}

/** A section's lines in order: its lines made as objects, and the rows of its tables as lines (made now). */
/** A section's heading lines (its lines hold every heading: only table rows are left out of them), kept with it. */
function sectionHeadings(s: Section): HeadingLine[] {
  return (s.headings ??= s.lines.filter((l): l is HeadingLine => l.kind === 'heading'));
}

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

/** Whether a rule may name a table other than its own: a table reference, or a `「…」` before the row that may be a
 * table's title rather than a part's name. Such rules are expanded against the whole document. */
function namesOtherTable(rule: Rule): boolean {
  const c = rule.node.condition;
  if (conditionKind(c) === 'phrase') return true; // a phrase the whole document may state
  for (const side of [rule.node.lhs, rule.node.rhs, ...(c ? [c.lhs, c.rhs] : [])]) for (const term of side) {
    const op = term.operand;
    if (op.table && op.table.text.replace(/\s+/g, '') !== '本表') return true;
    if (op.kind === 'ref' && op.atoms.length > 1 && op.atoms[0].quoted && !op.atoms[0].unit && !op.atoms[0].eachRow) return true;
  }
  return false;
}

/**
 * Line and character positions (0-based, UTF-16) over a document's sections, from their lines: a binary search over
 * the sections, then over the section's line starts. The same answers as `LineIndex` on the joined text.
 */
class SectionPositions implements Positions {
  /** The document line each section's first line is. */
  private readonly firstLines: number[] = [];
  readonly lineCount: number;

  constructor(private readonly sections: SectionLines[]) {
    let n = 0;
    for (const s of sections) {
      this.firstLines.push(n);
      n += s.count;
    }
    const last = sections[sections.length - 1];
    const lastLine = last?.lines[last.count - 1];
    // A text that ends with a line break (or is empty) has an empty last line.
    this.lineCount = !lastLine || /[\r\n]$/.test(lastLine) ? n + 1 : n;
  }

  private get length(): number {
    const last = this.sections[this.sections.length - 1];
    return last ? last.base + last.length : 0;
  }

  position(offset: number): Position {
    const length = this.length;
    const o = Math.max(0, Math.min(offset, length));
    const ss = this.sections;
    const lo = lastAtOrBefore(ss.length, (i) => ss[i].base, o);
    const s = ss[lo];
    if (!s || !s.count) return { line: this.firstLines[lo] ?? 0, character: 0 };
    if (o === length && this.lineCount > this.firstLines[lo] + s.count) return { line: this.lineCount - 1, character: 0 };
    const k = s.lineAt(o - s.base);
    const line = s.lines[k];
    let c = o - s.base - s.starts[k];
    // Inside a `\r\n`: the position of the `\r` (as TextDocument answers).
    if (c > 0 && line.charCodeAt(c - 1) === 13 && line.charCodeAt(c) === 10) c--;
    return { line: this.firstLines[lo] + k, character: c };
  }

  offset(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.lineCount) return this.length;
    const fl = this.firstLines;
    const lo = lastAtOrBefore(fl.length, (i) => fl[i], p.line);
    const s = this.sections[lo];
    const k = p.line - fl[lo];
    if (!s || k >= s.count) return this.length;
    const line = s.lines[k];
    let end = line.length;
    while (end > 0 && (line.charCodeAt(end - 1) === 10 || line.charCodeAt(end - 1) === 13)) end--;
    return s.base + s.starts[k] + Math.min(Math.max(0, p.character), end);
  }

  lineText(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const fl = this.firstLines;
    const lo = lastAtOrBefore(fl.length, (i) => fl[i], line);
    const s = this.sections[lo];
    const k = line - fl[lo];
    if (!s || k >= s.count) return '';
    return s.lines[k].slice(0, contentEnd(s.lines[k]));
  }

  linesBeginning(prefix: string, skip = ''): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.sections.length; i++) {
      const lines = this.sections[i].lines;
      for (let k = 0; k < lines.length; k++) if (beginsAt(lines[k], 0, prefix, skip)) out.push(this.firstLines[i] + k);
    }
    return out;
  }
}
