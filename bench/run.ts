/**
 * `npm run bench`: speed where users really type, as ratios within one run (this machine is shared and noisy).
 * The denominator of every ratio is the floor (./floor.ts): a minimal hand-written parser and checker of the same
 * text, doing the same sums, measured in the same run. Scenarios (issue #13):
 *   1. a fresh pass over 1k, 10k and 100k rows, against the floor and against JSON.parse of a JSON holding the same data;
 *   2. keystroke → diagnostics through the real server over stdio — figures retyped, inserted and deleted, codes
 *      changed, rows inserted — in a document of many tables, in one table of 10,000 rows, and in a document with over
 *      1,000 findings;
 *   3. completion (and hover) in the table of 10,000 rows, and completion in a table that repeats its codes;
 *   4. the CLI over 1,000 documents: time and peak memory.
 * Writes bench/results/latest.json and bench/results/latest.md. `node out/bench/run.js --quick` skips the 100k pass,
 * the growth measures and the CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { CompletionRequest, DidChangeConfigurationNotification, HoverRequest, type CompletionList } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../server/src/analysis';
import { fileUri, ROOT, TestClient } from '../test/support/lsp';
import { floor } from './floor';
import { generate } from './generate';

const QUICK = process.argv.includes('--quick');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
/** The median of `reps` runs, after `warm` runs not counted. */
function time(fn: () => void, reps: number, warm = 3): number {
  for (let i = 0; i < warm; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}
/** Prints a result row as it comes. */
function say(r: { what: string; value: string; verdict: string }): void {
  process.stderr.write(`${r.what}: ${r.value} ${r.verdict}\n`);
}
/** The floor of a text: the hand-written checker warmed up well (it is small: the engine optimises it late). */
function floorOf(text: string): number {
  return time(() => floor(text), 31, 40);
}

interface Row { what: string; value: string; target: string; verdict: string }
const rows: Row[] = [];
const result: Record<string, unknown> = {};

function ratioRow(what: string, ms: number, floorMs: number, target?: number, extra = ''): number {
  const ratio = ms / floorMs;
  if (rows.length) say(rows[rows.length - 1]);
  rows.push({
    what, value: `${ms.toFixed(2)} ms = ${ratio.toFixed(1)}× floor${extra}`,
    target: target === undefined ? '' : `≤ ${target}× floor`,
    verdict: target === undefined ? '' : ratio <= target ? 'ok' : `missed (${ratio.toFixed(1)}×)`,
  });
  return ratio;
}

/** Time per unit at `large` ÷ time per unit at `small`, each document analysed warm (≈ 1 when the work is linear). */
function growthOf(make: (n: number) => string, small: number, large: number): number {
  const per = (n: number, reps: number) => {
    const text = make(n);
    return time(() => analyze(text), reps) / n;
  };
  const atSmall = per(small, 21);
  return per(large, 7) / atSmall;
}

// --- 1. fresh passes -------------------------------------------------------------------------------------------------

function freshPasses(): void {
  const out: Record<number, unknown> = {};
  for (const n of QUICK ? [1000, 10000] : [1000, 10000, 100000]) {
    const g = generate(n);
    const reps = n >= 100000 ? 5 : n >= 10000 ? 15 : 41;
    const f = floorOf(g.text);
    const j = time(() => JSON.parse(g.json), reps * 2, 5);
    const a = time(() => analyze(g.text), reps, 5);
    out[n] = { analyzeMs: a, floorMs: f, jsonMs: j, chars: g.text.length, jsonChars: g.json.length };
    ratioRow(`fresh pass, ${n / 1000}k rows (floor ${f.toFixed(2)} ms; JSON.parse ${j.toFixed(2)} ms)`, a, f, n === 10000 ? 8 : undefined, `, ${(a / j).toFixed(1)}× JSON.parse`);
  }
  result.fresh = out;
  if (QUICK) return;
  // Growth where a scan per reference or per section would show.
  const longTable = (n: number): string => {
    const lines = [`# 某单位 2023 年度部门决算\n部门：某单位\n年度：2023\n类型：决算\n金额单位：万元\n\n## 表 表1 收入决算表\n列：行次 | 项目 | 金额[1]`];
    for (let i = 1; i <= n; i++) lines.push(`${i} | ${i === 1 ? '合计' : `收入${i}`} | ${i === 1 ? (n - 1).toFixed(2) : '1.00'}`);
    lines.push(`规则：1行=（2+3+…+${n}）行`);
    return `${lines.join('\n')}\n`;
  };
  const manyTables = (n: number): string => {
    const parts = ['# 某单位 2023 年度部门决算\n部门：某单位\n年度：2023\n类型：决算\n金额单位：万元\n'];
    for (let i = 0; i < n; i++) parts.push(`## 表 表${i} 收入决算表${i}\n列：项目 | 金额[1]\n合计 | 1.00\n规则：「合计」行1栏=表${(i + 1) % n}「合计」行1栏\n`);
    return parts.join('');
  };
  for (const [what, make, small, large, unit] of [
    ['a range rule over a whole table, growth 2k → 32k rows (time per row)', longTable, 2000, 32000, 'row'],
    ['tables naming each other, growth 500 → 8,000 tables (time per table)', manyTables, 500, 8000, 'table'],
  ] as const) {
    const g = growthOf(make, small, large);
    rows.push({ what, value: g.toFixed(2), target: '≈ 1 (linear)', verdict: g < 1.5 ? 'ok' : `missed: ${g.toFixed(2)}× per ${unit}` });
  }
}

// --- 2. keystrokes ---------------------------------------------------------------------------------------------------

type Kind = 'retype' | 'insert' | 'delete' | 'code' | 'row';
interface Edit { start: number; end: number; text: string }

/** Rows of a text whose first cell is a 7-digit code: where keystrokes land. */
function codedRows(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let re = /^\d{7} \|[^\n]*\n/gm, m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * A person's keystrokes of one kind, as pairs that leave the text as it was (so every stroke meets the same document):
 * a figure's digit retyped then typed back; a digit typed into a figure's decimals, then deleted; a code's last digit
 * changed, then typed back; a row typed in (pasted: one change), then deleted.
 */
function strokes(text: string, kind: Kind, count: number): Edit[] {
  const rows = codedRows(text);
  const out: Edit[] = [];
  for (let i = 0; out.length < count; i++) {
    const row = rows[Math.floor(((i * 7919) % rows.length + rows.length) % rows.length)];
    const line = text.slice(row.start, row.end);
    const fig = row.start + line.lastIndexOf('| ') + 2;
    const point = row.start + line.lastIndexOf('.') + 1;
    switch (kind) {
      case 'retype': {
        const d = text[fig];
        out.push({ start: fig, end: fig + 1, text: String((Number(d) + 1) % 10) }, { start: fig, end: fig + 1, text: d });
        break;
      }
      case 'insert':
      case 'delete':
        // Both kinds are the same pair (type a digit, delete it): measured apart.
        out.push({ start: point, end: point, text: '7' }, { start: point, end: point + 1, text: '' });
        break;
      case 'code': {
        const at = row.start + 6;
        const d = text[at];
        out.push({ start: at, end: at + 1, text: String((Number(d) + 1) % 10) }, { start: at, end: at + 1, text: d });
        break;
      }
      case 'row':
        out.push({ start: row.end, end: row.end, text: line }, { start: row.end, end: row.end + line.length, text: '' });
        break;
    }
  }
  return out;
}

interface Scenario { name: string; key: string; text: string; target: number }

async function keystrokes(client: TestClient, dir: string, s: Scenario): Promise<void> {
  // The floor is measured between the strokes too, under the same load (the machine is shared): its median is the
  // denominator.
  const floors = [floorOf(s.text)];
  const uri = fileUri(join(dir, `${s.key}.budget`));
  const opened = await client.open(uri, s.text);
  let version = 1;
  let text = s.text;
  const byKind: Record<string, number[]> = {};
  const all: number[] = [];
  for (const kind of ['retype', 'insert', 'delete', 'code', 'row'] as Kind[]) {
    const samples: number[] = [];
    const edits = strokes(text, kind, 40);
    for (let i = 0; i < edits.length; i++) {
      const e = edits[i];
      const doc = TextDocument.create(uri, 'budget', version, text);
      const change = { range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.text };
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
      const t0 = performance.now();
      await client.change(uri, ++version, [change]);
      const ms = performance.now() - t0;
      // Only the strokes of the kind measured (insert: the digit typed; delete: the digit deleted); the first pairs warm up.
      const counted = kind === 'delete' ? i % 2 === 1 : kind === 'insert' ? i % 2 === 0 : true;
      if (counted && i >= 4) samples.push(ms);
      if (i % 20 === 19) floors.push(time(() => floor(s.text), 9, 2));
    }
    byKind[kind] = samples;
    for (const x of samples) all.push(x);
  }
  await client.close(uri);
  const f = median(floors);
  const p95 = percentile(all, 95);
  result[`keystroke-${s.key}`] = {
    floorMs: f, findings: opened.diagnostics.length, p50: percentile(all, 50), p95,
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { p50: percentile(v, 50), p95: percentile(v, 95), n: v.length }])),
  };
  const kinds = Object.entries(byKind).map(([k, v]) => `${k} ${percentile(v, 95).toFixed(1)}`).join(', ');
  ratioRow(`keystroke → diagnostics p95, ${s.name} (${opened.diagnostics.length} findings; p95 by kind: ${kinds} ms; p50 ${percentile(all, 50).toFixed(1)} ms; floor ${f.toFixed(2)} ms)`, p95, f, s.target);
}

// --- 3. completion and hover -----------------------------------------------------------------------------------------

async function completion(client: TestClient, dir: string, name: string, key: string, text: string, hover: boolean): Promise<void> {
  const f0 = floorOf(text);
  const uri = fileUri(join(dir, `${key}.budget`));
  // A new row, its code being typed (the first five digits of the 项 below), under a 项 row in the middle of the table.
  const mid = /\n(\d{5})\d\d \|/g;
  mid.lastIndex = Math.floor(text.length / 2);
  const m = mid.exec(text)!;
  const at = m.index + 1;
  const withRow = `${text.slice(0, at)}${m[1]}\n${text.slice(at)}`;
  await client.open(uri, withRow);
  const doc = TextDocument.create(uri, 'budget', 1, withRow);
  const position = doc.positionAt(at + 5);
  const hoverAt = doc.positionAt(withRow.indexOf('\n', withRow.length / 3) + 2);
  const c: number[] = [];
  const h: number[] = [];
  const floors = [f0];
  let items = 0;
  for (let i = 0; i < 160; i++) {
    if (i % 40 === 39) floors.push(time(() => floor(text), 9, 2));
    let t0 = performance.now();
    const r = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList | null;
    if (i >= 10) c.push(performance.now() - t0);
    items = r?.items.length ?? 0;
    if (!hover) continue;
    t0 = performance.now();
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverAt });
    if (i >= 10) h.push(performance.now() - t0);
  }
  await client.close(uri);
  const f = median(floors);
  result[`completion-${key}`] = { floorMs: f, items, p50: percentile(c, 50), p95: percentile(c, 95), ...(hover ? { hover: { p50: percentile(h, 50), p95: percentile(h, 95) } } : {}) };
  ratioRow(`completion round trip p95, ${name} (${items} items; p50 ${percentile(c, 50).toFixed(2)} ms; floor ${f.toFixed(2)} ms)`, percentile(c, 95), f, 1);
  if (hover) ratioRow(`hover round trip p95, ${name} (p50 ${percentile(h, 50).toFixed(2)} ms)`, percentile(h, 95), f);
}

/** A table that prints the catalog's codes again and again (some published tables repeat codes): 10,000 rows. */
function repeatingTable(): string {
  const one = generate(150).text;
  const start = one.indexOf('\n', one.indexOf('\n列：') + 1) + 1;
  const body = one.slice(start, one.indexOf('\n注：', start) + 1);
  const lines = body.split('\n').filter((l) => /^\d/.test(l));
  const out = [one.slice(0, start)];
  for (let i = 0; out.length < 10000; i++) out.push(`${lines[i % lines.length]}\n`);
  return `${out.join('')}规则：1栏各行=(2+3)栏各行\n`;
}

// --- 4. the CLI ------------------------------------------------------------------------------------------------------

function cli(): void {
  const dir = mkdtempSync(join(tmpdir(), 'budget-bench-'));
  for (let i = 0; i < 1000; i++) {
    const sub = join(dir, `dept${Math.floor(i / 100)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `doc${i}.budget`), generate(120, i + 11).text);
  }
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'budget-check.js'), '--exit-zero', dir], { encoding: 'utf8', env: { ...process.env, BUDGET_CHECK_STATS: '1' }, maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const stats = JSON.parse(/stats: (\{.*\})/.exec(r.stderr)?.[1] ?? '{"maxRssKiB":0}') as { maxRssKiB: number };
  rmSync(dir, { recursive: true, force: true });
  const mb = (stats.maxRssKiB * 1024) / 1e6;
  result.cli = { documents: 1000, ms, peakMB: mb };
  rows.push({ what: 'CLI, 1,000 documents of 120 rows (time, process start included)', value: `${(ms / 1000).toFixed(2)} s`, target: '≤ 2 s', verdict: ms <= 2000 ? 'ok' : `missed by ${((ms / 2000 - 1) * 100).toFixed(0)}%` });
  rows.push({ what: 'CLI, 1,000 documents (peak resident memory)', value: `${mb.toFixed(0)} MB`, target: '≤ 150 MB', verdict: mb <= 150 ? 'ok' : `missed by ${((mb / 150 - 1) * 100).toFixed(0)}%` });
}

async function main(): Promise<void> {
  const loadAtStart = loadavg().map((x) => x.toFixed(2)).join(' ');
  result.machine = { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, load: loadAtStart };
  result.date = new Date().toISOString();

  freshPasses();

  const many = generate(10000, 7).text;
  const one = generate(10000, 9, 10000).text;
  const faulty = generate(10000, 3, 120, { mistakes: 0.12 }).text;
  const dir = mkdtempSync(join(tmpdir(), 'budget-bench-'));
  const client = new TestClient();
  try {
    // The made-up codes of the long table, as a catalog (else each would be an unknown code: findings of another kind).
    const codes = new Map<string, string>();
    for (const m of one.matchAll(/^(\d{3,7}) \| ([^|]+?) \|/gm)) codes.set(m[1], m[2]);
    writeFileSync(join(dir, 'codes-2023.csv'), `code,name\n${[...codes].map(([c, n]) => `${c},${n}`).join('\n')}\n`);
    await client.initialize('zh-cn', fileUri(dir));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { budgetTables: { catalogFiles: ['codes-2023.csv'] } } });
    await new Promise((r) => setTimeout(r, 1000));
    await keystrokes(client, dir, { name: 'a document of 83 tables (10k rows)', key: 'many-tables', text: many, target: 4 });
    await keystrokes(client, dir, { name: 'one table of 10k rows', key: 'one-table', text: one, target: 4 });
    await keystrokes(client, dir, { name: 'a document with over 1,000 findings (10k rows)', key: 'findings', text: faulty, target: 8 });
    await completion(client, dir, 'one table of 10k rows', 'one-table', one, true);
    await completion(client, dir, 'a table of 10k rows that repeats its codes', 'repeating', repeatingTable(), false);
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  if (!QUICK) cli();

  result.table = rows;
  const md = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load average at start ${loadAtStart}`,
    '',
    '| measure | result | target | verdict |',
    '|---|---|---|---|',
    ...rows.map((x) => `| ${x.what} | ${x.value} | ${x.target} | ${x.verdict} |`),
  ].join('\n');
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.md'), md + '\n');
  process.stdout.write(md + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
