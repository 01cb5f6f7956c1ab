/**
 * Relations inside forms (项目申报表) and share columns, which the documents never print as rules:
 * - a project's 当年预算 is the same amount as its 资金来源 合计;
 * - the 资金来源 合计 equals the sum of the 支出明细 amounts;
 * - each 占比 cell is its amount divided by the part's 合计 amount;
 * - a column whose name prints its formula (`执行率(B/A)`) is that ratio of the columns tagged with those letters, and
 *   a `执行率` (`预算执行率`) column the ratio of the 全年执行数 (预算执行数) and 全年预算数 (调整后预算数) beside it;
 * - a performance form's (绩效自评表) 总分 is the sum of the 得分 of its rows.
 */
import { FIELD_PART, figureColumns, isScoreColumn, isWeightColumn, norm } from '../model/build';
import type { BudgetDocument, Cell, Column, Part, Row, Table } from '../model/document';
import type { Messages } from '../i18n/messages';
import type { Relation } from './relation';
import { cellOf, eachRowHead, figureNumber } from '../model/rows';
import { holdsAsPrinted } from '../checks/evaluate';

const CURRENT_BUDGET = /^(项目)?(当年|本年度?|年度)预算(数)?$/;
const FUNDING = /资金来源/;
const DETAIL = /支出明细|明细测算/;
const AMOUNT = /^(金额|合计|预算数|决算数|当年金额|金额（万元）|金额\(万元\))$/;

function amountColumn(p: Part): Column | undefined {
  const figs = figureColumns(p);
  return figs.find((c) => AMOUNT.test(norm(c.name))) ?? (figs.length === 1 ? figs[0] : undefined);
}

function totalRow(p: Part): Row | undefined {
  return p.rows.find((r) => norm(r.label) === '合计' || norm(r.cells.map((c) => c.text).join('')).startsWith('合计'));
}

function partNamed(t: Table, re: RegExp): Part | undefined {
  return t.parts.find((p) => p.name !== undefined && re.test(norm(p.name)));
}

export function formRelations(doc: BudgetDocument, m: Messages): Relation[] {
  const out: Relation[] = [];
  for (const t of doc.tables) {
    const fields = t.parts.find((p) => p.name === FIELD_PART);
    const funding = partNamed(t, FUNDING);
    const detail = partNamed(t, DETAIL);
    const fundCol = funding && amountColumn(funding);
    const fundTotal = funding && totalRow(funding);
    const fundCell = fundTotal && fundCol ? fundTotal.cells[fundCol.index] : undefined;
    const current = fields?.rows.find((r) => CURRENT_BUDGET.test(norm(r.label)));
    if (current && fundCell && fundCell.kind !== 'empty') {
      out.push({ rule: 'form', kind: 'same', title: m.ruleForm('budgetFunds'), target: current.cells[1], terms: [{ sign: 1, cell: fundCell }] });
    }
    const detailCol = detail && amountColumn(detail);
    if (detail && detailCol) {
      const ownTotal = totalRow(detail);
      const cells = detail.rows.filter((r) => r !== ownTotal).map((r) => r.cells[detailCol.index]).filter((c): c is Cell => !!c && c.kind === 'figure');
      const ownCell = ownTotal?.cells[detailCol.index];
      const funded = fundCell && fundCell.kind === 'figure' ? fundCell : current?.cells[1];
      if (ownCell && ownCell.kind === 'figure') {
        if (cells.length) out.push({ rule: 'form', kind: 'sum', title: m.ruleForm('detailSum'), target: ownCell, terms: cells.map((cell) => ({ sign: 1, cell })) });
        if (funded) out.push({ rule: 'form', kind: 'same', title: m.ruleForm(funded === fundCell ? 'detailFunds' : 'detailBudget'), target: ownCell, terms: [{ sign: 1, cell: funded }] });
      } else if (cells.length && funded) {
        out.push({ rule: 'form', kind: 'sum', title: m.ruleForm(funded === fundCell ? 'fundsSum' : 'budgetSum'), target: funded, terms: cells.map((cell) => ({ sign: 1, cell })) });
      }
    }
    for (const p of t.parts) {
      shareRelations(p, m, out);
      headerRatios(p, m, out);
    }
    pointsSum(t, fields, 'score', m, out);
    pointsSum(t, fields, 'weight', m, out);
  }
  return out;
}

/** A form's total score, as a field (`总分：100`) or a row's label. */
const TOTAL_SCORE = /^(?:总分|总得分|自评总分|自评得分|综合得分|得分合计|合计得分|总计得分|总计|合计)$/;
/** Rows that are not an indicator's own score: a subtotal (`小计`, `产出指标合计`). */
const SUBTOTAL = /小计|合计|总计|总分/;

/**
 * A performance form's (绩效自评表: 预算执行情况 and each 年度目标's indicators) total score — a field `总分` or a
 * `总分`/`合计` row with a figure in a score column — is the sum of the score cells of every other row (a blank score
 * counts as nothing scored: a form whose scores are printed but one is as wrong as one mistyped); so is its total
 * weight (`分值`, `权重`: a `总分`/`合计` row's figure in that column) of the weights. Read from the store; a relation only
 * when the printed figures do not add up exactly (as `headerRatios`: thousands of forms).
 */
function pointsSum(t: Table, fields: Part | undefined, of: 'score' | 'weight', m: Messages, out: Relation[]): void {
  const scored: [Part, Column][] = [];
  const isColumn = of === 'score' ? isScoreColumn : isWeightColumn;
  for (const p of t.parts) {
    if (p === fields) continue;
    const c = p.columns.find((x) => x.role === 'figure' && isColumn(x.name));
    if (c) scored.push([p, c]);
  }
  if (!scored.length) return;
  let total: Cell | undefined;
  // (`总分：100` is the score a form was given, never its weights'.)
  const field = of === 'score' ? fields?.rows.find((r) => TOTAL_SCORE.test(norm(r.label)) && r.cells[1]?.kind === 'figure') : undefined;
  if (field) total = field.cells[1];
  // Terms by (part, row, column); the sum of their printed values and the finest decimals among them.
  const terms: [Part, number, number][] = [];
  let sum = 0;
  let decimals = 0;
  let figures = 0;
  let percent = false;
  for (const [p, c] of scored) {
    eachRowHead(p, (h) => {
      const label = norm(h.label);
      const kind = h.kindAt(c.index);
      if (SUBTOTAL.test(label)) {
        if (!total && TOTAL_SCORE.test(label) && kind === 'figure') total = h.cell(c.index);
        return;
      }
      if (kind !== 'figure' && kind !== 'empty' && kind !== 'dash') return;
      terms.push([p, h.index, c.index]);
      const f = figureNumber(p, h.index, c.index);
      if (!f) return;
      if (f.percent) { percent = true; return; }
      sum += f.value;
      decimals = Math.max(decimals, f.decimals);
      figures++;
    });
  }
  const target = total?.figure;
  // (A score printed as a percentage is no number of points: not judged.)
  if (!total || !target || target.percent || percent || figures < 2 || terms.length < 2) return;
  // Printed exactly: nothing to find (a tail or a mismatch is judged by the relation).
  if (Math.abs(sum - Number(target.units) / 10 ** target.decimals) < 0.5 * 10 ** -Math.max(decimals, target.decimals) / 10) return;
  out.push({
    rule: 'form', kind: 'sum', title: m.ruleForm(of === 'score' ? 'scoreSum' : 'weightSum'), target: total,
    terms: terms.map(([p, r, i]) => ({ sign: 1, cell: cellOf(p, r, i)! })),
  });
}

/** A column name that prints its formula: `执行率(B/A)`, `执行率 （B/A）`, `完成率(C=B/A)` (groups: numerator, denominator). */
const HEADER_RATIO = /[（(]\s*(?:[A-Z]\s*=\s*)?([A-Z])\s*[/÷]\s*([A-Z])\s*[）)]/;
/** A rate column named without its formula, and the columns it is the ratio of (the first name a part prints). */
const RATE_NAMED = /^(?:预算)?执行率$/;
const EXECUTED = ['全年执行数', '预算执行数'];
const BUDGETED = ['全年预算数', '调整后预算数'];

function namedColumn(p: Part, not: Column, names: readonly string[]): Column | undefined {
  for (const n of names) {
    const c = p.columns.find((x) => x !== not && x.role === 'figure' && norm(x.name) === n);
    if (c) return c;
  }
  return undefined;
}

/** A column name tagged with its letter: `预算数(A)`, `执行数 (B)`. */
const HEADER_TAG = /[（(]\s*([A-Z])\s*[）)]/;

/**
 * Columns whose name prints their formula (the 绩效自评表's `执行率(B/A)` beside `预算数(A)` and `执行数(B)`): each row's
 * percentage is the one tagged column's figure ÷ the other's (a rate printed without `%`, or a row with a blank, is
 * not judged); the relations of the rates that do not hold.
 */
function headerRatios(p: Part, m: Messages, out: Relation[]): void {
  for (const c of p.columns) {
    if (c.role !== 'figure') continue;
    const f = HEADER_RATIO.exec(c.name);
    let num: Column | undefined;
    let den: Column | undefined;
    if (f) {
      const tagged = (letter: string) => p.columns.find((x) => x !== c && x.role === 'figure' && HEADER_TAG.exec(x.name)?.[1] === letter);
      num = tagged(f[1]);
      den = tagged(f[2]);
    } else if (RATE_NAMED.test(norm(c.name))) {
      // The national form's `执行率` beside `全年执行数` and `全年预算数`; Sichuan's `预算执行率` beside `预算执行数` and
      // `调整后预算数` (its note: 预算执行率=预算执行数/调整后预算数).
      num = namedColumn(p, c, EXECUTED);
      den = namedColumn(p, c, BUDGETED);
    }
    if (!num || !den) continue;
    // Rows read by their heads, a view made only of the three cells of a row that prints all three. Only a rate that
    // does not hold is kept as a relation (a ratio within its rounding gives no finding): a document of 3,000 forms
    // made, listed and judged 3,000 relation objects at every keystroke (about a fifth of its pass).
    eachRowHead(p, (h) => {
      const r = h.index;
      const rate = figureNumber(p, r, c.index);
      const a = figureNumber(p, r, num.index);
      const b = figureNumber(p, r, den.index);
      if (!rate?.percent || !a || !b || a.percent || b.percent) return;
      // The printed figures' own ratio inside the rate's rounding: it holds (`holdsAsPrinted` would say so), no view made.
      if (b.value > 0 && Math.abs((a.value / b.value) * 100 - rate.value) < 0.45 * 10 ** -rate.decimals) return;
      const rel: Relation = { rule: 'column-formula', kind: 'ratio', title: f ? m.ruleHeaderRatio(c.name) : m.ruleNamedRatio(c.name, num.name, den.name), target: h.cell(c.index)!, terms: [{ sign: 1, cell: h.cell(num.index)! }, { sign: 1, cell: h.cell(den.index)! }] };
      if (holdsAsPrinted(rel) === false) out.push(rel);
    });
  }
}

/** 占比 columns: each share = amount ÷ the part's 合计 amount. */
function shareRelations(p: Part, m: Messages, out: Relation[]): void {
  const shares = p.columns.filter((c) => c.role === 'figure' && /占比|比例|比重/.test(c.name));
  if (!shares.length) return;
  for (const share of shares) {
    const amount = [...p.columns].reverse().find((c) => c.role === 'figure' && c.index < share.index && !/占比|比例|比重/.test(c.name));
    if (!amount) continue;
    // Rows are grouped by their 合计: the rows above a 合计 row belong to it.
    let group: Row[] = [];
    for (const r of p.rows) {
      if (norm(r.label) === '合计') {
        const whole = r.cells[amount.index];
        if (whole?.kind === 'figure') {
          for (const g of [...group, r]) {
            const s = g.cells[share.index];
            const a = g.cells[amount.index];
            if (s?.kind === 'figure' && s.figure?.percent && a?.kind === 'figure') {
              out.push({ rule: 'share', kind: 'ratio', title: m.ruleShare, target: s, terms: [{ sign: 1, cell: a }, { sign: 1, cell: whole }] });
            }
          }
        }
        group = [];
      } else group.push(r);
    }
  }
}
