/**
 * A 部门收支总表 of the 财政部 2020 layout (test/fixtures/documents/jiaoyuju-2020-budget-tables.budget: an 教育局's 2020
 * 部门预算公开表, 表1 transcribed by hand from a page's stored text, session 28; the place is not printed). Its income side
 * is 本年收入合计, 七、用事业基金弥补收支差额, 八、上年结转, 收入总计; its outgo side 本年支出合计, 二十九、事业单位结余分配
 * (其中：转入事业基金), 三十、结转下年, 支出总计 — so 收入总计 = 本年收入合计 + 用事业基金弥补收支差额 + 上年结转 and
 * 支出总计 = 本年支出合计 + 事业单位结余分配 + 结转下年. The set knew 湖北's two-term identities only: with the third row
 * printed blank they held, but a 用事业基金弥补收支差额 or 事业单位结余分配 with a figure (a 事业单位's budget) made a right
 * 收入总计 or 支出总计 "wrong" by exactly that figure. Seen once (one document of this layout). Why the row is income: "在确定年初单位
 * 预算时,如果支出安排出现缺口,也可以用一部分事业基金来弥补这一缺口" (http://wap.manyoumao.com/kexue/195253.html).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { identityState } from '../server/src/standard/apply';
import { LineIndex } from '../server/src/syntax/positions';
import { ROOT } from './support/lsp';

const TEXT = readFileSync(join(ROOT, 'test', 'fixtures', 'documents', 'jiaoyuju-2020-budget-tables.budget'), 'utf8');

/** `text` with its one line `from` replaced by `to` (the line must be there once). */
function replaced(text: string, from: string, to: string): string {
  const at = text.indexOf(`\n${from}\n`);
  assert.ok(at >= 0 && text.indexOf(`\n${from}\n`, at + 1) < 0, from);
  return text.slice(0, at + 1) + to + text.slice(at + 1 + from.length);
}

/** Every finding but information, as `line severity rule message`. */
function findings(text: string): string[] {
  const a = analyze(text);
  const idx = new LineIndex(text);
  return a.findings.filter((f) => f.severity !== 'information').map((f) => `${idx.position(f.span.start).line + 1} ${f.severity} ${f.rule} ${f.message}`);
}

/** The states of the 收支总表's identities, as `state identity`, those not applicable left out. */
function applied(text: string): string[] {
  const a = analyze(text);
  return a.document.tables.flatMap((t) => a.standard.applied(t)).map((x) => `${identityState(x)} ${x.identity.text}`).filter((s) => !s.startsWith('missing'));
}

const INCOME = '「收入总计」行=（「本年收入合计」+「用事业基金弥补收支差额」+「上年结转结余」）行';
const OUTGO = '「支出总计」行=（「本年支出合计」+「事业单位结余分配」+「年终结转结余」）行';

describe('部门预算: a 部门收支总表 of the 财政部 2020 layout (用事业基金弥补收支差额, 事业单位结余分配)', () => {
  it('plays the 收支总表 and its findings, each confirmed by hand: none', () => {
    // 本年收入合计 16,745.59 = 一般公共预算拨款收入 16,745.59 = 收入总计; 本年支出合计 16,745.59 = 12,204.85 + 1,663.86 +
    // 1,235.48 + 1,641.40 = 支出总计.
    const a = analyze(TEXT);
    assert.deepEqual(a.document.tables.map((t) => a.standard.tableOf(t)?.title ?? '—'), ['收支总表']);
    assert.deepEqual(findings(TEXT), []);
    assert.deepEqual(applied(TEXT), [
      'holds 「本年收入合计」行=（「一般公共预算拨款收入」+…）行',
      `holds ${INCOME}`,
      'holds 「本年支出合计」行=（「一般公共服务支出」+…）行',
      `holds ${OUTGO}`,
      'holds 「收入总计」行=「支出总计」行',
    ]);
  });

  it('a 用事业基金弥补收支差额 with a figure is part of 收入总计 (before: 收入总计 “wrong” by it)', () => {
    let t = replaced(TEXT, '七、用事业基金弥补收支差额 |', '七、用事业基金弥补收支差额 | 100.00');
    t = replaced(t, '收 入 总 计 | 16,745.59', '收 入 总 计 | 16,845.59');
    t = replaced(t, '三十、结转下年 |', '三十、结转下年 | 100.00');
    t = replaced(t, '支 出 总 计 | 16,745.59', '支 出 总 计 | 16,845.59');
    assert.deepEqual(findings(t), []);
    assert.ok(applied(t).includes(`holds ${INCOME}`), applied(t).join('\n'));
    // and a 收入总计 that leaves it out is found, against the three
    const wrong = replaced(t, '收 入 总 计 | 16,845.59', '收 入 总 计 | 16,745.59');
    const got = findings(wrong).filter((f) => f.includes(INCOME));
    assert.equal(got.length, 1, findings(wrong).join('\n'));
    assert.match(got[0], /error row-formula 收 入 总 计 ≠ 本 年 收 入 合 计 \+ 七、用事业基金弥补收支差额 \+ 八、上年结转：应为 16,845\.59，实为 16,745\.59，相差 100\.00/);
  });

  it('a 事业单位结余分配 with a figure is part of 支出总计, its 其中：转入事业基金 not counted again (before: 支出总计 “wrong” by it)', () => {
    let t = replaced(TEXT, '八、上年结转 |', '八、上年结转 | 100.00');
    t = replaced(t, '收 入 总 计 | 16,745.59', '收 入 总 计 | 16,845.59');
    t = replaced(t, '二十九、事业单位结余分配 |', '二十九、事业单位结余分配 | 100.00');
    t = replaced(t, '其中：转入事业基金 |', '其中：转入事业基金 | 100.00');
    t = replaced(t, '支 出 总 计 | 16,745.59', '支 出 总 计 | 16,845.59');
    assert.deepEqual(findings(t), []);
    assert.ok(applied(t).includes(`holds ${OUTGO}`), applied(t).join('\n'));
    const wrong = replaced(t, '支 出 总 计 | 16,845.59', '支 出 总 计 | 16,945.59');
    assert.ok(findings(wrong).some((f) => f.includes(OUTGO) && /应为 16,845\.59，实为 16,945\.59，相差 100\.00/.test(f)), findings(wrong).join('\n'));
  });

  it('a 本年支出合计 planted wrong is found against its classes', () => {
    const wrong = replaced(TEXT, '十九、住房保障支出 | 1,641.40', '十九、住房保障支出 | 1,614.40');
    assert.ok(findings(wrong).some((f) => /本年支出合计」行=（「一般公共服务支出」\+…）行/.test(f) && /相差 27\.00/.test(f)), findings(wrong).join('\n'));
  });
});
