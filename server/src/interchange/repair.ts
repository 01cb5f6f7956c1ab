/**
 * Repairs of PDF-extraction damage inside one cell. Each repair only joins pieces or drops spaces (and adds the 0
 * before a bare decimal point); it never invents or changes a digit. What cannot be repaired without guessing is kept
 * as printed and said so.
 */
import { parseFigure } from '../numbers/decimal';

export type RepairKind =
  /** `3 07.24` → `307.24` */
  | 'joined-digits'
  /** `. 0 0` → `0.00` */
  | 'leading-zero'
  /** `合 计` → `合计` */
  | 'cjk-space'
  /** `13 00 01` → `130001`, a code split over 类/款/项 cells joined */
  | 'code-space'
  /** `公开 01 表` → `公开01表` */
  | 'table-number'
  /** a label broken over two lines joined */
  | 'joined-lines'
  /** `|` in a cell → `/` */
  | 'pipe'
  /** `//` in a cell → `/ /` */
  | 'comment'
  /** a cell that would start a keyword line (`#`, `列：` …) */
  | 'keyword'
  /** empty cells past the last column dropped */
  | 'extra-cells'
  /** cells past the last column that are not empty, kept (the checker reports the row) */
  | 'extra-kept'
  /** a figure that cannot be repaired without guessing, kept as printed (the checker reports it) */
  | 'ambiguous'
  /** header debris (`类 款 项`) in a data row dropped */
  | 'debris'
  /** a line of the input that is not part of the table (kept as a comment) */
  | 'dropped';

export interface CellRepair {
  kind: RepairKind;
  before: string;
  after: string;
}

const CJK = '\\u2e80-\\u2fff\\u3001-\\u303f\\u3040-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019';
/** Characters between which a space is extraction damage: CJK, full-width forms, quotes and brackets. */
const JOINABLE = new RegExp(`([${CJK}()])[ \\t\\u3000\\u00a0]+(?=[${CJK}()])`, 'g');

/** Drops the blanks between two CJK characters (`一般公共 服务支出`, `收 入 总 计`, `因公出国 (境) 费`). */
export function joinCjk(text: string): string {
  let prev = '';
  let s = text;
  // Overlapping pairs (`合 计 数`) need a second pass.
  while (s !== prev) {
    prev = s;
    s = s.replace(JOINABLE, '$1');
  }
  return s;
}

/** Collapses blanks and trims (tabs and ideographic spaces included). */
export function clean(text: string): string {
  return text.replace(/[\u00a0\u3000\t\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** Looks like a figure or a damaged one: digits with only blanks, separators, a sign or a percent sign. */
export function figureLike(text: string): boolean {
  const t = text.trim();
  return t !== '' && /\d/.test(t) && /^[-−－]?[\d\s.,%]+$/.test(t);
}

export function isDash(text: string): boolean {
  return /^[-—–－−―]+$/.test(text.trim());
}

/**
 * A figure cell. Blanks inside a number are joined when the result is an ordinary figure with a decimal point
 * (`3 07.24`, `30 7. 24`, `0.0 0`) or a percentage; a joined `. 0 0` gets its 0 (`0.00`). Anything else (`123 55` without its
 * decimal point, `123, 55`, two figures in one cell, a figure with a stray leading 0 like `07 .2 4`) is kept as printed.
 */
export function repairFigure(raw: string): { text: string; repairs: CellRepair[] } {
  const text = raw.trim();
  // A figure printed as it is, `.56` included, is left alone: only the pieces of a broken one are repaired.
  if (text === '' || isDash(text) || parseFigure(text) && !leadingZero(text)) return { text, repairs: [] };
  if (!figureLike(text)) return { text, repairs: [] };
  const joined = text.replace(/\s+/g, '');
  const repairs: CellRepair[] = [];
  const ok = (s: string) => {
    const f = parseFigure(s);
    if (!f) return false;
    if (leadingZero(s)) return false;
    return true;
  };
  let out = text;
  if (joined !== text) {
    // Only a split inside a number with a decimal point (or a percentage) is unambiguous.
    const hasPoint = (joined.match(/\./g) ?? []).length === 1;
    if ((hasPoint || /%$/.test(joined)) && (ok(joined) || ok(withZero(joined)))) {
      repairs.push({ kind: 'joined-digits', before: text, after: joined });
      out = joined;
    } else {
      return { text, repairs: [{ kind: 'ambiguous', before: text, after: text }] };
    }
  }
  if (/^[-−－]?\./.test(out)) {
    const z = withZero(out);
    if (ok(z)) {
      repairs.push({ kind: 'leading-zero', before: out, after: z });
      out = z;
    }
  }
  if (!ok(out)) return { text, repairs: [{ kind: 'ambiguous', before: text, after: text }] };
  return { text: out, repairs };
}

function withZero(s: string): string {
  return s.replace(/^([-−－]?)\./, '$10.');
}

/** `07.24`: an integer part with a leading 0 is not how figures are printed: a digit was lost. */
function leadingZero(s: string): boolean {
  return /^[-−－]?0\d/.test(s);
}

/** A subject or project code: digits (and for project codes letters), possibly split by blanks. */
export function codeLike(text: string): boolean {
  const t = text.trim();
  if (!t || /[.,，%]/.test(t)) return false;
  const c = compact(t);
  return /^\d{3,}$/.test(c) || (/^[0-9A-Za-z]{8,}$/.test(c) && /\d/.test(c) && /[A-Za-z]/.test(c));
}

export function repairCode(raw: string): { text: string; repairs: CellRepair[] } {
  const text = raw.trim();
  const c = compact(text);
  if (c === text) return { text, repairs: [] };
  return { text: c, repairs: [{ kind: 'code-space', before: text, after: c }] };
}

/** A text cell: CJK spaces joined, blanks collapsed. */
export function repairText(raw: string): { text: string; repairs: CellRepair[] } {
  const text = clean(raw);
  const joined = joinCjk(text);
  if (joined === text) return { text, repairs: [] };
  return { text: joined, repairs: [{ kind: 'cjk-space', before: text, after: joined }] };
}

/** Makes a cell safe inside a `.budget` row: `|` separates cells and `//` starts a comment. */
export function escapeCell(text: string): { text: string; repairs: CellRepair[] } {
  const repairs: CellRepair[] = [];
  let s = text;
  if (/[|｜]/.test(s)) {
    const t = s.replace(/[|｜]/g, '/');
    repairs.push({ kind: 'pipe', before: s, after: t });
    s = t;
  }
  if (s.includes('//')) {
    let t = s;
    while (t.includes('//')) t = t.replace('//', '/ /');
    repairs.push({ kind: 'comment', before: s, after: t });
    s = t;
  }
  return { text: s, repairs };
}

/** The keyword lines a row's first cell must not look like: a heading, `列：`, `规则：`, `注：`. */
const KEYWORD_START = /^[ \t\u3000]*(#|列[ \t\u3000]*[：:]|规则[ \t\u3000]*[：:]|(?:备注|注)[ \t\u3000]*[0-9.]*[：:])/;

/** Escapes the first cell of a row so that the line stays a row. */
export function escapeLineStart(text: string): { text: string; repairs: CellRepair[] } {
  const m = KEYWORD_START.exec(text);
  if (!m) return { text, repairs: [] };
  const t = m[1] === '#' ? text.replace('#', '＃') : text.replace(/[：:]/, '∶');
  return { text: t, repairs: [{ kind: 'keyword', before: text, after: t }] };
}

/** A column name for `列：`: CJK spaces joined; the characters the column list uses are replaced. */
export function repairColumnName(raw: string): { text: string; repairs: CellRepair[] } {
  const r = repairText(raw);
  let s = r.text;
  const t = s.replace(/[|｜]/g, '/').replace(/[[［]/g, '(').replace(/[\]］]/g, ')').replace(/[{｛]/g, '(').replace(/[}｝]/g, ')');
  const repairs = [...r.repairs];
  if (t !== s) {
    repairs.push({ kind: 'pipe', before: s, after: t });
    s = t;
  }
  const e = escapeCell(s);
  return { text: e.text, repairs: [...repairs, ...e.repairs] };
}
