/**
 * Linking a claim to the table quantity it restates: the cells that print the same quantity.
 *
 * - A `…（类）…（款）…（项）` path, or a 类 name, finds the coded row of that level whose name and whose ancestors'
 *   names (rows whose codes are its prefixes, in the same part) agree with the path.
 * - A subject equal to a row's label (numbering dropped: `四、公共安全支出`, `1.一般公共预算`) finds that row.
 * - A subject equal to a figure column's name finds that column's total row (`基本支出` → the 合计 row's 基本支出 cell;
 *   `公务接待费` → the one row of a 三公 table).
 * - The names documents use for totals (`收、支总计`, `本年支出`, …) find the 总计 and 合计 rows they mean.
 * - An amount said of a project (`resolveProject`) finds its form's: the 绩效自评表's 预算数/执行数, the 项目申报表's
 *   项目当年预算.
 *
 * Which column of a row: the claim's role picks it. This year's amount (the budget in a 预算, the final amount in a 决算)
 * is the first figure column not under a 预算数/上年 heading (in a 决算) or an 上年 heading (in a 预算); a 年初预算 in a
 * 决算 is the column under 预算/年初预算; a base year's amount is the column under 上年.
 */
import { FIELD_PART, fieldsOf, figureColumns, norm } from '../model/build';
import { columnUnit, withoutItemNumber } from '../model/classify';
import type { BudgetDocument, Cell, Column, Part, Table } from '../model/document';
import { cellOf, eachRowHead, indexOfHeads } from '../model/rows';
import { trimEndChars } from '../util/text';
import { MONEY_SCALE } from './lexicon';
import type { Claim, Role } from './extract';
import { pushTo } from '../util/arrays';

export interface Quantity {
  cell: Cell;
  /** The power of ten that brings the cell's figure into the claim's unit (a 元 table read for a 万元 claim: −4). */
  shift: number;
  /** What the claim is of, when its own words say less (`项目全年` of the project 网络运行维护费: `网络运行维护费（预算数）`). */
  subject?: string;
}

const QUOTES = /[“”"‘’'「」『』]/g;

/**
 * What labelKey may change: a blank, a quote, a bracket, or a numeral that may start a numbering. A label without any
 * is its own key (most labels of a long table: keying is done for each of its rows).
 */
const KEYED = /[\s\u3000“”"‘’'「」『』（()）]|^[一二三四五六七八九十廿\d]/;

/** The key a label is matched by: no spaces, quotes, item number (`withoutItemNumber`) or level markers. */
export function labelKey(s: string): string {
  if (!KEYED.test(s)) return s;
  return withoutItemNumber(norm(s).replace(QUOTES, '').replace(/[（(](?:类|款|项)[）)]/g, '')).replace(/[（(]/g, '(').replace(/[）)]/g, ')');
}

/**
 * A looser key: without the words that only say what kind of amount it is (`支出`, `预算`, `总金额` at the end) or that
 * it is planned (`拟采购货物支出` → `货物`).
 */
export function looseKey(s: string): string {
  let k = labelKey(s);
  const planned = k.replace(/^(?:拟采购|拟购买|拟购置)/, '');
  if (planned.length >= 2) k = planned;
  for (let i = 0; i < 3; i++) {
    const before = k;
    k = k.replace(/(预算支出|支出预算|决算支出|支出决算|预算数|决算数|预算|决算|支出|资金|总金额|总额|金额)$/, '');
    if (k === before || k.length < 2) { if (k.length < 2) k = before; break; }
  }
  return k;
}

/** A 政府采购 category printed with its catalogue letter (`一、货物 A`, `三、服务 C`): its name without the letter. */
function withoutCategoryLetter(label: string): string {
  const last = label.charCodeAt(label.length - 1);
  if (last < 65 || last > 90) return label;
  const name = trimEndChars(label.slice(0, -1), ' \t\u3000');
  return name.length < label.length - 1 && name.length >= 2 ? name : label;
}

/**
 * Names documents give the totals of the 收支总表 and 财政拨款收支总表, and the rows they mean (by key).
 * The standard table sets (server/src/standard, issue #10) name these quantities too; these are the words of the narrative.
 */
const TOTALS: { words: RegExp; rows: RegExp; fiscal?: boolean }[] = [
  { words: /^财政拨款收[、,，]?支(出)?(预算)?总(计|预算)$|^财政拨款收入(、|和|与)?支出(预算)?总计$|^财政拨款(收入|支出)(预算)?总计$/, rows: /^(收入总计|支出总计|总计)$/, fiscal: true },
  { words: /^收[、,，]?支(出)?(预算)?总(计|预算|体)$|^收入(、|和|与)?支出(预算)?总(计|体)$|^部门收支总预算$|^(收入|支出)(预算)?总计$|^(收入|支出)总预算$/, rows: /^(收入总计|支出总计|总计)$/ },
  { words: /^(本年)?收入(预算)?合计$|^(部门)?(本年)?收入(预算)?$|^部门预算总收入$|^总收入$/, rows: /^(本年)?收入合计$/ },
  { words: /^(本年)?支出(预算)?合计$|^(部门)?(本年)?支出(预算)?$|^部门预算总支出$|^总支出$/, rows: /^(本年)?支出合计$/ },
];

/** A row of a part, by its number (its view is made only when one of its cells is wanted). */
interface RowEntry { part: Part; index: number; label: string; coded: boolean }
/** A row as a part's row indexes keep it: without the part (they outlive it, see `partIndex`). */
type RowKey = Omit<RowEntry, 'part'>;

/** Every row name TOTALS may look for. */
const TOTAL_ROW = /^(?:收入总计|支出总计|总计|(?:本年)?收入合计|(?:本年)?支出合计)$/;

/** One part's rows by key, loose key and functional code, and its figure columns by name. */
interface PartIndex {
  /** Rows that may be a named total (总计, 本年收入合计 …), by key. */
  readonly totals: Map<string, RowKey[]>;
  readonly byKey: Map<string, RowKey[]>;
  readonly byLoose: Map<string, RowKey[]>;
  readonly byCode: Map<string, RowKey[]>;
  readonly columns: Map<string, { part: Part; column: Column }[]>;
  /** The columns that print a figure in some row (a 政府采购 table's 专项名称 is a column of text). */
  readonly figures: ReadonlySet<number>;
  readonly part: Part;
}

/** Kept per part: a part of a section an edit did not touch is indexed once. */
const partIndexes = new WeakMap<Part, PartIndex>();
/** Name a part's row indexes among those kept over its rows' heads (`indexOfHeads`). */
const BY_KEYS = {};
const BY_CODE = {};
const FIGURES = {};

/**
 * A part's index. Its rows by key and by code, and the columns that print figures, are made when a claim first asks
 * (a claim the standard table sets resolve needs none), and kept over the rows' heads (../model/rows `indexOfHeads`):
 * every edit of a table's rows renews its part, and keying 10,000 labels again took longer than the edit itself.
 */
function partIndex(p: Part): PartIndex {
  let ix = partIndexes.get(p);
  if (ix) return ix;
  let keys: ReturnType<typeof rowsByKey> | undefined;
  let codes: Map<string, RowKey[]> | undefined;
  let figures: ReadonlySet<number> | undefined;
  const byKeys = () => (keys ??= indexOfHeads(p, BY_KEYS, () => rowsByKey(p)));
  const columns = new Map<string, { part: Part; column: Column }[]>();
  for (const c of p.columns) {
    if (c.role !== 'figure') continue;
    for (const name of columnNames(c)) pushTo(columns, name, { part: p, column: c });
  }
  ix = {
    part: p,
    columns,
    get totals() { return byKeys().totals; },
    get byKey() { return byKeys().byKey; },
    get byLoose() { return byKeys().byLoose; },
    get byCode() { return (codes ??= indexOfHeads(p, BY_CODE, () => rowsByCode(p), true)); },
    get figures() { return (figures ??= indexOfHeads(p, FIGURES, () => printingColumns(p))); },
  };
  partIndexes.set(p, ix);
  return ix;
}

/** A label's key and loose key, by label: a row added to a long table keys its rows again, mostly the same labels. */
const keysOfLabels = new Map<string, { key: string; loose: string }>();

function keysOf(label: string): { key: string; loose: string } {
  let k = keysOfLabels.get(label);
  if (!k) {
    if (keysOfLabels.size >= 100_000) keysOfLabels.clear();
    keysOfLabels.set(label, (k = { key: labelKey(label), loose: looseKey(withoutCategoryLetter(label)) }));
  }
  return k;
}

/** A part's rows by label key, loose key and as named totals (what they read of a row stays while its heads stay). */
function rowsByKey(p: Part): Pick<PartIndex, 'totals' | 'byKey' | 'byLoose'> {
  const ix = { totals: new Map<string, RowKey[]>(), byKey: new Map<string, RowKey[]>(), byLoose: new Map<string, RowKey[]>() };
  eachRowHead(p, (r) => {
    // An economic 款 (30209 物业管理费, 30217 公务接待费) is too often a project's or a 三公 item's name in the
    // narrative, and only a part of the quantity the text means: of economic rows only the 类 are matched.
    if (r.codeKind === 'economic' && (r.code?.length ?? 0) > 3) return;
    const { key: k, loose: l } = keysOf(r.label);
    if (!k) return;
    const e: RowKey = { index: r.index, label: r.label, coded: !!r.code };
    pushTo(ix.byKey, k, e);
    if (TOTAL_ROW.test(k)) pushTo(ix.totals, k, e);
    if (l !== k) pushTo(ix.byLoose, l, e);
  });
  return ix;
}

/** A part's rows by functional code. */
function rowsByCode(p: Part): Map<string, RowKey[]> {
  const byCode = new Map<string, RowKey[]>();
  eachRowHead(p, (r) => {
    const code = r.code;
    if (code && r.codeKind === 'functional') pushTo(byCode, code, { index: r.index, label: r.label, coded: true });
  });
  return byCode;
}

/** The figure columns of a part that print a figure in some row. */
function printingColumns(p: Part): Set<number> {
  const figures = new Set<number>();
  const cols = figureColumns(p);
  eachRowHead(p, (r) => {
    for (const c of cols) if (r.kindAt(c.index) === 'figure') figures.add(c.index);
    return figures.size < cols.length;
  });
  return figures;
}

/** Rows a part's index keeps, as rows of that part. */
function entries(ix: PartIndex, rows: readonly RowKey[]): RowEntry[] {
  return rows.map((r) => ({ part: ix.part, ...r }));
}

/**
 * The names under which the standard table sets (server/src/standard) know a quantity a claim may restate, most
 * specific first: `收、支总计` → 收入支出总计; a 三公 item with its role (`公务接待费` budgeted in a 决算 →
 * 公务接待费预算数); the subject without the words that only say it is budgeted.
 */
function standardNames(subject: string, role: Role, kind: '预算' | '决算' | undefined): string[] {
  const k = labelKey(subject).replace(/^(?:本部门|部门|本单位|单位)/, '').replace(/收[、,，]支/, '收支');
  const names: string[] = [];
  const add = (n: string) => { if (n && !names.includes(n)) names.push(n); };
  const base = (n: string) => {
    add(n);
    add(n.replace('收支', '收入支出'));
    add(n.replace(/(预算支出|支出预算|决算支出|支出决算|预算数|决算数|预算|决算)$/, '').replace(/总$/, '总计'));
  };
  // `三公经费财政拨款支出` is the 三公经费 of the 三公 table: the words that say it is spent or appropriated go.
  const k0 = k.replace(/(全年|年初)?(预算数?|预算支出)$/, '');
  const stems = [k0, k0.replace(/(财政拨款)?支出$/, ''), k0.replace(/(财政拨款)?(支出|费用)$/, '').replace(/^一般公共预算(财政拨款)?/, '')].filter((x) => x.length >= 2);
  if (role === 'budget' && kind === '决算') {
    // A 年初预算 in a 决算 is only ever its own quantity (`公务接待费预算数`), never this year's.
    for (const st of stems) add(`${st}预算数`);
    return names;
  }
  if (kind === '决算') for (const st of stems) add(`${st}决算数`);
  base(k);
  // `政府采购预算总金额` is the set's 政府采购.
  add(looseKey(k));
  // `一般公共预算“三公”经费预算数` in a 预算 is the set's 三公经费: the subject without what says it is budgeted or paid.
  for (const st of stems) add(st);
  return names;
}

/**
 * A role as a document of `kind` reads it: this year's amount (`current`) — a 预算's budget, a 决算's final figure —,
 * a 决算's 年初预算 (`budget`), a base year's (`base`); undefined for a final figure in a 预算.
 */
export function roleIn(role: Role, kind: '预算' | '决算' | undefined): Role | undefined {
  if (role === 'base') return 'base';
  if (role === 'budget') return kind === '决算' ? 'budget' : 'current';
  if (role === 'final') return kind === '预算' ? undefined : 'current';
  return 'current';
}

/** A subject that says no more than that an amount is a project's (`项目`, `项目全年`, `项目当年`): its line names which. */
const PROJECT_OWN = /^(项目)?(全年|当年|本年|年初|年度)?(财政)?(资金|资金总额)?$/;
/** A 项目申报表's field of its amount this year. */
const PROJECT_BUDGET_FIELD = /^(项目)?(当年|本年)预算(数)?$/;
/** A 绩效自评表's row of the project's funds (`年度财政资金总额`, `年度资金总额`). */
const FUNDS_TOTAL = /^年度(财政)?资金总额$/;

export class QuantityIndex {
  private readonly parts: PartIndex[] = [];
  private readonly kind: '预算' | '决算' | undefined;
  /** The document's year (its header's): a column headed by it is this year's, by the year before it the base's. */
  private readonly year: number | undefined;
  /** The project forms by the key of their 项目名称, the longest first (made when a claim first asks). */
  private projects?: { key: string; name: string; form: Table }[];

  constructor(
    private readonly doc: BudgetDocument,
    /** The cells of a quantity the standard table sets name (analysis.standard), when the document follows one. */
    private readonly standard?: (name: string) => readonly Cell[],
  ) {
    this.kind = doc.header.kind;
    this.year = doc.header.year;
    for (const t of doc.tables) {
      if (t.kind !== 'table') continue;
      for (const p of t.parts) if (p.columns.some((c) => c.role === 'figure')) this.parts.push(partIndex(p));
    }
  }

  /** The entries of every part under a key (undefined when none). */
  private all<V>(pick: (ix: PartIndex) => Map<string, V[]>, key: string): V[] | undefined {
    let out: V[] | undefined;
    for (const ix of this.parts) {
      const l = pick(ix).get(key);
      if (l) out = out ? out.concat(l) : l;
    }
    return out;
  }

  /** The rows of every part under a key (undefined when none). */
  private rows(pick: (ix: PartIndex) => Map<string, RowKey[]>, key: string): RowEntry[] | undefined {
    let out: RowEntry[] | undefined;
    for (const ix of this.parts) {
      const l = pick(ix).get(key);
      if (l) (out ??= []).push(...entries(ix, l));
    }
    return out;
  }

  /**
   * The table cells a claim restates, with the shift into the claim's unit; empty when it names none. A subject that
   * names what it belongs to (`一般公共预算拨款安排的会议费预算支出`) is tried by its last words too.
   */
  resolve(claim: Claim): Quantity[] {
    const found = this.resolveSubject(claim);
    const de = claim.path ? -1 : claim.subject.lastIndexOf('的');
    if (found.length || de < 0 || claim.subject.length - de < 3) return found;
    return this.resolveSubject({ ...claim, subject: claim.subject.slice(de + 1) });
  }

  private resolveSubject(claim: Claim): Quantity[] {
    const role = this.roleOf(claim);
    if (!role || claim.scale === undefined) return [];
    // The years a column may name: the document's, and the base's (the year the claim names, else the year before).
    const years: Years = { year: this.year, base: role === 'base' ? claim.roleYear : undefined };
    const cells: Cell[] = [];
    const fromRows = (rows: RowEntry[] | undefined) => {
      for (const e of rows ?? []) {
        const col = pickColumn(e.part, role, this.kind, years, partIndex(e.part).figures);
        const c = col && cellOf(e.part, e.index, col.index);
        if (c && (c.kind === 'figure' || c.kind === 'empty' || c.kind === 'dash')) cells.push(c);
      }
    };
    // The quantity as the standard table sets name it, when the document follows one: the tables it is printed in.
    if (this.standard && !claim.path && role !== 'base') {
      for (const name of standardNames(claim.subject, role, this.kind)) {
        const found = this.standard(name).filter((c) => c.kind === 'figure' || c.kind === 'empty' || c.kind === 'dash');
        if (found.length) { cells.push(...found); break; }
      }
    }
    // A subject that starts with its code (`2080505 机关事业单位基本养老保险缴费支出`): the rows printing that code.
    const code = /^(\d{7}|\d{5}|\d{3})(?!\d)/.exec(labelKey(claim.subject));
    if (!cells.length && code) fromRows(this.rows((ix) => ix.byCode, code[1]));
    if (cells.length) return this.quantities(cells, claim.scale);
    if (claim.path) fromRows(this.byPath(claim.path, claim.levels ?? []));
    else {
      const k = labelKey(claim.subject);
      if (!k) return [];
      const loose = looseKey(claim.subject);
      fromRows(this.rows((ix) => ix.byKey, k));
      if (!cells.length) fromRows(this.totals(k));
      if (!cells.length) fromRows(this.rows((ix) => ix.byLoose, loose) ?? this.rows((ix) => ix.byKey, loose));
      if (!cells.length) {
        // `公务用车购置` is the column `公务用车购置费`.
        const columns = this.all((ix) => ix.columns, k) ?? this.all((ix) => ix.columns, loose) ?? this.all((ix) => ix.columns, `${loose}费`);
        for (const { part, column } of columns ?? []) {
          if (!columnFits(column, role, this.kind, years)) continue;
          const total = totalRow(part);
          const c = total !== undefined ? cellOf(part, total, column.index) : undefined;
          if (c && (c.kind === 'figure' || c.kind === 'empty' || c.kind === 'dash')) cells.push(c);
        }
      }
    }
    return this.quantities(cells, claim.scale);
  }

  /**
   * What an amount said of a project restates in the project's form, the form found by its 项目名称 in the words of
   * the claim's subject or of its line's topic (`2. 信息化项目维护及运行项目绩效自评综述：项目全年预算数为 331.37 万元，执行数为
   * 331.37 万元`; `（1）网络传输建设运行费项目 481.74 万元`): in a 绩效自评表 the 年度财政资金总额 row's 预算数 (a 年初/全年
   * 预算) or 执行数 (this year's amount of a 决算); in a 项目申报表 its 项目当年预算 field (this year's amount of a 预算).
   * Only when the subject says no more than that it is the project's (`项目`, `项目全年`, the project's own name).
   */
  resolveProject(claim: Claim, topic: string | undefined): Quantity[] {
    const role = this.roleOf(claim);
    if (!role || role === 'base' || claim.scale === undefined || claim.path) return [];
    const own = labelKey(claim.subject);
    const generic = PROJECT_OWN.test(own);
    // Named in the subject or the line's topic; or, in a document of one project, any line about 项目 (`项目绩效自评综述：
    // 项目全年预算数为 11 万元`).
    const project = this.projectNamed(own) ?? (generic && topic ? this.projectNamed(labelKey(topic)) : undefined) ??
      (generic && (own.startsWith('项目') || (topic ?? '').includes('项目')) ? this.onlyProject() : undefined);
    if (!project) return [];
    // A 预算's amount this year is its form's field; a 决算's, or a 年初/全年预算, the 自评表's column.
    const field = role === 'current' && this.kind === '预算';
    const column = role === 'budget' ? /^预算数/ : role === 'current' && this.kind === '决算' ? /^(执行数|决算数|实际支出)/ : undefined;
    const cells: Cell[] = [];
    for (const p of project.form.parts) {
      if (p.name === FIELD_PART) {
        if (!field) continue;
        eachRowHead(p, (r) => {
          if (!PROJECT_BUDGET_FIELD.test(labelKey(r.label))) return;
          const c = cellOf(p, r.index, 1);
          if (c) cells.push(c);
        });
        continue;
      }
      const col = column && p.columns.find((c) => c.role === 'figure' && column.test(labelKey(c.name)));
      if (!col) continue;
      eachRowHead(p, (r) => {
        if (!FUNDS_TOTAL.test(labelKey(r.label))) return;
        const c = cellOf(p, r.index, col.index);
        if (c && (c.kind === 'figure' || c.kind === 'empty' || c.kind === 'dash')) cells.push(c);
      });
    }
    const what = role === 'budget' ? '预算数' : this.kind === '预算' ? '当年预算' : '执行数';
    return this.quantities(cells, claim.scale).map((q) => ({ ...q, subject: `${project.name}（${what}）` }));
  }

  /**
   * The base year's figure printed beside a quantity, of the kind `said` (a budget, what was spent, an estimate of it):
   * in the same row, the one column under an 上年/year-before heading that is the quantity's own column but for its
   * year and kind of amount (`上年预算数` or `上年执行数` beside `本年预算数` or `预算数`; `2023年/公务接待费` beside
   * `2024年/公务接待费`; `2023年执行数` beside `2024年预算数` in a 2024 document), in the unit of power `scale`.
   * Undefined when this year's column is not this year's, when the part prints no such column of that kind, or more
   * than one, or the row's cell there is not a figure.
   */
  baseBeside(q: Quantity, scale: number, said: AmountKind): Quantity | undefined {
    const col = q.cell.column;
    const years: Years = { year: this.year };
    if (!col || col.role !== 'figure' || columnYear(col, years) !== 'this') return undefined;
    const part = q.cell.row.part;
    const own = columnSlot(col).key;
    const bases = part.columns.filter((c) => {
      if (c.role !== 'figure' || c.index === col.index || !columnFits(c, 'base', this.kind, years)) return false;
      const slot = columnSlot(c);
      return slot.key === own && amountKind(slot.kind, this.kind) === said;
    });
    if (bases.length !== 1) return undefined;
    const b = cellOf(part, q.cell.row.index, bases[0].index);
    return b && b.kind === 'figure' ? this.quantities([b], scale)[0] : undefined;
  }

  /** The project form whose 项目名称 the words hold, the longest such name (none for words that hold none). */
  private projectNamed(words: string): { name: string; form: Table } | undefined {
    if (!words) return undefined;
    // Asked of every amount no table quantity restates, against every form (3,000 in a large 部门预算): once per words.
    let found = this.named.get(words);
    if (found === undefined) this.named.set(words, (found = this.projectForms().find((x) => words.includes(x.key)) ?? null));
    return found ?? undefined;
  }

  /** The project each subject or topic named (`projectNamed`), null for none. */
  private readonly named = new Map<string, { name: string; form: Table } | null>();

  /** The project form of a document that has one. */
  private onlyProject(): { name: string; form: Table } | undefined {
    const forms = this.projectForms();
    return forms.length === 1 ? forms[0] : undefined;
  }

  /** The forms with a 项目名称, by its key, the longest first. */
  private projectForms(): { key: string; name: string; form: Table }[] {
    return (this.projects ??= this.doc.tables.flatMap((t) => {
      if (t.kind !== 'form') return [];
      const name = fieldsOf(t).find((f) => norm(f.key) === '项目名称')?.value.trim() ?? '';
      const key = labelKey(name);
      return key.length >= 2 ? [{ key, name, form: t }] : [];
    }).sort((a, b) => b.key.length - a.key.length));
  }

  /** The cells with the shift that brings each cell's unit (its column's, else its table's) into the claim's (`scale`: the claim's power of ten in 元). */
  private quantities(cells: Cell[], scale: number): Quantity[] {
    const out: Quantity[] = [];
    for (const c of new Set(cells)) {
      // (A column's own unit first: `金额（元）` in a document of 万元.)
      const unit = columnUnit(c.column, c.row.part.table.unit ?? this.doc.header.unit ?? '万元')!;
      out.push({ cell: c, shift: MONEY_SCALE[unit] - scale });
    }
    return out;
  }

  /** This year's amount, a 年初预算 or a base year's, as the document's kind reads the claim's role. */
  private roleOf(claim: Claim): Role | undefined {
    if (claim.kind !== 'amount' || claim.bound || !claim.role) return undefined;
    return roleIn(claim.role, this.kind);
  }

  private totals(key: string): RowEntry[] | undefined {
    const fiscal = /^财政拨款/.test(key);
    for (const t of TOTALS) {
      if (!t.words.test(key)) continue;
      const out: RowEntry[] = [];
      for (const ix of this.parts) for (const [k, rows] of ix.totals) {
        if (!t.rows.test(k)) continue;
        const inFiscal = /财政拨款/.test(ix.part.table.title);
        // A bare 总计 row counts only on a side of a 收支总表 (`### 收入` / `### 支出`).
        if (k === '总计' && !/^(收入|支出)/.test(labelKey(ix.part.name ?? ''))) continue;
        if (inFiscal === fiscal) out.push(...entries(ix, rows));
      }
      return out;
    }
    return undefined;
  }

  /** Rows of the path's level whose names, and whose ancestors' names, agree with the path. */
  private byPath(path: string[], levels: string[]): RowEntry[] {
    const last = path[path.length - 1];
    const level = levels[levels.length - 1];
    const digits = level === '类' ? 3 : level === '款' ? 5 : 7;
    const out: RowEntry[] = [];
    for (const ix of this.parts) for (const [code, rows] of ix.byCode) {
      if (code.length !== digits) continue;
      for (const e of rows) {
        // `人大事务行政运行（项）`: a 项 named after its 款 without the 款's marker.
        const parent = !levels.includes('款') && digits === 7 ? ix.byCode.get(code.slice(0, 5))?.[0] : undefined;
        const joined = parent && labelKey(last) === labelKey(parent.label) + labelKey(e.label);
        if (!sameName(e.label, last) && !joined) continue;
        let ok = true;
        for (let i = 0; i < path.length - 1 && ok; i++) {
          const d = levels[i] === '类' ? 3 : levels[i] === '款' ? 5 : 7;
          const anc = ix.byCode.get(code.slice(0, d))?.[0];
          // An ancestor the table does not print cannot contradict the path.
          if (anc && !sameName(anc.label, path[i])) ok = false;
        }
        if (ok) out.push({ part: ix.part, ...e });
      }
    }
    // Tables without codes (公开01表 `四、公共安全支出`) print a 类 by its name, possibly for other money than the coded
    // tables' (all funds against 财政拨款): both are candidates.
    if (level === '类') {
      for (const e of this.rows((ix) => ix.byKey, labelKey(last)) ?? this.rows((ix) => ix.byLoose, looseKey(last)) ?? []) if (!e.coded) out.push(e);
    }
    return out;
  }
}


/** Two names of one subject: equal as keys, or equal once `支出` and the like are dropped (`公共安全` / `公共安全支出`). */
function sameName(a: string, b: string): boolean {
  const ka = labelKey(a);
  const kb = labelKey(b);
  return ka === kb || looseKey(a) === looseKey(b);
}

/** The names a figure column is known by: its own, and its group's for a 小计/合计 under a group (`“三公”经费 小计`). */
function columnNames(c: Column): string[] {
  const own = labelKey(c.name);
  const names = [own];
  const groups = c.path.slice(0, -1).map(labelKey).filter((g) => g && !/^(预算数|决算数|本年|上年|本年支出|本年收入)$/.test(g));
  if (/^(小计|合计)$/.test(own) && groups.length) names.push(groups[groups.length - 1]);
  const l = looseKey(c.name);
  if (l !== own && l.length >= 2) names.push(l);
  return [...new Set(names)].filter((n) => n.length >= 2 && !/^(小计|合计|金额|总计)$/.test(n));
}

/** The years a column is read against: the document's, and the base's when a claim names it (else the year before). */
interface Years {
  year: number | undefined;
  base?: number;
}

/**
 * The year a column's headings name, as `years` read it: this year's (本年, no year, the document's own: `2024年预算数`
 * in a 2024 document), the base's (上年/上一年, or the base year printed: `2023年执行数`), or another's (`2022年` there).
 * A document of no year reads every year printed as a base year's.
 */
function columnYear(c: Column, years: Years): 'this' | 'base' | 'other' {
  const heads = c.path.map(labelKey).join('/');
  const { year } = years;
  const base = years.base ?? (year === undefined ? undefined : year - 1);
  const printed = /(\d{4})年/.exec(heads);
  if (printed) {
    if (year === undefined) return 'base';
    const n = Number(printed[1]);
    return n === year ? 'this' : n === base ? 'base' : 'other';
  }
  if (!/上年|上一年/.test(heads)) return 'this';
  return year === undefined || base === year - 1 ? 'base' : 'other';
}
/** A budget column of a 决算 table (年初预算, 全年预算数, 预算数 …), not 一般公共预算 / 政府性基金预算 money. */
const BUDGET_HEAD = /年初预算|全年预算|调整预算|预算数|(?:^|\/)预算(?:\/|$)/;
const NOT_AMOUNT = /增减|变动|比例|占比|比重|率|%|％|结转|结余/;

/** A heading that names only the kind of amount under it, its year taken off (`预算数`, `执行数`, `上年预计执行数`'s `预计执行数`). */
const KIND_HEAD = /^(?:年初|全年)?(预计执行|预计完成|预算执行|预算|决算|执行|实际|完成)(?:数|额|金额)?(?:\((?:万元|元)\))?$/;

/**
 * A column's place apart from its year and its kind of amount: its headings without the year each names and without
 * those that only name the kind (`key`), and that kind's word (`kind`; none when no heading names one). `本年预算数`,
 * `上年预算数`, `上年执行数`, `2023年执行数`: key '', kind 预算/预算/执行/执行; `2024年/合计`: `合计`, none.
 */
export function columnSlot(c: Column): { key: string; kind?: string } {
  let kind: string | undefined;
  const key = c.path.map((h) => {
    const k = labelKey(h).replace(/^(?:本年度?|上年度?|上一年度?|\d{4}年度?)/, '');
    const m = KIND_HEAD.exec(k);
    if (!m) return k;
    kind ??= m[1];
    return '';
  }).filter(Boolean).join('/');
  return kind === undefined ? { key } : { key, kind };
}

/** An amount's kind: a budget, what was spent (决算, 执行数, 实际, 预算执行数), or an estimate of it (预计执行数). */
export type AmountKind = 'budget' | 'final' | 'estimate';

/**
 * The kind of amount words name (a basis `比上年执行数`, a column's `上年预算数`); words that name none are the
 * document's own kind (a 预算's budget, a 决算's final amount).
 */
export function amountKind(words: string | undefined, kind: '预算' | '决算' | undefined): AmountKind | undefined {
  if (words && /预计/.test(words)) return 'estimate';
  if (words && /决算|执行|实际|完成/.test(words)) return 'final';
  if (words && /预算/.test(words)) return 'budget';
  return kind === '预算' ? 'budget' : kind === '决算' ? 'final' : undefined;
}

/** Whether a column holds the amount a role means (its year read against `years`). */
function columnFits(c: Column, role: Role, kind: '预算' | '决算' | undefined, years: Years): boolean {
  const heads = c.path.map(labelKey).join('/');
  if (NOT_AMOUNT.test(heads)) return false;
  const y = columnYear(c, years);
  if (role === 'base') return y === 'base';
  if (y !== 'this') return false;
  if (kind === '决算') return role === 'budget' ? BUDGET_HEAD.test(heads) : !BUDGET_HEAD.test(heads) || /决算/.test(heads);
  return role !== 'budget';
}

/** The column of a row that holds the amount a role means: the first that fits and prints figures (any that fits, when none does). */
function pickColumn(p: Part, role: Role, kind: '预算' | '决算' | undefined, years: Years, figures: ReadonlySet<number>): Column | undefined {
  const fits = p.columns.filter((c) => c.role === 'figure' && columnFits(c, role, kind, years));
  return fits.find((c) => figures.has(c.index)) ?? fits[0];
}

/** A part's total row (its number): its 合计/总计 row, or its only row. */
function totalRow(p: Part): number | undefined {
  let only: number | undefined;
  let rows = 0;
  let total: number | undefined;
  eachRowHead(p, (r) => {
    if (total === undefined && /^(合计|总计|小计)$/.test(labelKey(r.label))) total = r.index;
    let figures = false;
    for (let i = 0; !figures; i++) {
      const k = r.kindAt(i);
      if (k === undefined) break;
      figures = k === 'figure' || k === 'empty';
    }
    if (figures && rows++ === 0) only = r.index;
  });
  return rows === 1 ? only : total;
}
