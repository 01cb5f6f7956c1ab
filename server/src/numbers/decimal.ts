/**
 * Exact decimal figures and the rounding semantics of printed figures.
 *
 * A printed figure with d decimals stands for the closed interval [v − ½·10^-d, v + ½·10^-d]
 * (see ../shared/notes/rounding.md). Everything here is scaled BigInt arithmetic: no binary floating point.
 */

/** A figure as printed: `value` is the printed number times 10^decimals. */
export interface Decimal {
  readonly units: bigint;
  readonly decimals: number;
}

/** A figure read from a cell. `exact` figures (zeros, blanks) carry no rounding interval. */
export interface Figure extends Decimal {
  readonly percent: boolean;
  readonly exact: boolean;
  readonly text: string;
  /**
   * A figure printed with its own unit (`150万`, `12.00 万元`, `1.5亿元`, `75元`): that unit's power of ten relative to 元
   * (4 for 万, 8 for 亿元, 0 for 元). Absent on a bare figure.
   */
  readonly unitPower?: number;
  /**
   * How far a figure printed with its own unit was moved to its table's unit (`unitPower` less the table's): 4 for
   * `150万` in a table of 元, whose `decimals` are then 4 fewer than printed (−4: 1,500,000 元 known to ±½ 万 = ±5,000 元,
   * the precision printed — rounding.md), −4 for `1500元` in a table of 万元 (0.1500 万元). 0 (or absent) when its unit
   * is the table's, or the table's is not known. A moved figure's precision is its own, never its column's.
   */
  readonly shift?: number;
}

const FIGURE_RE = /^([-−－]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(%?)$/;

/** Parses a printed figure (`2,098.74`, `-3.5`, `42.40%`, `.56`); undefined when the text is not one. */
export function parseFigure(raw: string): Figure | undefined {
  const text = raw.trim();
  const fast = parsePlain(text);
  if (fast) return fast;
  const m = FIGURE_RE.exec(text);
  if (!m) return undefined;
  const [, sign, intPart, fracPart, pct] = m;
  if (intPart === undefined && fracPart === undefined) return undefined;
  const digits = (intPart ?? '0').replace(/,/g, '') + (fracPart ?? '');
  let units = BigInt(digits);
  if (sign) units = -units;
  const decimals = fracPart?.length ?? 0;
  return { units, decimals, percent: pct === '%', exact: units === 0n, text };
}

const POW10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

/** The common case without a regular expression: `[-]digits[,digits…][.digits]` with at most 15 digits. */
function parsePlain(text: string): Figure | undefined {
  let i = 0;
  let neg = false;
  if (text.charCodeAt(0) === 45) { neg = true; i = 1; }
  let n = 0;
  let digits = 0;
  let decimals = -1;
  let groupLen = -1;
  let sawComma = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
      else if (groupLen >= 0) groupLen++;
    } else if (c === 46 && decimals < 0) {
      if (sawComma && groupLen !== 3) return undefined;
      decimals = 0;
    } else if (c === 44 && decimals < 0 && digits > 0) {
      if (sawComma ? groupLen !== 3 : digits > 3) return undefined;
      sawComma = true;
      groupLen = 0;
    } else return undefined;
  }
  if (digits === 0 || digits > 15 || decimals === 0) return undefined;
  if (sawComma && decimals < 0 && groupLen !== 3) return undefined;
  if (decimals < 0 && text.charCodeAt(neg ? 1 : 0) === 46) return undefined;
  const units = BigInt(neg ? -n : n);
  return { units, decimals: Math.max(0, decimals), percent: false, exact: n === 0, text };
}

export function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n] : 10n ** BigInt(n);
}

/** The figure's value scaled to `scale` decimals (scale ≥ decimals). */
export function scaleTo(d: Decimal, scale: number): bigint {
  if (scale < d.decimals) throw new RangeError('scale below precision');
  return d.units * pow10(scale - d.decimals);
}

/** A closed interval of scaled integers at `scale` decimals. */
export interface Interval {
  lo: bigint;
  hi: bigint;
}

/**
 * The interval a printed figure stands for, at `scale` decimals (scale must exceed the figure's decimals
 * so that the half unit is an integer). Exact figures are points.
 */
export function intervalOf(f: Figure, scale: number): Interval {
  const center = scaleTo(f, scale);
  if (f.exact) return { lo: center, hi: center };
  const half = 5n * pow10(scale - f.decimals - 1);
  return { lo: center - half, hi: center + half };
}

export function meets(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

/** Rounds a scaled value from `from` decimals to `to` decimals, half away from zero. */
export function roundUnits(units: bigint, from: number, to: number): bigint {
  if (to >= from) return units * pow10(to - from);
  const div = pow10(from - to);
  const neg = units < 0n;
  const abs = neg ? -units : units;
  const q = (abs + div / 2n) / div;
  return neg ? -q : q;
}

/**
 * Formats scaled units with `decimals` decimals, with thousands separators when `grouping`. Negative decimals (a 万元
 * figure read in 元, Term.shift) print the value's zeros: 123 units at −2 decimals is 12300.
 */
export function formatUnits(units: bigint, decimals: number, grouping = true): string {
  const neg = units < 0n;
  let s = (neg ? -units : units).toString();
  if (decimals < 0 && units !== 0n) s += '0'.repeat(-decimals);
  if (decimals > 0) {
    s = s.padStart(decimals + 1, '0');
    const int = s.slice(0, s.length - decimals);
    const frac = s.slice(s.length - decimals);
    s = `${grouping ? groupThousands(int) : int}.${frac}`;
  } else if (grouping) {
    s = groupThousands(s);
  }
  return (neg ? '-' : '') + s;
}

/**
 * Formats scaled units exactly, with at least `least` decimals and no trailing zero past them: a figure read in another
 * unit keeps every digit it has (1,600,123 元 is 160.0123 万元) and prints like those it stands beside (1,600,000 元 is
 * 160.00 万元 among figures of two decimals). A message tells a converted figure so: never rounded to a precision
 * that is not its own.
 */
export function formatExact(units: bigint, decimals: number, least: number, grouping = true): string {
  let u = units;
  let d = decimals;
  const floor = Math.max(least, 0);
  while (d > floor && u % 10n === 0n) { u /= 10n; d--; }
  if (d < floor) { u *= pow10(floor - d); d = floor; }
  return formatUnits(u, d, grouping);
}

/** `1234567` → `1,234,567` (digits only; linear: the usual `\B(?=(\d{3})+(?!\d))` is quadratic in the digits). */
export function groupThousands(int: string): string {
  const head = int.length % 3 || 3;
  let out = int.slice(0, head);
  for (let i = head; i < int.length; i += 3) out += `,${int.slice(i, i + 3)}`;
  return out;
}

export function formatDecimal(d: Decimal, grouping = true): string {
  return formatUnits(d.units, d.decimals, grouping);
}

/** Two prints of one quantity agree when they are identical at the precision they share. */
export function samePrint(a: Decimal, b: Decimal): boolean {
  const p = Math.min(a.decimals, b.decimals);
  return roundUnits(a.units, a.decimals, p) === roundUnits(b.units, b.decimals, p);
}

export const ZERO: Figure = { units: 0n, decimals: 0, percent: false, exact: true, text: '' };
