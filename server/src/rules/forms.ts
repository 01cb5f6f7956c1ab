/**
 * Relations inside forms (项目申报表) and share columns, which the documents never print as rules:
 * - a project's 当年预算 is the same amount as its 资金来源 合计;
 * - the 资金来源 合计 equals the sum of the 支出明细 amounts;
 * - each 占比 cell is its amount divided by the part's 合计 amount;
 * - a column whose name prints its formula (`执行率(B/A)`) is that ratio of the columns tagged with those letters, and
 *   a `执行率` (`预算执行率`) column the ratio of the 全年执行数 (预算执行数) and 全年预算数 (调整后预算数) beside it;
 * - a performance form's (绩效自评表) 总分 is the sum of the 得分 of its rows;
 * - a score column whose name prints its formula (`得分 (20分*执行率)`) is that weight times the row's rate, capped.
 */
import { FIELD_PART, figureColumns, isFundsTotal, isPointsColumn, isScoreColumn, isWeightColumn, norm } from '../model/build';
import { columnUnit, unitShift } from '../model/classify';
import type { BudgetDocument, Cell, Column, Part, Row, Table } from '../model/document';
import type { Messages } from '../i18n/messages';
import { cellsOf, type Relation } from './relation';
import { cellOf, eachRowHead, figureNumber, rowCount } from '../model/rows';
import { syntheticCell } from '../model/synthetic';
import { columnPrecision, holdsAsPrinted } from '../checks/evaluate';
import { formatUnits, parseFigure, type Decimal, type Figure } from '../numbers/decimal';

const CURRENT_BUDGET = /^(项目)?(当年|本年度?|年度)预算(数)?$/;
const FUNDING = /资金来源/;
const DETAIL = /支出明细|明细测算|成本构成/;
/** Amount columns of a detail part beside its 金额: what was spent in earlier years (鄂州's `2020年实际执行数`). */
const DETAIL_AMOUNT = /(?:执行数|预算数|决算数)$/;
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
      out.push({ rule: 'form', kind: 'same', title: m.ruleForm('budgetFunds'), target: current.cells[1], terms: [termIn(fundCell, current.cells[1])] });
    }
    const detailCol = detail && amountColumn(detail);
    if (detail && detailCol) {
      const ownTotal = totalRow(detail);
      const cells = detail.rows.filter((r) => r !== ownTotal).map((r) => r.cells[detailCol.index]).filter((c): c is Cell => !!c && c.kind === 'figure');
      const ownCell = ownTotal?.cells[detailCol.index];
      const funded = fundCell && fundCell.kind === 'figure' ? fundCell : current?.cells[1];
      if (ownCell && ownCell.kind === 'figure') {
        if (cells.length) out.push({ rule: 'form', kind: 'sum', title: m.ruleForm('detailSum'), target: ownCell, terms: cells.map((cell) => ({ sign: 1, cell })) });
        if (funded) out.push({ rule: 'form', kind: 'same', title: m.ruleForm(funded === fundCell ? 'detailFunds' : 'detailBudget'), target: ownCell, terms: [termIn(funded, ownCell)] });
      } else if (cells.length && funded) {
        out.push({ rule: 'form', kind: 'sum', title: m.ruleForm(funded === fundCell ? 'fundsSum' : 'budgetSum'), target: funded, terms: cells.map((cell) => termIn(cell, funded)) });
      }
      // The other amount columns' 合计 (鄂州's 项目预算成本构成: 2020年、2021年实际执行数), each the sum of its items.
      for (const c of detail.columns) {
        if (c === detailCol || c.role !== 'figure' || !DETAIL_AMOUNT.test(bareName(c.name))) continue;
        const total = ownTotal?.cells[c.index];
        if (!total || total.kind !== 'figure') continue;
        const items = detail.rows.filter((r) => r !== ownTotal).map((r) => r.cells[c.index]).filter((x): x is Cell => !!x && x.kind === 'figure');
        if (items.length) out.push({ rule: 'form', kind: 'sum', title: m.ruleForm('detailSum'), target: total, terms: items.map((cell) => ({ sign: 1, cell })) });
      }
    }
    for (const p of t.parts) {
      shareRelations(p, m, out);
      headerRatios(p, m, out);
      scoreRelations(p, m, out);
      // (A form's own parts only: a table of 33,000 rows is not read row by row at every keystroke for them.)
      if (t.kind === 'form') {
        blankSources(p, m, out);
        levelPoints(p, m, out);
        pairedFunds(p, m, out);
      }
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
function pointsSum(t: Table, fields: Part | undefined, of: 'score' | 'weight', m: Messages, out: Relation[], held = false): void {
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
  // Printed exactly: nothing to find (a tail or a mismatch is judged by the relation). `held`: only a sum printed exactly,
  // which no list keeps (`heldScores`).
  if ((Math.abs(sum - Number(target.units) / 10 ** target.decimals) < 0.5 * 10 ** -Math.max(decimals, target.decimals) / 10) !== held) return;
  out.push({
    rule: 'form', kind: 'sum', title: m.ruleForm(of === 'score' ? 'scoreSum' : 'weightSum'), target: total,
    terms: terms.map(([p, r, i]) => ({ sign: 1, cell: cellOf(p, r, i)! })),
  });
}

/** An amount column of a form's funds (`年初预算数`, `全年预算数(A)`, `调整后预算数`): not its points (`分值`, `得分`) nor its rate. */
function isFundsAmount(c: Column): boolean {
  return c.role === 'figure' && !isPointsColumn(c.name) && !norm(c.name).includes('率');
}

/**
 * A performance form's funds total (`年度资金总额` of the national 项目支出绩效自评表, Sichuan's `总额`) whose `其中`
 * sources — the rows after it in its part — were all left blank in a column where the total prints an amount: the
 * form was not filled in, which is one finding at the total (the first such column's cell, the columns named in its
 * rule), not one sum wrong in each of 年初预算数, 全年预算数 and 全年执行数 (the standard set's per-column identities
 * hold only where a source is printed: their condition `当（…）`, data/standard/juesuan.budget). A source printed `0` or
 * `-` is filled in: the columns are judged as ever.
 */
function blankSources(p: Part, m: Messages, out: Relation[]): void {
  let total = -1;
  eachRowHead(p, (h) => {
    if (!h.label || !isFundsTotal(h.label)) return true;
    total = h.index;
    return false;
  });
  const n = rowCount(p);
  if (total < 0 || total + 1 >= n) return;
  const blank: Column[] = [];
  for (const c of p.columns) {
    if (!isFundsAmount(c)) continue;
    const f = figureNumber(p, total, c.index);
    if (!f || f.percent || f.value === 0) continue;
    let filled = false;
    eachRowHead(p, (h) => {
      const k = h.kindAt(c.index);
      filled = k !== undefined && k !== 'empty';
      return !filled;
    }, total + 1);
    if (!filled) blank.push(c);
  }
  if (!blank.length) return;
  const c = blank[0];
  const target = cellOf(p, total, c.index);
  const terms: Relation['terms'] = [];
  for (let r = total + 1; r < n; r++) {
    const cell = cellOf(p, r, c.index);
    if (cell) terms.push({ sign: 1, cell });
  }
  if (!target || !terms.length) return;
  out.push({ rule: 'form', kind: 'sum', title: m.ruleSourcesBlank(blank.map((x) => x.name)), target, terms });
}

/** A funds total of a half of a paired part: `项目资金总额`, `年度资金申请总额`. */
const PAIR_TOTAL = /总额$/;
/** The first source of a total, printed `其中：…` (`其中：财政资金`, `其中：当年财政拨款`). */
const FIRST_SOURCE = /^其中[：:]/;
/** The template's own sources of either pair (`财政资金`, `其他资金`; `当年财政拨款`, `上年结转资金`, `其他资金`). */
const PAIR_SOURCE = /^(?:其中[：:])?(?:财政资金|其[他它]资金|当年财政拨款|上年结转(?:资金)?)$/;
/** The template's residual source, which ends either pair's list (`其他资金`): the list is then the whole. */
const LAST_SOURCE = /^(?:其中[：:])?其[他它]资金$/;
/** The most rows a paired funds part is read in (上海 prints four). */
const PAIR_ROWS = 12;

/**
 * A form's funds printed as two label | amount pairs side by side (上海's 财政项目支出绩效目标申报表: `列：项目 | 金额 | 项目 |
 * 金额`, `项目资金总额 | 10,308,000.00 | 年度资金申请总额 | 3,498,000.00`, `其中：财政资金 | … | 其中：当年财政拨款 | …`,
 * ` | | 上年结转资金 | 0.00`, `其他资金 | 0.00 | 其他资金 | 0.00`): each pair is read on its own, its total (a label ending
 * in `总额`, the pair's first) the sum of the sources below it (the first printed `其中：…`) — 项目资金总额 = 财政资金 +
 * 其他资金, 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金. The sources are the whole only when at least two rows
 * print them, the last the residual `其他资金`: a `其中：` row alone is a part of the total, not its sources (`项目资金总额
 * 1,000 | 其中：中央补助资金 300`, review25), and so may be parts of other names (`其中：中央资金 | 市级资金`). A second `其中：` row is a part of the source above it (`其中：财政资金 800` / `其中：中央资金 500`), never
 * added to its siblings; after it, a row of the template's own sources (`其他资金`) is its whole's next source again, and
 * any other ends the pair unread (whose part it is, is not printed). Not where every source is blank (nothing was
 * filled in). The right pair's cells are named by its own labels (cells of their own standing at the printed figures,
 * `syntheticCell`, in one column of their own: its message names them as the left pair's are, by their labels in the
 * `「金额」栏`), not by the row's first label. Seen in two forms (城管执法局's 拆违经费, 建管委's 兰溪路-真南路下立交工程).
 */
function pairedFunds(p: Part, m: Messages, out: Relation[]): void {
  const cols = p.columns;
  if (cols.length !== 4 || cols[0].role !== 'label' || cols[1].role !== 'figure' || cols[3].role !== 'figure') return;
  if (norm(cols[0].name) !== norm(cols[2].name) || norm(cols[1].name) !== norm(cols[3].name)) return;
  const n = rowCount(p);
  if (n < 2 || n > PAIR_ROWS) return;
  halves: for (const half of [0, 2]) {
    const labelOf = (r: number) => {
      const c = cellOf(p, r, half);
      return c && c.kind === 'text' ? norm(c.text) : '';
    };
    if (!PAIR_TOTAL.test(labelOf(0)) || !FIRST_SOURCE.test(labelOf(1))) continue;
    const total = cellOf(p, 0, half + 1);
    if (!total || total.kind !== 'figure') continue;
    // The total's own sources (a row each, blank or not), past the parts of any of them.
    const rows: number[] = [];
    let nested = false;
    for (let r = 1; r < n; r++) {
      const label = labelOf(r);
      if (!label) continue;
      if (PAIR_TOTAL.test(label)) break;
      if (rows.length && FIRST_SOURCE.test(label)) {
        nested = true;
        continue;
      }
      if (nested && !PAIR_SOURCE.test(label)) continue halves;
      nested = false;
      rows.push(r);
    }
    // At least two sources, the last the residual one (`其他资金`): a list of parts of other names (`其中：中央资金`,
    // `市级资金`) may not be all of the total.
    if (rows.length < 2 || !LAST_SOURCE.test(labelOf(rows[rows.length - 1]))) continue;
    const sources = rows.map((r) => cellOf(p, r, half + 1)).filter((c): c is Cell => !!c && c.kind === 'figure');
    if (!sources.length) continue;
    // The left pair's cells are named by their rows; the right pair's by its own labels, in one column of their own.
    const part: Part = { columns: [{ ...cols[half + 1], index: 0 }], rows: [], table: p.table, fields: [] };
    const own = (c: Cell): Cell => {
      if (half === 0 || !c.figure) return c;
      const label = cellOf(p, c.row.index, half)!;
      return syntheticCell(part, part.columns[0], { label: label.text, labelSpan: label.span, span: c.row.span }, { text: c.text, span: c.span, figure: c.figure }, true);
    };
    const terms = sources.map((c) => ({ sign: 1 as const, cell: own(c) }));
    out.push({ rule: 'form', kind: 'sum', title: m.ruleFundsPair(labelOf(0)), target: own(total), terms });
  }
}

/** The indicator columns that print points (`一级指标`, `二级指标`), outermost first. */
const LEVELS = [/^一级指标/, /^二级指标/];
/** The points an indicator's cell prints: `产出指标(50分)`, `效益指标（30分）`, `(50分)`, `数量指标(10分)`. */
const LEVEL_POINTS = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]/;
/**
 * Points printed without `分` at a label's start (or as its whole text): `(10)`, `(10)绩效目标` — the 四川省项目支出绩效
 * 评分表 prints its 绩效目标 and 项目完成 so (达州, 仪陇), beside `(10分)科学决策` in the same column. Read only in a column
 * where another label prints its points with `分` at its start too and no label carries a number of its own before them
 * (`(1)数量指标(40分)` above `(2)质量指标`: the (2) is the label's number; review24), never at a label's end (`质量指标(2)`,
 * a note's number beside `数量指标(40分)`), never a year (`(2021)质量指标`) nor a range (`成本指标(0-20)分`, 奉节: the
 * points an indicator may be given).
 */
const BARE_POINTS = /^\s*[（(]\s*(\d+(?:\.\d+)?)\s*[）)]/;
/** A label printing its points with `分` at its start: `(10分)科学决策`, `(20分)`. */
const LEADING_POINTS = /^\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]/;
/** A year, not points: `(2021)`. */
const YEAR = /^(?:19|20)\d\d$/;

/** The points a label prints: their digits and where they stand in it; `bare`, read without `分` too (`BARE_POINTS`). */
function pointsIn(text: string, bare: boolean): { index: number; digits: string } | undefined {
  const m = LEVEL_POINTS.exec(text);
  if (m) return { index: m.index + m[0].indexOf(m[1]), digits: m[1] };
  const b = bare ? BARE_POINTS.exec(text) : null;
  if (!b || YEAR.test(b[1])) return undefined;
  return { index: b.index + b[0].indexOf(b[1]), digits: b[1] };
}

/**
 * A performance form's indicator printed with its points (`产出指标(50分)` in a `一级指标` column; `数量指标(10分)` in a
 * `二级指标` column, 银川's and 达州's forms) is the sum of the weights (`分值`, `权重`) of its rows. Which rows are its
 * is not printed: a merged cell's text stands on its first row as a form is typed, in its middle as a PDF's text puts it
 * (the rows above it then are its), and some forms print the label again on every row of its group, or print on each
 * row that row's own weight (硚口's `数量指标(2分)`). So the rows of a part between its 总分/合计 rows are cut into the
 * indicators of a level (each holding its label's row; a run of the same label one indicator or one a row) every way
 * those layouts allow, and those that do not add up in the cut where the fewest do not (`cutOf`) are found wrong. An
 * indicator without points, one whose rows weigh in percent, and the last of a part not closed by a 总分 row (the table may go on, or the text was cut)
 * add up whatever they hold; a blank weight counts as none. The points are inside a label: the relation's target is
 * a figure of its own at the digits (as a narrative claim's is), whole points exact.
 */
function levelPoints(p: Part, m: Messages, out: Relation[]): void {
  const weight = p.columns.find((c) => c.role === 'figure' && isWeightColumn(c.name));
  if (!weight) return;
  const levels: Column[] = [];
  for (const re of LEVELS) {
    const c = p.columns.find((x) => x !== weight && re.test(norm(x.name)));
    if (!c) break;
    levels.push(c);
  }
  if (!levels.length) return;
  // Whether each level's column prints points with 分 in some label, then read also without (`BARE_POINTS`): looked for
  // only when a label prints `(N)` (a form of thousands of labels with points, or none, is read once).
  const bare: (boolean | undefined)[] = levels.map(() => undefined);
  const bareIn = (k: number): boolean => {
    if (bare[k] === undefined) {
      // Some label prints `(N分)` at its start, and none prints a number `(n)` besides its `(N分)`.
      let leading = false;
      let numbered = false;
      eachRowHead(p, (h) => {
        if (h.kindAt(levels[k].index) !== 'text') return;
        const t = norm(k === 0 ? h.label : h.textAt(levels[k].index) ?? '');
        if (!LEVEL_POINTS.test(t)) return;
        if (LEADING_POINTS.test(t)) leading = true;
        if (BARE_POINTS.test(t) || BARE_POINTS.test(t.replace(LEADING_POINTS, ''))) numbered = true;
        return !numbered;
      });
      bare[k] = leading && !numbered;
    }
    return bare[k] === true;
  };
  // The rows of the segment (since the part's start or its last 总分 row) that print a weight cell, with the labels of
  // each level among them.
  let rows: Weighed[] = [];
  let labels: Label[][] = levels.map(() => []);
  const judge = (closed: boolean) => {
    for (let k = 0; k < levels.length; k++) judgeLevel(p, m, out, levels[k], weight, rows, labels[k], closed, bare[k] === true);
    rows = [];
    labels = levels.map(() => []);
  };
  eachRowHead(p, (h) => {
    if (SUBTOTAL.test(norm(h.label))) {
      judge(true);
      return;
    }
    const at = rows.length;
    let outer = false;
    for (let k = 0; k < levels.length; k++) {
      if (h.kindAt(levels[k].index) !== 'text') {
        // An outer indicator begins here and no indicator of this level: one of no points and no name, so that an
        // outer indicator printing none of this level (满意度指标 with its 二级 blank) is no one else's.
        if (outer) labels[k].push({ row: h.index, at, text: '', points: undefined });
        continue;
      }
      outer = true;
      const text = k === 0 ? h.label : h.textAt(levels[k].index) ?? '';
      const t = norm(text);
      const pts = pointsIn(t, false) ?? (BARE_POINTS.test(t) && bareIn(k) ? pointsIn(t, true) : undefined);
      labels[k].push({ row: h.index, at, text: t, points: pts ? parseFigure(pts.digits) : undefined });
    }
    if (h.kindAt(weight.index) === undefined) return;
    const f = figureNumber(p, h.index, weight.index);
    rows.push({ row: h.index, value: f?.percent ? undefined : f ? f.value : 0, decimals: f?.decimals ?? 0 });
  });
  judge(false);
}

/** A row of a segment that prints a weight: its number, the weight (0 blank; undefined in percent), its decimals. */
interface Weighed { row: number; value: number | undefined; decimals: number }
/** An indicator's label: its row, the number of weighed rows before it in the segment, its text, its points. */
interface Label { row: number; at: number; text: string; points: Figure | undefined }

/**
 * Whether a sum of weights is the points exactly, at the precision either prints (undefined points or sum: any sum). A
 * float comparison for choosing a cut only: the relation made of an indicator that does not add up is judged exactly.
 */
function addsUp(sum: number | undefined, decimals: number, points: Figure | undefined): boolean {
  if (points === undefined || sum === undefined) return true;
  return Math.abs(sum - Number(points.units) / 10 ** points.decimals) < 0.5 * 10 ** -Math.max(decimals, points.decimals) / 10;
}

/** An indicator as a segment was cut: its labels [first, last], its weighed rows [start, end), whether it adds up. */
interface Cut { first: number; last: number; start: number; end: number; holds: boolean }

/**
 * The weighed rows of a segment cut into its labels' indicators so that the fewest do not add up: indicator i holds
 * its label's row and runs from where the one before ended (the first from the segment's start: a label in the middle
 * of its merged cell has rows above it) to a row before the next label's (the last to the segment's end); a run of
 * labels of one text is one indicator or one a row. Of cuts as good, the one a form typed makes (each label up to the
 * next, a run one indicator). A search over (label, first row) pairs, each met once, each cut's sum read from the
 * running sums; a run of more than `MAX_RUN` labels of one text is cut into runs of that many at most; a segment of
 * more than `MAX_SEARCHED` rows is cut as a form typed it.
 */
function cutOf(rows: readonly Weighed[], labels: readonly Label[], closed: boolean): Cut[] {
  const n = labels.length;
  const m = rows.length;
  // The weights' sums from the segment's start, and how many weigh in percent: each cut's sum in one subtraction.
  const sums = [0];
  const percents = [0];
  let decimals = 0;
  for (const r of rows) {
    sums.push(sums[sums.length - 1] + (r.value ?? 0));
    percents.push(percents[percents.length - 1] + (r.value === undefined ? 1 : 0));
    decimals = Math.max(decimals, r.decimals);
  }
  const sumOf = (a: number, b: number) => (percents[b] > percents[a] ? undefined : sums[b] - sums[a]);
  if (m > MAX_SEARCHED) {
    // Too many rows to try every cut (the search is quadratic in the rows between two labels): as a form typed.
    const cuts: Cut[] = [];
    for (let i = 0; i < n; i++) {
      let last = i;
      while (last + 1 < n && last - i < MAX_RUN && labels[i].text !== '' && labels[last + 1].text === labels[i].text) last++;
      const start = i === 0 ? 0 : labels[i].at;
      const end = last + 1 === n ? m : labels[last + 1].at;
      cuts.push({ first: i, last, start, end, holds: (last + 1 === n && !closed) || addsUp(sumOf(start, end), decimals, labels[i].points) });
      i = last;
    }
    return cuts;
  }
  // best(i, start): the fewest indicators not adding up from label i on, its indicator starting at row `start` (one
  // after the label before it at the earliest, its own label's row at the latest), and its first cut. Filled from the
  // last label back, so that every state is met once and no recursion is as deep as the labels are many.
  interface Best { fails: number; last: number; end: number; holds: boolean }
  const best = new Map<number, Best | null>();
  const key = (i: number, start: number) => i * (m + 1) + start;
  best.set(key(n, m), { fails: 0, last: n, end: m, holds: true });
  for (let i = n - 1; i >= 0; i--) {
    let run = i;
    while (run + 1 < n && run - i < MAX_RUN && labels[i].text !== '' && labels[run + 1].text === labels[i].text) run++;
    for (let start = i === 0 ? 0 : labels[i - 1].at + 1; start <= labels[i].at; start++) {
      let b: Best | null = null;
      // Of cuts as good, the one a form typed makes: a run of one label one indicator, each up to the next label.
      for (let j = run; j >= i && b?.fails !== 0; j--) {
        const lo = Math.max(labels[j].at + 1, start + 1);
        const hi = j + 1 === n ? m : labels[j + 1].at;
        for (let end = hi; end >= lo && b?.fails !== 0; end--) {
          if (j + 1 === n && end !== m) continue;
          const rest = best.get(key(j + 1, end));
          if (!rest) continue;
          const holds = (j + 1 === n && !closed) || addsUp(sumOf(start, end), decimals, labels[i].points);
          const fails = rest.fails + (holds ? 0 : 1);
          if (!b || fails < b.fails) b = { fails, last: j, end, holds };
        }
      }
      best.set(key(i, start), b);
    }
  }
  const cuts: Cut[] = [];
  for (let i = 0, start = 0; i < n;) {
    const b = best.get(key(i, start));
    if (!b) return [];
    cuts.push({ first: i, last: b.last, start, end: b.end, holds: b.holds });
    i = b.last + 1;
    start = b.end;
  }
  return cuts;
}

/** The most rows of a segment whose cuts are all tried (a form's indicators are tens of rows). */
const MAX_SEARCHED = 400;
/** The most labels of one text a run of them makes one indicator of (a group prints a handful of rows). */
const MAX_RUN = 32;

function judgeLevel(p: Part, m: Messages, out: Relation[], level: Column, weight: Column, rows: readonly Weighed[], labels: readonly Label[], closed: boolean, bare: boolean): void {
  if (!labels.some((l) => l.points !== undefined) || !rows.length) return;
  for (const c of cutOf(rows, labels, closed)) {
    const g = labels[c.first];
    if (c.holds || g.points === undefined) continue;
    const label = cellOf(p, g.row, level.index);
    const at = label && pointsIn(label.text, bare);
    const terms: Relation['terms'] = [];
    for (let r = c.start; r < c.end; r++) {
      const cell = cellOf(p, rows[r].row, weight.index);
      if (cell) terms.push({ sign: 1, cell });
    }
    if (!label || !at || !terms.length) continue;
    const fig = g.points;
    const start = label.span.start + at.index;
    // The points a cell of their own, in a part of their own.
    const column: Column = { name: level.name, path: [], role: 'figure', index: 0, span: level.span };
    const part: Part = { columns: [column], rows: [], table: p.table, fields: [] };
    const target = syntheticCell(part, column, { label: label.text, labelSpan: label.span, span: label.span }, { text: at.digits, span: { start, end: start + at.digits.length }, figure: { ...fig, exact: true } });
    out.push({ rule: 'form', kind: 'sum', title: m.ruleForm('levelPoints'), target, terms });
  }
}

/** A column name that prints its formula: `执行率(B/A)`, `执行率 （B/A）`, `完成率(C=B/A)` (groups: numerator, denominator). */
const HEADER_RATIO = /[（(]\s*(?:[A-Z]\s*=\s*)?([A-Z])\s*[/÷]\s*([A-Z])\s*[）)]/;
/** A rate column named without its formula, and the columns it is the ratio of (the first name a part prints). */
const RATE_NAMED = /^(?:预算)?执行率$/;
const EXECUTED = ['全年执行数', '预算执行数'];
const BUDGETED = ['全年预算数', '调整后预算数'];

/** The first of `names` (in their order: `调整后预算数` before `预算数`) a figure column of `p` other than `not` is named, as `key` reads a name. */
function namedColumn(p: Part, not: Column, names: readonly string[], key: (name: string) => string = norm): Column | undefined {
  for (const n of names) {
    const c = p.columns.find((x) => x !== not && x.role === 'figure' && key(x.name) === n);
    if (c) return c;
  }
  return undefined;
}

/** A column name tagged with its letter: `预算数(A)`, `执行数 (B)`. */
const HEADER_TAG = /[（(]\s*([A-Z])\s*[）)]/;

/**
 * The columns a rate column is the ratio of, and the title of that ratio: the letters its name prints (`执行率(B/A)`
 * beside `预算数(A)` and `执行数(B)`), or the national form's `执行率` beside `全年执行数` and `全年预算数` (Sichuan's
 * `预算执行率` beside `预算执行数` and `调整后预算数`, its note: 预算执行率=预算执行数/调整后预算数).
 */
function rateOperands(p: Part, c: Column): { num: Column; den: Column; shift: number; title: (m: Messages) => string } | undefined {
  if (c.role !== 'figure') return undefined;
  const f = HEADER_RATIO.exec(c.name);
  let num: Column | undefined;
  let den: Column | undefined;
  if (f) {
    const tagged = (letter: string) => p.columns.find((x) => x !== c && x.role === 'figure' && HEADER_TAG.exec(x.name)?.[1] === letter);
    num = tagged(f[1]);
    den = tagged(f[2]);
  } else if (RATE_NAMED.test(norm(c.name))) {
    num = namedColumn(p, c, EXECUTED);
    den = namedColumn(p, c, BUDGETED);
  }
  if (!num || !den) return undefined;
  const [n, d] = [num, den];
  return { num, den, shift: operandShift(p, num, den), title: (m) => (f ? m.ruleHeaderRatio(c.name) : m.ruleNamedRatio(c.name, n.name, d.name)) };
}

/** The money units a column's name may print, bracketed (`执行数（元）`, `预算数(万元)`): stripped by `bareName` (read by ../model/classify `columnUnit`). */
const UNIT = '万?元';

/** The power of ten that reads a rate's numerator in its denominator's unit (`预算数（万元） | 执行数（元）`: −4). */
function operandShift(p: Part, num: Column, den: Column): number {
  return unitShift(columnUnit(num, p.table.unit), columnUnit(den, p.table.unit));
}

/** A form's cell as a term of a relation whose target is `target`: read in the target's unit (a field's is its table's, a column's its own: `金额（元）`). */
function termIn(cell: Cell, target: Cell): Relation['terms'][number] {
  const shift = unitShift(columnUnit(cell.column, cell.row.part.table.unit), columnUnit(target.column, target.row.part.table.unit));
  return shift ? { sign: 1, cell, shift } : { sign: 1, cell };
}

/** A rate's ratio relation: the numerator read in the denominator's unit (`operandShift`). */
function ratioRelation(title: string, target: Cell, num: Cell, den: Cell, shift: number): Relation {
  return { rule: 'column-formula', kind: 'ratio', title, target, terms: [shift ? { sign: 1, cell: num, shift } : { sign: 1, cell: num }, { sign: 1, cell: den }] };
}

/**
 * Row r's amounts' ratio (`num` ÷ `den`, the numerator read in the denominator's unit) as a float, for the quick tests
 * that spare a relation object; undefined unless both are plain figures and the denominator is above 0.
 */
function amountsRatio(p: Part, r: number, o: { num: Column; den: Column; shift: number }): number | undefined {
  const a = figureNumber(p, r, o.num.index);
  const b = figureNumber(p, r, o.den.index);
  return a && b && !a.percent && !b.percent && b.value > 0 ? (a.value * 10 ** o.shift) / b.value : undefined;
}

/** Whether a ratio is inside a printed percentage's rounding with a tenth to spare (`holdsAsPrinted` would say it holds). */
function withinRate(q: number, rate: { value: number; decimals: number }): boolean {
  return Math.abs(q * 100 - rate.value) < 0.45 * 10 ** -rate.decimals;
}

/** What `bareName` strips: a bracketed letter or money unit, a footnote mark. */
const BARE = new RegExp(`[（(](?:[A-Z]|${UNIT})[）)]|\\[\\d+\\]`, 'g');

/** A column's name without its letter (`(A)`), its unit (`（万元）`) or its footnote mark (`[1]`): `预算数 (A)[1]` → `预算数`. */
function bareName(name: string): string {
  return norm(name).replace(BARE, '');
}

/**
 * The columns a score's rate is the ratio of, for the score's relations only: those `rateOperands` finds (whose rate
 * `headerRatios` judges on its own, `judged`), else, for a rate that prints no formula (`执行率`, `预算执行率` beside
 * `预算数 | 执行数`, tagged or not), the 执行数 and the 预算数 beside it. An untagged rate there is not judged on its own
 * (its name says no formula: rules.test's `执行率` beside `预算数(A)`, `执行数(B)`), but a score that does not hold asks
 * which figure is wrong, and the rate's amounts answer it (`scoreRelations`); a score that holds with the rate and not
 * with its amounts' ratio says the rate was typed as printed (`typedAsPrinted`).
 */
function scoreRateOperands(p: Part, rate: Column): { num: Column; den: Column; shift: number; title: (m: Messages) => string; judged: boolean } | undefined {
  const named = rateOperands(p, rate);
  if (named) return { ...named, judged: true };
  if (rate.role !== 'figure' || HEADER_RATIO.test(rate.name)) return undefined;
  // By the names' order, not the columns': `预算数 | 调整后预算数 | 执行数` rates the adjusted budget.
  const num = namedColumn(p, rate, [...EXECUTED, '执行数'], bareName);
  const den = namedColumn(p, rate, [...BUDGETED, '预算数'], bareName);
  if (!num || !den) return undefined;
  return { num, den, shift: operandShift(p, num, den), title: (m) => m.ruleNamedRatio(rate.name, num.name, den.name), judged: false };
}

/**
 * Columns whose name prints their formula (the 绩效自评表's `执行率(B/A)` beside `预算数(A)` and `执行数(B)`): each row's
 * percentage is the one tagged column's figure ÷ the other's (a rate printed without `%`, or a row with a blank, is
 * not judged); the relations of the rates that do not hold.
 */
function headerRatios(p: Part, m: Messages, out: Relation[]): void {
  for (const c of p.columns) {
    const operands = rateOperands(p, c);
    if (!operands) continue;
    const { num, den, shift, title } = operands;
    // Rows read by their heads, a view made only of the three cells of a row that prints all three. Only a rate that
    // does not hold is kept as a relation (a ratio within its rounding gives no finding): a document of 3,000 forms
    // made, listed and judged 3,000 relation objects at every keystroke (about a fifth of its pass).
    eachRowHead(p, (h) => {
      const r = h.index;
      const rate = figureNumber(p, r, c.index);
      // (an amount blank or a percentage, a budget of 0: no ratio, as `holdsAsPrinted` would judge none)
      const q = rate?.percent ? amountsRatio(p, r, operands) : undefined;
      // The printed figures' own ratio inside the rate's rounding: it holds, no view made.
      if (q === undefined || withinRate(q, rate!)) return;
      const rel = ratioRelation(title(m), h.cell(c.index)!, h.cell(num.index)!, h.cell(den.index)!, shift);
      if (holdsAsPrinted(rel) === false) out.push(rel);
    });
  }
}

/**
 * The rates of a cell's row that hold (`headerRatios` lists only those that do not, for speed): each rate column
 * `rateOperands` reads whose rate, numerator or denominator the cell is, as its ratio relation when the row prints all
 * three and the relation holds as printed. Asked by error localisation for the figures it weighs (../analysis
 * `relationSource`), so that a fix that mends a sum never breaks a rate the form prints beside it (a 年度资金总额 of 300
 * | 240 | 80.00% is not mended to 310 where 240 ÷ 310 is 77.42%); nothing is made for a form no search reaches.
 */
export function heldRates(cell: Cell, m: Messages): Relation[] {
  const out: Relation[] = [];
  const p = cell.row.part;
  const at = cell.column?.index;
  const r = cell.row.index;
  // (A figure of a part's own rows only: not a synthetic cell standing for a label's points or a claim.)
  if (at === undefined || cell.kind !== 'figure' || cellOf(p, r, at) !== cell) return out;
  for (const c of p.columns) {
    const operands = rateOperands(p, c);
    if (!operands || (at !== c.index && at !== operands.num.index && at !== operands.den.index)) continue;
    const rate = figureNumber(p, r, c.index);
    if (!rate?.percent || amountsRatio(p, r, operands) === undefined) continue;
    const rel = ratioRelation(operands.title(m), cellOf(p, r, c.index)!, cellOf(p, r, operands.num.index)!, cellOf(p, r, operands.den.index)!, operands.shift);
    if (holdsAsPrinted(rel) === true) out.push(rel);
  }
  return out;
}

/**
 * The scores of a form that hold (`scoreRelations` and `pointsSum` list only those that do not, for speed), as
 * `heldRates` for rates: the score relation of the cell's row when the cell is a score or its rate and the score is its
 * weight times the rate as printed (capped), and the form's 总分 = Σ 得分 (总分值 = Σ 分值) when the cell is one of its
 * figures and the sum is printed exactly. Asked by error localisation for the figures it weighs (../analysis
 * `relationSource`): a set that mends a sum by changing a rate never breaks the score that rate gives (a 执行率 80.00%
 * made 90.00% beside its score 8 of 10), nor one that changes a score the 总分 it adds up to. `sums`: each form's sums
 * that hold, kept by the caller for one version (made once per form a search reaches).
 */
export function heldScores(cell: Cell, m: Messages, sums: Map<Table, Relation[]> = new Map()): Relation[] {
  const out: Relation[] = [];
  const p = cell.row.part;
  const at = cell.column?.index;
  const r = cell.row.index;
  // (A figure of a part's own rows only: not a synthetic cell standing for a label's points or a claim.)
  if (at === undefined || cell.kind !== 'figure' || cellOf(p, r, at) !== cell) return out;
  // A score or weight, or a form's total printed as a field (`总分：100`).
  const scored = cell.figure && !cell.figure.percent && (isScoreColumn(cell.column!.name) || isWeightColumn(cell.column!.name) || (p.name === FIELD_PART && TOTAL_SCORE.test(norm(cell.row.label))));
  for (const sc of scoreColumns(p)) {
    if (at !== sc.c.index && at !== sc.rateColumn.index) continue;
    const score = figureNumber(p, r, sc.c.index);
    const rate = figureNumber(p, r, sc.rateColumn.index);
    if (!score || !rate || score.percent || rate.value < 0) continue;
    const weight = rowWeight(p, r, sc);
    const shift = weight && rateShift(p, r, rate, () => scoreRateOperands(p, sc.rateColumn));
    if (!weight || shift === undefined) continue;
    const rel = scoreRelation(p, r, sc, weight, shift, scoreTitle(sc, weight, m));
    if (holdsAsPrinted(rel) === true) out.push(rel);
  }
  if (scored) {
    // (A form's sums read once per `sums`, the caller's for one version: a search reaching its 80 scores.)
    const t = p.table;
    let held = sums.get(t);
    if (!held) {
      const made: Relation[] = [];
      const fields = t.parts.find((x) => x.name === FIELD_PART);
      for (const of of ['score', 'weight'] as const) pointsSum(t, fields, of, m, made, true);
      sums.set(t, (held = made.filter((s) => holdsAsPrinted(s) === true)));
    }
    for (const s of held) if (cellsOf(s).includes(cell)) out.push(s);
  }
  return out;
}

/** A score column's formula once `得分` is read: `(20分*执行率)`, `（10分×执行率）`, `(分值×执行率)`, `=执行率×20`. */
const SCORE_FORMULA = /^(?:[（(](.+)[）)]|[=＝](.+))$/;
const TIMES = /[*×xX✕·＊]/;
const RATE_FACTOR = /^(?:预算|资金)?执行率(?:[（(][A-Z]\/[A-Z][）)])?$/;
const POINTS_FACTOR = /^(\d+(?:\.\d+)?)分?$/;
const WEIGHT_FACTOR = /^(?:分值|权重|满分|标准分)$/;
/** A rate column: `执行率(B/A)`, `预算执行率`, `资金执行率`. */
const RATE_COLUMN = /^(?:预算|资金)?执行率/;
/**
 * A score column that prints no formula (`得分`, `自评得分`): beside a rate column and a weight column (the national
 * 项目支出绩效自评表's funds part, `分值 | 执行率 | 得分`), its score is the weight times the rate, as a formula's is.
 */
const BARE_SCORE = /^(?:自评)?得分$/;
/** A section's weight in its title: `预算执行情况 (万元) (20分)`. */
const TITLE_POINTS = /[（(](\d+(?:\.\d+)?)分[）)]/;

/**
 * The weight a score column's name says its score is of, times the rate: the points it prints (`得分 (20分*执行率)`),
 * or `weight` for one named (`自评得分(分值×执行率)`: the row's 分值 or 权重, else the section's title); undefined for a
 * score column that prints no formula of the rate.
 */
export function scoreFormula(name: string): Decimal | 'weight' | undefined {
  // (A document of 3,000 forms prints the same few names: each read once, the memory bounded.)
  if (formulas.has(name)) return formulas.get(name);
  if (formulas.size >= 256) formulas.clear();
  const f = readScoreFormula(name);
  formulas.set(name, f);
  return f;
}
const formulas = new Map<string, Decimal | 'weight' | undefined>();

function readScoreFormula(name: string): Decimal | 'weight' | undefined {
  const n = norm(name);
  if (!isScoreColumn(n) || !n.includes('执行率')) return undefined;
  const f = SCORE_FORMULA.exec(n.replace(/^(?:自评|评价)?得分/, ''));
  const body = f && (f[1] ?? f[2]);
  if (!body) return undefined;
  const sides = body.split(TIMES);
  if (sides.length !== 2) return undefined;
  const [rate, weight] = RATE_FACTOR.test(sides[0]) ? sides : [sides[1], sides[0]];
  if (!RATE_FACTOR.test(rate)) return undefined;
  if (WEIGHT_FACTOR.test(weight)) return 'weight';
  const points = POINTS_FACTOR.exec(weight);
  const fig = points ? parseFigure(points[1]) : undefined;
  return fig && fig.units > 0n ? { units: fig.units, decimals: fig.decimals } : undefined;
}

/**
 * A performance form's score of the budget's execution (绩效自评表's 预算执行情况: `得分 (20分*执行率)`; the national
 * 项目支出绩效自评表's funds part, whose bare `得分` stands beside `分值` and `执行率` — 绥阳's form states the rule,
 * `执行率*该指标分值，最高不得超过分值上限`, and the others' funds rows follow it): each row's score is its weight times
 * its rate, a rate above 100 % scoring the full weight (the seeds' and corpus's forms print no rule for it; the national
 * 绩效自评 practice caps the score at the weight). A rate printed without `%` is a percentage or a
 * fraction as the row's own ratio (`执行数(B)` ÷ `预算数(A)`) reads it, else a percentage when above 1.5 (or 0), else
 * not judged; a blank, dash or text rate or score is not judged. Read from the store, a relation (and the rate's own ratio
 * beside it, which holds, for error localisation to weigh) only for a score that does not hold.
 */
/** A score column of a part and what its rows' scores are reckoned from (`scoreColumns`). */
interface ScoreColumn {
  c: Column;
  /** A bare `得分` (the national form's funds part): its weight the row's 分值. */
  bare: boolean;
  formula: Decimal | 'weight';
  rateColumn: Column;
  weightColumn?: Column;
  /** The section title's points (`(20分)`), for a formula of `分值` where no row prints one. */
  titled?: Decimal;
}

/** The score columns of a part whose scores are a weight times the row's rate (see `scoreRelations`). */
function scoreColumns(p: Part): ScoreColumn[] {
  const out: ScoreColumn[] = [];
  for (const c of p.columns) {
    // (Most parts of a document of 3,000 forms print no rate: one look at each name.)
    const rated = c.name.includes('执行率');
    if (c.role !== 'figure' || (!rated && !c.name.includes('得分'))) continue;
    // A bare `得分` is the national form's funds part's (`分值 | 执行率 | 得分`): its weight the row's 分值 (权重), read only
    // beside such a column and a rate column (a section title's points do not make a bare score a rate's).
    const bare = !rated && BARE_SCORE.test(norm(c.name));
    const formula = bare ? 'weight' : rated ? scoreFormula(c.name) : undefined;
    if (!formula) continue;
    const rateColumn = p.columns.find((x) => x !== c && x.role === 'figure' && RATE_COLUMN.test(norm(x.name)) && !isScoreColumn(x.name));
    if (!rateColumn) continue;
    let weightColumn: Column | undefined;
    let titled: Decimal | undefined;
    if (formula === 'weight') {
      weightColumn = p.columns.find((x) => x.role === 'figure' && isWeightColumn(x.name));
      const t = !bare && p.name !== undefined ? TITLE_POINTS.exec(norm(p.name)) : null;
      const fig = t ? parseFigure(t[1]) : undefined;
      if (fig && fig.units > 0n) titled = { units: fig.units, decimals: fig.decimals };
      if (!weightColumn && !titled) continue;
    }
    out.push({ c, bare, formula, rateColumn, ...(weightColumn ? { weightColumn } : {}), ...(titled ? { titled } : {}) });
  }
  return out;
}

/** Row r's weight of a score column: its formula's points, else the row's 分值 (权重), else the section title's. */
function rowWeight(p: Part, r: number, s: ScoreColumn): Decimal | undefined {
  let weight: Decimal | undefined = s.formula === 'weight' ? undefined : s.formula;
  if (!weight && s.weightColumn) {
    const w = figureNumber(p, r, s.weightColumn.index);
    if (w && !w.percent && w.value > 0) weight = cellOf(p, r, s.weightColumn.index)?.figure;
  }
  return weight ?? s.titled;
}

/**
 * The power of ten a rate of row r is read with as a fraction's: −2 for a percentage printed without `%` (the row's own
 * `执行数 ÷ 预算数` reads it so, else above 1.5 or 0), 0 for a fraction or one printed with `%`; undefined: not judged.
 */
function rateShift(p: Part, r: number, rate: { value: number; percent: boolean }, operandsOf: () => ReturnType<typeof scoreRateOperands>): number | undefined {
  if (rate.percent) return 0;
  const o = operandsOf();
  const q = o ? amountsRatio(p, r, o) : undefined;
  if (q !== undefined) return Math.abs(rate.value / 100 - q) <= Math.abs(rate.value - q) ? -2 : 0;
  // (0 reads alike either way.)
  return rate.value > 1.5 || rate.value === 0 ? -2 : undefined;
}

/** Row r's score relation: its score = the weight `f` × its rate (read with `shift`), capped. */
function scoreRelation(p: Part, r: number, s: ScoreColumn, f: Decimal, shift: number, title: string): Relation {
  const rate = cellOf(p, r, s.rateColumn.index)!;
  return {
    rule: 'column-formula', kind: 'score', title,
    target: cellOf(p, r, s.c.index)!, terms: [shift ? { sign: 1, cell: rate, shift } : { sign: 1, cell: rate }],
    factor: { units: f.units, decimals: f.decimals },
  };
}

/** A score relation's title: the funds part's bare score, or a formula's. */
function scoreTitle(s: ScoreColumn, weight: Decimal, m: Messages): string {
  return (s.bare ? m.ruleFundsScore : m.ruleHeaderScore)(s.c.name, formatUnits(weight.units, weight.decimals, false));
}

function scoreRelations(p: Part, m: Messages, out: Relation[]): void {
  for (const sc of scoreColumns(p)) {
    const { c, bare, rateColumn } = sc;
    // (The rate's operands are found once per part, when a row first needs them: a rate without `%`, a score that does
    // not hold, a percentage rate whose score holds — `typedAsPrinted`.)
    let operands: ReturnType<typeof scoreRateOperands> | null = null;
    let wholeOf: FundsWhole | undefined | null = null;
    const operandsOf = () => (operands === null ? (operands = scoreRateOperands(p, rateColumn)) : operands);
    const precision = columnPrecision(p);
    const scoreDecimals = precision.get(`${c.index}`) ?? 0;
    const ratePercentDecimals = precision.get(`${rateColumn.index}%`) ?? 0;
    const rateFigureDecimals = precision.get(`${rateColumn.index}`) ?? 0;
    // Rows by number (no row's head read: a 3,000-form document's 预算执行情况 rows are one each, and the head's label
    // was most of the pass), a view made only of the cells of a score that does not hold.
    for (let r = 0, rows = rowCount(p); r < rows; r++) {
      const score = figureNumber(p, r, c.index);
      const rate = figureNumber(p, r, rateColumn.index);
      if (!score || !rate || score.percent || rate.value < 0) continue;
      const weight = rowWeight(p, r, sc);
      if (!weight) continue;
      // A funds row printing the form's whole (分值 100) where the indicator rows carry points of their own may print the
      // form's totals (`fundsWhole`): read so only when the row does not hold with its printed 100 (below).
      let whole: FundsWhole | undefined;
      if (bare && weight.decimals >= 0 && weight.units === FORM_WHOLE * 10n ** BigInt(weight.decimals)) {
        if (wholeOf === null) wholeOf = fundsWhole(p);
        whole = wholeOf;
      }
      // The rate as a fraction: a percentage's value ÷ 100; one printed without `%` read as the row's ratio reads it.
      const shift = rateShift(p, r, rate, operandsOf);
      if (shift === undefined) continue;
      const fraction = rate.percent || shift ? rate.value / 100 : rate.value;
      const rateDecimals = Math.max(rate.decimals, rate.percent ? ratePercentDecimals : rateFigureDecimals) + (rate.percent || shift ? 2 : 0);
      // The score's interval meets the weight times the rate's, capped, by a tenth of the score's rounding at least
      // (`holdsAsPrinted` would say it holds): no view made.
      const places = Math.max(score.decimals, scoreDecimals);
      const half = 0.45 * 10 ** -places;
      const around = 0.5 * 10 ** -rateDecimals;
      const scoreText = () => cellOf(p, r, c.index)!.text.trim();
      const relation = (f: Decimal, title: string): Relation => scoreRelation(p, r, sc, f, shift, title);
      const holdsWith = (f: Decimal, title: () => string): Relation | undefined => {
        const v = Number(f.units) / 10 ** f.decimals;
        if (score.value + half >= v * Math.min(fraction - around, 1) && score.value - half <= v * Math.min(fraction + around, 1)) return undefined;
        const rel = relation(f, title());
        return holdsAsPrinted(rel) !== false ? undefined : rel;
      };
      const printed = weight;
      let rel = holdsWith(printed, () => scoreTitle(sc, printed, m));
      // Not with its printed 100: with the row's own weight, the 100 is the mistake (the form's whole typed into the
      // funds row's 分值, its score its own) — found as printed, saying so; nor with that, the row may print the form's
      // totals — found against its own weight.
      if (rel && whole) {
        const w = whole;
        const own = holdsWith(w.own, () => m.ruleFundsWhole(c.name, String(FORM_WHOLE), scoreText(), w.indicators, w.ownText, w.national));
        if (own) rel = own;
        else rel.title = m.ruleFundsOwn(c.name, String(FORM_WHOLE), scoreText(), w.indicators, w.ownText, w.national);
      }
      if (!rel) {
        // The score holds with its rate: a rate that prints no formula is judged by the score that follows it.
        if (rate.percent) typedAsPrinted(p, r, rateColumn, operandsOf(), score.value, Number(printed.units) / 10 ** printed.decimals, places, m, out);
        continue;
      }
      out.push(rel);
      // Which figure is wrong, the score or its rate: the rate's own ratio (its 执行数 ÷ 预算数) says, as a second
      // relation of the rate for error localisation to weigh (alone, a score that does not hold blames its rate, a
      // percentage being the likelier culprit, and offers no fix):
      // - the rate is its amounts' ratio (the relation holds): the rate is confirmed, the score is wrong — found at the
      //   score, with the score the rate gives as its fix;
      // - it is not, and the score is the weight times their ratio: the rate alone is wrong (one figure explains both),
      //   found at the rate and named in the score's finding, its fix the amounts' ratio;
      // - it is not, and the score is neither: two figures are wrong, the rate one of them — found at the rate and at the
      //   score (judged against the printed rate, as every relation is judged as printed), each naming the explanations
      //   error localisation finds (the rate with the score, or with an amount) as a tie.
      // (A rate that is not its amounts' ratio beside a score that follows it is found by `headerRatios` when its name
      // or its columns say its formula, `rateOperands`; an untagged rate beside `预算数 | 执行数` by `typedAsPrinted`.)
      // The ratio is added when it holds, and when it does not unless `headerRatios` has made it already (`judged`).
      const o = operandsOf();
      if (!o || !cellOf(p, r, o.num.index) || !cellOf(p, r, o.den.index)) continue;
      const ratio = ratioRelation(o.title(m), cellOf(p, r, rateColumn.index)!, cellOf(p, r, o.num.index)!, cellOf(p, r, o.den.index)!, o.shift);
      const holds = holdsAsPrinted(ratio);
      if (holds === true || (holds === false && !o.judged)) out.push(ratio);
    }
  }
}

/** The points of a whole performance form (the national 项目支出绩效自评表: its funds row's 10 and its indicators' 90). */
const FORM_WHOLE = 100n;
/** The national form's weight of its funds row (`年度资金总额 | … | 10 | 执行率 | 得分`). */
const NATIONAL_FUNDS = 10;

/** A funds row's own weight, where it prints the form's whole: see `fundsWhole`. */
interface FundsWhole { own: Decimal; ownText: string; indicators: string; national: boolean }

/**
 * A funds row (the national form's `分值 | 执行率 | 得分`) whose 分值 prints the form's whole, 100, while the rows of the
 * form's other parts carry weights of their own (鄂州 2021: `年度资金总额 | … | 100 | 83.5% | 98` above indicator rows
 * of 20, 10, 10 …): the form's totals typed into the funds row. Its own weight is the whole less the indicators' when
 * the form prints its 总分/合计 row (the indicators all seen), else the national form's 10 (the form's text may be cut
 * before its end); undefined when the indicators carry no weight, or as much as the whole (then 100 may be the row's).
 */
function fundsWhole(p: Part): FundsWhole | undefined {
  let units = 0n;
  let decimals = 0;
  let closed = false;
  for (const q of p.table.parts) {
    if (q === p || q.name === FIELD_PART) continue;
    const c = q.columns.find((x) => x.role === 'figure' && isWeightColumn(x.name));
    if (!c) continue;
    eachRowHead(q, (h) => {
      if (SUBTOTAL.test(norm(h.label))) {
        closed = true;
        return;
      }
      const f = h.kindAt(c.index) === 'figure' ? h.cell(c.index)?.figure : undefined;
      if (!f || f.percent || f.units <= 0n) return;
      // (Summed exactly: 2.5 + 7.5 is 10.)
      if (f.decimals > decimals) {
        units *= 10n ** BigInt(f.decimals - decimals);
        decimals = f.decimals;
      }
      units += f.units * 10n ** BigInt(decimals - f.decimals);
    });
  }
  const whole = FORM_WHOLE * 10n ** BigInt(decimals);
  if (units <= 0n || units >= whole) return undefined;
  const indicators = formatUnits(units, decimals, false);
  const national = !closed && units <= whole - BigInt(NATIONAL_FUNDS) * 10n ** BigInt(decimals);
  const own: Decimal = national ? { units: BigInt(NATIONAL_FUNDS), decimals: 0 } : { units: whole - units, decimals };
  const ownFigure = formatUnits(own.units, own.decimals, false);
  return { own, indicators, national, ownText: national ? ownFigure : `${FORM_WHOLE} − ${indicators} = ${ownFigure}` };
}

/**
 * A rate that prints no formula (`执行率` beside `预算数 | 执行数`), not its amounts' ratio, beside a score that holds
 * with the rate as printed and not with the ratio (10 × 80 % = 8 printed, where 90.00 ÷ 100.00 gives 9): the score was
 * reckoned from the rate as it is printed, so the rate was typed so — a mistake, found at the rate as a tagged rate's
 * is (`headerRatios`): its ratio relation, the amounts' ratio at the rate's precision its fix. An untagged rate is
 * otherwise not judged alone (rules.test: its name says no formula): not beside no score or a score that prints no
 * formula, nor when the score fits the ratio as well (a rate capped at 100 % — 100 % printed for 110 %, the score the
 * full weight either way — or a score too coarse to tell the two apart, a tenth of its rounding to spare), nor when
 * an amount is missing or a percentage.
 */
function typedAsPrinted(p: Part, r: number, rateColumn: Column, o: ReturnType<typeof scoreRateOperands>, score: number, weight: number, places: number, m: Messages, out: Relation[]): void {
  if (!o || o.judged) return;
  const rate = figureNumber(p, r, rateColumn.index);
  const q = rate?.percent ? amountsRatio(p, r, o) : undefined;
  if (q === undefined || withinRate(q, rate!)) return;
  if (Math.abs(score - weight * Math.min(q, 1)) <= 0.55 * 10 ** -places) return;
  const ratio = ratioRelation(o.title(m), cellOf(p, r, rateColumn.index)!, cellOf(p, r, o.num.index)!, cellOf(p, r, o.den.index)!, o.shift);
  if (holdsAsPrinted(ratio) === false) out.push(ratio);
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
