/**
 * `npm run bench`: speed, measured as ratios within one run (this machine is noisy), never as a timed test.
 * Writes bench/results/latest.json and bench/results/latest.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { ROOT, TestClient } from '../test/support/lsp';
import { generate } from './generate';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
function time(fn: () => void, reps: number): number {
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

interface Row { what: string; value: string; target: string; verdict: string }

/** Time per unit at `large` ÷ time per unit at `small`, each document analysed warm (≈ 1 when the work is linear). */
function growthOf(make: (n: number) => string, small: number, large: number): number {
  const per = (n: number, reps: number) => {
    const text = make(n);
    for (let i = 0; i < 3; i++) analyze(text);
    return time(() => analyze(text), reps) / n;
  };
  const atSmall = per(small, 21);
  return per(large, 7) / atSmall;
}

function growthRow(what: string, growth: number, unit: string): Row {
  return { what, value: growth.toFixed(2), target: '≈ 1 (linear)', verdict: growth < 1.5 ? 'ok' : `missed: ${growth.toFixed(2)}× per ${unit}` };
}

async function main(): Promise<void> {
  const loadAtStart = loadavg().map((x) => x.toFixed(2)).join(' ');
  const rows: Row[] = [];
  const result: Record<string, unknown> = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    date: new Date().toISOString(),
  };

  const growthRows: Row[] = [];
  // 0. Growth where a scan per reference or per section would show. Measured first, while the heap is small: after
  //    the 100k-row document, collecting its leftovers weighs on the larger size, and the ratio says more about the
  //    heap than about the analysis.
  // 0a. One long table whose rule names a range of 行次 over all its rows (`1行=（2+3+…+n）行`): rows are found
  //     through an index, not by a scan per reference (a scan made 4,000 rows take 2 s). Growth 2k → 32k rows.
  const longTable = (n: number): string => {
    const lines = [`# 某单位 2023 年度部门决算\n部门：某单位\n年度：2023\n类型：决算\n金额单位：万元\n\n## 表 表1 收入决算表\n列：行次 | 项目 | 金额[1]`];
    for (let i = 1; i <= n; i++) lines.push(`${i} | ${i === 1 ? '合计' : `收入${i}`} | ${i === 1 ? (n - 1).toFixed(2) : '1.00'}`);
    lines.push(`规则：1行=（2+3+…+${n}）行`);
    return `${lines.join('\n')}\n`;
  };
  const rangeGrowth = growthOf(longTable, 2000, 32000);
  result.rangeRuleGrowth = rangeGrowth;
  growthRows.push(growthRow('a range rule over a whole table, growth 2k → 32k rows (time per row)', rangeGrowth, 'row'));

  // 0b. Many small tables, each with a rule naming the next one: tables are found through an index, and each section
  //     looks at its own text only (both used to scan the whole document, per reference or per section). Growth
  //     500 → 8,000 tables.
  const manyTables = (n: number): string => {
    const parts = ['# 某单位 2023 年度部门决算\n部门：某单位\n年度：2023\n类型：决算\n金额单位：万元\n'];
    for (let i = 0; i < n; i++) parts.push(`## 表 表${i} 收入决算表${i}\n列：项目 | 金额[1]\n合计 | 1.00\n规则：「合计」行1栏=表${(i + 1) % n}「合计」行1栏\n`);
    return parts.join('');
  };
  const tableGrowth = growthOf(manyTables, 500, 8000);
  result.manyTablesGrowth = tableGrowth;
  growthRows.push(growthRow('tables naming each other, growth 500 → 8,000 tables (time per table)', tableGrowth, 'table'));

  // 1. Parse + check against JSON.parse of the same figures, at 1k, 10k, 100k rows.
  const sizes = [1000, 10000, 100000];
  const perRow: Record<number, number> = {};
  const full: Record<number, { analyzeMs: number; jsonMs: number; ratio: number }> = {};
  for (const n of sizes) {
    const g = generate(n);
    const reps = n >= 100000 ? 3 : n >= 10000 ? 7 : 21;
    analyze(g.text);
    const a = time(() => analyze(g.text), reps);
    const j = time(() => JSON.parse(g.json), reps * 3);
    full[n] = { analyzeMs: a, jsonMs: j, ratio: a / j };
    perRow[n] = a / g.rows;
  }
  const growth = perRow[100000] / perRow[1000];
  result.fullPass = full;
  result.linearGrowth = growth;
  for (const n of sizes) rows.push({ what: `parse + check, ${n / 1000}k rows`, value: `${full[n].analyzeMs.toFixed(1)} ms (${full[n].ratio.toFixed(0)}× JSON.parse)`, target: n === 10000 ? '≤ 20 ms' : '', verdict: n === 10000 ? verdict(full[n].analyzeMs, 20) : '' });
  rows.push(growthRow('growth 1k → 100k (time per row, 100k ÷ 1k)', growth, 'row'));
  rows.push(...growthRows);

  // 2. The incremental analysis in process: one keystroke in a figure of a 10k-row document, the sections it did not
  //    touch reused. Measured against the full pass of the same text (the ratio is what incremental analysis buys).
  const g = generate(10000, 7);
  // Where the figures start (found once: every edit below retypes one digit, so no offset moves).
  const figureStarts: number[] = [];
  for (let re = /\| (\d[\d,]*\.\d\d)/g, m = re.exec(g.text); m; m = re.exec(g.text)) figureStarts.push(m.index + 2);
  /** The start of a figure picked by `k`, spread over the whole document. */
  const figureAt = (k: number): number => figureStarts[Math.floor((k * 7919) % figureStarts.length)];
  {
    const analyzer = new DocumentAnalyzer();
    let text = g.text;
    analyzer.analyze(text);
    const inc: number[] = [];
    for (let i = 0; i < 200; i++) {
      const at = figureAt(i);
      text = `${text.slice(0, at)}${i % 10}${text.slice(at + 1)}`;
      const t0 = performance.now();
      analyzer.analyze(text);
      inc.push(performance.now() - t0);
    }
    const fullMs = time(() => analyze(text), 5);
    result.incremental = { p50: percentile(inc, 50), p95: percentile(inc, 95), fullMs, ratio: fullMs / percentile(inc, 50) };
    rows.push({ what: 'incremental re-analysis after a keystroke, 10k rows (p50 / p95)', value: `${percentile(inc, 50).toFixed(2)} / ${percentile(inc, 95).toFixed(2)} ms (full pass ÷ p50 = ${(fullMs / percentile(inc, 50)).toFixed(0)}×)`, target: '', verdict: '' });
  }

  // 3. The real server over stdio, in the 10k-row document: keystroke → diagnostics, completion, hover.
  const client = new TestClient();
  await client.initialize();
  const uri = 'file:///bench/big.budget';
  await client.open(uri, g.text);
  let text = g.text;
  const keystrokes: number[] = [];
  let version = 1;
  // A person typing: one cell at a time, ten keystrokes in it (its first digit retyped), then the printed digit
  // again; twelve cells spread over the document. The first cell's strokes follow the first (full) pass: not counted.
  for (let cell = 0; cell < 13; cell++) {
    const at = figureAt(cell * 37);
    const original = text[at];
    for (let k = 0; k <= 10; k++) {
      const typed = k < 10 ? String((Number(original) + 1 + k) % 10) : original;
      const doc = TextDocument.create(uri, 'budget', version, text);
      const pos = doc.positionAt(at);
      text = `${text.slice(0, at)}${typed}${text.slice(at + 1)}`;
      const t0 = performance.now();
      await client.change(uri, ++version, [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: typed }]);
      if (cell > 0) keystrokes.push(performance.now() - t0);
    }
  }
  result.keystroke = { p50: percentile(keystrokes, 50), p95: percentile(keystrokes, 95), n: keystrokes.length };
  rows.push({ what: 'keystroke → diagnostics over stdio, 10k rows (p50 / p95)', value: `${percentile(keystrokes, 50).toFixed(1)} / ${percentile(keystrokes, 95).toFixed(1)} ms`, target: 'p95 ≤ 10 ms', verdict: verdict(percentile(keystrokes, 95), 10) });

  // Completion after a typed 款 prefix on a new row, and hover on a code, in the same document.
  const typedAt = text.indexOf('\n', text.indexOf('2010350 |', text.length / 2)) + 1;
  const withRow = `${text.slice(0, typedAt)}20103\n${text.slice(typedAt)}`;
  await client.change(uri, ++version, [{ text: withRow }]);
  const wdoc = TextDocument.create(uri, 'budget', version, withRow);
  const completionAt = wdoc.positionAt(typedAt + 5);
  const hoverAt = wdoc.positionAt(withRow.indexOf('201 |', withRow.length / 3) + 1);
  const completion: number[] = [];
  const hover: number[] = [];
  for (let i = 0; i < 150; i++) {
    let t0 = performance.now();
    await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: completionAt });
    if (i >= 10) completion.push(performance.now() - t0);
    t0 = performance.now();
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverAt });
    if (i >= 10) hover.push(performance.now() - t0);
  }
  await client.stop();
  result.completion = { p50: percentile(completion, 50), p95: percentile(completion, 95) };
  result.hover = { p50: percentile(hover, 50), p95: percentile(hover, 95) };
  rows.push({ what: 'completion round trip, 10k rows (p50 / p95)', value: `${percentile(completion, 50).toFixed(2)} / ${percentile(completion, 95).toFixed(2)} ms`, target: 'p95 ≤ 2 ms', verdict: verdict(percentile(completion, 95), 2) });
  rows.push({ what: 'hover round trip, 10k rows (p50 / p95)', value: `${percentile(hover, 50).toFixed(2)} / ${percentile(hover, 95).toFixed(2)} ms`, target: '', verdict: '' });

  // 4. The CLI over a workspace of 1,000 documents.
  const dir = mkdtempSync(join(tmpdir(), 'budget-bench-'));
  for (let i = 0; i < 1000; i++) {
    const sub = join(dir, `dept${Math.floor(i / 100)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `doc${i}.budget`), generate(120, i + 11).text);
  }
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'budget-check.js'), '--exit-zero', dir], { encoding: 'utf8', env: { ...process.env, BUDGET_CHECK_STATS: '1' }, maxBuffer: 1 << 30 });
  const cliMs = performance.now() - t0;
  const stats = JSON.parse(/stats: (\{.*\})/.exec(r.stderr)?.[1] ?? '{"maxRssKiB":0}') as { maxRssKiB: number };
  rmSync(dir, { recursive: true, force: true });
  const mb = stats.maxRssKiB / 1024;
  result.cli = { documents: 1000, ms: cliMs, peakMiB: mb };
  rows.push({ what: 'CLI, 1,000 documents (time)', value: `${(cliMs / 1000).toFixed(2)} s`, target: '≤ 3 s', verdict: verdict(cliMs, 3000) });
  rows.push({ what: 'CLI, 1,000 documents (peak memory)', value: `${mb.toFixed(0)} MiB`, target: '≤ 150 MB', verdict: verdict(mb, 143) });

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

function verdict(value: number, target: number): string {
  return value <= target ? 'ok' : `missed by ${((value / target - 1) * 100).toFixed(0)}%`;
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
