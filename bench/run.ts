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
 * The whole set is run several times (`--runs=N`, default 5: the server and the floors anew each time); the table gives
 * each measure's median run and the spread of its ratio (or value) across the runs, the verdict by the median.
 * Writes bench/results/latest.json (every run) and bench/results/latest.md. `node out/bench/run.js --quick` runs once
 * and skips the 100k pass and the CLI. Growth in the number of rows or tables: `npm run bench:growth`.
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
import { median, percentile, time } from './timing';

const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 1 : Math.max(1, Number(/^--runs=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--runs=')) ?? '')?.[1] ?? 5));

/** The floor of a text: the hand-written checker warmed up well (it is small: the engine optimises it late). */
function floorOf(text: string): number {
  return time(() => floor(text), 31, 40);
}

/** One measure of one run: a time against the floor (`ratio`), or a value against a limit. */
interface Measure {
  /** Names the measure across runs. */
  key: string;
  what: string;
  /** The run's figures behind it (floor, p50, by kind …). */
  detail: string;
  value: number;
  unit: 'ms' | 's' | 'MB';
  /** value ÷ the floor measured in the same run (for times against the floor). */
  ratio?: number;
  /** At most this (a ratio when `ratio` is given, else a value in `unit`). */
  target?: number;
}
let measures: Measure[] = [];
const result: Record<string, unknown> = {};

function measure(m: Measure): void {
  measures.push(m);
  process.stderr.write(`${m.what}: ${m.value.toFixed(2)} ${m.unit}${m.ratio === undefined ? '' : ` = ${m.ratio.toFixed(1)}× floor`}${m.detail ? ` (${m.detail})` : ''}\n`);
}

function ratioOf(key: string, what: string, ms: number, floorMs: number, detail: string, target?: number): void {
  measure({ key, what, detail, value: ms, unit: 'ms', ratio: ms / floorMs, target });
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
    ratioOf(`fresh-${n}`, `fresh pass, ${n / 1000}k rows`, a, f, `floor ${f.toFixed(2)} ms; JSON.parse ${j.toFixed(2)} ms: ${(a / j).toFixed(1)}× JSON.parse`, n === 10000 ? 8 : undefined);
  }
  result.fresh = out;
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
    const edits = strokes(text, kind, 60);
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
  ratioOf(`keystroke-${s.key}`, `keystroke → diagnostics p95, ${s.name}`, p95, f, `${opened.diagnostics.length} findings; p95 by kind: ${kinds} ms; p50 ${percentile(all, 50).toFixed(1)} ms; floor ${f.toFixed(2)} ms`, s.target);
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
  ratioOf(`completion-${key}`, `completion round trip p95, ${name}`, percentile(c, 95), f, `${items} items; p50 ${percentile(c, 50).toFixed(2)} ms; floor ${f.toFixed(2)} ms`, 1);
  if (hover) ratioOf(`hover-${key}`, `hover round trip p95, ${name}`, percentile(h, 95), f, `p50 ${percentile(h, 50).toFixed(2)} ms`);
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
  measure({ key: 'cli-time', what: 'CLI, 1,000 documents of 120 rows (time, process start included)', detail: '', value: ms / 1000, unit: 's', target: 2 });
  measure({ key: 'cli-memory', what: 'CLI, 1,000 documents (peak resident memory)', detail: '', value: mb, unit: 'MB', target: 150 });
}

/** One run of every scenario. */
async function run(): Promise<Measure[]> {
  measures = [];
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
  return measures;
}

const show = (m: Measure): string => `${m.value.toFixed(m.unit === 'ms' ? 2 : m.unit === 's' ? 2 : 0)} ${m.unit}${m.ratio === undefined ? '' : ` = ${m.ratio.toFixed(1)}× floor`}`;
/** What a measure is judged by: its ratio against the floor, or its value. */
const judged = (m: Measure): number => m.ratio ?? m.value;

async function main(): Promise<void> {
  const loads: string[] = [];
  const runs: Measure[][] = [];
  const details: unknown[] = [];
  for (let i = 0; i < RUNS; i++) {
    loads.push(loadavg()[0].toFixed(1));
    if (RUNS > 1) process.stderr.write(`--- run ${i + 1} of ${RUNS} (load average ${loads[i]})\n`);
    runs.push(await run());
    details.push({ ...result, measures: runs[i] });
  }

  // Each measure: its median run, the spread across runs, the verdict by the median.
  const lines: string[] = [];
  const table: unknown[] = [];
  for (const first of runs[0]) {
    const all = runs.map((r) => r.find((m) => m.key === first.key)).filter((m): m is Measure => !!m).sort((a, b) => judged(a) - judged(b));
    const mid = all[Math.floor((all.length - 1) / 2)];
    const lo = judged(all[0]);
    const hi = judged(all[all.length - 1]);
    const digits = mid.ratio === undefined && mid.unit === 'MB' ? 0 : mid.ratio === undefined ? 2 : 1;
    const spread = all.length > 1 ? `${lo.toFixed(digits)}–${hi.toFixed(digits)}${mid.ratio === undefined ? ` ${mid.unit}` : '×'}` : '';
    const target = mid.target === undefined ? '' : mid.ratio === undefined ? `≤ ${mid.target} ${mid.unit}` : `≤ ${mid.target}× floor`;
    const v = judged(mid);
    const verdict = mid.target === undefined ? '' : v <= mid.target ? 'ok' : `missed (${mid.ratio === undefined ? `${v.toFixed(digits)} ${mid.unit}` : `${v.toFixed(1)}×`})`;
    lines.push(`| ${mid.what}${mid.detail ? ` (median run: ${mid.detail})` : ''} | ${show(mid)} | ${spread} | ${target} | ${verdict} |`);
    table.push({ key: mid.key, what: mid.what, median: mid, spread: [lo, hi], target: mid.target, verdict });
  }
  const md = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${RUNS} run${RUNS > 1 ? 's' : ''}, load average (1 min) at the start of each: ${loads.join(', ')}`,
    '',
    `| measure | result (median run) | spread across ${RUNS} run${RUNS > 1 ? 's' : ''} | target | verdict |`,
    '|---|---|---|---|---|',
    ...lines,
  ].join('\n');
  const machine = { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loads };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), JSON.stringify({ date: new Date().toISOString(), machine, table, runs: details }, null, 2) + '\n');
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.md'), md + '\n');
  process.stdout.write(md + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
