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
import { cellNumber, cellOf, isFigure, Kind, rowCount, rowsIn, splicesSince, StoredPart, storeOf } from '../model/rows';
import { RelationList, swappedRelation } from '../rules/compact';
import { byFigures, columnIn, conditionPhrase, conditionVerdict, DeclaredRules, rowsCodedAsSpliced, states, type Expansion, type RowAt, type RowWindow } from '../rules/declared';
import type { Relation } from '../rules/relation';
import type { ConditionNode, RuleNode } from '../syntax/ast';
import type { Messages } from '../i18n/messages';
import type { IdentityStateName, StandardMessages } from '../i18n/standard';
import { distinct, pushTo, range, sameItems } from '../util/arrays';
import { Numbering } from '../util/numbering';
import { fieldsOf, firstFigureColumn } from '../model/build';
import { Binder, conditionIsShared, conditionNamesField, fieldRowsOf, refIsOwnByName, type Binding, type Roles } from './bind';
import { nearest, recognise } from './library';
import { Recall } from './recall';
import { fieldsKey, Fitting, NO_TABLES, shapeAsBefore, shapeWas, tableKey, type ShapeTemplates } from './shapes';
import { SectionLines } from '../incremental/lines';
import type { Identity, Quantity, StandardSet, StandardTable } from './set';

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
  /** Identities applied once per table shape (kept by the analyzer; none: each table bound on its own). */
  shapes?: ShapeTemplates;
  /** With `shapes`: what a document read afresh gave is recalled for a document of the same tables read afresh (./recall). */
  recall?: boolean;
}

/** What one section gives: its tables' standard roles, its local identities applied (their relations in its list). */
export interface SectionStandard {
  recognitions: Map<Table, StandardTable>;
  applied: AppliedIdentity[];
  /** Where its identities' relations are in its list: [from, to), after the section's own. */
  from?: number;
  to?: number;
}

/** A section's last version, which a section read again may carry its identities over from (`applySection`). */
export interface SectionBefore {
  document: BudgetDocument;
  relations: RelationList;
  standard: SectionStandard;
}

/** A number for each cell: a stored cell by its part and its number in the store, any other cell by itself. */
const partNumbers = new Numbering<StoredPart>();
const cellNumbers = new Numbering<Cell>();

/** How many cells a part's numbers leave room for (a cell's number is its part's times this, plus the cell). */
const CELLS = 2 ** 26;

/**
 * The last two parts numbered, and their numbers (most relations in a row are about one part, or two: a form's and
 * the table that prints its project — no map asked).
 */
let lastPart: StoredPart | undefined;
let lastNumber = 0;
let otherPart: StoredPart | undefined;
let otherNumber = 0;

function storedKey(part: StoredPart, cell: number): number {
  if (part !== lastPart) {
    let n: number | undefined;
    if (part === otherPart) n = otherNumber;
    else {
      n = partNumbers.of(part);
    }
    otherPart = lastPart;
    otherNumber = lastNumber;
    lastPart = part;
    lastNumber = n;
  }
  return lastNumber * CELLS + cell;
}

function cellKey(c: Cell): number {
  const i = cellNumber(c);
  if (i >= 0) return storedKey(c.row.part as StoredPart, i);
  return -cellNumbers.of(c);
}

function targetKey(list: RelationList, i: number): number {
  const p = list.targetPartOf(i);
  return p >= 0 ? storedKey(list.parts[p], list.targetCellOf(i)) : cellKey(list.relation(i).target);
}

/**
 * A relation's terms as cell numbers and signs, written into `keys` and `signs` (arrays reused from one relation to
 * the next: thousands are compared per version); with `printed`, only the cells that print a figure (blank and `—`
 * cells add nothing). Returns how many.
 */
function termsInto(list: RelationList, i: number, printed: boolean, keys: number[], signs: number[]): number {
  const n = list.termsOf(i);
  let m = 0;
  if (n < 0) {
    for (const t of list.relation(i).terms) {
      if (printed && (t.cell.kind === 'empty' || t.cell.kind === 'dash')) continue;
      keys[m] = cellKey(t.cell);
      signs[m++] = t.sign;
    }
    return m;
  }
  for (let k = 0; k < n; k++) {
    const part = list.parts[list.termPartOf(i, k)];
    const cell = list.termCellOf(i, k);
    if (printed) {
      const kind = part.store.kind(cell);
      if (kind === Kind.Empty || kind === Kind.Dash) continue;
    }
    keys[m] = storedKey(part, cell);
    signs[m++] = list.termSignOf(i, k);
  }
  return m;
}

const ourKeys: number[] = [];
const ourSigns: number[] = [];
const theirKeys: number[] = [];
const theirSigns: number[] = [];

/**
 * What `RelationIndex.find` asks of each relation of a list, computed once for the list (a kept list is asked again
 * for every version): whether it is a sum or an equality, its target's number, and its only term's, when it has one.
 */
interface Keys {
  /** How many relations' keys are filled (the array may be longer: a scratch list's is not shrunk). */
  count: number;
  /** The version of the list they were filled for (`RelationList.version`): a list emptied since is filled anew. */
  version: number;
  /**
   * Relation i's at `KEYS` i: its target's number (NaN: neither a sum nor an equality, not compared), its only term's
   * (NaN: not one term) and that term's sign (0: none). One typed array, made as long as the relations asked for:
   * four plain arrays grown a number at a time were most of what the keys allocated, and an array made by its length
   * alone has holes, from which every number read is boxed (`lookUp` allocated twice what it did).
   */
  at: Float64Array;
}

/** No number (a list's keys before it is first asked for; it has no room to write to). */
const NO_NUMBERS = new Float64Array(0);

/** How many numbers a relation's keys take in `Keys.at`. */
const KEYS = 3;

/** Keys of no relation (a list's, before it is first asked for). */
function noKeys(version: number): Keys {
  return { count: 0, version, at: NO_NUMBERS };
}

/** Fills the keys of relations [from, to) of a list, relation i at `KEYS` i (the array made that long, at once). */
function fillKeys(list: RelationList, keys: Keys, from: number, to: number): Keys {
  keys.count = to;
  keys.version = list.version;
  let at = keys.at;
  if (at.length < KEYS * to) {
    // A list asked for again as it grows (the pass's forms' list) grows its keys by half again, not by what it asks.
    const grown = new Float64Array(at.length ? Math.max(KEYS * to, at.length + (at.length >> 1)) : KEYS * to);
    grown.set(at.subarray(0, KEYS * from));
    keys.at = at = grown;
  }
  for (let i = from, o = KEYS * from; i < to; i++, o += KEYS) {
    at[o] = NaN;
    at[o + 1] = NaN;
    at[o + 2] = 0;
    const kind = list.kindOf(i);
    if (kind !== 'sum' && kind !== 'same') continue;
    at[o] = targetKey(list, i);
    const count = list.termsOf(i);
    if (count === 1) {
      at[o + 1] = storedKey(list.parts[list.termPartOf(i, 0)], list.termCellOf(i, 0));
      at[o + 2] = list.termSignOf(i, 0);
    } else if (count < 0 && list.relation(i).terms.length === 1) {
      const t = list.relation(i).terms[0];
      at[o + 1] = cellKey(t.cell);
      at[o + 2] = t.sign;
    }
  }
  return keys;
}

/**
 * The keys of a list that is only appended to (an identity's own, kept; the pass's list of forms' relations made by
 * shape), for its relations up to `to`: made as they are first asked for, and kept with the list.
 */
const listKeys = new WeakMap<RelationList, Keys>();

/** The list last asked for, and its keys (the forms' identities of a pass ask for one list, one after the other). */
let lastKeyed: RelationList | undefined;
let lastKeys: Keys | undefined;

function keysFor(list: RelationList, to: number): Keys {
  let keys = list === lastKeyed ? lastKeys : listKeys.get(list);
  if (!keys) listKeys.set(list, (keys = noKeys(list.version)));
  lastKeyed = list;
  lastKeys = keys;
  if (keys.version !== list.version) keys.count = 0;
  return to > keys.count ? fillKeys(list, keys, keys.count, to) : keys;
}

/**
 * A list's relations by target, to find one that says the same as a relation of another list: same target, same
 * printed terms with the same signs (blank cells add nothing and are left out), or the two sides of one equality
 * swapped. Cells are compared by number: no relation is made an object for it.
 */
class RelationIndex {
  /**
   * By target: a stored cell's relations by its part's number (`storedKey`) — for each cell of the part, its first and
   * last relation (each plus one, 0: none) at 2c and 2c + 1 of the part's run of `pool`, which `byPartMap` gives (its
   * length first) — and a cell outside the stores' by its number; each relation's next one of the same target in
   * `next` (plus one). No object is made per relation, nor an array per part (3,000 forms' parts at each keystroke).
   * The arrays are the process's (`POOL`, `MARKS`, `NEXT`: appliers run one at a time); a cell's pair is this index's
   * only when its mark is `mark` — a part's run is not emptied when it is given, however many cells the part has.
   */
  private byPartMap?: Map<number, number>;
  private pool = POOL;
  private marks = MARKS;
  private readonly mark = nextMark();
  private pooled = 0;
  private byObjectMap?: Map<number, number[]>;
  private next = NEXT;
  private indexed = 0;
  /**
   * The last two parts' numbers looked up, and where their cells are in `pool` (most relations in a row are about one
   * or two parts: a form's, and the table that prints its project).
   */
  private lastHi = -1;
  private lastAt = -1;
  private otherHi = -1;
  private otherAt = -1;

  constructor(private readonly list: RelationList) {}

  /**
   * Where the cells of the part numbered `hi` are in `pool` (its length at that place, its cells after it): −1 when
   * it has none yet and `list` is not given, else made for the store of relation `i` of `list`'s target.
   */
  private cells(hi: number, list?: RelationList, i = 0): number {
    if (hi === this.lastHi) return this.lastAt;
    let at: number;
    if (hi === this.otherHi) at = this.otherAt;
    else {
      if (!list && !this.byPartMap) return -1;
      const byPart = (this.byPartMap ??= new Map());
      at = byPart.get(hi) ?? -1;
      if (at < 0) {
        if (!list) return -1;
        const size = 2 * cellsOfTarget(list, i);
        at = this.pooled;
        if (at + 1 + size > this.pool.length) {
          const length = Math.max(2 * this.pool.length, at + 1 + size);
          const pool = new Int32Array(length);
          const marks = new Int32Array(length);
          pool.set(this.pool.subarray(0, at));
          marks.set(this.marks.subarray(0, at));
          this.pool = POOL = pool;
          this.marks = MARKS = marks;
        }
        this.pool[at] = size;
        this.pooled = at + 1 + size;
        byPart.set(hi, at);
      }
    }
    this.otherHi = this.lastHi;
    this.otherAt = this.lastAt;
    this.lastHi = hi;
    this.lastAt = at;
    return at;
  }

  /** Relation `indexed` of the list, whose target is `key`: relation i of `list`'s (its part's cells counted there). */
  private index(key: number, list: RelationList, i: number): void {
    const id = this.indexed++;
    const hi = Math.floor(key / CELLS);
    const lo = key - hi * CELLS;
    const at = key < 0 ? -1 : this.cells(hi, list, i);
    if (at < 0 || 2 * lo >= this.pool[at]) {
      // A cell outside the stores (or past its part's cells: not met) by its number.
      const byObject = (this.byObjectMap ??= new Map());
      const ids = byObject.get(key);
      if (ids) ids.push(id); else byObject.set(key, [id]);
      return;
    }
    if (id >= this.next.length) {
      const next = new Int32Array(Math.max(2 * this.next.length, id + 1, 16));
      next.set(this.next.subarray(0, id));
      this.next = NEXT = next;
    }
    this.next[id] = 0;
    const pool = this.pool;
    const c = at + 1 + 2 * lo;
    const last = this.marks[c] === this.mark ? pool[c + 1] : 0;
    if (last) this.next[last - 1] = id + 1;
    else {
      pool[c] = id + 1;
      this.marks[c] = this.mark;
    }
    pool[c + 1] = id + 1;
  }

  /** The relations found by `withTarget`, in order (written over by each call: read before the next). */
  private readonly found: number[] = [];

  private withTarget(key: number): readonly number[] {
    const hi = Math.floor(key / CELLS);
    const at = key < 0 ? -1 : this.cells(hi);
    const lo = key - hi * CELLS;
    if (at < 0 || 2 * lo >= this.pool[at]) return this.byObjectMap?.get(key) ?? NONE;
    const c = at + 1 + 2 * lo;
    let id = this.marks[c] === this.mark ? this.pool[c] : 0;
    if (!id) return NONE;
    const found = this.found;
    found.length = 0;
    for (; id; id = this.next[id - 1]) found.push(id - 1);
    return found;
  }

  /**
   * The relations of the list not yet indexed, indexed. Most are the document's own (thousands, at the applier's first
   * look-up), whose targets' parts alternate past `storedKey`'s two last ones: each of the list's parts is numbered
   * once here (`PART_KEYS`, by its number in the list), not once per relation.
   */
  update(): void {
    const list = this.list;
    if (this.indexed >= list.count) return;
    const parts = list.parts;
    let numbers = PART_KEYS;
    if (numbers.length < parts.length) numbers = PART_KEYS = new Float64Array(Math.max(parts.length, 2 * numbers.length));
    numbers.fill(-1, 0, parts.length);
    while (this.indexed < list.count) {
      const i = this.indexed;
      const p = list.targetPartOf(i);
      let key: number;
      if (p >= 0) {
        let n = numbers[p];
        if (n < 0) numbers[p] = n = partNumbers.of(parts[p]);
        key = n * CELLS + list.targetCellOf(i);
      } else key = cellKey(list.relation(i).target);
      this.index(key, list, i);
    }
  }

  /** The number in the list of a relation saying what relation i of `from` (whose keys are `keys` at `k`) says. */
  find(from: RelationList, i: number, keys: Keys): number | undefined {
    this.update();
    return this.lookUp(from, i, keys);
  }

  /** `find`, among the relations indexed (those of the list past them are not looked at). */
  lookUp(from: RelationList, i: number, keys: Keys): number | undefined {
    const target = keys.at[KEYS * i];
    if (Number.isNaN(target)) return undefined;
    const list = this.list;
    const same = this.withTarget(target);
    if (same.length) {
      const n = termsInto(from, i, true, ourKeys, ourSigns);
      for (const j of same) {
        const kind = list.kindOf(j);
        if ((kind === 'sum' || kind === 'same') && sameTerms(n, termsInto(list, j, true, theirKeys, theirSigns))) return j;
      }
    }
    const only = keys.at[KEYS * i + 1];
    if (!Number.isNaN(only)) {
      for (const j of this.withTarget(only)) {
        const count = list.termsOf(j);
        if ((count === 1 || count < 0) && termsInto(list, j, false, theirKeys, theirSigns) === 1 && theirKeys[0] === target && theirSigns[0] === keys.at[KEYS * i + 2]) return j;
      }
    }
    return undefined;
  }

  /** Relation i of `from` (its keys at `k`) was appended to the list. */
  appended(from: RelationList, i: number, keys: Keys): void {
    const target = keys.at[KEYS * i];
    this.index(Number.isNaN(target) ? targetKey(from, i) : target, from, i);
  }
}

const NONE: readonly number[] = [];

/**
 * The numbers of a list's parts (`partNumbers`), by their number in the list, while `RelationIndex.update` indexes it
 * (−1: not asked yet; filled anew at each call, appliers run one at a time).
 */
let PART_KEYS = new Float64Array(64);

/** The relation indexes' arrays (`RelationIndex`), kept from one applier to the next unless longer than `KEPT_IDS`. */
let POOL = new Int32Array(0);
let MARKS = new Int32Array(0);
let NEXT = new Int32Array(0);
const KEPT_IDS = 1 << 19;
let marked = 0;

/** A mark no pair of `POOL` holds yet (all cleared when they run out). */
function nextMark(): number {
  if (marked === 0x7fffffff) {
    MARKS.fill(0);
    marked = 0;
  }
  return ++marked;
}

/** How many cells the store of relation i's target holds (0: the target is not a stored cell). */
function cellsOfTarget(list: RelationList, i: number): number {
  const p = list.targetPartOf(i);
  if (p >= 0) return list.parts[p].store.cellCount;
  return storeOf(list.relation(i).target.row.part)?.cellCount ?? 0;
}

/** Whether `a` terms (ourKeys/ourSigns) and `b` terms (theirKeys/theirSigns) are the same. */
function sameTerms(a: number, b: number): boolean {
  if (a !== b) return false;
  const has = (keys: number[], signs: number[], n: number, key: number, sign: number) => {
    for (let k = 0; k < n; k++) if (keys[k] === key && signs[k] === sign) return true;
    return false;
  };
  if (a <= 8) {
    // Few terms (the common case): each of one side's terms on the other.
    for (let k = 0; k < a; k++) if (!has(theirKeys, theirSigns, b, ourKeys[k], ourSigns[k])) return false;
    for (let k = 0; k < b; k++) if (!has(ourKeys, ourSigns, a, theirKeys[k], theirSigns[k])) return false;
    return true;
  }
  const left = new Map<number, number>();
  for (let k = 0; k < a; k++) left.set(ourKeys[k], (left.get(ourKeys[k]) ?? 0) + ourSigns[k]);
  for (let k = 0; k < b; k++) left.set(theirKeys[k], (left.get(theirKeys[k]) ?? 0) - theirSigns[k]);
  for (const v of left.values()) if (v !== 0) return false;
  return true;
}

/**
 * What an identity applied between tables gave, and what it read: kept from one version of a document to the next,
 * and taken again while the tables it read are the same objects with the same parts (their rows unchanged) and the
 * roles it asked for are played by the same tables.
 */
class Kept {
  missing: string | undefined = undefined;
  /** For a condition that is a phrase (`当「…」`): whether the document stated it. */
  stated: boolean | undefined = undefined;
  /** For a condition that is an equality (`当 C=D`): whether it held (undefined: it named nothing). */
  holds: boolean | undefined = undefined;
  /**
   * Its relations are [from, to) of `made` (a form's, made from the template of its shape, go into one list for all
   * the forms of a pass: no list of its own per form); `to` −1: to the end of `made`.
   */
  from = 0;
  to = -1;
  /** Made in `SHAPED` from the template of its table's shape: not kept (an identity within one section). */
  byShape = false;
  /**
   * A table it read was renewed since `made` was made (its relations went on through the segment, about the new
   * parts): `made` is not taken again.
   */
  renewed = false;

  /**
   * Made from a template (./shapes) for this table, which it read besides `touched` (then the other tables it read:
   * one list for the forms that read the same, not one per form).
   */
  table: Table | undefined = undefined;

  /**
   * Every field is always present, set in this order (one hidden class: thousands are read per keystroke).
   * `made`: the relations it made (before the document's own equal ones were taken instead), without rule spans;
   * `touched`: the tables it read (a part whose rows change is a new part: `StandardCache.parts` says whether they
   * did) — tables of the version it was applied to — but `table`; `consulted`: the roles it asked who plays.
   */
  constructor(readonly outcome: AppliedIdentity['outcome'], readonly made: RelationList, readonly touched: readonly Table[], readonly consulted: readonly StandardTable[]) {}

  /** The same, marked renewed. */
  renewedCopy(): Kept {
    // Every field copied (one added later too), in the order the constructor set them: the same hidden class.
    const k = Object.assign(new Kept(this.outcome, this.made, this.touched, this.consulted), this);
    k.renewed = true;
    return k;
  }
}

/**
 * The identities between tables applied to the last version of a document, by identity and table, with what they
 * depend on as it was then: each table's parts, each role's tables. A kept identity whose tables and roles are as they
 * were is taken again (a figure retyped renews no part: nothing is bound again).
 */
export interface StandardCache {
  identities: Map<Identity, Map<Table, Kept>>;
  parts: Map<Table, Part[]>;
  roles: Map<StandardTable, Table[]>;
  /**
   * Where the identities between tables put their relations in the document's list `list`: at [from, to), after the
   * relations it held before them ([0, from)); and what each applied identity took there, in order.
   */
  segment?: { list: RelationList; from: number; to: number; applied: Item[] };
  /**
   * Kept identities carried as blocks (`Block`: a run of tables, the forms', each with all its identities between
   * tables), not listed in `identities`: a block whose tables, the tables its identities read and the roles they asked
   * for stand, and whose conditions read as they did, is taken again whole.
   */
  blocks?: readonly Block[];
}

/**
 * What is not as it was in the last version: the tables whose parts were renewed (or that came or went), the roles
 * played by other tables — known only when asked (a keystroke that renews nothing, or tables read again alike, asks
 * only for `all`). The changed are listed (a set past 8: `Changed`), not the unchanged: an edit changes a table or
 * two, and thousands of kept identities ask whether theirs is among them (their few tables compared with the few
 * changed, no unchanged table hashed).
 */
class Unchanged {
  /** Every table and every role (a figure retyped): every kept identity stands, none needs asking. */
  readonly all: boolean;
  private tablesChanged?: Changed<Table>;
  private rolesChanged?: Changed<StandardTable>;

  constructor(private readonly before: StandardCache, private readonly now: StandardCache) {
    this.all = allAsBefore(before.parts, now.parts) && allAsBefore(before.roles, now.roles);
  }

  /** Whether each of `roles` is played by the tables that played it. */
  rolesStand(roles: readonly StandardTable[]): boolean {
    return !(this.rolesChanged ??= changed(this.before.roles, this.now.roles)).any(roles);
  }

  /** Whether a table of `tables` is not as it was (a few changed tables looked up in the set). */
  anyChanged(tables: ReadonlySet<Table>): boolean {
    return (this.tablesChanged ??= changed(this.before.parts, this.now.parts)).anyIn(tables);
  }

  /** Whether `table` is not as it was: its parts renewed, or it came or went. */
  tableChanged(table: Table): boolean {
    return (this.tablesChanged ??= changed(this.before.parts, this.now.parts)).has(table);
  }

  /**
   * Whether `table` and each of `tables` have the parts they had, and each role of `roles` the tables that played it.
   * The tables a kept identity read are tables of the last version (it was applied to it, and they were as they were
   * then): one is as it was unless it is among the tables that changed.
   */
  stand(table: Table | undefined, tables: readonly Table[], roles: readonly StandardTable[]): boolean {
    const changedTables = (this.tablesChanged ??= changed(this.before.parts, this.now.parts));
    if (table && changedTables.has(table)) return false;
    // The forms' identities share their lists of other tables and of roles (./shapes): each list answered once.
    if (tables !== this.lastTables) {
      this.lastTables = tables;
      this.lastTablesStand = !changedTables.any(tables);
    }
    if (roles !== this.lastRoles) {
      this.lastRoles = roles;
      this.lastRolesStand = !(this.rolesChanged ??= changed(this.before.roles, this.now.roles)).any(roles);
    }
    return this.lastTablesStand && this.lastRolesStand;
  }

  /** The lists of tables and of roles last asked about, and the answers. */
  private lastTables?: readonly Table[];
  private lastTablesStand = false;
  private lastRoles?: readonly StandardTable[];
  private lastRolesStand = false;
}

/** Keys that changed: a few listed, more in a set. */
class Changed<K> {
  private set?: Set<K>;

  constructor(private readonly keys: readonly K[]) {
    if (keys.length > 8) this.set = new Set(keys);
  }

  has(x: K): boolean {
    return this.set ? this.set.has(x) : this.keys.includes(x);
  }

  /** Whether one of them is in `set`. */
  anyIn(set: ReadonlySet<K>): boolean {
    for (const k of this.keys) if (set.has(k)) return true;
    return false;
  }

  /** Whether one of `xs` is among them. */
  any(xs: readonly K[]): boolean {
    if (!this.keys.length) return false;
    for (const x of xs) if (this.has(x)) return true;
    return false;
  }
}

/**
 * Whether `now` holds the keys of `before`, in the same order, each with the same items (a table renewed answers at
 * once). Tables moved past each other are not as they were: the identities are applied in the document's order, and
 * where two give the same relation the first one applied keeps it.
 */
function allAsBefore<K, V>(before: ReadonlyMap<K, readonly V[]>, now: ReadonlyMap<K, readonly V[]>): boolean {
  if (before.size !== now.size) return false;
  const was = before.entries();
  for (const [k, list] of now) {
    const [j, old] = was.next().value as [K, readonly V[]];
    if (j !== k || !sameItems(list, old)) return false;
  }
  return true;
}

/** The keys of `before` and `now` whose lists are not as they were: gone, new, or with other items. */
function changed<K, V>(before: ReadonlyMap<K, readonly V[]>, now: ReadonlyMap<K, readonly V[]>): Changed<K> {
  const out: K[] = [];
  for (const [k, was] of before) {
    const list = now.get(k);
    if (!list || !sameItems(list, was)) out.push(k);
  }
  for (const k of now.keys()) if (!before.has(k)) out.push(k);
  return new Changed(out);
}

/** An identity as applied (a class: thousands are made per version, their relations made only when asked). */
class Applied implements AppliedIdentity {
  readonly outcome: AppliedIdentity['outcome'];
  readonly missing?: string;
  private made?: Relation[];

  /**
   * `ids`: its relations' numbers in `out`, or (a number) the first of `count` in a row — most identities take none of
   * the document's (no array per identity).
   */
  constructor(readonly identity: Identity, readonly table: Table, k: { readonly outcome: AppliedIdentity['outcome']; readonly missing?: string }, private readonly out: RelationList, private readonly ids: number[] | number, private readonly count = 0) {
    this.outcome = k.outcome;
    if (k.missing) this.missing = k.missing;
  }

  /**
   * How many relations it appended to its list, when every relation it made was its own there (none was equal to one
   * the list held before it: appended in a row); −1 when one was taken from the list.
   */
  get ownCount(): number {
    return typeof this.ids === 'number' ? this.count : -1;
  }

  /** The number in its list of its first relation, when they are its own in a row (`ownCount`); −1 otherwise. */
  get at(): number {
    return typeof this.ids === 'number' ? this.ids : -1;
  }

  get relations(): Relation[] {
    if (this.made) return this.made;
    const ids = this.ids;
    if (typeof ids !== 'number') return (this.made = ids.map((i) => this.out.relation(i)));
    const out: Relation[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.out.relation(ids + i));
    return (this.made = out);
  }

  /** The same, for `table` (the one it was applied for, or the one that replaced it), its relations at the same numbers of another list. */
  in(out: RelationList, table = this.table): Applied {
    return new Applied(this.identity, table, this, out, this.ids, this.count);
  }
}

/** A standard table's identities between tables, in its order: those the document's pass applies to each table it plays. */
function between(st: StandardTable): readonly Identity[] {
  let ids = betweenOf.get(st);
  if (!ids) betweenOf.set(st, (ids = st.identities.filter((idn) => !idn.local)));
  return ids;
}

const betweenOf = new WeakMap<StandardTable, Identity[]>();

/**
 * Identities between tables kept as one block: a run of consecutive tables of the document's pass (the forms: 3,000
 * of them in a large 部门预算), each with all its identities between tables (`between`), whose relations were their own
 * in a row — one range of one list (`list` [from, to)), copied as it was into the document's list. Made once by the
 * pass that applied them one by one (`Applier.tableApplied`), taken again whole by the next versions while its tables
 * are those of the pass in the same order, none of them nor of the tables its identities read (`watch`, which also
 * holds every table a relation of the range reads) changed, the roles they asked for (`roles`) played by the same
 * tables, and its conditions reading as they did (`phrases` stated or not, `conditions` that name only other tables
 * holding or not): nothing visited identity by identity. Its identities' results are found from it when asked
 * (`KeptLookup`, `StandardReport.applied`, `dissolve`).
 */
class Block {
  constructor(
    readonly tables: readonly Table[],
    readonly sts: readonly StandardTable[],
    /** Each identity's kept result, in the order applied: table by table, each table's `between` in order. */
    readonly kept: readonly Kept[],
    /** Their relations, in order (those of their lists, or a copy of them in one when they were not one range of one). */
    readonly list: RelationList,
    readonly from: number,
    readonly to: number,
    readonly watch: ReadonlySet<Table>,
    readonly roles: readonly StandardTable[],
    readonly phrases: ReadonlyMap<string, boolean>,
    readonly conditions: ReadonlyMap<Identity, boolean>,
  ) {}

  /**
   * Each identity in order: its table, its kept result, and its relations — where they begin, from the block's first
   * (`from` of `list`: the block's relations are its identities', in order), and how many.
   */
  each(f: (identity: Identity, table: Table, k: Kept, offset: number, count: number) => void): void {
    let e = 0;
    let offset = 0;
    for (let j = 0; j < this.tables.length; j++) {
      for (const idn of between(this.sts[j])) {
        const k = this.kept[e++];
        const count = (k.to < 0 ? k.made.count : k.to) - k.from;
        f(idn, this.tables[j], k, offset, count);
        offset += count;
      }
    }
  }
}

/** A block of a version: its relations at [at, at + to − from) of the document's list. */
class BlockAt {
  constructor(readonly block: Block, readonly at: number) {}
}

/** What a version applied between tables, in order: an identity applied to a table, or a block of them. */
type Item = Applied | BlockAt;

/** The identities of a block as applied (`Applied`), their relations in `out` (the block at `at` of it). */
function appliedOf(b: Block, at: number, out: RelationList): Applied[] {
  const applied: Applied[] = [];
  b.each((idn, t, k, offset, count) => applied.push(new Applied(idn, t, k, out, at + offset, count)));
  return applied;
}

/** The last version's kept results, by identity and table: listed, or in a block (found there when first asked). */
class KeptLookup {
  private index?: Map<Table, { block: Block; st: StandardTable; e: number }>;

  constructor(private readonly identities: StandardCache['identities'], private readonly blocks: readonly Block[]) {}

  get(identity: Identity, table: Table): Kept | undefined {
    const k = this.identities.get(identity)?.get(table);
    if (k || !this.blocks.length) return k;
    if (!this.index) {
      this.index = new Map();
      for (const block of this.blocks) {
        let e = 0;
        for (let j = 0; j < block.tables.length; j++) {
          this.index.set(block.tables[j], { block, st: block.sts[j], e });
          e += between(block.sts[j]).length;
        }
      }
    }
    const at = this.index.get(table);
    const i = at ? between(at.st).indexOf(identity) : -1;
    return i < 0 ? undefined : at!.block.kept[at!.e + i];
  }
}

/** The identities kept with those of the blocks `gone` listed by identity and table (a new map where one is added to). */
function dissolveKept(identities: StandardCache['identities'], gone: ReadonlySet<Block>): StandardCache['identities'] {
  const kept: StandardCache['identities'] = new Map(identities);
  const copied = new Set<Identity>();
  for (const b of gone) {
    b.each((idn, t, k) => {
      let byTable = kept.get(idn);
      if (!copied.has(idn)) {
        copied.add(idn);
        kept.set(idn, (byTable = new Map(byTable)));
      }
      byTable!.set(t, k);
    });
  }
  return kept;
}

/** A version's items with the blocks `gone` taken apart: their identities as applied, in `out` (the version's list). */
function dissolveItems(items: readonly Item[], gone: ReadonlySet<Block>, out: RelationList): Item[] {
  const list: Item[] = [];
  for (const item of items) {
    if (item instanceof BlockAt && gone.has(item.block)) for (const a of appliedOf(item.block, item.at, out)) list.push(a);
    else list.push(item);
  }
  return list;
}

/**
 * The last version's identities between tables, walked in step with this pass's (both apply them in the document's
 * order of tables, and of each table's identities), so that a kept identity's relations are copied into the
 * document's list without looking each up (`Applier.apply`), and a block of them taken whole (`Applier.carry`). Its
 * relations are its own again — none equal to one the
 * list holds before them — when they were its own then (`Applied.ownCount`: none was equal to one the list held
 * before them), none holds a cell of a changed table, and every relation the list holds before them now that it did
 * not hold then is anchored in a changed table: its target there, or a term there that prints a figure. An equal
 * relation has the same target and the same printed terms, or is the one-term equality with its two cells swapped
 * (`RelationIndex.lookUp`): it would hold that cell too. Cells of the tables that stand keep their kinds (a blank
 * cell typed into, or a figure blanked, reads its row again: a new part, its table changed: `RowStore.sameShape`), so
 * relations of theirs that differed then differ now.
 */
class Walk {
  /** The next of the last version's items. */
  at = 0;
  /** Within a block: its table, and the identity of that table's (`between`), and the kept result, next. */
  private j = 0;
  private i = 0;
  private e = 0;
  /** False once a relation appended is not known to be anchored in a changed table, or the walk lost step: no more copied. */
  on = true;

  constructor(readonly applied: readonly Item[], private readonly unchanged: Unchanged) {}

  /** The block the walk stands at the beginning of. */
  blockHere(): BlockAt | undefined {
    const item = this.applied[this.at];
    return this.on && this.e === 0 && item instanceof BlockAt ? item : undefined;
  }

  /** Past the block it stands at the beginning of. */
  skip(): void {
    this.at++;
  }

  /**
   * Steps past the last version's next applied identity: how many relations it appended as its own when it is
   * `identity` applied to `table` (−1: one was the list's); −2, and the walk off, when it is not.
   */
  next(identity: Identity, table: Table): number {
    const item = this.applied[this.at];
    if (item instanceof Applied) {
      this.at++;
      if (item.identity === identity && item.table === table) return item.ownCount;
    } else if (item) {
      const b = item.block;
      // A table of no identity between tables has none to step past.
      while (this.j < b.tables.length && this.i >= between(b.sts[this.j]).length) {
        this.j++;
        this.i = 0;
      }
      if (this.j < b.tables.length) {
        const same = between(b.sts[this.j])[this.i] === identity && b.tables[this.j] === table;
        const k = b.kept[this.e];
        this.i++;
        this.e++;
        if (this.e === b.kept.length) {
          this.at++;
          this.j = this.i = this.e = 0;
        }
        // Its relations were its own by the block's making.
        if (same) return (k.to < 0 ? k.made.count : k.to) - k.from;
      }
    }
    this.on = false;
    return -2;
  }

  changed(p: Part): boolean {
    return this.unchanged.tableChanged(p.table);
  }

  /** Whether relations [from, to) of `list` hold no cell of a changed table. */
  clean(list: RelationList, from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const p = list.targetPartOf(i);
      if (p < 0) {
        const rel = list.relation(i);
        if (this.changed(rel.target.row.part) || rel.terms.some((t) => this.changed(t.cell.row.part))) return false;
        continue;
      }
      if (this.changed(list.parts[p])) return false;
      for (let k = 0, n = list.termsOf(i); k < n; k++) if (this.changed(list.parts[list.termPartOf(i, k)])) return false;
    }
    return true;
  }

  /** Whether every relation [from, count) of `list` is anchored in a changed table (its target, or a printed term). */
  anchored(list: RelationList, from: number): boolean {
    for (let i = from; i < list.count; i++) {
      const p = list.targetPartOf(i);
      if (p < 0) {
        const rel = list.relation(i);
        if (!this.changed(rel.target.row.part) && !rel.terms.some((t) => t.cell.kind !== 'empty' && t.cell.kind !== 'dash' && this.changed(t.cell.row.part))) return false;
        continue;
      }
      if (this.changed(list.parts[p])) continue;
      let found = false;
      for (let k = 0, n = list.termsOf(i); k < n && !found; k++) {
        const q = list.parts[list.termPartOf(i, k)];
        if (!this.changed(q)) continue;
        const kind = q.store.kind(list.termCellOf(i, k));
        found = kind !== Kind.Empty && kind !== Kind.Dash;
      }
      if (!found) return false;
    }
    return true;
  }
}

/** How many relations kept identities had copied without look-ups (`Walk`): what the tests ask was done. */
export const ownCopied = { count: 0 };
/** How many blocks of kept identities were taken whole (`Applier.carry`), and how many identities they held. */
export const blocksCarried = { count: 0, identities: 0 };
/** How many kept identities had their relations moved past a splice of their table's rows (`Applier.moved`). */
export const rowsMoved = { count: 0 };

/** Expands bound identities into relations appended to `out`, taking the equal relations it already holds. */
class Applier {
  /** The last version's identities, walked in step with this pass's (`Walk`); none: every relation looked up. */
  walk?: Walk;

  private binderMade?: Binder;

  /** The binder, made when an identity is first bound (most are applied from templates of their tables' shapes). */
  private get binder(): Binder {
    return (this.binderMade ??= new Binder(this.roles));
  }

  private readonly index: RelationIndex;
  /** Conditions that read the same for every instance (`conditionIsShared`), by set and text, judged once in this pass. */
  private sharedMap?: Map<StandardSet, Map<string, boolean | undefined>>;

  /**
   * The last table applied by shape: the rows its fields name in other tables (bind.ts `fieldRowsOf`), and its shape
   * (`key`, with no field's row: made when first asked) — the same for each of its identities.
   */
  private tableAsked?: { table: Table; rows: Map<string, RowAt | undefined> | undefined; key: string | undefined };
  /**
   * The rows the last table's fields name (`tableAsked.rows` once asked for): one map for the applier, emptied for each
   * table whose identities name a field of another (a map per table was 3,011 maps a pass of a 部门预算's forms, and
   * one per form's section; only `fieldRowsOf` reads it, for that table).
   */
  private askedRows?: Map<string, RowAt | undefined>;
  /** Who plays a role, and which tables fit the templates' contexts (for the templates). */
  private readonly fitting = new Fitting((st) => this.roles.instances(st));
  /** The relations of the forms applied by shape in this pass and kept for the next (one list for them all). */
  private shapeList?: RelationList;

  private get shared(): Map<StandardSet, Map<string, boolean | undefined>> {
    return (this.sharedMap ??= new Map());
  }
  /** What this pass applied, for the next one (made when first asked: a section's applier keeps nothing). */
  get kept(): StandardCache['identities'] {
    return (this.keptMade ??= new Map());
  }

  private keptMade?: StandardCache['identities'];

  constructor(
    private readonly doc: BudgetDocument, private readonly roles: Roles, private readonly ctx: StandardContext, private readonly out: RelationList,
    private readonly previous?: KeptLookup, private readonly unchanged?: Unchanged,
  ) {
    this.index = new RelationIndex(out);
  }

  /** Applies `identity` for `table`; `keep`: taken from the last version when it can be, and kept for the next. */
  apply(identity: Identity, table: Table, keep = false): Applied {
    const old = keep ? this.previous?.get(identity, table) : undefined;
    // A condition that is a phrase depends on the whole text: the kept result holds while the document still states it
    // (or still does not).
    const kind = identity.conditionKind;
    const stated = kind === 'phrase' ? this.states(phraseOf(identity)) : undefined;
    let reuse = !!old && !old.renewed && old.stated === stated && this.still(old);
    // A condition that is an equality holds by figures, which change in tables that stay (a figure retyped): the kept
    // result stands while the condition holds as it did. One of figures printed (`当（…）`: any of them not blank) reads
    // only the kinds of its cells, which no edit keeping the tables it read changes (a figure retyped keeps its cell's
    // kind: analysis.ts reads rows as figures only when every cell's kind is the same; any other edit renews the part):
    // its verdict is kept with the tables (`still`), judged again only where the result is made again.
    if (reuse && kind === 'equality') reuse = old!.holds !== undefined && this.holds(identity, table) === old!.holds;
    const k = reuse && old ? old : (keep && old && this.moved(identity, table, old, stated)) || this.expand(identity, table, keep);
    // (One made now is its own: `expand` makes a new one each time.)
    if (k !== old && stated !== undefined) k.stated = stated;
    // Kept for the next version by the caller (`tableApplied`: listed, or in a block).
    this.lastKept = k;
    // Its relations by number in `out`: the equal one `out` holds, else its own, appended.
    const out = this.out;
    const from = k.from;
    const to = k.to < 0 ? k.made.count : k.to;
    // Kept as it was, and its relations were its own then: its own now (`Walk`), copied at once.
    const walk = this.walk;
    if (walk?.on) {
      // How many relations it appended as its own then (−1: not all its own; −2: the walk lost step).
      const was = walk.next(identity, table);
      if (k === old && was === to - from && walk.clean(k.made, from, to)) {
        return new Applied(identity, table, k, out, this.pend(k.made, from, to), to - from);
      }
    }
    this.flush();
    // The keys of a relation are at its number in its list (a scratch list's filled again for each identity).
    const keys = k.made === SCRATCH ? fillKeys(k.made, SCRATCH_KEYS, 0, to) : keysFor(k.made, to);
    // Its relations' numbers: while none is the document's, the first and how many (appended in a row).
    const first = out.count;
    let ids: number[] | undefined;
    let i = from;
    if (to - from >= BULK) {
      // Many (an identity over a table's rows): copied at once, then each looked up among the relations before it and
      // indexed, as if appended one by one — the index holds `out` up to it, and nothing past it is looked at
      // (`lookUp`). From the first the list holds already, the rest are dropped and taken one by one below.
      this.index.update();
      out.copyRange(k.made, from, to);
      for (; i < to && this.index.lookUp(k.made, i, keys) === undefined; i++) this.index.appended(k.made, i, keys);
      out.truncate(first + i - from);
    }
    for (; i < to; i++) {
      const same = this.index.find(k.made, i, keys);
      if (same !== undefined) {
        ids ??= range(first, i - from);
        ids.push(same);
        continue;
      }
      ids?.push(out.count);
      out.copy(k.made, i);
      this.index.appended(k.made, i, keys);
    }
    // What it appended may be equal to a later kept identity's relation unless anchored in a changed table.
    if (walk?.on && !walk.anchored(out, first)) walk.on = false;
    return new Applied(identity, table, k, out, ids ?? first, to - from);
  }

  /**
   * Relations [pendingFrom, pendingTo) of `pending`, copied without look-ups (`Walk`) and not yet appended to `out`:
   * appended before anything else is (`flush`), and when the pass is done.
   */
  private pending?: RelationList;
  private pendingFrom = 0;
  private pendingTo = 0;

  /**
   * Relations [from, to) of `list` appended as they are, copied with those before them when they follow one another
   * in one list (the forms' identities, made from templates into one list a pass: one copy for thousands): where they
   * begin in `out`.
   */
  private pend(list: RelationList, from: number, to: number): number {
    const at = this.out.count + this.pendingTo - this.pendingFrom;
    if (to > from) {
      if (this.pending !== list || this.pendingTo !== from) {
        this.flush();
        this.pending = list;
        this.pendingFrom = from;
      }
      this.pendingTo = to;
    }
    ownCopied.count += to - from;
    return at;
  }

  /** The kept result `apply` last took or made (kept for the next version by `tableApplied`). */
  lastKept?: Kept;
  /** What this pass applied between tables, in order (identities, blocks), for the next one. */
  readonly items: Item[] = [];
  /** The blocks among them. */
  readonly blocks: Block[] = [];
  /** Blocks are made of the identities applied one by one (an incremental pass: the next takes them whole). */
  blocking = false;
  /** The run of tables that may make a block, while they follow one another. */
  private run?: Run;

  /**
   * The last version's block the walk stands at, taken whole when the tables from `recs[i]` on are its tables and
   * nothing it read changed (`Block`): how many tables it covers (0: not taken, its identities applied one by one).
   */
  carry(recs: readonly (readonly [Table, StandardTable])[], i: number): number {
    const here = this.walk?.blockHere();
    if (!here) return 0;
    const b = here.block;
    const n = b.tables.length;
    const u = this.unchanged!;
    if (i + n > recs.length || recs[i][0] !== b.tables[0]) return 0;
    if (!u.all && (u.anyChanged(b.watch) || !u.rolesStand(b.roles))) return 0;
    for (let j = 1; j < n; j++) if (recs[i + j][0] !== b.tables[j]) return 0;
    for (let j = 0; j < n; j++) if (recs[i + j][1] !== b.sts[j]) return 0;
    if (!this.conditionsStand(b)) return 0;
    this.close();
    blocksCarried.count++;
    blocksCarried.identities += b.kept.length;
    const at = this.pend(b.list, b.from, b.to);
    this.walk!.skip();
    this.items.push(at === here.at ? here : new BlockAt(b, at));
    this.blocks.push(b);
    return n;
  }

  /**
   * The identities between tables of `table` (`st`'s, `between`) applied one by one, as `applied`: kept for the next
   * version — in a block, when they can be (`blocking`; their relations their own, following those of the run of
   * tables before in one list, their conditions ones a block reads again: a phrase, or an equality naming only other
   * tables), else listed by identity and table.
   */
  tableApplied(table: Table, st: StandardTable, applied: readonly Applied[], kept: readonly Kept[]): void {
    if (this.blocking && this.joins(table, st, applied, kept)) return;
    this.close();
    this.list(applied, kept);
  }

  /** Each applied identity listed (an item each) and its result kept by identity and table. */
  private list(applied: readonly Applied[], kept: readonly Kept[]): void {
    for (let i = 0; i < applied.length; i++) {
      const a = applied[i];
      const k = kept[i];
      this.items.push(a);
      if (k.byShape) continue;
      let byTable = this.kept.get(a.identity);
      if (!byTable) this.kept.set(a.identity, (byTable = new Map()));
      byTable.set(a.table, k);
    }
  }

  /** Whether `table`'s identities join the run (begun for them when none is open). */
  private joins(table: Table, st: StandardTable, applied: readonly Applied[], kept: readonly Kept[]): boolean {
    const ids = between(st);
    if (ids.length !== applied.length) return false;
    // A table of none joins an open run (the pass walks it between the others), begins none.
    if (!applied.length) {
      if (!this.run) return false;
      this.run.tables.push(table);
      this.run.sts.push(st);
      return true;
    }
    const run = (this.run ??= newRun());
    let { list, from, to, at, next } = run;
    for (let i = 0; i < applied.length; i++) {
      const a = applied[i];
      const k = kept[i];
      if (a.identity !== ids[i] || k.renewed || k.byShape || a.ownCount < 0) return this.refused();
      const kind = a.identity.conditionKind;
      if (kind === 'equality') {
        if (!conditionIsShared(a.identity) || k.holds === undefined) return this.refused();
        const was = run.conditions.get(a.identity);
        if (was !== undefined && was !== k.holds) return this.refused();
      } else if (kind === 'printed') {
        // Figures printed (`当（…）`): its verdict stands while the tables it read do (`apply`), which the block watches.
      } else if (kind === 'phrase') {
        if (k.stated === undefined) return this.refused();
        const phrase = phraseOf(a.identity);
        const was = run.phrases.get(phrase);
        if (was !== undefined && was !== k.stated) return this.refused();
      }
      const count = a.ownCount;
      if (!count) continue;
      // An identity of many relations (over a table's rows) is copied at once by itself: a block is of many small ones.
      if (count > BLOCK_RELATIONS) return this.refused();
      if (list === undefined) {
        list = k.made;
        from = k.from;
        at = a.at;
      } else if (a.at !== next) return this.refused();
      // Not the next of one list's range (a form's identity made again, beside one kept): the block's are copied.
      else if (k.made !== list || k.from !== to) run.scattered = true;
      to = k.from + count;
      next = a.at + count;
    }
    // Joins: what it read and asked, and its conditions, added to the run's.
    for (let i = 0; i < applied.length; i++) {
      const k = kept[i];
      run.kept.push(k);
      if (k.touched !== run.lastTouched) {
        run.lastTouched = k.touched;
        for (const t of k.touched) run.watch.add(t);
      }
      if (k.consulted !== run.lastRoles) {
        run.lastRoles = k.consulted;
        for (const r of k.consulted) if (!run.roles.includes(r)) run.roles.push(r);
      }
      const idn = applied[i].identity;
      if (idn.conditionKind === 'equality') run.conditions.set(idn, k.holds!);
      else if (idn.conditionKind === 'phrase') run.phrases.set(phraseOf(idn), k.stated!);
    }
    run.tables.push(table);
    run.sts.push(st);
    run.watch.add(table);
    run.list ??= list;
    run.from = from;
    run.to = to;
    run.at = at;
    run.next = next;
    for (const a of applied) run.applied.push(a);
    return true;
  }

  /** The run ends before a table that cannot join it: false. */
  private refused(): false {
    this.close();
    return false;
  }

  /** Ends the run: a block of it when it holds enough identities, else its identities listed one by one. */
  close(): void {
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    if (run.kept.length < BLOCK_IDENTITIES) {
      this.list(run.applied, run.kept);
      return;
    }
    let list = run.list ?? NO_MADE;
    let from = run.from;
    let to = run.to;
    if (run.scattered) {
      // Its relations are those it appended to the document's list, in a row: copied from there into one list.
      this.flush();
      list = new RelationList();
      list.copyRange(this.out, run.at, run.next);
      from = 0;
      to = list.count;
    }
    // Every table a relation of the block reads is watched (as `Walk.clean` asks of each identity copied alone).
    for (let i = from; i < to; i++) {
      const p = list.targetPartOf(i);
      if (p < 0) {
        const rel = list.relation(i);
        run.watch.add(rel.target.row.part.table);
        for (const t of rel.terms) run.watch.add(t.cell.row.part.table);
        continue;
      }
      run.watch.add(list.parts[p].table);
      for (let k = 0, n = list.termsOf(i); k < n; k++) run.watch.add(list.parts[list.termPartOf(i, k)].table);
    }
    const b = new Block(run.tables, run.sts, run.kept, list, from, to, run.watch, run.roles, run.phrases, run.conditions);
    this.items.push(new BlockAt(b, run.at));
    this.blocks.push(b);
  }

  /** Appends the relations pending (nothing reads `out` before: the look-ups come after a flush). */
  flush(): void {
    if (!this.pending) return;
    this.out.copyRange(this.pending, this.pendingFrom, this.pendingTo);
    this.pending = undefined;
    this.pendingFrom = this.pendingTo = 0;
  }

  /** Each table's parts in the last version (`moved`): none, nothing moved. */
  previousParts?: ReadonlyMap<Table, readonly Part[]>;

  /**
   * A kept identity whose only table changed is its own, one part of which had its rows spliced (a row typed, put in
   * or taken out: `HeadsSplice`), and which is a rule over a column's rows (`「X」栏各行=…`, whose relation for a row
   * reads that row and its counterparts in other tables alone — rules/declared `columnsOver` —, each made in the
   * arrays): its relations of the last version moved past the splice (their cells in the part taken to the new part,
   * those after the rows put in moved by their rows and cells), those of the rows removed dropped, those of the rows
   * put in made (`RowWindow`). Its tables and roles are otherwise as they were, its condition reads as it did: the
   * relations of the rows not spliced are those it made then. Undefined when it is not so (bound and expanded again).
   */
  private moved(identity: Identity, table: Table, old: Kept, stated: boolean | undefined): Kept | undefined {
    const u = this.unchanged;
    const parts = this.previousParts?.get(table);
    if (!u || !parts || old.renewed || old.table || old.byShape || old.outcome !== 'applied' || old.missing !== undefined || old.stated !== stated) return undefined;
    if (!u.tableChanged(table) || old.touched.some((t) => t !== table && u.tableChanged(t)) || !u.rolesStand(old.consulted)) return undefined;
    // The one part renewed, over one splice of its store's rows at most.
    const now = table.parts;
    if (parts.length !== now.length) return undefined;
    let j = -1;
    for (let k = 0; k < now.length; k++) {
      if (parts[k] === now[k]) continue;
      if (j >= 0) return undefined;
      j = k;
    }
    const a = parts[j];
    const b = now[j];
    if (!(a instanceof StoredPart) || !(b instanceof StoredPart) || a.store !== b.store) return undefined;
    const splices = splicesSince(b.store, a.codes);
    if (!splices || splices.length > 1) return undefined;
    const figures = byFigures(identity.conditionKind);
    const cond = figures ? this.holds(identity, table) : undefined;
    if (figures && (old.holds === undefined || cond !== old.holds)) return undefined;
    // Its relations then: each in the arrays, about a row of that part, in the order of its rows.
    const list = old.made;
    const from = old.from;
    const to = old.to < 0 ? list.count : old.to;
    const x = splices[0];
    const r0 = x ? x.r0 : Infinity;
    const r1 = x ? x.r0 + x.removed : Infinity;
    // A rule over a column's rows only: one naming rows (「年度资金总额」行「预算数」栏=（「当年财政拨款」行…）) reads other rows
    // of the part, and a name may name another row after the splice (a row of that name put in before it).
    if (!overEachRow(identity.rule)) return undefined;
    for (let i = from, last = -1; i < to; i++) {
      const p = list.targetPartOf(i);
      if (p < 0 || list.parts[p] !== a) return undefined;
      const r = list.targetRowOf(i);
      if (r < last) return undefined;
      last = r;
      // Each relation reads its own row of the part and none other (its counterparts are in other tables).
      for (let k = 0, n = list.termsOf(i); k < n; k++) if (list.parts[list.termPartOf(i, k)] === a && list.termRowOf(i, k) !== r) return undefined;
    }
    // The rows whose relations are made: those put in, and those whose code a row removed or put in bore.
    const remake: number[] = [];
    if (x) {
      const alike = rowsCodedAsSpliced(b, x);
      if (!alike) return undefined;
      for (const r of alike) if (r < x.r0) remake.push(r);
      for (let r = x.r0; r < x.r0 + x.added; r++) remake.push(r);
      for (const r of alike) if (r >= x.r0) remake.push(r);
    }
    const binder = this.binder;
    const bound = binder.bind(identity, table);
    if ('missing' in bound || bound.table !== table) return undefined;
    const made = new RelationList();
    const swap = new Map<Part, Part>([[a, b]]);
    const dr = x ? x.added - x.removed : 0;
    const dc = x ? x.cellsAdded - x.cellsRemoved : 0;
    const c1 = x ? x.c0 + x.cellsRemoved : Infinity;
    // An old row's number now (−1: removed).
    const rowNow = (r: number) => (r < r0 ? r : r < r1 ? -1 : r + dr);
    let i = from;
    // The old relations of the rows now before `limit` (none of a row removed), copied: moved when after the splice.
    const copyBefore = (limit: number) => {
      while (i < to) {
        const r = list.targetRowOf(i);
        const now = rowNow(r);
        if (now >= limit) return;
        if (now < 0) { i++; continue; }
        let j = i + 1;
        for (; j < to; j++) {
          const q = list.targetRowOf(j);
          const n = rowNow(q);
          if (n < 0 || n >= limit || (q >= r1) !== (r >= r1)) break;
        }
        const at = made.count;
        made.copyRange(list, i, j, swap);
        if (r >= r1) made.moveCells(at, made.part(b), r1, dr, c1, dc);
        i = j;
      }
    };
    const d = remake.length ? this.expansion(made) : undefined;
    const node = cond ? { lhs: bound.rule.lhs, rhs: bound.rule.rhs, text: bound.rule.text, span: bound.rule.span } : bound.rule;
    const title = titleOf(identity, this.ctx.sm);
    for (let k = 0; k < remake.length;) {
      // A run of rows made at once.
      let e = k + 1;
      while (e < remake.length && remake[e] === remake[e - 1] + 1) e++;
      const ra = remake[k];
      const rb = remake[e - 1] + 1;
      copyBefore(ra);
      while (i < to && rowNow(list.targetRowOf(i)) < rb) i++;
      const window: RowWindow = { part: b, from: ra, to: rb, ok: true };
      d!.window = window;
      try {
        d!.expand({ node, table: bound.table }, title);
      } finally {
        d!.window = undefined;
      }
      if (!window.ok || d!.problems.length) return undefined;
      k = e;
    }
    copyBefore(Infinity);
    if (!made.count) return undefined;
    rowsMoved.count++;
    const k = new Kept('applied', made, distinct(binder.touched), binder.consulted);
    if (figures) k.holds = cond;
    return k;
  }

  /** Whether the document states a phrase: read once per pass (the whole text is searched; 3,000 forms may ask). */
  private states(phrase: string): boolean {
    let had = (this.stated ??= new Map()).get(phrase);
    if (had === undefined) this.stated.set(phrase, (had = states(this.doc, phrase)));
    return had;
  }

  private stated?: Map<string, boolean>;

  /**
   * Whether every identity kept from the last version stands as it was (its tables and roles unchanged, which the
   * caller knows): a phrase its condition asks for still stated or not as it was, an equality still holding or not.
   */
  /** Whether a block's conditions read as they did: its phrases stated or not, its equalities holding or not. */
  private conditionsStand(b: Block): boolean {
    for (const [phrase, was] of b.phrases) if (this.states(phrase) !== was) return false;
    for (const [idn, was] of b.conditions) if (this.holds(idn, b.tables[0]) !== was) return false;
    return true;
  }

  standsAsItWas(kept: StandardCache['identities'], blocks: readonly Block[]): boolean {
    for (const b of blocks) if (!this.conditionsStand(b)) return false;
    for (const [identity, byTable] of kept) {
      const kind = identity.conditionKind;
      if (!kind) continue;
      for (const [table, k] of byTable) {
        if (kind === 'phrase' && k.stated !== undefined && this.states(phraseOf(identity)) !== k.stated) return false;
        // No `holds`: the identity named nothing (not bound, or its condition unresolved), whatever the figures. (A
        // result taken from a template carries its shape's `holds` even when it is `missing`: stricter, not wrong.)
        // (Figures printed, `当（…）`: read as they were — only figures retyped, or tables of the same shapes, kinds of
        // cells and all, are asked here.)
        if (kind === 'equality' && k.holds !== undefined && this.holds(identity, table) !== k.holds) return false;
      }
    }
    return true;
  }

  /** Whether a kept result still holds: the tables it read are all still there, the roles it asked for unchanged. */
  private still(k: Kept): boolean {
    const u = this.unchanged;
    return !!u && (u.all || u.stand(k.table, k.touched, k.consulted));
  }

  /** Whether an identity's condition holds for `table` now (undefined: it names nothing). */
  private holds(identity: Identity, table: Table): boolean | undefined {
    return conditionIsShared(identity) ? this.sharedHolds(identity, table) : this.judgeBound(identity, table);
  }

  /** Whether the condition of a bound identity holds (undefined: it names nothing). */
  private condition(identity: Identity, b: Exclude<Binding, { missing: string }>): boolean | undefined {
    return conditionIsShared(identity) ? this.sharedHolds(identity, b.table) : this.judge(b.rule.condition!, b.table);
  }

  /**
   * Whether a condition that names only other tables holds (`conditionIsShared`): judged once per pass for every
   * identity of a set that writes it alike (most of a 部门预算's conditional identities ask whether all its money is
   * 一般公共预算), for every table they are applied to.
   */
  private sharedHolds(identity: Identity, table: Table): boolean | undefined {
    const set = identity.table.set;
    let byText = this.shared.get(set);
    if (!byText) this.shared.set(set, (byText = new Map()));
    const text = identity.rule.condition!.text;
    if (byText.has(text)) return byText.get(text);
    const result = this.judgeBound(identity, table);
    byText.set(text, result);
    return result;
  }

  /**
   * Whether an identity's condition holds for `table` (undefined: it names nothing): only the condition bound, or its
   * relations taken from the template of the table's shape (the condition is an identity of its own there), judged
   * with the figures of now.
   */
  private judgeBound(identity: Identity, table: Table): boolean | undefined {
    const shapes = this.ctx.shapes;
    const list = CONDITION;
    list.clear();
    // Not for a condition naming a row by the form's field: its place differs from form to form.
    const templates = shapes && !conditionNamesField(identity) ? shapes : undefined;
    const cid = conditionIdentity(identity);
    const key = templates && this.shapeOf(table, templates);
    if (templates && key !== undefined) {
      const got = templates.apply(cid, key, table, NO_FIELDS, this.fitting, list, true);
      if (got) return got.outcome === 'missing' ? undefined : conditionVerdict(identity.conditionKind!, list);
    }
    const b = this.binder.bindCondition(identity, table);
    const holds = b.condition && this.judge(b.condition, table, list);
    if (templates && key !== undefined && (holds !== undefined || !b.condition)) {
      templates.keep(cid, key, table, NO_FIELDS, { outcome: b.condition ? 'applied' : 'missing' }, list, b.touched, b.consulted, this.fitting);
    }
    return holds;
  }


  /** Whether a bound condition holds (undefined: it names nothing); its relations made in `judged`. */
  private judge(condition: ConditionNode, table: Table, judged?: RelationList): boolean | undefined {
    // A condition's relations go to a list of their own (`conditionHolds`): nothing to `out`.
    const d = this.expansion(NO_LIST);
    const holds = d.conditionHolds({ node: { lhs: [], rhs: [], text: condition.text, span: condition.span, condition }, table }, judged);
    return d.problems.length ? undefined : holds;
  }

  /**
   * Expands an identity: into a list of its own when it is kept for the next version (with what it read), else into
   * the scratch list.
   */
  private expand(identity: Identity, table: Table, keep: boolean): Kept {
    // A form of a shape seen before: the relations of the first one of that shape, at this form's places.
    const shape = this.shape(identity, table);
    if (shape) {
      // Kept for the next version: appended to the pass's list of forms' relations; else to the applier's list of
      // relations made by shape (`SHAPED`).
      const list = keep ? (this.shapeList ??= new RelationList()) : SHAPED;
      const from = list.count;
      const got = this.ctx.shapes!.apply(identity, shape.key, table, shape.fields, this.fitting, list);
      if (got) {
        const k = new Kept(got.outcome, list, keep ? got.others : NO_TABLES, keep ? got.consulted : NO_ROLES);
        k.missing = got.missing;
        k.from = from;
        k.to = list.count;
        if (keep) {
          k.table = table;
          if (byFigures(identity.conditionKind)) k.holds = shape.holds;
        } else k.byShape = true;
        return k;
      }
    }
    // Kept for the next version, its relations go into a list of its own, made only once its binding gives something to
    // expand (`bindAndExpand`): of the 329 lists a first pass of the 13 real documents made so (beyond a pass with their
    // shapes met before), 123 stayed empty — the identity named what the document does not print, or its condition did
    // not hold.
    const made = keep ? undefined : SCRATCH;
    made?.clear();
    if (shape) {
      const k = this.bindAndExpand(identity, table, keep, made, shape.holds);
      // Kept for the next table of this shape: what the binding gave (a missing field's message names this form's
      // project: not kept); with its condition met, what it made; not met, that it made nothing.
      const kept = shape.holds
        ? (k.outcome !== 'missing' && k.outcome !== 'unresolved' && k.outcome !== 'condition') || (!shape.fields.length && k.outcome !== 'condition')
        : (shape.holds === false && k.outcome === 'condition') || (!shape.fields.length && k.outcome === 'missing');
      if (kept) this.ctx.shapes!.keep(identity, shape.key, table, shape.fields, k, k.made, this.binder.touched, this.binder.consulted, this.fitting);
      return k;
    }
    return this.bindAndExpand(identity, table, keep, made);
  }

  /**
   * The shape `table` is looked up by for `identity`, the rows its fields name, and whether its condition holds
   * (undefined: it names nothing) — a template is kept for each: what it made, or that it made nothing. Undefined when
   * no templates are kept. A condition is a phrase the document states or not, or one judged by figures — an equality
   * (judged once per pass for all tables when it names only other tables: `当 收支总表的一般公共预算拨款收入 = 收入总计`),
   * or figures printed (`当 X`).
   */
  private shape(identity: Identity, table: Table): { key: string; fields: RowAt[]; holds: boolean | undefined } | undefined {
    if (!this.ctx.shapes) return undefined;
    const kind = identity.conditionKind;
    let holds: boolean | undefined = true;
    if (kind === 'phrase') {
      holds = this.states(phraseOf(identity));
    } else if (kind) {
      // Only the condition bound: judged for this table when it reads it, once per pass for all when it does not.
      holds = conditionIsShared(identity) ? this.sharedHolds(identity, table) : this.judgeBound(identity, table);
    }
    // A form's identities name its project's row alike: found once for them all.
    // An identity of its own table's names no field of another (`fieldRowsOf` reads no row for it): no map asked for.
    const fields = fieldRowsOf(identity, table, this.roles, identity.local ? undefined : this.rowsAsked(table));
    if (!fields) return undefined;
    const key = fields.length ? this.ctx.shapes.key(table, fields) : this.shapeOf(table, this.ctx.shapes);
    return { key: holds ? key : `${key}${holds === false ? '\u0007' : '\u0008'}`, fields, holds };
  }

  /** What is asked alike for each identity of `table` (the last table asked about). */
  private asked(table: Table): NonNullable<Applier['tableAsked']> {
    const asked = this.tableAsked;
    if (asked?.table === table) return asked;
    if (!asked) return (this.tableAsked = { table, rows: undefined, key: undefined });
    // Written over (nothing keeps it: its callers read it at once).
    asked.table = table;
    asked.rows = undefined;
    asked.key = undefined;
    return asked;
  }

  /** The rows `table`'s fields name, found so far (`tableAsked.rows`, the applier's map emptied for it). */
  private rowsAsked(table: Table): Map<string, RowAt | undefined> {
    const asked = this.asked(table);
    if (!asked.rows) {
      asked.rows = this.askedRows ??= new Map();
      asked.rows.clear();
    }
    return asked.rows;
  }

  /** The shape of `table`, with no field's row. */
  private shapeOf(table: Table, templates: ShapeTemplates): string {
    const asked = this.asked(table);
    return (asked.key ??= templates.key(table, NO_FIELDS));
  }

  /**
   * Binds and expands an identity into `into` (emptied; undefined: a list of its own, made when the binding gives
   * something to expand — one that makes no relation holds `NO_MADE` instead): what it gave, and what it read when
   * `keep`. `judged`: whether its equality condition holds, when that was judged already (`shape`).
   */
  private bindAndExpand(identity: Identity, table: Table, keep: boolean, into: RelationList | undefined, judged?: boolean): Kept {
    const binder = this.binder;
    const b = binder.bind(identity, table);
    // What it read, when kept: the tables the binding read, each once, and the roles it asked for (the binding's own
    // list: each binding makes new ones, `Binder.touched`). Not kept, it keeps none.
    const consulted = keep ? binder.consulted : NO_ROLES;
    if ('missing' in b) {
      const k = new Kept('missing', into ?? NO_MADE, keep ? tablesOnce(binder.touched) : NO_TABLES, consulted);
      k.missing = b.missing;
      return k;
    }
    // A condition known to hold is not judged again; one known not to hold, not expanded at all.
    // (The bound rule's condition is the identity's, bound: of the same kind.)
    const figures = byFigures(identity.conditionKind);
    const cond = figures ? judged ?? this.condition(identity, b) : undefined;
    if (cond === false) {
      const k = new Kept('condition', into ?? NO_MADE, keep ? tablesOnce(binder.touched) : NO_TABLES, consulted);
      k.holds = false;
      return k;
    }
    const made = into ?? new RelationList();
    const d = this.expansion(made);
    const node = cond ? { lhs: b.rule.lhs, rhs: b.rule.rhs, text: b.rule.text, span: b.rule.span } : b.rule;
    const outcome = d.expand({ node, table: b.table }, titleOf(identity, this.ctx.sm));
    const missing = d.problems.length ? d.problems[0].message : undefined;
    // The relations made as objects lose their rule's span (a bound rule's is nowhere); those in the arrays have none to lose.
    for (let i = 0; i < made.count; i++) if (made.targetPartOf(i) < 0) delete made.relation(i).ruleSpan;
    // A list of its own that stayed empty is let go at once (a `Kept` lives to the next version: its list would be promoted).
    const k = new Kept(outcome, into || made.count ? made : NO_MADE, keep ? tablesOnce(binder.touched) : NO_TABLES, consulted);
    if (missing) k.missing = missing;
    if (figures) k.holds = cond;
    return k;
  }

  /**
   * The expansion of this applier's bound rules, into `out` (emptied of problems): one for all of them, their tables
   * resolved by the binder (`Binder.table`). An expansion keeps nothing from one rule to the next but its problems.
   */
  private expansion(out: RelationList): DeclaredRules {
    const d = (this.expander ??= new DeclaredRules(this.doc, this.ctx.m, (text) => this.binder.table(text), out));
    d.restart(out);
    return d;
  }

  private expander?: DeclaredRules;

}

const NO_FIELDS: RowAt[] = [];

/** Whether a rule is over a column's rows (`「X」栏各行=…`): its left side an operand over each row. */
function overEachRow(rule: RuleNode): boolean {
  for (const t of rule.lhs) {
    const o = t.operand;
    if (o.kind === 'group' ? o.eachRow : o.atoms.some((x) => x.eachRow)) return true;
  }
  return false;
}

/**
 * The tables a binding read, each once: its own list (`Binder.touched`, a new one per binding and not written to once
 * it is bound) when no table is in it twice — most: the binder lists a table read right after itself once —, else a
 * copy without the repeats (an array made for each kept identity, held to the next version, was most of what `distinct`
 * cost).
 */
function tablesOnce(touched: Table[]): Table[] {
  if (touched.length > 16) return distinct(touched);
  for (let i = 1; i < touched.length; i++) if (touched.indexOf(touched[i]) < i) return distinct(touched);
  return touched;
}

/**
 * The title of an identity's relations in a language (`identityTitle`): made once per identity and language, not once
 * per table it is bound for (the last language's kept).
 */
function titleOf(identity: Identity, sm: StandardMessages): string {
  const had = titles.get(identity);
  if (had?.sm === sm) return had.title;
  // A relation is made only where its condition holds: a condition of figures printed (`当（…）`: the sources filled in) says
  // nothing more in a finding's title, and is left out of it (hover lists it with the identity).
  const title = sm.identityTitle(identity.table.title, identity.conditionKind === 'printed' ? identity.rule.text : identity.text);
  titles.set(identity, { sm, title });
  return title;
}

const titles = new WeakMap<Identity, { sm: StandardMessages; title: string }>();

/** From how many relations an identity's are copied into the document's list at once (`Applier.apply`). */
const BULK = 16;

/** From how many identities a run of tables makes a block (`Applier.close`). */
const BLOCK_IDENTITIES = 8;
/** How many relations an identity in a block may have at most (`Applier.joins`): one over a table's rows is copied alone. */
const BLOCK_RELATIONS = 8;

/** A run of tables that may make a block (`Applier.joins`): what the block is made of. */
interface Run {
  tables: Table[];
  sts: StandardTable[];
  kept: Kept[];
  applied: Applied[];
  /**
   * Their relations: [from, to) of `list` (none yet: undefined), at `at` of the document's list; the next there.
   * `scattered`: they are not one range of one list (then [at, next) of the document's list is what they are).
   */
  list: RelationList | undefined;
  scattered: boolean;
  from: number;
  to: number;
  at: number;
  next: number;
  watch: Set<Table>;
  roles: StandardTable[];
  phrases: Map<string, boolean>;
  conditions: Map<Identity, boolean>;
  /** The lists of tables read and of roles last added (the forms' identities share theirs: ./shapes). */
  lastTouched: readonly Table[] | undefined;
  lastRoles: readonly StandardTable[] | undefined;
}

function newRun(): Run {
  return {
    tables: [], sts: [], kept: [], applied: [], list: undefined, scattered: false, from: 0, to: 0, at: 0, next: 0, watch: new Set(), roles: [],
    phrases: new Map(), conditions: new Map(), lastTouched: undefined, lastRoles: undefined,
  };
}

/**
 * The lists every applier expands an identity that is not kept into, and judges a condition in (each emptied first;
 * what is made there is copied or judged before the next identity: appliers run one at a time). One for the process:
 * a document of 3,000 form sections makes an applier per section.
 */
const SCRATCH = new RelationList();
const CONDITION = new RelationList();
/**
 * The relations of the identities applied from templates and not kept, appended one after the other while an applier
 * runs (not emptied per identity: their copies into the applier's list number each part of it once, not once per
 * identity); emptied when it is done.
 */
const SHAPED = new RelationList();
/**
 * The relations of every kept identity that made none (its binding named what the document does not print, its
 * condition did not hold, or it expanded to nothing): one list, never written to — a kept result's list is only read
 * (copied into the applier's list, made a template of), and an empty one has nothing to read.
 */
const NO_MADE = new RelationList();
const SCRATCH_KEYS: Keys = noKeys(0);

/** Lets go of what the shared lists hold once an applier is done (they must not keep a document alive). */
function releaseShared(): void {
  SCRATCH.release();
  CONDITION.release();
  SHAPED.release();
  lastPart = undefined;
  otherPart = undefined;
  if (POOL.length > KEPT_IDS) {
    POOL = new Int32Array(0);
    MARKS = new Int32Array(0);
  }
  if (NEXT.length > KEPT_IDS) NEXT = new Int32Array(0);
  lastKeyed = undefined;
  lastKeys = undefined;
}

/** The phrase an identity's condition asks the document to state (its `conditionKind` is `phrase`). */
function phraseOf(idn: Identity): string {
  return conditionPhrase(idn.rule.condition!)!;
}

/**
 * An identity's condition (`当 C=D`) as an identity of its own, for the templates of table shapes (./shapes): its
 * relations, made once per shape, are judged with each version's figures.
 */
const conditions = new WeakMap<Identity, Identity>();

function conditionIdentity(idn: Identity): Identity {
  let c = conditions.get(idn);
  if (!c) conditions.set(idn, (c = { ...idn }));
  return c;
}

/**
 * The local part, for one section: its tables recognised, the identities that need no other table applied.
 * `before`: the section's last version, when this one replaces it (read again after an edit).
 */
export function applySection(doc: BudgetDocument, ctx: StandardContext, relations: RelationList, before?: SectionBefore): SectionStandard {
  try {
    return sectionStandard(doc, ctx, relations, before);
  } finally {
    releaseShared();
  }
}

function sectionStandard(doc: BudgetDocument, ctx: StandardContext, relations: RelationList, before?: SectionBefore): SectionStandard {
  const recognitions = new Map<Table, StandardTable>();
  const out: SectionStandard = { recognitions, applied: [] };
  if (!ctx.sets.length) return out;
  for (const t of doc.tables) {
    const st = recognise(t, ctx.sets, ctx.department);
    if (st) recognitions.set(t, st);
  }
  // Most sections have no table with an identity of its own (a project's form, a text): nothing more to make.
  let local = false;
  for (const st of recognitions.values()) if ((local = hasLocal(st))) break;
  if (!local) return out;
  out.from = relations.count;
  // Read again as it was (a comment line or a note typed in a table): what the identities gave, about the new parts.
  // Read afresh: what a section of the same tables gave when last read afresh (the document reopened).
  // Found by its text first (a document reopened: no table's shape is made), then by its tables (./recall).
  const recall = !before && ctx.shapes && ctx.recall ? recallOf(ctx.shapes) : undefined;
  const text = recall && sectionText(doc.tables, recognitions);
  let source: SectionBefore | undefined = before;
  if (recall && text) {
    const found = recall.sectionTexts.get(text.key);
    if (found?.lines && sameItems(found.lines, text.lines)) source = found;
  }
  let key: string | undefined;
  if (recall && !source) {
    source = recall.sections.get((key = tablesKey(doc.tables, recognitions)));
    if (source && !sameFieldsAll(source.document.tables, doc.tables)) source = undefined;
  }
  const alike = source && sectionAlike(source, doc, recognitions, relations, !before);
  if (alike) {
    relations.copyRange(source!.relations, source!.standard.from!, source!.standard.to!, alike.parts);
    for (const a of source!.standard.applied) out.applied.push((a as Applied).in(relations, alike.tables.get(a.table)));
  } else {
    const roles = rolesOf(ctx.sets[0], doc, recognitions);
    const applier = new Applier(doc, roles, ctx, relations);
    for (const [t, st] of recognitions) for (const idn of st.identities) if (idn.local) out.applied.push(applier.apply(idn, t));
  }
  out.to = relations.count;
  if (recall && (!alike || key !== undefined) && !out.applied.some((a) => a.identity.conditionKind === 'equality')) {
    const rows = rowsIn(doc.tables);
    // Its lines as they are now (an analyzer edits its section's lines in place).
    const kept: RecalledSection = { document: doc, relations, standard: out, ...(text ? { lines: text.lines.slice() } : {}) };
    // Kept by its tables when applied, by its text when not found by it.
    if (!alike) recall.sections.set(key ?? tablesKey(doc.tables, recognitions), kept, rows);
    if (text) recall.sectionTexts.set(text.key, kept, rows);
  }
  return out;
}

/** A section kept by the recall, with its lines when it is kept by its text. */
interface RecalledSection extends SectionBefore {
  lines?: readonly string[];
}

/**
 * What a section is, by its text: its lines (read from its stored parts' source; undefined when it has none, or more
 * than one), and a key of the standard table and unit of each of its tables (their unit may be the header's), the
 * lines' number and length, and a hash of their first characters (`headHash`) — the lines themselves are compared
 * when found. Two sections of the same lines and of the same standard tables and units are the same tables, figures
 * and all (every part is built from the section's lines: a part not stored, a form's list of fields, too).
 */
function sectionText(tables: readonly Table[], recognitions: ReadonlyMap<Table, StandardTable>): { key: string; lines: readonly string[] } | undefined {
  let src: SectionLines | undefined;
  let key = '';
  for (const t of tables) {
    const st = recognitions.get(t);
    key += `${st ? standardId(st) : -1}\u0003${t.unit ?? ''}\u0002`;
    for (const p of t.parts) {
      const store = storeOf(p);
      if (!store) continue;
      if (!(store.source instanceof SectionLines) || (src && store.source !== src)) return undefined;
      src = store.source;
    }
  }
  return src && { key: `${key}\u0001${src.count}:${src.length}:${headHash(src.lines)}`, lines: src.lines };
}

/**
 * How many of a section's first code units `headHash` reads: a form's title and first fields (its project's name),
 * a bounded part of a large table's (whose number of lines and length few other sections share). Two sections alike
 * that far and of one length are told apart by their lines when found (one kept per key: the other is found by its
 * tables, `tablesKey`).
 */
const HEAD = 512;

/**
 * A 32-bit hash (FNV-1a) of a section's first `HEAD` code units, in its key by text: the forms of a 部门预算 are of a
 * few lengths (3,011 generated 项目申报表 of 10 numbers of lines and lengths), and a key of those alone kept one
 * section each — each form read afresh again took the place of another of its length, and none was found by its text.
 */
function headHash(lines: readonly string[]): number {
  let h = 0x811c9dc5 | 0;
  let left = HEAD;
  for (let k = 0; k < lines.length && left > 0; k++) {
    const s = lines[k];
    const n = Math.min(s.length, left);
    for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    left -= n;
  }
  return h >>> 0;
}

/** The standard table each table plays, by number (−1: none), in order. */
function standardIdsOf(tables: readonly Table[], recognitions: ReadonlyMap<Table, StandardTable>): string {
  let ids = '';
  for (const t of tables) {
    const st = recognitions.get(t);
    ids += `${st ? standardId(st) : -1},`;
  }
  return ids;
}

/** A number for each standard table (of every set loaded in the process). */
const standardIds = new Numbering<StandardTable>(0);

function standardId(st: StandardTable): number {
  return standardIds.of(st);
}

/** Whether a standard table has an identity of its own (one that names no other table). */
const locals = new WeakMap<StandardTable, boolean>();

function hasLocal(st: StandardTable): boolean {
  let had = locals.get(st);
  if (had === undefined) locals.set(st, (had = st.identities.some((idn) => idn.local)));
  return had;
}

/** What is recalled across analyzers, per scope of the templates (one language's, until they are forgotten). */
const recalls = new WeakMap<object, Recall<RecalledSection, RecalledDocument>>();

/** What a document read afresh gave (`conditioned`), and its text: a document of the same text reads every condition alike. */
interface RecalledDocument extends StandardCache {
  text: string;
}

function recallOf(shapes: ShapeTemplates): Recall<RecalledSection, RecalledDocument> {
  let r = recalls.get(shapes.scope);
  if (!r) recalls.set(shapes.scope, (r = new Recall()));
  return r;
}

/**
 * What tables are, as `sectionAlike` and `renewedAlike` compare them: for each one, in order, the standard table it
 * plays with its shape (./shapes `tableKey`) and the hash of its fields (`fieldsKey`), or that it plays none and its
 * number of parts. Each table's piece is a mark, then as many code units as that mark says (3, 9 or 15): it delimits
 * itself, so that no two lists of tables join into one key. Made of numbers only (no field's text joined: a form's 项目名称 and 项目概述 are hundreds of
 * characters); a recall found by it compares the tables' fields (`sameFieldsAll`).
 */
function tablesKey(tables: readonly Table[], recognitions: ReadonlyMap<Table, StandardTable>): string {
  let key = '';
  for (const t of tables) {
    const st = recognitions.get(t);
    const n = st ? standardId(st) : t.parts.length;
    const fields = st ? fieldsKey(t) : '';
    // A mark (F: a standard table with fields, N: one without, U: no standard table), the number (the standard
    // table's, or the parts') in two units, then the shape and the fields' hash.
    key += String.fromCharCode(st ? (fields ? 0x46 : 0x4e) : 0x55, n & 0xffff, n >>> 16);
    if (st) key += tableKey(t) + fields;
  }
  return key;
}

/**
 * Whether each table of `now` prints the same fields as the one of `old` at its place (as many tables): what the key
 * of the tables says only by a hash (`tablesKey`).
 */
function sameFieldsAll(old: Iterable<Table>, now: readonly Table[]): boolean {
  let i = 0;
  for (const o of old) if (i >= now.length || !sameFields(o, now[i++])) return false;
  return i === now.length;
}

/**
 * A section's tables as they were in its last version (`before`), when each is the same standard table of the same
 * shape (./shapes) with the same fields, the section's own relations are the same (about the new parts), and none of
 * its identities has a condition that is an equality (whether it holds may have changed; figures printed, `当（…）`,
 * read the kinds of cells the shape fixes): the old parts by the new, the old tables by the
 * new. `recalled`: `before` was found by the recall — by the key of these tables (`tablesKey`), or by the section's
 * text (the same lines, of the same standard tables and units) — either of which says that already — made of the
 * tables `before` recorded, with the parts they have still (a section its analyzer read again since has taken its
 * list over: found empty here) — and, as each relation of its identities reads only its own table, that they find
 * their cells in the new parts (`swappable`).
 */
function sectionAlike(
  before: SectionBefore, doc: BudgetDocument, recognitions: ReadonlyMap<Table, StandardTable>, relations: RelationList, recalled: boolean,
): Renewed | undefined {
  const was = before.standard;
  // A list its analyzer has since taken over (./recall) is empty.
  if (was.from === undefined || was.to === undefined || was.from !== relations.count || before.relations.count < was.to) return undefined;
  // (A condition of figures printed, `当（…）`, reads the kinds of its cells, which the shape fixes: it reads as it did.)
  if (was.applied.some((a) => a.identity.conditionKind === 'equality' || !(a instanceof Applied))) return undefined;
  const old = before.document.tables;
  if (old.length !== doc.tables.length) return undefined;
  const out: Renewed = { parts: new Map(), tables: new Map(), renewed: new Set() };
  for (let i = 0; i < old.length; i++) {
    const o = old[i];
    const t = doc.tables[i];
    const st = recognitions.get(t);
    if (!recalled && st !== was.recognitions.get(o)) return undefined;
    if (!replacesAlike(o, o.parts, t, !!st && !recalled, out)) return undefined;
    out.tables.set(o, t);
  }
  if (!relations.samePrefix(before.relations, was.from, 0, out.parts)) return undefined;
  return recalled || swappable(before.relations, was.from, was.to, out.parts) ? out : undefined;
}

/**
 * Whether every relation of [from, to) kept as its object has each of its cells in the parts that replace theirs —
 * a guard: parts of one shape print the same cells, so it holds while `replacesAlike` does.
 */
function swappable(list: RelationList, from: number, to: number, parts: ReadonlyMap<Part, Part>): boolean {
  for (let i = from; i < to; i++) {
    if (list.termsOf(i) >= 0) continue;
    const r = list.relation(i);
    if (!swappedRelation(r, parts)) return false;
  }
  return true;
}

function rolesOf(set: StandardSet, doc: BudgetDocument, recognitions: Map<Table, StandardTable>): Roles {
  const byStandard = new Map<StandardTable, Table[]>();
  for (const [t, st] of recognitions) {
    const list = byStandard.get(st);
    if (list) list.push(t); else byStandard.set(st, [t]);
  }
  // Each table's key, made when first asked (only binding asks: most tables are applied from templates or kept).
  let keys: Map<Table, string> | undefined;
  const keyOf = (t: Table): string => {
    if (!keys) {
      keys = new Map();
      for (let i = 0; i < doc.tables.length; i++) keys.set(doc.tables[i], `#表${i}`);
    }
    return keys.get(t) ?? `#表?`;
  };
  return { set, instances: (st) => byStandard.get(st) ?? NO_TABLES, keyOf };
}

/**
 * A standard table (not a form) that several tables of the document were recognised as is the one nearest to it by
 * title (library.ts `nearest`): the others are not it for the document (their sections' own identities, the tables'
 * own arithmetic, stand). Most documents print each standard table once: nothing is made for them.
 */
function nearestOnly(recognitions: Map<Table, StandardTable>, department?: string): void {
  let seen: Set<StandardTable> | undefined;
  let twice: Set<StandardTable> | undefined;
  for (const st of recognitions.values()) {
    if (st.form) continue;
    if (!(seen ??= new Set()).has(st)) seen.add(st);
    else (twice ??= new Set()).add(st);
  }
  if (!twice) return;
  for (const st of twice) {
    const all: Table[] = [];
    for (const [t, x] of recognitions) if (x === st) all.push(t);
    const kept = nearest(all, st, department);
    if (kept !== all) for (const t of all) if (!kept.includes(t)) recognitions.delete(t);
  }
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

/**
 * The whole document's part: the identities between tables, over every section's recognitions; their relations are
 * appended to `relations`.
 */
export function applyDocument(
  doc: BudgetDocument, ctx: StandardContext, sections: SectionStandard[], relations: RelationList, previous?: StandardCache,
): { report: StandardReport; cache: StandardCache } {
  try {
    return documentStandard(doc, ctx, sections, relations, previous);
  } finally {
    releaseShared();
  }
}

function documentStandard(
  doc: BudgetDocument, ctx: StandardContext, sections: SectionStandard[], relations: RelationList, previous?: StandardCache,
): { report: StandardReport; cache: StandardCache } {
  const recognitions = new Map<Table, StandardTable>();
  for (const s of sections) for (const [t, st] of s.recognitions) recognitions.set(t, st);
  nearestOnly(recognitions, ctx.department);
  const set = mainSet(ctx.sets, recognitions);
  const roles = rolesOf(set ?? ctx.sets[0], doc, recognitions);
  // What the next version compares with: each table's parts, each role's tables.
  const cache: StandardCache = { identities: new Map(), parts: new Map(), roles: new Map() };
  let reused: StandardReport['reused'];
  for (const t of doc.tables) cache.parts.set(t, t.parts.slice());
  for (const s of ctx.sets) for (const st of s.tables) cache.roles.set(st, roles.instances(st));
  if (set && recognitions.size) {
    const unchanged = previous && new Unchanged(previous, cache);
    // Made when first asked (a document carried over by its text asks nothing of it).
    let applierMade: Applier | undefined;
    const applier = (): Applier =>
      (applierMade ??= new Applier(doc, roles, ctx, relations, previous && new KeptLookup(previous.identities, previous.blocks ?? NO_BLOCKS), unchanged));
    const from = relations.count;
    const segment = previous?.segment;
    /**
     * Whether what the identities gave in `before` (the last version, or a document read afresh before: `recalled`) is
     * what they give now, then carried over. Only figures changed (`unchanged.all`), or tables were read again as they
     * were (a comment or a note typed in a table: its parts renewed, its shape, fields and role the same): the
     * identities give what they gave, at the same numbers of the list, about the new parts — nothing bound, nothing
     * looked up relation by relation —, unless a condition reads differently now.
     */
    const carried = (before: StandardCache | RecalledDocument, recalled: boolean): boolean => {
      const segment = before.segment;
      // A list its analyzer has since taken over (./recall) is empty.
      if (!segment || segment.from !== from || segment.list.count < segment.to) return false;
      // A recalled document whose analyzer has since renewed a part of it (a row typed: the part's store is spliced
      // in place, and the old part reads the edited rows) is not what it was.
      if (recalled) for (const [o, was] of before.parts) if (!sameItems(o.parts, was)) return false;
      const alike = !recalled && unchanged?.all ? NOT_RENEWED : renewedAlike(before, cache, recognitions, segment, recalled);
      if (!alike) return false;
      // Blocks read by a table read again are taken apart (their identities listed, as applied one by one); a
      // recalled document's all (its tables are new).
      let identities = before.identities;
      let blocks = before.blocks ?? NO_BLOCKS;
      let items = segment.applied;
      if (alike !== NOT_RENEWED) {
        const gone = new Set<Block>();
        const renewed = [...alike.renewed];
        for (const item of items) if (item instanceof BlockAt && (recalled || renewed.some((t) => item.block.watch.has(t)))) gone.add(item.block);
        if (gone.size) {
          items = dissolveItems(items, gone, segment.list);
          if (!recalled) identities = dissolveKept(identities, gone);
          blocks = blocks.filter((b) => !gone.has(b));
        }
      }
      const kept = alike === NOT_RENEWED ? identities : recalled ? keptRecalled(identities, alike) : keptAcross(identities, alike);
      if (!kept || !relations.samePrefix(segment.list, from, 0, alike.parts)) return false;
      // A condition reads the document's figures and text (a phrase it states), which decide nothing else it reads
      // (its tables are those of `before`, alike): a document read afresh of the same text as the one recalled (a
      // document reopened) reads each as that one did, with nothing judged again.
      const sameText = recalled && 'text' in before && before.text === doc.text;
      if (!sameText && !applier().standsAsItWas(kept, blocks)) return false;
      // Of the same text, each table is of the shape of the one it replaces (asked of by the named quantities).
      if (sameText) for (const [o, t] of alike.tables) if (recognitions.has(t)) shapeAsBefore(t, o, before.parts.get(o)!);
      relations.copyRange(segment.list, segment.from, segment.to, alike.parts.size ? alike.parts : undefined);
      // A block stands at the same numbers of the list.
      const moved = items.map((a) => (a instanceof BlockAt ? a : a.in(relations, alike.tables.get(a.table))));
      cache.identities = kept;
      cache.blocks = blocks;
      cache.segment = { list: relations, from, to: relations.count, applied: moved };
      reused = recalled ? 'recalled' : alike === NOT_RENEWED ? 'figures' : 'renewed';
      return true;
    };
    // Found by its text first (a document reopened: no table's shape is made), then by its tables (./recall).
    const recall = !previous && ctx.shapes && ctx.recall ? recallOf(ctx.shapes) : undefined;
    // By the standard tables its tables play and its text's length; then its text is compared (not hashed).
    const text = recall && `${standardIdsOf(doc.tables, recognitions)}\u0001${doc.text.length}`;
    let key: string | undefined;
    let recalled = text !== undefined ? recall!.documentTexts.get(text) : undefined;
    if (recalled && recalled.text !== doc.text) recalled = undefined;
    if (recall && !recalled) {
      recalled = recall.documents.get((key = tablesKey(doc.tables, recognitions)));
      if (recalled && !sameFieldsAll(recalled.parts.keys(), doc.tables)) recalled = undefined;
    }
    const wasCarried = previous ? carried(previous, false) : !!recalled && carried(recalled, true);
    if (!wasCarried) {
      // Room for what the last version made (most of it is made again, relation by relation).
      if (segment) relations.reserve(segment.to - segment.from, segment.list.termsIn(segment.from, segment.to));
      // The last version's identities walked in step (`Walk`): its list began as this one does.
      if (segment && unchanged && segment.from === from && relations.samePrefix(segment.list, from)) applier().walk = new Walk(segment.applied, unchanged);
      if (previous && unchanged) applier().previousParts = previous.parts;
      // What an incremental pass applies one by one is kept in blocks where it can be, for the next version to take
      // whole (a fresh pass keeps it listed: most are not analysed again).
      applier().blocking = !!previous;
      const recs = [...recognitions];
      // Each table's identities as applied, and their kept results (reused: a table's are listed or joined to a block at once).
      const made: Applied[] = [];
      const kept: Kept[] = [];
      for (let i = 0; i < recs.length;) {
        const n = applier().carry(recs, i);
        if (n) {
          i += n;
          continue;
        }
        const [t, st] = recs[i++];
        made.length = kept.length = 0;
        for (const idn of between(st)) {
          made.push(applier().apply(idn, t, true));
          kept.push(applier().lastKept!);
        }
        applier().tableApplied(t, st, made, kept);
      }
      applier().close();
      applier().flush();
      cache.identities = applier().kept;
      cache.blocks = applier().blocks;
      cache.segment = { list: relations, from, to: relations.count, applied: applier().items };
    }
    // Kept by its tables when applied, by its text when not found by it.
    if (recall && text !== undefined && (!wasCarried || key !== undefined)) {
      const kept: RecalledDocument = { ...cache, identities: conditioned(cache.identities, cache.blocks ?? NO_BLOCKS), blocks: NO_BLOCKS, text: doc.text };
      const rows = rowsIn(doc.tables);
      if (!wasCarried) recall.documents.set(key ?? tablesKey(doc.tables, recognitions), kept, rows);
      recall.documentTexts.set(text, kept, rows);
    }
  }
  // The identities applied to each table, found when first asked (hover, the outline): the sections' own, then those
  // between tables, in order.
  const items = cache.segment?.applied ?? NO_ITEMS;
  const appliedTo = () => {
    const applied = new Map<Table, AppliedIdentity[]>();
    for (const s of sections) for (const a of s.applied) pushTo(applied, a.table, a);
    for (const item of items) {
      if (item instanceof Applied) pushTo(applied, item.table, item);
      else for (const a of appliedOf(item.block, item.at, relations)) pushTo(applied, a.table, a);
    }
    return applied;
  };
  return { report: new StandardReport(doc, ctx, set, recognitions, appliedTo, roles, reused), cache };
}

/**
 * Tables of the last version read again as they were: the parts that replace theirs (`parts`), the tables that
 * replace them (`tables`, by the old table; one that kept its object is not listed), the old tables whose parts were
 * renewed (`renewed`).
 */
interface Renewed {
  parts: Map<Part, Part>;
  tables: Map<Table, Table>;
  renewed: Set<Table>;
}

const NOT_RENEWED: Renewed = { parts: new Map(), tables: new Map(), renewed: new Set() };

/**
 * The tables of `now` that replace those of `before` alike, when each standard table whose parts were renewed (a
 * comment line or a note typed in it, its section read again) kept its shape (./shapes: everything binding and
 * expansion read but figures), its fields, its place and its role (and every relation kept as its object finds its
 * cells in the new parts): then they are the same relations about the new parts. Undefined when a table came, went
 * or moved, changed otherwise, or its old shape is not known. `recalled`: `before` is a document read afresh, found by
 * the key of these tables (`tablesKey`) or by its text (the same text, of the same standard tables), either of which
 * says that each table plays the same standard table with the same shape and fields as the one it replaces (made of
 * those tables when their parts were `before.parts`, the caller's check), and so that the identities' relations,
 * which read only tables playing a standard table, find their cells in the new parts.
 */
function renewedAlike(
  before: StandardCache, now: StandardCache, recognitions: ReadonlyMap<Table, StandardTable>, segment: NonNullable<StandardCache['segment']>, recalled: boolean,
): Renewed | undefined {
  if (before.parts.size !== now.parts.size) return undefined;
  const out: Renewed = { parts: new Map(), tables: new Map(), renewed: new Set() };
  const old = before.parts.entries();
  for (const [t, parts] of now.parts) {
    const [o, was] = old.next().value as [Table, Part[]];
    if (o === t && sameItems(parts, was)) continue;
    // A table of the last version that stands elsewhere now (sections moved past each other): not read again, its
    // relations are not those of the table that stood here.
    if (o !== t && before.parts.has(t)) return undefined;
    if (o !== t) out.tables.set(o, t);
    // A table no set knows is read by no identity (the roles below say whether it became one).
    if (!replacesAlike(o, was, t, !recalled && recognitions.has(t), out)) return undefined;
  }
  for (const [st, list] of now.roles) {
    const was = before.roles.get(st);
    if (!was || was.length !== list.length) return undefined;
    for (let i = 0; i < list.length; i++) if ((out.tables.get(was[i]) ?? was[i]) !== list[i]) return undefined;
  }
  return recalled || swappable(segment.list, segment.from, segment.to, out.parts) ? out : undefined;
}

/**
 * Whether `t` replaces `o`, whose parts were `was`, as it was: parts of the same kinds (each added to `out`, with `o`
 * as renewed) and, when `shaped` (it plays a standard table, and the caller does not know its shape already), the
 * same shape (./shapes: everything binding and expansion read of it but its figures) and the same fields (a form's
 * 项目名称 names its project's row elsewhere).
 */
function replacesAlike(o: Table, was: readonly Part[], t: Table, shaped: boolean, out: Renewed): boolean {
  if (was.length !== t.parts.length) return false;
  if (shaped) {
    const key = shapeWas(o, was);
    if (key === undefined || key !== tableKey(t) || !sameFields(o, t)) return false;
  }
  out.renewed.add(o);
  for (let k = 0; k < was.length; k++) {
    const a = was[k];
    const b = t.parts[k];
    if (a === b) continue;
    if (a instanceof StoredPart !== b instanceof StoredPart) return false;
    out.parts.set(a, b);
  }
  return true;
}

/** Whether two tables print the same fields (a form's 项目名称 names the row of its project in another table). */
function sameFields(a: Table, b: Table): boolean {
  const x = fieldsOf(a);
  const y = fieldsOf(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i].key !== y[i].key || x[i].value !== y[i].value) return false;
  return true;
}

/**
 * The identities kept from the last version, for the tables that replace theirs (`Renewed`): one that read a renewed
 * table stands through the segment only (its own list is about the old parts).
 */
function keptAcross(kept: StandardCache['identities'], r: Renewed): StandardCache['identities'] {
  const out: StandardCache['identities'] = new Map();
  // A kept identity is under its own table (`k.table`, when it has one, is `t`): only a renewed one, whose copy is
  // taken as it is, sits under the table that replaced it.
  const stale = (t: Table, k: Kept) => r.renewed.has(t) || k.touched.some((x) => r.renewed.has(x));
  for (const [identity, byTable] of kept) {
    // An identity none of whose tables was read again keeps its map (3,000 forms' identities at a table's comment).
    let changed = false;
    for (const [t, k] of byTable) if (stale(t, k)) { changed = true; break; }
    if (!changed) {
      out.set(identity, byTable);
      continue;
    }
    const next = new Map<Table, Kept>();
    for (const [t, k] of byTable) next.set(r.tables.get(t) ?? t, stale(t, k) && !k.renewed ? k.renewedCopy() : k);
    out.set(identity, next);
  }
  return out;
}

/**
 * The identities with a condition, each with what its condition read and no more (what a recalled document needs:
 * `keptRecalled`; not the relations each made, which the recall would keep alive).
 */
function conditioned(kept: StandardCache['identities'], blocks: readonly Block[]): StandardCache['identities'] {
  const out: StandardCache['identities'] = new Map();
  const add = (identity: Identity, t: Table, k: Kept) => {
    let next = out.get(identity);
    if (!next) out.set(identity, (next = new Map()));
    const x = new Kept(k.outcome, NO_LIST, NO_TABLES, NO_ROLES);
    x.missing = k.missing;
    x.stated = k.stated;
    x.holds = k.holds;
    x.renewed = true;
    next.set(t, x);
  };
  for (const [identity, byTable] of kept) if (identity.rule.condition) for (const [t, k] of byTable) add(identity, t, k);
  // A block's identities with a condition (the forms' one conditioned identity), in its order.
  for (const b of blocks) if (b.conditions.size || b.phrases.size) b.each((idn, t, k) => { if (idn.rule.condition) add(idn, t, k); });
  return out;
}

/**
 * The identities a document read afresh before kept (`conditioned`: those with a condition, each renewed, with what
 * its condition read, which the next version reads again — `standsAsItWas`), for the tables of this one (every table
 * replaces one of it: `Renewed`). An identity without a condition is not listed: renewed, it would be applied again
 * all the same.
 */
function keptRecalled(kept: StandardCache['identities'], r: Renewed): StandardCache['identities'] | undefined {
  const out: StandardCache['identities'] = new Map();
  for (const [identity, byTable] of kept) {
    const next = new Map<Table, Kept>();
    for (const [t, k] of byTable) {
      const now = r.tables.get(t);
      if (!now) return undefined;
      next.set(now, k);
    }
    out.set(identity, next);
  }
  return out;
}

/** No block, no item (a version that applied no identity between tables). */
const NO_BLOCKS: readonly Block[] = [];
const NO_ITEMS: readonly Item[] = [];

/** No relation (a recalled identity's: never read, it is renewed). */
const NO_LIST = new RelationList();
/** No role: a recalled identity's, and what a result not kept read (shared by all: frozen). */
const NO_ROLES = Object.freeze([]) as readonly StandardTable[] as StandardTable[];

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

/** A standard table's quantities by name, in its order (a claim asks for a few names of the hundreds a set holds). */
const quantitiesByName = new WeakMap<StandardTable, Map<string, Quantity[]>>();
const NO_QUANTITIES: readonly Quantity[] = [];

/**
 * A set's standard tables that hold a quantity, by the quantity's name, in the set's order (most names a claim asks
 * for are none of them: one lookup says so; the others are held by a table or three of the set's tens).
 */
const setQuantityHolders = new WeakMap<StandardSet, Map<string, StandardTable[]>>();
const NO_HOLDERS: readonly StandardTable[] = [];

function holdersOf(set: StandardSet): Map<string, StandardTable[]> {
  let holders = setQuantityHolders.get(set);
  if (!holders) {
    holders = new Map();
    for (const st of set.tables) for (const name of quantitiesNamed(st).keys()) pushTo(holders, name, st);
    setQuantityHolders.set(set, holders);
  }
  return holders;
}

/** The standard tables of `sets` that hold a quantity named `name` (a new list only when two sets both do). */
function quantityHolders(sets: readonly StandardSet[], name: string): readonly StandardTable[] {
  let out: readonly StandardTable[] = NO_HOLDERS;
  for (const set of sets) {
    const of = holdersOf(set).get(name);
    if (of) out = out.length ? out.concat(of) : of;
  }
  return out;
}

function quantitiesNamed(st: StandardTable): Map<string, Quantity[]> {
  let byName = quantitiesByName.get(st);
  if (!byName) {
    byName = new Map();
    for (const q of st.quantities) pushTo(byName, q.name, q);
    quantitiesByName.set(st, byName);
  }
  return byName;
}

/**
 * The figure in column i of a part's first row from row `from` on that prints one there (`one`: of row `from` alone),
 * its kind read from the part's store (no row's head is read, no view made but the found cell's).
 */
function figureIn(p: Part, i: number, from: number, one: boolean): Cell | undefined {
  for (let r = from, n = rowCount(p); r < n; r++) {
    if (isFigure(p, r, i)) return cellOf(p, r, i);
    if (one) break;
  }
  return undefined;
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
    /** The identities applied to each table (made when first asked). */
    private readonly appliedOf: () => ReadonlyMap<Table, AppliedIdentity[]>,
    private readonly roles: Roles,
    /**
     * How the identities between tables were had from the last version: as they were (only figures changed), about
     * the renewed parts of tables read again alike (`renewedAlike`); from a document of the same tables read afresh
     * before, about this one's parts (`recalled`, ./recall); or (undefined) applied.
     */
    readonly reused?: 'figures' | 'renewed' | 'recalled',
  ) {}

  /** The standard table a table of the document was recognised as. */
  tableOf(t: Table): StandardTable | undefined {
    return this.recognitions.get(t);
  }

  /** The identities applied to a table, in the set's order. */
  applied(t: Table): AppliedIdentity[] {
    return (this.appliedTo ??= this.appliedOf()).get(t) ?? [];
  }

  private appliedTo?: ReadonlyMap<Table, AppliedIdentity[]>;

  /** The quantities found so far, by name (a claim asks for a few of the set's hundreds). */
  private readonly named = new Map<string, Cell[]>();
  private found?: (q: Quantity, st: StandardTable, t: Table) => Cell | undefined;
  /** The document's standard tables in the set's order. */
  private ordered?: [Table, StandardTable][];
  /**
   * `ordered` as runs of one standard table ([from, to) in it: the 3,000 forms of a role are one run), so that a
   * name is looked for only in the runs of the tables that hold it (`quantityHolders`), in the same order.
   */
  private runs?: { st: StandardTable; from: number; to: number }[];

  private orderedRuns(): { st: StandardTable; from: number; to: number }[] {
    if (this.runs) return this.runs;
    const ordered = (this.ordered ??= [...this.recognitions].sort((a, b) => a[1].index - b[1].index));
    const runs: { st: StandardTable; from: number; to: number }[] = [];
    for (let i = 0; i < ordered.length; i++) {
      const last = runs[runs.length - 1];
      if (last?.st === ordered[i][1]) last.to = i + 1;
      else runs.push({ st: ordered[i][1], from: i, to: i + 1 });
    }
    return (this.runs = runs);
  }

  /** The cells of a named quantity (`本年收入合计`, `一般公共预算财政拨款支出` …), from the tables that print it, in the set's order. */
  quantity(name: string): Cell[] {
    let cells = this.named.get(name);
    if (cells) return cells;
    cells = [];
    // A name no set of the document's tables knows names nothing (9 in 10 of those the narrative asks for).
    const holders = quantityHolders(this.ctx.sets, name);
    if (holders.length) {
      const runs = this.orderedRuns();
      const ordered = this.ordered!;
      for (const run of runs) {
        if (!holders.includes(run.st)) continue;
        const qs = quantitiesNamed(run.st).get(name) ?? NO_QUANTITIES;
        for (let i = run.from; i < run.to; i++) {
          for (const q of qs) {
            const cell = this.cellOf(q, run.st, ordered[i][0]);
            if (cell) cells.push(cell);
          }
        }
      }
    }
    this.named.set(name, cells);
    return cells;
  }

  /** Every named quantity the document prints, with its cells. */
  quantities(): Map<string, Cell[]> {
    // Each name once, where a table (in the set's order) first names it — whether or not that table prints it.
    const out = new Map<string, Cell[]>();
    for (const [, st] of (this.ordered ??= [...this.recognitions].sort((a, b) => a[1].index - b[1].index))) {
      for (const q of st.quantities) {
        if (out.has(q.name)) continue;
        const cells = this.quantity(q.name);
        if (cells.length) out.set(q.name, cells);
      }
    }
    return out;
  }

  /** A quantity's cell in a table. */
  private cellOf(q: Quantity, st: StandardTable, t: Table): Cell | undefined {
    const find = () => (this.found ??= this.finder())(q, st, t);
    // Found once per table shape when it names a place of its own table by names alone (not another table, which may
    // be missing or of another shape; not a form's field, the row of the form's own project).
    return this.ctx.shapes && refIsOwnByName(q.ref, st) ? this.ctx.shapes.decidedCell(q, t, find) : find();
  }

  /** What finds a quantity's cell in a table: its reference bound and resolved, then the first figure it names. */
  private finder(): (q: Quantity, st: StandardTable, t: Table) => Cell | undefined {
    const binder = new Binder(this.roles);
    const declared = new DeclaredRules(this.doc, this.ctx.m, (text) => binder.table(text));
    return (q, st, t) => {
      const ref = binder.bindRef(q.ref, st, t);
      const target = ref && declared.resolveRef(ref, t);
      if (!target) return undefined;
      const named_ = target.columnName !== undefined || target.columnNumber !== undefined;
      // A column without a row (`「预算数/合计」栏`) names the figure of a table of one row: its first row printing one.
      const at = target.at;
      for (const p of at ? [at.part] : target.part ? [target.part] : t.parts) {
        const col = named_ ? columnIn(p, target) : firstFigureColumn(p);
        if (!col) continue;
        const cell = figureIn(p, col.index, at?.row ?? 0, !!at);
        if (cell || at) return cell;
      }
      return undefined;
    };
  }
}
