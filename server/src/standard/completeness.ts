/**
 * Completeness of a document against its standard set and its own 目录:
 * - every mandatory table of the set is printed, in one of the set's orders;
 * - the 目录 (a `## 目录` section, one entry per line) lists the tables the document prints, in the order it prints
 *   them; a table it lists is printed;
 * - a table without figures says so under it (`本表无数据`, `本部门无…支出`).
 */
import type { Finding } from '../checks/finding';
import type { StandardMessages } from '../i18n/standard';
import { fieldsOf, figureColumns } from '../model/build';
import { norm } from '../model/classify';
import { trimChars } from '../util/text';
import type { BudgetDocument, Table } from '../model/document';
import { isNonZeroFigure, rowCount } from '../model/rows';
import { hasKey, titleKey } from './names';
import type { StandardSet, StandardTable } from './set';

/** A table of contents: a section headed `目录` (or `目 录`). */
function contentsOf(doc: BudgetDocument): Table | undefined {
  // `hasKey` keys no heading that cannot be 目录 (3,000 forms' headings are asked at every keystroke).
  return doc.tables.find((t) => hasKey(t.heading, '目录'));
}

/** A 目录 entry as printed, and where it is. */
interface Entry { text: string; span: { start: number; end: number } }

/** The entries of a 目录, as printed, each with where it is. */
function entries(contents: Table): Entry[] {
  const lines = [...contents.texts, ...fieldsOf(contents).map((f) => ({ text: `${f.key}：${f.value}`, span: f.span }))];
  return lines.sort((a, b) => a.span.start - b.span.start);
}

/** A 目录 entry's standard table: its text as a title (`五、一般公共预算财政拨款支出决算表`, `表 5. 一般公共预算支出表`). */
function entryTable(text: string, set: StandardSet, department?: string): StandardTable | undefined {
  // Asked again for each document of the same 目录 (a document reopened, a province's documents): kept per set, by
  // text and department (a province's documents print the same entries under their own departments, one after the
  // other: one department per text would make each the last's miss).
  const read = readOf(set);
  let byDepartment = read.entries.get(text);
  if (byDepartment?.has(department)) return byDepartment.get(department);
  const k = titleKey(text, department);
  const st = read.byKey.get(k) ?? read.forms.find((t) => t.keys.some((x) => k.startsWith(x) || k.endsWith(x)));
  if (!byDepartment) {
    if (read.entries.size >= ENTRIES) read.entries.clear();
    read.entries.set(text, (byDepartment = new Map()));
  } else if (byDepartment.size >= DEPARTMENTS) byDepartment.clear();
  byDepartment.set(department, st);
  return st;
}

/**
 * What completeness reads of a set, made once: its tables by each key (the first that has it), its forms, the
 * position of each table in each of its orders, and the 目录 entries met (at most `ENTRIES` texts, `DEPARTMENTS`
 * departments each) with their table.
 */
interface SetRead {
  byKey: Map<string, StandardTable>;
  forms: StandardTable[];
  orders: Map<StandardTable, number>[];
  /** By entry text, then by department (undefined: the document names none); the value undefined: no table. */
  entries: Map<string, Map<string | undefined, StandardTable | undefined>>;
}

const reads = new WeakMap<StandardSet, SetRead>();
/** At most this many entry texts are kept per set, and departments per text. */
const ENTRIES = 4096;
const DEPARTMENTS = 64;

function readOf(set: StandardSet): SetRead {
  let r = reads.get(set);
  if (!r) {
    const byKey = new Map<string, StandardTable>();
    for (const st of set.tables) for (const k of st.keys) if (!byKey.has(k)) byKey.set(k, st);
    const orders = [set.tables, ...set.orders].map((order) => new Map(order.map((st, i) => [st, i])));
    reads.set(set, (r = { byKey, forms: set.tables.filter((st) => st.form), orders, entries: new Map() }));
  }
  return r;
}

/** What an empty table says of itself: `本表无数据`, `无此项支出`, `没有…`, `不涉及`, `未发生`. */
const SAYS_EMPTY = /无数据|本表为空|空表|无[^。，；]{0,30}(?:收入|支出|经费|资金|项目|数据|安排)|没有|未发生|不涉及|未安排|未使用/;

/**
 * The document against its own 目录: a table it lists is printed (when the document prints any standard table: a text
 * whose tables are in another file says nothing of them), a table printed is listed, in the 目录's order.
 */
function contentsCheck(
  doc: BudgetDocument, list: readonly Entry[], set: StandardSet, recognitions: ReadonlyMap<Table, StandardTable>, firsts: Table[],
  present: Set<StandardTable>, printsTables: boolean, sm: StandardMessages,
): Finding[] {
  const out: Finding[] = [];
  const say = (span: { start: number; end: number }, message: string) => out.push({ rule: 'table-contents', severity: 'warning', span, message, related: [] });
  const listed: { st: StandardTable; span: { start: number; end: number } }[] = [];
  for (const e of list) {
    const st = entryTable(e.text, set, doc.header.department?.value);
    if (st && !listed.some((x) => x.st === st)) listed.push({ st, span: e.span });
  }
  if (!listed.length) return out;
  if (printsTables) for (const l of listed) if (!present.has(l.st)) say(l.span, sm.contentsMissing(l.st.title));
  const order = new Map(listed.map((l, i) => [l.st, i]));
  let last = -1;
  let lastTable: Table | undefined;
  for (const t of firsts) {
    const st = recognitions.get(t)!;
    const p = order.get(st);
    if (p === undefined) { say(t.headingSpan, sm.notInContents(st.title)); continue; }
    if (p < last && lastTable) say(t.headingSpan, sm.contentsOrder(st.title, recognitions.get(lastTable)!.title));
    else { last = p; lastTable = t; }
  }
  return out;
}

/** A part of the document as a 目录 or a heading names it: `第四部分 其他需要说明的情况` (anywhere in a heading). */
const PART = /第([一二三四五六七八九十]{1,3})部分(.*)$/;
/** A numbered section: `十四、专项支出、转移支付支出情况说明`. */
const SECTION = /^([一二三四五六七八九十]{1,3})[、.．]\s*(\S.*)$/;
/** What a 目录 line may end with besides its title: Word's field codes (`PAGEREF _Toc25831 h 3`), dot leaders. */
const LEADERS = '.…·． \t\u3000';

/** A 目录 line without its page number, dot leaders and field codes (read from the end: no pattern backtracks). */
function withoutPageEnd(text: string): string {
  const ref = text.indexOf('PAGEREF');
  const t = ref >= 0 ? text.slice(0, ref) : text;
  let end = t.length;
  let digits = end;
  while (digits > 0 && end - digits < 3 && t.charCodeAt(digits - 1) >= 48 && t.charCodeAt(digits - 1) <= 57) digits--;
  // A page number stands after leaders or a blank (a title's own digits do not).
  if (digits < end && digits > 0 && LEADERS.includes(t[digits - 1])) end = digits;
  while (end > 0 && LEADERS.includes(t[end - 1])) end--;
  return t.slice(0, end);
}

/** A title as compared between a 目录 and the body: the unit's name, years, blanks and punctuation out. */
function titleWords(text: string, department: string | undefined): string {
  let k = norm(text).replace(/[“”"「」『』：:，,、（）()《》.．·]/g, '');
  if (department) k = k.split(norm(department)).join('');
  return k.replace(/(?:19|20)\d{2}年度?/g, '').replace(/^(?:部门|单位)/, '');
}

/** A title's two-character pieces (what `alike` compares). */
function piecesOf(x: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < x.length; i++) out.add(x.slice(i, i + 2));
  return out;
}

/**
 * Whether two titles share most of their words (their two-character pieces): `其他需要说明的情况` and `重点工作完成情况`
 * do not. `pb`: b's pieces, when kept.
 */
function alike(a: string, b: string, pb?: () => Set<string>): boolean {
  if (!a || !b || a === b) return true;
  // One inside the other, not a word inside a title (`支出` in `专项支出、转移支付支出情况说明`).
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.includes(short) && short.length >= 4 && short.length >= 0.4 * long.length) return true;
  // Its end, the words before it left out (`预算表` of `省人大办公厅部门预算表`, the unit as the 目录 says it).
  if (short.length >= 2 && long.endsWith(short)) return true;
  // The pieces shared are at most the shorter's: too short a title shares too few (no piece made).
  if (short.length - 1 < 0.6 * (long.length - 1)) return false;
  const pa = piecesOf(a);
  const pbs = pb ? pb() : piecesOf(b);
  let shared = 0;
  for (const x of pa) if (pbs.has(x)) shared++;
  return shared >= 0.6 * Math.max(pa.size, pbs.size);
}

/** The numerals a section's number starts with (a paragraph that starts otherwise is no section: no pattern run). */
const NUMERALS = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));
/** A 目录 entry that names a part. */
const PART_ENTRY = /^[\s\u3000]*第[一二三四五六七八九十]{1,3}部分/;

/**
 * The document's own 目录 against its headings (`contents-heading`): a part it lists (`第四部分 其他需要说明的情况`) is a
 * part of the body, under that title, and a numbered section it lists under a part (`十四、专项支出、转移支付支出情况说明`)
 * is a section of that part. A part whose entries are tables is left to `contentsCheck`; a part or section is found by
 * its number or by its title; a body that prints no part (a transcription that keeps its parts as comments) is not
 * judged, nor a part that numbers none of its sections.
 */
function headingsCheck(doc: BudgetDocument, list: readonly Entry[], set: StandardSet, sm: StandardMessages): Finding[] {
  const headings = doc.headings;
  if (!headings) return [];
  // Only a 目录 that lists the document's parts is read against its headings.
  if (!list.some((e) => PART_ENTRY.test(e.text))) return [];
  const department = doc.header.department?.value;
  // What the check reads, as one text: the same 目录 and headings (a keystroke elsewhere, the document read again)
  // give the same findings, at the entries' places now.
  let key = `${set.id}\u0001${department ?? ''}\u0001${list.map((e) => e.text).join('\u0002')}\u0001`;
  for (const h of headings) key += `${h.level}${h.text}\u0002`;
  for (const l of doc.narrative) if (NUMERALS.has(l.text.charCodeAt(0))) key += `${l.section}\u0003${l.text.slice(0, 4)}\u0002`;
  let bySm = checked.get(sm);
  if (!bySm) checked.set(sm, (bySm = new Map()));
  const known = bySm.get(key);
  if (known) return known.map(({ at, message }) => ({ rule: 'contents-heading', severity: 'warning', span: list[at].span, message, related: [] }));
  const found = headingsFound(doc, list, headings, department, set, sm);
  if (bySm.size >= CHECKED) bySm.clear();
  bySm.set(key, found);
  return found.map(({ at, message }) => ({ rule: 'contents-heading', severity: 'warning', span: list[at].span, message, related: [] }));
}

/** The findings `headingsCheck` made, by what it read (at most `CHECKED` per language). */
let checked = new WeakMap<StandardMessages, Map<string, { at: number; message: string }[]>>();
const CHECKED = 256;

/** Forgets what `headingsCheck` found (with the templates: what a document never seen has not had, shapes.ts). */
export function forgetContentsChecks(): void {
  checked = new WeakMap();
}

/** The entries of the 目录 whose part or section the body does not have or titles otherwise, by their place in `list`. */
function headingsFound(
  doc: BudgetDocument, list: readonly { text: string }[], headings: NonNullable<BudgetDocument['headings']>, department: string | undefined,
  set: StandardSet, sm: StandardMessages,
): { at: number; message: string }[] {
  // The body: its parts by number (title, and the numbers of the sections under it); every title, made when asked.
  type BodyPart = { title: string; raw: string; sections: Set<string> };
  const bodyParts = new Map<string, BodyPart>();
  const named: string[] = [];
  let part: BodyPart | undefined;
  // (No table's or form's heading is among them: `### 收入` names no part or section of the document.)
  for (const h of headings) {
    if (hasKey(h.text, '目录')) continue;
    named.push(norm(h.text));
    const p = h.level === 2 ? PART.exec(h.text) : null;
    if (p) {
      part = { title: titleWords(p[2], department), raw: trimChars(norm(p[2]), ':：'), sections: new Set() };
      if (!bodyParts.has(p[1])) bodyParts.set(p[1], part);
      continue;
    }
    if (h.level === 2) part = undefined;
    const sec = part && NUMERALS.has(h.text.charCodeAt(0)) ? SECTION.exec(h.text) : null;
    if (sec) part!.sections.add(sec[1]);
  }
  if (!bodyParts.size) return [];
  // Sections written as text lines (`十四、…` opening a paragraph) are sections too.
  const partOfSection = new Map<string, BodyPart | undefined>();
  for (const l of doc.narrative) {
    if (!NUMERALS.has(l.text.charCodeAt(0))) continue;
    const sec = SECTION.exec(l.text);
    if (!sec) continue;
    let bp = partOfSection.get(l.section);
    if (!partOfSection.has(l.section)) partOfSection.set(l.section, (bp = bodyParts.get(PART.exec(l.section)?.[1] ?? '')));
    bp?.sections.add(sec[1]);
  }
  let titles: { words: string; pieces: () => Set<string> }[] | undefined;
  /** Whether some heading of the body has this title (the headings' words and pieces made once, when first asked). */
  const somewhere = (title: string) => {
    // Most are found whole in a heading (`名词解释` under `## 名词解释`): no heading's words made.
    if (title.length >= 2 && named.some((t) => t.includes(title))) return true;
    titles ??= named.map((t) => {
      const words = titleWords(t.replace(PART, '$2'), department);
      let pieces: Set<string> | undefined;
      return { words, pieces: () => (pieces ??= piecesOf(words)) };
    });
    return titles.some((t) => alike(title, t.words, t.pieces));
  };
  const out: { at: number; message: string }[] = [];
  let at = -1;
  const say = (message: string) => out.push({ at, message });
  let listed: { text: string; body: BodyPart | undefined } | undefined;
  for (const e of list) {
    at++;
    const text = withoutPageEnd(e.text).trim();
    const p = text.startsWith('第') ? PART.exec(text) : null;
    if (p) {
      const title = titleWords(p[2], department);
      const body = bodyParts.get(p[1]);
      listed = { text, body };
      if (body) {
        // (A heading the import cut short, `第三部分 江苏省高级人民法院 2018`, is the start of the entry's.)
        if (!alike(title, body.title) && !(body.raw && trimChars(norm(p[2]), ':：').startsWith(body.raw))) say(sm.contentsPartDiffers(text, `第${p[1]}部分`, body.title));
      } else if (title && !/表$/.test(title) && !somewhere(title)) say(sm.contentsPartMissing(text));
      continue;
    }
    if (!listed?.body?.sections.size || !NUMERALS.has(text.charCodeAt(0))) continue;
    const sec = SECTION.exec(text);
    if (!sec || listed.body.sections.has(sec[1]) || entryTable(text, set, department)) continue;
    if (!somewhere(titleWords(sec[2], department))) say(sm.contentsSectionMissing(text, listed.text));
  }
  return out;
}

function isEmpty(t: Table): boolean {
  for (const p of t.parts) {
    const figures = figureColumns(p);
    for (let r = 0, n = rowCount(p); r < n; r++) for (const c of figures) if (isNonZeroFigure(p, r, c.index)) return false;
  }
  return true;
}

function saysEmpty(t: Table): boolean {
  const says = (x: string) => SAYS_EMPTY.test(x.replace(/\s+/g, ''));
  return t.notes.some((n) => says(n.text)) || t.texts.some((x) => says(x.text)) || fieldsOf(t).some((f) => says(`${f.key}：${f.value}`));
}

export function completenessFindings(
  doc: BudgetDocument, set: StandardSet, recognitions: ReadonlyMap<Table, StandardTable>, sm: StandardMessages,
): Finding[] {
  const out: Finding[] = [];
  const say = (rule: Finding['rule'], span: { start: number; end: number }, message: string) =>
    out.push({ rule, severity: 'warning', span, message, related: [] });
  // The set's tables the document prints, in its order (each recognition read once: 3,000 forms are asked at every
  // keystroke).
  const printed: Table[] = [];
  const printedAs: StandardTable[] = [];
  for (const t of doc.tables) {
    const st = recognitions.get(t);
    if (st?.set !== set) continue;
    printed.push(t);
    printedAs.push(st);
  }

  // Mandatory tables. A document that prints at most one of them is an excerpt (a draft of one table), not a
  // disclosure: what it leaves out is not missing.
  const present = new Set(printedAs);
  const missing = set.tables.filter((st) => st.mandatory && !present.has(st));
  if (set.tables.filter((st) => st.mandatory && present.has(st)).length >= 2) {
    // One finding per place: the tables missing before one printed table (or after the last), together.
    const groups = new Map<Table, { where: 'before' | 'after'; titles: string[] }>();
    for (const st of missing) {
      const k = printedAs.findIndex((x) => x.index > st.index);
      const after = k < 0 ? undefined : printed[k];
      const at = after ?? printed[printed.length - 1];
      const g = groups.get(at) ?? { where: after ? 'before' as const : 'after' as const, titles: [] };
      g.titles.push(st.title);
      groups.set(at, g);
    }
    for (const [at, g] of groups) say('table-missing', at.headingSpan, sm.missingTable(g.titles.join('」「'), set.name, g.where));
  }

  // The set's order (any of its orders): the first table that comes after one it should precede.
  const firsts: Table[] = [];
  const seen = new Set<StandardTable>();
  printed.forEach((t, k) => {
    const st = printedAs[k];
    if (st.many || seen.has(st)) return;
    seen.add(st);
    firsts.push(t);
  });
  // The document's own 目录 first: where it says another order, that finding is the one to read.
  const contents = contentsOf(doc);
  // Its entries, read once for both checks.
  const list = contents ? entries(contents) : [];
  const contentsFindings = contents ? contentsCheck(doc, list, set, recognitions, firsts, present, printed.length > 0, sm) : [];
  if (contents) out.push(...headingsCheck(doc, list, set, sm));
  const inOrder = (pos: Map<StandardTable, number>) => {
    let last = -1;
    for (const t of firsts) {
      const p = pos.get(recognitions.get(t)!);
      if (p === undefined) continue;
      if (p < last) return false;
      last = p;
    }
    return true;
  };
  const orders = readOf(set).orders;
  if (!orders.some(inOrder)) {
    const pos = orders[0];
    for (let i = 1; i < firsts.length; i++) {
      const earlier = firsts.slice(0, i).find((t) => pos.get(recognitions.get(t)!)! > pos.get(recognitions.get(firsts[i])!)!);
      if (!earlier) continue;
      if (!contentsFindings.some((f) => f.span.start === firsts[i].headingSpan.start)) {
        say('table-order', firsts[i].headingSpan, sm.tableOrder(recognitions.get(firsts[i])!.title, recognitions.get(earlier)!.title));
      }
      break;
    }
  }
  out.push(...contentsFindings);

  // Empty tables say so.
  printed.forEach((t, k) => {
    if (t.kind === 'table' && isEmpty(t) && !saysEmpty(t)) say('table-empty', t.headingSpan, sm.emptyTable(printedAs[k].title));
  });
  return out;
}
