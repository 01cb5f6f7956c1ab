/**
 * The standard table sets an analysis knows (the shipped ones, data/standard, and any a project adds), which of them
 * a document follows, and which standard table each of its tables is.
 */
import { norm } from '../model/build';
import type { Field, Header, Part, Table } from '../model/document';
import { eachRowHead } from '../model/rows';
import { exactTitleKey, ruleLabelKey, titleKey } from './names';
import { readStandardSet, type StandardSet, type StandardTable } from './set';
import { SHIPPED_SETS } from './shipped';

/** Header keys that choose a set for one document (`标准表：部门决算`, `标准表：无`). */
const SET_KEYS = new Set(['标准表', '标准表套', '标准表集']);
const OFF = /^(无|否|关|off|none|不适用)$/i;
const AUTO = /^(自动|auto)$/i;

/** What a document's header (or the project configuration) asks for. */
export interface SetChoice {
  sets: StandardSet[];
  /** The header field that chose, when one did. */
  field?: Field;
  /** A name that names no set. */
  unknown?: string;
}

export class StandardLibrary {
  constructor(readonly sets: StandardSet[]) {}

  private static cached?: StandardLibrary;

  /** The sets shipped in data/standard (read once). */
  static shipped(): StandardLibrary {
    return (StandardLibrary.cached ??= new StandardLibrary(SHIPPED_SETS.map((s) => readStandardSet(s.id, s.text))));
  }

  /** The shipped sets and others (a province's, from the project), the others first: they win a name both use. */
  static with(extra: { id: string; text: string }[]): StandardLibrary {
    return new StandardLibrary([...extra.map((s) => readStandardSet(s.id, s.text)), ...StandardLibrary.shipped().sets]);
  }

  /**
   * The sets a document follows: the one its header names (`标准表：…`), else the one `option` names (the project's
   * `standardSet`), else every set of its 类型 (`auto`); none when either says `无` / `off`.
   */
  choose(header: Header, option?: string): SetChoice {
    const field = header.fields.find((f) => SET_KEYS.has(norm(f.key)));
    const choice = norm(field?.value ?? option ?? 'auto');
    if (OFF.test(choice)) return { sets: [], field };
    if (!choice || AUTO.test(choice)) {
      const kind = header.kind ?? (/决算/.test(header.title ?? '') ? '决算' : /预算/.test(header.title ?? '') ? '预算' : undefined);
      return { sets: this.sets.filter((s) => !kind || !s.kind || s.kind === kind), field };
    }
    const sets = this.sets.filter((s) => s.names.some((n) => norm(n) === choice));
    return sets.length ? { sets: sets.slice(0, 1), field } : { sets: [], field, unknown: field?.value ?? option };
  }
}

/**
 * The standard table a document's table is, among `sets`: a table by its title's key (whatever its number, year
 * or the department's name before it); a form (项目申报表 …) by a heading that starts or ends with a variant, the
 * longest that fits.
 */
export function recognise(t: Table, sets: StandardSet[], department?: string): StandardTable | undefined {
  if (t.kind === 'table') {
    const key = titleKey(titleText(t), department);
    for (const set of sets) {
      const st = tablesByKey(set).get(key);
      if (st) return st;
    }
    return undefined;
  }
  const key = titleKey(t.heading, department);
  let best: StandardTable | undefined;
  let length = 0;
  for (const set of sets) for (const st of set.tables) {
    if (!st.form) continue;
    for (const k of st.keys) if (k.length > length && (key.startsWith(k) || key.endsWith(k))) { best = st; length = k.length; }
  }
  return best;
}

/** A set's tables (not forms) by each of their keys, the first table of a key (made once per set). */
const byKey = new WeakMap<StandardSet, Map<string, StandardTable>>();

function tablesByKey(set: StandardSet): Map<string, StandardTable> {
  let m = byKey.get(set);
  if (!m) {
    byKey.set(set, (m = new Map()));
    for (const st of set.tables) if (!st.form) for (const k of st.keys) if (!m.has(k)) m.set(k, st);
  }
  return m;
}

/**
 * The text a table's title is keyed from. A heading whose first word holds a digit gave it as the number
 * (`2026年收支预算总表`): the key reads both, the blank between them kept (`附表2 2023年度…`: a number and a year,
 * names.ts `NUMBER_THEN_YEAR`).
 */
function titleText(t: Table): string {
  return t.number ? `${t.number} ${t.title}` : t.title;
}

/**
 * How near a table's title is to a standard table it was recognised as: 0 its title, 1 one of its variants (`别名：`),
 * 2 only once `…情况表` or `…明细表` is read as `…表` (names.ts `titleKey`).
 */
export function titleRank(t: Table, st: StandardTable, department?: string): number {
  const k = exactTitleKey(titleText(t), department);
  const i = st.exactKeys.indexOf(k);
  return i === 0 ? 0 : i > 0 ? 1 : 2;
}

/**
 * Of the tables (not forms) of one document recognised as one standard table, those nearest to it by title
 * (`titleRank`), and of those as near as each other by title, those not printing their expenditure by the other
 * classification (`classification`): the standard table's role is theirs. 四川省的单位决算 prints `一般公共预算财政拨款支出决算表` and
 * `一般公共预算财政拨款支出决算明细表`, `国有资本经营预算财政拨款支出决算表` and `国有资本经营预算财政拨款收入支出决算表` —
 * two tables each, of which the first is the standard table: a reference to it that took both would add them up.
 * 山东省's 部门预算 (2016) prints `收支预算总表（功能分类科目）` and `收支预算总表（经济分类科目）`, one title once the
 * qualifier is taken off: the one whose expenditure is by function, as the standard table's, plays it.
 * Tables as near as each other by both all keep it (`tables` itself when none is nearer).
 */
export function nearest(tables: Table[], st: StandardTable, department?: string): Table[] {
  if (tables.length < 2 || st.form) return tables;
  const ranks = tables.map((t) => titleRank(t, st, department));
  let best = 2;
  for (const r of ranks) if (r < best) best = r;
  const near = ranks.every((r) => r === best) ? tables : tables.filter((_, i) => ranks[i] === best);
  if (near.length < 2) return near;
  // Of tables as near by title, those whose expenditure is by the other classification (a functional standard table's
  // tables printing economic classes) give the role to the others — only on that evidence: a table continued on the
  // next page under its title, or any two alike, keep it (how many rows each prints decides nothing).
  const against = near.map((t) => classification(t, st) < 0);
  return against.some((x) => x) && !against.every((x) => x) ? near.filter((_, i) => !against[i]) : near;
}

/** Parts' and columns' names that say which classification a table's expenditure is by. */
const ECONOMIC_NAME = /经济分类/;
const FUNCTIONAL_NAME = /功能分类/;

/** Rows of a table read for `classification` (a standard table's tables that tie by title are small: 收支总表). */
const CLASSIFIED_ROWS = 400;

/**
 * Which classification a table's expenditure is by, against a standard table's (economic when its template names
 * `经济分类` or lists economic codes, else functional): 1 the same, −1 the other, 0 neither said. What says it: functional
 * codes (2xx) and `…功能分类…` part or column names; economic codes (3xx, 5xx), `…经济分类…` names, and the names of
 * the economic classes the set's templates print with their codes (301 工资福利支出 …) where the standard table's own
 * template does not print them — the sign of the count of each, never the count (a long table is no nearer).
 */
export function classification(t: Table, st: StandardTable): -1 | 0 | 1 {
  const known = templateKinds(st);
  const [functional, economic] = evidence(t.parts, known.economicNames);
  const same = known.economic ? economic - functional : functional - economic;
  return same > 0 ? 1 : same < 0 ? -1 : 0;
}

/**
 * What parts say of the classification their expenditure is by, counted (at most `CLASSIFIED_ROWS` rows read): by
 * function, `…功能分类…` names and functional codes (2xx); by economic class, `…经济分类…` names, economic codes and the
 * names in `economicNames` printed without a code.
 */
function evidence(parts: readonly Part[], economicNames?: ReadonlySet<string>): [functional: number, economic: number] {
  let functional = 0;
  let economic = 0;
  let rows = 0;
  for (const p of parts) {
    let names = p.name ?? '';
    for (const c of p.columns) names += ` ${c.path.join('')}`;
    if (ECONOMIC_NAME.test(names)) economic++;
    if (FUNCTIONAL_NAME.test(names)) functional++;
    eachRowHead(p, (h) => {
      if (++rows > CLASSIFIED_ROWS) return false;
      const code = h.code;
      if (code && h.codeKind === 'functional' && code[0] === '2') functional++;
      else if (code && h.codeKind === 'economic') economic++;
      else if (!code && h.label && economicNames?.has(ruleLabelKey(h.label))) economic++;
    });
  }
  return [functional, economic];
}

/**
 * Whether a standard table is by economic class (its template says so more than by function), and the names of the
 * economic classes its set's templates print with their codes (`301 | 工资福利支出`) that its own template does not
 * print: such a name printed in a table is a class by economic class.
 */
const kinds = new WeakMap<StandardTable, { economic: boolean; economicNames: Set<string> }>();

function templateKinds(st: StandardTable): { economic: boolean; economicNames: Set<string> } {
  let k = kinds.get(st);
  if (k) return k;
  const own = new Set<string>(st.rowNames.keys());
  for (const p of st.template.parts) eachRowHead(p, (h) => { if (h.label) own.add(ruleLabelKey(h.label)); });
  const economicNames = new Set<string>();
  for (const t of st.set.tables) for (const p of t.template.parts) eachRowHead(p, (h) => {
    if (h.label && h.code && h.codeKind === 'economic' && !own.has(ruleLabelKey(h.label))) economicNames.add(ruleLabelKey(h.label));
  });
  const [functional, economic] = evidence(st.template.parts);
  kinds.set(st, (k = { economic: economic > functional, economicNames }));
  return k;
}
