/**
 * A carry-over row a layout leaves out (`未列为零：` in data/standard/*.budget, bind.ts `onlyNamedRows`). The 收支总表's
 * 收入总计 = 本年收入合计 + 上年结转结余 (and the 决算 总表's 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余) named a
 * row the table does not print, so the identity was not applicable and 收入总计 went unchecked. The row is now zero
 * there — only where every row of that side is one the set names for the table (or a 其中 / a numbered item of one), so
 * that a carry-over printed under a name the set does not know keeps the identity not applicable rather than make the
 * total wrong.
 *
 * No real document of seeds/, test/fixtures/corpus or test/fixtures/documents prints such a layout (all print their
 * carry-over rows, blank or 0.00; surveyed session 26): the documents below are real ones (新洲 2023 部门预算, 硚口 2023
 * 部门决算) with their carry-over rows taken out, the layout the class is about.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, DocumentAnalyzer } from '../server/src/analysis';
import { identityState } from '../server/src/standard/apply';
import { LineIndex } from '../server/src/syntax/positions';
import { dump } from './support/dump';
import { ROOT } from './support/lsp';

const XINZHOU = readFileSync(join(ROOT, 'seeds', 'xinzhou-2023-budget.budget'), 'utf8');
const QIAOKOU = readFileSync(join(ROOT, 'seeds', 'qiaokou-2023-final.budget'), 'utf8');

/** `text` with each line equal to one of `lines` taken out (each must be there once). */
function without(text: string, ...lines: string[]): string {
  let out = text;
  for (const l of lines) {
    const at = out.indexOf(`\n${l}\n`);
    assert.ok(at >= 0 && out.indexOf(`\n${l}\n`, at + 1) < 0, l);
    out = out.slice(0, at) + out.slice(at + l.length + 1);
  }
  return out;
}

/** `text` with its first line `from` replaced by `to`. */
function replaced(text: string, from: string, to: string): string {
  const at = text.indexOf(`\n${from}\n`);
  assert.ok(at >= 0, from);
  return text.slice(0, at + 1) + to + text.slice(at + 1 + from.length);
}

/** The states of the identities of `text` whose rule holds `words`, as `state table: identity`. */
function states(text: string, words: string): string[] {
  const a = analyze(text);
  const out: string[] = [];
  for (const t of a.document.tables) for (const ap of a.standard.applied(t)) {
    if (ap.identity.text.includes(words)) out.push(`${identityState(ap)} ${a.standard.tableOf(t)?.title}: ${ap.identity.text}`);
  }
  return out;
}

/** The errors of `text` citing the identity `identity`, as `line rule message-up-to-its-explanation`. */
function errorsOf(text: string, identity: string): string[] {
  const a = analyze(text);
  const idx = new LineIndex(text);
  return a.findings
    .filter((f) => f.severity === 'error' && f.message.includes(identity))
    .map((f) => `${idx.position(f.span.start).line + 1} ${f.rule} ${f.message.slice(0, f.message.indexOf('（'))}`);
}

function lineOf(text: string, line: string): number {
  const i = text.split('\n').indexOf(line);
  assert.ok(i >= 0, line);
  return i + 1;
}

// Three terms since session 28 (the 财政部 2020 layout's 用事业基金弥补收支差额 and 事业单位结余分配, zero where not printed:
// test/standard.mof2020.test.ts).
const INCOME = '「收入总计」行=（「本年收入合计」+「用事业基金弥补收支差额」+「上年结转结余」）行';
const OUTGO = '「支出总计」行=（「本年支出合计」+「事业单位结余分配」+「年终结转结余」）行';

describe('standard sets: a 收支总表 that prints no carry-over row (部门预算, 新洲 2023 without its 上年结转结余 and 年终结转结余)', () => {
  const bare = without(XINZHOU, '上年结转结余 | 0.00', '年终结转结余 | 0.00');

  it('as printed (the rows there, 0.00), the identities hold, as before', () => {
    assert.deepEqual(states(XINZHOU, '（「本年收入合计」+'), [`holds 收支总表: ${INCOME}`]);
  });

  it('without them, 收入总计 = 本年收入合计 and 支出总计 = 本年支出合计 are applied and hold (were: not applicable)', () => {
    assert.deepEqual(states(bare, '（「本年收入合计」+'), [`holds 收支总表: ${INCOME}`]);
    assert.deepEqual(states(bare, '（「本年支出合计」+'), [`holds 收支总表: ${OUTGO}`]);
  });

  it('a 收入总计 planted wrong is found at it, against 本年收入合计 (expected, printed, difference)', () => {
    // The 收支总表's 收入总计 only (the 财政拨款收支总表 prints one too, after it).
    const planted = replaced(bare, '收入总计 | 307.24', '收入总计 | 317.24');
    assert.deepEqual(errorsOf(planted, INCOME), [
      `${lineOf(planted, '收入总计 | 317.24')} row-formula 收入总计 ≠ 本年收入合计：同一数额两处列示不一致，应为 307.24，实为 317.24，相差 10.00`,
    ]);
    assert.deepEqual(states(planted, '（「本年收入合计」+'), [`fails 收支总表: ${INCOME}`]);
  });

  it('a carry-over printed under a name the set does not know keeps the identity not applicable (no false 应为 307.24)', () => {
    // 上年结余 10.00 in 收入总计 317.24: read as absent, 上年结转结余 would be zero and 317.24 wrong.
    const unknown = replaced(replaced(XINZHOU, '上年结转结余 | 0.00', '上年结余 | 10.00'), '收入总计 | 307.24', '收入总计 | 317.24');
    assert.deepEqual(states(unknown, '（「本年收入合计」+'), [`missing 收支总表: ${INCOME}`]);
    assert.deepEqual(errorsOf(unknown, INCOME), []);
    // A row of figures with no label is no row the set names either.
    const unlabelled = replaced(XINZHOU, '上年结转结余 | 0.00', ' | 10.00');
    assert.deepEqual(states(unlabelled, '（「本年收入合计」+'), [`missing 收支总表: ${INCOME}`]);
  });

  it('a 其中 or a numbered item under a row the set names is one of its rows (the identity still applies)', () => {
    const qizhong = replaced(bare, '九、其他收入 | 0.00', '九、其他收入 | 0.00\n其中：捐赠收入 | 0.00');
    assert.deepEqual(states(qizhong, '（「本年收入合计」+'), [`holds 收支总表: ${INCOME}`]);
    const item = replaced(bare, '九、其他收入 | 0.00', '九、其他收入 | 0.00\n（一）捐赠收入 | 0.00');
    assert.deepEqual(states(item, '（「本年收入合计」+'), [`holds 收支总表: ${INCOME}`]);
    // Not numbered deeper than the row before it: a row of its own, unknown.
    const sibling = replaced(bare, '九、其他收入 | 0.00', '九、其他收入 | 0.00\n十、捐赠收入 | 0.00');
    assert.deepEqual(states(sibling, '（「本年收入合计」+'), [`missing 收支总表: ${INCOME}`]);
  });

  it('an unknown row typed into the side, then deleted: each version as a fresh analysis gives', () => {
    const z = new DocumentAnalyzer({ locale: 'zh' });
    z.analyze(bare);
    const at = bare.indexOf('\n收入总计 | 307.24\n') + 1;
    const row = '上年结余 | 10.00\n';
    z.edit(at, at, row);
    const typed = bare.slice(0, at) + row + bare.slice(at);
    assert.deepEqual(dump(z.analysis()), dump(analyze(typed, { locale: 'zh' })));
    assert.deepEqual(states(typed, '（「本年收入合计」+'), [`missing 收支总表: ${INCOME}`]);
    z.edit(at, at + row.length, '');
    assert.deepEqual(dump(z.analysis()), dump(analyze(bare, { locale: 'zh' })));
  });
});

describe('standard sets: a 收入支出决算总表 that prints no 结转结余 rows (部门决算, 硚口 2023 without them)', () => {
  const bare = without(QIAOKOU, '使用非财政拨款结余 | 28 | ', '年初结转和结余 | 29 | ', '结余分配 | 59 | ', '年末结转和结余 | 60 | ');
  const income = '「收入」「总计」行=（「本年收入合计」+「使用非财政拨款结余」+「年初结转和结余」）行';

  it('总计 = 本年收入合计 (收入) and = 本年支出合计 (支出) are applied and hold (were: not applicable)', () => {
    assert.deepEqual(states(bare, '（「本年收入合计」+「使用'), [`holds 收入支出决算总表: ${income}`]);
    assert.deepEqual(states(bare, '（「本年支出合计」+「结余分配」'), ['holds 收入支出决算总表: 「支出」「总计」行=（「本年支出合计」+「结余分配」+「年末结转和结余」）行']);
  });

  it('a 总计 planted wrong is found at it', () => {
    const lines = bare.split('\n');
    const i = lines.findIndex((l) => l.startsWith('总计 | 31 |'));
    assert.ok(i >= 0);
    const printed = lines[i].split('|')[2].trim();
    lines[i] = `总计 | 31 | 9,999.99`;
    const planted = lines.join('\n');
    const got = errorsOf(planted, income);
    assert.equal(got.length, 1, got.join('\n'));
    assert.equal(got[0], `${i + 1} row-formula 总计`);
    assert.ok(analyze(planted).findings.some((f) => f.message.startsWith(`总计（31行） ≠ 本年收入合计（27行）：同一数额两处列示不一致，应为 ${printed}，实为 9,999.99，相差 7,901.25`)));
  });

  it('the older template\'s 用事业基金弥补收支差额 in their place keeps it not applicable', () => {
    const older = replaced(QIAOKOU, '使用非财政拨款结余 | 28 | ', '用事业基金弥补收支差额 | 28 | ').replace('\n年初结转和结余 | 29 | \n', '\n');
    assert.deepEqual(states(older, '（「本年收入合计」+「使用'), [`missing 收入支出决算总表: ${income}`]);
  });
});
