/** What a cell's text is: a code's kind, a figure, a dash, a broken number … (shared by the builder and the row store). */
import { parseFigure, type Figure } from '../numbers/decimal';
import { trimEndChars } from '../util/text';
import type { CellKind, CodeKind, Column, MoneyUnit } from './document';

/** Whether a UTF-16 code unit is a blank: one `\s` matches (the ideographic space U+3000 is one of them): what `norm` drops. */
export function normBlank(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  // Most characters of a label are ideographs (above U+3000): one comparison more.
  if (c > 0x3000) return c === 0xfeff;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * The text without blanks (`\s` and the ideographic space): how names and codes compare. A text with no blank (most
 * labels and names) is returned as it is, without a regular expression: every row label a rule names is normalised.
 */
export function norm(s: string): string {
  for (let i = 0; i < s.length; i++) if (normBlank(s.charCodeAt(i))) return s.replace(/[\s\u3000]+/g, '');
  return s;
}

/** The power of ten of a money unit, relative to 元. */
const UNIT_POWER: Record<MoneyUnit, number> = { 万元: 4, 元: 0 };

/**
 * The power of ten that reads a figure printed in `from` in the unit `to` (a term's `shift`): 4 for 万元 read in 元, −4
 * for 元 read in 万元, 0 when the two are one unit or either is unknown.
 */
export function unitShift(from: MoneyUnit | undefined, to: MoneyUnit | undefined): number {
  return from === undefined || to === undefined ? 0 : UNIT_POWER[from] - UNIT_POWER[to];
}

/** A money unit a column's name prints, bracketed (`金额（元）`, `执行数(万元)`, `预算数（元）(A)`). */
const COLUMN_UNIT = /[（(]\s*(万?元)\s*[）)]/;

/**
 * The money unit a column's own name (or one of its groups', the innermost first) prints, bracketed: `金额（元）` in a
 * document of 万元 holds figures in 元; undefined when none says one. The one reader of a column's unit: `columnUnit`.
 */
export function ownColumnUnit(c: Column | undefined): MoneyUnit | undefined {
  if (!c) return undefined;
  const path = c.path;
  for (let k = path.length - 1; k >= 0; k--) {
    const name = path[k];
    // (Most names print no unit: no regular expression for them.)
    if (!name.includes('元')) continue;
    const u = COLUMN_UNIT.exec(name);
    if (u) return u[1] as MoneyUnit;
  }
  return c.path.length ? undefined : ownName(c.name);
}

function ownName(name: string): MoneyUnit | undefined {
  return name.includes('元') ? (COLUMN_UNIT.exec(name)?.[1] as MoneyUnit | undefined) : undefined;
}

/**
 * A column's name without the bracketed money unit it prints (`本年支出合计（元）` → `本年支出合计`): the name a standard
 * column is known by (standard/names.ts `columnKey`); the unit is `ownColumnUnit`'s.
 */
export function withoutColumnUnit(name: string): string {
  return name.includes('元') ? name.replace(COLUMN_UNIT, '') : name;
}

/**
 * The money unit a column's figures are in: its own (`ownColumnUnit`), else its table's (`Table.unit`, passed). Every
 * comparison of a column's figures with another column's, a field's, another table's or the narrative's reads it.
 */
export function columnUnit(c: Column | undefined, tableUnit: MoneyUnit | undefined): MoneyUnit | undefined {
  return ownColumnUnit(c) ?? tableUnit;
}

/** Whether two printings of a unit's name are the same unit (one may leave out the city or the party prefix). */
export function sameUnit(a: string, b: string): boolean {
  const x = shortName(norm(a).replace(/[（）()]/g, ''));
  const y = shortName(norm(b).replace(/[（）()]/g, ''));
  return !x || !y || x === y || x.includes(y) || y.includes(x);
}

/**
 * A body's name as it is also written for short (`政协滑县委员会` and `滑县政协`, `XX县人民代表大会常务委员会` and
 * `XX县人大常委会`, `XX县人民政府办公室` and `XX县政府办公室`, `中国共产党江苏省委员会办公厅` and `江苏省委办公厅`): one
 * document says both, neither another unit's.
 */
function shortName(s: string): string {
  return s.replace(/^(?:中国人民政治协商会议|政协)(.+?)委员会/, '$1政协').replace(/人民代表大会常务委员会/, '人大常委会').replace(/人民政府/, '政府')
    .replace(/^中国共产党(.{1,12}?[省市县区州旗])委员会/, '$1委').replace(/^中共/, '');
}

/**
 * A row label's item number, as these documents print it: `一、` (`一.`, `一．`), `（一）` or `(一)`, `1.` (`1．`, `1、`),
 * `（1）` or `(1)` — `廿一、` too —, with the blanks around it. A digit after `1.` makes a decimal, not an item number
 * (`1.5万元以下`, `2.0`), unless it begins a year (`4.2020年12月前…`). Blanks (`\s`) inside change nothing, so a label
 * and its `norm` have the same number. Groups: 1 `一、`, 2 `（一）`, 3 `1.`, else `（1）`. The specification of
 * `itemNumberAt`, which reads it without a regular expression (every row label a rule or a standard identity looks
 * for is read): test/numbering.test.ts checks that both agree.
 */
export const ITEM_NUMBER =
  /^\s*(?:([一二三四五六七八九十廿]+\s*[、.．])|[（(]\s*(?:([一二三四五六七八九十廿]+)|\d+)\s*[）)]|(\d+\s*(?:、|[.．](?!\s*\d)|[.．](?=\s*\d{4}\s*年))))\s*/;

/** Whether a code unit is a Chinese numeral of an item number (`一` … `十`, `廿`). */
function isNumeral(c: number): boolean {
  // 一 二 三 四 五 六 七 八 九 十 廿
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341 || c === 0x5eff;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The place of the first code unit at or after i that is not a blank. */
function blanksFrom(s: string, i: number): number {
  while (i < s.length && normBlank(s.charCodeAt(i))) i++;
  return i;
}

/**
 * The item number a label begins with (`ITEM_NUMBER`, read code unit by code unit, nothing allocated): its length
 * with the blanks around it times 8, plus its level (1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）`); 0 without one.
 */
function itemNumberAt(s: string): number {
  const i = blanksFrom(s, 0);
  const c = s.charCodeAt(i);
  let end: number;
  let level: number;
  if (isNumeral(c)) {
    let j = i + 1;
    while (isNumeral(s.charCodeAt(j))) j++;
    j = blanksFrom(s, j);
    const d = s.charCodeAt(j);
    // 、 . ．
    if (d !== 0x3001 && d !== 0x2e && d !== 0xff0e) return 0;
    end = j + 1;
    level = 1;
  } else if (c === 0xff08 || c === 0x28) {
    // （ (
    let j = blanksFrom(s, i + 1);
    if (isNumeral(s.charCodeAt(j))) {
      level = 2;
      while (isNumeral(s.charCodeAt(j))) j++;
    } else if (isDigit(s.charCodeAt(j))) {
      level = 4;
      while (isDigit(s.charCodeAt(j))) j++;
    } else return 0;
    j = blanksFrom(s, j);
    const d = s.charCodeAt(j);
    // ） )
    if (d !== 0xff09 && d !== 0x29) return 0;
    end = j + 1;
  } else if (isDigit(c)) {
    let j = i + 1;
    while (isDigit(s.charCodeAt(j))) j++;
    j = blanksFrom(s, j);
    const d = s.charCodeAt(j);
    if (d === 0x3001) end = j + 1;
    else if (d === 0x2e || d === 0xff0e) {
      // Not before a digit (`1.5`), unless four digits and 年 follow (`4.2020年`).
      const k = blanksFrom(s, j + 1);
      if (isDigit(s.charCodeAt(k))) {
        let n = 0;
        while (n < 4 && isDigit(s.charCodeAt(k + n))) n++;
        if (n < 4 || s.charCodeAt(blanksFrom(s, k + 4)) !== 0x5e74) return 0;
      }
      end = j + 1;
    } else return 0;
    level = 3;
  } else return 0;
  return blanksFrom(s, end) * 8 + level;
}

/**
 * How long the item number (`ITEM_NUMBER`) a text begins with is, with the blanks around it; 0 without one. A row
 * label's, and a 名词解释 line's before its term (model/glossaryLine.ts): the documents number both alike.
 */
export function itemNumberLength(text: string): number {
  return itemNumberAt(text) >> 3;
}

/** A row label without its item number (`ITEM_NUMBER`) and the blanks after it; the label itself when it has none. */
export function withoutItemNumber(label: string): string {
  const n = itemNumberLength(label);
  return n ? label.slice(n) : label;
}

/** Whether a label begins with an item number (`ITEM_NUMBER`). */
export function hasItemNumber(label: string): boolean {
  return itemNumberAt(label) !== 0;
}

/**
 * The level of a label's item number, outermost first: `一、` 1, `（一）` 2, `1.` 3, `（1）` 4; undefined without one
 * (siblings are the rows numbered alike, their items one level deeper).
 */
export function itemLevel(label: string): 1 | 2 | 3 | 4 | undefined {
  const m = itemNumberAt(label);
  return m ? ((m & 7) as 1 | 2 | 3 | 4) : undefined;
}

export function classifyCode(code: string): CodeKind | undefined {
  if (/^\d{7}$/.test(code)) return 'functional';
  if (/^[2]\d{2}(\d{2})?$/.test(code)) return 'functional';
  if (/^[35]\d{2}(\d{2})?$/.test(code)) return 'economic';
  if (/^1\d{2}(\d{2}(\d{2}(\d{2})?)?)?$/.test(code)) return 'functional';
  if (/^[0-9A-Za-z]{8,}$/.test(code) && /\d/.test(code)) return 'project';
  return undefined;
}

/** The units a cell's figure may be printed with (the longer first), and their powers of ten relative to 元. */
const PRINTED_UNITS: readonly (readonly [string, number])[] = [['万元', 4], ['亿元', 8], ['万', 4], ['亿', 8], ['元', 0]];

/** The unit a cell's text ends with (`万元`, `亿元`, `万`, `亿`, `元`), if any. */
export function printedUnit(text: string): string | undefined {
  return PRINTED_UNITS.find(([name]) => text.endsWith(name))?.[0];
}

/**
 * A figure printed with its unit (`12.00 万元`, `150万`, `1.5亿元`, `1.5亿`, `75元`: 鄂州's forms print `150万`, `125.25万`), read in
 * the table's unit `unit` at the precision printed (`inUnit`); undefined when the text is not one.
 */
function withUnit(text: string, unit: MoneyUnit | undefined): Figure | undefined {
  for (const [name, power] of PRINTED_UNITS) {
    if (!text.endsWith(name)) continue;
    const f = parseFigure(trimEndChars(text.slice(0, text.length - name.length), ' \t\u3000'));
    return f && !f.percent ? inUnit({ ...f, unitPower: power }, unit) : undefined;
  }
  return undefined;
}

/**
 * A figure printed with its own unit (`Figure.unitPower`) read in a table's unit: its digits kept, its decimals moved
 * by the two units' difference (`150万` in 元 is 150 at −4 decimals: 1,500,000 ± 5,000; in 万元, or where no unit is
 * known, it is 150 as printed). A bare figure is returned as it is.
 */
export function inUnit(f: Figure, unit: MoneyUnit | undefined): Figure {
  if (f.unitPower === undefined) return f;
  const shift = unit === undefined ? 0 : f.unitPower - UNIT_POWER[unit];
  const was = f.shift ?? 0;
  if (shift === was) return f;
  return { ...f, decimals: f.decimals + was - shift, shift };
}

/** Two dates a period runs between: `2023.07-2024.01`, `2021.1.1—2021.12.31`. */
const PERIOD = /^(?:19|20)\d\d[.．]\d{1,2}(?:[.．]\d{1,2})?\s*[-—–~～－]\s*(?:19|20)\d\d[.．]\d{1,2}(?:[.．]\d{1,2})?$/;

/**
 * A figure column's cell: empty, a dash, a figure (maybe printed with its unit: read in the table's `unit`, `inUnit`),
 * a broken number, or text.
 */
export function classifyCell(text: string, unit?: MoneyUnit): { kind: CellKind; figure?: Figure } {
  if (text === '') return { kind: 'empty' };
  if (/^[-—–－−―]+$/.test(text)) return { kind: 'dash' };
  const figure = parseFigure(text) ?? withUnit(text, unit);
  if (figure) return { kind: 'figure', figure };
  // A period (`2023.07-2024.01`, a 时效指标's value in a form) is no number broken.
  if (PERIOD.test(text)) return { kind: 'text' };
  if (/\d/.test(text) && /^[\d\s.,，．%\-−]+$/.test(text)) return { kind: 'broken' };
  return { kind: 'text' };
}
