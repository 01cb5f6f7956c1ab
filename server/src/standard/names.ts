/**
 * The keys under which standard tables, rows and columns are matched: what varies between documents that print the
 * same thing (blanks, full- and half-width brackets, the kind of quotes, a leading number, a year) is taken out.
 */
import { withoutColumnUnit, withoutItemNumber } from '../model/classify';
import { chineseNumeral } from '../util/text';

/** What `nameKey` does to a character: `''` drops it, a string replaces it. */
const KEY_CHARS = new Map<string, string>([
  ['（', '('], ['〔', '('], ['［', '('], ['[', '('], ['）', ')'], ['〕', ')'], ['］', ')'], [']', ')'],
  ['“', ''], ['”', ''], ['"', ''], ['‘', ''], ['’', ''], ["'", ''], ['「', ''], ['」', ''], ['『', ''], ['』', ''],
  ['：', ':'], [' ', ''], ['\t', ''], ['\n', ''], ['\r', ''], ['\u3000', ''], ['\u00a0', ''],
]);

/** Whether a text holds any character `nameKey` changes (most names hold none). */
const KEYED = /[（〔［[）〕］\]“”"‘’'「」『』： \t\n\r\u3000\u00a0]/;

/**
 * Blanks out, brackets half-width, quotes out (`“三公”` = `"三公"` = `三公`), `〔〕` as `()`. One pass over the text: it
 * keys every row label and column name a standard identity looks for.
 */
export function nameKey(text: string): string {
  if (!KEYED.test(text)) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Most characters of a name are ideographs or letters and digits: none is keyed.
    if ((c >= 0x4e00 && c < 0xa000) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) continue;
    const r = KEY_CHARS.get(text[i]);
    if (r === undefined) continue;
    out += text.slice(from, i) + r;
    from = i + 1;
  }
  return from ? out + text.slice(from) : text;
}

/**
 * Whether `nameKey(text)` is `key` (a key: its own key), keying only a text that may have it: one that is the key needs
 * no keying, one shorter than the key cannot have it (keying never lengthens a text), nor one whose first character is
 * neither the key's nor one keying drops or replaces (3,000 forms' columns are each compared with a name).
 */
export function hasKey(text: string, key: string): boolean {
  if (text === key) return true;
  if (text.length < key.length) return false;
  const first = text.charCodeAt(0);
  if (first !== key.charCodeAt(0) && !isKeyed(first)) return false;
  return nameKey(text) === key;
}

/**
 * The key of a document's column name or group path (`nameKey` of the name without its bracketed money unit,
 * model/classify `withoutColumnUnit`): `本年支出合计（元）` is the standard `本年支出合计`, its figures read in 元 wherever
 * they are compared (`columnUnit`, the same reading of the unit).
 */
export function columnKey(text: string): string {
  return nameKey(withoutColumnUnit(text));
}

/** `hasKey` of a document's column name (`columnKey`). */
export function hasColumnKey(text: string, key: string): boolean {
  return text.includes('元') ? columnKey(text) === key : hasKey(text, key);
}

/** The code units `nameKey` drops or replaces (`KEY_CHARS`), by code unit: asked of every column of 3,000 forms. */
const KEYED_UNITS = new Uint8Array(0x10000);
for (const ch of KEY_CHARS.keys()) KEYED_UNITS[ch.charCodeAt(0)] = 1;

function isKeyed(c: number): boolean {
  return KEYED_UNITS[c] === 1;
}

/** A leading table number as printed before a title: `公开01表`, `附表4-1`, `表1`, `表一`, `表 1.`, `公开表3`. */
const TABLE_NUMBER = /^(?:(?:附表|公开表|公开|表)(?:\d{1,2}(?:[-－—]\d{1,2})?(?!\d)|[一二三四五六七八九十]+)表?|\d{1,2}(?:[-－—]\d{1,2})?表)[.、．:]?/;

/** A year before a title: `2023年度`, `2023 年`. */
const YEAR = /\d{4}年度?/g;
const BRACKETED_YEAR = /\(\d{4}年度?\)/g;

/**
 * The key of a table's title: blanks, quotes, a leading item or table number, years, the department's name (when it
 * is given and the title starts with it) and a trailing bracketed number (`（公开01表）`) or qualifier
 * (`（功能科目）`, `（经济科目）`) taken out. `一、2023 年度收入支出决算总表` and `收入支出决算总表` have the same key.
 */
export function titleKey(text: string, department?: string): string {
  // Every table and form of a document is keyed at each pass, most as they were keyed before (the same headings in
  // the next version, and in a document opened again): kept by department and text, a bounded number.
  const d = department ?? '';
  let keys = TITLE_KEYS.get(d);
  if (!keys) {
    if (TITLE_KEYS.size >= KEPT_DEPARTMENTS) TITLE_KEYS.clear();
    TITLE_KEYS.set(d, (keys = new Map()));
  }
  let k = keys.get(text);
  if (k === undefined) {
    if (keys.size >= KEPT_TITLES) keys.clear();
    keys.set(text, (k = keyOfTitle(text, department)));
  }
  return k;
}

/**
 * Title keys made, by department and text (`titleKey`): at most this many departments, and titles per department —
 * at worst some 1.3 million short strings (a server that opened documents of 64 departments of 20,000 tables each);
 * a document's own, a few hundred to a few thousand, are kept while it is edited.
 */
const TITLE_KEYS = new Map<string, Map<string, string>>();
const KEPT_DEPARTMENTS = 64;
const KEPT_TITLES = 20_000;

/**
 * A table number and a year set apart by a blank (`附表2 2023年度…`, `表1 2024年…`): the year out before the blanks are
 * (in the key `附表22023年度…` the number would not end).
 */
const NUMBER_THEN_YEAR = /^((?:附表|公开表|公开|表)[ \u3000]?\d{1,2}(?:[-－—]\d{1,2})?表?[.、．:：]?)[ \t\u3000]+\d{4}[ \u3000]?年度?/;

function keyOfTitle(text: string, department?: string): string {
  const k = exactTitleKey(text, department);
  // `…情况表`, `…明细表`: the national templates' wording (`一般公共预算支出情况表`, `…基本支出决算明细表`) for the table.
  return k.endsWith('情况表') || k.endsWith('明细表') ? k.replace(/(?:明细情况|明细|情况)表$/, '表') : k;
}

/**
 * A title's key as `titleKey` makes it, but with its `…情况表` or `…明细表` kept: two tables of one document whose keys
 * are one (四川省的单位决算 prints `一般公共预算财政拨款支出决算表` and `一般公共预算财政拨款支出决算明细表`, two tables) are
 * told apart by it (library.ts `titleRank`). Not kept: asked only of tables that share a standard table.
 */
export function exactTitleKey(text: string, department?: string): string {
  // Each replacement runs only where the text can hold what it takes out.
  let k = nameKey(text.replace(NUMBER_THEN_YEAR, '$1'));
  const d = department ? nameKey(department) : '';
  for (let i = 0; i < 3; i++) {
    const before = k;
    if (NUMBER_START.test(k)) k = withoutTableNumber(withoutItemNumber(k)).replace(/^[.、．:]/, '');
    if (d && k.startsWith(d)) k = k.slice(d.length);
    if (DIGIT_START.test(k)) k = k.replace(/^\d{4}年度?/, '');
    // Whose table it is, said before its title: `部门收支总体情况表`, `部门（单位）收支预算总表`, `单位收入决算表`.
    k = k.replace(OWNER, '');
    if (k === before) break;
  }
  // (A year in brackets goes with them: `项目支出绩效自评表（2022年度）`.)
  if (k.includes('年')) k = k.replace(BRACKETED_YEAR, '').replace(YEAR, '');
  // A word printed twice (`国有资本经营预算预算支出表`, 贵州省德江县 2025): once.
  if (k.includes('预算预算') || k.includes('决算决算')) k = k.replace(/(预算|决算)\1+/g, '$1');
  if (k.endsWith(')')) {
    k = k.replace(/\((?:公开|附表|表)[^)]*\)$/, '').replace(/\((?:功能科目|经济科目|功能分类|经济分类|按功能分类|按经济分类|功能分类科目|经济分类科目)\)$/, '')
      .replace(/\((?:部门|单位)(?:预算|决算)?\)$/, '');
    // The money a table is of, printed after its title rather than before it: `“三公”经费…支出预算表（一般公共预算）`
    // is `一般公共预算“三公”经费…支出预算表` (江苏省政协办公厅 2017).
    const fund = FUND_AFTER.exec(k);
    if (fund) k = k.startsWith(fund[1]) ? k.slice(0, fund.index) : fund[1] + k.slice(0, fund.index);
  }
  return k;
}

/** Whose table a title says it is, before it (blanks out and brackets half-width: a key). */
const OWNER = /^(?:部门\(单位\)|单位\(部门\)|部门|单位)/;

/** A kind of money in brackets at the end of a title's key. */
const FUND_AFTER = /\((一般公共预算|政府性基金预算|政府性基金|国有资本经营预算|财政拨款)\)$/;

/**
 * A key without its leading table number (`TABLE_NUMBER`). Blanks are out of a key, so a number in Chinese numerals
 * meets the title's first character: `公开表七一般公共预算支出表` is 七 and 一般…, `公开表十一一般…` 十一 and 一般…, `表九三公…` 九
 * and 三公… — the longest run of numerals that is a number (`chineseNumeral`) is the table's.
 */
function withoutTableNumber(k: string): string {
  const m = TABLE_NUMBER.exec(k);
  if (!m) return k;
  const cn = /^(附表|公开表|公开|表)([一二三四五六七八九十]+)/.exec(m[0]);
  if (!cn) return k.slice(m[0].length);
  let n = cn[2].length;
  while (n > 1 && chineseNumeral(cn[2].slice(0, n)) === undefined) n--;
  // (`公开一表…`: the 表 after the whole number is the number's, as the pattern reads it.)
  const end = n === cn[2].length ? m[0].length : cn[1].length + n;
  return k.slice(end);
}

/** What an item or table number (model/classify.ts `withoutItemNumber`, `TABLE_NUMBER`) or the separator after one starts with. */
const NUMBER_START = /^[\d一二三四五六七八九十廿(附公表.、．:]/;
const DIGIT_START = /^\d/;

/**
 * A row's label as the standard sets' rules name it: its `nameKey` without a leading `其中：` (a part's row is named
 * by what it is: `其中：(1)公务用车运行维护费`) and an item number (not claims/link.ts `labelKey`, which also drops
 * level markers for the narrative's words).
 */
export function ruleLabelKey(text: string): string {
  const k = nameKey(text);
  return withoutItemNumber(k.startsWith('其中:') && k.length > 5 ? k.slice(3) : k);
}
