import { strict as assert } from 'node:assert';
import { analyze } from '../server/src/analysis';
import { GOOD, ONE_WRONG_TOTAL, XINZHOU_HEAD } from './support/docs';

const errors = (text: string) => analyze(text).findings.filter((f) => f.severity === 'error');
const at = (text: string, offset: number) => text.slice(offset);

describe('rules', () => {
  it('a consistent table has no error', () => {
    assert.deepEqual(errors(GOOD).map((f) => f.message), []);
  });

  it('reports 尾差 only at information level: 157.50 + 39.76 stated as 197.25', () => {
    const tails = analyze(GOOD).findings.filter((f) => f.roundingTail);
    assert.ok(tails.length >= 1);
    for (const t of tails) assert.equal(t.severity, 'information');
    const t = tails.find((f) => f.message.includes('197.25'));
    assert.ok(t, 'the 基本支出 小计 197.25 = 157.50 + 39.76 tail is reported');
    assert.match(t.message, /197\.26/);
    assert.match(t.message, /相差 0\.01/);
    assert.equal(analyze(GOOD, { roundingTails: false }).findings.filter((f) => f.roundingTail).length, 0);
  });

  it('one wrong 合计 gives errors at that figure and nowhere else, with the right numbers', () => {
    const errs = errors(ONE_WRONG_TOTAL);
    assert.ok(errs.length >= 1);
    const pos = ONE_WRONG_TOTAL.indexOf('317.24');
    for (const e of errs) {
      assert.equal(e.span.start, pos, `error at ${at(ONE_WRONG_TOTAL, e.span.start).slice(0, 20)}`);
      assert.equal(ONE_WRONG_TOTAL.slice(e.span.start, e.span.end), '317.24');
    }
    const col = errs.find((e) => e.rule === 'column-formula');
    assert.ok(col, 'the column formula 1栏 = 2栏 + 5栏 fails');
    assert.equal(col.message.split('：')[0], '合计 ≠ 小计 + 项目支出');
    assert.match(col.message, /应为 307\.24，实为 317\.24，相差 10\.00/);
    const total = errs.find((e) => e.rule === 'total-row');
    assert.ok(total, 'the 合计 row = Σ 类 rows fails');
    assert.match(total.message, /应为 307\.25，实为 317\.24，相差 9\.99/);
    assert.ok(col.related.some((r) => ONE_WRONG_TOTAL.slice(r.span.start, r.span.end) === '197.25'));
  });

  it('n terms may miss their total by (n+1)·0.005, not more', () => {
    const doc = (total: string) => `${XINZHOU_HEAD}
## 表 表1 测试
列：项目 | 金额[1] | 甲[2] | 乙[3] | 丙[4]
合计 | ${total} | 0.33 | 0.33 | 0.33
规则：1栏各行=(2+3+4)栏各行
`;
    // 0.33·3 = 0.99 printed; true values may add to anything in [0.975, 1.005]; the total 1.00 is within [0.995, 1.005].
    assert.equal(errors(doc('1.00')).length, 0);
    assert.equal(errors(doc('1.01')).length, 0, '1.01 − 0.005 = 1.005 still meets the parts');
    assert.equal(errors(doc('1.02')).length, 1);
    assert.equal(errors(doc('0.97')).length, 0, '(3+1)·0.005 = 0.02 below is still possible');
    assert.equal(errors(doc('0.96')).length, 1);
  });

  it('the same quantity printed twice must agree at the shared precision', () => {
    const doc = (a: string, b: string) => `${XINZHOU_HEAD}
## 表 表1 甲
列：项目 | 金额[1]
一般公共服务支出 | ${a}
## 表 表2 乙
列：项目 | 金额[1]
一般公共服务支出 | ${b}
规则：「一般公共服务支出」行1栏=表1「一般公共服务支出」行1栏
`;
    assert.equal(errors(doc('262.40', '262.4')).length, 0);
    assert.equal(errors(doc('326.71', '326.72')).length, 1, 'touching intervals are still two different prints');
    assert.equal(errors(doc('49.98', '50.00')).length, 1);
    const e = errors(doc('49.98', '50.00'))[0];
    assert.equal(e.rule, 'cross-table');
    assert.match(e.message, /应为 49\.98，实为 50\.00，相差 0\.02/);
  });

  it('checks row formulas with ranges and 行次, and subtraction in column formulas', () => {
    const text = `${XINZHOU_HEAD}
## 表 公开01表 收入支出决算总表
### 收入
列：项目 | 行次 | 金额[1]
一、一般公共预算财政拨款收入 | 1 | 2,098.74
二、政府性基金预算财政拨款收入 | 2 |
三、其他收入 | 3 | 0.02
本年收入合计 | 4 | 2,098.74
### 支出
列：项目 | 行次 | 金额[2]
一、一般公共服务支出 | 5 | 261.74
二、卫生健康支出 | 6 | 1,837.00
本年支出合计 | 7 | 2,098.74
规则：4行=（1+2+…+3）行；7行=(5+6)行
## 表 公开07表 基金
列：项目 | 年初[1] | 收入[2] | 支出[3] | 年末[6]
甲 | 10.00 | 5.00 | 3.00 | 11.00
规则：6栏各行=(1+2-3)栏各行
`;
    const errs = errors(text);
    assert.equal(errs.length, 2, errs.map((e) => e.message).join('\n'));
    assert.equal(text.slice(errs[0].span.start, errs[0].span.end), '2,098.74');
    assert.match(errs[0].message, /应为 2,098\.76/);
    assert.match(errs[1].message, /应为 12\.00，实为 11\.00，相差 1\.00/);
  });

  it('rolls up 类 = Σ款 and 款 = Σ项 without declaration, economic codes too', () => {
    const text = `${XINZHOU_HEAD}
## 表 附表4-6 一般公共预算基本支出表
列：科目编码 | 科目名称 | 合计
 | 合计 | 197.25
301 | 工资福利支出 | 157.50
30101 | 基本工资 | 50.07
30102 | 津贴补贴 | 107.43
302 | 商品和服务支出 | 39.76
30201 | 办公费 | 39.00
`;
    const errs = errors(text);
    assert.equal(errs.length, 1);
    assert.equal(errs[0].rule, 'code-hierarchy');
    assert.match(errs[0].message, /商品和服务支出 ≠ 办公费：应为 39\.00，实为 39\.76，相差 0\.76/);
  });

  it('uses exact decimal arithmetic on very long figures', () => {
    const big = '9'.repeat(400);
    const text = `${XINZHOU_HEAD}
## 表 表1 长
列：项目 | 金额[1] | 甲[2] | 乙[3]
合计 | 1${'0'.repeat(400)}.00 | ${big}.00 | 1.00
规则：1栏各行=(2+3)栏各行
`;
    assert.equal(errors(text).length, 0);
    assert.equal(errors(text.replace('| 1.00', '| 2.00')).length, 1);
  });
});

describe('rules: a figure’s precision is the finest printed in its column', () => {
  it('17.5 among 10.49 is 17.50: a sum off by 0.06 is an error, not a 尾差', () => {
    const doc = (total: string) => `# 某部门 2023 年度部门预算
年度：2023
类型：预算
金额单位：万元

## 表 表1 项目支出表
列：项目 | 金额
合计 | ${total}
甲项目 | 10.49
乙项目 | 17.5
规则：「合计」行=(「甲项目」+「乙项目」)行
`;
    // Read as 17.5 ± 0.05, 10.49 + 17.5 could reach 28.045, and 28.05 would be a 尾差; as 17.50, it is 0.06 short.
    const errs = errors(doc('28.05'));
    assert.equal(errs.length, 1);
    assert.match(errs[0].message, /应为 27\.99，实为 28\.05/);
    assert.deepEqual(errors(doc('27.99')), []);
  });
});

describe('rules: a column name that prints its formula (`执行率(B/A)`)', () => {
  // The 项目支出绩效自评表 of every 决算 (the seeds' 硚口 and 黄陂 print it so; 河北省廊坊市 2019's as `执行率`, its
  // columns `预算数(A)`, `执行数(B)`): each row's rate is B ÷ A, with no 规则 line.
  const form = (rate: string, head = '执行率(B/A)') => `# 2023 年度某单位部门决算\n类型：决算\n年度：2023\n\n## 绩效自评表 2023 年度某项目自评表\n项目名称：某项目\n### 预算执行情况 (万元)\n列：项目 | 预算数(A) | 执行数(B) | ${head} | 得分\n年度财政资金总额 | 43.20 | 37.24 | ${rate} | 9\n`;
  const at = (text: string) => analyze(text).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${text.slice(f.span.start, f.span.end)}`);

  it('holds within the rounding of the rate: no finding; a rate mistyped is found at the rate', () => {
    // 37.24 ÷ 43.20 is 86.2 %.
    assert.deepEqual(at(form('86%')), []);
    assert.deepEqual(at(form('86.20%')), []);
    assert.deepEqual(at(form('96%')), ['column-formula 96%']);
    assert.match(analyze(form('96%')).findings.find((f) => f.severity === 'error')!.message, /按 37\.24 ÷ 43\.20 应为 86%.*栏名所示公式 执行率\(B\/A\)/);
  });

  it('the formula written `(C=B/A)` or with full-width brackets; a rate without its % sign, or a name without letters beside columns without them, is not judged', () => {
    assert.deepEqual(at(form('96%', '执行率（C=B/A）')), ['column-formula 96%']);
    assert.deepEqual(at(form('96', '执行率(B/A)')), []);
    assert.deepEqual(at(form('96%', '执行率')), []);
  });

  it('a rate named without its formula beside the national form\'s (全年执行数 ÷ 全年预算数) or Sichuan\'s (预算执行数 ÷ 调整后预算数) columns', () => {
    const named = (head: string, rate: string) => `# 2023 年度某单位部门决算\n类型：决算\n年度：2023\n\n## 绩效自评表 项目支出绩效自评表（2023年度）\n项目名称：某项目\n### 项目资金（万元）\n列：${head}\n年度资金总额 | 43.20 | 43.20 | 37.24 | 10 | ${rate} | 8.62\n`;
    const national = '项目 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分';
    const sichuan = '年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 权重 | 预算执行率 | 得分';
    for (const head of [national, sichuan]) {
      assert.deepEqual(at(named(head, '86.20%')), []);
      // Since session 23 the bare 得分 beside 分值 (权重) and the rate is 分值 × 执行率 (the national form's funds part): the
      // score 8.62 = 10 × 86.20 % follows the amounts, not the rate — found too, naming the rate, as a formula's score is
      // (forms.score.test's 17.24 beside 96.20 %).
      assert.deepEqual(at(named(head, '96.20%')), ['column-formula 96.20%', 'column-formula 8.62']);
      const score = analyze(named(head, '96.20%')).findings.filter((f) => f.severity === 'error')[1];
      assert.match(score.message, /；可能有误的是 「年度资金总额」行「(?:预算)?执行率」栏$/);
    }
    assert.match(analyze(named(sichuan, '96.20%')).findings.find((f) => f.severity === 'error')!.message, /（预算执行率 = 预算执行数 ÷ 调整后预算数）/);
  });
});

describe('rules: a performance form\'s 总分 is the sum of its scores (绩效自评表)', () => {
  // Every 决算's 绩效自评表 (the seeds' 硚口 and 黄陂; Anhui's 池州 and Sichuan's 大英 print 得分 and 总分/合计 alike):
  // the 预算执行情况 score and each 年度目标's indicator scores add up to the 总分, with no 规则 line.
  const form = (scores: string[], total: string, tail = `总分：${total}`) => [
    '# 2023 年度某单位部门决算', '类型：决算', '年度：2023', '', '## 绩效自评表 2023 年度某项目自评表', '项目名称：某项目',
    '### 预算执行情况 (万元) (20分)', '列：项目 | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率)', `年度财政资金总额 | 10.00 | 10.00 | 100% | ${scores[0]}`,
    '### 年度绩效目标 1 (80分)', '列：一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分',
    ...scores.slice(1).map((s, i) => `${i ? '' : '产出指标'} | 数量指标 | 指标${i + 1} | 1份 | 1份 | ${s}`), tail, ''].join('\n');
  const found = (text: string) => analyze(text).findings.filter((f) => f.rule === 'form').map((f) => `${f.severity} ${text.slice(f.span.start, f.span.end)}`);

  it('adds up: nothing; one score mistyped or left blank: an error at the 总分, named by the rule', () => {
    assert.deepEqual(found(form(['20', '40', '30', '10'], '100')), []);
    assert.deepEqual(found(form(['20', '40', '30', '10'], '95')), ['error 95']);
    assert.deepEqual(found(form(['20', '40', '', '10'], '100')), ['error 100']);
    const f = analyze(form(['20', '40', '30', '12'], '100')).findings.find((x) => x.rule === 'form')!;
    assert.match(f.message, /应为 102，实为 100，相差 2（表单核对 总分 = Σ各项得分）/);
  });

  it('whole scores are whole points (not ±0.5 each); scores with decimals are judged with their rounding', () => {
    // 72 scores of 1 would reach ±36 points as rounded amounts: 71 against 72 is an error, not a 尾差.
    assert.deepEqual(found(form(['1', ...Array(71).fill('1')], '71')), ['error 71']);
    // 20/3 printed 6.67 three times: 20.01 against 20 (黄陂's 80.02 against 80) is a 尾差.
    assert.deepEqual(found(form(['0', '6.67', '6.67', '6.67'], '20')), ['information 20']);
    assert.deepEqual(found(form(['0', '6.67', '6.67', '6.67'], '21')), ['error 21']);
  });

  it('a 总分 row\'s weight (`分值`, `权重`) is the sum of the weights, whole weights whole points (安徽池州\'s form)', () => {
    const weights = (w: string) => ['# 2022 年度某镇部门决算', '类型：决算', '年度：2022', '', '## 绩效自评表 项目支出绩效自评表（2022年度）', '项目名称：某项目',
      '### 项目资金（万元）', '列：项目 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分', '年度资金总额 | 90 | 90 | 10 | 100% | 10',
      '### 绩效指标', '列：一级指标 | 三级指标 | 分值 | 得分', ...Array.from({ length: 9 }, (_, i) => `${i ? '' : '产出指标(90分)'} | 指标${i + 1} | 10 | 10`),
      `总分 | | ${w} | 100`, ''].join('\n');
    assert.deepEqual(found(weights('100')), []);
    assert.deepEqual(found(weights('105')), ['error 105']);
    assert.match(analyze(weights('105')).findings.find((f) => f.rule === 'form')!.message, /应为 100，实为 105，相差 5（表单核对 总分值 = Σ各项分值）/);
  });

  it('the total as a 合计 row of the scores, or 总得分; a rate column (得分率) and a form without a total are not judged', () => {
    assert.deepEqual(found(form(['20', '40', '30', '10'], '', '合计 | | | | | 90')), ['error 90']);
    assert.deepEqual(found(form(['20', '40', '30', '10'], '', '总得分：100')), []);
    assert.deepEqual(found(form(['20', '40', '30', '10'], '', '')), []);
    assert.deepEqual(found(form(['20', '40', '30', '10'], '95').replace(/\| 得分$/m, '| 得分率')), []);
  });
});

describe('rules: a sum of references in brackets (`(「基本支出」行1栏+「项目支出」行1栏)`)', () => {
  // docs/rules.md's cell-formula example: its atoms were read one by one, `1栏` the rule's own cell (4.00 = 1.00 + 4.00
  // + 2.00 + 4.00, a false 应为 11.00).
  const doc = (rule: string) => `# 测试\n年度：2023\n标准表：无\n\n## 表 表1 测试\n列：项目 | 金额\n基本支出 | 1.00\n项目支出 | 2.00\n合计 | 4.00\n规则：${rule}\n`;
  const rels = (text: string) => analyze(text).relations.map((r) => `${r.target.text} = ${r.terms.map((t) => `${t.sign < 0 ? '-' : ''}${t.cell.text}`).join(' + ')} :: ${r.title}`);

  it('is the same sum without them, its rule text whole', () => {
    assert.deepEqual(rels(doc('「合计」行1栏=(「基本支出」行1栏+「项目支出」行1栏)')), ['4.00 = 1.00 + 2.00 :: 规则 「合计」行1栏=(「基本支出」行1栏+「项目支出」行1栏)']);
    assert.deepEqual(rels(doc('「合计」行1栏=（「基本支出」行1栏-「项目支出」行1栏）')), ['4.00 = 1.00 + -2.00 :: 规则 「合计」行1栏=（「基本支出」行1栏-「项目支出」行1栏）']);
    assert.deepEqual(rels(doc('「合计」行1栏=-(「基本支出」行1栏+「项目支出」行1栏)')).map((r) => r.split(' :: ')[0]), ['4.00 = -1.00 + -2.00']);
  });

  it('a rule of the document\'s that reads one figure on both sides says so at the rule; a condition so written holds', () => {
    const text = doc('「合计」行1栏=「合计」行1栏+「项目支出」行1栏');
    const f = analyze(text).findings.filter((x) => x.rule === 'rule-reference');
    assert.deepEqual(f.map((x) => text.slice(x.span.start, x.span.end)), ['「合计」行1栏=「合计」行1栏+「项目支出」行1栏']);
    assert.match(f[0].message, /规则两边读到同一个数/);
    assert.deepEqual(analyze(doc('「合计」行1栏=「基本支出」行1栏+「项目支出」行1栏 当 「合计」行=「合计」行')).findings.filter((x) => x.rule === 'rule-reference'), []);
  });

  it('a group with a unit after it is read as before (`（「基本支出」+「项目支出」）行`)', () => {
    assert.deepEqual(rels(doc('「合计」行=（「基本支出」+「项目支出」）行')).map((r) => r.split(' :: ')[0]), ['4.00 = 1.00 + 2.00']);
  });
  it('a group of columns, by 栏次 or by name: the same relations either way; a column no part has is named where it is written', () => {
    const byName = GOOD.replace('规则：1栏各行=(2+5)栏各行；2栏各行=(3+4)栏各行', '规则：1栏各行=(「小计」+「项目支出」)栏各行；2栏各行=(「人员经费」+「公用经费」)栏各行');
    // The document's rules alone (the standard set's identities of this table say the same).
    const sig = (text: string) => analyze(text, { standard: false }).relations.filter((r) => r.rule === 'column-formula')
      .map((r) => `${r.target.span.start}=${r.terms.map((t) => `${t.sign}:${t.cell.span.start}`).join(',')}`);
    const numbered = sig(GOOD);
    // Each of the table's 18 rows, both rules.
    assert.equal(numbered.length, 36);
    assert.deepEqual(sig(byName), numbered);
    // Wrong 合计 found through a group by name as through one by number.
    const wrong = byName.replace(' | 合计 | 307.24 |', ' | 合计 | 317.24 |');
    assert.ok(analyze(wrong, { standard: false }).findings.some((e) => e.rule === 'column-formula' && e.severity === 'error' && wrong.slice(e.span.start, e.span.end) === '317.24'));
    // (A group's name is no column's: 「基本支出」 names none, its 小计 is 「小计」.)
    for (const [bad, atom] of [['(2+9)栏各行', '9'], ['(2+「结转」)栏各行', '「结转」'], ['(「基本支出」+5)栏各行', '「基本支出」']] as const) {
      const text = GOOD.replace('(2+5)栏各行', bad);
      const problems = analyze(text, { standard: false }).findings.filter((f) => f.rule === 'rule-reference');
      assert.equal(problems.length, 1, bad);
      assert.equal(problems[0].message, `找不到栏 ${atom.startsWith('「') ? atom : `${atom}栏`}`);
      const at = text.indexOf(bad) + bad.indexOf(atom);
      assert.deepEqual([problems[0].span.start, problems[0].span.end], [at, at + atom.length]);
      // The rule gives nothing; the other rule still gives its 18.
      assert.equal(sig(text).length, 18);
    }
  });
});
