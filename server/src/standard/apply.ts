/**
 * Applying the standard sets to a document: which standard table each of its tables is, and every identity of those
 * tables bound to the document (./bind) and expanded into relations by the ordinary rule expansion, so that they are
 * judged like any rule (and served by its fast path).
 *
 * The work is split like the analysis (../analysis.ts): what a table can be checked for on its own — recognition and
 * the identities that name no other table — is done per section and kept while the section is unchanged; what spans
 * tables is done for the whole document. Which sets apply depends only on the header, whose change re-analyses
 * everything.
 *
 * An identity the document cannot carry (a row, column or table it does not print) is not applicable: no finding,
 * but listed with that state (hover, outline). A relation the document's own rules already give (a 注 printing
 * `27行=（1+2+…+8）行`) is not given twice: the identity takes the document's.
 */
import { evaluate } from '../checks/evaluate';
import type { BudgetDocument, Cell, Part, Table } from '../model/document';
import { StoredPart } from '../model/rows';
import type { RelationList } from '../rules/compact';
import { columnIn, DeclaredRules, states, type Expansion } from '../rules/declared';
import type { Relation } from '../rules/relation';
import type { Messages } from '../i18n/messages';
import type { IdentityStateName, StandardMessages } from '../i18n/standard';
import { Binder, type Roles } from './bind';
import { recognise } from './library';
import type { Identity, StandardSet, StandardTable } from './set';

/** An identity as applied to one table of the document. */
export interface AppliedIdentity {
  identity: Identity;
  /** The document's table it was applied for (the one playing the identity's standard table). */
  table: Table;
  outcome: Expansion | 'missing';
  /** What the document lacks, when it is not applicable. */
  missing?: string;
  /** Its relations (or the document's own equal relations, which it takes). */
  relations: Relation[];
}

export interface StandardContext {
  /** The sets the document follows (empty: standard tables off). */
  sets: StandardSet[];
  department?: string;
  m: Messages;
  sm: StandardMessages;
}

/** What one section gives: its tables' standard roles, its local identities applied, their new relations. */
export interface SectionStandard {
  recognitions: Map<Table, StandardTable>;
  applied: AppliedIdentity[];
  relations: Relation[];
}

/**
 * Relations by target, to find one that says the same as another: same target, same printed terms with the same
 * signs (blank cells add nothing and are left out), or the two sides of one equality swapped. The relations a list
 * already holds are found by their target's cell number (an object is made only for those that may match); those
 * added, by their target cell.
 */
class RelationIndex {
  private readonly byTarget = new Map<Cell, Relation[]>();
  /** The list's relations kept in its arrays, by part and target cell number; built on first use. */
  private stored?: Map<StoredPart, Map<number, number[]>>;

  constructor(private readonly existing: RelationList) {}

  add(r: Relation): void {
    const list = this.byTarget.get(r.target);
    if (list) list.push(r); else this.byTarget.set(r.target, [r]);
  }

  /** The relations with `cell` as their target. */
  private targeting(cell: Cell): Relation[] {
    if (!this.stored) {
      this.stored = new Map();
      const list = this.existing;
      for (let i = 0; i < list.count; i++) {
        const at = list.targetAt(i);
        if (!at) { this.add(list.relation(i)); continue; }
        let byCell = this.stored.get(at.part);
        if (!byCell) this.stored.set(at.part, (byCell = new Map()));
        const ids = byCell.get(at.cell);
        if (ids) ids.push(i); else byCell.set(at.cell, [i]);
      }
    }
    const out = this.byTarget.get(cell) ?? [];
    const part = cell.row.part;
    if (!(part instanceof StoredPart)) return out;
    const ids = this.stored.get(part)?.get(part.store.firstCell(cell.row.index) + cell.row.cells.indexOf(cell));
    return ids ? [...ids.map((i) => this.existing.relation(i)), ...out] : out;
  }

  find(r: Relation): Relation | undefined {
    if (r.kind !== 'sum' && r.kind !== 'same') return undefined;
    const same = this.targeting(r.target);
    if (same.length) {
      const mine = printedTerms(r);
      for (const x of same) if ((x.kind === 'sum' || x.kind === 'same') && sameTerms(mine, printedTerms(x))) return x;
    }
    if (r.terms.length === 1) {
      for (const x of this.targeting(r.terms[0].cell)) {
        if (x.terms.length === 1 && x.terms[0].cell === r.target && x.terms[0].sign === r.terms[0].sign) return x;
      }
    }
    return undefined;
  }
}

function printedTerms(r: Relation): { cell: Cell; sign: number }[] {
  return r.terms.filter((t) => t.cell.kind !== 'empty' && t.cell.kind !== 'dash');
}

function sameTerms(a: { cell: Cell; sign: number }[], b: { cell: Cell; sign: number }[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length <= 8) {
    // Few terms (the common case): each of one side's terms on the other.
    return a.every((t) => b.some((u) => u.cell === t.cell && u.sign === t.sign)) && b.every((u) => a.some((t) => t.cell === u.cell && t.sign === u.sign));
  }
  const left = new Map<Cell, number>();
  for (const t of a) left.set(t.cell, (left.get(t.cell) ?? 0) + t.sign);
  for (const t of b) left.set(t.cell, (left.get(t.cell) ?? 0) - t.sign);
  for (const v of left.values()) if (v !== 0) return false;
  return true;
}

/**
 * What an identity applied between tables gave, and what it read: kept from one version of a document to the next,
 * and taken again while the tables it read are the same objects (their sections unchanged) and the roles it asked for
 * are played by the same tables.
 */
interface Kept {
  outcome: AppliedIdentity['outcome'];
  missing?: string;
  /** The relations it made (before the document's own equal ones were taken instead). */
  made: Relation[];
  /** The tables it read, each with its parts as they were (a part whose rows change is a new part). */
  touched: [Table, Part[]][];
  consulted: [StandardTable, Table[]][];
  /** For a condition that is a phrase (`当「…」`): whether the document stated it. */
  stated?: boolean;
}

/** The identities between tables applied to the last version of a document, by identity and table. */
export type StandardCache = Map<Identity, Map<Table, Kept>>;

/** Expands bound identities into relations, taking the document's own equal relations. */
class Applier {
  private readonly binder: Binder;
  private readonly index: RelationIndex;
  readonly relations: Relation[] = [];
  /** What this pass applied, for the next one. */
  readonly kept: StandardCache = new Map();

  constructor(private readonly doc: BudgetDocument, private readonly roles: Roles, private readonly ctx: StandardContext, existing: RelationList, private readonly previous?: StandardCache) {
    this.binder = new Binder(roles);
    this.index = new RelationIndex(existing);
  }

  apply(identity: Identity, table: Table, tables?: Set<Table>): AppliedIdentity {
    const keep = !!tables;
    const old = keep ? this.previous?.get(identity)?.get(table) : undefined;
    // A condition that is a phrase depends on the whole text: the kept result holds while the document still states it
    // (or still does not).
    const c = identity.rule.condition;
    const stated = c && !c.rhs.length && c.lhs[0]?.operand.kind === 'ref' ? states(this.doc, c.lhs[0].operand.atoms[0]?.value ?? '') : undefined;
    // A condition that is an equality depends on figures, which change in tables that stay (a figure retyped).
    const reuse = old && !c?.rhs.length && old.stated === stated && this.still(old, tables!);
    const k = reuse ? old : { ...this.expand(identity, table), ...(stated === undefined ? {} : { stated }) };
    if (keep) {
      let byTable = this.kept.get(identity);
      if (!byTable) this.kept.set(identity, (byTable = new Map()));
      byTable.set(table, k);
    }
    const relations: Relation[] = [];
    for (const r of k.made) {
      const same = this.index.find(r);
      if (same) { relations.push(same); continue; }
      this.index.add(r);
      this.relations.push(r);
      relations.push(r);
    }
    return { identity, table, outcome: k.outcome, ...(k.missing ? { missing: k.missing } : {}), relations };
  }

  /** Whether a kept result still holds: the tables it read are all still there, the roles it asked for unchanged. */
  private still(k: Kept, tables: Set<Table>): boolean {
    if (!k.touched.every(([t, parts]) => tables.has(t) && t.parts.length === parts.length && t.parts.every((p, i) => p === parts[i]))) return false;
    return k.consulted.every(([st, list]) => {
      const now = this.roles.instances(st);
      return now.length === list.length && now.every((t, i) => t === list[i]);
    });
  }

  private expand(identity: Identity, table: Table): Kept {
    const b = this.binder.bind(identity, table);
    // What it read: the tables the binding read, and those the expansion finds (the binder's list grows).
    const read = () => this.binder.touched.map((t): [Table, Part[]] => [t, t.parts.slice()]);
    const consulted = this.binder.consulted;
    if ('missing' in b) return { outcome: 'missing', missing: b.missing, made: [], touched: read(), consulted };
    const d = new DeclaredRules(this.doc, this.ctx.m, (text) => this.binder.table(text));
    const outcome = d.expand({ node: b.rule, table: b.table }, this.ctx.sm.identityTitle(identity.table.title, identity.text));
    const made = d.relations;
    const missing = d.problems.length ? d.problems[0].message : undefined;
    for (const r of made) delete r.ruleSpan;
    return { outcome, ...(missing ? { missing } : {}), made, touched: read(), consulted };
  }
}

/** The local part, for one section: its tables recognised, the identities that need no other table applied. */
export function applySection(doc: BudgetDocument, ctx: StandardContext, existing: RelationList): SectionStandard {
  const recognitions = new Map<Table, StandardTable>();
  const out: SectionStandard = { recognitions, applied: [], relations: [] };
  if (!ctx.sets.length) return out;
  for (const t of doc.tables) {
    const st = recognise(t, ctx.sets, ctx.department);
    if (st) recognitions.set(t, st);
  }
  if (!recognitions.size) return out;
  const roles = rolesOf(ctx.sets[0], doc, recognitions);
  const applier = new Applier(doc, roles, ctx, existing);
  for (const [t, st] of recognitions) for (const idn of st.identities) if (idn.local) out.applied.push(applier.apply(idn, t));
  out.relations = applier.relations;
  return out;
}

function rolesOf(set: StandardSet, doc: BudgetDocument, recognitions: Map<Table, StandardTable>): Roles {
  const byStandard = new Map<StandardTable, Table[]>();
  for (const [t, st] of recognitions) {
    const list = byStandard.get(st);
    if (list) list.push(t); else byStandard.set(st, [t]);
  }
  const keys = new Map<Table, string>();
  doc.tables.forEach((t, i) => keys.set(t, `#表${i}`));
  return { set, instances: (st) => byStandard.get(st) ?? [], keyOf: (t) => keys.get(t) ?? `#表?` };
}

/** The set the document follows most: of the chosen sets, the one most of its tables belong to. */
function mainSet(sets: StandardSet[], recognitions: Map<Table, StandardTable>): StandardSet | undefined {
  let best: StandardSet | undefined;
  let count = -1;
  for (const s of sets) {
    let n = 0;
    for (const st of recognitions.values()) if (st.set === s) n++;
    if (n > count) { best = s; count = n; }
  }
  return best;
}

/** The whole document's part: the identities between tables, over every section's recognitions. */
export function applyDocument(
  doc: BudgetDocument, ctx: StandardContext, sections: SectionStandard[], existing: RelationList, previous?: StandardCache,
): { report: StandardReport; relations: Relation[]; cache: StandardCache } {
  const recognitions = new Map<Table, StandardTable>();
  const applied = new Map<Table, AppliedIdentity[]>();
  for (const s of sections) {
    for (const [t, st] of s.recognitions) recognitions.set(t, st);
    for (const a of s.applied) push(applied, a.table, a);
  }
  const set = mainSet(ctx.sets, recognitions);
  const roles = rolesOf(set ?? ctx.sets[0], doc, recognitions);
  const relations: Relation[] = [];
  let cache: StandardCache = new Map();
  if (set && recognitions.size) {
    const applier = new Applier(doc, roles, ctx, existing, previous);
    const tables = new Set(doc.tables);
    for (const [t, st] of recognitions) for (const idn of st.identities) if (!idn.local) push(applied, t, applier.apply(idn, t, tables));
    relations.push(...applier.relations);
    cache = applier.kept;
  }
  return { report: new StandardReport(doc, ctx, set, recognitions, applied, roles), relations, cache };
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v); else map.set(k, [v]);
}

/** An applied identity's state: holds, holds within rounding, fails, condition not met, not applicable, no figures. */
export function identityState(a: AppliedIdentity): IdentityStateName {
  if (a.outcome === 'missing' || a.outcome === 'unresolved') return 'missing';
  if (a.outcome === 'condition') return 'condition';
  let tail = false;
  let judged = false;
  for (const r of a.relations) {
    const ev = evaluate(r);
    if (!ev) continue;
    judged = true;
    if (!ev.holds) return 'fails';
    if (!ev.exact) tail = true;
  }
  return !judged ? 'empty' : tail ? 'tail' : 'holds';
}

/**
 * What the standard sets say of a document: the set it follows, the standard table each table is, the identities
 * applied to each, and the document's named quantities (for the narrative's claims: `本年收入合计` → its cells).
 */
export class StandardReport {
  constructor(
    private readonly doc: BudgetDocument,
    private readonly ctx: StandardContext,
    /** The set the document follows (undefined: none applies). */
    readonly set: StandardSet | undefined,
    readonly recognitions: ReadonlyMap<Table, StandardTable>,
    private readonly appliedTo: ReadonlyMap<Table, AppliedIdentity[]>,
    private readonly roles: Roles,
  ) {}

  /** The standard table a table of the document was recognised as. */
  tableOf(t: Table): StandardTable | undefined {
    return this.recognitions.get(t);
  }

  /** The identities applied to a table, in the set's order. */
  applied(t: Table): AppliedIdentity[] {
    return this.appliedTo.get(t) ?? [];
  }

  private named?: Map<string, Cell[]>;

  /** The cells of a named quantity (`本年收入合计`, `一般公共预算财政拨款支出` …), from the tables that print it, in the set's order. */
  quantity(name: string): Cell[] {
    return this.quantities().get(name) ?? [];
  }

  /** Every named quantity the document prints, with its cells. */
  quantities(): Map<string, Cell[]> {
    if (this.named) return this.named;
    const named = new Map<string, Cell[]>();
    this.named = named;
    const binder = new Binder(this.roles);
    const declared = new DeclaredRules(this.doc, this.ctx.m, (text) => binder.table(text));
    const entries = [...this.recognitions].sort((a, b) => a[1].index - b[1].index);
    for (const [t, st] of entries) for (const q of st.quantities) {
      const ref = binder.bindRef(q.ref, st, t);
      const target = ref && declared.resolveRef(ref, t);
      if (!target) continue;
      const named_ = target.columnName !== undefined || target.columnNumber !== undefined;
      // A column without a row (`「预算数/合计」栏`) names the figure of a table of one row: its first row printing one.
      const rows = target.row ? [target.row] : (target.part ? [target.part] : t.parts).flatMap((p) => p.rows);
      for (const row of rows) {
        const col = named_ ? columnIn(row.part, target) : row.part.columns.find((c) => c.role === 'figure');
        const cell = col && row.cells[col.index];
        if (cell?.kind === 'figure') { push(named, q.name, cell); break; }
      }
    }
    return named;
  }
}
