/**
 * The standard table sets on documents never seen, in wording: complete generated documents (bench/standardDocs.ts)
 * whose tables are titled, numbered and worded as other provinces print them — the table number in another style or
 * none, the year dropped from the title, each table's items numbered in another style (`一、`, `一.`, `（一）`, none), a
 * row named by another of the names its standard table lists (`行名：`), brackets half-width, quotes straight, a blank
 * inside a label — (fast-check). Every such document must be recognised as the original is, get the same identities
 * (none lost to a wording) and no finding above a hint (no false alarm); one figure of a checked table mistyped must be
 * found.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { generateBudget, generateFinal, generateJiangsu } from '../bench/standardDocs';
import { analyze, type Analysis } from '../server/src/analysis';
import type { Cell } from '../server/src/model/document';
import { nameKey } from '../server/src/standard/names';

const makers: (() => string)[] = [
  () => generateFinal(), () => generateFinal({ ownIncome: true }), () => generateFinal({ verticalSanGong: true }),
  () => generateBudget(), () => generateBudget({ verticalSanGong: true }), () => generateBudget({ sanGongWithMeetings: 'columns' }),
  () => generateJiangsu(),
];

/** The identities an analysis applied (bound: neither a name missing nor unresolved), by their text. */
function applied(a: Analysis): Set<string> {
  const out = new Set<string>();
  for (const t of a.document.tables) for (const x of a.standard.applied(t)) if (x.outcome !== 'missing' && x.outcome !== 'unresolved') out.add(x.identity.text);
  return out;
}

interface Original { text: string; applied: Set<string>; rowNames: Map<string, Map<string, string[]>> }

const originals: Original[] = makers.map((make) => {
  const text = make();
  const a = analyze(text);
  // Each table's other row names (`行名：`), by the heading line it is printed under.
  const rowNames = new Map<string, Map<string, string[]>>();
  for (const t of a.document.tables) {
    const st = a.standard.tableOf(t);
    if (st) rowNames.set(`## ${t.heading}`, st.rowNames);
  }
  return { text, applied: applied(a), rowNames };
});

const NUMBERED = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．])?(.*)$/;
const STYLES: ((n: string) => string)[] = [
  (n) => n, (n) => n.replace(/^([一二三四五六七八九十]+)、$/, '$1.'), (n) => n.replace(/^([一二三四五六七八九十]+)、$/, '（$1）'),
  (n) => n.replace(/^([一二三四五六七八九十]+)、$/, ''),
];
const PREFIXES = ['', '表三、', '附表2 ', '公开07表 ', '表 6 '];

/** The document reworded by `pick` (a source of choices: an index below n). */
function reworded(original: Original, pick: (n: number) => number): string {
  const out: string[] = [];
  let style = STYLES[0];
  let names: Map<string, string[]> | undefined;
  const label = (l: string, column: boolean): string => {
    const m = NUMBERED.exec(l)!;
    let body = m[2];
    const alias = column ? undefined : names?.get(nameKey(body));
    if (alias && pick(2)) body = alias[pick(alias.length)].replace(/^[一二三四五六七八九十]+、/, '');
    if (!pick(5)) body = body.replace(/（/g, '(').replace(/）/g, ')');
    if (!pick(5)) body = body.replace(/[“”]/g, '"');
    if (!pick(10) && body.length > 3) body = `${body.slice(0, 2)} ${body.slice(2)}`;
    return (m[1] ? style(m[1]) : '') + body;
  };
  for (const line of original.text.split('\n')) {
    if (line.startsWith('## ')) {
      style = STYLES[pick(STYLES.length)];
      names = original.rowNames.get(line);
      if (line.startsWith('## 表 ') && pick(2)) {
        const prefix = PREFIXES[pick(PREFIXES.length)];
        out.push(line.replace(/^## 表 (?:公开\d+表|附表[\d-]+|表[一二三四五六七八九十\d]+)\s*/, `## 表 ${prefix}`).replace(/\d{4} 年度/, (y) => (pick(2) ? '' : y)));
        continue;
      }
    }
    if (line.startsWith('列：')) {
      out.push(`列：${line.slice(2).split(' | ').map((c) => { const at = c.search(/[{[]/); return at < 0 ? label(c, true) : label(c.slice(0, at), true) + c.slice(at); }).join(' | ')}`);
    } else if (line.includes(' | ') && !/^[#/]/.test(line)) {
      const cells = line.split(' | ');
      if (cells[0].trim() && !/^\d/.test(cells[0])) cells[0] = label(cells[0], false);
      out.push(cells.join(' | '));
    } else out.push(line);
  }
  return out.join('\n');
}

/** A cell's figure one unit of its last decimal larger, printed as the document prints it. */
function mistyped(text: string, cell: Cell): string {
  const f = cell.figure!;
  const s = (f.units + 10n ** BigInt(f.decimals)).toString().padStart(f.decimals + 1, '0');
  const v = f.decimals ? `${s.slice(0, -f.decimals)}.${s.slice(-f.decimals)}` : s;
  return text.slice(0, cell.span.start) + v + text.slice(cell.span.end);
}

/** A deterministic source of choices from a seed (fast-check shrinks the seed). */
function chooser(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
}

describe('standard sets: documents worded as other provinces word them (never seen)', () => {
  it('are recognised, get every identity the original gets and nothing to say; one mistyped figure is found', () => {
    fc.assert(fc.property(fc.nat(makers.length - 1), fc.integer(), (k, seed) => {
      const original = originals[k];
      const text = reworded(original, chooser(seed));
      const a = analyze(text);
      assert.deepEqual(a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.message), []);
      const now = applied(a);
      assert.deepEqual([...original.applied].filter((x) => !now.has(x)), [], 'identities lost to the wording');
      const cells = a.relations.filter((r) => r.rule !== 'narrative').flatMap((r) => [r.target, ...r.terms.map((t) => t.cell)]).filter((c) => c.figure && c.figure.units !== 0n);
      const cell = cells[chooser(seed ^ 0x5bd1e995)(cells.length)];
      assert.ok(analyze(mistyped(text, cell)).findings.some((f) => f.severity === 'error'), `${cell.text} mistyped`);
    }), { numRuns: 30 });
  });
});
