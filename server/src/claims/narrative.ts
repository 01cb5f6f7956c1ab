/**
 * Numeric claims in the narrative (情况说明) and in forms' texts, checked against the tables and their own arithmetic:
 * - an amount next to a label that names a table row (`一般公共服务支出 262.4 万元`) is the same quantity as that row;
 * - a change (`比 2022 年预算减少 70.42 万元，下降 18.64%`) is change ÷ base, base = current ∓ change;
 * - a share (`占本年支出 16.6%`) is part ÷ whole; `完成年初预算的 89.6%` is 决算 ÷ 预算;
 * - an author's own sum (`总收入 307.24 万元。其中：A x 万元，B y 万元…`) adds up.
 */
import { norm } from '../model/build';
import type { BudgetDocument, Cell, Column, Part, Row, Table } from '../model/document';
import { cellOf, eachRowHead } from '../model/rows';
import { parseFigure, samePrint } from '../numbers/decimal';
import type { Messages } from '../i18n/messages';
import type { Relation } from '../rules/relation';

interface Num {
  cell: Cell;
  start: number; // offset in the line
  end: number;
  label: string;
  sentence: number;
  percent: boolean;
}

// A number starts where no digit (or digit and comma) stands before it: else a run of digits without a unit would be
// scanned again from each of its digits, quadratic in the run (issue #15).
const NUMBER = /(-?(?<!\d,?)\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?(?<!\d,?)\d+(?:\.\d+)?)[ \t\u3000]*(万元|万|元|%|％)/g;
const CHANGE_UP = /(增加|增长|上升|提高|新增)$/;
const CHANGE_DOWN = /(减少|下降|降低|减|节约|压减)$/;
const NUMBERING = /^(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)/;

export function cleanLabel(raw: string): string {
  let s = norm(raw);
  // `社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）`: the last level names the row.
  const levels = s.split(/[（(](?:类|款|项)[）)]/).filter((x) => x);
  if (levels.length > 1 && /[（(](类|款|项)[）)]$/.test(s)) s = levels[levels.length - 1];
  s = s.replace(/[（(](类|款|项)[）)]/g, '');
  s = s.replace(NUMBERING, '').replace(/^(其中|主要用于|包括)[:：]?/, '');
  s = s.replace(/^\d{4}年度?/, '');
  s = s.replace(/(为|是|共|计|达|合计为)$/, '');
  return s;
}

/** A label rowKey may change: with blanks, brackets, or a leading number. */
const KEYED = /[\s\u3000（(]|^[\d一二三四五六七八九十廿]/;

function rowKey(label: string): string {
  if (!KEYED.test(label)) return label;
  return norm(label).replace(/[（(](类|款|项)[）)]/g, '').replace(NUMBERING, '').replace(/^[一二三四五六七八九十廿]+、/, '');
}

/** A part's first-figure cells by row label (the key claims name rows by); a key's cells are made when it is asked. */
interface LabelIndex {
  readonly size: number;
  keys(): Iterable<string>;
  get(key: string): Cell[] | undefined;
}

const labelIndexes = new WeakMap<Part, LabelIndex>();

function labelIndex(p: Part): LabelIndex {
  let ix = labelIndexes.get(p);
  if (ix) return ix;
  const rows = new Map<string, number[]>();
  const cells = new Map<string, Cell[]>();
  const fig = p.columns.find((c) => c.role === 'figure');
  ix = {
    get size() { return rows.size; },
    keys: () => rows.keys(),
    get: (k) => {
      let list = cells.get(k);
      if (!list && rows.has(k)) cells.set(k, (list = rows.get(k)!.map((r) => cellOf(p, r, fig!.index)!)));
      return list;
    },
  };
  labelIndexes.set(p, ix);
  if (!fig) return ix;
  eachRowHead(p, (r) => {
    // An economic 款 (30209 物业管理费) is too often a project's name in the narrative: only 类 are matched.
    if (r.codeKind === 'economic' && r.code && r.code.length > 3) return;
    const kind = r.kindAt(fig.index);
    if (kind !== 'figure' && kind !== 'empty') return;
    const k = rowKey(r.label);
    if (!k) return;
    const list = rows.get(k);
    if (list) list.push(r.index); else rows.set(k, [r.index]);
  });
  return ix;
}

function synthetic(doc: BudgetDocument): { part: Part; column: Column } {
  const table: Table = {
    kind: 'form', title: '情况说明', heading: '情况说明', headingSpan: { start: 0, end: 0 }, span: { start: 0, end: 0 },
    parts: [], rules: [], notes: [], fields: [], texts: [], unit: doc.header.unit,
  };
  const column: Column = { name: '', path: [], role: 'figure', index: 0, span: { start: 0, end: 0 } };
  const part: Part = { columns: [column], rows: [], table, fields: [] };
  return { part, column };
}

function atLeast(a: Cell, b: Cell): boolean {
  const fa = a.figure!;
  const fb = b.figure!;
  const d = Math.max(fa.decimals, fb.decimals);
  return fa.units * 10n ** BigInt(d - fa.decimals) >= fb.units * 10n ** BigInt(d - fb.decimals);
}

export function narrativeRelations(doc: BudgetDocument, m: Messages): Relation[] {
  const out: Relation[] = [];
  if (!doc.narrative.length) return out;
  const { part, column } = synthetic(doc);
  const unit = doc.header.unit ?? '万元';
  const year = doc.header.year;

  // Rows of the tables by label, for amount claims (each part's index is kept as long as the part itself).
  const indexes: LabelIndex[] = [];
  for (const t of doc.tables) {
    if (t.kind !== 'table') continue;
    for (const p of t.parts) {
      const ix = labelIndex(p);
      if (ix.size) indexes.push(ix);
    }
  }
  const rowsWithLabel = (k: string): Cell[] | undefined => {
    let out: Cell[] | undefined;
    for (const ix of indexes) {
      const cells = ix.get(k);
      if (cells) out = out ? out.concat(cells) : cells;
    }
    return out;
  };
  const totalOf = (re: RegExp): Cell | undefined => {
    for (const ix of indexes) for (const k of ix.keys()) if (re.test(k)) return rowsWithLabel(k)?.find((c) => c.kind === 'figure');
    return undefined;
  };

  const prevLines: Num[][] = [];
  for (const line of doc.narrative) {
    const text = line.text;
    const nums: Num[] = [];
    let sentence = 0;
    let lastCut = 0;
    NUMBER.lastIndex = 0;
    for (let mt = NUMBER.exec(text); mt; mt = NUMBER.exec(text)) {
      const u = mt[2];
      const percent = u === '%' || u === '％';
      if (!percent && !(u === unit || (u === '万' && unit === '万元'))) continue;
      const figure = parseFigure(mt[1] + (percent ? '%' : ''));
      if (!figure) continue;
      const before = text.slice(lastCut, mt.index);
      sentence += (before.match(/[。；;！!？?]/g) ?? []).length;
      const clauseStart = Math.max(...['，', ',', '。', '；', ';', '：', ':', '、'].map((d) => text.lastIndexOf(d, mt!.index - 1))) + 1;
      const labelStart = Math.max(clauseStart, lastCut);
      const start = line.span.start + mt.index;
      const numText = mt[1] + (percent ? '%' : '');
      const row: Row = { label: cleanLabel(text.slice(labelStart, mt.index)), labelSpan: { start, end: start }, cells: [], span: line.span, part, index: part.rows.length };
      const cell: Cell = { text: numText, span: { start, end: start + mt[1].length + (percent ? mt[0].length - mt[1].length : 0) }, kind: 'figure', figure, column, row };
      if (percent) cell.span = { start, end: line.span.start + mt.index + mt[0].length };
      row.cells.push(cell);
      part.rows.push(row);
      nums.push({ cell, start: mt.index, end: mt.index + mt[0].length, label: row.label, sentence, percent });
      lastCut = mt.index + mt[0].length;
    }
    const clauseText = (n: Num) => {
      const s = Math.max(...['，', ',', '。', '；', ';', '、'].map((d) => text.lastIndexOf(d, n.start - 1))) + 1;
      return text.slice(s, n.start);
    };
    const sentenceText = (n: Num) => {
      const s = Math.max(...['。', '；', ';'].map((d) => text.lastIndexOf(d, n.start - 1))) + 1;
      return text.slice(s, n.start);
    };
    const otherYear = (t: string) => [...t.matchAll(/(\d{4})\s*年/g)].some((y) => year !== undefined && Number(y[1]) !== year);
    const isChange = (n: Num) => CHANGE_UP.test(norm(clauseText(n))) || CHANGE_DOWN.test(norm(clauseText(n))) || /比|较|同比|相比/.test(clauseText(n));

    let lastWhole: Cell | undefined;
    /** The whole a share is taken of: named in the text, or the whole of the share before it, or the line's total. */
    const shareWhole = (key: string, partNum: Num, before: Num[]): Cell | undefined => {
      if (key) {
        const named = before.filter((x) => !x.percent && x !== partNum && x.label.length >= 2 && (x.label.includes(key) || key.includes(x.label))).at(-1);
        if (named) return named.cell;
        if (/本年支出|支出合计|总支出/.test(key)) return totalOf(/^本年支出合计$|^支出合计$/);
        if (/本年收入|收入合计|总收入/.test(key)) return totalOf(/^本年收入合计$|^收入合计$/);
        return undefined;
      }
      if (lastWhole) return lastWhole;
      const first = nums.find((x) => !x.percent);
      if (first && first !== partNum && !isChange(first)) return first.cell;
      // The total introduced by an earlier line (`…支出 2,098.74 万元，主要用于以下方面：`), at least as large as the part.
      for (let k = prevLines.length - 1; k >= Math.max(0, prevLines.length - 4); k--) {
        const pl = prevLines[k];
        if (pl.some((x) => x.percent)) continue;
        const f = pl.find((x) => !x.percent);
        if (f && atLeast(f.cell, partNum.cell)) return f.cell;
      }
      return undefined;
    };
    nums.forEach((n, i) => {
      if (n.percent) {
        const pre = norm(text.slice(i > 0 ? nums[i - 1].end : 0, n.start));
        const amounts = nums.slice(0, i).filter((x) => !x.percent && x.sentence === n.sentence);
        // A change and its rate: 增加 709.32 万元，增长 51.1%.
        const changeWord = /^[，,、]?(增长|增加|上升|提高|下降|减少|降低|减)/.exec(pre);
        const prevNum = nums[i - 1];
        if (changeWord && prevNum && !prevNum.percent) {
          const cw = norm(clauseText(prevNum));
          const up = CHANGE_UP.test(cw);
          const down = CHANGE_DOWN.test(cw);
          const current = amounts.filter((x) => x !== prevNum).at(-1);
          if ((up || down) && current) {
            out.push({ rule: 'narrative', kind: 'change', title: m.ruleNarrative('change'), target: n.cell, terms: [{ sign: 1, cell: prevNum.cell }, { sign: up ? 1 : -1, cell: current.cell }] });
          }
          return;
        }
        if (/完成(年初)?预算(数)?的?$/.test(pre) && amounts.length >= 2) {
          const [a, b] = amounts.slice(-2);
          out.push({ rule: 'narrative', kind: 'ratio', title: m.ruleNarrative('completion'), target: n.cell, terms: [{ sign: 1, cell: b.cell }, { sign: 1, cell: a.cell }] });
          return;
        }
        const share = /占(.{0,16})$/.exec(pre);
        if (share && amounts.length) {
          const partNum = amounts.at(-1)!;
          const whole = shareWhole(norm(share[1]).replace(/的$/, ''), partNum, nums.slice(0, i));
          if (whole && whole !== partNum.cell) {
            lastWhole = whole;
            out.push({ rule: 'narrative', kind: 'ratio', title: m.ruleNarrative('share'), target: n.cell, terms: [{ sign: 1, cell: partNum.cell }, { sign: 1, cell: whole }] });
          }
        }
        return;
      }
      // An amount with a label that names a table row.
      if (isChange(n) || otherYear(sentenceText(n)) || /预算为|年初|上年|去年/.test(clauseText(n))) return;
      const cands = rowsWithLabel(n.label);
      if (!cands?.length) return;
      const agree = cands.find((c) => c.kind === 'figure' && c.figure && n.cell.figure && samePrint(c.figure, n.cell.figure));
      if (agree) return;
      const first = cands.find((c) => c.kind === 'figure') ?? cands[0];
      out.push({ rule: 'narrative', kind: 'same', title: m.ruleNarrative('amount'), target: n.cell, terms: [{ sign: 1, cell: first }] });
    });

    // 其中：the author's own sum.
    const qi = text.indexOf('其中');
    if (qi > 0) {
      // The total is the last amount before 其中; the parts run to the end of that sentence (`；` or `。`),
      // leaving out changes, shares and breakdowns in brackets.
      const total = nums.filter((x) => !x.percent && x.start < qi && !isChange(x)).at(-1);
      const stop = [...'；;。'].map((d) => text.indexOf(d, qi)).filter((i) => i >= 0);
      const end = stop.length ? Math.min(...stop) : text.length;
      const inBrackets = (x: Num) => {
        const before = text.slice(qi, x.start);
        return (before.match(/[（(]/g) ?? []).length > (before.match(/[）)]/g) ?? []).length;
      };
      const parts = nums.filter((x) => !x.percent && x.start > qi && x.start < end && !isChange(x) && !inBrackets(x) && !/预算为|年初/.test(clauseText(x)));
      if (total && parts.length >= 2) {
        out.push({ rule: 'narrative', kind: 'sum', title: m.ruleNarrative('parts'), target: total.cell, terms: parts.map((p) => ({ sign: 1 as const, cell: p.cell })) });
      }
    }
    prevLines.push(nums);
  }
  return out;
}

