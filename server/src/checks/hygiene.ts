/**
 * The document's hygiene (模板审核): what a reviewer checks before reading a single figure.
 * - placeholders of the template left in (`XX`, `XXX`, `××`, `○○`, `****` not in a number, `待填`, `请填写`, `（略）`) in any heading, field, cell
 *   or text, and figures it left blank (`占 %`, `比上年减少 万元`);
 * - years: the title, the part and table headings name the document's 年度; a 截至 date is within it (a 决算 of year Y
 *   speaks of 截至 Y 年…; a 预算 of year Y of Y−1's year end, or of Y); a comparison (`比 Y−1 年预算`, `与 Y−1 年度相比`)
 *   is with the year before;
 * - the unit's name in headings (`第一部分 …概况`, `… 2023 年度部门决算`) and in table fields (`部门：…`) is the header's 部门;
 * - repeated punctuation (`。。`, `，，`) and a change or function word of the narrative written twice (`比2025年预算增加增加
 *   27.45万元`, 上海普陀文旅局 2026) in prose — a closed list (`REPEATED_WORD`): other words doubled are chains of two words
 *   (`物业管理管理费`), reduplicated verbs (`研究研究`) or adjectives (`雪白雪白`);
 * - a change word beside 持平 (`与2025年预算增加持平`, the same document): no change and a change at once.
 * Line by line over one section's lines (comments are not read), and over the cells of its tables' stored rows (read
 * from the stores, no row made): the checks need the header only, so they are kept with the section (../analysis.ts).
 */
import type { Finding } from './finding';
import type { StandardMessages } from '../i18n/standard';
import { norm, sameUnit } from '../model/classify';
import type { Header, Table } from '../model/document';
import { Kind, StoredPart } from '../model/rows';
import type { Line, Span } from '../syntax/ast';

const PLACEHOLDER = /(?<![A-Za-z0-9])(?:[XＸ]{2,}|[xｘ]{2,})(?![A-Za-z0-9])|×{2,}|○{2,}|(?<![\d*＊])[*＊]{4,}(?![\d*＊])|待填|请填写|[（(]\s*略\s*[）)]/g;
/** The template's instructions to whoever fills it in, left in the text: `（按“…”中实际发生…填写）`, `（如持平作持平表述）`. */
const INSTRUCTION = /[（(][^（）()\n]{0,80}(?:填写|填报|如持平作持平表述|不涉及的不列)[^（）()\n]{0,20}[）)]|并在本表下方作下述说明|仍保留该表格式/g;
/**
 * A figure the template left blank: a unit right after the word that states its amount, with no number between
 * (`占 %`, `比上年减少 万元`, `为 元`; 湛江市委宣传部 2017 printed `因公出国(境)费 0 万元，占 %，比上年减少 万元`). Not a
 * unit named (`单位为万元`, `金额单位是元`). Also a share whose whole is named and its figure left out (`商品和服务支出预算 75800
 * 元,占基本支出预算%,同比增加…`, a 梧州 2022 部门预算; not `占比（%）`, a column's name, nor a `%` that names the unit of
 * a share, `占比单位为%`, or heads what follows it, `占比%为80`, `占总支出比重%详见附表`: the blank `%` ends its clause).
 */
const BLANK_FIGURE = /(?<!单位[ \t\u3000]{0,3})(?:占|增加|减少|增长|下降|降低|上升|提高|节约|为|是|达|共计|合计|安排)[ \t\u3000]{0,3}(?:万元|亿元|元|%|％)|占(?![^\d%％，,。；;：:（）()\s]{0,16}单位)[^\d%％，,。；;：:（）()\s]{1,16}[%％](?=[，,。；;、）)\s]|$)/g;
/** What any of the patterns above needs: a text without it (most texts) is not searched at all. */
const SUSPECT = /[XxＸｘ×○*＊待请略填持涉仍并元%％]|([。，、；：！？,;])\1/;
/** A character each pattern above needs: a text without one is not searched for it. */
const SUSPECT_PLACEHOLDER = /[XxＸｘ×○*＊待请略]/;
const SUSPECT_INSTRUCTION = /[填持涉仍并]/;
const SUSPECT_BLANK = /[元%％]/;
const SUSPECT_REPEATED = /([。，、；：！？,;])\1/;
/**
 * A cell of a table (`## 表 …`) that is only an ellipsis: the template's example row (`… | …`). Forms are left alone:
 * their indicator lists print `……` for “and so on” in published documents.
 */
const ELLIPSIS_CELL = /^[…⋯]+$|^\.{3,}$/;
const REPEATED = /([。，、；：！？,;])\1+/g;
/**
 * The words whose doubling is always a slip: the change and function words of the narrative (`比2025年预算增加增加27.45万元`,
 * 上海普陀文旅局 2026; `增加原因主要是主要是按照…`, 梧州检测中心 2020), a closed list. Any other word written twice may be
 * Chinese: a chain of two words sharing one (`物业管理管理费`, `重点项目建设建设资金`, `办公室办公室主任`, `2026年度年度预算`;
 * in the stored corpus `支出支出用途` ×8, `服务项目项目绩效` ×2, `在职人员人员经费`), a reduplicated verb (`研究研究`,
 * `宣传宣传`), an ABAB adjective (`雪白雪白`) — none is read (review25). Longest first: `主要是主要是` is `主要是` twice (a literal: test/regex.test.ts reads it).
 */
const REPEATED_WORD = /(比上年|较上年|主要是|主要有|其中|同比|环比|增加|减少|增长|下降|上升|降低|提高|持平|主要|分别|包括|合计|总计|共计|万元|亿元|占比|用于)\1/g;
/** A change word right before 持平 (`增加持平`, `减少了持平`); not `增减持平`'s `减`. */
const CHANGE_FLAT = /(?:增加|减少|增长|下降|上升|降低|提高|(?<!增)减|(?<!减)增)了?(?:基本)?持平/g;
const YEAR_RANGE = /\d{4}\s*[-—–~～至]\s*\d{4}/g;
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)\s*年/g;
const AS_OF = /截[至止]\s*((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/g;
const COMPARED = /(?:与|比|较|同比)\s*((?:19|20)\d{2})\s*年/g;
/** What follows a compared year that names that year's budget: `(2021年)度预算`, `(2021年)年初预算`, `(2021年)调整预算数`, `(2021年)度 预算数`. */
const BUDGET_OF_YEAR = /^(?:[ \t\u3000]*度)?[ \t\u3000]*(?:年初|调整(?:后的)?)?预算/;
/** Headings that name the unit: `第一部分 <unit>概况`, `<unit> 2023 年度部门决算…`. */
const UNIT_HEADINGS = [
  /^(?:第[一二三四五六七八九十]+部分)?(.{2,40}?)(?:单位|部门)?概况$/,
  /^(?:第[一二三四五六七八九十]+部分)?(.{2,40}?)(?:19|20)\d{2}年度?(?:部门|单位)?(?:预算|决算)/,
];
const UNIT_FIELDS = new Set(['部门', '单位', '部门名称', '单位名称', '部门(单位)名称', '部门（单位）名称', '部门/单位', '预算单位', '填报单位']);

/**
 * `lines`: a section's lines (those of its tables' stored rows may be left out: `tables`' stored parts are read for
 * them).
 */
export function hygieneFindings(lines: readonly Line[], tables: readonly Table[], header: Header, sm: StandardMessages): Finding[] {
  const out: Finding[] = [];
  const year = header.year;
  const kind = header.kind;
  const unit = header.department?.value;
  const say = (rule: Finding['rule'], severity: Finding['severity'], span: Span, message: string) =>
    out.push({ rule, severity, span, message, related: [] });

  /**
   * Placeholders and repeated punctuation in a text printed at `at` (most texts hold none of their characters); blank
   * figures and repeated punctuation in prose only (`prose`: not a table's cell).
   */
  const words = (text: string, at: number, prose = true) => {
    if (prose) repeats(text, at);
    if (!SUSPECT.test(text)) return;
    if (SUSPECT_PLACEHOLDER.test(text)) for (const m of text.matchAll(PLACEHOLDER)) say('placeholder', 'error', { start: at + m.index, end: at + m.index + m[0].length }, sm.placeholder(m[0]));
    if (SUSPECT_INSTRUCTION.test(text)) for (const m of text.matchAll(INSTRUCTION)) say('placeholder', 'error', { start: at + m.index, end: at + m.index + m[0].length }, sm.instruction(m[0]));
    // (In prose only: a table's label may name a unit, `比上年增长%`.)
    if (prose && SUSPECT_BLANK.test(text)) for (const m of text.matchAll(BLANK_FIGURE)) say('placeholder', 'error', { start: at + m.index, end: at + m.index + m[0].length }, sm.blankFigure(m[0]));
    if (prose && SUSPECT_REPEATED.test(text)) for (const m of text.matchAll(REPEATED)) say('repeated-punctuation', 'warning', { start: at + m.index, end: at + m.index + m[0].length }, sm.repeatedPunctuation(m[0]));
  };

  /** Words written twice, and a change word beside 持平, in prose. */
  const repeats = (text: string, at: number) => {
    for (const m of text.matchAll(REPEATED_WORD)) {
      const w = m[1];
      say('repeated-word', 'warning', { start: at + m.index, end: at + m.index + m[0].length }, sm.repeatedWord(m[0], w));
    }
    if (text.includes('持平')) for (const m of text.matchAll(CHANGE_FLAT)) say('narrative', 'error', { start: at + m.index, end: at + m.index + m[0].length }, sm.changeFlat(m[0]));
  };

  /** 截至 dates and compared years in prose. */
  const dates = (text: string, at: number) => {
    if (!year || !text.includes('年')) return;
    for (const m of text.matchAll(AS_OF)) {
      const y = Number(m[1]);
      const ok = kind === '预算' ? y === year - 1 || y === year : y === year;
      if (!ok) say('year-mismatch', 'error', { start: at + m.index, end: at + m.index + m[0].length }, sm.yearAsOf(m[0], kind === '预算' ? `截至 ${year - 1} 年 12 月 31 日（或 ${year} 年）` : `截至 ${year} 年（如 ${year} 年 12 月 31 日）`));
    }
    for (const m of text.matchAll(COMPARED)) {
      const y = Number(m[1]);
      // A final account set against its own year's budget (`与2021年度预算相比`, `比2021年年初预算`) compares with the
      // budget, not with a year: the year is the document's.
      if (y === year && kind === '决算' && BUDGET_OF_YEAR.test(text.slice(m.index + m[0].length))) continue;
      if (y !== year - 1) say('year-mismatch', 'error', { start: at + m.index, end: at + m.index + m[0].length }, sm.yearCompared(y, year - 1));
    }
  };

  const heading = (text: string, at: number, level: number, checkYears: boolean) => {
    words(text, at);
    if (year && checkYears) {
      const ranges = [...text.matchAll(YEAR_RANGE)].map((m) => [m.index, m.index + m[0].length]);
      for (const m of text.matchAll(YEAR)) {
        if (ranges.some(([s, e]) => m.index >= s && m.index < e)) continue;
        const y = Number(m[1]);
        if (y !== year) say('year-mismatch', 'error', { start: at + m.index, end: at + m.index + m[0].length }, sm.yearInTitle(y, year));
      }
    }
    if (unit && level <= 2) {
      // Blanks out (the patterns then need none); the finding goes at the heading.
      const t = norm(text.replace(/^(?:表|情况说明|说明|概况)[ \t\u3000]+/, ''));
      for (const re of UNIT_HEADINGS) {
        const m = re.exec(t);
        if (!m || /^(?:第[一二三四五六七八九十]+部分|\d{4})/.test(m[1]) || /^[（(一二三四五六七八九十\d]/.test(m[1]) || /^(?:本?部门|本?单位|机构)$/.test(m[1])) continue;
        if (!sameUnit(m[1], unit)) say('unit-name', 'warning', { start: at, end: at + text.length }, sm.unitName(m[1], unit));
        break;
      }
    }
  };

  /** A cell's text (figures and codes, most cells, start with a digit: nothing to look for in them). */
  const cell = (t: string, span: Span, inTable: boolean) => {
    if (!t || (t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57)) return;
    if (inTable && ELLIPSIS_CELL.test(t)) say('placeholder', 'error', span, sm.placeholder(t));
    else words(t, span.start, false);
  };

  let inTable = false;
  /** Where each `#`/`##` heading starts, and whether a table's (`## 表 …`) starts there. */
  const tableHeadings: [number, boolean][] = [];
  for (const line of lines) {
    switch (line.kind) {
      case 'heading': {
        const table = /^表([ \t\u3000]|$)/.test(line.text);
        if (line.level <= 2) {
          inTable = line.level === 2 && table;
          tableHeadings.push([line.span.start, inTable]);
        }
        heading(line.text, line.textSpan.start, line.level, line.level === 1 || (line.level === 2 && (table || line.prose)));
        break;
      }
      case 'prose':
        words(line.text, line.span.start);
        dates(line.text, line.span.start);
        break;
      case 'note':
        words(line.text, line.span.start);
        dates(line.text, line.span.start);
        break;
      case 'text': {
        words(line.text, line.span.start);
        dates(line.text, line.span.start);
        const f = /^([^：:|]{1,24})[：:](.*)$/.exec(line.text);
        const value = f?.[2].trim();
        if (f && value && unit && UNIT_FIELDS.has(norm(f[1])) && !/^(万元|元)$/.test(norm(value)) && !sameUnit(value, unit)) {
          const start = line.span.start + line.text.lastIndexOf(value);
          say('unit-name', 'warning', { start, end: start + value.length }, sm.unitName(value, unit));
        }
        break;
      }
      case 'row':
        for (const c of line.cells) cell(c.text, c.span, inTable);
        break;
      default:
        break;
    }
  }
  for (const t of tables) {
    let under = false;
    for (const [at, table] of tableHeadings) if (at <= t.span.start) under = table;
    for (const p of t.parts) {
      if (!(p instanceof StoredPart)) continue;
      const s = p.store;
      for (let r = 0; r < s.count; r++) {
        const line = s.line(r);
        const base = s.source.offsetOf(line);
        for (let c = s.firstCell(r); c < s.endCell(r); c++) {
          const k = s.kind(c);
          if (k === Kind.Empty || k === Kind.Figure) continue;
          const start = base + s.cellStart(c);
          cell(s.cellText(c, line), { start, end: base + s.cellEnd(c) }, under);
        }
      }
    }
  }
  return out;
}
