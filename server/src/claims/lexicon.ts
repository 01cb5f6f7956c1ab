/**
 * The words of numeric claims in Chinese disclosure narratives (情况说明): units, directions, comparisons, roles,
 * approximation, reasons. Collected from the seeds (Wuhan 2020–2023), the Jiangsu 2017–2019 部门预算 and the official
 * Shanghai 2024 决算 template; test/fixtures/narrative/sentences.ts names each sentence's source.
 * Every pattern is anchored or bounded, with no nested quantifiers: they run on every line of a narrative.
 */

import { chineseNumeral } from '../util/text';

/** Money units and their power of ten in 元. */
export const MONEY_SCALE: Record<string, number> = { 元: 0, 万元: 4, 万: 4, 亿元: 8, 亿: 8 };

/** A money unit's name by its power of ten in 元 (`MONEY_SCALE`'s, each power once): what a message calls it. */
export const SCALE_UNIT: Readonly<Record<number, string>> = { 0: '元', 4: '万元', 8: '亿元' };

/** Counters of counts (车辆 N 辆, 项目 N 个, 人员 N 人 …), as an alternation (longest first where one starts another). */
const COUNTERS = '人次|批次|台（套）|台\\(套\\)|辆|人|名|个|台|套|项|家|份|批|场|件|期|次';

/**
 * A number with its unit. Group 1 the number (thousands separators allowed), group 2 `多`/`余` between the number and
 * its unit (`100 多期`, `10 余万元`), group 3 the unit. `百分点` is not a unit we check (`%` must not be followed by it).
 * Not inside another word or number (`A1`, the `234` of `1,234`); after a digit and a half-width comma only when that
 * comma cannot be a thousands separator: the number before it has decimals, or more or fewer than three digits follow
 * it (`收、支总计各是4125.49,4143.91万元`, `各下降23.51%,38.28%`, as web pages and some PDFs print the comma).
 */
export const MENTION = new RegExp(
  '(?:(?<![\\d.A-Za-z])(?<!\\d,)|(?<=\\d\\.\\d+,)|(?<=\\d,)(?!\\d{3}(?!\\d)))(-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?)[ \\t\\u3000]*(?:(多|余)[ \\t\\u3000]*)?' +
  '(亿元|万元|元|亿|万|%|％|' + COUNTERS + ')',
  'g',
);

/** Ends of sentences: a claim's base, budget/final pair or comparison is looked for in its sentence, then before. */
export const SENTENCE_END = '。！？!?；;';
/** Clause boundaries inside a sentence: a subject runs from the last one to its figure. */
export const CLAUSE_MARKS = '，,：:。；;！？!?';

/**
 * Words of approximation before a figure (`约 900 件`, `近 30 个`, a share `约占 60%`, `接近占 1/3`): they widen the claim
 * to the digit they speak of.
 */
export const APPROX_BEFORE = /(约|大约|近|将近|接近|逾|多达|约为|近乎)占?$/;
/** …and after it (`20 件左右`). */
export const APPROX_AFTER = /^(左右|上下|许)/;
/** A bound, not a claim: `100 万元以上`, `20 万元（含）以上`, `≥99%`, `不低于 95%`. */
export const BOUND_AFTER = /^[（(]?含?[）)]?(以上|以下|以内|及以上|及以下)/;
export const BOUND_BEFORE = /(≥|≤|>|<|＞|＜|不低于|不高于|不少于|不超过|不足|低于|高于|超过|大于|小于|控制在|以上|以下|每年递增|每年递减|递增|递减)$/;

/**
 * A change and its direction, at the end of the words before a figure (`增加 50.61 万元`, `减少了 3 万元`); revenue and
 * spending reports say `增收`/`减收`, `增支`/`减支` (`比上年减收 1070 万元`), and `负增长 1.21%` is a decrease. A rate may be
 * named by its kind (`增长率`, `减幅 0.02%` 临沧 2018, `减少率35.22%` 英德 2016), also with `达`/`达到` (`降幅达到38.7%`,
 * 福建省级 2016 “三公”); the change word may name the measure after it (`比上年减少支出0.88亿元`, 福建 2016); a review's
 * `审减`/`核减` (`其中工程类项目审减60万元`) is a reduction of the amount submitted, no change.
 */
export const CHANGE_UP = /(?<!负)(增加|增长|上升|提高|新增|增收|增支|增|多|上涨|提升|增加支出|增加收入|增幅达到|增幅达|增幅为|增幅|增长率为|增长率|增加率为|增加率|上升率为|上升率|(?:大于|高于|多于|超过)上年度?(?:预算|决算)?数?)了?$/;
export const CHANGE_DOWN = /(减少支出|减少收入|减少|下降|降低|负增长率为|负增长率|负增长|减收|减支|节支|(?<![审核])减|少|压减|节约|缩减|下调|回落|降幅达到|降幅达|降幅为|降幅|减幅达到|减幅达|减幅为|减幅|减少率为|减少率|下降率为|下降率|降低率为|降低率|(?:小于|低于|少于)上年度?(?:预算|决算)?数?)了?$/;

/** The base of a change named in the words before it: `比 2022 年预算`, `与上年相比`, `较上年`, `同比`. */
export const BASE_NAMED = /比|较|与.{0,16}?相比|同比|上年|上一年|去年/;
export const BASE_YEAR = /(?:比|较|与)[ \t\u3000]*(\d{4})[ \t\u3000]*年/;

/** An amount's role, from the words right before it (after its subject). */
export const ROLE_BUDGET = /(年初预算|全年预算|调整预算|预算|年初计划)数?(为|是|安排)?$/;
/** The role words removed from a subject: `因公出国(境)费全年预算为` → `因公出国(境)费`, but `部门收支总预算` stays. */
export const ROLE_WORDS = /(?:年初预算|全年预算|调整预算|预算数|预算)(?:为|是)$|(?:年初预算|全年预算|调整预算|预算数)$|(?:决算|执行|实际支出|实际执行)数?(?:为|是)?$/;
export const ROLE_FINAL = /(决算|执行数|执行|实际支出|实际执行)数?(为|是)?$/;
export const ROLE_BASE = /(上年|上年度|去年|上一年度?|\d{4}[ \t\u3000]*年度?)(年初)?(预算|决算)?数?(为|是|的)?$/;

/**
 * A share's change, its direction word removed: `比重较上年上升`, `所占比重比上年上升`, `占比较上年提高`, `比例同比下降` (the
 * 财政部 2015 全国政府采购简要情况 prints `所占比重比上年下降6.6个百分点` and `比重为20.7%,较上年上升5.5%`): a change of the
 * share (in points, whatever its sign), never a rate of the amount's change.
 */
export const SHARE_CHANGE = /(?:比重|占比|比例)(?:(?:较|比|与)(?:上一?年度?|去年|\d{4}年度?)?(?:同期)?(?:相比)?|同比)?(?:有所)?$/;

/** A share: `占本年支出合计的 100%`, `占 12.5%`, `占“三公”经费的 16.06%`. Group 1 names the whole. */
export const SHARE = /占([^，,。；;：:占]{0,24}?)(?:的)?(?:比重|比例)?(?:为|达)?$/;
/**
 * A completion rate: `完成年初预算的 86.12%`, `完成预算 100%`, `预算执行率 98%`; `占调整预算105.47%` (黄平: each amount of a
 * list against its own budget, no share of one whole); `占任务数的56.4%` (屯溪: each collecting department against its own
 * task).
 */
export const COMPLETION = /(完成(年初|全年|调整)?预算(数)?的?|占(年初|全年|调整)预算(数)?的?|(?:占|为|完成)任务数?的?|预算执行率(为)?|执行率(为)?)$/;
/**
 * …or the budget's amount between the words and the rate: `完成年初预算数 60999 万元的 40.4%` (the words before the amount);
 * the budget may be named at length (`完成区…会议批准收入调整预算37.5亿元的104.3%`, 南开) or be the year's plan
 * (`为年初计划3165亿元的26%`, `为年初预算1946亿元的25.4%`, 河南); `占年初预算数109466万元的56.3%` (屯溪: `占` with the
 * budget named 年初/全年/调整 — a bare `占预算` stays a share in a 预算).
 */
export const COMPLETION_OF = /(?:完成[^，,。；;：:%％]{0,30}?(?:年初|全年|调整)?|为(?:年初|全年|调整)?|占(?:年初|全年|调整))(?:预算|计划)数?(?:为|是)?$/;

/** The words right before a run of figures said respectively: `各是`, `各减少`, `分别为`, `分别比上年增加`. */
export const RESPECTIVELY = /(?:各|分别)[^\d，,。；;：:、]{0,10}$/;
/** The words joining a figure's words to the figure before: `、`, `和`, `及`, `与`, `以及`. */
const JOIN_WORDS = '(?:、|和|及|与|以及)';
/** A joining word at the start of a figure's words. */
export const JOINED = new RegExp(`^${JOIN_WORDS}`);
/** The words between two figures of one run: a joining word alone. */
export const RUN_JOIN = new RegExp(`^${JOIN_WORDS}$`);
/** The words of a total after its parts (`人员经费 a 万元、公用经费 b 万元，合计 c 万元`). */
export const TRAILING_TOTAL = /^[，,；;、]?(合计|共计|总计|总额)(为|是)?$/;
/** Words that open a part's own list of items inside a `其中` (`主要包括`, `具体包括`, `包括`, `主要有`). */
export const INTRODUCER = /主要包括|具体包括|包括|主要有/g;

/**
 * Words that open a total's list of parts in a sentence of their own (`“三公”经费决算总额 2771 万元，比上年下降 1.8%。分项情况是：
 * 因公出国(境)经费 120 万元，…；公务接待费 1033 万元，…`), read as a `其中` there.
 */
export const LIST_OPENER = /(?:分项|具体|明细|构成)情况(?:是|为|如下)?[:：]|具体(?:是|为|如下)[:：]/g;

/** The words of a rate on another basis than the change stated with it (`扣除…因素后,比上年同口径增长52.4%`): no rate of it. */
export const OTHER_BASIS = /同口径|可比口径|扣除|剔除/;

/** A change said on a comparable basis (`按同口径同比减少 63.96 万元`): the qualifier is no subject of the change. */
export const COMPARABLE_BASIS = /(?:按|以)?(?:同|可比)口径(?:计算)?$/;

/** Words that say a quantity did not change (`与上年持平`, `与上年数一致`, `较上年无增减`). */
export const FLAT = /基本持平|持平|无增减变化|无增减|无变化|未发生变化|与上年(?:度)?(?:预算|决算)?数?(?:保持)?(?:一致|相同|相等)|本年数?等于上年(?:度)?(?:预算|决算)?数?/g;

/**
 * `决算数大于预算数`, `支出决算数小于年初预算数`, `决算数与预算数持平`, `决算数与全年预算数持平`. Group 1 the comparison word.
 * `大于（小于）` is a template's placeholder: the `（` after the word keeps it from matching.
 */
export const COMPARE = /决算数?(?:与(?:年初|全年|调整)?预算数?)?(大于|小于|等于|超过|低于|高于|少于|多于|基本持平|持平|相等|一致)(?![（(])(?:(?:年初|全年|调整)?预算数?)?/g;

/**
 * The words of a direction in a reason's words (`…增加的`, `…决算数小于预算数的`): a reason of one direction only is not one
 * of a change the other way (`…比 2024 年度增加 21.90 万元` is not explained by `…决算数小于预算数的主要原因是…`, another
 * comparison's); `增减变动` says both. Review of session 26.
 */
export const REASON_UP = /增|上升|高于|大于|超|多于|提高/;
export const REASON_DOWN = /减|下降|低于|小于|少于|降低|压缩/;

/**
 * What may follow a subject's name in the words before a reason (`…支出增加的`, `…低于预算数的`, `…和公务接待费减少的`): the
 * words of an amount's kind, a change or a comparison, a conjunction, a stop. Any other name goes on to another subject
 * (`财政拨款收入增加的` is not of 财政拨款支出, `…财政拨款基本支出增加的` not of the whole, `“三公”经费中公务接待费减少的` of
 * 公务接待费): review of session 26.
 */
export const REASON_NAME_ENDS = /^(?:$|支出|决算|预算|经费|资金|费用|财政拨款|总额|合计|总计|总体|整体|实际|执行|完成|\d|年|数|增|减|下降|上升|变|高于|低于|大于|小于|超|节约|较|比|与|同比|的|主要|有所|均|都|也|和|及|[、，,。；;：:（(])/;

/**
 * A stated reason (`主要原因是…`, `主要原因：…`, `主要是…`, `原因是…`). Group 1 the reason's text up to the end of
 * its sentence.
 */
export const REASON = /(?:主要原因|变动原因|增加原因|减少原因|原因|主要是由于|主要是因为|主要是|主要为|主要系|系因|是由于|是因为|由于)(?:是|为|在于|有|如下)?[ \t\u3000]*[:：]?[ \t\u3000]*([^。；;]*)/g;

/**
 * Numbering at the start of an item (`1.`, `1、`, `（一）`, `(1)`, `一、`, `①`). The narrative's own enumeration, whose
 * style tells which items are siblings (`numberingStyle`): not a row label's item number (model/classify.ts).
 */
export const NUMBERING = /^[ \t\u3000]*(\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十]{1,3}[）)]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}、|[①-⑳])[ \t\u3000]*/;

/** The number an item's numbering says (`3.` 3, `（三）` 3, `③` 3; undefined: none read). */
export function numberingOrdinal(n: string): number | undefined {
  const s = n.trim();
  const circled = s.charCodeAt(0) - 0x2460;
  if (circled >= 0 && circled < 20) return circled + 1;
  const digits = /\d{1,2}/.exec(s);
  if (digits) return Number(digits[0]);
  const cn = /[一二三四五六七八九十]{1,3}/.exec(s);
  return cn ? chineseNumeral(cn[0]) : undefined;
}

/** The style of an item's numbering: `1.` and `1、` are one style, `（一）` and `(一)` another … */
export function numberingStyle(n: string): string {
  const s = n.trim();
  if (/^\d/.test(s)) return '1.';
  if (/^[（(][一二三四五六七八九十]/.test(s)) return '(一)';
  if (/^[（(]\d/.test(s)) return '(1)';
  if (/^[一二三四五六七八九十]/.test(s)) return '一、';
  return '①';
}

/** Words between a subject and its figure, removed from the subject's end (longest first). */
export const SUBJECT_TAILS = [
  '合计为', '共计为', '总计为', '总额为', '累计完成', '共计', '均为', '分别为', '达到', '约为', '安排', '完成', '为', '是', '达', '共', '各', '均', '约',
];
