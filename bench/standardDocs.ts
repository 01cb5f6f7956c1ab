/**
 * Complete disclosure documents generated with exact figures, in the layouts of the standard sets (data/standard):
 * a 部门决算 (湖北 公开01—09表 and the performance self-evaluations), a 部门预算 in 湖北's layout (附表4-1 … 4-8, the
 * 项目支出表, the forms) and one in 江苏's (公开01—12表). Every standard identity holds in them exactly (no 尾差), so
 * each one, mutated alone, must fail (test/standard.test.ts); scaled up, they measure what the standard sets cost
 * (bench/standard.ts). Deterministic for a seed.
 */
import { rng } from './generate';

export interface StandardDocOptions {
  seed?: number;
  /** 款 per 类 and 项 per 款 (1 and 2 by default: a small document; scaled up for the bench). */
  kuanPerLei?: number;
  xiangPerKuan?: number;
  /** Part of the money is 事业收入 (the conditions "all money is 一般公共预算" then do not hold). */
  ownIncome?: boolean;
  year?: number;
  /**
   * The 三公 table with its items as rows: in a 部门决算 titled as Yunnan's documents title it (`“三公”经费、行政参公单位机关
   * 运行经费情况表`), 预算数 and 决算数 as columns; in a 部门预算 as Yueyang's (`部门“三公”经费预算情况表`), or — `byFund` —
   * as a Guangdong 2019 预算 prints it, its money by fund as columns (合计, 一般公共预算, 政府性基金预算, 国有资本经营预算).
   */
  verticalSanGong?: boolean | 'byFund';
  /**
   * A 部门预算's 三公 table as 广西梧州市's (2023, 2024) prints it: with 会议费 and 培训费 and no 三公 subtotal, its 合计 the
   * whole — the items as columns, or (`rows`) as rows.
   */
  sanGongWithMeetings?: 'columns' | 'rows';
  /**
   * The 项目支出绩效自评表 with its sources of money as rows: the national form's (`年度资金总额`, `其中：当年财政拨款`,
   * `上年结转资金`, `其他资金`; 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分) or Sichuan's (`总额`, `财政资金`,
   * `财政专户管理资金`, `单位资金`, `其他资金`; 年初预算, 调整后预算数, 预算执行数, 预算执行率, 权重, 得分), or a 专项 form's
   * (重庆's 中央、市级专项转移支付绩效目标自评表: `年度资金总额：`, `其中：中央、市级补助`, `县级资金`, `其他资金`; 全年预算数(A),
   * 全年执行数(B), 执行率(B/A)).
   */
  selfEvaluation?: 'national' | 'sichuan' | 'special';
}

/** The 2023 functional classes as the 收支总表 prints them, in order. */
const CLASSES = [
  '一般公共服务支出', '外交支出', '国防支出', '公共安全支出', '教育支出', '科学技术支出', '文化旅游体育与传媒支出',
  '社会保障和就业支出', '卫生健康支出', '节能环保支出', '城乡社区支出', '农林水支出', '交通运输支出', '资源勘探工业信息等支出',
  '商业服务业等支出', '金融支出', '援助其他地区支出', '自然资源海洋气象等支出', '住房保障支出', '粮油物资储备支出',
  '国有资本经营预算支出', '灾害防治及应急管理支出', '其他支出', '债务还本支出', '债务付息支出', '抗疫特别国债安排的支出',
];
/** The 类 the documents spend in, with the code of each, and a real 款 with two real 项 under each (for small documents). */
const LEIS: [string, string][] = [['201', '一般公共服务支出'], ['208', '社会保障和就业支出'], ['210', '卫生健康支出'], ['215', '资源勘探工业信息等支出'], ['221', '住房保障支出']];
const REAL: Record<string, [string, string, [string, string][]]> = {
  201: ['20101', '人大事务', [['2010101', '行政运行'], ['2010102', '一般行政管理事务']]],
  208: ['20805', '行政事业单位养老支出', [['2080505', '机关事业单位基本养老保险缴费支出'], ['2080506', '机关事业单位职业年金缴费支出']]],
  210: ['21011', '行政事业单位医疗', [['2101101', '行政单位医疗'], ['2101102', '事业单位医疗']]],
  215: ['21505', '工业和信息产业监管', [['2150501', '行政运行'], ['2150502', '一般行政管理事务']]],
  221: ['22102', '住房改革支出', [['2210201', '住房公积金'], ['2210202', '提租补贴']]],
};
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六'];

/** A generated 项's two digits: 51–99, then 03–49 (01 and 02 are the real 项's), for up to 96 项 a 款 (the 50th had three). */
function xiangDigits(x: number): string {
  return String(x <= 49 ? x + 50 : x - 47).padStart(2, '0');
}

/** 1,234.56 from cents. */
function money(cents: number): string {
  const neg = cents < 0;
  const s = (Math.abs(cents) / 100).toFixed(2);
  const [i, f] = s.split('.');
  return `${neg ? '-' : ''}${Number(i).toLocaleString('en-US')}.${f}`;
}

interface Xiang { code: string; name: string; basic: number; project: number; own: number }
interface Node { code: string; name: string; children: Node[]; xiang?: Xiang }

/** The spending of a document: 类 → 款 → 项, each 项 with its basic and project spending (and what 事业收入 pays). */
function spending(o: Required<Omit<StandardDocOptions, 'selfEvaluation' | 'sanGongWithMeetings'>>): { leis: Node[]; xiangs: Xiang[] } {
  const r = rng(o.seed);
  const amount = () => 1000 + Math.floor(r() * 5_000_000);
  const xiangs: Xiang[] = [];
  const leis = LEIS.map(([code, name]) => {
    const kuans: Node[] = [];
    const [realKuan, realKuanName, realXiang] = REAL[code];
    for (let k = 1; k <= o.kuanPerLei; k++) {
      // The first 款 and its first two 项 are real (the catalog knows them); more, for the bench, are made up.
      const real = k === 1;
      const kcode = real ? realKuan : `${code}${String(k + 50).padStart(2, '0')}`;
      const children: Node[] = [];
      for (let x = 1; x <= o.xiangPerKuan; x++) {
        const [xcode, xname] = real && x <= realXiang.length ? realXiang[x - 1] : [`${kcode}${xiangDigits(x)}`, `${name.slice(0, 2)}事务${k}-${x}`];
        const xi: Xiang = { code: xcode, name: xname, basic: amount(), project: r() < 0.5 ? amount() : 0, own: 0 };
        xiangs.push(xi);
        children.push({ code: xcode, name: xi.name, children: [], xiang: xi });
      }
      kuans.push({ code: kcode, name: real ? realKuanName : `${name.slice(0, 2)}管理${k}`, children });
    }
    return { code, name, children: kuans };
  });
  if (o.ownIncome) {
    const x = xiangs.find((v) => v.project > 0) ?? xiangs[0];
    if (!x.project) x.project = 200_000;
    x.own = Math.floor(x.project / 2);
  }
  return { leis, xiangs };
}

function sumOf(n: Node, f: (x: Xiang) => number): number {
  return n.xiang ? f(n.xiang) : n.children.reduce((s, c) => s + sumOf(c, f), 0);
}

/** Rows `code | name | figures…` for every 类, 款 and 项, after a 合计 row. */
function codeRows(leis: Node[], cols: ((x: Xiang) => number)[], blankZero = false): string[] {
  const fig = (v: number) => (blankZero && v === 0 ? '' : money(v));
  const all: Node = { code: '', name: '', children: leis };
  const out = [` | 合计 | ${cols.map((c) => fig(sumOf(all, c))).join(' | ')}`];
  const walk = (n: Node) => {
    out.push(`${n.code} | ${n.name} | ${cols.map((c) => fig(sumOf(n, c))).join(' | ')}`);
    for (const c of n.children) walk(c);
  };
  for (const l of leis) walk(l);
  return out;
}

const all = (leis: Node[]): Node => ({ code: '', name: '', children: leis });

/** What every layout starts from: the options with their defaults, the spending, and its sums. */
function documentOf(options: StandardDocOptions, year: number) {
  const o = { seed: 1, kuanPerLei: 1, xiangPerKuan: 2, ownIncome: false, year, verticalSanGong: false, ...options };
  const { leis, xiangs } = spending(o);
  const total = (f: (x: Xiang) => number) => sumOf(all(leis), f);
  const spend = (x: Xiang) => x.basic + x.project;
  const gpb = (x: Xiang) => x.basic + x.project - x.own;
  const gpbProject = (x: Xiang) => x.project - x.own;
  // All spending, what 一般公共预算 pays of it, what 事业收入 pays, and the basic spending.
  const S = total(spend);
  const G = total(gpb);
  return { o, leis, xiangs, total, spend, gpb, gpbProject, S, G, E: S - G, basic: total((x) => x.basic) };
}

/** A 部门决算 in 湖北's layout: 公开01—09表, 目录, the 整体 and project self-evaluations, a narrative. */
export function generateFinal(options: StandardDocOptions = {}): string {
  const { o, leis, xiangs, total, spend, gpb, gpbProject, S, G, E, basic } = documentOf(options, 2023);
  const b301 = Math.floor(basic * 0.6);
  const b303 = Math.floor(basic * 0.1);
  const b302 = basic - b301 - b303;
  const y = o.year;
  const L: string[] = [
    `# ${y} 年度测试部门部门决算`, '部门：测试部门', `年度：${y}`, '类型：决算', '金额单位：万元', '',
    '## 目录', '第一部分 测试部门概况', `第二部分 测试部门 ${y} 年度部门决算表`,
    '一、收入支出决算总表', '二、收入决算表', '三、支出决算表', '四、财政拨款收入支出决算总表', '五、一般公共预算财政拨款支出决算表',
    '六、一般公共预算财政拨款基本支出决算明细表', '七、政府性基金预算财政拨款收入支出决算表', '八、国有资本经营预算财政拨款支出决算表',
    '九、财政拨款“三公”经费支出决算表', `第三部分 测试部门 ${y} 年度部门决算情况说明`, '',
    '## 第一部分 测试部门概况', '测试部门负责本地区的测试工作。', '',
    `## 表 公开01表 ${y} 年度收入支出决算总表`, '部门：测试部门', '金额单位：万元', '### 收入', '列：项目 | 行次 | 金额[1]',
    `一、一般公共预算财政拨款收入 | 1 | ${money(G)}`, '二、政府性基金预算财政拨款收入 | 2 | ', '三、国有资本经营预算财政拨款收入 | 3 | ',
    '四、上级补助收入 | 4 | ', `五、事业收入 | 5 | ${E ? money(E) : ''}`, '六、经营收入 | 6 | ', '七、附属单位上缴收入 | 7 | ', '八、其他收入 | 8 | ',
    `本年收入合计 | 27 | ${money(S)}`, '使用非财政拨款结余 | 28 | ', '年初结转和结余 | 29 | ', `总计 | 31 | ${money(S)}`,
    '### 支出', '列：项目 | 行次 | 金额[2]',
  ];
  CLASSES.forEach((c, i) => {
    const lei = leis.find((l) => l.name === c);
    L.push(`${CN[i]}、${c} | ${32 + i} | ${lei ? money(sumOf(lei, spend)) : ''}`);
  });
  L.push(`本年支出合计 | 58 | ${money(S)}`, '结余分配 | 59 | ', '年末结转和结余 | 60 | ', `总计 | 62 | ${money(S)}`,
    '注：本表反映部门本年度的总收支和年末结转结余情况。', '规则：27行=（1+2+3+4+5+6+7+8）行；31行=（27+28+29）行；', '规则：58行=（32+33+…+57）行；62行=（58+59+60）行。', '');
  L.push(`## 表 公开02表 ${y} 年度收入决算表`, '部门：测试部门', '金额单位：万元',
    '列：科目编码 | 科目名称 | 本年收入合计[1] | 财政拨款收入[2] | 上级补助收入[3] | 事业收入[4] | 经营收入[5] | 附属单位上缴收入[6] | 其他收入[7]',
    ...codeRows(leis, [spend, gpb, () => 0, (x) => x.own, () => 0, () => 0, () => 0], true),
    '注：本表反映部门本年度取得的各项收入情况。', '');
  L.push(`## 表 公开03表 ${y} 年度支出决算表`, '部门：测试部门', '金额单位：万元',
    '列：科目编码 | 科目名称 | 本年支出合计[1] | 基本支出[2] | 项目支出[3] | 上缴上级支出[4] | 经营支出[5] | 对附属单位补助支出[6]',
    ...codeRows(leis, [spend, (x) => x.basic, (x) => x.project, () => 0, () => 0, () => 0], true),
    '注：本表反映部门本年度各项支出情况。', '');
  L.push(`## 表 公开04表 ${y} 年度财政拨款收入支出决算总表`, '部门：测试部门', '金额单位：万元', '### 收入', '列：项目 | 行次 | 决算数[1]',
    `一、一般公共预算财政拨款 | 1 | ${money(G)}`, '二、政府性基金预算财政拨款 | 2 | 0', '三、国有资本经营预算财政拨款 | 3 | 0',
    `本年收入合计 | 27 | ${money(G)}`, '年初财政拨款结转和结余 | 28 | 0', '一般公共预算财政拨款 | 29 | 0', '政府性基金预算财政拨款 | 30 | 0',
    '国有资本经营预算财政拨款 | 31 | 0', `总计 | 32 | ${money(G)}`,
    '### 支出', '列：项目 | 行次 | 决算数{合计[2] | 一般公共预算财政拨款[3] | 政府性基金预算财政拨款[4] | 国有资本经营预算财政拨款[5]}');
  CLASSES.forEach((c, i) => {
    const lei = leis.find((l) => l.name === c);
    const v = lei ? money(sumOf(lei, gpb)) : '';
    L.push(`${CN[i]}、${c} | ${33 + i} | ${v} | ${v} | 0 | 0`);
  });
  L.push(`本年支出合计 | 59 | ${money(G)} | ${money(G)} | 0 | 0`, '年末财政拨款结转和结余 | 60 | 0 | 0 | 0 | 0', `总计 | 64 | ${money(G)} | ${money(G)} | 0 | 0`,
    '注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。',
    '规则：27行=（1+2+3）行；28行=（29+30+31）行；32行=（27+28）行；', '规则：59行=（33+34+…+58）行；64行=（59+60）行。', '');
  L.push(`## 表 公开05表 ${y}年度一般公共预算财政拨款支出决算表`, '部门：测试部门', '金额单位：万元', '列：科目编码 | 科目名称 | 本年支出{小计[1] | 基本支出[2] | 项目支出[3]}',
    ...codeRows(leis, [gpb, (x) => x.basic, gpbProject], true), '注：本表反映部门本年度一般公共预算财政拨款支出情况。', '规则：1栏各行=(2+3)栏各行。', '');
  L.push(`## 表 公开06表 ${y} 年度一般公共预算财政拨款基本支出决算明细表`, '部门：测试部门', '金额单位：万元', '### 人员经费', '列：科目代码 | 科目名称 | 决算数',
    `301 | 工资福利支出 | ${money(b301)}`, `303 | 对个人和家庭的补助 | ${money(b303)}`, ` | 人员经费合计 | ${money(b301 + b303)}`,
    '### 公用经费', '列：科目代码 | 科目名称 | 决算数', `302 | 商品和服务支出 | ${money(b302)}`, '310 | 资本性支出 | ', ` | 公用经费合计 | ${money(b302)}`,
    '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。', '');
  L.push(`## 表 公开07表 ${y} 年度政府性基金预算财政拨款收入支出决算表`, '部门：测试部门', '金额单位：万元',
    '列：科目编码 | 科目名称 | 年初结转和结余[1] | 本年收入[2] | 本年支出{小计[3] | 基本支出[4] | 项目支出[5]} | 年末结转和结余[6]', ' | 合计 | | | | | | ',
    '注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。', '说明：本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。', '');
  // 上海's layout of this table (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余).
  L.push(`## 表 公开08表 ${y} 年度国有资本经营预算财政拨款收入支出决算表`, '部门：测试部门', '金额单位：万元',
    '列：科目编码 | 科目名称 | 年初结转和结余[1] | 本年收入[2] | 本年支出{合计[3] | 基本支出[4] | 项目支出[5]} | 年末结转和结余[6]', ' | 合计 | | | | | | ',
    '注：本表反映部门本年度国有资本经营预算财政拨款支出情况。', '说明：本部门本年度没有国有资本经营预算财政拨款支出，故本表无数据。', '');
  const [trip, buy, run, host] = [30_000, 0, 120_000, 45_000];
  const [trip2, buy2, run2, host2] = [20_000, 0, 110_000, 40_000];
  if (options.verticalSanGong) {
    const row = (name: string, a: number, b: number) => `${name} | ${money(a)} | ${money(b)}`;
    L.push(`## 表 九、${y} 年度财政拨款“三公”经费、行政参公单位机关运行经费情况表`, '部门：测试部门', '金额单位：万元', '列：项目 | 预算数 | 决算数',
      row('一、“三公”经费支出', trip + buy + run + host, trip2 + buy2 + run2 + host2), row('（一）因公出国（境）费', trip, trip2),
      row('（二）公务用车购置及运行费', buy + run, buy2 + run2), row('1.公务用车购置费', buy, buy2), row('2.公务用车运行费', run, run2),
      row('（三）公务接待费', host, host2), '二、行政参公单位机关运行经费 | | ', '');
  } else {
    L.push(`## 表 公开09表 ${y} 年度财政拨款“三公”经费支出决算表`, '部门：测试部门', '金额单位：万元',
      '列：预算数{合计[1] | 因公出国(境)费[2] | 公务用车购置及运行维护费{小计[3] | 公务用车购置费[4] | 公务用车运行维护费[5]} | 公务接待费[6]} | 决算数{合计[7] | 因公出国(境)费[8] | 公务用车购置及运行维护费{小计[9] | 公务用车购置费[10] | 公务用车运行维护费[11]} | 公务接待费[12]}',
      [trip + buy + run + host, trip, buy + run, buy, run, host, trip2 + buy2 + run2 + host2, trip2, buy2 + run2, buy2, run2, host2].map(money).join(' | '),
      '注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。', '');
  }
  L.push(`## 情况说明 第三部分 测试部门 ${y} 年度部门决算情况说明`, '### 一、预算绩效情况说明', '本部门在部门决算中反映所有项目绩效自评结果。', '');
  L.push(`## 绩效自评表 ${y}年度测试部门部门整体绩效自评表`, '单位名称：测试部门', '列：项目 | 金额', `基本支出总额 | ${money(basic)}`, `项目支出总额 | ${money(total((x) => x.project))}`,
    '### 预算执行情况 (万元)', '列：项目 | 预算数(A)[1] | 执行数(B)[2] | 执行率(B/A)[3] | 得分[4]', `部门整体支出总额 | ${money(S)} | ${money(S)} | 100% | 20`, '');
  xiangs.filter((x) => x.project).forEach((x, i) => {
    const a = money(gpbProject(x));
    if (options.selfEvaluation === 'national') {
      L.push(`## 绩效自评表 项目支出绩效自评表（${y}年度）`, `项目名称：项目${i + 1}`, '### 项目资金（万元）',
        '列：项目 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分', `年度资金总额 | ${a} | ${a} | ${a} | 10 | 100% | 10`,
        `其中：当年财政拨款 | ${a} | ${a} | ${a} | | |`, '上年结转资金 | 0.00 | 0.00 | 0.00 | | |', '其他资金 | 0.00 | 0.00 | 0.00 | | |', '');
    } else if (options.selfEvaluation === 'sichuan') {
      L.push(`## 绩效自评表 部门预算项目支出绩效自评表(${y}年度)`, `项目名称：项目${i + 1}`, '### 预算执行情况(10分)',
        '列：年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分', `总额 | ${a} | ${a} | ${a} | 100.00% | 10 | 10`,
        `其中:财政资金 | ${a} | ${a} | ${a} | 100.00% | / | /`, '财政专户管理资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | /', '单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | /', '其他资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | /', '');
    } else if (options.selfEvaluation === 'special') {
      L.push(`## 绩效自评表 中央、市级专项转移支付绩效目标自评表（${y}年度）`, `专项(项目)名称：项目${i + 1}`, '### 项目资金（万元）',
        '列：项目 | 全年预算数(A) | 全年执行数(B) | 执行率(B/A)', `年度资金总额： | ${a} | ${a} | 100%`,
        `其中：中央、市级补助 | ${a} | ${a} | 100%`, '县级资金 | 0.00 | 0.00 |', '其他资金 | 0.00 | 0.00 |', '');
    } else {
      L.push(`## 绩效自评表 ${y} 年度项目${i + 1}项目自评表`, `项目名称：项目${i + 1}`, '### 预算执行情况 (万元)',
        '列：项目 | 预算数(A)[1] | 执行数(B)[2] | 执行率(B/A)[3] | 得分[4]', `年度财政资金总额 | ${a} | ${a} | 100% | 20`, '');
    }
  });
  return L.join('\n');
}

/** A 部门预算 in 湖北's layout: 附表4-1 … 4-8, the 项目支出表, the 部门整体 and project forms. */
export function generateBudget(options: StandardDocOptions = {}): string {
  const { o, leis, xiangs, total, spend, gpb, gpbProject, S, G, E, basic } = documentOf(options, 2023);
  const staff = (x: Xiang) => Math.floor(x.basic * 0.7);
  const office = (x: Xiang) => x.basic - staff(x);
  const people = total(staff);
  const b301 = Math.floor(people * 0.9);
  const b303 = people - b301;
  const b302 = basic - people;
  const y = o.year;
  const cn = (i: number) => CN[i].replace(/^二十(.)/, '廿$1');
  const budgetClasses = CLASSES.filter((c) => c !== '外交支出' && c !== '抗疫特别国债安排的支出').concat('债务发行费用支出');
  const L: string[] = [
    `# 测试部门 ${y} 年部门预算`, '部门：测试部门', `年度：${y}`, '类型：预算', '金额单位：万元', '',
    `## 表 附表4-1 收支总表`, '部门：测试部门', '单位：万元', '### 收入', '列：项目 | 预算数',
    `一、一般公共预算拨款收入 | ${money(G)}`, '二、政府性基金预算拨款收入 | 0.00', '三、国有资本经营预算拨款收入 | 0.00', '四、财政专户管理资金收入 | 0.00',
    `五、事业收入 | ${money(E)}`, '六、事业单位经营收入 | 0.00', '七、上级补助收入 | 0.00', '八、附属单位上缴收入 | 0.00', '九、其他收入 | 0.00',
    `本年收入合计 | ${money(S)}`, '上年结转结余 | 0.00', `收入总计 | ${money(S)}`, '### 支出', '列：项目 | 预算数',
  ];
  budgetClasses.forEach((c, i) => {
    const lei = leis.find((l) => l.name === c);
    L.push(`${cn(i)}、${c} | ${lei ? money(sumOf(lei, spend)) : '0.00'}`);
  });
  L.push(`本年支出合计 | ${money(S)}`, '年终结转结余 | 0.00', `支出总计 | ${money(S)}`, '');
  const z = '0.00';
  L.push('## 表 附表4-2 收入总表', '部门：测试部门', '单位：万元',
    '列：部门(单位)代码 | 部门(单位)名称 | 合计 | 本年收入{小计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 财政专户管理资金 | 事业收入 | 事业单位经营收入 | 上级补助收入 | 附属单位上缴收入 | 其他收入} | 上年结转结余{小计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 财政专户管理资金 | 单位资金}',
    ` | 合计 | ${money(S)} | ${money(S)} | ${money(G)} | ${z} | ${z} | ${z} | ${money(E)} | ${z} | ${z} | ${z} | ${z} | ${z} | ${z} | ${z} | ${z} | ${z} | ${z}`, '');
  L.push('## 表 附表4-3 支出总表', '部门：测试部门', '单位：万元', '列：科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 | 事业单位经营支出 | 上缴上级支出 | 对附属单位补助支出',
    ...codeRows(leis, [spend, (x) => x.basic, (x) => x.project, () => 0, () => 0, () => 0]), '');
  L.push('## 表 附表4-4 财政拨款收支总表', '部门：测试部门', '单位：万元', '### 收入', '列：项目 | 预算数',
    `一、本年收入 | ${money(G)}`, `(一)一般公共预算拨款 | ${money(G)}`, '(二)政府性基金预算拨款 | ', '(三)国有资本经营预算拨款 | ',
    '二、上年结转 | ', '(一)一般公共预算拨款 | ', '(二)政府性基金预算拨款 | ', '(三)国有资本经营预算拨款 | ', `收入总计 | ${money(G)}`,
    '### 支出', '列：项目 | 预算数', `一、本年支出 | ${money(G)}`);
  budgetClasses.forEach((c, i) => {
    const lei = leis.find((l) => l.name === c);
    L.push(`(${cn(i)})${c} | ${lei ? money(sumOf(lei, gpb)) : ''}`);
  });
  L.push('二、年终结转结余 | ', `支出总计 | ${money(G)}`, '');
  L.push('## 表 附表4-5 一般公共预算支出表', '部门：测试部门', '单位：万元', '列：科目编码 | 科目名称 | 合计 | 基本支出{小计 | 人员经费 | 公用经费} | 项目支出',
    ...codeRows(leis, [gpb, (x) => x.basic, staff, office, gpbProject]), '');
  L.push('## 表 附表4-6 一般公共预算基本支出表', '部门：测试部门', '单位：万元',
    '列：部门预算支出经济分类科目{科目编码 | 科目名称} | 本年一般公共预算基本支出{合计 | 人员经费 | 公用经费}',
    ` | 合计 | ${money(basic)} | ${money(people)} | ${money(b302)}`, `301 | 工资福利支出 | ${money(b301)} | ${money(b301)} | ${z}`,
    `302 | 商品和服务支出 | ${money(b302)} | ${z} | ${money(b302)}`, `303 | 对个人和家庭的补助 | ${money(b303)} | ${money(b303)} | ${z}`, '');
  if (options.verticalSanGong === 'byFund') {
    const row = (label: string, v: number) => `${label} | ${money(v)} | ${money(v)} | ${z} | ${z}`;
    L.push('## 表 附表4-7 财政拨款安排的行政经费及“三公”经费预算情况表', '部门：测试部门', '单位：万元',
      '列：项目 | 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算', row('行政经费', 312_23), row('“三公”经费', 195_000),
      row('其中:(一)因公出国(境)支出', 30_000), row('(二)公务用车购置及运行维护支出', 120_000), row('1.公务用车购置', 0),
      row('2.公务用车运行维护费', 120_000), row('(三)公务接待费支出', 45_000), '');
  } else if (options.verticalSanGong) {
    // As Chongqing's, Guilin's and Yueyang's (2015–2021) print it: the items as rows, numbered.
    L.push('## 表 附表4-7 部门“三公”经费预算情况表', '部门：测试部门', '单位：万元', '列：项目 | 上年执行数 | 本年预算数',
      `一、支出合计 | ${money(180_000)} | ${money(195_000)}`, `1、因公出国(境)费用 | ${money(20_000)} | ${money(30_000)}`,
      `2、公务接待费 | ${money(40_000)} | ${money(45_000)}`, `3、公务用车费 | ${money(120_000)} | ${money(120_000)}`,
      `(1)公务用车运行维护费 | ${money(110_000)} | ${money(120_000)}`, `(2)公务用车购置 | ${money(10_000)} | ${money(0)}`, '');
  } else if (options.sanGongWithMeetings === 'columns') {
    L.push('## 表 附表4-7 一般公共预算“三公”经费、会议费和培训费支出情况表', '部门：测试部门', '单位：万元',
      '列：合计 | 因公出国(境)费 | 公务用车购置及运行费{小计 | 公务用车购置费 | 公务用车运行费} | 公务接待费 | 会议费 | 培训费',
      [225_000, 30_000, 120_000, 0, 120_000, 45_000, 12_000, 18_000].map(money).join(' | '), '');
  } else if (options.sanGongWithMeetings === 'rows') {
    L.push('## 表 附表4-7 一般公共预算“三公”经费、会议费和培训费支出情况表', '部门：测试部门', '单位：万元', '列：项目 | 本年预算数',
      `合计 | ${money(225_000)}`, `因公出国(境)费 | ${money(30_000)}`, `公务用车购置及运行费 | ${money(120_000)}`,
      `公务用车购置费 | ${money(0)}`, `公务用车运行费 | ${money(120_000)}`, `公务接待费 | ${money(45_000)}`,
      `会议费 | ${money(12_000)}`, `培训费 | ${money(18_000)}`, '');
  } else {
    L.push('## 表 附表4-7 一般公共预算“三公”经费支出表', '部门：测试部门', '单位：万元',
      '列：“三公”经费合计 | 因公出国(境)费 | 公务用车购置及运行费{小计 | 公务用车购置费 | 公务用车运行费} | 公务接待费',
      [195_000, 30_000, 120_000, 0, 120_000, 45_000].map(money).join(' | '), '');
  }
  L.push('## 表 附表4-8 政府性基金预算支出表', '部门：测试部门', '单位：万元', '列：科目编码 | 科目名称 | 本年政府性基金预算支出{合计 | 基本支出 | 项目支出}',
    '注：本部门本年度没有政府性基金预算拨款安排的支出，故本表无数据。', '');
  L.push('## 表 附表4-9 国有资本经营预算支出表', '部门：测试部门', '单位：万元', '列：科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出', ' | 合计 | | | ',
    '注：本部门本年度没有国有资本经营预算拨款安排的支出，故本表无数据。', '');
  const projects = xiangs.filter((x) => x.project);
  L.push('## 表 项目支出表', '列：项目编码 | 项目名称 | 单位名称 | 合计 | 一般公共预算',
    ...projects.map((x, i) => `4201172213${String(i).padStart(11, '0')} | ${y}年项目${i + 1} | 测试部门本级 | ${money(x.project)} | ${money(gpbProject(x))}`), '');
  L.push('## 绩效目标表 部门整体支出绩效目标申报表', '部门(单位)名称：测试部门', '### 部门总体资金情况 收入构成', '列：项目 | 当年金额',
    `财政拨款 | ${money(G)}`, '财政专户管理资金 | 0', `单位资金 | ${money(E)}`, `合计 | ${money(S)}`,
    '### 部门总体资金情况 支出构成', '列：项目 | 当年金额', `人员类项目支出 | ${money(people)}`, `运转类项目支出 | ${money(b302)}`,
    `特定目标类项目支出 | ${money(total((x) => x.project))}`, `合计 | ${money(S)}`, '');
  projects.forEach((x, i) => {
    L.push(`## 项目申报表 项目${i + 1}`, `项目名称：项目${i + 1}`, '单位：万元', `项目总预算：${money(x.project)}`, `项目当年预算：${money(x.project)}`,
      '### 项目资金来源', '列：来源项目 | 金额', `合计 | ${money(x.project)}`, `1. 一般公共预算财政拨款收入 | ${money(gpbProject(x))}`,
      '2. 政府性基金预算财政拨款收入 | ', '3. 财政专户管理资金 | ', `4. 单位资金 | ${x.own ? money(x.own) : ''}`, '');
  });
  return L.join('\n');
}

/** A 部门预算 in 江苏's layout (公开01—12表, as the 2019 省级部门预算 print them). */
export function generateJiangsu(options: StandardDocOptions = {}): string {
  // The 2019 classes have no 抗疫 class; the reserve goes to 201.
  const { o, leis, total, spend, gpb, S, basic } = documentOf(options, 2019);
  const project = total((x) => x.project);
  const reserve = 500_000;
  const T = S + reserve;
  // 事业收入 (其他资金) pays part of a project: the 财政拨款 tables print the rest.
  const E = total((x) => x.own);
  const F = T - E;
  const b301 = Math.floor(basic * 0.7);
  const b303 = Math.floor(basic * 0.1);
  const b302 = basic - b301 - b303;
  const y = o.year;
  const jsClasses = ['一般公共服务支出', '外交支出', '国防支出', '公共安全支出', '教育支出', '科学技术支出', '文化旅游体育与传媒支出', '社会保障和就业支出',
    '卫生健康支出', '节能环保支出', '城乡社区支出', '农林水支出', '交通运输支出', '资源勘探工业信息等支出', '商业服务业等支出', '金融支出',
    '自然资源海洋气象等支出', '住房保障支出', '粮油物资储备支出', '灾害防治及应急管理支出', '其他支出'];
  // The reserve (单位预留机动经费) is spent in no class in this generator: it goes to 一般公共服务支出.
  const classAmount = (c: string) => {
    const lei = leis.find((l) => l.name === c);
    return (lei ? sumOf(lei, spend) : 0) + (c === '一般公共服务支出' ? reserve : 0);
  };
  const fig = (v: number) => (v ? money(v) : '');
  const L: string[] = [
    `# 测试厅 ${y} 年度部门预算公开`, '部门：测试厅', `年度：${y}`, '类型：预算', '金额单位：万元', '',
    '## 目录', `第二部分 ${y} 年度部门预算表`, '一、收支预算总表', '二、收入预算总表', '三、支出预算总表', '四、财政拨款收支预算总表', '五、财政拨款支出预算表',
    '六、财政拨款基本支出预算表', '七、一般公共预算支出预算表', '八、一般公共预算基本支出预算表', '九、一般公共预算“三公”经费、会议费、培训费支出预算表',
    '十、政府性基金财政拨款支出预算表', '十一、一般公共预算机关运行经费支出预算表', '十二、政府采购支出预算表', '',
    '## 表 公开01表 收支预算总表', '部门名称：测试厅', '单位：万元', '### 收入', '列：项目名称 | 金额',
    `一、财政拨款 | ${money(F)}`, `1.一般公共预算 | ${money(F)}`, '2.政府性基金预算 |', '二、财政专户管理资金 |', `三、其他资金 | ${fig(E)}`,
    `当年收入小计 | ${money(T)}`, '上年结转资金 |', `收入合计 | ${money(T)}`, '### 支出 功能分类', '列：功能科目名称 | 金额',
    ...jsClasses.map((c, i) => `${CN[i]}、${c} | ${fig(classAmount(c))}`),
    '### 支出 支出用途', '列：项目名称 | 金额', `一、基本支出 | ${money(basic)}`, `二、项目支出 | ${money(project)}`, `三、单位预留机动经费 | ${money(reserve)}`,
    `当年支出小计 | ${money(T)}`, '结转下年资金 |', `支出合计 | ${money(T)}`, '',
    '## 表 公开02表 收入预算总表', '部门名称：测试厅', '单位：万元', '列：项目名称 | 金额', `收入总计 | ${money(T)}`,
    '### 一般公共预算资金', '列：项目名称 | 金额', `小计 | ${money(F)}`, `公共财政拨款（补助）资金 | ${money(F)}`, '专项收入 |',
    '### 政府性基金', '列：项目名称 | 金额', '小计 |', '### 财政专户管理资金', '列：项目名称 | 金额', '小计 |', '专户管理教育收费 |', '其他非税收入 |',
    '### 其他资金', '列：项目名称 | 金额', `小计 | ${fig(E)}`, `事业收入 | ${fig(E)}`, '经营收入 |', '其他收入 |', '### 上年结转和结余资金', '列：项目名称 | 金额', '小计 |', '',
    '## 表 公开03表 支出预算总表', '部门名称：测试厅', '单位：万元', '列：合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金',
    `${money(T)} | ${money(basic)} | ${money(project)} | ${money(reserve)} |`, '',
    '## 表 公开04表 财政拨款收支预算总表', '部门名称：测试厅', '单位：万元', '### 收入', '列：项目名称 | 金额', `一、一般公共预算 | ${money(F)}`, '二、政府性基金预算 |',
    `收入合计 | ${money(F)}`, '### 支出', '列：项目名称 | 金额', `一、基本支出 | ${money(basic)}`, `二、项目支出 | ${money(project - E)}`, `三、单位预留机动经费 | ${money(reserve)}`,
    `支出合计 | ${money(F)}`, '',
  ];
  // The functional tables: the reserve in a 项 of its own under 201.
  const reserveNode: Node = { code: '2019999', name: '其他一般公共服务支出', children: [], xiang: { code: '2019999', name: '其他一般公共服务支出', basic: 0, project: reserve, own: 0 } };
  const functional = leis.map((l) => (l.code === '201' ? { ...l, children: [...l.children, { code: '20199', name: '其他一般公共服务支出', children: [reserveNode] }] } : l));
  const fRows = codeRows(functional, [gpb]);
  L.push('## 表 公开05表 财政拨款支出预算表（功能科目）', '部门名称：测试厅', '单位：万元', '列：功能科目编码 | 功能科目名称 | 金额', ...fRows, '');
  const eRows = [` | 合计 | ${money(basic)}`, `301 | 工资福利支出 | ${money(b301)}`, `302 | 商品和服务支出 | ${money(b302)}`, `303 | 对个人和家庭的补助 | ${money(b303)}`];
  L.push('## 表 公开06表 财政拨款基本支出预算表（经济科目）', '部门名称：测试厅', '单位：万元', '列：科目编码 | 科目名称 | 金额', ...eRows, '');
  L.push('## 表 公开07表 一般公共预算支出预算表（功能科目）', '部门名称：测试厅', '单位：万元', '列：功能科目编码 | 功能科目名称 | 金额', ...fRows, '');
  L.push('## 表 公开08表 一般公共预算基本支出预算表（经济科目）', '部门名称：测试厅', '单位：万元', '列：科目编码 | 科目名称 | 基本支出', ...eRows, '');
  L.push('## 表 公开09表 “三公”经费、会议费、培训费支出预算表', '部门名称：测试厅', '单位：万元',
    '列：合计 | “三公”经费{小计 | 因公出国（境）费 | 公务用车购置及运行维护费{小计 | 公务用车购置费 | 公务用车运行维护费} | 公务接待费} | 会议费 | 培训费',
    [375_000, 195_000, 30_000, 120_000, 0, 120_000, 45_000, 100_000, 80_000].map((v) => (v ? money(v) : '')).join(' | '), '');
  L.push('## 表 公开10表 政府性基金预算财政拨款支出预算表', '部门名称：测试厅', '单位：万元', '列：功能科目编码 | 功能科目名称 | 金额', ' | 合计 | 0',
    '注：本部门本年度无政府性基金预算财政拨款安排的支出。', '');
  L.push('## 表 公开11表 一般公共预算机关运行经费支出预算表', '部门名称：测试厅', '单位：万元', '列：科目编码 | 科目名称 | 机关运行经费支出',
    ` | 合计 | ${money(b302)}`, `302 | 商品和服务支出 | ${money(b302)}`, '');
  L.push('## 表 公开12表 政府采购支出预算表', '部门名称：测试厅', '单位：万元', '列：采购品目大类 | 专项名称 | 经济科目 | 采购物品名称 | 采购组织形式 | 总计',
    `合计 | | | | | ${money(300_000)}`, `一、货物 A | | | | | ${money(300_000)}`, '');
  return L.join('\n');
}

/**
 * The keystrokes of bench/standard.ts in a large document's table under `heading` (bench/keystrokes.ts sets two builds
 * side by side on the same ones): a digit of the last figure of the table's 12th line retyped (only figures change),
 * a comment line added under the heading (the table's section read again) and a data row typed (the 12th row again
 * with a label of its own, another at each keystroke: the table's shape, and the context of every identity that reads
 * it, new each time). Each gives the edited text for keystroke `i`.
 */
export function keystrokeEdits(big: string, heading: string): [string, (i: number) => string][] {
  if (!big.includes(heading)) throw new Error(`no ${heading} in the document`);
  const start = big.indexOf('\n', big.indexOf(heading)) + 1;
  let at = start;
  for (let k = 0; k < 12; k++) at = big.indexOf('\n', at) + 1;
  const figures = big.slice(at, big.indexOf('\n', at));
  const digit = at + figures.search(/\d[^\d]*$/);
  const retyped = (i: number) => `${big.slice(0, digit)}${(Number(big[digit]) + 1 + (i % 8)) % 10}${big.slice(digit + 1)}`;
  const added = (i: number) => `${big.slice(0, start)}// ${i}\n${big.slice(start)}`;
  const cells = figures.split('|');
  const typed = (i: number) => `${big.slice(0, at)}${[cells[0], ` 其他支出${i} `, ...cells.slice(2)].join('|')}\n${big.slice(at)}`;
  return [['a figure retyped', retyped], ['a comment line added', added], ['a data row typed', typed]];
}
