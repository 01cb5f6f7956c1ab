/**
 * The floor: a minimal hand-written parser and checker of the benchmark's documents, doing the same parsing (every
 * line split, every cell trimmed, every figure read as a scaled integer) and the same sum checks as the analysis
 * (each row's `规则：N栏各行=(a+b)栏各行`, each 类/款 row against its 款/项 rows, each 合计 row against the top-level
 * rows, in every figure column). What the analysis costs is measured as a multiple of what this costs on the same
 * text, in the same run: no model, no positions, no messages, no error recovery, nothing kept.
 */

export interface FloorResult {
  rows: number;
  /** Sum checks made. */
  checks: number;
  /** Checks whose printed figures do not add up exactly. */
  failed: number;
}

const PIPE = 124;
const NL = 10;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000;
}

/** A printed figure (`2,098.74`) as an integer of hundredths; NaN when the cell is not a figure. */
function figureAt(text: string, from: number, to: number): number {
  let n = 0;
  let decimals = -1;
  let digits = 0;
  let neg = false;
  let i = from;
  if (text.charCodeAt(i) === 45) { neg = true; i++; }
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) decimals = 0;
    else if (c !== 44) return NaN;
  }
  if (!digits) return NaN;
  for (let d = Math.max(decimals, 0); d < 2; d++) n *= 10;
  return neg ? -n : n;
}

/** A code (`2010350`) as a number and its length in its high digits: length * 1e8 + value; 0 when there is none. */
function codeAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return 0;
    n = n * 10 + (c - 48);
  }
  return to > from ? (to - from) * 1e8 + n : 0;
}

interface Table {
  figureColumns: number;
  codes: number[];
  totals: boolean[];
  /** figures[row * figureColumns + column] */
  figures: number[];
  /** `N栏各行=(a+b+…)栏各行`: the target column, then the term columns (0-based figure columns). */
  rules: number[][];
}

export function floor(text: string): FloorResult {
  const result: FloorResult = { rows: 0, checks: 0, failed: 0 };
  let table: Table | undefined;
  const cells: number[] = [];
  const finish = () => {
    if (table) check(table, result);
    table = undefined;
  };
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let s = lineStart;
    while (s < lineEnd && isBlank(text.charCodeAt(s))) s++;
    const first = text.charCodeAt(s);
    if (first === 35) {
      // A heading: `## 表 …` starts a table, any other heading ends one.
      finish();
      if (text.startsWith('## 表', s)) table = { figureColumns: 0, codes: [], totals: [], figures: [], rules: [] };
    } else if (table && text.startsWith('列：', s)) {
      let n = 0;
      for (let i = s; i < lineEnd; i++) if (text.charCodeAt(i) === 91) n++; // `[`: a numbered (figure) column
      table.figureColumns = n;
    } else if (table && text.startsWith('规则：', s)) {
      for (const rule of text.slice(s + 3, lineEnd).split('；')) {
        const m = /^(\d+)栏各行=\(([\d+]+)\)栏各行$/.exec(rule.trim());
        if (m) table.rules.push([Number(m[1]) - 1, ...m[2].split('+').map((x) => Number(x) - 1)]);
      }
    } else if (table && first !== NL && !text.startsWith('注：', s)) {
      // A row: cells between pipes, trimmed.
      cells.length = 0;
      let from = lineStart;
      for (let i = lineStart; i <= lineEnd; i++) {
        if (i === lineEnd || text.charCodeAt(i) === PIPE) {
          let a = from;
          let b = i;
          while (a < b && isBlank(text.charCodeAt(a))) a++;
          while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
          cells.push(a, b);
          from = i + 1;
        }
      }
      if (cells.length < 4) { lineStart = lineEnd + 1; continue; }
      table.codes.push(codeAt(text, cells[0], cells[1]));
      table.totals.push(cells[3] - cells[2] === 2 && text.startsWith('合计', cells[2]));
      for (let c = 0; c < table.figureColumns; c++) {
        const k = 4 + 2 * c;
        table.figures.push(k + 1 < cells.length ? figureAt(text, cells[k], cells[k + 1]) : NaN);
      }
      result.rows++;
    }
    lineStart = lineEnd + 1;
  }
  finish();
  return result;
}

function check(t: Table, result: FloorResult): void {
  const w = t.figureColumns;
  const n = t.codes.length;
  const judge = (stated: number, sum: number) => {
    result.checks++;
    if (stated !== sum) result.failed++;
  };
  // Declared rules, row by row.
  for (const [target, ...terms] of t.rules) {
    for (let r = 0; r < n; r++) {
      let sum = 0;
      for (const c of terms) sum += t.figures[r * w + c];
      judge(t.figures[r * w + target], sum);
    }
  }
  // 类 = Σ款, 款 = Σ项: sums per parent code, then each parent row against its sums.
  const sums = new Map<number, number[]>();
  let top = 9;
  for (let r = 0; r < n; r++) {
    const code = t.codes[r];
    if (!code) continue;
    const len = Math.floor(code / 1e8);
    if (len < top) top = len;
    if (len !== 5 && len !== 7) continue;
    const parent = (len - 2) * 1e8 + Math.floor((code % 1e8) / 100);
    let s = sums.get(parent);
    if (!s) sums.set(parent, (s = new Array<number>(w).fill(0)));
    for (let c = 0; c < w; c++) s[c] += t.figures[r * w + c];
  }
  const totals = new Array<number>(w).fill(0);
  for (let r = 0; r < n; r++) {
    const code = t.codes[r];
    if (!code) continue;
    const s = sums.get(code);
    if (s) for (let c = 0; c < w; c++) judge(t.figures[r * w + c], s[c]);
    if (Math.floor(code / 1e8) === top) for (let c = 0; c < w; c++) totals[c] += t.figures[r * w + c];
  }
  // 合计 = Σ top-level rows.
  for (let r = 0; r < n; r++) if (t.totals[r] && !t.codes[r]) for (let c = 0; c < w; c++) judge(t.figures[r * w + c], totals[c]);
}
