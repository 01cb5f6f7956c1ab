/**
 * Binding a standard identity to a document: the set file names tables by their standard title, and rows, columns
 * and parts by the names the template uses; a document prints its own title, layout and wording. Binding rewrites an
 * identity's rule in the document's terms — each table reference becomes the key of the document's table that plays
 * the role (see `Roles`), each name the one this document prints (one of the names the set lists for it, matched
 * with the keys of names.ts) — so that the ordinary rule expansion (rules/declared.ts) checks it like any `规则：`
 * line. What the document does not print is left as written: the expansion then names nothing, and the identity is
 * not applicable.
 */
import type { Field, Part, Row, Table } from '../model/document';
import { findRows } from '../rules/declared';
import type { AtomNode, ConditionNode, GroupNode, RefNode, RuleNode, Span, TermNode } from '../syntax/ast';
import { labelKey, nameKey } from './names';
import { tableNamed, type Identity, type StandardSet, type StandardTable } from './set';

/** Which tables of the document play each standard table. */
export interface Roles {
  set: StandardSet;
  instances(st: StandardTable): Table[];
  /** The key a bound rule names `t` by (resolved by the expansion's table resolver). */
  keyOf(t: Table): string;
}

/** A rule in the document's terms, to be expanded in `table`; or what the document lacks. */
export type Binding = { rule: RuleNode; table: Table } | { missing: string };

const NOWHERE: Span = Object.freeze({ start: 0, end: 0 });

const nameAtom = (a: AtomNode | undefined): a is AtomNode => !!a && a.quoted && !a.unit && !a.eachRow;

class Missing {
  constructor(readonly what: string) {}
}

/** A term that stands for zero where the document does not print it. */
class Zero {
  constructor(readonly what: string) {}
}

/** A quoted subject code (`「301」`). */
function isCode(a: AtomNode): boolean {
  return a.quoted && /^\d{3}(?:\d{2}){0,2}$/.test(a.value.trim());
}

/** A table's rows, in one part or in all. */
function rowsIn(of: Table | Part): Row[] {
  return 'parts' in of ? of.parts.flatMap((p) => p.rows) : of.rows;
}

function fieldsOf(t: Table): Field[] {
  return [...t.fields, ...t.parts.flatMap((p) => p.fields)];
}

/** A project's name as tables print it: blanks, quotes and a leading year (`2022年`) out. */
function projectKey(s: string): string {
  return nameKey(s).replace(/^\d{4}年度?/, '');
}

/**
 * The row of `of` that a form's project names (`{项目名称}`): the row whose label is the name, else the only row
 * whose label contains it or is contained in it (`物业管理经费` is the 项目支出表's `2022年物业管理经费`).
 */
function projectRow(of: Table | Part, name: string): Row | undefined {
  const k = projectKey(name);
  if (!k) return undefined;
  const rows = rowsIn(of).filter((r) => r.label);
  const exact = rows.filter((r) => projectKey(r.label) === k);
  if (exact.length) return exact.length === 1 ? exact[0] : undefined;
  const near = rows.filter((r) => { const l = projectKey(r.label); return l.length > 1 && (l.includes(k) || k.includes(l)); });
  return near.length === 1 ? near[0] : undefined;
}

export class Binder {
  constructor(private readonly roles: Roles) {}

  /** Binds `idn` for `instance`, the document's table that plays the identity's own standard table. */
  bind(idn: Identity, instance: Table): Binding {
    try {
      const rule = idn.rule;
      const own = idn.table;
      const lhs = rule.lhs.flatMap((t) => this.term(t, own, instance, 'one'));
      const rhs = this.sum(rule.rhs, own, instance);
      if (lhs.length === 1 && lhs[0].operand.kind === 'ref' && this.columnOnly(lhs[0].operand) && this.rowsDataOf(instance) > 1
        && rhs.some((t) => t.operand.kind === 'ref' && this.tableOf(t) !== instance && t.operand.atoms.some((a) => a.unit === 'row'))) {
        // A column equal to one figure of another table: a table of one row only (江苏 支出预算总表).
        throw new Missing(`${idn.table.title}（一行）`);
      }
      let condition: ConditionNode | undefined;
      const c = rule.condition;
      if (c) {
        condition = c.rhs.length
          ? { lhs: c.lhs.flatMap((t) => this.term(t, own, instance, 'one')), rhs: c.rhs.flatMap((t) => this.term(t, own, instance, 'one')), text: c.text, span: NOWHERE }
          : c;
      }
      let node: RuleNode = { lhs, rhs, text: idn.text, span: NOWHERE, ...(condition ? { condition } : {}) };
      // One quantity printed in a table and typed again in a form: the form's figure is the one to check.
      if (lhs.length === 1 && rhs.length === 1 && rhs[0].sign === 1 && this.tableOf(lhs[0])?.kind === 'table' && this.tableOf(rhs[0])?.kind === 'form') {
        node = { ...node, lhs: rhs, rhs: lhs };
      }
      const table = this.tableOf(node.lhs[0]) ?? instance;
      return { rule: node, table };
    } catch (e) {
      if (e instanceof Missing || e instanceof Zero) return { missing: e.what };
      throw e;
    }
  }

  /** A reference (a quantity's place) in the document's terms, for the instance `instance` of `own`. */
  bindRef(ref: RefNode, own: StandardTable, instance: Table): RefNode | undefined {
    try {
      const [t] = this.term({ sign: 1, operand: ref }, own, instance, 'one');
      return t.operand.kind === 'ref' ? t.operand : undefined;
    } catch (e) {
      if (e instanceof Missing || e instanceof Zero) return undefined;
      throw e;
    }
  }

  /** The table a key names (for the expansion's table resolver). */
  table(key: string): Table | undefined {
    return this.byKey.get(key);
  }

  private readonly byKey = new Map<string, Table>();

  /** The table a bound operand names. */
  private tableOf(term: TermNode): Table | undefined {
    const text = term.operand.table?.text;
    return text === undefined ? undefined : this.byKey.get(text);
  }

  /**
   * The right-hand side bound. In a sum of several terms, a term that names a subject code the table does not print,
   * a table the document leaves out (one the set does not require) or prints without a row, stands for zero: it is
   * left out. A term whose code row is missing is left out in a group too (`（「301」+「303」）行`).
   */
  private sum(terms: TermNode[], own: StandardTable, instance: Table): TermNode[] {
    const out: TermNode[] = [];
    const several = terms.length > 1 || terms.some((t) => t.operand.kind === 'group');
    for (const t of terms) {
      try {
        out.push(...this.term(t, own, instance, 'sum', several));
      } catch (e) {
        if (!(e instanceof Zero) || !several) throw e instanceof Zero ? new Missing(e.what) : e;
      }
    }
    if (!out.length) throw new Missing('…');
    return out;
  }

  private columnOnly(ref: RefNode): boolean {
    return ref.atoms.some((a) => a.unit === 'column' || a.eachRow) && !ref.atoms.some((a) => a.unit === 'row');
  }

  /** How many rows of a table print a figure. */
  private rowsDataOf(t: Table): number {
    let n = 0;
    for (const p of t.parts) for (const r of p.rows) if (r.cells.some((c) => c.kind === 'figure')) n++;
    return n;
  }

  /** A term bound: one term, or (a role several tables play, on a side that sums) one per table. */
  private term(term: TermNode, own: StandardTable, instance: Table, many: 'one' | 'sum', zero = false): TermNode[] {
    const op = term.operand;
    const set = this.roles.set;
    let st = own;
    let atoms = op.kind === 'ref' ? op.atoms : [];
    if (op.table && op.table.text.replace(/\s+/g, '') !== '本表') {
      const named = tableNamed(set, op.table.text);
      if (!named) throw new Missing(op.table.text);
      st = named;
    } else if (op.kind === 'ref' && atoms.length > 1 && nameAtom(atoms[0])) {
      const named = tableNamed(set, atoms[0].value);
      if (named) { st = named; atoms = atoms.slice(1); }
    }
    let tables: Table[];
    if (st === own) tables = [instance];
    else {
      tables = this.roles.instances(st);
      if (zero && (!tables.length ? !st.mandatory : tables.every((x) => x.parts.every((p) => !p.rows.length)))) throw new Zero(`「${st.title}」`);
      if (!tables.length) throw new Missing(`「${st.title}」`);
      if (tables.length > 1 && (many === 'one' || op.kind !== 'ref')) throw new Missing(`「${st.title}」`);
    }
    return tables.map((t) => {
      const key = this.roles.keyOf(t);
      this.byKey.set(key, t);
      const table = { text: key, span: NOWHERE };
      if (op.kind === 'group') {
        const items = op.items
          .map((it) => (it.atom ? { ...it, atom: this.atom({ ...it.atom, unit: it.atom.unit ?? op.unit, eachRow: it.atom.eachRow ?? op.eachRow }, st, t, undefined, instance) } : it))
          // A subject code the table does not print is zero (a classification table leaves out its empty classes).
          .filter((it) => !it.atom || !isCode(it.atom) || (it.atom.unit ?? op.unit) !== 'row' || findRows(t, it.atom).length);
        if (!items.some((it) => it.atom)) throw new Zero(`${op.items.map((it) => it.atom?.value).filter(Boolean).join('、')}`);
        const g: GroupNode = { ...op, table, items };
        return { sign: term.sign, operand: g };
      }
      let part: Part | undefined;
      const out: AtomNode[] = [];
      atoms.forEach((a, i) => {
        if (i === 0 && atoms.length > 1 && nameAtom(a)) {
          part = this.part(a.value, st, t);
          if (!part) throw new Missing(`「${a.value}」`);
          out.push({ ...a, value: part.name! });
        } else out.push(this.atom(a, st, t, part, instance));
      });
      const rowAtom = out.find((a) => a.unit === 'row');
      if (zero && rowAtom && isCode(rowAtom) && !findRows(t, rowAtom, part).length) throw new Zero(`「${rowAtom.value}」`);
      if (t !== instance && rowAtom && !out.some((a) => a.unit === 'column' || a.eachRow)) {
        // No column named: the row's first column that prints a figure (a text column — 单位名称 — is not one).
        const row = findRows(t, rowAtom, part)[0];
        const cols = row?.part.columns.filter((c) => c.role === 'figure') ?? [];
        const col = cols.find((c) => row.cells[c.index]?.kind !== 'text');
        if (col && col !== cols[0]) out.push({ value: col.path.join(''), quoted: true, unit: 'column', span: NOWHERE });
      }
      const ref: RefNode = { kind: 'ref', table, atoms: out, span: op.span };
      return { sign: term.sign, operand: ref };
    });
  }

  private part(name: string, st: StandardTable, t: Table): Part | undefined {
    for (const cand of [name, ...(st.partNames.get(nameKey(name)) ?? [])]) {
      const k = nameKey(cand);
      const p = t.parts.find((x) => x.name !== undefined && nameKey(x.name) === k);
      if (p) return p;
    }
    return undefined;
  }

  /** A row or column atom in the document's words. */
  private atom(a: AtomNode, st: StandardTable, t: Table, part: Part | undefined, instance: Table): AtomNode {
    if (!a.quoted) return a;
    const axis = a.unit ?? (a.eachRow ? 'column' : undefined);
    if (axis === 'row') {
      const v = this.rowName(a.value, st, t, part, instance);
      return v === undefined ? a : { ...a, value: v };
    }
    if (axis === 'column') {
      const v = this.columnName(a.value, st, t, part);
      return v === undefined ? a : { ...a, value: v };
    }
    return a;
  }

  /** The name this document prints for a row the set names `name` (or `{字段}`: the row of the form's project). */
  private rowName(name: string, st: StandardTable, t: Table, part: Part | undefined, instance: Table): string | undefined {
    const field = /^\{(.+)\}$/.exec(name.trim());
    if (field) {
      const k = nameKey(field[1]);
      const value = fieldsOf(instance).find((f) => nameKey(f.key) === k)?.value;
      if (!value) throw new Missing(`${field[1]}`);
      const row = projectRow(part ?? t, value);
      if (!row) throw new Missing(`「${value}」`);
      return row.code ?? row.label;
    }
    const names = [name, ...(st.rowNames.get(nameKey(name)) ?? [])];
    for (const cand of names) {
      if (findRows(t, { value: cand, quoted: true, span: NOWHERE }, part).length) return cand;
    }
    const rows = rowsIn(part ?? t);
    for (const cand of names) {
      const k = labelKey(cand);
      const r = rows.find((x) => x.label && labelKey(x.label) === k);
      if (r) return r.label;
    }
    return undefined;
  }

  /**
   * The name this document prints for a column the set names `name` (or `组/…/栏`: the column whose group path holds
   * these names, in any order — `预算数/合计` is 预算数{合计 …} and 合计{预算数 …} alike): its own name when unique in
   * its part, else its path.
   */
  private columnName(name: string, st: StandardTable, t: Table, part: Part | undefined): string | undefined {
    const parts = part ? [part] : t.parts;
    for (const cand of [name, ...(st.columnNames.get(nameKey(name)) ?? [])]) {
      const k = nameKey(cand);
      const components = cand.split('/').map(nameKey).filter(Boolean);
      for (const p of parts) {
        let c = components.length > 1 ? undefined : p.columns.find((x) => nameKey(x.name) === k) ?? p.columns.find((x) => nameKey(x.path.join('')) === k);
        if (components.length > 1) {
          const fits = p.columns.filter((x) => { const path = x.path.map(nameKey); return components.every((n) => path.includes(n)); });
          c = fits.sort((a, b) => a.path.length - b.path.length)[0];
          if (fits.length > 1 && fits[1].path.length === c?.path.length) c = undefined;
        }
        if (!c) continue;
        const unique = p.columns.filter((x) => nameKey(x.name) === nameKey(c.name)).length === 1;
        return unique ? c.name : c.path.join('');
      }
    }
    return undefined;
  }
}
