/**
 * Reasonableness (模板审核): a change above the thresholds — a change from the base year, or a 决算 away from its
 * 年初预算 — must come with its main reason (`主要原因是…`), and a reason must be one (`主要原因是qq`, `主要原因是11`,
 * an empty `主要原因：`, `XXXXXX` are placeholders). A change counts as explained when its sentence or the next one
 * gives a reason, when the list it introduces explains its items, or when the same change (amount and direction) is
 * explained elsewhere in the document (the 收支总计 and the 收入合计 usually share one change and one reason).
 */
import type { Finding } from '../checks/finding';
import type { ClaimMessages } from '../i18n/claims';
import type { BudgetDocument } from '../model/document';
import { formatUnits, type Figure } from '../numbers/decimal';
import { bracketedBefore, sameBasis, type Claim, type Reason, type Statement } from './extract';
import { labelKey, looseKey } from './link';
import { OTHER_BASIS, REASON_DOWN, REASON_NAME_ENDS, REASON_UP } from './lexicon';

export interface Thresholds {
  /** Percent of the base. */
  changePercent: number;
  /** 万元. */
  changeAmount: number;
}

const DEFAULT_THRESHOLDS: Thresholds = { changePercent: 10, changeAmount: 10 };

/** A figure in 万元 (money) as a float, for comparing with a threshold only (never for judging a relation). */
function wan(c: Claim): number {
  return Number(formatUnits(c.figure.units, c.figure.decimals, false)) * 10 ** ((c.scale ?? 4) - 4);
}

function value(f: Figure): number {
  return Number(formatUnits(f.units, f.decimals, false));
}

/** A line that opens with `其中`: the parts of the line before it. */
const PARTS_LINE = /^[ \t\u3000]*其中/;
const REASON_START = /^[ \t\u3000]*(?:主要原因|原因|主要是|变动原因)/;
/** A sentence that explains without the word 原因: a subject new this year (`此项级科目为今年新增科目`). */
const IMPLICIT = /(?:今年|本年|当年)新增|新增(?:科目|项目|单位)|新成立|新设立|首次安排/;

/** The last of the sentences that `；` joins to sentence `n` (cut at `；` as at `。`). */
function lastPart(st: Statement, n: number): number {
  while (n + 1 < st.sentences.length && /[；;]/.test(st.text[st.sentences[n].end - 1] ?? '')) n++;
  return n;
}

/** The words of a reason's sentence before the reason itself (`公务用车购置费减少的` of `…减少的主要原因是…`): what it explains. */
function reasonLead(st: Statement, r: Reason): string {
  const s = st.sentences[r.sentence];
  return s ? st.text.slice(s.start, Math.max(s.start, r.span.start - st.span.start)) : '';
}

/**
 * Whether a reason speaks of `subject`: the words of its sentence before the reason's own (`公务用车购置及运行维护费支出增加
 * 的主要原因是…`) name it, keyed loosely (`…支出决算` is `…`: the words that only say what kind of amount it is go).
 * The words after name the cause (`…增加的主要原因是公务接待费减少`), not what it explains.
 */
function reasonNames(st: Statement, r: Reason, subject: string, direction = 0): boolean {
  const key = looseKey(subject);
  if (key.length < 2) return false;
  let head = reasonHeads.get(r);
  if (head === undefined) {
    reasonHeads.set(r, (head = labelKey(reasonLead(st, r))));
  }
  // (`公务接待费用减少的`: 费用 is 费.)
  const rest = (at: number) => head.slice(at + key.length + (key.endsWith('费') && head[at + key.length] === '用' ? 1 : 0));
  for (let at = head.indexOf(key); at >= 0; at = head.indexOf(key, at + 1)) {
    const words = rest(at);
    if (REASON_NAME_ENDS.test(words) && !(direction && (direction > 0 ? REASON_DOWN : REASON_UP).test(words) && !(direction > 0 ? REASON_UP : REASON_DOWN).test(words))) return true;
  }
  return false;
}

/**
 * Whether one of the first reasons of a line after sentence `from` names `subject` (`reasonNames`): a few only
 * (`REASONS_LOOK`), so that a line of many changes asks a constant number each.
 */
function namedAfter(st: Statement, from: number, subject: string, direction = 0): boolean {
  // The reasons are in the order of the text: the first after `from` is found by halving.
  const rs = st.reasons;
  let lo = 0;
  for (let hi = rs.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (rs[mid].sentence <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let n = lo; n < rs.length && n < lo + REASONS_LOOK; n++) {
    if (!rs[n].placeholder && (reasonNames(st, rs[n], subject, direction) || measureNames(st, rs[n], subject, direction))) return true;
  }
  return false;
}

/**
 * The “三公” parts and the words a measure in their whole's reason names each by (`…“三公”经费下降的主要原因是…加强因公出国(境)
 * 管理,严格控制公务接待费用和车辆购置,加强公务用车管理…`, a 市本级 2019 “三公”预算; `…“三公”经费决算支出总额较年初预算减少的主要原因
 * 是…加强因公出国(境)和公务用车购置和运行管理,规范公务接待活动…`, 井研 2020): session 28.
 */
const PART_MEASURES: readonly { part: RegExp; measure: RegExp }[] = [
  { part: /^因公出国/, measure: /因公出国|出国[(（]境[)）]/ },
  { part: /^公务接待/, measure: /公务接待/ },
  { part: /^公务用车购置费|^公车购置费|^车辆购置费/, measure: /车辆购置|公务用车购置|公车购置/ },
  { part: /^公务用车运行|^公车运行|^车辆运行/, measure: /公务用车(?:购置(?:和|及|与))?(?:运行|管理|使用)|公车(?:运行|管理)|车辆(?:运行|管理|使用)/ },
  { part: /^公务用车购置及运行|^公务用车购置和运行|^公车购置及运行/, measure: /公务用车|公车|车辆购置|车辆运行/ },
];
/** A part named in the words before a reason (`“三公”经费中公务接待费减少的`). */
const PART_NAMED = /因公出国|出国[(（]境|公务接待|公务用车|公车|车辆/;
/** The whole whose reason's measures explain its parts. */
const SANGONG_WHOLE = /三公/;

/**
 * Whether a reason of the “三公” whole, in `direction` (its words before say so: `…“三公”经费下降的`), names the kind of the
 * part `subject` in one of its measures (`PART_MEASURES`), no clause of which says the other direction: a part is explained
 * by its whole's reason only when that reason names it (`…严格控制公务接待费用和车辆购置` explains 公务用车购置费's fall, not
 * 因公出国(境)费's, nor a rise).
 */
function measureNames(st: Statement, r: Reason, subject: string, direction: number): boolean {
  if (!direction) return false;
  const key = labelKey(subject);
  const kinds = PART_MEASURES.filter((m) => m.part.test(key));
  if (!kinds.length) return false;
  const head = reasonLead(st, r);
  const at = head.search(SANGONG_WHOLE);
  if (at < 0) return false;
  const said = head.slice(at);
  // (`“三公”经费中公务接待费减少的…`: a part's reason, which explains that part only — `reasonNames`.)
  if (PART_NAMED.test(said)) return false;
  const same = direction > 0 ? REASON_UP : REASON_DOWN;
  const other = direction > 0 ? REASON_DOWN : REASON_UP;
  if (!same.test(said) || other.test(said)) return false;
  return r.text.split(/[，,；;。]/).some((clause) => !other.test(clause) && kinds.some((m) => m.measure.test(clause)));
}

/**
 * Whether a reason's words before it name a “三公” part (`PART_NAMED`) and its sentence nowhere names `subject`: another
 * part's reason (`公务接待费减少的主要原因是…` for 公务用车运行费's change). A sentence of two parts' reasons (`公务用车购置费减少的
 * 主要原因是…,公务用车运行维护费减少的主要原因是…`, 潍坊 2015) is read as one reason: it names both.
 */
function namesOtherPart(st: Statement, r: Reason, subject: string, direction: number): boolean {
  if (!PART_NAMED.test(reasonLead(st, r)) || reasonNames(st, r, subject, direction)) return false;
  const s = st.sentences[r.sentence];
  const key = looseKey(subject);
  return !!s && key.length >= 2 && !labelKey(st.text.slice(s.start, s.end)).includes(key);
}

const REASONS_LOOK = 16;

/** Each reason's words before it, keyed (`reasonNames`): read once a reason, not once a change that asks. */
const reasonHeads = new WeakMap<Reason, string>();

/** How many claims back a change's amount is looked for (`changeSubject`): a bracketed 其中 of a few parts, never a whole run. */
const SUBJECT_LOOK = 16;

/**
 * What a change speaks of: its own subject, or — one it inherits — that of the nearest amount before it in its sentence
 * that no bracket closing before it holds (`公务用车购置及运行维护费7,634.75万元(其中:公务用车购置费…,公务用车运行维护费
 * 5,297.40万元),比年初预算增加1833.7万元`, 凉山: 公务用车购置及运行维护费's, not 运行维护费's).
 */
function changeSubject(st: Statement, i: number): string {
  const c = st.claims[i];
  if (!c.inherited) return c.subject;
  for (let j = i - 1; j >= 0 && j >= i - SUBJECT_LOOK && st.claims[j].sentence === c.sentence; j--) {
    const x = st.claims[j];
    if (x.kind === 'amount' && !bracketedBefore(st, x, c.span.start)) return x.subject || c.subject;
  }
  return c.subject;
}

export function reasonFindings(statements: Statement[], doc: BudgetDocument, cm: ClaimMessages, thresholds: Thresholds = DEFAULT_THRESHOLDS): Finding[] {
  const out: Finding[] = [];
  statements.forEach((st, k) => {
    for (const r of st.reasons) {
      if (r.placeholder && !opensList(statements, k, r)) out.push({ rule: 'narrative-reason', severity: 'warning', span: r.span, related: [], message: cm.reasonPlaceholder(r.text) });
    }
  });
  const explained = (st: Statement, k: number, sentence: number, subject?: string, direction = 0): boolean => {
    // Its sentence or the next one — the next after the `；` parts of its own (`财政拨款收入总计 a 万元，…增加 x 万元，增长
    // p%；财政拨款支出总计 b 万元，…增长 q%。收入、支出变动较大的主要原因是…`, a 大邑 决算; `“三公”经费预算总额为 1969 万元，…
    // 减少 221 万元，下降 10.1%；其中：…；公务用车购置及运行维护费 1687 万元，…下降 11%。 2025 年“三公”经费预算下降的原因主要
    // 是…`, a 绵竹 预算).
    // (Not a reason whose words name a “三公” part other than what changed: `…公务用车运行费…减少40万元。公务接待费减少的主要原因
    // 是…` explains 公务接待费's change only, as a reason further on does — rev28, session 28.)
    if (st.reasons.some((r) => !r.placeholder && r.sentence >= sentence && r.sentence <= lastPart(st, sentence) + 1
      && !(subject && namesOtherPart(st, r, subject, direction)))) return true;
    // A reason further on in the line, or in the next line under its heading, that names what changed (`…预算为 1,950 万元，
    // 支出决算为 1,700 万元。其中：…。“三公”经费财政拨款支出决算数小于预算数的主要原因是…`: after the items, of the total;
    // `…公务用车购置及运行维护费支出决算增加 21.90 万元…。因公出国（境）费支出与 2024 年持平。公务用车购置及运行维护费支出增加的
    // 主要原因是…`, 上海普陀石泉路街道 2025; `…公务接待费602.47万元,比年初预算减少516.57万元。` / `…公务接待费低于预算数的主要原因为…`,
    // 凉山 2022). A reason that names another subject explains that one only.
    if (subject && namedAfter(st, sentence + 1, subject, direction)) return true;
    const next = statements[k + 1];
    if (subject && next && next.heading === st.heading && next.section === st.section && namedAfter(next, -1, subject, direction)) return true;
    // …or in the line after the next when the next is its `其中` line, its parts (`“三公”经费支出229万元,比上年减少88万元…。` /
    // `其中,…(the parts and their changes)…。` / `“三公”经费减少的主要原因是…。`): only that line between, and only a reason
    // that names it (a part's change is not explained by the whole's reason, nor the whole by a part's).
    const after = statements[k + 2];
    if (subject && next && after && PARTS_LINE.test(next.text) && next.heading === st.heading && next.section === st.section
      && after.heading === st.heading && after.section === st.section && namedAfter(after, -1, subject, direction)) return true;
    if (implicit(st, sentence) || implicit(st, sentence + 1)) return true;
    if (next && next.heading === st.heading && REASON_START.test(next.text)) return true;
    // The list below it (an intro line's, or numbered items that follow) explains its items; the items after a
    // numbered item are its siblings, which explain themselves.
    const first = next;
    if (first && (st.intro || (first.numbering && first.numbering !== st.numbering))) {
      for (let j = k + 1; j < statements.length && j <= k + 40; j++) {
        const s = statements[j];
        if (s.heading !== st.heading || s.section !== st.section) break;
        if (!st.intro && s.numbering !== first.numbering) break;
        if (s.reasons.some((r) => !r.placeholder)) return true;
      }
    }
    return false;
  };
  // Whether sentence n of a line explains without the word 原因 (`IMPLICIT`): read once a sentence, not once a change
  // in it (a sentence of thousands of changes).
  const implicitOf = new Map<Statement, (boolean | undefined)[]>();
  const implicit = (st: Statement, n: number): boolean => {
    const s = st.sentences[n];
    if (!s) return false;
    let known = implicitOf.get(st);
    if (!known) implicitOf.set(st, (known = []));
    return (known[n] ??= IMPLICIT.test(st.text.slice(s.start, s.end)));
  };
  // Changes explained somewhere, by amount and direction.
  const explainedChanges = new Set<string>();
  const keyOf = (c: Claim) => `${c.direction}:${wan(c)}`;
  statements.forEach((st, k) => {
    st.claims.forEach((c, i) => { if (c.kind === 'change' && explained(st, k, c.sentence, changeSubject(st, i), c.direction ?? 0)) explainedChanges.add(keyOf(c)); });
  });
  // Changes a reason of the whole and all its items explains (`…“三公”经费支出总额及明细金额均比上年大幅减少,这主要是…`).
  const ofAllItems = new Set<Claim>();
  statements.forEach((st, k) => { for (const r of st.reasons) if (!r.placeholder) allItemsExplained(statements, k, r, ofAllItems); });
  const threshold = cm.threshold(String(thresholds.changePercent), String(thresholds.changeAmount));
  statements.forEach((st, k) => {
    for (let i = 0; i < st.claims.length; i++) {
      const c = st.claims[i];
      if (c.kind !== 'change' || c.bound || c.approx || c.scale === undefined || !c.direction) continue;
      const amount = wan(c);
      if (amount < thresholds.changeAmount) continue;
      const rate = rateOf(st.claims, i);
      let percent: number | undefined = rate?.kind === 'rate' ? value(rate.figure) : undefined;
      if (percent === undefined) {
        const cur = amountBefore(st.claims, i);
        if (cur && cur.scale !== undefined) {
          const base = wan(cur) - c.direction * amount;
          percent = base > 0 ? (amount / base) * 100 : Infinity;
        }
      }
      if (percent !== undefined && percent < thresholds.changePercent) continue;
      if (explainedChanges.has(keyOf(c)) || ofAllItems.has(c)) continue;
      // The parts' reasons together explain their whole (`…8645万元,比年初预算数减少2039万元。其中公务用车购置费131万元,…减少469万元;
      // 公务用车运行维护费8514万元,…减少1570万元,…。公务用车购置费减少的主要原因是…,公务用车运行维护费减少的主要原因是…`, 潍坊 2015).
      if (partsExplained(st, i, (x, j) => explained(st, k, x.sentence, changeSubject(st, j), x.direction ?? 0))) continue;
      // A placeholder where the reason should be is reported as such, once.
      if (st.reasons.some((r) => r.placeholder && r.sentence >= c.sentence && r.sentence <= c.sentence + 1)) continue;
      const words = c.direction > 0 ? cm.changeWords.up : cm.changeWords.down;
      const what = `${words} ${c.figure.text} ${c.unit}${rate?.kind === 'rate' ? `，${rate.figure.text}` : ''}`;
      out.push({ rule: 'narrative-reason', severity: 'warning', span: c.numberSpan, related: [], message: cm.reasonMissing(what, threshold) });
    }
    // A 决算 away from its 年初预算.
    if (doc.header.kind !== '预算') {
      const budget = st.claims.find((x) => x.kind === 'amount' && x.role === 'budget' && !x.bound && !x.approx);
      const fin = budget && st.claims.find((x) => x.kind === 'amount' && x.role === 'final' && x.sentence === budget.sentence && !x.bound && !x.approx);
      if (budget && fin) {
        const b = wan(budget);
        const diff = Math.abs(wan(fin) - b);
        const percent = b > 0 ? (diff / b) * 100 : diff > 0 ? Infinity : 0;
        if (diff >= thresholds.changeAmount && percent >= thresholds.changePercent && !explained(st, k, budget.sentence, fin.subject || budget.subject, Math.sign(wan(fin) - b))) {
          const what = `${budget.figure.text} → ${fin.figure.text} ${fin.unit}`;
          out.push({ rule: 'narrative-reason', severity: 'warning', span: fin.numberSpan, related: [{ span: budget.span, message: budget.figure.text }], message: cm.reasonMissing(what, threshold) });
        }
      }
    }
  });
  return out;
}

/**
 * A reason's words that name a whole with all its items (`“三公”经费支出总额及明细金额均比上年大幅减少`, 福建省级 2016; `…及各项
 * 支出`, `…各项经费均…`): the whole's name ends where the mark starts.
 */
const ALL_ITEMS = /(?:总额|总体|合计|总计)?(?:及|和|与|以及)(?:其)?(?:各项|各|所有)?(?:明细|分项|各项)|各(?:项|分项)(?:支出|经费|费用)?(?:均|都)/;
/** How many lines back (under its heading) the changes a reason of all items explains are looked for, and how many changes. */
const ALL_ITEMS_LINES = 4;
const ALL_ITEMS_CHANGES = 64;
/** Two subjects' loose keys (`looseKey`) of one whole: equal, or ending alike in 4 characters or more (`省级三公经费`, `省本级三公经费`). */
function sameWhole(a: string, b: string): boolean {
  if (a === b) return a.length >= 2;
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n >= 4;
}

/**
 * The changes a reason whose words name a whole with all its items explains (`2016年省本级“三公”经费支出总额及明细金额均比上年
 * 大幅减少,这主要是…`, 福建省级 2016, after the whole's line and its `其中` line): the whole's change — the nearest before
 * the reason, in its line or up to `ALL_ITEMS_LINES` lines above under its heading, whose subject names the same whole
 * (`sameWhole`) — and every change between it and the reason, of the direction its words say (none said: either).
 * A reason of the whole alone (`“三公”经费下降的主要原因是…`) explains the whole only, as before.
 */
function allItemsExplained(statements: Statement[], k: number, r: Reason, out: Set<Claim>): void {
  const st = statements[k];
  const words = reasonLead(st, r);
  const mark = ALL_ITEMS.exec(words);
  if (!mark) return;
  // (The whole's name: the mark's clause before it.)
  const whole = looseKey(words.slice(0, mark.index).split(/[，,。：:；;]/).pop() ?? '');
  if (whole.length < 2) return;
  const said = words.slice(mark.index + mark[0].length);
  const direction = REASON_DOWN.test(said) && !REASON_UP.test(said) ? -1 : REASON_UP.test(said) && !REASON_DOWN.test(said) ? 1 : 0;
  const between: Claim[] = [];
  for (let j = k; j >= 0 && k - j <= ALL_ITEMS_LINES && between.length < ALL_ITEMS_CHANGES; j--) {
    const line = statements[j];
    if (line.heading !== st.heading || line.section !== st.section) return;
    for (let i = line.claims.length - 1; i >= 0 && between.length < ALL_ITEMS_CHANGES; i--) {
      const c = line.claims[i];
      if (c.kind !== 'change' || (j === k && c.span.start >= r.span.start)) continue;
      if (direction && c.direction !== direction) continue;
      between.push(c);
      if (sameWhole(looseKey(changeSubject(line, i)), whole)) {
        for (const x of between) out.add(x);
        return;
      }
    }
  }
}

/** How many claims a whole's `其中` list is read over for its parts' changes (`partsExplained`). */
const PARTS_LOOK = 64;

/**
 * Whether change number i of a line is its parts' changes together: a `其中` right after it (in its sentence, or opening
 * the next) lists two changes or more to the end of its `；` parts, each of its direction and each explained (`ok`).
 */
function partsExplained(st: Statement, i: number, ok: (x: Claim, j: number) => boolean): boolean {
  const c = st.claims[i];
  const own = st.sentences[c.sentence];
  const next = st.sentences[c.sentence + 1];
  if (!own) return false;
  const from = c.span.end - st.span.start;
  const q = st.text.slice(from, (next ?? own).end).indexOf('其中');
  if (q < 0) return false;
  const at = from + q;
  let sentence = c.sentence;
  if (at >= own.end) {
    // Opening the next sentence: nothing but blanks and marks before it there.
    if (!next || !/^[\s\u3000，,。：:；;]*$/.test(st.text.slice(next.start, at))) return false;
    sentence = c.sentence + 1;
  }
  const last = lastPart(st, sentence);
  let parts = 0;
  for (let j = i + 1; j < st.claims.length && j <= i + PARTS_LOOK; j++) {
    const x = st.claims[j];
    if (x.sentence > last) break;
    if (x.kind !== 'change' || x.span.start - st.span.start < at) continue;
    if (x.direction !== c.direction || !ok(x, j)) return false;
    parts++;
  }
  return parts >= 2;
}

/**
 * The rate of change number i of a line's claims: the next rate or change of its sentence — in a run said respectively
 * (`各减少 a，b 万元，各下降 p%、q%`), the rate at its own place, past the other changes of its run. The claims of a
 * line are in the order of the text (their sentences never go back): the search ends with the sentence, and, out of
 * a run, at the first rate or change.
 */
function rateOf(claims: readonly Claim[], i: number): Claim | undefined {
  const c = claims[i];
  const own = c.respective;
  let first: Claim | undefined;
  for (let j = i + 1; j < claims.length; j++) {
    const x = claims[j];
    if (x.sentence > c.sentence) break;
    if (x.sentence !== c.sentence || (x.kind !== 'rate' && x.kind !== 'change') || (x.kind === 'rate' && OTHER_BASIS.test(x.lead) && !sameBasis(claims[j - 1], x))) continue;
    if (own && x.kind === 'change' && x.respective?.of === own.of && x.respective.at > own.at) continue;
    if (!own) return x;
    first ??= x;
    if (x.kind === 'rate' && x.respective?.of === own.of && x.respective.at === own.at) return x;
  }
  return first;
}

/** The last amount before claim number i in its sentence that is no bound (`不超过 …`). */
function amountBefore(claims: readonly Claim[], i: number): Claim | undefined {
  const c = claims[i];
  for (let j = i - 1; j >= 0; j--) {
    const x = claims[j];
    if (x.sentence < c.sentence) break;
    if (x.kind === 'amount' && x.sentence === c.sentence && !x.bound) return x;
  }
  return undefined;
}

/**
 * Whether an empty reason ends its line with a colon and the numbered items below give the reasons (`2022年“三公"经费决算数
 * 相较于上年增加275.76万元,主要原因是:` / `1、公务用车购置全区增加126.72万元,增加的原因是…`, 鄂城区): no placeholder.
 */
function opensList(statements: Statement[], k: number, r: Statement['reasons'][number]): boolean {
  const st = statements[k];
  const next = statements[k + 1];
  return r.text === '' && /[:：][ \t\u3000]*$/.test(st.text) && r.span.end >= st.span.end - 1
    && !!next && next.heading === st.heading && next.section === st.section && !!next.numbering && next.reasons.some((x) => !x.placeholder);
}
