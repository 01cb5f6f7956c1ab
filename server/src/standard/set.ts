/**
 * A standard table set (标准表套): the tables a kind of disclosure must print (部门决算, 部门预算 …), written in the
 * `.budget` language itself (data/standard/*.budget, see docs/standard.md) and read here with the ordinary parser.
 *
 * A set file is a document whose header names the set (`标准表套：部门决算`, `别名：单位决算`, `类型：决算`, `来源：…`)
 * and whose tables are the standard tables, in their standard order: each with its title variants (`别名：`),
 * whether it is mandatory (`必备：否`) or printed once per project (`多张：是`), the other names its rows, columns and
 * parts go by (`行名：本年收入合计＝收入合计`, `栏名：…`, `部分名：…`), its template columns and rows, its 注, the
 * document quantities it holds (`数量：本年收入合计＝「本年收入合计」行`), the rows that are zero where a layout leaves
 * them out (`未列为零：上年结转结余`) and its identities as `规则：` lines naming
 * rows and columns by name and other tables by their standard title, each under the `来源：` that justifies it.
 */
import { buildDocument, fieldsOf, norm } from '../model/build';
import type { BudgetDocument, DocumentKind, Field, Table } from '../model/document';
import type { RefNode, RuleNode, TermNode } from '../syntax/ast';
import { parse } from '../syntax/parser';
import { conditionKind, type ConditionKind } from '../rules/declared';
import { exactTitleKey, nameKey, titleKey } from './names';

export interface StandardSet {
  /** The file's id (`juesuan`). */
  id: string;
  /** The set's name (`部门决算`). */
  name: string;
  /** Every name that selects it (`部门决算`, `单位决算`, its id). */
  names: string[];
  kind?: DocumentKind;
  source?: string;
  tables: StandardTable[];
  /** Orders the tables may be printed in, besides the file's (`表序：` lines of the header), by title key. */
  orders: StandardTable[][];
  /** The parsed set file. */
  document: BudgetDocument;
  /** What the file says that cannot be read (a rule naming no table of the set …): for the set's own test. */
  problems: string[];
}

export interface StandardTable {
  set: StandardSet;
  /** Its place in the set's order. */
  index: number;
  /** `收入支出决算总表` */
  title: string;
  /** `公开01表` */
  number?: string;
  /** The keys of its title and of its variants (see names.ts `titleKey`). */
  keys: string[];
  /** The same with `…情况表`, `…明细表` kept (names.ts `exactTitleKey`), its title's first: library.ts `titleRank`. */
  exactKeys: string[];
  /** A form (项目申报表 …): recognised by a heading that starts or ends with a variant. */
  form: boolean;
  mandatory: boolean;
  /** Printed once per project (项目申报表, 项目支出绩效自评表): several tables of the document may play it. */
  many: boolean;
  /** Other names, by the key of the name the rules use. */
  rowNames: Map<string, string[]>;
  columnNames: Map<string, string[]>;
  partNames: Map<string, string[]>;
  /**
   * Other names taken only where the table prints none of some rows (columns), by the name a rule writes and the other
   * name (`guardKey`): `行名：“三公”经费支出＝合计（无「会议费」「培训费」时）` — a 合计 is the 三公 total only in a table
   * that prints nothing else (`aliases`). The guard is its line's: another line may take the same name unguarded.
   */
  rowGuards: Map<string, string[]>;
  columnGuards: Map<string, string[]>;
  /**
   * The rows (their names' keys, as the rules write them) that stand for zero in a sum where the table does not print
   * them (`未列为零：上年结转结余；年终结转结余`): a carry-over a layout leaves out. Taken so only in a part every row of
   * which the set can name (bind.ts `partNamed`), so that one printed under a name the set does not know is never read
   * as absent.
   */
  zeroRows: ReadonlySet<string>;
  identities: Identity[];
  quantities: Quantity[];
  /** The template as the set file prints it: parts, columns, rows, 注. */
  template: Table;
}

export interface Identity {
  table: StandardTable;
  rule: RuleNode;
  /** How it reads (`「本年收入合计」行=(「一般公共预算财政拨款收入」+…)行`), with its condition. */
  text: string;
  /** Why it holds: the template's 注, the table's design … (the `来源：` above it). */
  source?: string;
  /** It names no other table and its condition no phrase: it can be checked within its table alone. */
  local: boolean;
  /**
   * What its condition asks, told once (rules/declared `conditionKind`): a phrase stated, an equality of figures, or
   * figures printed; undefined: no condition.
   */
  readonly conditionKind: ConditionKind | undefined;
}

export interface Quantity {
  table: StandardTable;
  /** `本年收入合计` */
  name: string;
  ref: RefNode;
}

/** Between title variants (`别名：甲；乙`): a title may hold `、`, and `｜` would make the line a table row. */
const NAME_SEPARATOR = /[；;]/;
const ALIAS_SEPARATOR = /[＝=]/;

function fieldValue(fields: readonly Field[], key: string): string | undefined {
  return fields.find((f) => norm(f.key) === key)?.value;
}

function yes(v: string | undefined, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  return /^(是|yes|true)$/i.test(norm(v));
}

function split(v: string | undefined, sep: RegExp): string[] {
  return (v ?? '').split(sep).map((x) => x.trim()).filter(Boolean);
}

/** Where `StandardTable.rowGuards`/`columnGuards` keep the guard of `other` standing for `name` (both as written). */
export function guardKey(name: string, other: string): string {
  return `${nameKey(name)}\u0001${nameKey(other)}`;
}

/** A guard after another name: `合计（无「会议费」「培训费」时）`, the names it lists. */
const GUARD = /[（(]无((?:「[^」]+」)+)时[）)]$/;

/**
 * `行名：A＝B＝C` lines into a map from each name's key to all the names, the one the rules use first; a name written
 * with a guard (`GUARD`) goes in without it, and the names of its guard into `guards` by its key: it stands for the
 * others only where the table prints none of them (bind.ts). A rule that names it itself takes it whatever the guard.
 */
function aliases(fields: readonly Field[], key: string, guards?: Map<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of fields) {
    if (norm(f.key) !== key) continue;
    const guarded: [string, string[]][] = [];
    const names = split(f.value, ALIAS_SEPARATOR).map((n) => {
      const g = GUARD.exec(n);
      if (!g) return n;
      const name = n.slice(0, g.index).trim();
      // `「会议费」「培训费」` (GUARD's group: names in corner brackets, one after the other).
      guarded.push([name, g[1].slice(1, -1).split('」「')]);
      return name;
    });
    for (const n of names) {
      out.set(nameKey(n), [n, ...names.filter((x) => x !== n)]);
      for (const [g, unless] of guarded) if (g !== n) guards?.set(guardKey(n, g), unless);
    }
  }
  return out;
}

/** A reference written on its own (`「收入」「总计」行`), read with the rule grammar. */
export function parseReference(text: string): RefNode | undefined {
  const tree = parse(`规则：${text}=${text}`);
  const line = tree.lines[0];
  if (tree.errors.length || line?.kind !== 'rules' || line.rules.length !== 1) return undefined;
  const op = line.rules[0].lhs[0]?.operand;
  return op?.kind === 'ref' ? op : undefined;
}

/** The operands of a rule and of its condition. */
function operandsOf(rule: RuleNode): TermNode[] {
  const c = rule.condition;
  return [...rule.lhs, ...rule.rhs, ...(c ? [...c.lhs, ...c.rhs] : [])];
}

/** Reads a set file. Never throws: what it cannot read is listed in `problems`. */
export function readStandardSet(id: string, text: string): StandardSet {
  const document = buildDocument(parse(text));
  const h = document.header;
  const hf = h.fields;
  const name = fieldValue(hf, '标准表套') ?? id;
  const set: StandardSet = {
    id, name, names: [name, ...split(fieldValue(hf, '别名'), NAME_SEPARATOR), id], kind: h.kind,
    source: fieldValue(hf, '来源'), tables: [], orders: [], document, problems: [],
  };
  for (const t of document.tables) {
    const fields = fieldsOf(t);
    const title = t.title || t.heading;
    const variants = [title, ...split(fieldValue(fields, '别名'), NAME_SEPARATOR)];
    const form = t.kind === 'form';
    const rowGuards = new Map<string, string[]>();
    const columnGuards = new Map<string, string[]>();
    const st: StandardTable = {
      set, index: set.tables.length, title, number: t.number, keys: [...new Set(variants.map((v) => titleKey(v)))],
      exactKeys: variants.map((v) => exactTitleKey(v)), form,
      mandatory: yes(fieldValue(fields, '必备'), !form), many: yes(fieldValue(fields, '多张'), form),
      rowNames: aliases(fields, '行名', rowGuards), columnNames: aliases(fields, '栏名', columnGuards),
      partNames: aliases(fields, '部分名'), rowGuards, columnGuards,
      zeroRows: new Set(fields.filter((f) => norm(f.key) === '未列为零').flatMap((f) => split(f.value, NAME_SEPARATOR)).map((n) => nameKey(n))),
      identities: [], quantities: [], template: t,
    };
    for (const f of fields) {
      if (norm(f.key) !== '数量') continue;
      const [qname, ...rest] = f.value.split(ALIAS_SEPARATOR);
      const ref = parseReference(rest.join('=').trim());
      if (!qname.trim() || !ref) set.problems.push(`${title}: 数量 “${f.value}”`);
      else st.quantities.push({ table: st, name: qname.trim(), ref });
    }
    const sources = fields.filter((f) => norm(f.key) === '来源');
    for (const r of t.rules) {
      const node = r.node;
      const source = [...sources].reverse().find((f) => f.span.start < node.span.start)?.value;
      const c = node.condition;
      const text = c ? `${node.text} 当 ${c.text}` : node.text;
      st.identities.push({ table: st, rule: node, text, source, local: false, conditionKind: conditionKind(c) });
    }
    set.tables.push(st);
  }
  for (const st of set.tables) for (const idn of st.identities) idn.local = isLocal(idn, set);
  for (const f of hf) {
    if (norm(f.key) !== '表序') continue;
    const order = split(f.value, NAME_SEPARATOR).map((v) => set.tables.find((t) => t.keys.includes(titleKey(v))));
    if (order.some((t) => !t)) set.problems.push(`表序 “${f.value}”`);
    else set.orders.push(order as StandardTable[]);
  }
  return set;
}

/** The names a set's rules give tables, each looked up once (they are few, and looked up for every binding). */
const namedTables = new WeakMap<StandardSet, Map<string, StandardTable | undefined>>();

/** The standard table a rule's table name names (`收入决算表`, `本表`), by title key; undefined: none of the set. */
export function tableNamed(set: StandardSet, text: string): StandardTable | undefined {
  let memo = namedTables.get(set);
  if (!memo) namedTables.set(set, (memo = new Map()));
  if (memo.has(text)) return memo.get(text);
  const k = titleKey(text);
  const st = set.tables.find((t) => t.keys.includes(k));
  memo.set(text, st);
  return st;
}

/** Whether an identity names only its own table (no other standard table, no phrase condition). */
function isLocal(idn: Identity, set: StandardSet): boolean {
  // A phrase the document states (`当「短语」`) is the whole document's; figures printed (`当（…）`) are of the tables they name.
  if (idn.conditionKind === 'phrase') return false;
  for (const term of operandsOf(idn.rule)) {
    const op = term.operand;
    if (op.table && norm(op.table.text) !== '本表') return false;
    if (op.kind === 'ref' && op.atoms.length > 1 && op.atoms[0].quoted && !op.atoms[0].unit && !op.atoms[0].eachRow) {
      const named = tableNamed(set, op.atoms[0].value);
      if (named && named !== idn.table) return false;
    }
  }
  return true;
}
