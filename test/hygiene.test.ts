/**
 * The document's hygiene (checks/hygiene.ts) and its completeness against its standard set and its 目录
 * (standard/completeness.ts): each class of finding, with a failing and a passing example, at its place.
 */
import { strict as assert } from 'node:assert';
import { generateBudget, generateFinal } from '../bench/standardDocs';
import { analyze } from '../server/src/analysis';
import type { Finding } from '../server/src/checks/finding';

const HEAD = (kind = '决算', year = 2023) => `# ${year} 年度测试部门部门${kind}\n部门：测试部门\n年度：${year}\n类型：${kind}\n金额单位：万元\n\n`;
const TABLE = `## 表 表1 测试表\n列：项目 | 金额\n甲 | 1.00\n`;

/** `rule: text at the finding` for the findings of one rule. */
function found(text: string, rule: Finding['rule']): string[] {
  return analyze(text).findings.filter((f) => f.rule === rule).map((f) => `${f.severity}: ${text.slice(f.span.start, f.span.end)}`);
}

describe('hygiene: placeholders', () => {
  it('XX, XXX, ××, ○○, 待填, 请填写 and （略） in a heading, a field, a cell, a note and the narrative, each at its place', () => {
    const text = `${HEAD()}## 表 表1 XX局收入表\n部门：XXX\n列：项目 | 金额 | 备注\n××费 | 1.00 | 待填\n注：○○单位请填写。\n\n## 情况说明\n本年收入 1.00 万元（略）。\n`;
    assert.deepEqual(found(text, 'placeholder'), ['error: XX', 'error: XXX', 'error: ××', 'error: 待填', 'error: ○○', 'error: 请填写', 'error: （略）']);
  });
  it('the template’s instructions left in, and its “…” example rows in a table (not in a form, where “……” means “and so on”)', () => {
    const text = `${HEAD()}## 表 表1 支出表\n列：科目编码 | 科目名称 | 合计\n… | … | \n注：无此项支出的，仍保留该表格式，并在本表下方作下述说明：\n\n## 项目申报表 甲项目\n### 绩效指标\n列：一级指标 | 二级指标\n产出指标 | ……\n\n## 情况说明\n人员经费 1 万元（按“公开06表”中实际发生经济分类支出事项填写）。与上年持平（如持平作持平表述）。\n`;
    assert.deepEqual(found(text, 'placeholder'), ['error: …', 'error: …', 'error: 仍保留该表格式', 'error: 并在本表下方作下述说明', 'error: （按“公开06表”中实际发生经济分类支出事项填写）', 'error: （如持平作持平表述）']);
  });
  it('a share left blank after its whole (`占基本支出预算%,`, 梧州 2022), not a `%` naming a share’s unit or heading what follows (review28)', () => {
    // 98aee13 found all four lines below the first a blank figure: `占比单位为%` names the unit, `占比%为80` and
    // `占总支出比重%详见附表` use `%` as a label (a blank share's `%` ends its clause).
    const text = `${HEAD('预算')}## 情况说明\n商品和服务支出预算 75800 元,占基本支出预算%,同比增加52044.27 元。\n本表金额单位为万元，占比单位为%。\n基本支出占比%为80，项目支出占比%为20。\n各项支出占总支出比重%详见附表。\n`;
    assert.deepEqual(found(text, 'placeholder'), ['error: 占基本支出预算%']);
  });
  it('a figure the template left blank (`占 %`, `比上年减少 万元`; 湛江市委宣传部 2017), not a unit named (`单位为万元`)', () => {
    const text = `${HEAD()}## 情况说明\n“三公”经费支出合计35万元。其中：因公出国（境）费 0 万元，占 %，比上年减少 万元；公务接待费30万元，占 85.71%，比上年减少2 万元。\n本表金额单位为万元，计量单位是元；增长 0%。\n`;
    assert.deepEqual(found(text, 'placeholder'), ['error: 占 %', 'error: 减少 万元']);
    assert.match(analyze(text).findings.find((f) => f.rule === 'placeholder')!.message, /模板留空的数字未填写：“占 %”/);
    // A table's row named by its unit is no blank.
    assert.deepEqual(found(`${HEAD()}## 表 表1 测试表\n列：项目 | 金额\n比上年增长% | 5.00\n`, 'placeholder'), []);
  });
  it('asterisks for the words the template left to fill (`********支出 2 万元`), not a masked number (`0898-****1234`)', () => {
    const text = `${HEAD()}## 情况说明\n按功能分类科目，********支出 2 万元，＊＊＊＊支出 2.06 万元。联系电话：0898-****1234，联系人：张**。\n`;
    assert.deepEqual(found(text, 'placeholder'), ['error: ********', 'error: ＊＊＊＊']);
  });
  it('a filled-in document has none; Latin words and codes are not placeholders', () => {
    const text = `${HEAD()}## 表 表1 收入表\n部门：测试部门\n列：项目 | 金额\nXXL 型服务器 | 1.00\n注：采购 A4 纸。\n`;
    assert.deepEqual(found(text, 'placeholder'), []);
  });
});

describe('hygiene: years', () => {
  it('the title, a part heading and a table heading name the 年度 (a range of years in a project name is left alone)', () => {
    const text = `# 2022 年度测试部门部门决算\n部门：测试部门\n年度：2023\n类型：决算\n\n## 第一部分 2022 年度测试部门概况\n概况。\n\n## 表 公开03表 2023 年度支出决算表\n列：项目 | 金额\n甲 | 1.00\n\n## 表 表2 2021年度收入表\n列：项目 | 金额\n甲 | 1.00\n\n## 绩效自评表 视频监控系统租用费 (2021-2022 年度)项目自评表\n列：项目 | 金额\n年度财政资金总额 | 1.00\n`;
    assert.deepEqual(found(text, 'year-mismatch'), ['error: 2022 年', 'error: 2022 年', 'error: 2021年']);
  });
  it('a 决算 of year Y speaks of 截至 Y 年 and compares with Y−1', () => {
    const text = `${HEAD()}## 情况说明\n截至 2022 年 12 月 31 日，本部门共有车辆 1 辆。\n截至2023年12月31日，本部门共有车辆 1 辆。\n与 2022 年度相比，收入增加 1 万元；比 2021 年度减少 2 万元。\n截止 2023 年 9 月，完成项目 3 个。\n`;
    assert.deepEqual(found(text, 'year-mismatch'), ['error: 截至 2022 年 12 月 31 日', 'error: 比 2021 年']);
  });
  it('a 预算 of year Y speaks of Y−1’s year end and compares with Y−1’s 预算: a 2026 budget comparing with 2026年预算 is an error', () => {
    const text = `${HEAD('预算', 2026)}## 情况说明\n截至 2025 年 12 月 31 日，本部门共有车辆 2 辆。\n本年支出 10 万元，比 2026年预算增加 1 万元，比 2025 年预算增加 2 万元。\n截至 2024 年底，共有设备 3 台。\n`;
    assert.deepEqual(found(text, 'year-mismatch'), ['error: 比 2026年', 'error: 截至 2024 年']);
  });
});

describe('hygiene: the unit’s name', () => {
  it('a table’s 部门 field or a heading naming another unit than the header’s 部门 (a shorter or longer form of the name agrees)', () => {
    const text = `# 2023 年度测试部门部门决算\n部门：武汉市测试部门\n年度：2023\n类型：决算\n\n## 第一部分 测试部门概况\n概况。\n\n## 第三部分 另一部门 2023 年度部门决算情况说明\n说明。\n\n## 表 表1 收入表\n部门：另一部门\n主管部门：上级局\n列：项目 | 金额\n甲 | 1.00\n`;
    assert.deepEqual(found(text, 'unit-name'), ['warning: 第三部分 另一部门 2023 年度部门决算情况说明', 'warning: 另一部门']);
  });
  it('a body’s short name is its own (`滑县政协` of `政协滑县委员会`, 河南省滑县 2016; `…人大常委会`, `…政府办公室`)', () => {
    const doc = (department: string, heading: string) => `# 2016 年度部门决算\n部门：${department}\n年度：2016\n类型：决算\n\n## 第一部分 ${heading}概况\n概况。\n`;
    assert.deepEqual(found(doc('政协滑县委员会', '滑县政协'), 'unit-name'), []);
    assert.deepEqual(found(doc('中国人民政治协商会议滑县委员会', '滑县政协'), 'unit-name'), []);
    assert.deepEqual(found(doc('滑县人民代表大会常务委员会', '滑县人大常委会'), 'unit-name'), []);
    assert.deepEqual(found(doc('滑县人民政府办公室', '滑县政府办公室'), 'unit-name'), []);
    assert.deepEqual(found(doc('政协滑县委员会', '浚县政协'), 'unit-name'), ['warning: 第一部分 浚县政协概况']);
    // The party's bodies (江苏省委办公厅 2017, its tables' 部门 in full): `中国共产党X委员会` is `X委`, `中共X委` too.
    assert.deepEqual(found(doc('江苏省委办公厅', '中国共产党江苏省委员会办公厅'), 'unit-name'), []);
    assert.deepEqual(found(doc('中共江苏省委办公厅', '江苏省委办公厅'), 'unit-name'), []);
    assert.deepEqual(found(doc('江苏省委办公厅', '中国共产党南京市委员会办公厅'), 'unit-name'), ['warning: 第一部分 中国共产党南京市委员会办公厅概况']);
  });
  it('the same unit everywhere: nothing', () => {
    assert.deepEqual(found(`${HEAD()}## 第一部分 测试部门概况\n概况。\n\n## 表 表1 收入表\n部门：测试部门\n单位：万元\n列：项目 | 金额\n甲 | 1.00\n`, 'unit-name'), []);
  });
});

describe('hygiene: repeated punctuation', () => {
  it('。。 ，， 、、 in headings, notes and the narrative; an ellipsis …… is not repeated punctuation', () => {
    const text = `${HEAD()}## 表 表1 收入表，，\n列：项目 | 金额\n甲 | 1.00\n注：本表反映收入情况。。\n\n## 情况说明\n主要用于办公、、差旅……等。\n`;
    assert.deepEqual(found(text, 'repeated-punctuation'), ['warning: ，，', 'warning: 。。', 'warning: 、、']);
    assert.deepEqual(found(`${HEAD()}${TABLE}注：本表反映收入情况。\n`, 'repeated-punctuation'), []);
  });
});

describe('hygiene: repeated words and a change beside 持平 (上海普陀文旅局 2026 编制说明)', () => {
  it('a change or function word of the narrative written twice, in the narrative and a heading, at its place', () => {
    const text = `${HEAD('预算', 2026)}## 九、其中其中：项目绩效评价自评自评结果\n\n## 情况说明\n财政拨款收入27,807.61万元，比2025年预算增加增加27.45万元；增加原因主要是主要是检测任务增加。\n`;
    // (`自评自评`, 硚口 2023, is a slip too, but not one of the closed list's words: any word may chain, `自评自评分`.)
    assert.deepEqual(found(text, 'repeated-word'), ['warning: 其中其中', 'warning: 增加增加', 'warning: 主要是主要是']);
    assert.match(analyze(text).findings.find((f) => f.rule === 'repeated-word')!.message, /词语重复：“其中其中”/);
    const more = `${HEAD('预算', 2026)}## 情况说明\n比上年比上年减少减少5万元，同比同比下降下降5%，支出100万元万元，合计合计10万元。\n`;
    assert.deepEqual(found(more, 'repeated-word'), ['warning: 比上年比上年', 'warning: 减少减少', 'warning: 同比同比', 'warning: 下降下降', 'warning: 万元万元', 'warning: 合计合计']);
  });
  it('not a chain of two words sharing one, a reduplicated verb nor an ABAB adjective (review25)', () => {
    const line = '物业管理管理费10万元，日常办公办公设备购置5万元，重点项目建设建设资金100万元，义务教育教育经费50万元，干部培训培训费3万元，'
      + '工作会议会议费2万元，完善社会保障保障体系，局办公室办公室主任1名，2026年度年度预算，政务服务服务中心，服务项目项目绩效，'
      + '在职人员人员经费，请宣传宣传，研究研究，协调协调，墙面雪白雪白。';
    assert.deepEqual(found(`${HEAD('预算', 2026)}## 情况说明\n${line}\n`, 'repeated-word'), []);
  });
  it('not Chinese grammar: a character’s own repeat, 一X一X, a reduplicated verb, a noun ending one word and beginning the next; not a cell', () => {
    const text = `${HEAD('预算', 2026)}${TABLE.replace('甲 | 1.00', '增加增加 | 1.00')}\n## 情况说明\n人人有责，年年如此，常常检查，一项一项核对，研究研究再定；另含 9 名在职人员人员经费，本部门部门预算 1 万元，与上年持平，增加 0 万元。\n`;
    assert.deepEqual(found(text, 'repeated-word'), []);
  });
  it('a change word right before 持平 is a contradiction (`增加持平`, `减少了持平`); `持平` alone, `无增减`, `增减持平` are not', () => {
    const text = `${HEAD('预算', 2026)}## 情况说明\n政府性基金拨款支出预算0万元，与2025年预算增加持平；国有资本经营预算拨款支出预算0万元，与2025年预算减少了持平。\n公务接待费2.11万元，与2025年预算持平；因公出国（境）费0万元，较上年无增减；其他0万元，增减持平。\n`;
    assert.deepEqual(found(text, 'narrative'), ['error: 增加持平', 'error: 减少了持平']);
  });
});

describe('completeness against the standard set', () => {
  const final = generateFinal();
  const without = (text: string, heading: RegExp) => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => heading.test(l));
    let end = at + 1;
    while (end < lines.length && !/^## /.test(lines[end])) end++;
    return [...lines.slice(0, at), ...lines.slice(end)].join('\n');
  };

  it('a complete document: nothing; a deleted mandatory table: at the heading of the table it should come before', () => {
    assert.deepEqual(found(final, 'table-missing'), []);
    const text = without(final, /^## 表 公开03表/);
    const f = analyze(text).findings.filter((x) => x.rule === 'table-missing');
    assert.equal(f.length, 1);
    assert.match(text.slice(f[0].span.start, f[0].span.end), /公开04表/);
    assert.match(f[0].message, /缺少标准表「支出决算表」（部门决算必备）：应在本表之前/);
    // The 目录 still lists it.
    assert.deepEqual(found(text, 'table-contents'), ['warning: 三、支出决算表']);
  });

  it('an excerpt of one table is not a disclosure: nothing is missing from it', () => {
    assert.deepEqual(found(`${HEAD()}## 表 公开03表 支出决算表\n列：科目编码 | 科目名称 | 本年支出合计\n | 合计 | 1.00\n201 | 一般公共服务支出 | 1.00\n`, 'table-missing'), []);
  });

  it('tables out of every order the set allows: at the first table that comes too late; 上海’s order (三公 seventh) is one of them', () => {
    const lines = final.split('\n');
    const block = (re: RegExp) => {
      const at = lines.findIndex((l) => re.test(l));
      let end = at + 1;
      while (end < lines.length && !/^## /.test(lines[end])) end++;
      return lines.slice(at, end);
    };
    const t02 = block(/^## 表 公开02表/);
    const t03 = block(/^## 表 公开03表/);
    const swapped = final.replace(t02.join('\n'), '§').replace(t03.join('\n'), t02.join('\n')).replace('§', t03.join('\n'));
    // With its 目录, the document is read against its own order first: one finding, of the 目录.
    assert.deepEqual(found(swapped, 'table-order'), []);
    assert.equal(found(swapped, 'table-contents').length, 1);
    const f = analyze(without(swapped, /^## 目录/)).findings.filter((x) => x.rule === 'table-order');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /本表「收入决算表」应在「支出决算表」之前/);
    // 三公 before 政府性基金 and 国有资本经营, as 上海 prints them: allowed.
    const t07 = block(/^## 表 公开07表/);
    const t08 = block(/^## 表 公开08表/);
    const t09 = block(/^## 表 公开09表/);
    const shanghai = final.replace(`${t07.join('\n')}\n${t08.join('\n')}\n${t09.join('\n')}`, `${t09.join('\n')}\n${t07.join('\n')}\n${t08.join('\n')}`);
    assert.notEqual(shanghai, final);
    assert.deepEqual(found(without(shanghai, /^## 目录/), 'table-order'), []);
  });

  it('the document’s own 目录: a table it lists but the document does not print, one it prints but does not list, another order', () => {
    const text = final.replace('二、收入决算表\n', '').replace('九、财政拨款“三公”经费支出决算表\n', '九、财政拨款“三公”经费支出决算表\n十、项目支出表\n');
    const f = analyze(text).findings.filter((x) => x.rule === 'table-contents').map((x) => x.message);
    assert.deepEqual(f, ['目录中没有本表「收入决算表」']);
    const reordered = final.replace('三、支出决算表\n四、财政拨款收入支出决算总表\n', '四、财政拨款收入支出决算总表\n三、支出决算表\n');
    assert.deepEqual(analyze(reordered).findings.filter((x) => x.rule === 'table-contents').map((x) => x.message), ['表序与目录不同：目录中「财政拨款收入支出决算总表」在「支出决算表」之前']);
  });

  it('an empty table says so under it (本表无数据 / 无…支出 / 没有…); without it, a warning at its heading', () => {
    assert.deepEqual(found(final, 'table-empty'), []);
    const text = final.replace('说明：本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。\n', '');
    assert.deepEqual(found(text, 'table-empty').map((x) => x.replace(/\d{4} 年度/, '')), ['warning: 表 公开07表 政府性基金预算财政拨款收入支出决算表']);
    assert.deepEqual(found(generateBudget(), 'table-empty'), [], '注：本部门本年度没有政府性基金预算拨款安排的支出，故本表无数据。');
  });
});

describe('the 目录 against the document\'s parts and sections (contents-heading)', () => {
  // As 黄陂 2023 prints it: the 目录 lists a 十四 the 第三部分 does not have, and a 第四部分 the body titles otherwise.
  const doc = (part4: string, extra = '') => `${HEAD()}## 目录\n第一部分 测试部门概况\n一、部门主要职责\n第三部分 测试部门 2023 年度部门决算情况说明\n一、收入支出决算总体情况说明\n二、收入决算情况说明\n十四、专项支出、转移支付支出情况说明\n第四部分 其他需要说明的情况\n第五部分 名词解释\n\n`
    + '## 第一部分 测试部门概况\n### 一、部门主要职责\n负责测试。\n\n'
    + `## 情况说明 第三部分 2023 年度部门决算情况说明\n### 一、收入支出决算总体情况说明\n收入 1.00 万元。\n### 二、收入决算情况说明\n收入 1.00 万元。\n${extra}\n`
    + `## 说明 第四部分 ${part4}\n内容。\n\n## 名词解释\n1.财政拨款收入：指财政拨款。\n`;
  it('a part titled otherwise and a section missing are found, at the 目录 entry', () => {
    assert.deepEqual(found(doc('2023 年重点工作完成情况'), 'contents-heading'), ['warning: 十四、专项支出、转移支付支出情况说明', 'warning: 第四部分 其他需要说明的情况']);
    const f = analyze(doc('2023 年重点工作完成情况')).findings.filter((x) => x.rule === 'contents-heading').map((x) => x.message);
    assert.deepEqual(f, ['目录列有「十四、专项支出、转移支付支出情况说明」，正文「第三部分 测试部门 2023 年度部门决算情况说明」中没有这一节', '目录列的「第四部分 其他需要说明的情况」，正文第四部分为「重点工作完成情况」：标题不同']);
  });
  it('nothing when they agree: the part so titled (its year and unit aside), the section as a heading or a paragraph; a part found by its title', () => {
    assert.deepEqual(found(doc('其他需要说明的情况', '### 十四、专项支出、转移支付支出情况说明\n无。\n'), 'contents-heading'), []);
    assert.deepEqual(found(doc('2023 年度其他需要说明的情况', '十四、专项支出、转移支付支出情况说明：无。\n'), 'contents-heading'), []);
    // 第五部分 名词解释 is the body's `## 名词解释` (no number); a 第二部分 of tables is table-contents' to judge.
    assert.ok(!found(doc('其他需要说明的情况'), 'contents-heading').some((x) => x.includes('名词解释')));
  });
  it('an entry read without its page number, dot leaders or Word\'s field codes (泸州 2023: `PAGEREF _Toc2776 h 4`)', () => {
    const paged = doc('其他需要说明的情况').replace('第四部分 其他需要说明的情况\n', '第四部分 其他需要说明的情况……………12\n').replace('二、收入决算情况说明\n', '二、收入决算情况说明 PAGEREF _Toc21777 h 4\n');
    assert.deepEqual(found(paged, 'contents-heading'), ['warning: 十四、专项支出、转移支付支出情况说明']);
  });
  it('a body that marks no part is not judged (a transcription that keeps its parts as comments)', () => {
    const text = doc('2023 年重点工作完成情况').replace(/^## (?:说明|情况说明) 第[三四]部分 /gm, '## 说明 ').replace('## 第一部分 测试部门概况', '## 概况');
    assert.deepEqual(found(text, 'contents-heading'), []);
  });
});
