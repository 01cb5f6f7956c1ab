/**
 * Reading the numeric claims of a narrative (情况说明) or of a form's text, with their context, the way a reviewer
 * reads them: every amount with its unit, every change with its direction and base, every rate, share and 完成率,
 * every count, and the words around them (持平, 决算数大于预算数, 主要原因…). Pure text in, plain data out: what the
 * claims say is checked in ./checks, and linked to table quantities in ./link.
 *
 * A line is cut into sentences (at 。；！？) and clauses (at ，：). A claim's subject is the words of its clause
 * before it, cleaned of numbering, years, verbs and direction words; a claim without one takes the subject of the
 * claim before it in its sentence, else of the sentence before, else the line's topic (an item heading such as
 * `1. 一般公共服务支出（类）网信事务（款）事业运行（项）。`), else a 类 named by a heading line above
 * (`（一）一般公共服务支出（类）`).
 */
import { norm } from '../model/build';
import { normBlank } from '../model/classify';
import { parseFigure, type Figure } from '../numbers/decimal';
import type { Span } from '../syntax/ast';
import { isBlank } from '../syntax/reader';
import * as L from './lexicon';

export type ClaimKind = 'amount' | 'change' | 'rate' | 'share' | 'completion' | 'count' | 'percent';
/** What an amount is: this year's (budget or final, by the document), 年初/全年预算, 决算/执行数, or a base year's. */
export type Role = 'current' | 'budget' | 'final' | 'base';

export interface Claim {
  kind: ClaimKind;
  /** The figure as printed (a percentage carries `%`). */
  figure: Figure;
  /** 元, 万元, 亿元, %, or a counter (辆, 人 …). */
  unit: string;
  /** For money: the unit's power of ten in 元 (万元 4). */
  scale?: number;
  /** The figure with its unit, and the figure alone (document offsets). */
  span: Span;
  numberSpan: Span;
  /** `约`, `近`, `左右`, `多`, `余`: the claim is only as precise as the digit it speaks of, and then some. */
  approx: boolean;
  /** `以上`, `不低于`, `≥`: a bound, not a value; never checked. */
  bound: boolean;
  /** Changes and rates: +1 for an increase, −1 for a decrease. */
  direction?: 1 | -1;
  /** Amounts. */
  role?: Role;
  /** The year the amount is of, when the text names one (`2022 年预算数为 …`, `2023 年度收入合计 …`): a year other
   * than the document's makes it a base year's amount. */
  roleYear?: number;
  /** The subject, normalised (no spaces, quotes, numbering, years, verbs). Empty when none could be found. */
  subject: string;
  /** The subject was taken from the context rather than the claim's own clause. */
  inherited: boolean;
  /** The 类/款/项 names when the subject is a `…（类）…（款）…（项）` path (outermost first). */
  path?: string[];
  /** The levels `path` names, in order (`类`, `款`, `项`). */
  levels?: string[];
  /** Shares: the whole's words (`本年支出合计`), '' when the text names none (`占 12.5%`). */
  whole?: string;
  /** The sentence names a base (`比 2022 年`, `与上年相比`, `同比`) before the claim. */
  baseNamed: boolean;
  baseYear?: number;
  /** Index of the claim's sentence within its statement. */
  sentence: number;
  /** The normalised words between the claim's clause start (or the claim before) and the figure. */
  lead: string;
  /** Inside a stated reason (`主要原因是从会议费预算中调减 403.75 万元…`): an explanation, not a claim to check. */
  inReason?: boolean;
  /**
   * What an amount that names no subject before it is for, named after it (`30万元用于基建工程项目预算编制`), or its own
   * word of a subject said respectively (`货物、工程、服务…分别为 a、b 和 c`): the name its messages give it (its subject,
   * for the checks, is still the one it has or inherits).
   */
  purpose?: string;
  /** Its place in a run of figures said respectively (`分别为 a、b 和 c，占 x、y 和 z`) and the run's length. */
  respective?: { at: number; of: number };
}

export interface Comparison {
  /** 决算数大于/小于/等于预算数. */
  relation: 'gt' | 'lt' | 'eq';
  span: Span;
  sentence: number;
}

interface Flat {
  span: Span;
  sentence: number;
  /** `基本持平` allows a small difference. */
  roughly: boolean;
}

export interface Reason {
  span: Span;
  /** The reason's words after `主要原因是`. */
  text: string;
  /** No reason at all (`主要原因：`, `主要原因是qq`, `主要原因是11`, `主要原因：XXXXXX`). */
  placeholder: boolean;
  sentence: number;
}

/** One line of narrative or form text with what it claims. */
export interface Statement {
  text: string;
  span: Span;
  heading?: string;
  section?: string;
  claims: Claim[];
  /** Sentence bounds (offsets in `text`). */
  sentences: { start: number; end: number }[];
  /** A subject the line names without a figure (an item heading: `1. 住房保障支出（类）住房改革支出（款）提租补贴（项）。`). */
  topic?: { subject: string; path?: string[]; levels?: string[] };
  flats: Flat[];
  comparisons: Comparison[];
  reasons: Reason[];
  /** The leading numbering's style (`1.`, `(一)` …), if the line is a numbered item. */
  numbering?: string;
  /** The number it says (`2．` 2), when read. */
  ordinal?: number;
  /** The line introduces what follows (`其中：`, `主要用于以下方面：`, `安排情况如下：`). */
  intro: boolean;
}

export interface SourceLine {
  text: string;
  span: Span;
  heading?: string;
  section?: string;
}

const QUOTES = /[“”"‘’'「」『』《》]/g;
const CJK = /[\u4e00-\u9fff]/;

/** A subject's path of 类/款/项 names: `社会保障和就业支出（类）行政事业单位养老支出（款）…（项）`. */
function pathOf(s: string): { path: string[]; levels: string[]; rest: string } | undefined {
  const re = /[（(](类|款|项)[）)]/g;
  const path: string[] = [];
  const levels: string[] = [];
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const name = s.slice(last, m.index);
    if (name) { path.push(name); levels.push(m[1]); }
    last = m.index + m[0].length;
  }
  if (!path.length) return undefined;
  return { path, levels, rest: s.slice(last) };
}

/**
 * Whether a percentage completes a budget stated right before it in its clause: `完成年初预算数 60999 万元的 40.4%`
 * (the budget's amount between `完成…预算` and its rate). `prev` is the claim before the percentage, `lead` the words
 * between them.
 */
function inlineCompletion(prev: Claim | undefined, sentence: number, lead: string): boolean {
  return !!prev && prev.sentence === sentence && (lead === '' || lead === '的') && isCompletionBudget(prev);
}

/**
 * The change whose rate a bare percentage in brackets right after it is: `较上年减少1.5万元(42.86%)`, `较上年减少18.50万元
 * (65.37%)` (西安新城区卫计局 2019) — the brackets hold the percentage alone, directly after the change's amount in its
 * sentence, as `增加 X 万元（增长 Y%）` holds it with its word. `between` is the text from the change's figure to the
 * percentage, `after` the text after the percentage.
 */
function bracketedRate(prev: Claim | undefined, sentence: number, between: string, after: string): Claim | undefined {
  return prev && prev.kind === 'change' && prev.direction && prev.sentence === sentence && /^\s*[（(]\s*$/.test(between) && /^\s*[)）]/.test(after) ? prev : undefined;
}

/**
 * Whether rate `r` is said on the basis of change `c` said right before it in its sentence (`同口径比2018年减少38万元,同口径比
 * 2018年下降7.4 %`): both name another basis (`L.OTHER_BASIS`), so the rate is of that change, not of one never stated.
 */
export function sameBasis(c: Claim | undefined, r: Claim): boolean {
  return !!c && c.kind === 'change' && c.sentence === r.sentence && L.OTHER_BASIS.test(c.lead) && L.OTHER_BASIS.test(r.lead);
}

/** The most parts of a `含`/`包括`/`其中` list looked back over (`partsHead`). */
const PARTS_LOOK = 16;

/** How many amounts sentence `sentence` prints after claim `j` (a `其中` list's parts), at most PARTS_LOOK looked at. */
function listed(st: Statement, j: number, sentence: number): number {
  let n = 0;
  for (let k = j + 1; k < st.claims.length && k <= j + PARTS_LOOK && st.claims[k].sentence <= sentence; k++) {
    if (st.claims[k].sentence === sentence && st.claims[k].kind === 'amount') n++;
  }
  return n;
}

/**
 * The amount whose parts a `含`/`包括` list right after it names, when claim `x` is one of them (`机管局2013年收支总预算
 * 4,471.22万元,含区泾河源山庄管理处经费250万元,政府机关幼儿园经费537.31万元;比2012年预算增加755.18万元,增长20.32%`, 宁夏
 * 2013): the list is a bracket without brackets, closed where its sentence ends — a change said after it with no subject
 * of its own is the head's (755.18 ÷ (4,471.22 − 755.18) = 20.32%), not its last part's. A `其中` list too, after its head
 * in its sentence or opening the next (`“三公”经费预算为3328万元。其中,…2800万元。同口径比2018年减少830万元,下降20%`, a 市本级
 * 2019 “三公”; 涪陵某镇 2024: every such passage found is the head's).
 */
export function partsHead(st: Statement, x: Claim): Claim | undefined {
  // x's place by its offset (the claims are in order), and a look back of at most PARTS_LOOK claims: linear in the line.
  let lo = 0;
  let hi = st.claims.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (st.claims[mid].span.start < x.span.start) lo = mid + 1;
    else hi = mid;
  }
  if (st.claims[lo] !== x) return undefined;
  for (let j = lo - 1; j >= 0 && j >= lo - PARTS_LOOK; j--) {
    const t = st.claims[j];
    if (t.kind !== 'amount') return undefined;
    const between = st.text.slice(t.span.end - st.span.start, st.claims[j + 1].span.start - st.span.start);
    // A `其中` list is its head's too, in the head's sentence (`…预算为14.01万元,其中:…`) or opening the next (`…预算为3328万元。
    // 其中,…`): the head is then the last figure of the sentence before.
    // (A `其中` of one part only is no list: the change after it may be that part's — `…3328万元。其中：公务用车购置及运行费
    // 2800万元。比上年减少830万元，下降22.9%`, rev28; every `其中` list found before a subjectless change had two or more.)
    if (t.sentence === x.sentence && /^[ \t\u3000]*(?:[，,][ \t\u3000]*)?(?:含|包括)/.test(between)) return t;
    if (t.sentence === x.sentence && /^[ \t\u3000]*(?:[，,][ \t\u3000]*)?其中/.test(between)) return listed(st, j, x.sentence) >= 2 ? t : undefined;
    if (t.sentence === x.sentence - 1 && /^[ \t\u3000]*[。；;][ \t\u3000]*其中/.test(between)) return listed(st, j, x.sentence) >= 2 ? t : undefined;
    if (t.sentence !== x.sentence) return undefined;
  }
  return undefined;
}

/**
 * Whether a claim stands inside brackets that close before `at` (a document offset in its line): `公务用车购置及运行维护费
 * 15 万元（公务用车购置费 5 万元，公务用车运行维护费 10 万元），比上年增加 3 万元` — the change and a share after the
 * brackets speak of the amount before them, not of one inside.
 */
export function bracketedBefore(st: Statement, c: Claim, at: number): boolean {
  return bracketDepth(st.text, c.span.end - st.span.start, at - st.span.start).least < 0;
}

/**
 * The brackets between offsets `from` and `to` of a text: how many more open than close (`net`: > 0, what stands at
 * `to` is inside brackets opened after `from`), and the least that count reached on the way (`least` < 0: brackets
 * opened before `from` closed before `to`). Full- and half-width alike.
 */
export function bracketDepth(text: string, from: number, to: number): { net: number; least: number } {
  let net = 0;
  let least = 0;
  for (let i = from; i < to && i < text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') net++;
    else if ((ch === '）' || ch === ')') && --net < least) least = net;
  }
  return { net, least };
}

/** An amount whose words are only a total's (`人员经费 a 万元、公用经费 b 万元，合计 c 万元`): the total of those before it. */
export function isTrailingTotal(c: Claim): boolean {
  return c.kind === 'amount' && L.TRAILING_TOTAL.test(c.lead);
}

/** A budget named only as what an amount completes (`完成年初预算数 60999 万元的 40.4%`): no total of a `其中`. */
export function isCompletionBudget(c: Claim): boolean {
  return c.kind === 'amount' && L.COMPLETION_OF.test(c.lead);
}

/** Words that name no quantity on their own (`支出决算为 …`: the subject is the item's). */
const GENERIC = new Set(['支出', '收入', '资金', '金额', '合计', '总计', '共计', '其中', '经费', '数额', '项目', '本年', '本年数', '各', '分别']);
// (`加上`, `减去`, `扣除` of a 平衡 paragraph's items: `加上转移性收入`, and `加` alone before `上级…`/`上年…`/`上解…` — `加上级补助收入`
// is 加 + 上级补助收入, `加上年结转` 加 + 上年结转, `加上解支出` 加 + 上解支出, 滨州 2023.)
const LEAD_PREFIX = /^(?:其中|包括|此外|另外|另|主要用于|主要包括|具体为|分别为|即|[一二三四五六七八九十]是|加(?=上级|上年|上解)|加上|减去|扣除)[:：]?/;
const YEAR_PREFIX = /^(?:截至|截止)?[^()（）]{0,30}?\d{4}年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?[,，]?/;
/** Role words alone after a year (`2016年预算`, `2015年决算数为`, `2016年预算拨入`): no subject of their own. */
const ROLE_ONLY = /^(?:年初|全年|调整)?(?:预算|决算|执行)数?(?:拨入|安排)?(?:为|是)?$/;
/** Words that open with last year (after `比`/`较`), not its carried-over money: `上年度总支出`, `比上年度总支出`. */
const LAST_YEAR_FIRST = /^(?:比|较)?(?:上年度?|去年|上一年度?)(?!结转|结余)/;
const BASE_PHRASE = /(?:与|和|比|较|相较于?|相比于?|同比)?(?:上年|上年度|去年|上一年度?|\d{4}年度?)(?:年初)?(?:预算|决算)?数?(?:相比|比较|的)?$/;

/** Cleans the words before a figure into a subject: numbering, years, verbs, roles and direction words removed. */
/**
 * `joined`: the words run from the figure before, with no clause mark between (`公务用车购置费0.14亿元和公务用车运行费1.27亿元`,
 * 福建 2016): a `和`/`及`/`与` they start with joins the two named figures and is no part of the name. After a clause mark
 * it may begin one (`，和平区…`).
 */
function cleanSubject(raw: string, kind: ClaimKind, joined = false): { subject: string; path?: string[]; levels?: string[] } {
  let s = norm(raw).replace(QUOTES, '');
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.replace(/^[，,、；;：:。．.)）\]】]+/, '').replace(L.NUMBERING, '').replace(LEAD_PREFIX, '');
    // An opening bracket that is not a numbering's: `（公务用车购置费 0 万元，…）`.
    if (s === before) s = s.replace(/^[（(]+/, '');
    if (s === before) break;
  }
  // (A change's or rate's words are cut at their base's `与`/`和` below: `…1.27亿元与上年相比减少` names no subject.)
  if (joined && kind !== 'change' && kind !== 'rate') s = s.replace(L.JOINED, '');
  if (kind === 'change' || kind === 'rate') {
    s = s.replace(L.CHANGE_UP, '').replace(L.CHANGE_DOWN, '');
    // `与上年相比`, `比 2022 年预算`, `较上年`, `相较于上年`: the base, not the subject.
    // `对比减少4.35万元` (英德 2016): `对比` names the base as `相比` does.
    const b = /(?:与|和|相较|相比|对比|比|较|同比)/.exec(s);
    if (b) s = s.slice(0, b.index);
    s = s.replace(L.COMPARABLE_BASIS, '');
  }
  // A year and whatever precedes it (a department's name): `江苏省政协办公厅2019年度收入…` → `收入…`. Only when a subject
  // remains after it.
  const y = YEAR_PREFIX.exec(s);
  if (y && y[0].length < s.length) {
    const rest = s.slice(y[0].length);
    // `公务接待费2016年预算8万元,2015年预算12.5万元` (英德 2016): the year between the subject and its role words only — the
    // subject is what stands before the year (the role is read from the year), not `预算`; none before it (`2015年预算`):
    // none, the subject of the claim before.
    let before = kind === 'amount' && ROLE_ONLY.test(rest) ? /^(.*?)\d{4}年/.exec(s)?.[1] : undefined;
    while (before && '，,、；;：:'.includes(before[before.length - 1])) before = before.slice(0, -1);
    s = before !== undefined && (before.length === 0 || (before.length >= 2 && !/^(?:截至|截止)/.test(before))) ? before : rest;
  }
  if (kind === 'amount') {
    // `完成年初预算数 60999 万元的 40.4%`: the budget of the amount before it, not a subject of its own.
    s = s.replace(L.COMPLETION_OF, '').replace(L.ROLE_WORDS, '');
    s = s.replace(BASE_PHRASE, '').replace(LAST_YEAR_FIRST, '');
  } else if (kind === 'completion') {
    s = s.replace(L.COMPLETION, '').replace(/^的$/, '');
  } else if (kind === 'share') {
    // `货物采购授予中小企业合同金额占货物支出金额的`: the part before `占`; the rest names the whole. `所占比重为` names
    // neither: the part is the amount before it.
    const at = s.lastIndexOf('占');
    s = at >= 0 ? s.slice(0, at).replace(/所$/, '') : '';
  } else if (kind === 'count') {
    s = s.replace(/^(?:共有|现有|拥有|共)/, '');
  }
  s = s.replace(L.APPROX_BEFORE, '');
  // `本年度机关运行经费支出`, `全年政府采购支出`: the year is this year (but `本年收入合计` is a row's name).
  if (/^(本年度|本年|全年|当年度?)..../.test(s) && !/^本年(收入|支出)(预算)?合计$/.test(s)) s = s.replace(/^(本年度|本年|全年|当年度?)/, '');
  for (let i = 0; i < 4; i++) {
    const t = L.SUBJECT_TAILS.find((w) => s.length > w.length && s.endsWith(w));
    if (!t) break;
    s = s.slice(0, s.length - t.length);
  }
  let e = s.length;
  while (e > 0 && '，,、；;：:（('.includes(s[e - 1])) e--;
  s = s.slice(0, e);
  if (GENERIC.has(s)) s = '';
  // `文化旅游体育与传媒支出类科目 850088.3 元` (a 广西 2025 部门预算): the 类 of that name.
  if (s.endsWith('类科目') && s.length > 5) s = s.slice(0, -3) + '（类）';
  const p = pathOf(s);
  if (!p) return { subject: s };
  // `一般公共服务（类）支出`: a 类 written with its `支出` after the marker.
  const path = p.path.slice();
  if (p.rest && path.length === 1 && p.levels[0] === '类' && /^支出/.test(p.rest) && !/支出$/.test(path[0])) path[0] += '支出';
  return { subject: path[path.length - 1], path, levels: p.levels };
}

function isPercent(unit: string): boolean {
  return unit === '%' || unit === '％';
}

/** The statement of one line: its sentences, claims, flats, comparisons and reasons. */
function statementOf(line: SourceLine): Statement {
  const text = line.text;
  const base = line.span.start;
  const sentences: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (L.SENTENCE_END.includes(text[i])) {
      sentences.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) sentences.push({ start, end: text.length });
  if (!sentences.length) sentences.push({ start: 0, end: 0 });
  // The sentence holding `pos`: a binary search (a line of thousands of sentences asks for each of its figures).
  const sentenceAt = (pos: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pos < sentences[mid].end) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const basesOf = sentenceBases(text, sentences);

  const numbering = L.NUMBERING.exec(text);
  const st: Statement = {
    text, span: line.span, heading: line.heading, section: line.section, claims: [], sentences,
    flats: [], comparisons: [], reasons: [],
    numbering: numbering ? L.numberingStyle(numbering[1]) : undefined,
    ordinal: numbering ? L.numberingOrdinal(numbering[1]) : undefined,
    intro: /(其中|包括|如下|以下方面|主要为|具体为|主要安排为|主要用于)[^。；;，,]{0,6}[:：]?$/.test(norm(text)) || /[:：]$/.test(text.trim()),
  };

  let prevEnd = 0;
  let prevSentence = -1;
  const openings = new Openings(text);
  for (const m of mentionsOf(text)) {
    const { matched, num, more } = m;
    let unit = m.unit;
    if (unit === '％') unit = '%';
    const after = text.slice(m.index + matched.length, m.index + matched.length + 8);
    // `2 个百分点` is not a percentage of anything; `100 万人` is a count in 万 we do not read.
    if (unit === '个' && /^百分点/.test(after)) continue;
    if ((unit === '万' || unit === '亿') && /^[人个件次户]/.test(after)) continue;
    if (unit === '万') unit = '万元';
    if (unit === '亿') unit = '亿元';
    const percent = isPercent(unit);
    let figure = parseFigure(num + (percent ? '%' : ''));
    if (!figure) continue;
    const sentence = sentenceAt(m.index);
    const s0 = sentences[sentence].start;
    // The lead starts after the clause mark before the figure, or after the figure before it in its sentence: looked
    // for back to that figure only (a sentence of thousands of figures is read once, not once a figure).
    const floor = sentence === prevSentence ? Math.max(s0, prevEnd) : s0;
    let leadStart = floor;
    for (let i = m.index - 1; i >= floor; i--) {
      if (L.CLAUSE_MARKS.includes(text[i])) { leadStart = i + 1; break; }
    }
    const rawLead = text.slice(leadStart, m.index);
    const lead = norm(rawLead).replace(QUOTES, '');
    const bases = basesOf(sentence);
    const upTo = bases.at(m.index);

    let kind: ClaimKind;
    let direction: 1 | -1 | undefined;
    let whole: string | undefined;
    let role: Role | undefined;
    let roleYear: number | undefined;
    const up = L.CHANGE_UP.test(lead);
    const down = !up && L.CHANGE_DOWN.test(lead);
    if (percent) {
      const changed = bracketedRate(st.claims.at(-1), sentence, text.slice(prevEnd, m.index), after);
      // `比重较上年上升5.5%`: the share's change, not the amount's rate — not read (a `个百分点` is never a figure).
      if ((up || down) && L.SHARE_CHANGE.test(lead.replace(up ? L.CHANGE_UP : L.CHANGE_DOWN, ''))) kind = 'percent';
      else if (up || down) { kind = 'rate'; direction = up ? 1 : -1; }
      else if (changed) {
        kind = 'rate';
        direction = changed.direction;
        // `减少1.5万元（-42.86%）`: the sign says the decrease the change says; the rate is its size (as printed in messages).
        if (figure.units < 0n && direction === -1) figure = { ...figure, units: -figure.units };
      }
      else if (L.COMPLETION.test(lead) || inlineCompletion(st.claims.at(-1), sentence, lead)) kind = 'completion';
      else {
        const sh = L.SHARE.exec(lead);
        if (sh) { kind = 'share'; whole = cleanWhole(sh[1]) || openingWhole(text, m.index, st.claims, base, openings); }
        else kind = 'percent';
      }
    } else if (unit in L.MONEY_SCALE) {
      if (up || down) { kind = 'change'; direction = up ? 1 : -1; }
      else {
        kind = 'amount';
        // The year the amount is of: named first (`2023 年度收入合计`, `上年机关运行经费支出`) or with its role
        // (`2022 年预算数为`). A base year's amount is a base; this year's is current (decided against the header).
        const core = lead.replace(/^[（(，,、；;：:]+/, '').replace(/^(?:其中|包括)[:：]?/, '');
        // (`比 2017 年度决算总收入 1058.51 万元`: the year after 比/较 is the amount's too.)
        const first = /^(?:截至|截止|比|较)?(\d{4})[ \t\u3000]*年度?(?!\d{1,2}月)/.exec(core);
        const rb = L.ROLE_BASE.exec(lead);
        const yr = rb && /(\d{4})/.exec(rb[1]);
        if (first) roleYear = Number(first[1]);
        if (rb && (rb[2] || rb[3] || rb[4] || rb[5] || !yr)) {
          role = 'base';
          if (yr) roleYear = Number(yr[1]);
        } else if (LAST_YEAR_FIRST.test(core)) role = 'base';
        else if (L.ROLE_BUDGET.test(lead)) role = 'budget';
        else if (L.ROLE_FINAL.test(lead)) role = 'final';
        else role = 'current';
      }
    } else kind = 'count';

    // Two amounts run together, no word between, the first a base's (`较2022年决算数688.84万元131.49万元,增长19.09%`, 云县
    // 2023, a page that lost its `增加`): the second says nothing of what it is (this year's? the change?) — not read.
    const last = st.claims.at(-1);
    if (kind === 'amount' && last?.kind === 'amount' && last.role === 'base' && sentence === prevSentence && text.slice(prevEnd, m.index).trim() === '') {
      prevEnd = m.index + matched.length;
      continue;
    }
    const bound = L.BOUND_AFTER.test(after) || L.BOUND_BEFORE.test(lead);
    const approx = !!more || L.APPROX_BEFORE.test(lead) || L.APPROX_AFTER.test(after);
    const cleaned = cleanSubject(rawLead, kind, leadStart === floor && floor === prevEnd && sentence === prevSentence);
    const by = bases.year && bases.year.end <= upTo ? bases.year.value : undefined;
    const numStart = base + m.index;
    const claim: Claim = {
      kind, figure, unit,
      span: { start: numStart, end: numStart + matched.length },
      numberSpan: { start: numStart, end: numStart + num.length },
      approx, bound, subject: cleaned.subject, inherited: false, sentence, lead,
      baseNamed: bases.named <= upTo, ...(by !== undefined ? { baseYear: by } : {}),
    };
    if (unit in L.MONEY_SCALE) claim.scale = L.MONEY_SCALE[unit];
    if (direction) claim.direction = direction;
    if (role) claim.role = role;
    if (roleYear !== undefined) claim.roleYear = roleYear;
    if (whole !== undefined) claim.whole = whole;
    if (cleaned.path) { claim.path = cleaned.path; claim.levels = cleaned.levels; }
    if (kind === 'amount' && !cleaned.subject) {
      // (The words after it up to the longest the pattern reads: a line of many amounts stays linear.)
      const used = USED_FOR.exec(text.slice(m.index + matched.length, m.index + matched.length + 64));
      if (used) claim.purpose = norm(used[1]).replace(QUOTES, '');
    }
    st.claims.push(claim);
    prevEnd = m.index + matched.length;
    prevSentence = sentence;
  }

  // The line's topic: its first sentence when it names a subject but no figure (`1. 一般公共服务支出（类）…（项）。`).
  // Or, for a numbered item, its words before the first colon (`1. 某某项目绩效自评综述：项目全年预算数为 …`).
  const first = sentences[0];
  const colon = text.search(/[:：]/);
  const firstFigure = st.claims.length ? st.claims[0].span.start - base : text.length;
  const end = !st.claims.some((c) => c.sentence === 0) ? first.end : st.numbering && colon >= 0 && colon < firstFigure ? colon : -1;
  if (end >= 0) {
    const t = text.slice(first.start, end).replace(/[。；;！？!?：:]$/, '');
    const c = cleanSubject(t, 'amount');
    if (c.path || (st.numbering && c.subject && c.subject.length <= 40)) st.topic = c;
  }

  for (const m of text.matchAll(L.COMPARE)) {
    const w = m[1];
    const relation = /大于|超过|高于|多于/.test(w) ? 'gt' : /小于|低于|少于/.test(w) ? 'lt' : 'eq';
    st.comparisons.push({ relation, span: { start: base + m.index!, end: base + m.index! + m[0].length }, sentence: sentenceAt(m.index!) });
  }
  for (const m of text.matchAll(L.FLAT)) {
    // `决算数与预算数持平` is a comparison, not a change from last year.
    const at = base + m.index!;
    if (st.comparisons.some((c) => c.span.start <= at && at < c.span.end)) continue;
    st.flats.push({ span: { start: base + m.index!, end: base + m.index! + m[0].length }, sentence: sentenceAt(m.index!), roughly: m[0].startsWith('基本') });
  }
  for (const m of text.matchAll(L.REASON)) {
    const reason = m[1].trim();
    const words = reason.replace(/[\s，,、。；;：:.!！?？（）()“”"']/g, '');
    const placeholder = !CJK.test(words) || /^[Xx×＊*○〇…]+$/.test(words) || /^(XX|xx)/.test(words);
    // A numbered list of reasons (`主要原因为:(1)…;(2)绩效奖金较2014年增长12.4万元:(3)…。`, 沈阳 2015): every item is the
    // reason's, to the sentence's end.
    let length = m[0].length;
    if (/^(?:[（(][1一][)）]|[1一][.、．]|①|一是)/.test(reason)) {
      const stop = text.indexOf('。', m.index! + length);
      length = (stop >= 0 ? stop : text.length) - m.index!;
    }
    const span = { start: base + m.index!, end: base + m.index! + length };
    st.reasons.push({ span, text: reason, placeholder, sentence: sentenceAt(m.index!) });
    for (const c of st.claims) if (c.span.start >= span.start && c.span.start < span.end) c.inReason = true;
  }
  respectively(st);
  return st;
}

/**
 * What the words of a sentence before each of its figures say of a base (`比`/`较`/`与…相比`, `比2022年`), read once per
 * sentence rather than once per figure: `at(i)` is the length of the sentence's words (blanks left out, as `norm`) before
 * the line's offset `i`; `named` the least such length at which the words name a base (`L.BASE_NAMED`; Infinity: never),
 * `year` the first base year the words name and the length at which they have named it (`L.BASE_YEAR`). Both only grow
 * with the words: a pattern found in a text is found in every text that extends it, and a base year is a run of fixed
 * length once blanks are gone, so the first found in the sentence is the first found before any figure after its end.
 */
interface SentenceBases {
  at(i: number): number;
  named: number;
  year?: { end: number; value: number };
}

function sentenceBases(text: string, sentences: readonly { start: number; end: number }[]): (k: number) => SentenceBases {
  // Blanks before each offset of the line, counted once (most lines have none: then no count is kept).
  let blanks: Int32Array | undefined;
  if (/[\s\u3000]/.test(text)) {
    blanks = new Int32Array(text.length + 1);
    for (let i = 0; i < text.length; i++) blanks[i + 1] = blanks[i] + (normBlank(text.charCodeAt(i)) ? 1 : 0);
  }
  const made: (SentenceBases | undefined)[] = [];
  return (k) => {
    let b = made[k];
    if (b) return b;
    const s0 = sentences[k].start;
    const words = norm(text.slice(s0, sentences[k].end));
    const at = blanks ? (i: number) => i - s0 - (blanks![i] - blanks![s0]) : (i: number) => i - s0;
    // The least length of the words' start that names a base: a binary search over lengths (a longer start names one
    // whenever a shorter does).
    let named = Infinity;
    if (L.BASE_NAMED.test(words)) {
      let lo = 1;
      let hi = words.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (L.BASE_NAMED.test(words.slice(0, mid))) hi = mid;
        else lo = mid + 1;
      }
      named = lo;
    }
    b = { at, named };
    const y = L.BASE_YEAR.exec(words);
    if (y) b.year = { end: y.index + y[0].length, value: Number(y[1]) };
    made[k] = b;
    return b;
  };
}

/** `用于…` right after an amount, to the end of its clause: what the amount is for. */
const USED_FOR = /^[ \t\u3000]*(?:主要|全部|专项)?用于([^，,。；;：:（(\d]{2,30}?)[、和及与]?(?=[，,。；;：:（(\d]|$)/;

/** A number with its unit in a line (`MENTION`), or a bare number its run's last figure gives a unit (`bareRun`). */
interface Mention {
  index: number;
  /** The text of the number and unit (the number alone for a bare one). */
  matched: string;
  num: string;
  more: string | undefined;
  unit: string;
}

/** The mentions of a line, in order: each `MENTION`, after the bare numbers of its run (`bareRun`). */
function mentionsOf(text: string): Mention[] {
  const out: Mention[] = [];
  const re = new RegExp(L.MENTION.source, 'g');
  let prevEnd = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const [start, end] of bareRun(text, prevEnd, m.index)) {
      out.push({ index: start, matched: text.slice(start, end), num: text.slice(start, end), more: undefined, unit: m[3] });
    }
    out.push({ index: m.index, matched: m[0], num: m[1], more: m[2], unit: m[3] });
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/**
 * The bare numbers before a figure at `at` (between `from` and it) that share its unit: a run joined by `、`, `，`, `和`
 * (`收、支总计各减少 1267.86，2570.97 万元`, `分别为 8607.0、15004.3 和 9455.6 亿元`), after the words of a run said
 * respectively. Their [start, end) offsets, in order; none when the words before them are not such. Read backwards
 * code unit by code unit: it is asked of every figure of every line.
 */
function bareRun(text: string, from: number, at: number): [number, number][] {
  const out: [number, number][] = [];
  let i = at;
  for (;;) {
    let j = i;
    while (j > from && isBlank(text.charCodeAt(j - 1))) j--;
    if (j <= from || !'，,、和及与'.includes(text[j - 1])) break;
    j--;
    while (j > from && isBlank(text.charCodeAt(j - 1))) j--;
    // A number without a unit: digits, at most one point between digits, a minus before them.
    let k = j;
    let point = false;
    while (k > from) {
      const c = text.charCodeAt(k - 1);
      if (c >= 48 && c <= 57) k--;
      else if (c === 46 && !point && k < j && k - 1 > from && text.charCodeAt(k - 2) >= 48 && text.charCodeAt(k - 2) <= 57) { point = true; k--; }
      else break;
    }
    if (k === j) break;
    if (k > from && text[k - 1] === '-') k--;
    // A digit, letter or point right before it makes it part of something else (`A1`), and so does a half-width comma
    // that can be a thousands separator (`1,234`: three digits without decimals after a digit and the comma, as
    // MENTION reads it); after any other comma it is the next of the run (`各是1.5,2.5,3.5万元`).
    if (k > from && /[\d.A-Za-z]/.test(text[k - 1])) break;
    if (k > from && text[k - 1] === ',' && !point && j - k === 3 && k - 1 > from && /\d/.test(text[k - 2])) break;
    out.unshift([k, j]);
    i = k;
  }
  return out.length && L.RESPECTIVELY.test(text.slice(Math.max(from, out[0][0] - 14), out[0][0])) ? out : [];
}

/**
 * The runs of claims of one unit in one sentence, each joined to the one before by `RUN_JOIN` (`a 万元、b 万元和 c 万元`),
 * or by a comma alone after words that say the run respectively (`各是 4125.49，4143.91 万元`) or after a run said
 * respectively earlier in the sentence, up to its length (`分别为 a，b，c 万元，占总额的 x%，y%，z%`).
 */
function runsOf(claims: Claim[]): Claim[][] {
  const runs: Claim[][] = [];
  // The longest run said respectively so far in the current sentence.
  let said = 0;
  let saidSentence = -1;
  for (const c of claims) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (c.sentence !== saidSentence) { said = 0; saidSentence = c.sentence; }
    const saidRun = !!run && (L.RESPECTIVELY.test(run[0].lead) || run.length < said);
    const commaJoined = c.lead === '' && saidRun;
    // `分别增加 8 万元和减少 2 万元，分别增长 10%和下降 5%`, `分别为增加 a、减少 b`: a change or rate of a run said respectively
    // that says its own direction and nothing more (each keeps its own direction: `respectively`).
    const directionJoined = saidRun && !!c.direction && c.kind === run[0].kind && ownDirectionOnly(c.lead);
    if (run && last && last.sentence === c.sentence && last.unit === c.unit && (L.RUN_JOIN.test(c.lead) || commaJoined || directionJoined)) run.push(c);
    else runs.push([c]);
    const now = runs.at(-1)!;
    if (now.length > said && L.RESPECTIVELY.test(now[0].lead)) said = now.length;
  }
  return runs;
}

/** Words that say a direction alone, after a joining word or none (`和减少`, `、下降`, `增长`): `CHANGE_UP`/`CHANGE_DOWN` whole. */
function ownDirectionOnly(lead: string): boolean {
  const words = lead.replace(L.JOINED, '');
  const m = L.CHANGE_UP.exec(words) ?? L.CHANGE_DOWN.exec(words);
  return !!m && m.index === 0;
}

/**
 * Figures said respectively (`货物、工程、服务采购支出分别为 9399.2 万元、16961.2 万元和 10038.6 万元，占政府采购支出总额的
 * 25.8%、46.6%和 27.6%`; `收、支总计各是 4125.49，4143.91 万元。…各减少 1267.86，2570.97 万元，各下降 23.51%、38.28%`):
 * each figure of a run after the first that says nothing of its own (read as a bare amount or percentage) takes the
 * first's reading — its kind, direction, role, whole and subject —, and every member of a run its place in it
 * (`respective`, with the run's length): the checks pair a share, a change and a rate with the amount (or change) at its
 * place in a run of as many before it.
 */
function respectively(st: Statement): void {
  const index = new Map<Claim, number>();
  st.claims.forEach((c, i) => index.set(c, i));
  for (const run of runsOf(st.claims)) {
    if (run.length < 2) continue;
    const first = run[0];
    namedRun(st.claims, index.get(first)!, run);
    // `货物、工程、服务政府采购规模分别为 a、b 和 c`: each named by its own word in messages (`purpose`), when the subject
    // lists as many words of two characters or more.
    const names = first.subject.split(/[、，,和及与]/);
    const named = names.length === run.length && names.every((n) => n.length >= 2) && run.every((c) => c.kind === first.kind || c.kind === 'amount' || c.kind === 'percent');
    run.forEach((c, k) => {
      if (k > 0 && (c.kind === 'amount' || c.kind === 'percent') && c.kind !== first.kind) {
        c.kind = first.kind;
        if (first.direction) c.direction = first.direction;
        if (first.whole !== undefined) c.whole = first.whole;
      }
      if (k > 0 && c.kind === first.kind) {
        if (first.role) c.role = first.role;
        if (first.roleYear !== undefined) c.roleYear = first.roleYear;
        c.baseNamed ||= first.baseNamed;
        c.subject = first.subject;
        c.inherited = true;
      }
      c.respective = { at: k, of: run.length };
      if (named && c.kind === 'amount' && c.purpose === undefined) c.purpose = names[k];
    });
  }
}

/**
 * Changes said respectively right after as many amounts each named on its own (`包括公务用车购置费0.14亿元和公务用车运行费
 * 1.27亿元,与2015年相比,分别减少0.18亿元和0.56亿元`, 福建省级 2016 “三公”): those amounts are the run the changes are of,
 * in order — each keeps its own subject. Only amounts of this year of the changes' unit and sentence, the claims right
 * before the run's first, each after the first joined to the one before by `和`, `、`, `及`, `与` at the start of its words.
 */
function namedRun(claims: Claim[], i0: number, run: Claim[]): void {
  const first = run[0];
  if (first.kind !== 'change' || !L.RESPECTIVELY.test(first.lead) || i0 < run.length) return;
  const amounts = claims.slice(i0 - run.length, i0);
  const ok = amounts.every((a, k) => a.kind === 'amount' && a.role === 'current' && !a.respective && a.unit === first.unit &&
    a.sentence === first.sentence && (k === 0 || L.JOINED.test(a.lead)));
  if (ok) amounts.forEach((a, k) => { a.respective = { at: k, of: run.length }; });
}

/** The member of a run at `c`'s place in a run of as many (`respectively`), the last such in `list` that `ok` takes. */
export function counterpart(c: Claim, list: readonly Claim[], ok: (x: Claim) => boolean): Claim | undefined {
  const r = c.respective;
  return r && list.filter((x) => x.respective?.at === r.at && x.respective.of === r.of && ok(x)).at(-1);
}

/** The whole of a share, as named: `本年支出合计的` → `本年支出合计`; quotes dropped; `占比` names none. */
function cleanWhole(raw: string): string {
  // `占比 12.5%`, `占比为 12.5%`: no whole named.
  return norm(raw).replace(QUOTES, '').replace(/的$/, '').replace(/^(其|该)/, '').replace(/^比$/, '');
}

/**
 * The whole a sentence opens with, for a share that names none (`2023 年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算
 * 0 万元，占 0%；公务用车购置及运行维护费支出决算 6.32 万元，占 74.18%；…`): its words before `中，`, no figure standing
 * before them in the sentence (`X 万元中，…` is a total and its parts: checks.ts `listMarkers`), cleaned as a subject;
 * '' when the sentence opens otherwise. `at`: the share's offset in the line; `claims`: the line's claims before it.
 */
function openingWhole(text: string, at: number, claims: readonly Claim[], base: number, openings: Openings): string {
  const { s, m } = openings.at(at);
  // (The opening read once per sentence: it must end before the share.)
  if (!m || s + m[0].length > at || /其$/.test(m[1])) return '';
  const end = base + s + m[0].length;
  // A claim of the line (in order) standing in the opening.
  let lo = 0;
  let hi = claims.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (claims[mid].span.start < base + s) lo = mid + 1; else hi = mid;
  }
  if (lo < claims.length && claims[lo].span.start < end) return '';
  const subject = cleanSubject(m[1], 'amount').subject;
  return subject.length >= 2 ? subject : '';
}

/**
 * The words each sentence (to a full stop) of a line opens with (`OPENING`), read once per sentence: a line of thousands
 * of shares asks for it at each (`openingWhole`).
 */
class Openings {
  private readonly stops: number[] = [];
  private readonly read = new Map<number, RegExpExecArray | null>();

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if ('。！？!?'.includes(text[i])) this.stops.push(i);
  }

  /** The start of the sentence holding offset `at` (after the last full stop before it), and its opening's match. */
  at(at: number): { s: number; m: RegExpExecArray | null } {
    let lo = 0;
    let hi = this.stops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.stops[mid] < at) lo = mid + 1; else hi = mid;
    }
    const s = lo ? this.stops[lo - 1] + 1 : 0;
    let m = this.read.get(s);
    if (m === undefined) {
      m = OPENING.exec(this.text.slice(s, lo < this.stops.length ? this.stops[lo] : this.text.length));
      this.read.set(s, m);
    }
    return { s, m };
  }
}

/**
 * The subject a sentence names before its base, ahead of a change that names none in its own clause (`收入支出总体与上年
 * 相比，增加 58.21 万元`, `“三公”经费比上年减少 2 万元`): undefined when the sentence opens otherwise (`与上年相比，…`).
 */
function comparedSubject(st: Statement, c: Claim): { subject: string; path?: string[]; levels?: string[] } | undefined {
  const s0 = st.sentences[c.sentence].start;
  const before = st.text.slice(s0, c.span.start - st.span.start);
  const m = COMPARED.exec(before);
  if (!m) return undefined;
  // `同口径比2018年减少830万元` (a 市本级 2019 “三公”): the basis the change is said on, no subject (as in its own clause).
  const cleaned = cleanSubject(norm(m[1]).replace(L.COMPARABLE_BASIS, ''), 'amount');
  return cleaned.subject.length >= 2 ? cleaned : undefined;
}

/** A subject, then its base (`与上年相比`, `比上年`, `较 2022 年`, `同比`), at a sentence's start. */
const COMPARED = /^[ \t\u3000]*([^，,。；;：:\d与比较]{2,30})(?:与|比|较)/;

/** A sentence's opening `<words>中，` (`在…中：` too). */
const OPENING = /^[ \t\u3000]*(?:在)?([^，,。；;：:]{2,40}?)中[，,：:]/;

/**
 * The statements of consecutive lines (a narrative, or a form's text), with subjects filled in from context.
 * A line that names a 类 and nothing else (`（一）一般公共服务支出（类）`) gives that 类 to the 款/项 paths below it.
 */
export function extractStatements(lines: readonly SourceLine[]): Statement[] {
  const out: Statement[] = [];
  let classPath: string[] | undefined;
  let heading: string | undefined;
  let section: string | undefined;
  for (const line of lines) {
    if (line.heading !== heading || line.section !== section) {
      heading = line.heading;
      section = line.section;
      // A heading naming a 类 (`#### （一）公共安全（类）`) gives it to the 款/项 paths below.
      const h = heading ? cleanSubject(heading, 'amount') : undefined;
      classPath = h?.levels?.length === 1 && h.levels[0] === '类' ? h.path : undefined;
    }
    const st = statementOf(line);
    if (st.topic?.levels?.length === 1 && st.topic.levels[0] === '类' && !st.claims.length) classPath = st.topic.path;
    const complete = (p: { path?: string[]; levels?: string[] }) => {
      if (classPath && p.levels && p.levels[0] !== '类' && p.path) {
        p.path = [...classPath, ...p.path];
        p.levels = ['类', ...p.levels];
      }
    };
    if (st.topic) complete(st.topic);
    let sentenceSubject: { subject: string; path?: string[]; levels?: string[] } | undefined;
    let lastSentence = -1;
    let lastSubject: Claim | undefined;
    for (const c of st.claims) {
      complete(c);
      if (c.sentence !== lastSentence) {
        sentenceSubject = undefined;
        lastSentence = c.sentence;
      }
      if (c.subject) {
        if (c.kind === 'amount' || c.kind === 'change' || c.kind === 'count') sentenceSubject = c;
        lastSubject = c;
        continue;
      }
      // A total after its parts (`…，合计 150.7 万元`) is none of them.
      if (isTrailingTotal(c)) continue;
      // A change or rate said respectively of amounts each named on its own (`包括公务用车购置费0.14亿元和公务用车运行费
      // 1.27亿元,…分别减少0.18亿元和0.56亿元,下降133.1%和43.7%`, 福建 2016; `namedRun`): of the amount at its place, not
      // of the last named (was: 0.18 and 133.1% “公务用车运行费”'s).
      const own = c.kind === 'change' || c.kind === 'rate'
        ? counterpart(c, st.claims, (x) => x.kind === 'amount' && x.sentence === c.sentence && x.span.start < c.span.start && !x.inherited && !!x.subject)
        : undefined;
      if (own) {
        c.subject = own.subject;
        c.inherited = true;
        if (own.path) { c.path = own.path; c.levels = own.levels; }
        continue;
      }
      // A change the sentence opens with its subject and base (`收入支出总体与上年相比，增加 58.21 万元，增长 15.46%`): of
      // that subject, not of the amount the sentence before ended with (was: 58.21 ÷ (年末结转和结余 − 58.21)).
      if (!sentenceSubject && (c.kind === 'change' || c.kind === 'rate')) {
        const opening = comparedSubject(st, c);
        if (opening) {
          c.subject = opening.subject;
          if (opening.path) { c.path = opening.path; c.levels = opening.levels; }
          sentenceSubject = c;
          lastSubject = c;
          continue;
        }
      }
      // The last subject a part of a `含`/`包括` list closed before this sentence: the change is its head's (宁夏 2013).
      const head = !sentenceSubject && lastSubject && lastSubject.sentence < c.sentence ? partsHead(st, lastSubject) : undefined;
      const from = sentenceSubject ?? head ?? lastSubject ?? st.topic;
      if (from?.subject) {
        c.subject = from.subject;
        c.inherited = true;
        if (from.path) { c.path = from.path; c.levels = from.levels; }
      }
    }
    out.push(st);
  }
  return out;
}
